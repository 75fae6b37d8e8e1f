//! The import use case: paths in, articles in the library, with progress,
//! cancellation and a summary.
//!
//! A reader thread walks the paths and parses units in parallel (rayon)
//! into batches; this thread writes each batch in one transaction. The
//! channel between them holds one batch, so memory stays bounded however
//! large the input, and reading overlaps writing. The writes are the
//! slower stage, so one batch waiting keeps them busy; a second only held
//! more memory (peak 174 against 196 MiB over four imports of 100,000
//! articles each, at the same speed).

use crate::{Result, Sourcetrace};
use rayon::prelude::*;
use serde::Serialize;
use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_import::walk::{self, Event, Limits};
use sourcetrace_import::{draft, Options, Unit};
use sourcetrace_store::{BatchItem, Outcome};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Units per batch by default. Each batch is one transaction, and every
/// commit rewrites the index pages it touched, so fewer, larger commits are
/// what make a 100,000-article import fast; a kill still loses at most one
/// batch, about a second of work (see [`BATCH_TIME`]).
pub const BATCH_UNITS: usize = 4096;
/// Bytes per batch, so that a folder of large pages also commits often.
const BATCH_BYTES: usize = 64 << 20;
/// A batch is sent after this long even when small, so slow inputs still
/// commit and report progress.
const BATCH_TIME: Duration = Duration::from_millis(1000);

/// What to import and how.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub paths: Vec<PathBuf>,
    /// Set the outlet of every article, overriding detection.
    pub outlet: Option<String>,
    /// Add every imported (and already present) article to this collection.
    pub collection: Option<String>,
    pub limits: Limits,
    /// The most units in one transaction ([`BATCH_UNITS`] by default).
    pub batch_units: usize,
}

impl ImportRequest {
    pub fn new(paths: Vec<PathBuf>) -> ImportRequest {
        ImportRequest { paths, outlet: None, collection: None, limits: Limits::default(), batch_units: BATCH_UNITS }
    }
}

/// Counts so far, for a progress bar.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportProgress {
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub files_total: usize,
    pub imported: u64,
    pub duplicates: u64,
    pub failed: u64,
    pub skipped: u64,
    pub elapsed_ms: u64,
}

/// What an import reports while it runs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ImportEvent {
    Progress(ImportProgress),
    Imported { id: i64, origin: String, title: Option<String>, near_duplicates: Vec<(i64, f64)> },
    Duplicate { origin: String, of: i64, title: Option<String> },
    Failed { origin: String, reason: String },
    Skipped { origin: String, reason: String },
}

/// How an import ended.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportSummary {
    pub run_id: i64,
    pub imported: u64,
    pub duplicates: u64,
    pub failed: u64,
    pub skipped: u64,
    pub cancelled: bool,
    pub elapsed_ms: u64,
}

/// A batch on its way from the reader to the writer.
struct Batch {
    items: Vec<BatchItem>,
    bytes_done: u64,
}

