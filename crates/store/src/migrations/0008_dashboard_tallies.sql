-- Tallies the dashboard reads instead of scanning every analysis and
-- attribution: per outlet and day, kept up to date by triggers on every
-- write of an analysis, an attribution, a credit or an article, so that an
-- import, an analysis or a correction changes them in its own transaction.
-- At a million articles the scans took seconds; the tallies have one row
-- per outlet, day and key, so a selection by outlet and dates reads a few
-- thousand rows. A selection by collection still scans (see framing.rs).
--
-- Keys: outlet_id is 0 for an article with no outlet; day is the first ten
-- characters of `published` ('' when undated), which compares with a
-- --since or --until date exactly as `published` does.
--
-- Numbered 0008 because 0007 is taken by the corrections branch; every
-- statement is safe to run on a file that already has these tables.

CREATE TABLE IF NOT EXISTS tally_analyses (
    outlet_id    INTEGER NOT NULL,
    day          TEXT NOT NULL,
    syndicated   INTEGER NOT NULL,
    articles     INTEGER NOT NULL,
    words        INTEGER NOT NULL,
    attributions INTEGER NOT NULL,
    hedges       INTEGER NOT NULL,
    loaded_terms INTEGER NOT NULL,
    tone_sum     REAL NOT NULL,
    tone_count   INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, day, syndicated)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tally_attributions (
    outlet_id   INTEGER NOT NULL,
    day         TEXT NOT NULL,
    stance      TEXT NOT NULL,
    -- 'unknown' for an attribution with no source, as sourcing_mix says.
    source_type TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, day, stance, source_type)
) WITHOUT ROWID;

-- Analysed articles crediting each agency at least once.
CREATE TABLE IF NOT EXISTS tally_agencies (
    outlet_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    syndicated INTEGER NOT NULL,
    agency     TEXT NOT NULL,
    articles   INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, day, syndicated, agency)
) WITHOUT ROWID;

-- The article list's order (newest first, undated last) as an index, so
-- that a page of fifty reads fifty rows instead of sorting the library.
CREATE INDEX IF NOT EXISTS articles_newest ON articles (published IS NULL, published DESC, id DESC);

-- Analyses.
CREATE TRIGGER IF NOT EXISTS tally_analysis_added AFTER INSERT ON analyses BEGIN
    INSERT INTO tally_analyses
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.syndicated, 1, a.word_count,
           NEW.attribution_count, NEW.hedges, NEW.loaded_terms, coalesce(NEW.tone, 0), NEW.tone IS NOT NULL
    FROM articles a WHERE a.id = NEW.article_id
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    INSERT INTO tally_agencies
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.syndicated, c.agency, 1
    FROM (SELECT DISTINCT agency FROM credits WHERE article_id = NEW.article_id AND agency IS NOT NULL) c
    JOIN articles a ON a.id = NEW.article_id WHERE 1
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER IF NOT EXISTS tally_analysis_removed AFTER DELETE ON analyses BEGIN
    INSERT INTO tally_analyses
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), OLD.syndicated, -1, -a.word_count,
           -OLD.attribution_count, -OLD.hedges, -OLD.loaded_terms, -coalesce(OLD.tone, 0), -(OLD.tone IS NOT NULL)
    FROM articles a WHERE a.id = OLD.article_id
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    UPDATE tally_agencies SET articles = articles - 1
    WHERE (outlet_id, day, syndicated) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), OLD.syndicated
           FROM articles a WHERE a.id = OLD.article_id)
      AND agency IN (SELECT agency FROM credits WHERE article_id = OLD.article_id AND agency IS NOT NULL);
END;

CREATE TRIGGER IF NOT EXISTS tally_analysis_changed
AFTER UPDATE OF syndicated, attribution_count, hedges, loaded_terms, tone ON analyses BEGIN
    INSERT INTO tally_analyses
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), OLD.syndicated, -1, -a.word_count,
           -OLD.attribution_count, -OLD.hedges, -OLD.loaded_terms, -coalesce(OLD.tone, 0), -(OLD.tone IS NOT NULL)
    FROM articles a WHERE a.id = OLD.article_id
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    INSERT INTO tally_analyses
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.syndicated, 1, a.word_count,
           NEW.attribution_count, NEW.hedges, NEW.loaded_terms, coalesce(NEW.tone, 0), NEW.tone IS NOT NULL
    FROM articles a WHERE a.id = NEW.article_id
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
END;

-- A change of the syndicated flag moves the article's agencies to the
-- other bucket.
CREATE TRIGGER IF NOT EXISTS tally_analysis_syndicated
AFTER UPDATE OF syndicated ON analyses WHEN OLD.syndicated IS NOT NEW.syndicated BEGIN
    UPDATE tally_agencies SET articles = articles - 1
    WHERE (outlet_id, day, syndicated) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), OLD.syndicated
           FROM articles a WHERE a.id = OLD.article_id)
      AND agency IN (SELECT agency FROM credits WHERE article_id = OLD.article_id AND agency IS NOT NULL);
    INSERT INTO tally_agencies
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.syndicated, c.agency, 1
    FROM (SELECT DISTINCT agency FROM credits WHERE article_id = NEW.article_id AND agency IS NOT NULL) c
    JOIN articles a ON a.id = NEW.article_id WHERE 1
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

-- Attributions.
CREATE TRIGGER IF NOT EXISTS tally_attribution_added AFTER INSERT ON attributions BEGIN
    INSERT INTO tally_attributions
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.stance,
           coalesce(NEW.source_type, 'unknown'), 1
    FROM articles a WHERE a.id = NEW.article_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS tally_attribution_removed AFTER DELETE ON attributions BEGIN
    UPDATE tally_attributions SET n = n - 1
    WHERE (outlet_id, day, stance, source_type) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), OLD.stance,
                  coalesce(OLD.source_type, 'unknown')
           FROM articles a WHERE a.id = OLD.article_id);
