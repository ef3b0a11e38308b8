-- Demo data may cite document numbers made up for the illustration; pages mark them so no one takes them for real.
alter table legal_document add column illustrative integer not null default 0;
alter table plan_item_document add column illustrative integer not null default 0;
