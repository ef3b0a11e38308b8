-- Agencies as the government is organised, with history: their kind, the days they existed and, for one merged into
-- another (1 March 2025, Nghị quyết 176/2025/QH15), its successor. Records keep the agency they had at the time.
alter table agency add column kind text not null default 'khac' check (kind in ('bo', 'ngang_bo', 'thuoc_cp', 'dia_phuong', 'khac'));
alter table agency add column valid_from text;
alter table agency add column valid_to text;
alter table agency add column successor_id integer references agency (id);
-- The reference file fills these for agencies that have not been described yet.
alter table agency add column described integer not null default 0;
-- A plan moved to a successor keeps, for the reports of decisions already taken, the agency that drafted it.
alter table plan add column origin_agency_id integer references agency (id);
