-- An author may withdraw their own comment while the window is open; it stays in the record, marked withdrawn, and
-- needs no answer.
alter table comment add column withdrawn_at text;
