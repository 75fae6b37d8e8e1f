//! Scores for one article, each with its formula and the attributions that
//! make it up, so that every figure in the app opens the spans behind it.

use super::{Attribution, AttributionKind, SourceType};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A share of the article's attributions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Share {
    /// numerator ÷ denominator, 0 when there are no attributions.
    pub value: f64,
    pub numerator: usize,
    pub denominator: usize,
    /// The attributions counted in the numerator (indices).
    pub attributions: Vec<usize>,
    pub formula: String,
}

impl Share {
    fn of(attributions: Vec<usize>, denominator: usize, formula: &str) -> Share {
        let numerator = attributions.len();
        let value = if denominator == 0 { 0.0 } else { numerator as f64 / denominator as f64 };
        Share { value, numerator, denominator, attributions, formula: formula.to_string() }
    }
}

/// One attribution's part in the transparency score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TransparencyPart {
    pub attribution: usize,
    pub weight: f64,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Transparency {
    /// 0 to 100; none when the article attributes nothing.
    pub score: Option<f64>,
    pub formula: String,
    pub parts: Vec<TransparencyPart>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Chain {
    /// Hops from the source to the outlet.
    pub depth: u32,
    /// The attributions along the deepest chain, innermost first.
    pub attributions: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scores {
    pub attributions: usize,
    /// Source type (or `none` for no source) to the attributions of it.
    pub by_type: BTreeMap<String, Vec<usize>>,
    pub state_media_share: Share,
    pub anonymous_share: Share,
    pub second_hand_share: Share,
    pub direct_quote_share: Share,
    pub deepest_chain: Chain,
    /// Canonical names of the distinct sources, in order of first citation.
    pub distinct_sources: Vec<String>,
    pub transparency: Transparency,
}

pub const TRANSPARENCY_FORMULA: &str = "100 × the mean over attributions of a weight: a named person, official or \
organization 1.0; a named outlet, wire or state medium, or a document with a named producer 0.7; a generic source \
(\"officials\", \"Russian media\", \"a report\") 0.4; an anonymous source 0.15; no source or an unknown one 0. A \
source relayed through another medium counts 0.75 of its weight; a direct or partial quotation adds 0.1, up to 1.";

impl Scores {
    pub fn of(attributions: &[Attribution]) -> Scores {
        let n = attributions.len();
        let mut by_type: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, a) in attributions.iter().enumerate() {
            let key = a.source.as_ref().map_or("none", |s| s.kind.as_str());
            // A new key string only for the first attribution of a type.
            match by_type.get_mut(key) {
                Some(list) => list.push(i),
                None => {
                    by_type.insert(key.to_string(), vec![i]);
                }
            }
        }
        let of_type = |t: SourceType| -> Vec<usize> {
            attributions
                .iter()
                .enumerate()
                .filter(|(_, a)| a.source.as_ref().is_some_and(|s| s.kind == t))
                .map(|(i, _)| i)
                .collect()
        };
        let relayed = |i: usize| -> bool {
            let mut at = attributions[i].via;
            let mut hops = 0;
            while let Some(v) = at {
                if attributions[v].source.as_ref().is_some_and(|s| s.kind.is_media()) {
                    return true;
                }
                hops += 1;
                if hops > 32 {
                    break;
                }
                at = attributions[v].via;
            }
            false
        };
        let second_hand: Vec<usize> = (0..n).filter(|&i| relayed(i)).collect();
        let direct: Vec<usize> = (0..n).filter(|&i| matches!(attributions[i].kind, AttributionKind::Direct)).collect();

        let mut deepest = Chain::default();
        for (i, a) in attributions.iter().enumerate() {
            if a.depth > deepest.depth {
                let mut path = vec![i];
                let mut at = a.via;
                while let Some(v) = at {
                    if path.len() > 32 {
                        break;
                    }
                    path.push(v);
                    at = attributions[v].via;
                }
                deepest = Chain { depth: a.depth, attributions: path };
            }
        }

        let mut distinct: Vec<String> = Vec::new();
        for a in attributions {
            if let Some(s) = &a.source {
                if s.kind != SourceType::Unknown && !distinct.iter().any(|d| d.eq_ignore_ascii_case(&s.canonical)) {
                    distinct.push(s.canonical.clone());
                }
            }
        }

        let mut parts = Vec::with_capacity(n);
        for (i, a) in attributions.iter().enumerate() {
            let (mut weight, mut reason): (f64, String) = match &a.source {
                None => (0.0, "no source".into()),
                Some(s) => match s.kind {
                    SourceType::Unknown => (0.0, "unknown source".into()),
                    SourceType::Anonymous => (0.15, "anonymous source".into()),
                    _ if !is_specific(s) => (0.4, format!("generic {} source", s.kind.as_str())),
                    SourceType::Person | SourceType::Official | SourceType::Organization => {
                        (1.0, format!("named {} \"{}\"", s.kind.as_str(), s.canonical))
                    }
                    _ => (0.7, format!("named {} \"{}\"", s.kind.as_str(), s.canonical)),
                },
            };
            if weight > 0.0 && relayed(i) {
                weight *= 0.75;
                reason.push_str(", relayed through media");
            }
            if weight > 0.0 && matches!(a.kind, AttributionKind::Direct | AttributionKind::Mixed) {
                weight = (weight + 0.1).min(1.0);
                reason.push_str(", quoted");
            }
            parts.push(TransparencyPart { attribution: i, weight, reason });
        }
        let score = if n == 0 { None } else { Some(100.0 * parts.iter().map(|p| p.weight).sum::<f64>() / n as f64) };

        Scores {
            attributions: n,
            state_media_share: Share::of(
                of_type(SourceType::StateMedia),
                n,
                "state_media attributions ÷ all attributions",
            ),
            anonymous_share: Share::of(of_type(SourceType::Anonymous), n, "anonymous attributions ÷ all attributions"),
            second_hand_share: Share::of(
                second_hand,
                n,
                "attributions whose chain passes through media, state media or a wire ÷ all attributions",
            ),
            direct_quote_share: Share::of(direct, n, "direct quotations ÷ all attributions"),
            by_type,
            deepest_chain: deepest,
            distinct_sources: distinct,
            transparency: Transparency { score, formula: TRANSPARENCY_FORMULA.into(), parts },
        }
    }
}

/// A source is specific when it has a proper name: "Dmitry Peskov", "TASS",
/// "the White House", not "officials" or "a report".
fn is_specific(s: &super::Source) -> bool {
    s.canonical.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !(s.document
            && s.canonical.split_whitespace().skip(1).all(|w| !w.chars().next().is_some_and(char::is_uppercase)))
}
