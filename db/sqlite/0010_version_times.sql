-- The effort index finds each regulation's version as of a day; reading the times from this narrow index
-- spares a scan of every saved snapshot.
create index regulation_version_saved on regulation_version (regulation_id, version, saved_at);
