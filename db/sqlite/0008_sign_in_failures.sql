-- Wrong passwords per account and client address: five within 15 minutes refuse that pair only, so nobody can
-- lock another person out from their own machine. In the database, so the limit holds across nodes.
create table sign_in_failure (
    email_key text not null,
    address text not null,
    failed_at text not null
);
create index sign_in_failure_by_pair on sign_in_failure (email_key, address, failed_at);
