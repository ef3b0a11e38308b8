-- Derived full-text indexes, rebuilt from the registry by `reindex`; never the record.
-- Text is folded in C# (no marks, đ→d, lower case) before it reaches FTS5; the originals stay
-- in `regulation`, and snippets are cut from them. Contentless tables keep the file small.

-- Title (with code) and body of every regulation: which regulations match, and bm25 with the title weighted 10:1.
create virtual table search_doc using fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
insert into search_doc (search_doc, rank) values ('rank', 'bm25(10.0, 1.0)');
-- Every save commits a small segment; merging fewer, larger batches of them keeps saves fast
-- (measured: ~2x single saves/s), and `reindex` optimizes the whole index anyway.
insert into search_doc (search_doc, rank) values ('automerge', 8);

-- Titles alone: small, so it is ranked first and carries the prefix index for "giấy ph*".
create virtual table search_title using fts5 (
    title,
    content = '',
    contentless_delete = 1,
    prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 0'
);
