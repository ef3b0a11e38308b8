-- Closing a consultation early or extending it is recorded with the lead's reason, shown on the consultation's page.
create table consultation_change (
    id integer primary key,
    consultation_id integer not null references consultation (id),
    kind text not null check (kind in ('close_early', 'extend')),
    on_day text not null,
    closes_on_before text not null,
    closes_on_after text not null,
    reason text not null,
    changed_by integer references app_user (id),
    changed_at text not null
);
create index consultation_change_by_consultation on consultation_change (consultation_id, id);
