//! AFINN-111 (Finn Årup Nielsen, 2011) with a tokenizer that keeps what the
//! `sentiment` crate drops: digits, apostrophes ("don't" stays one word and
//! negates) and phrases ("does not work").
//!
//! A word or phrase scores its AFINN valence; the longest phrase at a
//! position wins. Negation follows VADER's: a negator up to three words
//! back (with the news rules, up to six for a positive word), within the
//! clause, multiplies the valence by -0.74, and a negator that negates something scores nothing
//! itself ("no" is -1 in AFINN). The sum is normalized like VADER's
//! compound, sum / sqrt(sum² + α), with α = 15 × 1.25², so that the same
//! words rated on the two scales (AFINN's runs to 5, VADER's to 4) give the
//! same figure.

use super::lexicon::{ToneLexicon, AFINN_PER_VADER};
use super::vader::{negator_before, ALPHA, NEGATE, NEWS_NEGATION_WORDS, N_SCALAR};
use super::{Scored, TermHit};
use crate::attribution::tokens::{Kind, Tokens};

/// The alpha of the normalization on AFINN's scale.
pub(crate) const AFINN_ALPHA: f64 = ALPHA * AFINN_PER_VADER * AFINN_PER_VADER;

/// Scores one sentence. Offsets in the result are bytes into `sentence`.
pub(crate) fn score(sentence: &str, lexicon: &ToneLexicon) -> Scored {
    let t = Tokens::with_classes(sentence, |_| 0);
    // Words with the punctuation that follows each (for clause boundaries).
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let mut lower: Vec<String> = Vec::new();
    for i in 0..t.toks.len() {
        let tok = t.toks[i];
        match tok.kind {
            Kind::Word => {
                words.push((tok.start, tok.end));
                raw.push(sentence[tok.start..tok.end].to_string());
                lower.push(t.lower(i).to_string());
            }
            Kind::Punct(c) => {
                if let Some(last) = raw.last_mut() {
                    if matches!(c, ',' | ';' | ':' | '\u{2014}') {
                        last.push(c);
                    }
                }
            }
            Kind::Open | Kind::Close => {}
        }
    }
    let raw_refs: Vec<&str> = raw.iter().map(String::as_str).collect();
    let n = words.len();
    let mut hits: Vec<TermHit> = Vec::new();
    let mut negators_used: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        // The longest phrase starting here.
        let mut found = None;
        for len in (1..=lexicon.afinn_max_words.min(n - i)).rev() {
            let key = if len == 1 { lower[i].clone() } else { lower[i..i + len].join(" ") };
            if let Some(&w) = lexicon.afinn.get(&key) {
                found = Some((len, w));
                break;
            }
        }
        let Some((len, weight)) = found else {
            i += 1;
            continue;
        };
        // VADER's window of three words, and no further than the clause;
        // with the news rules, six words for a positive term (see
        // `vader::widen_negation` for why only those).
        let reach = if lexicon.news && weight.valence > 0.0 { NEWS_NEGATION_WORDS } else { 3 };
        let negator = negator_before(i, &raw_refs, &lower).filter(|&j| i - j <= reach);
        // A phrase that holds its own negation ("not good") is rated whole.
        let negator = negator.filter(|_| !lower[i..i + len].iter().any(|w| NEGATE.contains(&w.as_str())));
        let mut contribution = weight.valence;
        let mut notes = Vec::new();
        if let Some(j) = negator {
            contribution *= N_SCALAR;
            notes.push(format!("negated by \"{}\" (x{N_SCALAR})", lower[j]));
            negators_used.push(j);
        }
        hits.push(TermHit {
            start: words[i].0,
            end: words[i + len - 1].1,
            source: weight.source,
            base: weight.valence,
            negated: negator.is_some(),
            negator: negator.map(|j| words[j]),
            boosted: false,
            notes,
            contribution,
        });
        i += len;
    }
    for j in negators_used {
        if let Some(hit) = hits.iter_mut().find(|h| h.start == words[j].0 && h.contribution != 0.0) {
            hit.contribution = 0.0;
            hit.notes.push("a negator here, not a word of its own tone".into());
        }
    }
    // `+ 0.0` turns the -0.0 of an empty sum into 0.0.
    let raw_sum: f64 = hits.iter().map(|h| h.contribution).sum::<f64>() + 0.0;
    let score = (raw_sum / (raw_sum * raw_sum + AFINN_ALPHA).sqrt()).clamp(-1.0, 1.0);
    Scored { terms: hits, raw: raw_sum, emphasis: 0.0, score }
}
