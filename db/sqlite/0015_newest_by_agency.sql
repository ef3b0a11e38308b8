-- An agency's newest regulations (the home page's list) read from an index instead of sorting the agency's registry.
create index regulation_by_agency_change on regulation (agency_id, change_seq);
