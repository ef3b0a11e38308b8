-- Anyone signed in may report a feedback as abusive, once; moderators see how many have.
create table feedback_report (
    feedback_id integer not null references feedback (id),
    user_id integer not null references app_user (id),
    reason text not null,
    created_at text not null,
    primary key (feedback_id, user_id)
) without rowid;
