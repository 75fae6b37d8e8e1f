//! Import runs and the batched writes that store their articles.

use crate::outlets::outlet_id_for;
use crate::{now, Library, Result};
use rusqlite::params;
use serde::Serialize;
use sourcetrace_core::sketch::{Sketch, BANDS, NEAR_DUPLICATE};
use sourcetrace_import::{Article, Failure};
use std::collections::HashMap;
use std::path::Path;

/// One thing an import batch records.
#[derive(Debug)]
pub enum BatchItem {
    Article(Box<Article>),
    Failure(Failure),
    Skipped { origin: String, reason: String },
}

impl BatchItem {
    /// Where the item came from, as shown to the user.
    pub fn origin(&self) -> String {
        match self {
            BatchItem::Article(article) => article.origin.to_string(),
            BatchItem::Failure(failure) => failure.origin.to_string(),
            BatchItem::Skipped { origin, .. } => origin.clone(),
        }
    }
}

/// What happened to one batch item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Stored as a new article; `near_duplicates` lists earlier articles it
    /// closely resembles (the same wire copy, republished) with their
    /// estimated similarity.
    Imported {
        id: i64,
        near_duplicates: Vec<(i64, f64)>,
    },
    /// The same content is already in the library as article `of`.
    Duplicate {
        of: i64,
        title: Option<String>,
    },
    Failed,
    Skipped,
}

/// An import run as recorded in the library.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportRun {
    pub id: i64,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub status: String,
    pub paths: Vec<String>,
    pub imported: i64,
    pub duplicates: i64,
    pub failed: i64,
    pub skipped: i64,
}

impl Library {
    /// Records the start of an import and returns its run id. The row is
    /// committed at once, so even an import that is killed leaves a trace.
    pub fn begin_import(&mut self, paths: &[String]) -> Result<i64> {
        let paths = serde_json::to_string(paths).unwrap_or_else(|_| "[]".into());
        Ok(self.conn.query_row(
            "INSERT INTO import_runs (started_at, status, paths, pid) VALUES (?1, 'running', ?2, ?3) RETURNING id",
            params![now(), paths, std::process::id()],
            |r| r.get(0),
        )?)
    }

