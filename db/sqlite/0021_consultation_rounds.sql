-- A re-issued draft is consulted again in a new round that points to the round before; both stay public.
alter table consultation add column previous_id integer references consultation (id);
create index consultation_by_previous on consultation (previous_id);
