-- Tone and framing of each analysed article, written with its analysis in
-- the same transaction and made stale with it.
--
-- `analyses.tone` is the article's mean sentence tone (-1 to 1) by the
-- default engine (VADER with the news rules); `tones.detail` keeps every
-- sentence with the words that produced its score, so each figure can be
-- explained. Stance counts need no columns: each attribution row carries
-- its cue's stance.
ALTER TABLE analyses ADD COLUMN tone REAL;
ALTER TABLE analyses ADD COLUMN tone_engine TEXT;
ALTER TABLE analyses ADD COLUMN hedges INTEGER NOT NULL DEFAULT 0;
ALTER TABLE analyses ADD COLUMN loaded_terms INTEGER NOT NULL DEFAULT 0;

CREATE TABLE tones (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    -- The ArticleTone as JSON: sentences, their terms, entities.
    detail     TEXT NOT NULL
) STRICT;

-- The tone of the sentences that mention each entity (a canonical source
-- name or a country), for comparing outlets' tone toward "Russia".
CREATE TABLE entity_tones (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity     TEXT NOT NULL,
    score      REAL NOT NULL,
    sentences  INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_tones_entity ON entity_tones (entity);

-- Hedges ("reportedly") and loaded terms ("regime") in code points, each
-- with the lexicon row it matched, so counts click through to the words.
CREATE TABLE framing_terms (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    phrase     TEXT NOT NULL,
    grp        TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX framing_terms_phrase ON framing_terms (kind, phrase);

-- Users extend the framing and tone lexicons too. SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt with the longer list,
-- keeping every row and its id (the order additions apply in).
CREATE TABLE lexicon_additions_next (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('cues', 'sources', 'countries', 'outlets', 'hedges', 'loaded', 'tone')),
    row      TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (kind, row)
) STRICT;
INSERT INTO lexicon_additions_next (id, kind, row, added_at) SELECT id, kind, row, added_at FROM lexicon_additions;
DROP TABLE lexicon_additions;
ALTER TABLE lexicon_additions_next RENAME TO lexicon_additions;
