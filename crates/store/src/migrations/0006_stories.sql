-- Stories: articles about the same event, grouped across outlets. Grouping
-- places each article in at most one story; a person's corrections (merge,
-- split, move) pin the articles they place, and grouping again never moves
-- a pinned article. Every correction is also logged in `story_edits`.

-- AUTOINCREMENT so that the id of a story that went away is never given to
-- another: a story id written down in notes keeps meaning one story.
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The title of the most central article (or its top words).
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    -- 1 when a person put the article in this story.
    pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    -- Similarity to the story when grouping placed the article; NULL for
    -- the article that started the story and for pinned articles.
    similarity REAL,
    added_at   TEXT NOT NULL
) STRICT;
CREATE INDEX story_articles_story ON story_articles (story_id);

-- The log of corrections, oldest first. `detail` is JSON naming the
-- stories and articles involved.
CREATE TABLE story_edits (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    action   TEXT NOT NULL CHECK (action IN ('merge', 'split', 'move')),
    story_id INTEGER NOT NULL,
    detail   TEXT NOT NULL
) STRICT;

-- Document frequencies of the full-text index's terms, for weighing words
-- by how rare they are in the library.
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'row');