impl Sourcetrace {
    /// Imports files, folders and zip archives. Reports progress and every
    /// per-item outcome through `on_event`; stops between batches when
    /// `cancel` is set, keeping what was already committed. Bad files never
    /// stop the import: they are counted, reported and recorded in the run.
    pub fn import(
        &mut self,
        request: &ImportRequest,
        on_event: &mut dyn FnMut(&ImportEvent),
        cancel: &AtomicBool,
    ) -> Result<ImportSummary> {
        let started = Instant::now();
        self.library.prepare_for_bulk_writes()?;
        let gazetteer = self.library.gazetteer()?;
        let plan = walk::plan(&request.paths);
        let labels: Vec<String> = request.paths.iter().map(|p| p.display().to_string()).collect();
        let run = self.library.begin_import(&labels)?;
        let mut progress =
            ImportProgress { bytes_total: plan.total_bytes, files_total: plan.entries.len(), ..Default::default() };

        // Paths that do not exist are failures of this run like any other.
        let missing: Vec<BatchItem> = plan.failures.iter().cloned().map(BatchItem::Failure).collect();
        let options = Options { outlet: request.outlet.clone() };
        let (sender, receiver) = mpsc::sync_channel::<Batch>(1);

        // The reading and parsing run on workers below the writer's priority
        // (see `background`), so that the writer, the slower stage, always
        // has a core.
        let workers = crate::background::worker_pool();
        let outcome = std::thread::scope(|scope| -> Result<bool> {
            let reader = scope.spawn(|| {
                let read = || read_all(&plan.entries, request, &options, &gazetteer, cancel, sender);
                match &workers {
                    Some(pool) => pool.install(read),
                    None => read(),
                }
            });
            let mut write = |batch: Batch, progress: &mut ImportProgress| -> Result<()> {
                let outcomes = self.library.write_batch(run, &batch.items)?;
                let mut collected = Vec::new();
                for (item, outcome) in batch.items.into_iter().zip(outcomes) {
                    let origin = item.origin();
                    let event = match (outcome, item) {
                        (Outcome::Imported { id, near_duplicates }, item) => {
                            progress.imported += 1;
                            collected.push(id);
                            let title = match item {
                                BatchItem::Article(article) => article.title,
                                _ => None,
                            };
                            ImportEvent::Imported { id, origin, title, near_duplicates }
                        }
                        (Outcome::Duplicate { of, title }, _) => {
                            progress.duplicates += 1;
                            collected.push(of);
                            ImportEvent::Duplicate { origin, of, title }
                        }
                        (Outcome::Failed, BatchItem::Failure(failure)) => {
                            progress.failed += 1;
                            ImportEvent::Failed { origin, reason: failure.reason }
                        }
                        (Outcome::Skipped, BatchItem::Skipped { reason, .. }) => {
                            progress.skipped += 1;
                            ImportEvent::Skipped { origin, reason }
                        }
                        (outcome, _) => unreachable!("write_batch answers {outcome:?} only for the matching item"),
                    };
                    on_event(&event);
                }
                if let Some(name) = &request.collection {
                    self.library.add_to_collection(name, &collected)?;
                }
                progress.bytes_done = batch.bytes_done;
                progress.elapsed_ms = started.elapsed().as_millis() as u64;
                on_event(&ImportEvent::Progress(progress.clone()));
                Ok(())
            };
            if !missing.is_empty() {
                write(Batch { items: missing, bytes_done: 0 }, &mut progress)?;
            }
            let mut result = Ok(());
            for batch in receiver.iter() {
                if result.is_ok() {
                    result = write(batch, &mut progress);
                    if result.is_err() {
                        // Tell the reader to stop; the loop drains what it
                        // already sent so it is not left blocked.
                        cancel.store(true, Ordering::Relaxed);
                    }
                }
            }
            let reader_cancelled = reader.join().unwrap_or(true);
            result?;
            Ok(reader_cancelled || cancel.load(Ordering::Relaxed))
        });
        let cancelled = match outcome {
            Ok(c) => c,
            Err(e) => {
                let _ = self.library.finish_import(run, "failed");
                return Err(e);
            }
        };
        let status = if cancelled { "cancelled" } else { "completed" };
        let record = self.library.finish_import(run, status)?;
        Ok(ImportSummary {
            run_id: run,
            imported: record.imported as u64,
            duplicates: record.duplicates as u64,
            failed: record.failed as u64,
            skipped: record.skipped as u64,
            cancelled,
            elapsed_ms: started.elapsed().as_millis() as u64,
        })
    }
}

/// The reader side: walks every entry, gathers units into batches, parses
/// each batch in parallel and sends it on. Returns whether it was
/// cancelled.
fn read_all(
    entries: &[walk::Entry],
    request: &ImportRequest,
    options: &Options,
    gazetteer: &Gazetteer,
    cancel: &AtomicBool,
    sender: mpsc::SyncSender<Batch>,
) -> bool {
    let mut pending: Vec<Pending> = Vec::new();
    let mut pending_bytes = 0usize;
    let mut bytes_done = 0u64;
    let mut last_flush = Instant::now();
    let flush = |pending: &mut Vec<Pending>, bytes_done: u64| -> ControlFlow<()> {
        let items = parse_batch(std::mem::take(pending), options, gazetteer);
        match sender.send(Batch { items, bytes_done }) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    };
    for entry in entries {
        let flow = walk::read(entry, &request.limits, &mut |event| {
            if cancel.load(Ordering::Relaxed) {
                return ControlFlow::Break(());
            }
            match event {
                Event::Unit(unit) => {
                    pending_bytes += unit_size(&unit);
                    pending.push(Pending::Unit(unit));
                }
                Event::Failure(f) => pending.push(Pending::Ready(BatchItem::Failure(f))),
                Event::Skipped { origin, reason } => {
                    pending.push(Pending::Ready(BatchItem::Skipped { origin: origin.to_string(), reason }))
                }
                Event::Progress(n) => bytes_done += n,
            }
            if pending.len() >= request.batch_units.max(1)
                || pending_bytes >= BATCH_BYTES
                || last_flush.elapsed() > BATCH_TIME
            {
                pending_bytes = 0;
                last_flush = Instant::now();
                return flush(&mut pending, bytes_done);
            }
            ControlFlow::Continue(())
        });
        if flow.is_break() {
            return true;
        }
    }
    if !pending.is_empty() || bytes_done > 0 {
        let _ = flush(&mut pending, bytes_done);
    }
    cancel.load(Ordering::Relaxed)
}

