-- Which version of each shipped reference list (agencies, calendar, business lines and provinces) the database holds:
-- a start of the same portal loads none of them again.
create table reference_file (
    name text primary key,
    fingerprint text not null
) without rowid;
