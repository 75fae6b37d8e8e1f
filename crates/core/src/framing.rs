//! Framing signals: how a writer positions the claims they report.
//!
//! - The **stance of attribution verbs**: neutral ("said", "told"),
//!   distancing ("claimed", "alleged", "insisted"), endorsing ("noted",
//!   "confirmed") or negative, a concession wrung from the source
//!   ("admitted", "conceded"). The stance comes from the cue's row in
//!   `data/cues.tsv`, so it is counted over the attributions of an
//!   [`Analysis`]; punctuation cues (`Peskov: "..."`) are neutral.
//! - **Hedges** that keep a claim at arm's length ("reportedly",
//!   "allegedly", "so-called", "it is believed"), from `data/hedges.tsv`.
//! - **Loaded terms** that carry a judgement ("regime", "aggressor",
//!   "demonize"), from `data/loaded.tsv`.
//!
//! Each is counted per article, with a rate per 1,000 words and the spans
//! behind each count; comparing outlets (rates over many articles) is left
//! to the library. An adverb such as "reportedly" is both a cue (a
//! distancing attribution with no source) and a hedge: the two counts
//! answer different questions, so it is in both.
//!
//! Hedges and loaded terms are lists users extend, in the shape of the
//! attribution lexicons: the built-in file plus the user's rows as text,
//! through [`FramingLexicon::extend`]; a user row replaces a built-in row
//! with the same phrase.
//!
//! Offsets are Unicode code points into the text, end exclusive.
//!
//! ```
//! use sourcetrace_core::attribution::{analyze, Context, Lexicon, Stance};
//! use sourcetrace_core::framing::{framing, FramingKind, FramingLexicon};
//!
//! let text = "The so-called referendum was reportedly rigged, the regime's critics claimed.";
//! let analysis = analyze(text, &Lexicon::builtin(), &Context::default());
//! let mut lexicon = FramingLexicon::builtin();
//! lexicon.extend(FramingKind::Loaded, "rigged\trigged\tdiscrediting");
//! let found = framing(text, &analysis, &lexicon);
//! let hedges: Vec<&str> = found.hedges.iter().map(|h| h.text.as_str()).collect();
//! assert_eq!(hedges, ["so-called", "reportedly"]);
//! let loaded: Vec<&str> = found.loaded.iter().map(|h| h.text.as_str()).collect();
//! assert_eq!(loaded, ["rigged", "regime's"]);
//! assert_eq!(found.stance(Stance::Distancing).count, 2); // "reportedly", "claimed"
//! assert_eq!(found.words, 10);
//! ```

use crate::attribution::lexicon::{normalize_phrase, WordFilter};
use crate::attribution::tokens::{Kind, Tokens};
use crate::attribution::{Analysis, Reading, Stance};
use crate::fasthash::FastMap as HashMap;
use crate::text::{self, CodePoints};
use crate::Diagnostic;
use serde::{Deserialize, Serialize};

pub const HEDGES_TSV: &str = include_str!("../../../data/hedges.tsv");
pub const LOADED_TSV: &str = include_str!("../../../data/loaded.tsv");

/// The header row both framing files start with.
pub const HEADER: &str = "phrase\tforms\tgroup";

/// Which framing list a piece of text extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FramingKind {
    Hedges,
    Loaded,
}

