-- Phản ánh, kiến nghị: businesses' feedback and proposals on regulations in force, answered by the owning agency.
-- Two roles arrive with it: provincial offices (bound to a province) file feedback compiled from local businesses, and
-- members of the Advisory Council publish signed opinions on plans and drafts.
insert into app_role (name, normalized_name) values ('province', 'PROVINCE'), ('advisor', 'ADVISOR');

-- The province a provincial office's account speaks for.
create table user_province (
    user_id integer primary key references app_user (id),
    province_code text not null references province (code)
);

create table feedback (
    id integer primary key,
    regulation_id integer not null references regulation (id),
    -- The agency that must answer now: the regulation's, or the one that accepted a transfer.
    agency_id integer not null references agency (id),
    user_id integer not null references app_user (id),
    respondent_kind text not null,
    -- Set when a provincial office files on behalf of the businesses of its province.
    province_code text references province (code),
    problem text not null,
    proposal text not null,
    attachment_id integer references attachment (id),
    filed_on text not null,
    filed_at text not null,
    answer_due text not null,
    -- A transfer waiting for the other agency to accept or return it.
    transfer_to integer references agency (id),
    answer text,
    answered_on text,
    answered_by integer references app_user (id),
    satisfied integer,
    rating_remark text,
    rated_at text,
    hidden_at text,
    hidden_by integer references app_user (id),
    hidden_reason text,
    version integer not null default 1
);
create index feedback_by_agency on feedback (agency_id, answered_on);
create index feedback_by_regulation on feedback (regulation_id);
create index feedback_by_user on feedback (user_id, filed_at);
create index feedback_by_transfer on feedback (transfer_to) where transfer_to is not null;

-- What happened to a feedback, in order: filed, transferred, accepted, returned, answered, rated, hidden.
create table feedback_event (
    id integer primary key,
    feedback_id integer not null references feedback (id),
    kind text not null check (kind in ('filed', 'transfer', 'accept', 'return', 'answer', 'rate', 'hide')),
    from_agency integer references agency (id),
    to_agency integer references agency (id),
    note text not null default '',
    on_day text not null,
    at text not null,
    by_user integer references app_user (id)
);
create index feedback_event_by_feedback on feedback_event (feedback_id, id);

-- The Advisory Council's signed, independent opinions on a plan or draft under consultation.
create table council_opinion (
    id integer primary key,
    consultation_id integer not null references consultation (id),
    user_id integer not null references app_user (id),
    signed_as text not null,
    body text not null,
    attachment_id integer references attachment (id),
    published_at text not null,
    hidden_at text,
    hidden_by integer references app_user (id),
    hidden_reason text
);
create index council_opinion_by_consultation on council_opinion (consultation_id, id);
