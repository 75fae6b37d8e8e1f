-- A person's corrections of attributions: a source's type, name or country
-- set by hand, or an attribution marked false. The user is the editor of
-- record, so a correction outlives every re-analysis: attributions are
-- replaced as a whole each time an article is analysed, and each analysis
-- applies the article's corrections again before anything is counted.

-- One row per correction, oldest first. An attribution is found again by
-- its cue span (code points into articles.text), which the same text gives
-- again whatever the attribution's ordinal or row id become. Several
-- corrections of one attribution apply in id order: the latest value of
-- each field wins.
CREATE TABLE attribution_corrections (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    cue_start       INTEGER NOT NULL,
    cue_end         INTEGER NOT NULL,
    -- What the person saw when correcting, for the list of corrections.
    cue_text        TEXT NOT NULL,
    source_start    INTEGER,
    source_end      INTEGER,
    source_text     TEXT,
    -- The engine's values of the source at that time.
    machine_type      TEXT,
    machine_canonical TEXT,
    machine_country   TEXT,
    -- What the person set; NULL leaves a field as it is.
    source_type     TEXT,
    canonical       TEXT,
    country         TEXT,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    made_at         TEXT NOT NULL,
    -- 1 when the latest analysis found no attribution at the cue span (the
    -- rules changed), so the correction could not apply. It is kept and
    -- listed, and applies again if the attribution comes back.
    orphaned        INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    CHECK (source_type IS NOT NULL OR canonical IS NOT NULL OR country IS NOT NULL OR deleted = 1)
) STRICT;
CREATE INDEX attribution_corrections_article ON attribution_corrections (article_id, id);

-- On a corrected attribution: JSON {"corrections": [ids], "changes":
-- [{"field", "machine", "human"}]}, the fields a person changed with the
-- engine's value and theirs. NULL for the engine's own findings.
ALTER TABLE attributions ADD COLUMN corrected TEXT;
