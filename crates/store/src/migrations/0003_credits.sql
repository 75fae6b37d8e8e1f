-- Credits: who supplied each analysed article (datelines, wire and photo
-- credits, additional reporting, agency bylines, hat tips, source lines).
-- They are written with the article's analysis, in the same transaction,
-- and carry its analysis version through the `analyses` row.
CREATE TABLE credits (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    -- The canonical agency or outlet, when the gazetteer knows it.
    agency      TEXT,
    place       TEXT,
    credited    TEXT NOT NULL,
    -- Unicode code-point offsets into the article text, end exclusive.
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    -- JSON array of [start, end] where the same credit appears again.
    repeats     TEXT NOT NULL DEFAULT '[]',
    UNIQUE (article_id, ordinal)
) STRICT;
CREATE INDEX credits_agency ON credits (agency, article_id);
