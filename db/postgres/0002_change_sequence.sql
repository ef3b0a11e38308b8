-- The change sequence's numbers come from a sequence: one never handed out twice, even when a crash loses the stamp
-- that used it (the stamp commits without waiting for the disk; see ChangeSequence).
create sequence registry_change_seq;
select setval('registry_change_seq', (select change_seq from registry_state) + 1, false);
