-- When a self-registered user agreed to the processing of their personal data (Nghị định 13/2023/NĐ-CP, Điều 11: the
-- consent must be provable). Accounts created by administrators, and those registered before this, have none.
alter table app_user add column privacy_consent_at text;
