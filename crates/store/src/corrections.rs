//! A person's corrections of attributions (`attribution_corrections`).
//!
//! The store keeps each correction as it was made, with what the person saw
//! (the cue, the source span, the engine's values) and what they set. It
//! does not change stored attributions itself: the analysis applies the
//! article's corrections to each fresh analysis (see
//! `sourcetrace_core::attribution::corrections`), and `write_analyses`
//! stores the corrected attributions, scores and sources in one transaction
//! and marks the corrections that found no attribution as orphaned.

use crate::query::{filter_sql, ArticleFilter};
use crate::{now, Library, Result, StoreError};
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::{Deserialize, Serialize};
use sourcetrace_core::attribution::{self, SourceType};
use std::collections::HashMap;

/// A correction as stored: the attribution it is about, as the person saw
/// it, and what they set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Correction {
    pub id: i64,
    pub article_id: i64,
    /// The cue span (code points) that finds the attribution again after
    /// every re-analysis.
    pub cue_start: usize,
    pub cue_end: usize,
    pub cue_text: String,
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
    pub source_text: Option<String>,
    /// What the engine had found when the correction was made.
    pub machine_type: Option<String>,
    pub machine_canonical: Option<String>,
    pub machine_country: Option<String>,
    /// The source type the person set, if they set one.
    pub source_type: Option<String>,
    /// The canonical name the person set, if they set one.
    pub canonical: Option<String>,
    /// The country (ISO 3166-1 alpha-2) the person set, if they set one.
    pub country: Option<String>,
    /// The person marked the attribution as false.
    pub delete: bool,
    pub made_at: String,
    /// The latest analysis found no attribution at the cue span (or one
    /// without a source to change), so the correction does not apply now.
    pub orphaned: bool,
}

/// What a person sets on an attribution. `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrectionChange {
    pub source_type: Option<String>,
    pub canonical: Option<String>,
    pub country: Option<String>,
    pub delete: bool,
}

/// How many corrections a selection's analyses reflect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CorrectionCounts {
    pub applied: i64,
    pub orphaned: i64,
}

const COLUMNS: &str = "id, article_id, cue_start, cue_end, cue_text, source_start, source_end, source_text,
    machine_type, machine_canonical, machine_country, source_type, canonical, country, deleted, made_at, orphaned";

fn correction(r: &rusqlite::Row<'_>) -> rusqlite::Result<Correction> {
    Ok(Correction {
        id: r.get(0)?,
        article_id: r.get(1)?,
        cue_start: r.get::<_, i64>(2)? as usize,
        cue_end: r.get::<_, i64>(3)? as usize,
        cue_text: r.get(4)?,
        source_start: r.get::<_, Option<i64>>(5)?.map(|v| v as usize),
        source_end: r.get::<_, Option<i64>>(6)?.map(|v| v as usize),
        source_text: r.get(7)?,
        machine_type: r.get(8)?,
        machine_canonical: r.get(9)?,
        machine_country: r.get(10)?,
        source_type: r.get(11)?,
        canonical: r.get(12)?,
        country: r.get(13)?,
        delete: r.get(14)?,
        made_at: r.get(15)?,
        orphaned: r.get(16)?,
    })
}

impl Library {
    /// Records a correction of the stored attribution with row id
    /// `attribution_id` and returns it. The attribution's cue span keys the
    /// correction; the source and the engine's values are kept for display
    /// (the engine's, not an earlier correction's, when it was corrected
    /// before). The stored analysis is not changed here: the caller
    /// analyses the article again so that the correction counts.
    pub fn add_correction(&mut self, attribution_id: i64, change: &CorrectionChange) -> Result<Correction> {
        if change.source_type.is_none() && change.canonical.is_none() && change.country.is_none() && !change.delete {
            return Err(StoreError::Invalid("a correction must set a type, a name or a country, or delete".into()));
        }
        let (article_id, record) = self
            .attribution_by_id(attribution_id)?
            .ok_or_else(|| StoreError::NotFound(format!("attribution #{attribution_id} does not exist")))?;
        let a = &record.attribution;
        let source = a.source.as_ref();
        let machine = |field: &str, now: Option<String>| -> Option<String> {
            a.corrected
                .as_ref()
                .and_then(|c| c.changes.iter().find(|ch| ch.field == field))
                .map_or(now, |ch| ch.machine.clone())
        };
        let id: i64 = self.conn.query_row(
            "INSERT INTO attribution_corrections (article_id, cue_start, cue_end, cue_text, source_start, source_end,
                 source_text, machine_type, machine_canonical, machine_country, source_type, canonical, country,
                 deleted, made_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id",
            params![
                article_id,
                a.cue.start as i64,
                a.cue.end as i64,
                a.cue.text,
                source.map(|s| s.start as i64),
                source.map(|s| s.end as i64),
                source.map(|s| s.text.as_str()),
                machine("source_type", source.map(|s| s.kind.as_str().to_string())),
                machine("canonical", source.map(|s| s.canonical.clone())),
                machine("country", source.and_then(|s| s.country.clone())),
                change.source_type,
                change.canonical,
                change.country,
                change.delete,
                now(),
            ],
            |r| r.get(0),
        )?;
        self.correction(id)?.ok_or_else(|| StoreError::NotFound(format!("correction #{id} does not exist")))
    }

