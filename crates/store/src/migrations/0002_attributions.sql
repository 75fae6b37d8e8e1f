-- Attribution analysis: one row of scores per analysed article, its
-- attributions, the canonical sources they cite across the library, and the
-- user's additions to the lexicons. Append-only like every migration.

-- The sources cited across the library: "Dmitry Peskov" cited in 40
-- articles is one row. The name is matched ignoring ASCII case, and a name
-- cited as two kinds of source (a person and an organization with the same
-- name) is two rows.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    canonical   TEXT NOT NULL,
    source_type TEXT NOT NULL,
    -- ISO 3166-1 alpha-2; the first country an analysis found for it.
    country     TEXT,
    UNIQUE (canonical COLLATE NOCASE, source_type)
) STRICT;

-- One row per analysed article. An analysis is current when `version` is
-- the build's analysis version and `lexicon` is the digest of the library's
-- lexicon additions; otherwise `sourcetrace analyze` redoes it. The scalar
-- columns are copies of figures in `scores` so that SQL can aggregate them.
CREATE TABLE analyses (
    article_id         INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version            INTEGER NOT NULL,
    -- Digest of the lexicon additions the analysis used; '' for none.
    lexicon            TEXT NOT NULL DEFAULT '',
    analyzed_at        TEXT NOT NULL,
    -- The full Scores as JSON, with formulas and the attributions behind
    -- each figure (ordinals), for explanations.
    scores             TEXT NOT NULL,
    attribution_count  INTEGER NOT NULL,
    state_media_share  REAL NOT NULL,
    anonymous_share    REAL NOT NULL,
    second_hand_share  REAL NOT NULL,
    direct_quote_share REAL NOT NULL,
    deepest_chain      INTEGER NOT NULL,
    distinct_sources   INTEGER NOT NULL,
    -- 0 to 100; NULL when the article attributes nothing.
    transparency       REAL
) STRICT;

-- Attributions in code-point offsets into articles.text. `ordinal` is the
-- index in the article's analysis; `via_ordinal` and `source_refers_to`
-- point at other ordinals of the same article. An article's attributions
-- are replaced as a whole when it is analysed again.
CREATE TABLE attributions (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    cue_start        INTEGER NOT NULL,
    cue_end          INTEGER NOT NULL,
    cue_text         TEXT NOT NULL,
    cue_class        TEXT NOT NULL,
    stance           TEXT NOT NULL,
    -- The source columns are all NULL when the attribution names none.
    source_start     INTEGER,
    source_end       INTEGER,
    source_text      TEXT,
    source_type      TEXT,
    country          TEXT,
    canonical        TEXT,
    source_document  INTEGER,
    source_refers_to INTEGER,
    source_id        INTEGER REFERENCES sources (id),
    -- JSON array of {"start", "end", "text"} spans.
    content          TEXT NOT NULL DEFAULT '[]',
    via_ordinal      INTEGER,
    depth            INTEGER NOT NULL,
    -- JSON array of {"step", "rule"}.
    evidence         TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE UNIQUE INDEX attributions_article ON attributions (article_id, ordinal);
CREATE INDEX attributions_source_type ON attributions (source_type);
CREATE INDEX attributions_source ON attributions (source_id);

-- The user's lexicon rows, applied over the built-in lexicons in id order
-- (a later row for the same phrase replaces an earlier one). Each is one
-- tab-separated row in the columns of data/<kind>.tsv.
CREATE TABLE lexicon_additions (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('cues', 'sources', 'countries', 'outlets')),
    row      TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (kind, row)
) STRICT;
