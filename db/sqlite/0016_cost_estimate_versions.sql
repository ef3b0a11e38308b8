-- Every version of a cost estimate, so figures as of a past day use the estimate of that day (an execution replaces
-- the estimate with the cost after simplification; the year before must still count the cost before).
create table cost_estimate_version (
    regulation_id integer not null references regulation (id),
    version integer not null,
    year integer not null,
    inputs text not null,
    saved_at text not null,
    saved_by integer references app_user (id),
    primary key (regulation_id, version)
);
insert into cost_estimate_version (regulation_id, version, year, inputs, saved_at, saved_by)
select regulation_id, version, year, inputs, updated_at, updated_by from cost_estimate;
