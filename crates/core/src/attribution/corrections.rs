//! A person's corrections of the engine's attributions, applied to an
//! analysis before anything is counted.
//!
//! The user is the editor of record: they can say that a source is of
//! another type, goes by another name or country, or that an attribution is
//! false. Attributions are found again from scratch at every analysis, so a
//! correction names its attribution by the cue span (code points), which the
//! same text and rules always give again; [`correct`] finds each one, makes
//! the change, marks the attribution as a human decision with the engine's
//! own value beside it, and recomputes the chain depths and the [`Scores`].
//! Corrections whose cue span matches nothing are reported, never dropped.

use super::{Analysis, Attribution, Evidence, Scores, SourceType};
use serde::{Deserialize, Serialize};

/// One correction as the person made it. Fields left `None` are not
/// changed; several corrections of one attribution apply oldest first, so
/// the latest value of each field wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Correction {
    /// The caller's handle for the correction (the library's row id), given
    /// back in [`Corrected::corrections`] and in the orphans.
    pub id: i64,
    /// The cue span of the attribution, in code points.
    pub cue_start: usize,
    pub cue_end: usize,
    pub source_type: Option<SourceType>,
    pub canonical: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// The attribution is false: it is left out of the analysis.
    pub delete: bool,
}

impl Correction {
    /// The correction changes the source (and so needs one to change).
    fn edits_source(&self) -> bool {
        self.source_type.is_some() || self.canonical.is_some() || self.country.is_some()
    }
}

/// One field a person changed on an attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Change {
    /// `source_type`, `canonical` or `country`.
    pub field: String,
    /// What the engine found.
    pub machine: Option<String>,
    /// What the person set.
    pub human: Option<String>,
}

/// How an attribution differs from what the engine found: a human decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Corrected {
    /// The ids of the corrections that apply, oldest first.
    pub corrections: Vec<i64>,
    pub changes: Vec<Change>,
}

/// What applying corrections did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Outcome {
    /// Corrections that changed or removed an attribution.
    pub applied: Vec<i64>,
    /// Corrections whose cue span matches no attribution (the rules changed
    /// since), or that change the source of an attribution that names none.
    pub orphaned: Vec<i64>,
    /// Attributions removed as false.
    pub deleted: usize,
}

/// Applies `corrections` (oldest first) to `analysis`: changes the sources
/// they retype or rename, removes the attributions they delete (renumbering
/// `via` and `refers_to`, and letting a chain pass over a removed hop),
/// recomputes chain depths and the scores, and marks every corrected
/// attribution with [`Corrected`]. The outcome is also kept in
/// `analysis.corrections`, so that whoever stores the analysis knows which
/// corrections it reflects. Pure; never fails.
pub fn correct(analysis: &mut Analysis, corrections: &[Correction]) -> Outcome {
    let mut outcome = Outcome::default();
    if corrections.is_empty() {
        analysis.corrections = Some(outcome.clone());
        return outcome;
    }
    let attributions = &mut analysis.attributions;
    let mut delete = vec![false; attributions.len()];
    for c in corrections {
        let Some(i) = attributions.iter().position(|a| a.cue.start == c.cue_start && a.cue.end == c.cue_end) else {
            outcome.orphaned.push(c.id);
            continue;
        };
        let a = &mut attributions[i];
        if c.edits_source() && a.source.is_none() {
            // A deletion in the same correction still holds; the change to
            // a source that is not there waits, listed, for the person.
            if c.delete {
                delete[i] = true;
                mark(a, c.id);
                outcome.applied.push(c.id);
            } else {
                outcome.orphaned.push(c.id);
            }
            continue;
        }
        if c.delete {
            delete[i] = true;
        }
        apply(a, c);
        outcome.applied.push(c.id);
    }

    if delete.iter().any(|&d| d) {
        remove(attributions, &delete);
        outcome.deleted = delete.iter().filter(|&&d| d).count();
    }
    analysis.scores = Scores::of(&analysis.attributions);
    analysis.corrections = Some(outcome.clone());
    outcome
}

/// Records that correction `id` applies to `a`.
fn mark(a: &mut Attribution, id: i64) {
    let corrected = a.corrected.get_or_insert_with(|| Corrected { corrections: Vec::new(), changes: Vec::new() });
    corrected.corrections.push(id);
}

