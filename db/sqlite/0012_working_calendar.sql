-- Public holidays and the government's swaps, for deadlines counted in working days: weekdays off ('off') and
-- weekend days worked in exchange ('worked'). Loaded per year from db/reference/calendar.csv; administrators edit it.
create table calendar_day (
    day text primary key,
    kind text not null check (kind in ('off', 'worked')),
    name text not null,
    source text not null
) without rowid;
