-- Compliance-cost estimates and simplification plans. Money and quantities are kept exact as the JSON of the
-- cost model's inputs (System.Text.Json writes decimals as typed); derived figures are computed when read.

-- The national hourly income per year, editable by administrators, with where it comes from.
create table hourly_income (
    year integer primary key,
    amount text not null,
    source text not null,
    updated_at text not null
);

-- The current compliance-cost estimate of a regulation.
create table cost_estimate (
    regulation_id integer primary key references regulation (id),
    year integer not null,
    inputs text not null,
    version integer not null default 1,
    updated_at text not null,
    updated_by integer references app_user (id)
);

create table plan (
    id integer primary key,
    agency_id integer not null references agency (id),
    title text not null,
    year integer not null,
    summary text not null default '',
    status text not null check (status in ('draft', 'submitted', 'returned', 'approved', 'in_execution', 'executed')),
    submitted_on text,
    decision_number text,
    decision_date text,
    return_reason text,
    version integer not null default 1,
    created_at text not null,
    updated_at text not null
);
create index plan_by_agency on plan (agency_id, year);

-- One regulation per item; cost before is taken from the regulation's estimate when the item is saved.
create table plan_item (
    id integer primary key,
    plan_id integer not null references plan (id),
    regulation_id integer not null references regulation (id),
    action text not null check (action in ('abolish', 'simplify', 'amend', 'replace')),
    reason text not null default '',
    cost_before text not null,
    cost_after text not null,
    executed_by text,
    executed_on text,
    unique (plan_id, regulation_id)
);
create index plan_item_by_regulation on plan_item (regulation_id);

-- The legal documents (and articles) an item needs amended, with the deadline for each.
create table plan_item_document (
    item_id integer not null references plan_item (id),
    position integer not null,
    number text not null,
    doc_type text not null,
    article text not null default '',
    deadline text,
    primary key (item_id, position)
) without rowid;
