-- Reused copy: the passages an analysed article shares with the articles
-- its import linked as near-duplicates, and whether it is syndicated copy
-- (most of it someone else's, who came first or is a wire agency), so that
-- comparisons of outlets can leave it out. Written with the analysis; an
-- article that gains a near-duplicate later is marked for analysis again.
CREATE TABLE reuse (
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    other_id        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    share           REAL NOT NULL,
    other_is_origin INTEGER NOT NULL,
    -- JSON array of passages: {start, end, other_start, other_end, words, text}.
    passages        TEXT NOT NULL,
    PRIMARY KEY (article_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reuse_other ON reuse (other_id);
ALTER TABLE analyses ADD COLUMN reused_share REAL NOT NULL DEFAULT 0;
ALTER TABLE analyses ADD COLUMN syndicated INTEGER NOT NULL DEFAULT 0;