    /// Writes one batch in a single transaction: new articles with their
    /// search index entries, sketches and near-duplicate links, failures,
    /// and the run's counters. Either all of it lands or none of it.
    pub fn write_batch(&mut self, run: i64, items: &[BatchItem]) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(items.len());
        let mut outlet_ids: HashMap<String, i64> = HashMap::new();
        let (mut imported, mut duplicates, mut failed, mut skipped) = (0i64, 0i64, 0i64, 0i64);
        let imported_at = now();
        for item in items {
            match item {
                BatchItem::Failure(failure) => {
                    tx.prepare_cached("INSERT INTO import_failures (run_id, origin, reason) VALUES (?1, ?2, ?3)")?
                        .execute(params![run, failure.origin.to_string(), failure.reason])?;
                    failed += 1;
                    outcomes.push(Outcome::Failed);
                }
                BatchItem::Skipped { .. } => {
                    skipped += 1;
                    outcomes.push(Outcome::Skipped);
                }
                BatchItem::Article(article) => {
                    let outcome = insert_article(&tx, run, article, &imported_at, &mut outlet_ids)?;
                    match outcome {
                        Outcome::Imported { .. } => imported += 1,
                        Outcome::Duplicate { .. } => duplicates += 1,
                        _ => {}
                    }
                    outcomes.push(outcome);
                }
            }
        }
        // The batch's new articles go into the full-text index in one
        // statement, so that FTS5 writes one segment for the batch
        // (migration 0013).
        let new_ids: Vec<i64> = outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Imported { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        index_new_articles(&tx, &new_ids)?;
        tx.prepare_cached(
            "UPDATE import_runs SET imported = imported + ?2, duplicates = duplicates + ?3,
                 failed = failed + ?4, skipped = skipped + ?5 WHERE id = ?1",
        )?
        .execute(params![run, imported, duplicates, failed, skipped])?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// Marks a run as finished: `completed`, `cancelled` or `failed`.
    pub fn finish_import(&mut self, run: i64, status: &str) -> Result<ImportRun> {
        self.conn.execute(
            "UPDATE import_runs SET status = ?2, finished_at = ?3 WHERE id = ?1",
            params![run, status, now()],
        )?;
        self.import_runs()?
            .into_iter()
            .find(|r| r.id == run)
            .ok_or_else(|| crate::StoreError::NotFound(format!("import run #{run} does not exist")))
    }

    /// All import runs, newest first. A run still marked `running` whose
    /// process is gone (killed, crashed, power lost) is reported as
    /// `interrupted`: its committed batches are kept, and importing the same
    /// paths again completes it.
    pub fn import_runs(&self) -> Result<Vec<ImportRun>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, started_at, finished_at, status, paths, imported, duplicates, failed, skipped, pid
             FROM import_runs ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let paths: String = r.get(4)?;
            Ok(ImportRun {
                id: r.get(0)?,
                started_at: r.get(1)?,
                finished_at: r.get(2)?,
                status: run_status(r.get(3)?, r.get(9)?),
                paths: serde_json::from_str(&paths).unwrap_or_default(),
                imported: r.get(5)?,
                duplicates: r.get(6)?,
                failed: r.get(7)?,
                skipped: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The failures recorded for a run, as "origin: reason" pairs.
    pub fn import_failures(&self, run: i64) -> Result<Vec<(String, String)>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT origin, reason FROM import_failures WHERE run_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([run], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The status to report for a run: `running` only while its process lives.
fn run_status(stored: String, pid: Option<i64>) -> String {
    if stored != "running" {
        return stored;
    }
    let alive = match pid {
        Some(pid) if pid == i64::from(std::process::id()) => true,
        // Where /proc exists (Linux) it tells; elsewhere assume it runs.
        Some(pid) => !Path::new("/proc/self").exists() || Path::new(&format!("/proc/{pid}")).exists(),
        None => true,
    };
    if alive {
        stored
    } else {
        "interrupted".into()
    }
}

/// Adds articles just inserted to the full-text index, in one statement
/// (see migration 0013). Every insert into `articles` must be followed by
/// this in the same transaction: the index holds external content, and
/// deleting an article it never indexed corrupts it.
pub(crate) fn index_new_articles(conn: &rusqlite::Connection, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, text)
         SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
    )?
    .execute([serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())])?;
    Ok(())
}

fn insert_article(
    tx: &rusqlite::Transaction<'_>,
    run: i64,
    article: &Article,
    imported_at: &str,
    outlet_ids: &mut HashMap<String, i64>,
) -> Result<Outcome> {
    let outlet_id = match &article.outlet {
        Some(name) => match outlet_ids.get(name) {
            Some(&id) => Some(id),
            None => {
                let id = outlet_id_for(tx, name)?;
                outlet_ids.insert(name.clone(), id);
                Some(id)
            }
        },
        None => None,
    };
    let segments = serde_json::to_string(&article.segments).unwrap_or_else(|_| "[]".into());
    // No RETURNING: SQLite builds a temporary table for each statement
    // that has one. The statement's own change count says whether the row
    // went in, and the connection's last rowid is its id.
    let changed = tx
        .prepare_cached(
            "INSERT INTO articles (title, text, segments, byline, outlet_id, url, published, language, word_count,
                                   content_hash, format, source_path, source_entry, import_run_id, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
             ON CONFLICT (content_hash) DO NOTHING",
        )?
        .execute(params![
            article.title,
            article.text,
            segments,
            article.byline,
            outlet_id,
            article.url,
            article.published,
            article.language,
            article.word_count as i64,
            article.content_hash,
            article.format.as_str(),
            article.origin.path,
            article.origin.entry,
            run,
            imported_at
        ])?;
    let inserted = (changed == 1).then(|| tx.last_insert_rowid());
    // Nothing inserted means the same content is already stored: the
    // unique content hash is the duplicate check, with no lookup first.
    let Some(id) = inserted else {
        let (of, title) = tx
            .prepare_cached("SELECT id, title FROM articles WHERE content_hash = ?1")?
            .query_row([&article.content_hash], |r| Ok((r.get(0)?, r.get(1)?)))?;
        return Ok(Outcome::Duplicate { of, title });
    };
    let near_duplicates = match &article.sketch {
        Some(sketch) => link_near_duplicates(tx, id, sketch)?,
        None => Vec::new(),
    };
    Ok(Outcome::Imported { id, near_duplicates })
}

/// The most band rows read for one new article.
const CANDIDATE_ROWS: usize = 256;
/// The most candidates compared with one new article.
const MAX_CANDIDATES: usize = 64;

/// Articles sharing any band key with a sketch, at most
/// [`CANDIDATE_ROWS`] rows of them. Built once: every imported article
/// runs it, and building it took 23 allocations.
static CANDIDATE_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let placeholders: Vec<String> = (1..=BANDS).map(|i| format!("?{i}")).collect();
    format!("SELECT article_id FROM sketch_bands WHERE key IN ({}) LIMIT {CANDIDATE_ROWS}", placeholders.join(", "))
});

