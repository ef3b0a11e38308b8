-- Registration no longer says whether an address is taken: a new account is activated from a link mailed to it,
-- and the owner of a taken address is told by mail. Accounts that exist already are confirmed.
alter table app_user add column email_confirmed integer not null default 1;