/// Sets the fields `c` names on `a`'s source, keeping the engine's value of
/// each field the first time it is changed.
fn apply(a: &mut Attribution, c: &Correction) {
    mark(a, c.id);
    let Some(source) = a.source.as_mut() else { return };
    let mut changes: Vec<(&str, Option<String>, Option<String>)> = Vec::new();
    if let Some(kind) = c.source_type {
        changes.push(("source_type", Some(source.kind.as_str().to_string()), Some(kind.as_str().to_string())));
        source.kind = kind;
    }
    if let Some(name) = &c.canonical {
        changes.push(("canonical", Some(source.canonical.clone()), Some(name.clone())));
        source.canonical = name.clone();
    }
    if let Some(country) = &c.country {
        changes.push(("country", source.country.clone(), Some(country.clone())));
        source.country = Some(country.clone());
    }
    let corrected = a.corrected.get_or_insert_with(|| Corrected { corrections: Vec::new(), changes: Vec::new() });
    for (field, machine, human) in changes {
        a.evidence.push(Evidence {
            step: "correction".into(),
            rule: format!(
                "{field} set to {} by a person (correction #{}; the engine found {})",
                human.as_deref().unwrap_or("none"),
                c.id,
                machine.as_deref().unwrap_or("none")
            )
            .into(),
        });
        match corrected.changes.iter_mut().find(|ch| ch.field == field) {
            // A later correction of the same field wins; the engine's value
            // stays the one it found.
            Some(earlier) => earlier.human = human,
            None => corrected.changes.push(Change { field: field.to_string(), machine, human }),
        }
    }
}