/// Inserts all band keys of one article in one statement.
static BAND_INSERT_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let rows: Vec<String> = (0..BANDS).map(|i| format!("(?{}, ?{})", 2 * i + 1, 2 * i + 2)).collect();
    format!("INSERT OR IGNORE INTO sketch_bands (key, article_id) VALUES {}", rows.join(", "))
});

/// Finds earlier articles sharing a band with this sketch, keeps those whose
/// estimated similarity reaches [`NEAR_DUPLICATE`], links them, and stores
/// the sketch for later imports.
fn link_near_duplicates(tx: &rusqlite::Transaction<'_>, id: i64, sketch: &Sketch) -> Result<Vec<(i64, f64)>> {
    let keys = sketch.band_keys();
    let mut candidates: Vec<i64> = Vec::new();
    {
        // One statement for all bands: per-statement overhead, not the index
        // seeks, dominates when it runs 21 times per article.
        let mut lookup = tx.prepare_cached(&CANDIDATE_SQL)?;
        for other in lookup.query_map(rusqlite::params_from_iter(keys.iter()), |r| r.get::<_, i64>(0))? {
            let other = other?;
            if !candidates.contains(&other) {
                candidates.push(other);
            }
            if candidates.len() >= MAX_CANDIDATES {
                break;
            }
        }
    }
    let mut links = Vec::new();
    {
        let mut load = tx.prepare_cached("SELECT sketch FROM article_sketches WHERE article_id = ?1")?;
        let mut link = tx.prepare_cached(
            "INSERT OR IGNORE INTO near_duplicates (article_id, other_id, similarity) VALUES (?1, ?2, ?3)",
        )?;
        for other in candidates {
            let bytes: Vec<u8> = load.query_row([other], |r| r.get(0))?;
            let Some(other_sketch) = Sketch::from_bytes(&bytes) else { continue };
            let similarity = sketch.similarity(&other_sketch);
            if similarity >= NEAR_DUPLICATE {
                link.execute(params![id, other, similarity])?;
                // The other article's stored reuse no longer tells the whole
                // story: version 0 makes its analysis stale.
                tx.prepare_cached("UPDATE analyses SET version = 0 WHERE article_id = ?1")?.execute([other])?;
                links.push((other, similarity));
            }
        }
    }
    tx.prepare_cached("INSERT INTO article_sketches (article_id, sketch) VALUES (?1, ?2)")?
        .execute(params![id, sketch.to_bytes()])?;
    let mut bands = tx.prepare_cached(&BAND_INSERT_SQL)?;
    let args = keys.iter().flat_map(|k| [k as &dyn rusqlite::ToSql, &id as &dyn rusqlite::ToSql]);
    bands.execute(rusqlite::params_from_iter(args))?;
    links.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(links)
}
