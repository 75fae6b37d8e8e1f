-- An analysis of 100,000 articles wrote 830 MB next to 160 MB of text, and
-- those writes, not the analysis, set the pace of `sourcetrace analyze`.
-- Two things that were stored are cheaper to work out when they are read,
-- and two per-attribution costs go:
--
-- * `tones.detail`, every sentence's tone with the words behind it (2.4 KB
--   an article, more than the article). Only the view of one article, or
--   of one story, reads it; scoring an article's tone again takes a fraction
--   of a millisecond, with the same rules and lexicons. The article's score
--   (`analyses.tone`) and its entity tones stay stored for the tallies.
-- * `analyses.scores`, the scores as JSON with their formulas (1.7 KB an
--   article). They are a function of the article's stored attributions,
--   which are read with them anyway. The column stays, because dropping it
--   rewrites the table; new analyses write it empty and nothing reads it.
DROP TABLE IF EXISTS tones;

-- An attribution counted itself into `tally_attributions` through a
-- trigger, one upsert (and one more in the month table) for each row.
-- `Library::write_analyses` now adds an article's attributions to the
-- tally grouped by stance and source type, one upsert per group, in the
-- same transaction. That was half the time of writing the attributions.
-- No other code inserts attributions; removal and changes keep their
-- triggers.
DROP TRIGGER IF EXISTS tally_attribution_added;

-- No query reads attributions by source type through this index: the
-- sources list filters `sources.source_type`, and the evidence of a figure
-- asks for `coalesce(source_type, 'unknown')`, which no index on the
-- column serves. Keeping it cost one more b-tree insert per attribution.
DROP INDEX IF EXISTS attributions_source_type;
