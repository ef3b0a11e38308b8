-- Accounts (ASP.NET Core Identity over our own tables), agency ownership of legal documents, and the audit trail.
create table app_user (
    id integer primary key,
    email text not null,
    normalized_email text not null unique,
    display_name text not null,
    user_kind text not null check (user_kind in ('business', 'association', 'citizen', 'expert', 'government')),
    tax_code text,
    agency_id integer references agency (id),
    password_hash text,
    security_stamp text not null,
    concurrency_stamp text not null,
    lockout_enabled integer not null default 1,
    lockout_end text,
    access_failed_count integer not null default 0,
    created_at text not null
);
create index app_user_by_agency on app_user (agency_id);

create table app_role (
    id integer primary key,
    name text not null,
    normalized_name text not null unique
);
insert into app_role (name, normalized_name) values
    ('editor', 'EDITOR'), ('lead', 'LEAD'), ('reviewer', 'REVIEWER'), ('admin', 'ADMIN');

create table user_role (
    user_id integer not null references app_user (id),
    role_id integer not null references app_role (id),
    primary key (user_id, role_id)
) without rowid;

-- The agency that maintains a legal document's record; filled from the regulations that cite it.
alter table legal_document add column agency_id integer references agency (id);
alter table legal_document add column version integer not null default 1;
update legal_document set agency_id = (
    select r.agency_id from regulation_basis b join regulation r on r.id = b.regulation_id
    where b.legal_document_id = legal_document.id
    group by r.agency_id order by count(*) desc, r.agency_id limit 1);

alter table regulation_version add column saved_by integer references app_user (id);

-- Append-only: who did what, when, to which record, from which version.
create table audit_event (
    id integer primary key,
    at text not null,
    user_id integer references app_user (id),
    actor text not null,
    action text not null,
    entity text not null,
    entity_key text not null,
    agency_id integer references agency (id),
    from_version integer,
    to_version integer,
    summary text not null default ''
);
create index audit_event_by_entity on audit_event (entity, entity_key);
create index audit_event_by_agency on audit_event (agency_id, id);
create trigger audit_event_no_update before update on audit_event
begin select raise(abort, 'audit_event is append-only'); end;
create trigger audit_event_no_delete before delete on audit_event
begin select raise(abort, 'audit_event is append-only'); end;
