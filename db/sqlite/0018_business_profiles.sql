-- Whom a regulation applies to, and the reference lists a business describes itself with.

-- VSIC 2018 (Quyết định 27/2018/QĐ-TTg): sections and divisions ship in db/reference/vsic.csv; administrators import
-- groups, classes and subclasses. parent_code is the level above (a division's section).
create table vsic_line (
    code text primary key,
    name text not null,
    name_key text not null,
    parent_code text references vsic_line (code)
) without rowid;

-- Provinces in force since 1 July 2025 (Nghị quyết 202/2025/QH15; codes of Quyết định 19/2025/QĐ-TTg), each with the
-- provinces of before that merged into it ("02 Tỉnh Hà Giang; 08 Tỉnh Tuyên Quang").
create table province (
    code text primary key,
    name text not null,
    predecessors text not null default ''
) without rowid;

-- Null: the regulation applies both on entering the market and while operating.
alter table regulation add column applies_stage text check (applies_stage in ('entry', 'operation'));

-- One row per tag; a regulation without tags of a dimension applies to every business on that count.
create table regulation_applies (
    regulation_id integer not null references regulation (id),
    dimension text not null check (dimension in ('line', 'form', 'size', 'province')),
    value text not null,
    primary key (regulation_id, dimension, value)
) without rowid;
create index regulation_applies_by_value on regulation_applies (dimension, value, regulation_id);

-- A signed-in user's saved business profile: the page's query string, so a saved profile opens as it was shared.
create table business_profile (
    id integer primary key,
    user_id integer not null references app_user (id),
    name text not null,
    query text not null,
    created_at text not null
);
create index business_profile_by_user on business_profile (user_id);
