-- Who cites each source, by outlet: the table on a source's own page.
-- Counting it from the attributions read every attribution of the source
-- and joined each to its article: 20 s for the most cited source of a
-- million articles ("Officials", 652,292 attributions).
--
-- The analysis's writes add to it once per source and outlet per batch
-- (see `write_analyses`), with the article's outlet (0 for none). The
-- triggers below take an attribution back when it is deleted (a new
-- analysis; an article's deletion deletes its attributions first, while
-- the article still says its outlet, see migration 0008), and move an
-- article's citations when its outlet is corrected.

CREATE TABLE source_outlet_tallies (
    source_id    INTEGER NOT NULL,
    outlet_id    INTEGER NOT NULL,
    attributions INTEGER NOT NULL,
    articles     INTEGER NOT NULL,
    relayed      INTEGER NOT NULL,
    neutral      INTEGER NOT NULL,
    distancing   INTEGER NOT NULL,
    endorsing    INTEGER NOT NULL,
    negative     INTEGER NOT NULL,
    PRIMARY KEY (source_id, outlet_id)
) STRICT, WITHOUT ROWID;

INSERT INTO source_outlet_tallies
SELECT t.source_id, coalesce(a.outlet_id, 0), count(*), count(DISTINCT t.article_id), sum(t.depth >= 2),
       sum(t.stance = 'neutral'), sum(t.stance = 'distancing'), sum(t.stance = 'endorsing'),
       sum(t.stance = 'negative')
FROM attributions t JOIN articles a ON a.id = t.article_id
WHERE t.source_id IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER source_outlet_tally_removed AFTER DELETE ON attributions WHEN OLD.source_id IS NOT NULL BEGIN
    UPDATE source_outlet_tallies SET
        attributions = attributions - 1,
        articles = articles - NOT EXISTS (
            SELECT 1 FROM attributions WHERE article_id = OLD.article_id AND source_id = OLD.source_id),
        relayed = relayed - (OLD.depth >= 2),
        neutral = neutral - (OLD.stance = 'neutral'),
        distancing = distancing - (OLD.stance = 'distancing'),
        endorsing = endorsing - (OLD.stance = 'endorsing'),
        negative = negative - (OLD.stance = 'negative')
    WHERE source_id = OLD.source_id
      AND outlet_id = (SELECT coalesce(outlet_id, 0) FROM articles WHERE id = OLD.article_id);
    DELETE FROM source_outlet_tallies WHERE source_id = OLD.source_id AND attributions <= 0;
END;

CREATE TRIGGER source_outlet_tally_moved AFTER UPDATE OF outlet_id ON articles
WHEN OLD.outlet_id IS NOT NEW.outlet_id BEGIN
    INSERT INTO source_outlet_tallies
    SELECT source_id, coalesce(OLD.outlet_id, 0), -count(*), -1, -sum(depth >= 2), -sum(stance = 'neutral'),
           -sum(stance = 'distancing'), -sum(stance = 'endorsing'), -sum(stance = 'negative')
    FROM attributions WHERE article_id = OLD.id AND source_id IS NOT NULL GROUP BY source_id
    ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions,
        articles = articles + excluded.articles, relayed = relayed + excluded.relayed,
        neutral = neutral + excluded.neutral, distancing = distancing + excluded.distancing,
        endorsing = endorsing + excluded.endorsing, negative = negative + excluded.negative;
    INSERT INTO source_outlet_tallies
    SELECT source_id, coalesce(NEW.outlet_id, 0), count(*), 1, sum(depth >= 2), sum(stance = 'neutral'),
           sum(stance = 'distancing'), sum(stance = 'endorsing'), sum(stance = 'negative')
    FROM attributions WHERE article_id = NEW.id AND source_id IS NOT NULL GROUP BY source_id
    ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions,
        articles = articles + excluded.articles, relayed = relayed + excluded.relayed,
        neutral = neutral + excluded.neutral, distancing = distancing + excluded.distancing,
        endorsing = endorsing + excluded.endorsing, negative = negative + excluded.negative;
    DELETE FROM source_outlet_tallies WHERE outlet_id = coalesce(OLD.outlet_id, 0) AND attributions <= 0
        AND source_id IN (SELECT source_id FROM attributions WHERE article_id = OLD.id);
END;
