-- The dashboard's tone distribution from a tally, as migration 0008 did for
-- its other charts: analysed articles per outlet, day and tenth of the tone
-- scale, kept up to date by triggers on analyses and on an article's outlet
-- or date. The scan it replaces read every analysis (0.6 s at 100,000
-- articles); the tally has one row per outlet, day and bin.
--
-- A bin is min(9, max(0, CAST((tone + 1.0) * 5.0 AS INTEGER))): tone runs
-- from -1 to +1, so bin 0 is [-1, -0.8) and bin 9 is [0.8, 1].

CREATE TABLE IF NOT EXISTS tally_tone (
    outlet_id INTEGER NOT NULL,
    day       TEXT NOT NULL,
    bin       INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, day, bin)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS tally_tone_added AFTER INSERT ON analyses WHEN NEW.tone IS NOT NULL BEGIN
    INSERT INTO tally_tone
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''),
           min(9, max(0, CAST((NEW.tone + 1.0) * 5.0 AS INTEGER))), 1
    FROM articles a WHERE a.id = NEW.article_id
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER IF NOT EXISTS tally_tone_removed AFTER DELETE ON analyses WHEN OLD.tone IS NOT NULL BEGIN
    UPDATE tally_tone SET articles = articles - 1
    WHERE (outlet_id, day, bin) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''),
                  min(9, max(0, CAST((OLD.tone + 1.0) * 5.0 AS INTEGER)))
           FROM articles a WHERE a.id = OLD.article_id);
END;

CREATE TRIGGER IF NOT EXISTS tally_tone_changed AFTER UPDATE OF tone ON analyses
WHEN OLD.tone IS NOT NEW.tone BEGIN
    UPDATE tally_tone SET articles = articles - 1
    WHERE OLD.tone IS NOT NULL AND (outlet_id, day, bin) =
          (SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''),
                  min(9, max(0, CAST((OLD.tone + 1.0) * 5.0 AS INTEGER)))
           FROM articles a WHERE a.id = OLD.article_id);
    INSERT INTO tally_tone
    SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''),
           min(9, max(0, CAST((NEW.tone + 1.0) * 5.0 AS INTEGER))), 1
    FROM articles a WHERE a.id = NEW.article_id AND NEW.tone IS NOT NULL
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;

-- A corrected outlet or date moves the article's bin. (A deleted article's
-- analysis is deleted first by tally_article_removed, which the trigger
-- above counts.)
CREATE TRIGGER IF NOT EXISTS tally_tone_moved AFTER UPDATE OF outlet_id, published ON articles
WHEN OLD.outlet_id IS NOT NEW.outlet_id OR substr(OLD.published, 1, 10) IS NOT substr(NEW.published, 1, 10) BEGIN
    INSERT INTO tally_tone
    SELECT coalesce(OLD.outlet_id, 0), coalesce(substr(OLD.published, 1, 10), ''),
           min(9, max(0, CAST((x.tone + 1.0) * 5.0 AS INTEGER))), -1
    FROM analyses x WHERE x.article_id = OLD.id AND x.tone IS NOT NULL
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
    INSERT INTO tally_tone
    SELECT coalesce(NEW.outlet_id, 0), coalesce(substr(NEW.published, 1, 10), ''),
           min(9, max(0, CAST((x.tone + 1.0) * 5.0 AS INTEGER))), 1
    FROM analyses x WHERE x.article_id = NEW.id AND x.tone IS NOT NULL
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
END;

-- What the library holds already.
DELETE FROM tally_tone;
INSERT INTO tally_tone
SELECT coalesce(a.outlet_id, 0), coalesce(substr(a.published, 1, 10), ''),
       min(9, max(0, CAST((x.tone + 1.0) * 5.0 AS INTEGER))), count(*)
FROM analyses x JOIN articles a ON a.id = x.article_id WHERE x.tone IS NOT NULL GROUP BY 1, 2, 3;
