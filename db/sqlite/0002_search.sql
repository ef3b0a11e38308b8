-- Derived full-text index, rebuilt from the registry by `reindex`; never the record.
-- Text is folded in C# (no marks, đ→d, lower case) before it reaches FTS5; the originals stay
-- in `regulation`, and snippets are cut from them. Contentless keeps the file small.
create virtual table search_doc using fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 0'
);
insert into search_doc (search_doc, rank) values ('rank', 'bm25(10.0, 1.0)');
