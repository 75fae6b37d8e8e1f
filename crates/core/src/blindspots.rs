//! Blindspots: the facts of a story that only one outlet carried.
//!
//! A journalist comparing three outlets' coverage of one event wants to see
//! what each left out. This module finds the sentences that bring something
//! checkable no other outlet mentions anywhere in the story (a number, or
//! a name past the sentence's first word) and whose content no article of
//! another outlet carries (no sentence of another outlet holds at least
//! half of the sentence's content words). Sources that only one
//! outlet cited are found from the stored attributions by the caller; this
//! is the text side.
//!
//! ```
//! use sourcetrace_core::blindspots::{facts_only_one_carried, StoryText};
//!
//! let texts = [
//!     StoryText { outlet: "A", text: "Officials said 40 people were hurt in Lyon. The mayor called for calm." },
//!     StoryText { outlet: "B", text: "The mayor of Lyon called for calm after the clashes." },
//! ];
//! let facts = facts_only_one_carried(&texts);
//! assert_eq!(facts.len(), 1);
//! assert_eq!(facts[0].text, "Officials said 40 people were hurt in Lyon.");
//! ```

use crate::attribution::tokens::Tokens;
use crate::dates;
use crate::text::CodePoints;
use serde::Serialize;
use std::collections::HashSet;

/// One article of a story: its outlet (any key that tells outlets apart)
/// and its text.
#[derive(Debug, Clone, Copy)]
pub struct StoryText<'a> {
    pub outlet: &'a str,
    pub text: &'a str,
}

/// A sentence only one outlet carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FactBlindspot {
    /// Index of the article in the input.
    pub article: usize,
    /// Code-point offsets into that article's text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// What no other outlet gave: a "number" or a "name".
    pub because: &'static str,
    /// The numbers and names no other outlet wrote anywhere in the story,
    /// as written, then its other words no other outlet used: what the
    /// others left out.
    pub unshared: Vec<String>,
}

/// A sentence holds another's content when at least this share of its
/// content words appear in the other.
const CARRIED: f64 = 0.5;
/// Sentences with fewer content words say too little to compare.
const MIN_WORDS: usize = 5;

/// Words that carry no content of their own, left out when sentences are
/// compared.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most", "mr", "mrs", "ms", "no", "not",
    "of", "on", "one", "or", "our", "out", "over", "said", "says", "she", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "told", "up", "us", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you",
];

/// Capitalized words that name no one: titles before a name. Another
/// outlet writing "Senator" or "Tuesday" differently must not make a
/// blindspot of them; days and months are left out through [`dates`].
const NOT_NAMES: &[&str] =
    &["sen", "senator", "rep", "representative", "gov", "governor", "gen", "dr", "mr", "mrs", "ms", "president"];

