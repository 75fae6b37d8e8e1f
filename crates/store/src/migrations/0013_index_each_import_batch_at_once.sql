-- An article's words went into the full-text index through a trigger, one
-- statement per article. Inside a transaction SQLite opens a savepoint for
-- each such statement, and FTS5 writes its pending terms to disk at every
-- savepoint: each article became a segment of its own, which FTS5 then
-- merged again and again. That was a quarter of an import's time (a
-- profile of 100,000 generated articles). `Library::write_batch` now
-- indexes a batch's new articles in one statement, in the same
-- transaction, so FTS5 writes one segment a batch. Deleting or editing an
-- article keeps its triggers.
DROP TRIGGER IF EXISTS articles_fts_insert;
