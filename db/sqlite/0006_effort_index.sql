-- The reform-effort index: methodology versions reviewers add for future periods, and published periods frozen as snapshots.
create table methodology (
    version integer primary key,
    effective_from text not null,
    definition text not null,
    created_at text not null,
    created_by integer references app_user (id)
);

create table effort_period (
    period text primary key,
    methodology_version integer not null,
    published_at text not null,
    published_by integer references app_user (id),
    snapshot text not null
);
