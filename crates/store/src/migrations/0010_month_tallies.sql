-- Month tallies: the day tallies of migrations 0008 and 0009 added up by
-- month, for the selections that name no dates (the dashboard as it
-- opens). Three years of fifty outlets is 150,000 rows of attributions by
-- day, read twice per dashboard (170 ms each at 100,000 articles); by month
-- it is a thirtieth of that. Selections with dates keep reading the day
-- tallies, which answer any range exactly.
--
-- Triggers on the day tallies themselves keep these in step, so every
-- write that already maintains a day tally (an analysis, a correction, a
-- moved or deleted article) maintains its month too, in the same
-- transaction. A month is the first seven characters of the day ('' for
-- undated articles).

CREATE TABLE IF NOT EXISTS tally_analyses_month (
    outlet_id    INTEGER NOT NULL,
    month        TEXT NOT NULL,
    syndicated   INTEGER NOT NULL,
    articles     INTEGER NOT NULL,
    words        INTEGER NOT NULL,
    attributions INTEGER NOT NULL,
    hedges       INTEGER NOT NULL,
    loaded_terms INTEGER NOT NULL,
    tone_sum     REAL NOT NULL,
    tone_count   INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, month, syndicated)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tally_attributions_month (
    outlet_id   INTEGER NOT NULL,
    month       TEXT NOT NULL,
    stance      TEXT NOT NULL,
    source_type TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, month, stance, source_type)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tally_tone_month (
    outlet_id INTEGER NOT NULL,
    month     TEXT NOT NULL,
    bin       INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, month, bin)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS tally_analyses_month_added AFTER INSERT ON tally_analyses BEGIN
    INSERT INTO tally_analyses_month VALUES (NEW.outlet_id, substr(NEW.day, 1, 7), NEW.syndicated, NEW.articles,
        NEW.words, NEW.attributions, NEW.hedges, NEW.loaded_terms, NEW.tone_sum, NEW.tone_count)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
END;

CREATE TRIGGER IF NOT EXISTS tally_analyses_month_changed AFTER UPDATE ON tally_analyses BEGIN
    INSERT INTO tally_analyses_month VALUES (NEW.outlet_id, substr(NEW.day, 1, 7), NEW.syndicated,
        NEW.articles - OLD.articles, NEW.words - OLD.words, NEW.attributions - OLD.attributions,
        NEW.hedges - OLD.hedges, NEW.loaded_terms - OLD.loaded_terms, NEW.tone_sum - OLD.tone_sum,
        NEW.tone_count - OLD.tone_count)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
END;

CREATE TRIGGER IF NOT EXISTS tally_analyses_month_removed AFTER DELETE ON tally_analyses BEGIN
    INSERT INTO tally_analyses_month VALUES (OLD.outlet_id, substr(OLD.day, 1, 7), OLD.syndicated, -OLD.articles,
        -OLD.words, -OLD.attributions, -OLD.hedges, -OLD.loaded_terms, -OLD.tone_sum, -OLD.tone_count)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles, words = words + excluded.words,
        attributions = attributions + excluded.attributions, hedges = hedges + excluded.hedges,
        loaded_terms = loaded_terms + excluded.loaded_terms, tone_sum = tone_sum + excluded.tone_sum,
        tone_count = tone_count + excluded.tone_count;
END;

CREATE TRIGGER IF NOT EXISTS tally_attributions_month_added AFTER INSERT ON tally_attributions BEGIN
    INSERT INTO tally_attributions_month
    VALUES (NEW.outlet_id, substr(NEW.day, 1, 7), NEW.stance, NEW.source_type, NEW.n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS tally_attributions_month_changed AFTER UPDATE ON tally_attributions BEGIN
    INSERT INTO tally_attributions_month
    VALUES (NEW.outlet_id, substr(NEW.day, 1, 7), NEW.stance, NEW.source_type, NEW.n - OLD.n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS tally_attributions_month_removed AFTER DELETE ON tally_attributions BEGIN
    INSERT INTO tally_attributions_month
    VALUES (OLD.outlet_id, substr(OLD.day, 1, 7), OLD.stance, OLD.source_type, -OLD.n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS tally_tone_month_added AFTER INSERT ON tally_tone BEGIN
    INSERT INTO tally_tone_month VALUES (NEW.outlet_id, substr(NEW.day, 1, 7), NEW.bin, NEW.articles)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
END;

CREATE TRIGGER IF NOT EXISTS tally_tone_month_changed AFTER UPDATE ON tally_tone BEGIN
    INSERT INTO tally_tone_month VALUES (NEW.outlet_id, substr(NEW.day, 1, 7), NEW.bin, NEW.articles - OLD.articles)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
END;

CREATE TRIGGER IF NOT EXISTS tally_tone_month_removed AFTER DELETE ON tally_tone BEGIN
    INSERT INTO tally_tone_month VALUES (OLD.outlet_id, substr(OLD.day, 1, 7), OLD.bin, -OLD.articles)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
END;

-- What the day tallies hold already.
DELETE FROM tally_analyses_month;
INSERT INTO tally_analyses_month
SELECT outlet_id, substr(day, 1, 7), syndicated, sum(articles), sum(words), sum(attributions), sum(hedges),
       sum(loaded_terms), sum(tone_sum), sum(tone_count)
FROM tally_analyses GROUP BY 1, 2, 3;
DELETE FROM tally_attributions_month;
INSERT INTO tally_attributions_month
SELECT outlet_id, substr(day, 1, 7), stance, source_type, sum(n) FROM tally_attributions GROUP BY 1, 2, 3, 4;
DELETE FROM tally_tone_month;
INSERT INTO tally_tone_month
SELECT outlet_id, substr(day, 1, 7), bin, sum(articles) FROM tally_tone GROUP BY 1, 2, 3;
