-- Users extend the list of public figures (data/people.tsv) and of given
-- names (data/given-names.tsv) too. SQLite cannot change a CHECK constraint
-- in place, so the table is rebuilt with the longer list, keeping every row
-- and its id (the order additions apply in), as migration 0005 did.
CREATE TABLE lexicon_additions_next (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('cues', 'sources', 'countries', 'outlets', 'people', 'given-names',
                                           'hedges', 'loaded', 'tone')),
    row      TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (kind, row)
) STRICT;
INSERT INTO lexicon_additions_next (id, kind, row, added_at) SELECT id, kind, row, added_at FROM lexicon_additions;
DROP TABLE lexicon_additions;
ALTER TABLE lexicon_additions_next RENAME TO lexicon_additions;
