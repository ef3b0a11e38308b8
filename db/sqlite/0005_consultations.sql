-- Consultations, comments, the agencies' answers (giải trình), ratings, moderation, follows and notifications.
create table consultation (
    id integer primary key,
    agency_id integer not null references agency (id),
    subject text not null check (subject in ('document', 'plan', 'regulation')),
    legal_document_id integer references legal_document (id),
    plan_id integer references plan (id),
    regulation_id integer references regulation (id),
    title text not null,
    summary text not null default '',
    opens_on text not null,
    closes_on text not null,
    published integer not null default 0,
    -- Set when the agency ends the window before its closing day; answers are due from then.
    closed_on text,
    version integer not null default 1,
    created_at text not null
);
create index consultation_by_agency on consultation (agency_id, closes_on);

-- What is consulted: a regulation, or an article of the draft.
create table consultation_item (
    id integer primary key,
    consultation_id integer not null references consultation (id),
    position integer not null,
    regulation_id integer references regulation (id),
    label text not null
);
create index consultation_item_by_consultation on consultation_item (consultation_id, position);

create table attachment (
    id integer primary key,
    stored_name text not null unique,
    original_name text not null,
    content_type text not null,
    size integer not null,
    sha256 text not null
);

create table comment (
    id integer primary key,
    consultation_id integer not null references consultation (id),
    item_id integer references consultation_item (id),
    user_id integer not null references app_user (id),
    stance text not null check (stance in ('support', 'oppose', 'amend')),
    respondent_kind text not null,
    body text not null,
    body_key text not null,
    repeat_of integer references comment (id),
    attachment_id integer references attachment (id),
    created_at text not null,
    hidden_at text,
    hidden_by integer references app_user (id),
    hidden_reason text
);
create index comment_by_consultation on comment (consultation_id, id);
create index comment_by_user on comment (user_id, created_at);

create table comment_report (
    comment_id integer not null references comment (id),
    user_id integer not null references app_user (id),
    reason text not null,
    created_at text not null,
    primary key (comment_id, user_id)
) without rowid;

create table answer (
    comment_id integer primary key references comment (id),
    verdict text not null check (verdict in ('accepted', 'partly', 'not_accepted')),
    explanation text not null check (length(trim(explanation)) > 0),
    answered_on text not null,
    answered_at text not null,
    answered_by integer references app_user (id)
);

create table rating (
    comment_id integer primary key references comment (id),
    satisfied integer not null,
    remark text not null default '',
    rated_at text not null
);

create table follow (
    user_id integer not null references app_user (id),
    target text not null check (target in ('regulation', 'consultation', 'agency', 'sector')),
    target_id integer not null,
    created_at text not null,
    primary key (user_id, target, target_id)
) without rowid;
create index follow_by_target on follow (target, target_id);

create table notification (
    id integer primary key,
    user_id integer not null references app_user (id),
    created_at text not null,
    text text not null,
    url text not null,
    read_at text,
    emailed_at text
);
create index notification_by_user on notification (user_id, id);
