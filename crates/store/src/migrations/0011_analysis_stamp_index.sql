-- How many analyses are current is asked on every start of the window and
-- after every job; with this index the count reads the index alone instead
-- of every analysis row (scores and all).
CREATE INDEX IF NOT EXISTS analyses_stamp ON analyses (version, lexicon);
