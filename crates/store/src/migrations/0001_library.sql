-- The first schema: outlets, articles with full-text search, near-duplicate
-- sketches, collections and import runs. Migrations are append-only: a
-- released file is never edited; later changes go in a new numbered file.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE outlets (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    domain            TEXT,
    country           TEXT,
    kind              TEXT CHECK (kind IN ('wire', 'newspaper', 'broadcaster', 'online', 'magazine')),
    state_affiliation TEXT CHECK (state_affiliation IN ('state', 'public', 'none')),
    -- builtin: from data/outlets.tsv; user: added by the user; import: a
    -- name seen in imported articles that no list knew.
    origin            TEXT NOT NULL CHECK (origin IN ('builtin', 'user', 'import'))
) STRICT;

CREATE TABLE outlet_aliases (
    alias     TEXT PRIMARY KEY COLLATE NOCASE,
    outlet_id INTEGER NOT NULL REFERENCES outlets (id) ON DELETE CASCADE
) STRICT;

CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed')),
    -- The importing process, so that a run left 'running' by a process that
    -- no longer exists can be reported as interrupted.
    pid         INTEGER,
    paths       TEXT NOT NULL,
    imported    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE import_failures (
    id     INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL
) STRICT;
CREATE INDEX import_failures_run ON import_failures (run_id);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT,
    -- NFC-normalized body; blocks are separated by a blank line.
    text          TEXT NOT NULL,
    -- JSON array of {"kind", "start", "end"} in Unicode code points:
    -- paragraph, heading, caption, credit.
    segments      TEXT NOT NULL DEFAULT '[]',
    byline        TEXT,
    outlet_id     INTEGER REFERENCES outlets (id),
    url           TEXT,
    -- ISO 8601 as printed: a date, a local date-time, or one with an offset.
    published     TEXT,
    language      TEXT,
    word_count    INTEGER NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    format        TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    source_entry  TEXT,
    import_run_id INTEGER REFERENCES import_runs (id),
    imported_at   TEXT NOT NULL
) STRICT;
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet_published ON articles (outlet_id, published);
CREATE INDEX articles_import_run ON articles (import_run_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Near-duplicate detection: one MinHash sketch per article and its band
-- keys, so that candidates are found by exact lookups.
CREATE TABLE article_sketches (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    sketch     BLOB NOT NULL
) STRICT;
-- No foreign key here on purpose: checking one for each of the 21 band rows
-- of every article doubled the cost of storing them. Removing an article
-- removes its bands by the keys in its stored sketch.
CREATE TABLE sketch_bands (
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) STRICT, WITHOUT ROWID;

-- article_id is the later import, other_id the earlier one it resembles.
CREATE TABLE near_duplicates (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    other_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (article_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX near_duplicates_other ON near_duplicates (other_id);

CREATE TABLE collections (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE collection_articles (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (collection_id, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX collection_articles_article ON collection_articles (article_id);
