-- The registry: agencies, sectors, legal documents (VBQPPL) and the six kinds of regulation.
create table agency (
    id integer primary key,
    code text not null unique,
    name text not null
);

create table sector (
    id integer primary key,
    name text not null,
    name_key text not null unique
);

create table legal_document (
    id integer primary key,
    number text not null,
    number_key text not null unique,
    doc_type text not null,
    title text not null default '',
    issuer text not null default '',
    issued_on text,
    effective_on text,
    expires_on text,
    status text not null default 'unknown' check (status in ('in_force', 'draft', 'expired', 'unknown'))
);

-- change_seq orders every write, so caches built from this table can catch up cheaply.
create table registry_state (
    id integer primary key check (id = 1),
    change_seq integer not null
);
insert into registry_state (id, change_seq) values (1, 0);

create table regulation (
    id integer primary key,
    code text not null,
    code_key text not null unique,
    kind text not null check (kind in ('TTHC', 'YCDK', 'TCQC', 'CDBC', 'KTCN', 'CAM')),
    title text not null,
    content text not null default '',
    agency_id integer not null references agency (id),
    status text not null check (status in ('in_force', 'draft', 'repealed')),
    published integer not null default 0,
    published_on text,
    effective_on text,
    processing_time text,
    fees text,
    implementing_body text,
    dossier text,
    result text,
    report_frequency text,
    report_recipient text,
    business_line text,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null,
    change_seq integer not null
);
create index regulation_by_agency on regulation (agency_id, kind);
create index regulation_by_change on regulation (change_seq);

create table regulation_sector (
    regulation_id integer not null references regulation (id),
    sector_id integer not null references sector (id),
    primary key (regulation_id, sector_id)
) without rowid;
create index regulation_sector_by_sector on regulation_sector (sector_id, regulation_id);

create table regulation_basis (
    regulation_id integer not null references regulation (id),
    position integer not null,
    legal_document_id integer not null references legal_document (id),
    article text not null default '',
    primary key (regulation_id, position)
) without rowid;
create index regulation_basis_by_document on regulation_basis (legal_document_id, regulation_id);

create table regulation_product (
    regulation_id integer not null references regulation (id),
    position integer not null,
    hs_code text not null,
    name text not null,
    primary key (regulation_id, position)
) without rowid;

-- Each save keeps the whole record as it was saved, as JSON, and the names of the fields it changed.
create table regulation_version (
    regulation_id integer not null references regulation (id),
    version integer not null,
    saved_at text not null,
    source text not null,
    changes text not null,
    snapshot text not null,
    primary key (regulation_id, version)
) without rowid;