impl FramingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FramingKind::Hedges => "hedges",
            FramingKind::Loaded => "loaded",
        }
    }

    pub fn parse(s: &str) -> Option<FramingKind> {
        Some(match s {
            "hedges" => FramingKind::Hedges,
            "loaded" => FramingKind::Loaded,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
struct Entry {
    phrase: String,
    group: String,
}

/// One list of phrases, indexed by first word, longest forms first.
#[derive(Debug, Clone, Default)]
struct Phrases {
    entries: Vec<Entry>,
    forms: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Phrases {
    fn add(&mut self, f: &[&str]) -> Result<(), String> {
        if f.len() < 3 {
            return Err(format!("expected 3 tab-separated columns, found {}", f.len()));
        }
        let phrase = normalize_phrase(f[0]);
        if phrase.is_empty() {
            return Err("empty phrase".into());
        }
        let group = f[2].trim().to_string();
        if group.is_empty() {
            return Err("empty group".into());
        }
        // A later row for the same phrase (a user's correction) replaces it.
        let id = match self.entries.iter().position(|e| e.phrase == phrase) {
            Some(id) => {
                for forms in self.forms.values_mut() {
                    forms.retain(|(_, e)| *e != id);
                }
                self.entries[id] = Entry { phrase: phrase.clone(), group };
                id
            }
            None => {
                self.entries.push(Entry { phrase: phrase.clone(), group });
                self.entries.len() - 1
            }
        };
        let mut forms: Vec<String> = f[1].split('|').map(normalize_phrase).filter(|s| !s.is_empty()).collect();
        if forms.is_empty() {
            forms.push(phrase);
        }
        for form in forms {
            let mut words = form.split(' ').map(str::to_string);
            let Some(first) = words.next() else { continue };
            let rest: Vec<String> = words.collect();
            let slot = self.forms.entry(first).or_default();
            if !slot.iter().any(|(r, e)| *r == rest && *e == id) {
                slot.push((rest, id));
                slot.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
            }
        }
        Ok(())
    }

    /// The longest phrase of this list that starts at word `i`, as the
    /// token after its end and its entry. `word` is the word's lowercase
    /// and `stem` the same without a possessive ending ("regime's" is read
    /// as "regime").
    fn match_at(&self, t: &Tokens, i: usize, word: &str, stem: &str) -> Option<(usize, usize)> {
        let candidates = self.forms.get(stem).or_else(|| if stem == word { None } else { self.forms.get(word) })?;
        candidates
            .iter()
            .find(|(rest, _)| {
                (rest.is_empty() || stem == word)
                    && rest.iter().enumerate().all(|(k, w)| {
                        let j = i + 1 + k;
                        t.is_word(j) && (t.lower(j) == w || (k + 1 == rest.len() && bare(t.lower(j)) == w))
                    })
            })
            .map(|(rest, id)| (i + 1 + rest.len(), *id))
    }

    fn hit(&self, t: &Tokens, offsets: &CodePoints, first: usize, end: usize, id: usize) -> Hit {
        let (a, b) = (t.toks[first].start, t.toks[end - 1].end);
        let entry = &self.entries[id];
        Hit {
            start: offsets.of_byte(a),
            end: offsets.of_byte(b),
            text: t.text[a..b].to_string(),
            phrase: entry.phrase.clone(),
            group: entry.group.clone(),
        }
    }
}

/// A word without a possessive ending: "regime's" is "regime".
fn bare(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word)
}

/// The hedge and loaded-term lists, built in and extended by the user.
#[derive(Debug, Clone)]
pub struct FramingLexicon {
    hedges: Phrases,
    loaded: Phrases,
    /// The first words of both lists. Nearly every word of a text starts
    /// no phrase, and this filter says so without hashing the word.
    first_words: WordFilter,
}

impl FramingLexicon {
    /// Two empty lists.
    fn empty() -> FramingLexicon {
        FramingLexicon { hedges: Phrases::default(), loaded: Phrases::default(), first_words: WordFilter::default() }
    }

    /// The lists in `data/hedges.tsv` and `data/loaded.tsv`.
    pub fn builtin() -> FramingLexicon {
        let mut lexicon = FramingLexicon::empty();
        // The built-in files are checked by a unit test, so this is empty.
        lexicon.extend(FramingKind::Hedges, HEDGES_TSV);
        lexicon.extend(FramingKind::Loaded, LOADED_TSV);
        lexicon
    }

    /// Adds rows in the format of the built-in files (`phrase`, `forms`,
    /// `group`). Bad rows are skipped with a diagnostic naming their line;
    /// good rows still count.
    pub fn extend(&mut self, kind: FramingKind, tsv: &str) -> Vec<Diagnostic> {
        let list = match kind {
            FramingKind::Hedges => &mut self.hedges,
            FramingKind::Loaded => &mut self.loaded,
        };
        let mut diagnostics = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line == HEADER {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let Err(message) = list.add(&fields) {
                diagnostics.push(
                    Diagnostic::warning("framing.bad_row", format!("{}: {message}", kind.as_str())).at_line(n + 1),
                );
            }
        }
        let mut first_words = WordFilter::default();
        for word in self.hedges.forms.keys().chain(self.loaded.forms.keys()) {
            first_words.insert(word);
        }
        self.first_words = first_words;
        diagnostics
    }

    /// Every hedge and every loaded term in the text, left to right, none
    /// overlapping another of its list. Both lists are matched in one pass
    /// over the words, which asks the filter about each word once.
    fn find(&self, t: &Tokens, offsets: &CodePoints) -> (Vec<Hit>, Vec<Hit>) {
        let (mut hedges, mut loaded) = (Vec::new(), Vec::new());
        // The first token each list may match from: a match covers its
        // words for its own list only.
        let (mut hedges_from, mut loaded_from) = (0, 0);
        for i in 0..t.toks.len() {
            if t.toks[i].kind != Kind::Word || (i < hedges_from && i < loaded_from) {
                continue;
            }
            let word = t.lower(i);
            let stem = bare(word);
            if !self.first_words.may_hold(stem) && (stem == word || !self.first_words.may_hold(word)) {
                continue;
            }
            for (list, from, hits) in
                [(&self.hedges, &mut hedges_from, &mut hedges), (&self.loaded, &mut loaded_from, &mut loaded)]
            {
                if i < *from {
                    continue;
                }
                if let Some((end, id)) = list.match_at(t, i, word, stem) {
                    hits.push(list.hit(t, offsets, i, end, id));
                    *from = end;
                }
            }
        }
        (hedges, loaded)
    }

    /// How many phrases a list holds.
    pub fn len(&self, kind: FramingKind) -> usize {
        match kind {
            FramingKind::Hedges => self.hedges.entries.len(),
            FramingKind::Loaded => self.loaded.entries.len(),
        }
    }
}

/// One hedge or loaded term in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hit {
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// As written: "Regime's".
    pub text: String,
    /// The row it matched: "regime".
    pub phrase: String,
    /// The row's group: "delegitimizing".
    pub group: String,
}

/// The attributions of one stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StanceCount {
    pub stance: Stance,
    pub count: usize,
    /// Per 1,000 words of the text.
    pub rate: f64,
    /// Of all the article's attributions (0 when it has none).
    pub share: f64,
    /// Indices into the analysis's attributions; each one's cue is the span.
    pub attributions: Vec<usize>,
}

/// The framing signals of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Framing {
    /// Words in the text, as [`text::word_count`] counts them.
    pub words: usize,
    /// One count per stance, always in the order neutral, distancing,
    /// endorsing, negative.
    pub stances: Vec<StanceCount>,
    pub hedges: Vec<Hit>,
    /// Hedges per 1,000 words.
    pub hedge_rate: f64,
    pub loaded: Vec<Hit>,
    /// Loaded terms per 1,000 words.
    pub loaded_rate: f64,
    pub diagnostics: Vec<Diagnostic>,
}

