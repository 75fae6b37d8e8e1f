//! Blindspots: the facts of a story that only one outlet carried.
//!
//! A journalist comparing three outlets' coverage of one event wants to see
//! what each left out. This module finds, among the sentences that state
//! something checkable (a number, a name, or a quote), those that no
//! article of another outlet carries: no sentence of another outlet holds
//! at least half of the sentence's content words. Sources that only one
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
pub struct FactBlindspot {
    /// Index of the article in the input.
    pub article: usize,
    /// Code-point offsets into that article's text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// What makes it a checkable fact: "number", "quote" or "name".
    pub because: &'static str,
    /// Its content words that no other outlet used anywhere in the story,
    /// most telling first: what the others left out.
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

struct Sentence {
    article: usize,
    start: usize,
    end: usize,
    words: HashSet<String>,
    because: Option<&'static str>,
}

/// Lowercased content words, with a plural "s" dropped so "troop" and
/// "troops" match.
fn content_words(sentence: &str) -> HashSet<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && (w.chars().count() > 2 || w.chars().all(char::is_numeric)))
        .map(|w| if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w })
        .collect()
}

/// Why a sentence is a checkable fact, if it is one: it gives a number,
/// quotes someone, or names someone or something past its first word.
fn checkable(sentence: &str) -> Option<&'static str> {
    if sentence.chars().any(|c| c.is_ascii_digit()) {
        return Some("number");
    }
    if sentence.contains(['"', '“', '”']) {
        return Some("quote");
    }
    let named = sentence
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase));
    named.then_some("name")
}

/// The checkable sentences of a story that only one outlet carried, in
/// article order. With fewer than two outlets nothing can be missing.
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
                because: checkable(s),
            });
        }
    }
    // Every content word each outlet used anywhere in the story.
    let vocabulary_of = |outlet: &str| -> HashSet<&String> {
        sentences.iter().filter(|s| texts[s.article].outlet == outlet).flat_map(|s| s.words.iter()).collect()
    };
    let vocabularies: Vec<(&str, HashSet<&String>)> = outlets.iter().map(|&o| (o, vocabulary_of(o))).collect();
    let mut found = Vec::new();
    for s in &sentences {
        let Some(because) = s.because else { continue };
        if s.words.len() < MIN_WORDS {
            continue;
        }
        let outlet = texts[s.article].outlet;
        let carried = sentences.iter().any(|other| {
            texts[other.article].outlet != outlet
                && s.words.intersection(&other.words).count() as f64 >= CARRIED * s.words.len() as f64
        });
        if carried {
            continue;
        }
        let mut unshared: Vec<String> = s
            .words
            .iter()
            .filter(|w| vocabularies.iter().all(|(o, vocabulary)| *o == outlet || !vocabulary.contains(w)))
            .cloned()
            .collect();
        // Longer words first, then alphabetically, so the list is stable
        // and names and numbers lead.
        unshared.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
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
        assert!(f.unshared.contains(&"florida".to_string()) && f.unshared.contains(&"disaster".to_string()));
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