END;

CREATE TRIGGER IF NOT EXISTS tally_attribution_changed AFTER UPDATE OF stance, source_type ON attributions BEGIN
    UPDATE tally_attributions SET n = n - 1
    WHERE (outlet_id, day, stance, source_type) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), OLD.stance,
                  coalesce(OLD.source_type, 'unknown')
           FROM articles a WHERE a.id = OLD.article_id);
    INSERT INTO tally_attributions
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.stance,
           coalesce(NEW.source_type, 'unknown'), 1
    FROM articles a WHERE a.id = NEW.article_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Credits: an article counts once per agency, so only its first credit of
-- an agency adds and only its last one removes.
CREATE TRIGGER IF NOT EXISTS tally_credit_added AFTER INSERT ON credits
WHEN NEW.agency IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM credits WHERE article_id = NEW.article_id AND agency = NEW.agency AND id <> NEW.id)
BEGIN
    INSERT INTO tally_agencies
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), x.syndicated, NEW.agency, 1
    FROM articles a JOIN analyses x ON x.article_id = a.id WHERE a.id = NEW.article_id
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER IF NOT EXISTS tally_credit_removed AFTER DELETE ON credits
WHEN OLD.agency IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM credits WHERE article_id = OLD.article_id AND agency = OLD.agency)
BEGIN
    UPDATE tally_agencies SET articles = articles - 1
    WHERE (outlet_id, day, syndicated, agency) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), x.syndicated, OLD.agency
           FROM articles a JOIN analyses x ON x.article_id = a.id WHERE a.id = OLD.article_id);
END;

-- Articles. Before one is deleted, its analysis, attributions and credits
-- go first, while the article still says which outlet and day they were
-- counted under; the cascade then finds nothing left to delete.
CREATE TRIGGER IF NOT EXISTS tally_article_removed BEFORE DELETE ON articles BEGIN
    DELETE FROM attributions WHERE article_id = OLD.id;
    DELETE FROM analyses WHERE article_id = OLD.id;
    DELETE FROM credits WHERE article_id = OLD.id;
END;

-- A corrected outlet or date moves everything the article counted.
CREATE TRIGGER IF NOT EXISTS tally_article_moved AFTER UPDATE OF outlet_id, published ON articles
WHEN OLD.outlet_id IS NOT NEW.outlet_id OR substr(OLD.published, 1, 10) IS NOT substr(NEW.published, 1, 10) BEGIN
    INSERT INTO tally_analyses
    SELECT coalesce(OLD.outlet_id, 0), coalesce(substr(OLD.published, 1, 10), ''), x.syndicated, -1, -OLD.word_count,
           -x.attribution_count, -x.hedges, -x.loaded_terms, -coalesce(x.tone, 0), -(x.tone IS NOT NULL)
    FROM analyses x WHERE x.article_id = OLD.id
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    INSERT INTO tally_analyses
    SELECT coalesce(NEW.outlet_id, 0), coalesce(substr(NEW.published, 1, 10), ''), x.syndicated, 1, NEW.word_count,
           x.attribution_count, x.hedges, x.loaded_terms, coalesce(x.tone, 0), x.tone IS NOT NULL
    FROM analyses x WHERE x.article_id = NEW.id
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    INSERT INTO tally_attributions
    SELECT coalesce(OLD.outlet_id, 0), coalesce(substr(OLD.published, 1, 10), ''), stance,
           coalesce(source_type, 'unknown'), -count(*)
    FROM attributions WHERE article_id = OLD.id GROUP BY 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_attributions
    SELECT coalesce(NEW.outlet_id, 0), coalesce(substr(NEW.published, 1, 10), ''), stance,
           coalesce(source_type, 'unknown'), count(*)
    FROM attributions WHERE article_id = NEW.id GROUP BY 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO tally_agencies
    SELECT coalesce(OLD.outlet_id, 0), coalesce(substr(OLD.published, 1, 10), ''), x.syndicated, c.agency, -1
    FROM (SELECT DISTINCT agency FROM credits WHERE article_id = OLD.id AND agency IS NOT NULL) c
    JOIN analyses x ON x.article_id = OLD.id WHERE 1
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
    INSERT INTO tally_agencies
    SELECT coalesce(NEW.outlet_id, 0), coalesce(substr(NEW.published, 1, 10), ''), x.syndicated, c.agency, 1
    FROM (SELECT DISTINCT agency FROM credits WHERE article_id = NEW.id AND agency IS NOT NULL) c
    JOIN analyses x ON x.article_id = NEW.id WHERE 1
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
END;

-- What the library holds already.
DELETE FROM tally_analyses;
INSERT INTO tally_analyses
SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), x.syndicated, count(*), sum(a.word_count),
       sum(x.attribution_count), sum(x.hedges), sum(x.loaded_terms), coalesce(sum(x.tone), 0), count(x.tone)
FROM analyses x JOIN articles a ON a.id = x.article_id GROUP BY 1, 2, 3;
DELETE FROM tally_attributions;
INSERT INTO tally_attributions
SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), t.stance,
       coalesce(t.source_type, 'unknown'), count(*)
FROM attributions t JOIN articles a ON a.id = t.article_id GROUP BY 1, 2, 3, 4;
DELETE FROM tally_agencies;
INSERT INTO tally_agencies
SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), x.syndicated, c.agency,
       count(DISTINCT c.article_id)
FROM credits c JOIN analyses x ON x.article_id = c.article_id JOIN articles a ON a.id = c.article_id
WHERE c.agency IS NOT NULL GROUP BY 1, 2, 3, 4;