    /// One correction.
    pub fn correction(&self, id: i64) -> Result<Option<Correction>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM attribution_corrections WHERE id = ?1"))?
            .query_row([id], correction)
            .optional()?)
    }

    /// The corrections of one article, or of the whole library, oldest first.
    pub fn corrections(&self, article_id: Option<i64>) -> Result<Vec<Correction>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attribution_corrections WHERE ?1 IS NULL OR article_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([article_id], correction)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes a correction and returns it. The caller analyses its article
    /// again so that the engine's values come back.
    pub fn remove_correction(&mut self, id: i64) -> Result<Correction> {
        self.conn
            .query_row(
                &format!("DELETE FROM attribution_corrections WHERE id = ?1 RETURNING {COLUMNS}"),
                [id],
                correction,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("correction #{id} does not exist")))
    }

    /// The corrections of each of `article_ids`, oldest first, in the form
    /// the analysis applies. A type this build does not know is left out of
    /// its correction rather than guessed.
    pub fn corrections_to_apply(&self, article_ids: &[i64]) -> Result<HashMap<i64, Vec<attribution::Correction>>> {
        let mut out: HashMap<i64, Vec<attribution::Correction>> = HashMap::new();
        if article_ids.is_empty() {
            return Ok(out);
        }
        // Most libraries have few corrections: one query over the table is
        // cheaper than one per article of a batch.
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.article_id, c.cue_start, c.cue_end, c.source_type, c.canonical, c.country, c.deleted
             FROM attribution_corrections c JOIN json_each(?1) j ON j.value = c.article_id ORDER BY c.id",
        )?;
        let ids = serde_json::to_string(article_ids).unwrap_or_else(|_| "[]".into());
        let rows = stmt.query_map([ids], |r| {
            Ok((
                r.get::<_, i64>(1)?,
                attribution::Correction {
                    id: r.get(0)?,
                    cue_start: r.get::<_, i64>(2)? as usize,
                    cue_end: r.get::<_, i64>(3)? as usize,
                    source_type: r.get::<_, Option<String>>(4)?.as_deref().and_then(SourceType::parse),
                    canonical: r.get(5)?,
                    country: r.get(6)?,
                    delete: r.get(7)?,
                },
            ))
        })?;
        for row in rows {
            let (article_id, c) = row?;
            out.entry(article_id).or_default().push(c);
        }
        Ok(out)
    }

    /// How many corrections of the articles `filter` selects apply, and how
    /// many are orphaned.
    pub fn correction_counts(&self, filter: &ArticleFilter) -> Result<CorrectionCounts> {
        let mut sql = String::from(
            "SELECT coalesce(sum(c.orphaned = 0), 0), coalesce(sum(c.orphaned), 0)
             FROM attribution_corrections c JOIN articles a ON a.id = c.article_id WHERE 1",
        );
        let mut args = Vec::new();
        filter_sql(filter, &mut sql, &mut args);
        let (applied, orphaned) =
            self.conn.prepare_cached(&sql)?.query_row(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(CorrectionCounts { applied, orphaned })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AnalysisItem;
    use sourcetrace_core::attribution::{analyze, correct, Analysis, Context, Lexicon};

    const TEXT: &str = "Kremlin spokesman Dmitry Peskov said the talks were over. \
        Officials said the meeting would go ahead.";

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        library
            .conn
            .execute(
                "INSERT INTO articles (text, word_count, content_hash, format, source_path, imported_at)
                 VALUES (?1, 1, 'h', 'txt', 'test', 'now')",
                [TEXT],
            )
            .unwrap();
        crate::imports::index_new_articles(&library.conn, &[1]).unwrap();
        (dir, library)
    }

    /// Analyses article 1 with its corrections, as the API does, and stores it.
    fn analyse(library: &mut Library, text: &str) -> Analysis {
        let mut analysis = analyze(text, &Lexicon::builtin(), &Context::default());
        let corrections = library.corrections_to_apply(&[1]).unwrap().remove(&1).unwrap_or_default();
        correct(&mut analysis, &corrections);
        let item = AnalysisItem::attributions_only(1, &analysis);
        library.write_analyses(&[item], &crate::AnalysisStamp { version: 1, lexicon: String::new() }).unwrap();
        analysis
    }

    #[test]
    fn the_migration_upgrades_a_library_of_schema_6_keeping_its_attributions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        // A file as the build before corrections left it: schema 6, one
        // article analysed.
        {
            let mut conn = crate::migrate::file_at_version(&path, 6);
            let tx = conn.transaction().unwrap();
            tx.execute(
                "INSERT INTO articles (text, word_count, content_hash, format, source_path, imported_at)
                 VALUES (?1, 1, 'h', 'txt', 'test', 'now')",
                [TEXT],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO attributions (article_id, ordinal, kind, cue_start, cue_end, cue_text, cue_class, stance,
                     depth)
                 VALUES (1, 0, 'no_source', 32, 36, 'said', 'speech', 'neutral', 1)",
                [],
            )
            .unwrap();
            tx.commit().unwrap();
        }
        let library = Library::open(&path).unwrap();
        assert_eq!(library.schema_version().unwrap(), crate::migrate::LATEST);
        let kept = library.attributions(1).unwrap();
        assert_eq!(kept.len(), 1, "the old attribution is kept");
        assert!(kept[0].attribution.corrected.is_none(), "and reads as the engine's own finding");
        assert!(library.corrections(None).unwrap().is_empty());
        // A correction that changes nothing is refused by the schema too.
        let empty = library.conn.execute(
            "INSERT INTO attribution_corrections (article_id, cue_start, cue_end, cue_text, made_at)
             VALUES (1, 0, 1, 'x', 'now')",
            [],
        );
        assert!(empty.is_err());
        // Opening it again runs nothing more.
        drop(library);
        assert_eq!(Library::open(&path).unwrap().schema_version().unwrap(), crate::migrate::LATEST);
    }

    #[test]
    fn a_correction_is_stored_applied_kept_through_reanalysis_and_removed() {
        let (_dir, mut library) = library();
        analyse(&mut library, TEXT);
        let rows = library.attributions(1).unwrap();
        let officials = rows
            .iter()
            .find(|r| r.attribution.source.as_ref().is_some_and(|s| s.text == "Officials"))
            .expect("officials are cited");
        let machine = officials.attribution.source.as_ref().unwrap().kind.as_str().to_string();
        let change = CorrectionChange { source_type: Some("state_media".into()), ..Default::default() };
        let made = library.add_correction(officials.id, &change).unwrap();
        assert_eq!(
            (made.cue_text.as_str(), made.source_text.as_deref(), made.machine_type.as_deref()),
            ("said", Some("Officials"), Some(machine.as_str()))
        );
        assert!(!made.orphaned);

        analyse(&mut library, TEXT);
        let row =
            library.attributions(1).unwrap().into_iter().find(|r| r.attribution.cue.start == made.cue_start).unwrap();
        assert_eq!(row.attribution.source.as_ref().unwrap().kind, SourceType::StateMedia);
        let corrected = row.attribution.corrected.as_ref().expect("marked as a human decision");
        assert_eq!(corrected.changes[0].machine.as_deref(), Some(machine.as_str()));
        let share: f64 = library
            .conn
            .query_row("SELECT state_media_share FROM analyses WHERE article_id = 1", [], |r| r.get(0))
            .unwrap();
        assert!(share > 0.0);
        let sources = library.sources(&Default::default()).unwrap();
        assert!(sources.iter().any(|s| s.canonical == "Officials" && s.source_type == "state_media"), "{sources:?}");

        // A second correction keeps the engine's value, not the first
        // correction's.
        let again = library.add_correction(row.id, &CorrectionChange { delete: true, ..Default::default() }).unwrap();
        assert_eq!(again.machine_type.as_deref(), Some(machine.as_str()));
        analyse(&mut library, TEXT);
        assert_eq!(library.attributions(1).unwrap().len(), rows.len() - 1);
        assert_eq!(library.correction_counts(&ArticleFilter::default()).unwrap().applied, 2);

        library.remove_correction(again.id).unwrap();
        library.remove_correction(made.id).unwrap();
        assert!(matches!(library.remove_correction(made.id), Err(StoreError::NotFound(_))));
        analyse(&mut library, TEXT);
        let back = library.attributions(1).unwrap();
        assert_eq!(back.len(), rows.len());
        assert!(back.iter().all(|r| r.attribution.corrected.is_none()));
    }

    #[test]
    fn a_correction_whose_attribution_is_gone_is_kept_as_an_orphan() {
        let (_dir, mut library) = library();
        analyse(&mut library, TEXT);
        let first = library.attributions(1).unwrap()[0].id;
        let made = library
            .add_correction(first, &CorrectionChange { canonical: Some("Peskov".into()), ..Default::default() })
            .unwrap();
        // The same article read by rules that no longer see that cue: here,
        // a text where the span holds something else.
        analyse(&mut library, "Nothing is attributed here at all, not one word.");
        let listed = library.corrections(Some(1)).unwrap();
        assert_eq!(listed.len(), 1);
        assert!(listed[0].orphaned);
        assert_eq!(listed[0].id, made.id);
        assert_eq!(
            library.correction_counts(&ArticleFilter::default()).unwrap(),
            CorrectionCounts { applied: 0, orphaned: 1 }
        );
        analyse(&mut library, TEXT);
        assert!(!library.corrections(Some(1)).unwrap()[0].orphaned, "it applies again when the attribution is back");
    }
}