/// A unit still to be parsed, or an item that needs no parsing.
enum Pending {
    Unit(Unit),
    Ready(BatchItem),
}

fn unit_size(unit: &Unit) -> usize {
    match unit {
        Unit::Document { bytes, .. } => bytes.len(),
        Unit::JsonLine { line, .. } => line.len(),
        Unit::Record { fields, .. } => fields.text.as_ref().map_or(0, String::len),
    }
}

/// Parses and finishes a batch of units on all cores, keeping input order so
/// that duplicates within a batch resolve to the first occurrence.
fn parse_batch(pending: Vec<Pending>, options: &Options, gazetteer: &Gazetteer) -> Vec<BatchItem> {
    pending
        .into_par_iter()
        .map(|p| match p {
            Pending::Unit(unit) => draft(unit, options, gazetteer)
                .into_iter()
                .map(|result| match result {
                    Ok(d) => BatchItem::Article(Box::new(d.finish(gazetteer))),
                    Err(f) => BatchItem::Failure(f),
                })
                .collect::<Vec<_>>(),
            Pending::Ready(item) => vec![item],
        })
        .flatten()
        .collect()
}

/// A file handed over in memory: an upload in the web mode, or text pasted
/// into the window (named `pasted.txt` by the caller).
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UploadedFile {
    /// The file's name as the user's system gave it; only its last part is
    /// used, and only to tell the format.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Sourcetrace {
    /// Imports files given in memory. They are staged in a fresh folder
    /// beside the library file, so they go through exactly the same import
    /// as files on disk, and the folder is removed afterwards: nothing is
    /// written anywhere else.
    pub fn import_uploads(
        &mut self,
        files: &[UploadedFile],
        request: &ImportRequest,
        on_event: &mut dyn FnMut(&ImportEvent),
        cancel: &AtomicBool,
    ) -> Result<ImportSummary> {
        if files.is_empty() {
            return Err(crate::ApiError::new(crate::ErrorCode::InvalidInput, "there is nothing to import"));
        }
        let folder = self.library.path().parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let staging = tempfile::Builder::new().prefix(".incoming-").tempdir_in(&folder).map_err(|e| {
            crate::ApiError::new(crate::ErrorCode::Io, format!("cannot stage the files in {}: {e}", folder.display()))
        })?;
        let mut paths = Vec::with_capacity(files.len());
        for (n, file) in files.iter().enumerate() {
            let path = staging.path().join(format!("{n:05}-{}", safe_file_name(&file.name)));
            std::fs::write(&path, &file.bytes)
                .map_err(|e| crate::ApiError::new(crate::ErrorCode::Io, format!("cannot stage {}: {e}", file.name)))?;
            paths.push(path);
        }
        let request = ImportRequest { paths, ..request.clone() };
        self.import(&request, on_event, cancel)
    }
}

/// The last part of a name, with anything a path could use to escape the
/// staging folder replaced; empty names become `upload.txt`.
fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last.chars().map(|c| if c.is_control() || c == ':' { '_' } else { c }).collect::<String>();
    let cleaned = cleaned.trim_start_matches('.').chars().take(120).collect::<String>();
    if cleaned.is_empty() {
        "upload.txt".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn uploaded_names_cannot_leave_the_staging_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Users\\x\\story.html"), "story.html");
        assert_eq!(safe_file_name(".."), "upload.txt");
        assert_eq!(safe_file_name(".hidden.txt"), "hidden.txt");
        assert_eq!(safe_file_name(""), "upload.txt");
    }
}
