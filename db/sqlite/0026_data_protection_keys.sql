-- The keys that sign cookies, antiforgery tokens and reset links, shared by every node that serves the portal
-- (encrypted with a certificate when one is configured).
create table data_protection_key (
    name text primary key,
    xml text not null,
    created_at text not null
) without rowid;