struct Sentence {
    article: usize,
    start: usize,
    end: usize,
    words: HashSet<String>,
    /// Folded numbers and names in the sentence (names past its first
    /// word), with how each is written.
    keys: Vec<(String, String, &'static str)>,
}

/// A word folded for comparison: lowercase, a plural "s" or "ies" dropped
/// so "troop" and "troops" match, but not the "s" of "Texas" or "famous".
fn fold(word: &str) -> String {
    let w = word.to_lowercase();
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 4 && w.ends_with('s') && !["ss", "us", "is", "as", "os"].iter().any(|e| w.ends_with(e)) {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

fn words_of(sentence: &str) -> impl Iterator<Item = &str> {
    sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Folded content words: no stopwords, nothing shorter than three letters
/// except numbers.
fn content_words(sentence: &str) -> HashSet<String> {
    words_of(sentence)
        .filter(|w| w.chars().count() > 2 || w.chars().all(char::is_numeric))
        .map(fold)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// The checkable parts of a sentence: its numbers, and the names it gives
/// past its first word (capitalized words with a lowercase letter, so not
/// acronyms in shouting headlines).
fn keys(sentence: &str) -> Vec<(String, String, &'static str)> {
    let mut keys = Vec::new();
    for (i, w) in words_of(sentence).enumerate() {
        if w.chars().any(|c| c.is_ascii_digit()) {
            keys.push((fold(w), w.to_string(), "number"));
        } else if i > 0
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && !STOPWORDS.contains(&w.to_lowercase().as_str())
            && !NOT_NAMES.contains(&w.to_lowercase().as_str())
            && !dates::WEEKDAYS.contains(&w.to_lowercase().as_str())
            && dates::month_abbreviation(w).is_none()
        {
            keys.push((fold(w), w.to_string(), "name"));
        }
    }
    keys
}

/// The sentences of a story that bring a number or a name no article of
/// another outlet mentions anywhere, and whose content no sentence of
/// another outlet holds; in article order. With fewer than two outlets
/// nothing can be missing.
pub fn facts_only_one_carried(texts: &[StoryText]) -> Vec<FactBlindspot> {
    let outlets: HashSet<&str> = texts.iter().map(|t| t.outlet).collect();
    if outlets.len() < 2 {
        return Vec::new();
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    for (article, t) in texts.iter().enumerate() {
        let points = CodePoints::new(t.text);
        // The attribution tokenizer's sentences, so "U.S." and "Mr." do not
        // split a fact in two here when they do not there.
        let tokens = Tokens::with_classes(t.text, |_| 0);
        for sentence in &tokens.sentences {
            if sentence.end <= sentence.first {
                continue;
            }
            let (start, end) = (tokens.toks[sentence.first].start, tokens.toks[sentence.end - 1].end);
            let s = &t.text[start..end];
            sentences.push(Sentence {
                article,
                start: points.of_byte(start),
                end: points.of_byte(end),
                words: content_words(s),
                keys: keys(s),
            });
        }
    }
    // Every folded word each outlet used anywhere in the story, stopwords
    // and short words included, so a name or number is "elsewhere" when any
    // other outlet wrote it at all.
    let mut vocabularies: Vec<(&str, HashSet<String>)> = outlets.iter().map(|&o| (o, HashSet::new())).collect();
    for (o, vocabulary) in &mut vocabularies {
        for t in texts.iter().filter(|t| t.outlet == *o) {
            vocabulary.extend(words_of(t.text).map(fold));
        }
    }
    let elsewhere = |outlet: &str, word: &str| vocabularies.iter().any(|(o, v)| *o != outlet && v.contains(word));
    let mut found = Vec::new();
    for s in &sentences {
        if s.words.len() < MIN_WORDS {
            continue;
        }
        let outlet = texts[s.article].outlet;
        let mut new_keys: Vec<&(String, String, &'static str)> =
            s.keys.iter().filter(|(key, _, _)| !elsewhere(outlet, key)).collect();
        if new_keys.is_empty() {
            continue;
        }
        let carried = sentences.iter().any(|other| {
            texts[other.article].outlet != outlet
                && s.words.intersection(&other.words).count() as f64 >= CARRIED * s.words.len() as f64
        });
        if carried {
            continue;
        }
        // Numbers first: a figure no one else gave is the sharper blindspot.
        new_keys.sort_by_key(|(_, _, kind)| if *kind == "number" { 0 } else { 1 });
        let because = new_keys[0].2;
        let mut unshared: Vec<String> = Vec::new();
        for (_, written, _) in &new_keys {
            if !unshared.iter().any(|u| u.eq_ignore_ascii_case(written)) {
                unshared.push(written.clone());
            }
        }
        let mut rest: Vec<&String> = s.words.iter().filter(|w| !elsewhere(outlet, w)).collect();
        // Longer words first, then alphabetically, so the list is stable.
        rest.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        for w in rest {
            if !unshared.iter().any(|u| fold(u) == *w) {
                unshared.push(w.clone());
            }
        }
        let text = texts[s.article].text;
        let chars: String = text.chars().skip(s.start).take(s.end - s.start).collect();
        found.push(FactBlindspot {
            article: s.article,
            start: s.start,
            end: s.end,
            text: chars.trim().to_string(),
            because,
            unshared,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_every_outlet_carried_is_no_blindspot() {
        let texts = [
            StoryText { outlet: "A", text: "The senate passed the bill 72 to 25 on Tuesday night." },
            StoryText { outlet: "B", text: "On Tuesday night the senate passed the spending bill, 72 to 25." },
        ];
        assert!(facts_only_one_carried(&texts).is_empty());
    }

    #[test]
    fn facts_one_outlet_left_out_are_listed_with_their_words() {
        let texts = [
            StoryText {
                outlet: "A",
                text: "The senate passed the bill on Tuesday. Disaster aid of $12 billion was added for Florida and Texas.",
            },
            StoryText { outlet: "B", text: "The senate passed the bill on Tuesday night." },
            StoryText { outlet: "B", text: "Senators said the vote ended weeks of talks." },
        ];
        let facts = facts_only_one_carried(&texts);
        assert_eq!(facts.len(), 1, "{facts:?}");
        let f = &facts[0];
        assert_eq!((f.article, f.because), (0, "number"));
        assert!(f.text.starts_with("Disaster aid"));
        assert_eq!(f.unshared[..3], ["12", "Florida", "Texas"]);
        assert!(f.unshared.contains(&"disaster".to_string()));
        let chars: String = texts[0].text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(chars.trim(), f.text);
    }

    #[test]
    fn one_outlet_alone_has_no_blindspots_and_messy_text_is_fine() {
        assert!(facts_only_one_carried(&[StoryText { outlet: "A", text: "Only 3 people came." }]).is_empty());
        let texts = [StoryText { outlet: "A", text: "\u{0}\u{feff}“ 12 ”" }, StoryText { outlet: "B", text: "" }];
        assert!(facts_only_one_carried(&texts).is_empty());
    }
}
