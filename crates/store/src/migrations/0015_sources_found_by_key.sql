-- Sources are found by a 64-bit key of their name and type instead of a
-- unique index on the name itself. An analysis adds sources all over the
-- alphabet, so each batch touched most pages of that index and wrote them
-- again at its commit; the index grew with the library, and at 100,000
-- generated articles (about 700,000 sources) maintaining it was two fifths
-- of the analysis's writing time. The key's index holds 8 bytes an entry
-- instead of the name, and analysing those articles went from 52 to 45 s
-- (BENCHMARKS.md).
--
-- `source_key(canonical, source_type)` is FNV-1a over the name with its
-- ASCII letters lowercased, a zero byte and the type; the library registers
-- it on every connection (`Library::configure`), and `source_id` computes
-- the same in Rust. Two names can share a key, so a lookup compares the
-- names (ignoring ASCII case, as the unique index did) and the key's index
-- is not unique.
--
-- The table is rebuilt because a UNIQUE constraint cannot be dropped; ids
-- are kept, so attributions keep their sources. The migrations run with
-- foreign keys off, as SQLite's procedure for a rebuild asks, and are
-- checked before they commit (`migrate::run`).
CREATE TABLE sources_by_key (
    id          INTEGER PRIMARY KEY,
    canonical   TEXT NOT NULL,
    source_type TEXT NOT NULL,
    -- ISO 3166-1 alpha-2; the first country an analysis found for it.
    country     TEXT,
    key         INTEGER NOT NULL
) STRICT;
INSERT INTO sources_by_key (id, canonical, source_type, country, key)
SELECT id, canonical, source_type, country, source_key(canonical, source_type) FROM sources;
DROP TABLE sources;
ALTER TABLE sources_by_key RENAME TO sources;
CREATE INDEX sources_key ON sources (key);