/// Removes the attributions marked in `delete`. A kept attribution relayed
/// through a removed one is relayed through what the removed one was
/// relayed through; a source referring to a removed one refers to nothing
/// (its name and type were already copied from it).
fn remove(attributions: &mut Vec<Attribution>, delete: &[bool]) {
    let n = attributions.len();
    let mut new_index: Vec<Option<usize>> = vec![None; n];
    let mut next = 0;
    for i in 0..n {
        if !delete[i] {
            new_index[i] = Some(next);
            next += 1;
        }
    }
    let via: Vec<Option<usize>> = attributions.iter().map(|a| a.via).collect();
    let kept_via = |start: Option<usize>| -> Option<usize> {
        let mut at = start;
        let mut hops = 0;
        while let Some(v) = at {
            if v >= n || hops > n {
                return None;
            }
            if !delete[v] {
                return new_index[v];
            }
            at = via[v];
            hops += 1;
        }
        None
    };
    let new_via: Vec<Option<usize>> = (0..n).map(|i| kept_via(via[i])).collect();
    let mut kept = Vec::with_capacity(next);
    for (i, mut a) in std::mem::take(attributions).into_iter().enumerate() {
        if delete[i] {
            continue;
        }
        a.via = new_via[i];
        if let Some(s) = a.source.as_mut() {
            s.refers_to = s.refers_to.and_then(|r| new_index.get(r).copied().flatten());
        }
        // The chain evidence names ordinals, which have moved.
        a.evidence.retain(|e| e.step != "chain");
        if let Some(v) = a.via {
            a.evidence.push(Evidence { step: "chain".into(), rule: format!("relayed through attribution {v}").into() });
        }
        kept.push(a);
    }
    for i in 0..kept.len() {
        let mut depth = 1;
        let mut at = kept[i].via;
        while let Some(v) = at {
            depth += 1;
            if depth > 32 {
                break;
            }
            at = kept[v].via;
        }
        kept[i].depth = depth;
    }
    *attributions = kept;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{analyze, Context, Lexicon};

    const TEXT: &str = "TASS reported that Kremlin spokesman Dmitry Peskov said the talks were over. \
        Officials said the meeting would go ahead.";

    fn found() -> Analysis {
        analyze(TEXT, &Lexicon::builtin(), &Context::default())
    }

    fn cue_of(analysis: &Analysis, word: &str) -> (usize, usize) {
        let a = analysis.attributions.iter().find(|a| a.cue.text == word).expect(word);
        (a.cue.start, a.cue.end)
    }

    fn correction(id: i64, (cue_start, cue_end): (usize, usize)) -> Correction {
        Correction { id, cue_start, cue_end, source_type: None, canonical: None, country: None, delete: false }
    }

    #[test]
    fn a_retype_changes_the_source_the_scores_and_says_what_the_engine_found() {
        let mut analysis = found();
        let before = analysis.scores.state_media_share.numerator;
        let officials = analysis
            .attributions
            .iter()
            .find(|a| a.source.as_ref().is_some_and(|s| s.text == "Officials"))
            .expect("officials are cited");
        let machine = officials.source.as_ref().unwrap().kind;
        let span = (officials.cue.start, officials.cue.end);
        let outcome =
            correct(&mut analysis, &[Correction { source_type: Some(SourceType::StateMedia), ..correction(7, span) }]);
        assert_eq!((outcome.applied.as_slice(), outcome.orphaned.len()), (&[7][..], 0));
        let a = analysis.attributions.iter().find(|a| a.cue.start == span.0).unwrap();
        assert_eq!(a.source.as_ref().unwrap().kind, SourceType::StateMedia);
        let corrected = a.corrected.as_ref().unwrap();
        assert_eq!(corrected.corrections, [7]);
        assert_eq!(
            corrected.changes,
            [Change {
                field: "source_type".into(),
                machine: Some(machine.as_str().into()),
                human: Some("state_media".into())
            }]
        );
        assert!(a.evidence.iter().any(|e| e.step == "correction"));
        assert_eq!(analysis.scores.state_media_share.numerator, before + 1);
        assert_eq!(analysis.scores, Scores::of(&analysis.attributions));
    }

    #[test]
    fn the_latest_value_of_each_field_wins_and_the_machine_value_stays() {
        let mut analysis = found();
        let span = cue_of(&analysis, "said");
        let machine = analysis.attributions.iter().find(|a| a.cue.start == span.0).unwrap().source.clone().unwrap();
        correct(
            &mut analysis,
            &[
                Correction { source_type: Some(SourceType::Person), ..correction(1, span) },
                Correction { canonical: Some("D. Peskov".into()), country: Some("RU".into()), ..correction(2, span) },
                Correction { source_type: Some(SourceType::Official), ..correction(3, span) },
            ],
        );
        let a = analysis.attributions.iter().find(|a| a.cue.start == span.0).unwrap();
        let s = a.source.as_ref().unwrap();
        assert_eq!(
            (s.kind, s.canonical.as_str(), s.country.as_deref()),
            (SourceType::Official, "D. Peskov", Some("RU"))
        );
        let corrected = a.corrected.as_ref().unwrap();
        assert_eq!(corrected.corrections, [1, 2, 3]);
        let kind = corrected.changes.iter().find(|c| c.field == "source_type").unwrap();
        assert_eq!(kind.machine.as_deref(), Some(machine.kind.as_str()));
        assert_eq!(kind.human.as_deref(), Some("official"));
    }

    #[test]
    fn a_deletion_removes_the_attribution_renumbers_the_chain_and_recounts() {
        let mut analysis = found();
        let n = analysis.attributions.len();
        assert!(n >= 2, "{:?}", analysis.attributions);
        let first = (analysis.attributions[0].cue.start, analysis.attributions[0].cue.end);
        let outcome = correct(&mut analysis, &[Correction { delete: true, ..correction(4, first) }]);
        assert_eq!((outcome.deleted, outcome.applied.as_slice()), (1, &[4][..]));
        assert_eq!(analysis.attributions.len(), n - 1);
        assert!(analysis.attributions.iter().all(|a| a.cue.start != first.0));
        assert_eq!(analysis.scores.attributions, n - 1);
        for (i, a) in analysis.attributions.iter().enumerate() {
            assert!(a.via.is_none_or(|v| v < n - 1 && v != i), "{a:?}");
            assert!(a.depth >= 1);
        }
        assert_eq!(analysis.scores, Scores::of(&analysis.attributions));
    }

    #[test]
    fn a_correction_that_matches_nothing_is_an_orphan_and_changes_nothing() {
        let mut analysis = found();
        let before = analysis.clone();
        let outcome = correct(
            &mut analysis,
            &[Correction { source_type: Some(SourceType::Wire), ..correction(9, (100_000, 100_004)) }],
        );
        assert_eq!((outcome.orphaned.as_slice(), outcome.applied.len()), (&[9][..], 0));
        assert_eq!(analysis.attributions, before.attributions);
        assert_eq!(analysis.scores, before.scores);
    }
}
