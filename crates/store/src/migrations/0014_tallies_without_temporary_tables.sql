-- The tally triggers of analyses, recreated so that SQLite runs them
-- without a temporary table. An INSERT ... SELECT into a table with row
-- triggers (every day tally has the month triggers of migration 0010) goes
-- through a temporary table built and dropped at each run, and these ran
-- for every analysis written: the analysis and tone tallies when it is
-- added, and both again when it is redone. They now insert plain VALUES,
-- with the article's outlet, day and word count read by scalar lookups.
-- The sums are the same; the guard on the article keeps the old behaviour
-- of counting nothing for an analysis whose article is gone.
--
-- The agencies of a new analysis are grouped instead of read from a
-- DISTINCT subquery, which SQLite materialised in two more temporary
-- tables each time.

DROP TRIGGER IF EXISTS tally_analysis_added;
CREATE TRIGGER tally_analysis_added AFTER INSERT ON analyses
WHEN EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id) BEGIN
    INSERT INTO tally_analyses VALUES (
        (SELECT coalesce(outlet_id, 0) FROM articles WHERE id = NEW.article_id),
        (SELECT coalesce(substr(published, 1, 10), '') FROM articles WHERE id = NEW.article_id),
        NEW.syndicated, 1, (SELECT word_count FROM articles WHERE id = NEW.article_id),
        NEW.attribution_count, NEW.hedges, NEW.loaded_terms, coalesce(NEW.tone, 0), NEW.tone IS NOT NULL)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    INSERT INTO tally_agencies
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''), NEW.syndicated, c.agency, 1
    FROM articles a JOIN credits c ON c.article_id = a.id
    WHERE a.id = NEW.article_id AND c.agency IS NOT NULL
    GROUP BY c.agency
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

DROP TRIGGER IF EXISTS tally_analysis_changed;
CREATE TRIGGER tally_analysis_changed
AFTER UPDATE OF syndicated, attribution_count, hedges, loaded_terms, tone ON analyses
WHEN EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id) BEGIN
    INSERT INTO tally_analyses VALUES (
        (SELECT coalesce(outlet_id, 0) FROM articles WHERE id = OLD.article_id),
        (SELECT coalesce(substr(published, 1, 10), '') FROM articles WHERE id = OLD.article_id),
        OLD.syndicated, -1, -(SELECT word_count FROM articles WHERE id = OLD.article_id),
        -OLD.attribution_count, -OLD.hedges, -OLD.loaded_terms, -coalesce(OLD.tone, 0), -(OLD.tone IS NOT NULL))
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
    INSERT INTO tally_analyses VALUES (
        (SELECT coalesce(outlet_id, 0) FROM articles WHERE id = NEW.article_id),
        (SELECT coalesce(substr(published, 1, 10), '') FROM articles WHERE id = NEW.article_id),
        NEW.syndicated, 1, (SELECT word_count FROM articles WHERE id = NEW.article_id),
        NEW.attribution_count, NEW.hedges, NEW.loaded_terms, coalesce(NEW.tone, 0), NEW.tone IS NOT NULL)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
END;

DROP TRIGGER IF EXISTS tally_tone_added;
CREATE TRIGGER tally_tone_added AFTER INSERT ON analyses
WHEN NEW.tone IS NOT NULL AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id) BEGIN
    INSERT INTO tally_tone VALUES (
        (SELECT coalesce(outlet_id, 0) FROM articles WHERE id = NEW.article_id),
        (SELECT coalesce(substr(published, 1, 10), '') FROM articles WHERE id = NEW.article_id),
        min(9, max(0, CAST((NEW.tone + 1.0) * 5.0 AS INTEGER))), 1)
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

-- A changed tone leaves its old bin here and enters its new one in the
-- trigger after: VALUES cannot be made conditional, and only a tone that
-- is there enters a bin.
DROP TRIGGER IF EXISTS tally_tone_changed;
CREATE TRIGGER tally_tone_changed AFTER UPDATE OF tone ON analyses
WHEN OLD.tone IS NOT NEW.tone BEGIN
    UPDATE tally_tone SET articles = articles - 1
    WHERE OLD.tone IS NOT NULL AND (outlet_id, day, bin) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''),
                  min(9, max(0, CAST((OLD.tone + 1.0) * 5.0 AS INTEGER)))
           FROM articles a WHERE a.id = OLD.article_id);
END;

CREATE TRIGGER IF NOT EXISTS tally_tone_changed_in AFTER UPDATE OF tone ON analyses
WHEN OLD.tone IS NOT NEW.tone AND NEW.tone IS NOT NULL
 AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id) BEGIN
    INSERT INTO tally_tone VALUES (
        (SELECT coalesce(outlet_id, 0) FROM articles WHERE id = NEW.article_id),
        (SELECT coalesce(substr(published, 1, 10), '') FROM articles WHERE id = NEW.article_id),
        min(9, max(0, CAST((NEW.tone + 1.0) * 5.0 AS INTEGER))), 1)
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
