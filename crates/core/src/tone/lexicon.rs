//! The word lists the tone engines read: VADER's lexicon, AFINN-111, the
//! news overrides written for this project, and a user's own rows.
//!
//! Overrides and user rows are merged into both engines' tables when the
//! lexicon is built, so a lookup is one hash probe whatever the layers. A
//! row with valence 0 removes the word from both tables: the word then
//! behaves as if no lexicon knew it, which is what "crude oil" and "the
//! Justice Department" need.

use crate::fasthash::FastMap as HashMap;
use crate::Diagnostic;
use serde::{Deserialize, Serialize};

pub const VADER_TSV: &str = include_str!("../../../../data/vader-lexicon.tsv");
pub const AFINN_TSV: &str = include_str!("../../../../data/afinn-111.tsv");
pub const NEWS_TSV: &str = include_str!("../../../../data/tone-news.tsv");

/// The header row of the news override file, which user rows share.
pub const NEWS_HEADER: &str = "term\tforms\tvalence\tgroup";

/// AFINN rates from -5 to +5 and VADER from -4 to +4: an override written
/// on VADER's scale is read by AFINN times this.
pub const AFINN_PER_VADER: f64 = 1.25;

/// Where the weight of a term came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TermSource {
    /// `data/vader-lexicon.tsv` (VADER 3.3.2).
    Vader,
    /// `data/afinn-111.tsv` (AFINN-111).
    Afinn,
    /// `data/tone-news.tsv`, this project's news overrides.
    News,
    /// A row the user added.
    User,
}

impl TermSource {
    pub fn as_str(self) -> &'static str {
        match self {
            TermSource::Vader => "vader",
            TermSource::Afinn => "afinn",
            TermSource::News => "news",
            TermSource::User => "user",
        }
    }
}

/// One weight and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Weight {
    pub valence: f64,
    pub source: TermSource,
}

/// A token as VADER's scoring sees it: its weight, if it is rated, and
/// which of the rules' word lists it is in (the bits of
/// `vader::rule_words`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct VaderWord {
    pub weight: Option<Weight>,
    pub rules: u8,
}

/// VADER's tokens and the rules' words, looked up once for every token of
/// every sentence. A token of up to 15 bytes is keyed by its bytes and its
/// length packed into one integer, which hashes and compares without a
/// call to `memcmp` (the comparisons of string keys were a tenth of the
/// scoring); longer tokens, a handful in the lexicon, are keyed by their
/// text.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordTable {
    short: HashMap<u128, VaderWord>,
    long: HashMap<String, VaderWord>,
}

impl WordTable {
    /// The key of a token under 16 bytes; the length in the top byte keeps
    /// "ab" and "ab\0" apart.
    #[inline]
    fn key(word: &str) -> Option<u128> {
        if word.len() >= 16 {
            return None;
        }
        crate::attribution::lexicon::pack_word(word).map(|k| k | (word.len() as u128) << 120)
    }

    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&VaderWord> {
        match Self::key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// The weight of a rated token.
    #[cfg(test)]
    fn weight(&self, word: &str) -> Option<Weight> {
        self.get(word).and_then(|w| w.weight)
    }

    /// How many tokens are rated.
    #[cfg(test)]
    fn rated(&self) -> usize {
        self.short.values().chain(self.long.values()).filter(|w| w.weight.is_some()).count()
    }

    fn entry(&mut self, word: &str) -> &mut VaderWord {
        let empty = VaderWord { weight: None, rules: 0 };
        match Self::key(word) {
            Some(key) => self.short.entry(key).or_insert(empty),
            None => self.long.entry(word.to_string()).or_insert(empty),
        }
    }
}

/// The tone lexicons of both engines, with any overrides merged in.
#[derive(Debug, Clone)]
pub struct ToneLexicon {
    /// VADER's lowercase tokens with their weights, and the words VADER's
    /// rules ask about (negators, boosters, the words of idioms) with the
    /// lists they are in: one lookup a word answers every question the
    /// scoring asks about it.
    pub(crate) words: WordTable,
    /// Lowercase word or phrase (words joined by one space) to weight.
    pub(crate) afinn: HashMap<String, Weight>,
    pub(crate) afinn_max_words: usize,
    /// News rules are on: the override rows, and the wider negation scope
    /// and curly-apostrophe folding that go with them. Off, the VADER path
    /// is VADER 3.3.2 exactly.
    pub(crate) news: bool,
}

impl ToneLexicon {
    /// The general lexicons plus the news overrides: what the app uses.
    pub fn builtin() -> ToneLexicon {
        let mut lexicon = ToneLexicon::general();
        lexicon.news = true;
        // The built-in file is checked by a unit test, so this is empty.
        lexicon.merge(NEWS_TSV, TermSource::News);
        lexicon
    }

