-- How often each source is cited, and in how many articles, kept as the
-- attributions are written. The sources list counted every attribution of
-- the library at each opening: 15 s over the 5.8 million attributions of a
-- million articles, which is every journalist's first look at who a
-- corpus quotes.
--
-- Attributions add to it from the analysis's writes, one upsert per source
-- per batch (see `write_analyses`); the trigger below takes an
-- attribution's count back when it is deleted (a new analysis of its
-- article, the article deleted), and the article's when it was the last
-- attribution of that article citing the source. A source cited nowhere
-- any more loses its row, so the list shows only cited sources, as the
-- join it replaces did.

CREATE TABLE source_tallies (
    source_id    INTEGER PRIMARY KEY REFERENCES sources (id),
    attributions INTEGER NOT NULL,
    articles     INTEGER NOT NULL
) STRICT;

INSERT INTO source_tallies
SELECT source_id, count(*), count(DISTINCT article_id) FROM attributions
WHERE source_id IS NOT NULL GROUP BY source_id;

CREATE TRIGGER source_tally_removed AFTER DELETE ON attributions WHEN OLD.source_id IS NOT NULL BEGIN
    UPDATE source_tallies SET
        attributions = attributions - 1,
        articles = articles - NOT EXISTS (
            SELECT 1 FROM attributions WHERE article_id = OLD.article_id AND source_id = OLD.source_id)
    WHERE source_id = OLD.source_id;
    DELETE FROM source_tallies WHERE source_id = OLD.source_id AND attributions <= 0;
END;
