-- Search moves to a Lucene index per node, derived from these tables (src/Consult.Web/Infrastructure/Search).
drop table search_doc;
drop table search_title;

-- Legal documents are searchable too: like regulations, each write stamps them with the change sequence.
alter table legal_document add column change_seq integer not null default 0;
create index legal_document_by_change on legal_document (change_seq);

-- `reindex` raises the generation; every node whose index was built for an older one rebuilds it.
alter table registry_state add column index_generation integer not null default 0;