    /// VADER and AFINN-111 as published, with no news rules: the VADER path
    /// then matches Python's vaderSentiment 3.3.2.
    pub fn general() -> ToneLexicon {
        let mut lexicon =
            ToneLexicon { words: WordTable::default(), afinn: HashMap::default(), afinn_max_words: 1, news: false };
        for (word, valence) in data_rows(VADER_TSV, "token\tvalence") {
            // Python's loader strips each line, then reads the first two
            // tab-separated fields; the last row for a token wins.
            if let Ok(valence) = valence.trim().parse::<f64>() {
                lexicon.words.entry(word).weight = Some(Weight { valence, source: TermSource::Vader });
            }
        }
        for (term, valence) in data_rows(AFINN_TSV, "term\tvalence") {
            if let Ok(valence) = valence.trim().parse::<f64>() {
                let term = fold(term);
                lexicon.afinn_max_words = lexicon.afinn_max_words.max(term.split(' ').count());
                lexicon.afinn.insert(term, Weight { valence, source: TermSource::Afinn });
            }
        }
        for (word, rules) in super::vader::rule_words() {
            lexicon.words.entry(word).rules |= rules;
        }
        lexicon
    }

    /// Whether the news rules are on.
    pub fn news(&self) -> bool {
        self.news
    }

    /// Adds a user's rows, in the format of `data/tone-news.tsv`. Bad rows
    /// are skipped with a diagnostic naming their line; good rows count.
    /// User rows turn the news rules on, since they are written for them.
    pub fn extend(&mut self, tsv: &str) -> Vec<Diagnostic> {
        self.news = true;
        self.merge(tsv, TermSource::User)
    }

    fn merge(&mut self, tsv: &str, source: TermSource) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line == NEWS_HEADER {
                continue;
            }
            if let Err(message) = self.add_override(line, source) {
                diagnostics.push(Diagnostic::warning("tone.bad_row", message).at_line(n + 1));
            }
        }
        diagnostics
    }

    fn add_override(&mut self, line: &str, source: TermSource) -> Result<(), String> {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 4 {
            return Err(format!("expected 4 tab-separated columns, found {}", f.len()));
        }
        let valence: f64 = f[2].parse().map_err(|_| format!("valence must be a number, not {:?}", f[2]))?;
        if !valence.is_finite() || !(-4.0..=4.0).contains(&valence) {
            return Err(format!("valence must be between -4 and 4, not {valence}"));
        }
        let mut forms: Vec<String> = f[1].split('|').map(fold).filter(|s| !s.is_empty()).collect();
        let term = fold(f[0]);
        if term.is_empty() {
            return Err("empty term".into());
        }
        if forms.is_empty() {
            forms.push(term);
        }
        if let Some(bad) = forms.iter().find(|w| w.contains(' ')) {
            return Err(format!("{bad:?} has a space; tone terms are single words"));
        }
        for form in forms {
            if valence == 0.0 {
                // The token stays in the table for the rules' lists it is in.
                self.words.entry(&form).weight = None;
                self.afinn.remove(&form);
            } else {
                self.words.entry(&form).weight = Some(Weight { valence, source });
                self.afinn.insert(form, Weight { valence: valence * AFINN_PER_VADER, source });
            }
        }
        Ok(())
    }
}

/// The rows of a compiled-in word list after its header row: comment lines
/// (`# ` or a lone `#`) come before the header only, because VADER's tokens
/// include emoticons that start with punctuation.
fn data_rows<'a>(tsv: &'a str, header: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    let body = tsv.split_once(&format!("\n{header}\n")).map_or(tsv, |(_, rest)| rest);
    body.lines().filter_map(|line| {
        let line = line.trim();
        let mut fields = line.split('\t');
        let word = fields.next()?;
        let valence = fields.next()?;
        (!word.is_empty()).then_some((word, valence))
    })
}

/// Lowercase, single spaces, curly apostrophes folded: the key AFINN and
/// the overrides are looked up by.
pub(crate) fn fold(s: &str) -> String {
    crate::attribution::lexicon::normalize_phrase(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load_whole() {
        let general = ToneLexicon::general();
        assert!(general.words.rated() > 7400, "only {} VADER tokens", general.words.rated());
        assert_eq!(general.afinn.len(), 2477);
        assert_eq!(general.afinn_max_words, 3);
        assert_eq!(general.words.weight("lol").map(|w| w.valence), Some(1.8), "the last of a duplicated token wins");
        let mut lexicon = ToneLexicon::general();
        assert!(lexicon.merge(NEWS_TSV, TermSource::News).is_empty());
    }

    #[test]
    fn overrides_replace_add_and_remove() {
        let lexicon = ToneLexicon::builtin();
        let demonize = lexicon.words.weight("demonize").expect("rated");
        assert_eq!((demonize.valence, demonize.source), (-2.0, TermSource::News));
        assert_eq!(lexicon.afinn["demonized"].valence, -2.5);
        assert!(lexicon.words.weight("crude").is_none() && !lexicon.afinn.contains_key("justice"));
        assert_eq!(lexicon.words.weight("war").map(|w| w.source), Some(TermSource::Vader));
    }

    #[test]
    fn user_rows_are_checked_and_layered() {
        let mut lexicon = ToneLexicon::builtin();
        let found = lexicon
            .extend("term\tforms\tvalence\tgroup\nlauded\tlauded\t2.5\tpraise\nbad\t\tnine\tx\nx y\t\t1\tx\nshort");
        assert_eq!(found.iter().filter_map(|d| d.line).collect::<Vec<_>>(), [3, 4, 5]);
        assert_eq!(lexicon.words.weight("lauded").map(|w| w.source), Some(TermSource::User));
        assert_eq!(lexicon.afinn["lauded"].valence, 2.5 * AFINN_PER_VADER);
    }
}
