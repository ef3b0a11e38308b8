-- Work that must run once per period however many nodes serve the portal (the digest): the first node to claim a
-- period runs it; the others find the period claimed and skip it.
create table scheduled_run (
    job text not null,
    period_start text not null,
    node text not null,
    claimed_at text not null,
    primary key (job, period_start)
) without rowid;
