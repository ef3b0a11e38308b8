-- Posts per client in the current window (sign-in, registration and password reset per address; comments per user).
-- Counted here rather than in each process, so the limits hold when several nodes serve the portal.
create table post_count (
    bucket text not null,
    client text not null,
    window_start integer not null,
    count integer not null,
    primary key (bucket, client, window_start)
) without rowid;