impl Framing {
    /// The count for one stance.
    pub fn stance(&self, stance: Stance) -> &StanceCount {
        let at = STANCES.iter().position(|&s| s == stance).unwrap_or(0);
        &self.stances[at]
    }
}

const STANCES: [Stance; 4] = [Stance::Neutral, Stance::Distancing, Stance::Endorsing, Stance::Negative];

/// Counts per 1,000 words; 0 for a text with no words.
pub fn per_thousand(count: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        count as f64 * 1000.0 / words as f64
    }
}

/// The framing signals of `text`, whose attributions are `analysis`.
pub fn framing(text: &str, analysis: &Analysis, lexicon: &FramingLexicon) -> Framing {
    framing_in(&Reading::unmarked(text), analysis, lexicon)
}

/// [`framing`] of a text already read, sharing its words with the other
/// stages.
pub fn framing_in(reading: &Reading, analysis: &Analysis, lexicon: &FramingLexicon) -> Framing {
    let mut diagnostics = Vec::new();
    if let Some((len, cut)) = reading.truncated() {
        diagnostics.push(Diagnostic::warning(
            "framing.truncated",
            format!("the text is {len} bytes; only the first {cut} were read"),
        ));
    }
    let (t, offsets) = (&reading.tokens, &reading.offsets);
    let text = t.text;
    let words = text::word_count(text);
    let total = analysis.attributions.len();
    let stances = STANCES
        .iter()
        .map(|&stance| {
            let attributions: Vec<usize> =
                analysis.attributions.iter().enumerate().filter(|(_, a)| a.stance == stance).map(|(i, _)| i).collect();
            let count = attributions.len();
            StanceCount {
                stance,
                count,
                rate: per_thousand(count, words),
                share: if total == 0 { 0.0 } else { count as f64 / total as f64 },
                attributions,
            }
        })
        .collect();
    let (hedges, loaded) = lexicon.find(t, offsets);
    Framing {
        words,
        hedge_rate: per_thousand(hedges.len(), words),
        loaded_rate: per_thousand(loaded.len(), words),
        stances,
        hedges,
        loaded,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{analyze, Context, Lexicon};

    #[test]
    fn builtin_lists_parse_without_diagnostics() {
        let mut lexicon = FramingLexicon::empty();
        assert!(lexicon.extend(FramingKind::Hedges, HEDGES_TSV).is_empty());
        assert!(lexicon.extend(FramingKind::Loaded, LOADED_TSV).is_empty());
        assert!(lexicon.len(FramingKind::Hedges) >= 25 && lexicon.len(FramingKind::Loaded) >= 35);
    }

    #[test]
    fn hedges_and_loaded_terms_are_found_with_their_spans() {
        let lexicon = FramingLexicon::builtin();
        // (text, hedges as written, loaded terms as written)
        let table: [(&str, &[&str], &[&str]); 6] = [
            ("The rebels allegedly shelled the town, it is believed.", &["allegedly", "it is believed"], &[]),
            ("The Kiev regime\u{2019}s so-called reforms", &["so-called"], &["regime\u{2019}s"]),
            ("Officials are said to have demonized the aggressor.", &["are said to"], &["demonized", "aggressor"]),
            (
                "A WITCH HUNT, he said; the Collective West is in hysteria.",
                &[],
                &["WITCH HUNT", "Collective West", "hysteria"],
            ),
            ("He reportedly said nothing.", &["reportedly"], &[]),
            ("Regimental records show the plan.", &[], &[]),
        ];
        for (text, hedges, loaded) in table {
            let found = framing(text, &Analysis::default(), &lexicon);
            let got: Vec<&str> = found.hedges.iter().map(|h| h.text.as_str()).collect();
            assert_eq!(got, hedges, "hedges in {text:?}");
            let got: Vec<&str> = found.loaded.iter().map(|h| h.text.as_str()).collect();
            assert_eq!(got, loaded, "loaded terms in {text:?}");
            for h in found.hedges.iter().chain(&found.loaded) {
                assert_eq!(text.chars().skip(h.start).take(h.end - h.start).collect::<String>(), h.text);
            }
        }
    }

    #[test]
    fn stance_is_counted_over_attributions() {
        let text = "Peskov said talks went well. The minister claimed victory. \
                    Officials noted the risk. The general admitted that losses were heavy.";
        let analysis = analyze(text, &Lexicon::builtin(), &Context::default());
        let found = framing(text, &analysis, &FramingLexicon::builtin());
        // (stance, cues behind it)
        let table = [
            (Stance::Neutral, vec!["said"]),
            (Stance::Distancing, vec!["claimed"]),
            (Stance::Endorsing, vec!["noted"]),
            (Stance::Negative, vec!["admitted"]),
        ];
        for (stance, cues) in table {
            let count = found.stance(stance);
            let got: Vec<&str> =
                count.attributions.iter().map(|&i| analysis.attributions[i].cue.text.as_str()).collect();
            assert_eq!(got, cues, "{stance:?}");
            assert_eq!(count.rate, per_thousand(cues.len(), found.words));
            assert!((count.share - 0.25).abs() < 1e-9);
        }
        assert_eq!(found.words, 20);
    }

    #[test]
    fn user_rows_extend_and_replace() {
        let mut lexicon = FramingLexicon::builtin();
        let found =
            lexicon.extend(FramingKind::Loaded, "phrase\tforms\tgroup\nregime\tregime\tmine\nno group\t\t\njunta");
        assert_eq!(found.iter().filter_map(|d| d.line).collect::<Vec<_>>(), [3, 4]);
        lexicon.extend(FramingKind::Hedges, "sources say\tsources say|sources said\thearsay");
        let text = "The regime fell, sources said.";
        let found = framing(text, &Analysis::default(), &lexicon);
        assert_eq!(found.loaded[0].group, "mine");
        assert_eq!(found.hedges[0].phrase, "sources say");
        assert!((found.hedge_rate - 1000.0 / 5.0).abs() < 1e-9);
    }

    #[test]
    fn empty_text_has_zero_rates() {
        let found = framing("", &Analysis::default(), &FramingLexicon::builtin());
        assert_eq!((found.words, found.hedge_rate, found.loaded_rate), (0, 0.0, 0.0));
        assert_eq!(found.stances.len(), 4);
    }
}
