//! Reused copy: the passages two articles share nearly word for word, such
//! as wire copy an outlet republished with a new headline and a cut
//! paragraph.
//!
//! Both texts are read as words (case and punctuation ignored); every run of
//! [`SHINGLE_WORDS`] words of one that also occurs in the other marks those
//! words as shared, and runs of at least [`MIN_PASSAGE_WORDS`] shared words
//! are the passages. Small edits ("said on Sunday" for "said Sunday") break
//! a passage only locally, because the shingles on either side still match.
//! Which articles to compare is the caller's choice: the library compares an
//! article with the near-duplicates its sketch found on import.
//!
//! ```
//! use sourcetrace_core::reuse::shared_passages;
//!
//! let wire = "The storm hit the coast on Monday and thousands of homes lost power across three counties, officials said.";
//! let copy = "Storm batters coast\n\nThe storm hit the coast on Monday and thousands of homes lost power across three counties, officials said.";
//! let overlap = shared_passages(copy, wire);
//! assert_eq!(overlap.passages.len(), 1);
//! assert!(overlap.share > 0.8);
//! ```

use crate::text::{words, CodePoints};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Words per shingle: long enough that common phrases ("said on
/// Monday that the") do not match by chance.
pub const SHINGLE_WORDS: usize = 6;
/// The shortest run of shared words that counts as a passage.
pub const MIN_PASSAGE_WORDS: usize = 12;
/// The share of an article's words that makes it syndicated copy, left out
/// when outlets are compared.
pub const SYNDICATED_SHARE: f64 = 0.6;

/// A passage of this text found in the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Passage {
    /// Code-point offsets in this text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Where the passage begins and ends in the other text (code points).
    pub other_start: usize,
    pub other_end: usize,
    pub words: usize,
    pub text: String,
}

/// What this text shares with the other.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Overlap {
    /// Shared words (in passages) ÷ all words of this text.
    pub share: f64,
    pub words: usize,
    pub passages: Vec<Passage>,
}

/// A word's byte range and the hash of its folded form (lowercase, with
/// curly apostrophes made straight).
struct Word {
    start: usize,
    end: usize,
    hash: u64,
}

fn words_of(text: &str) -> Vec<Word> {
    let base = text.as_ptr() as usize;
    words(text)
        .map(|w| {
            let start = w.as_ptr() as usize - base;
            let hash = if w.chars().any(|c| c.is_uppercase() || c == '\u{2019}') {
                folded_hash(&w.to_lowercase().replace('\u{2019}', "'"))
            } else {
                folded_hash(w)
            };
            Word { start, end: start + w.len(), hash }
        })
        .collect()
}

