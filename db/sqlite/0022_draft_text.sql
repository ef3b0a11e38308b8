-- A draft's full text, shown article by article; its articles and clauses become the items comments anchor to.
alter table consultation add column draft_text text not null default '';
alter table consultation_item add column anchor text;