/// FNV-1a over a folded word's bytes.
fn folded_hash(folded: &str) -> u64 {
    folded.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A shingle's words, each hash mixed into the last with SplitMix64's
/// finalizer, which is a bijection with full avalanche: two shingles
/// collide about once in 2^64, as with the cryptographic hash this
/// replaced, which hashed every word of every shingle again and was a
/// tenth of the analysis of an article with near-duplicates.
fn shingle_hash(words: &[Word]) -> u64 {
    words.iter().fold(0, |h, w| crate::sketch::mix(h ^ w.hash))
}

/// The passages of `text` that also occur in `other`, and their share of
/// `text`.
pub fn shared_passages(text: &str, other: &str) -> Overlap {
    let mine = words_of(text);
    let theirs = words_of(other);
    if mine.len() < SHINGLE_WORDS || theirs.len() < SHINGLE_WORDS {
        return Overlap { share: 0.0, words: 0, passages: Vec::new() };
    }
    // The first position of each shingle of the other text.
    let mut positions: HashMap<u64, usize> = HashMap::with_capacity(theirs.len());
    for i in 0..=theirs.len() - SHINGLE_WORDS {
        positions.entry(shingle_hash(&theirs[i..i + SHINGLE_WORDS])).or_insert(i);
    }
    // For each word of this text, where in the other the shingle covering
    // it starts (the first matching shingle wins).
    let mut covered: Vec<Option<usize>> = vec![None; mine.len()];
    for i in 0..=mine.len() - SHINGLE_WORDS {
        if let Some(&j) = positions.get(&shingle_hash(&mine[i..i + SHINGLE_WORDS])) {
            for (k, slot) in covered[i..i + SHINGLE_WORDS].iter_mut().enumerate() {
                if slot.is_none() {
                    *slot = Some(j + k);
                }
            }
        }
    }
    let mine_points = CodePoints::new(text);
    let their_points = CodePoints::new(other);
    let mut passages = Vec::new();
    let mut shared = 0;
    let mut i = 0;
    while i < mine.len() {
        if covered[i].is_none() {
            i += 1;
            continue;
        }
        let first = i;
        i += 1;
        // A passage is also contiguous in the other text: a cut paragraph
        // makes the other's position jump, and starts a new passage.
        while i < mine.len() {
            match (covered[i - 1], covered[i]) {
                (Some(p), Some(q)) if q > p && q - p <= 3 => i += 1,
                _ => break,
            }
        }
        let count = i - first;
        if count < MIN_PASSAGE_WORDS {
            continue;
        }
        let (a, b) = (mine[first].start, mine[i - 1].end);
        let (oa, ob) = (covered[first].unwrap_or(0), covered[i - 1].unwrap_or(0));
        let (oa, ob) = (oa.min(ob), oa.max(ob).min(theirs.len() - 1));
        passages.push(Passage {
            start: mine_points.of_byte(a),
            end: mine_points.of_byte(b),
            other_start: their_points.of_byte(theirs[oa].start),
            other_end: their_points.of_byte(theirs[ob].end),
            words: count,
            text: text[a..b].to_string(),
        });
        shared += count;
    }
    Overlap { share: shared as f64 / mine.len() as f64, words: shared, passages }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "WASHINGTON (AP) \u{2014} The Senate passed a spending bill late Tuesday that keeps the government open through December, sending it to the president.\n\nThe measure passed 72 to 25 after Democrats and Republicans agreed on disaster aid for states hit by hurricanes this summer.\n\nA third paragraph about the budget talks that the republisher cut from its version entirely for space reasons.\n\nThe White House said the president would sign the bill before the deadline on Friday night.";

    #[test]
    fn republished_wire_copy_is_found_with_its_share() {
        // A new headline, the third paragraph cut, one small edit.
        let copy = "Senate averts shutdown\n\nWASHINGTON (AP) \u{2014} The Senate passed a spending bill late Tuesday that keeps the government open through December, sending it to the president.\n\nThe measure passed 72 to 25 after Democrats and Republicans agreed on disaster aid for states hit by hurricanes this summer.\n\nThe White House said the president would sign the bill before the deadline on Friday.";
        let overlap = shared_passages(copy, WIRE);
        let words = crate::text::word_count(copy);
        assert_eq!(overlap.passages.len(), 2, "{overlap:#?}");
        assert!(overlap.passages[0].text.starts_with("WASHINGTON (AP)"));
        // Everything but the headline (3 words) is reused.
        assert!((overlap.share - (words - 3) as f64 / words as f64).abs() < 0.05, "{}", overlap.share);
        assert!(overlap.share >= SYNDICATED_SHARE);
        let p = &overlap.passages[1];
        let other: String = WIRE.chars().skip(p.other_start).take(p.other_end - p.other_start).collect();
        // The cut paragraph splits the copy into two passages; the second
        // points at the wire's last paragraph.
        assert!(other.starts_with("The White House said"), "{other}");
        assert!(overlap.passages[0].text.ends_with("hit by hurricanes this summer"));
    }

    #[test]
    fn two_reports_of_the_same_event_are_not_reuse() {
        let other = "The Senate on Tuesday approved a measure to fund federal agencies until December, averting a shutdown. Lawmakers voted 72-25, with both parties backing money for hurricane-hit states. President Biden is expected to sign it by Friday.";
        let overlap = shared_passages(other, WIRE);
        assert!(overlap.passages.is_empty(), "{overlap:#?}");
        assert_eq!(overlap.share, 0.0);
    }

    #[test]
    fn short_or_empty_texts_share_nothing() {
        assert_eq!(shared_passages("", WIRE).share, 0.0);
        assert_eq!(shared_passages(WIRE, "too short").passages.len(), 0);
    }
}
