//! The desk: what the Sourcetrace window and the local web mode share.
//!
//! Both front ends are thin. The desktop app turns a Tauri `invoke` into
//! [`commands::call`]; the web mode turns `POST /api/<command>` into the
//! same call. So the window and a browser run the same code, get the same
//! JSON, and see the same errors (`{code, message}`). Long work (imports,
//! analysis, exports) runs as [`jobs`] on their own threads and
//! connections, so the views stay responsive while it runs.
//!
//! This crate has no Tauri and no HTTP in it; it is testable with a real
//! library file and nothing else.
//!
//! ```
//! use sourcetrace_desk::{commands, Desk};
//! use serde_json::json;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let desk = Desk::open(&dir.path().join("library.sqlite")).unwrap();
//! let job = commands::call(&desk, "import_text", json!({"text": "Talks possible\n\nThe Kremlin said on Sunday that talks were possible."})).unwrap();
//! let id = job["id"].as_u64().unwrap();
//! let status = desk.wait(id);
//! assert!(status.finished && status.error.is_none());
//! let page = commands::call(&desk, "articles", json!({})).unwrap();
//! assert_eq!(page["total"], 1);
//! ```

pub mod commands;
pub mod jobs;
#[cfg(feature = "ts")]
pub mod typescript;

use jobs::{Job, JobKind, JobStatus, Jobs};
use sourcetrace_api::{
    AnalyzeRequest, ApiError, ErrorCode, ExportProgress, ExportRequest, ImportEvent, ImportRequest, Sourcetrace,
    UploadedFile,
};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// An open library shared by every request of one front end.
pub struct Desk {
    path: PathBuf,
    /// The connection the views read through. Each command holds it for
    /// one API call; jobs open their own.
    app: Mutex<Sourcetrace>,
    jobs: Jobs,
}

impl Desk {
    pub fn open(path: &Path) -> Result<Desk, ApiError> {
        Ok(Desk { path: path.to_path_buf(), app: Mutex::new(Sourcetrace::open(path)?), jobs: Jobs::default() })
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs a read on the shared connection.
    pub fn read<T>(&self, f: impl FnOnce(&Sourcetrace) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let app = self.lock()?;
        f(&app)
    }

    /// Runs a short write (a correction, a collection) on the shared
    /// connection. Long writes are jobs.
    pub fn write<T>(&self, f: impl FnOnce(&mut Sourcetrace) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let mut app = self.lock()?;
        f(&mut app)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Sourcetrace>, ApiError> {
        // A panic while the lock was held leaves the connection as SQLite
        // left it: every write is one transaction, so it is safe to go on.
        Ok(self.app.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn job(&self, id: i64) -> Result<Arc<Job>, ApiError> {
        u64::try_from(id)
            .ok()
            .and_then(|id| self.jobs.get(id))
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("job #{id} does not exist")))
    }

    /// Waits for a job to finish and returns its last status; for tests and
    /// the CLI, never for the window.
    pub fn wait(&self, id: u64) -> JobStatus {
        loop {
            let status = self.jobs.get(id).map(|j| j.status()).expect("a job this desk started");
            if status.finished {
                return status;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Imports files and folders, then analyses what they added.
    pub fn import_paths(
        &self,
        paths: Vec<PathBuf>,
        outlet: Option<String>,
        collection: Option<String>,
    ) -> Result<JobStatus, ApiError> {
        let request = ImportRequest { outlet, collection, ..ImportRequest::new(paths) };
        self.start_import(move |app, job, on_event| app.import(&request, on_event, job.cancel_flag()))
    }

    /// Imports files given in memory (uploads, pasted text), then analyses
    /// what they added.
    pub fn import_uploads(
        &self,
        files: Vec<UploadedFile>,
        outlet: Option<String>,
        collection: Option<String>,
    ) -> Result<JobStatus, ApiError> {
        let request = ImportRequest { outlet, collection, ..ImportRequest::new(Vec::new()) };
        self.start_import(move |app, job, on_event| app.import_uploads(&files, &request, on_event, job.cancel_flag()))
    }

    fn start_import(
        &self,
        import: impl FnOnce(
                &mut Sourcetrace,
                &Job,
                &mut dyn FnMut(&ImportEvent),
            ) -> Result<sourcetrace_api::ImportSummary, ApiError>
            + Send
            + 'static,
    ) -> Result<JobStatus, ApiError> {
        let path = self.path.clone();
        self.jobs.spawn(JobKind::Import, move |job| {
            let mut app = Sourcetrace::open(&path)?;
            job.update(|s| {
                s.stage = "Importing".into();
                s.unit = "bytes".into();
            });
            let summary = import(&mut app, job, &mut |event| match event {
                ImportEvent::Progress(p) => job.update(|s| {
                    s.done = p.bytes_done;
                    s.total = p.bytes_total;
                    Job::count(s, "imported", p.imported);
                    Job::count(s, "duplicates", p.duplicates);
                    Job::count(s, "failed", p.failed);
                    Job::count(s, "skipped", p.skipped);
                }),
                ImportEvent::Failed { origin, reason } | ImportEvent::Skipped { origin, reason } => {
                    job.problem(origin.clone(), reason.clone())
                }
                ImportEvent::Imported { .. } | ImportEvent::Duplicate { .. } => {}
            })?;
            let mut result = serde_json::json!({ "import": summary });
            if !summary.cancelled {
                result["analysis"] = serde_json::to_value(analyze_with_progress(&mut app, job, false)?)
                    .unwrap_or(serde_json::Value::Null);
            }
            Ok(result)
        })
    }

    /// Analyses stale articles (all of them with `force`).
    pub fn analyze(&self, force: bool) -> Result<JobStatus, ApiError> {
        let path = self.path.clone();
        self.jobs.spawn(JobKind::Analyze, move |job| {
            let mut app = Sourcetrace::open(&path)?;
            let summary = analyze_with_progress(&mut app, job, force)?;
            Ok(serde_json::json!({ "analysis": summary }))
        })
    }

    /// Exports to a path the user chose (in the save dialog of the window,
    /// or on the command line): never to a path a page made up.
    pub fn export(&self, request: ExportRequest, destination: PathBuf) -> Result<JobStatus, ApiError> {
        let path = self.path.clone();
        self.jobs.spawn(JobKind::Export, move |job| {
            let app = Sourcetrace::open(&path)?;
            job.update(|s| {
                s.stage = "Exporting".into();
                s.unit = "rows".into();
            });
            let summary = app.export_to_path(
                &request,
                &destination,
                &mut |p: ExportProgress| {
                    // Rows are counted per table, so each table has its own
                    // line and the bar shows the table being written.
                    job.update(|s| {
                        s.stage = format!("Exporting {}", p.table.name());
                        s.done = p.rows;
                        Job::count(s, &format!("{} rows", p.table.name()), p.rows);
                    })
                },
                job.cancel_flag(),
            )?;
            Ok(serde_json::to_value(summary).unwrap_or(serde_json::Value::Null))
        })
    }
}

/// A report to write: the selection, and the title printed on it.
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportRequest {
    pub title: String,
    #[serde(default)]
    pub filter: sourcetrace_api::ArticleFilter,
}

impl Desk {
    /// Writes the HTML or PDF report (by the destination's extension) to a
    /// path the user chose.
    pub fn report(&self, request: ReportRequest, destination: PathBuf) -> Result<JobStatus, ApiError> {
        let path = self.path.clone();
        self.jobs.spawn(JobKind::Export, move |job| {
            let app = Sourcetrace::open(&path)?;
            job.update(|s| {
                s.stage = "Writing the report".into();
                s.unit = "files".into();
                s.total = 1;
            });
            app.report_to_path(&request.filter, &request.title, &destination)?;
            job.update(|s| s.done = 1);
            Ok(serde_json::json!({ "files": [destination] }))
        })
    }
}

/// Decodes a `data:` URL as a chart sends it: base64 (PNG) or
/// percent-encoded text (SVG).
pub fn decode_data_url(url: &str) -> Result<Vec<u8>, ApiError> {
    use base64::Engine;
    let bad = || ApiError::new(ErrorCode::InvalidInput, "the chart did not arrive as a data URL");
    let rest = url.strip_prefix("data:").ok_or_else(bad)?;
    let (meta, data) = rest.split_once(',').ok_or_else(bad)?;
    if meta.ends_with(";base64") {
        return base64::engine::general_purpose::STANDARD.decode(data.trim()).map_err(|_| bad());
    }
    let bytes = data.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).map_err(|_| bad())?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

/// Runs the library analysis inside a job, reporting articles done.
fn analyze_with_progress(
    app: &mut Sourcetrace,
    job: &Job,
    force: bool,
) -> Result<sourcetrace_api::AnalyzeSummary, ApiError> {
    job.update(|s| {
        s.stage = "Analysing".into();
        s.unit = "articles".into();
        s.done = 0;
        s.total = 0;
    });
    let request = AnalyzeRequest { force, ..AnalyzeRequest::default() };
    app.analyze_library(
        &request,
        &mut |done, total| {
            job.update(|s| {
                s.done = done as u64;
                s.total = total as u64;
                Job::count(s, "analysed", done as u64);
            })
        },
        job.cancel_flag(),
    )
}

#[cfg(test)]
mod tests {
    use super::decode_data_url;

    #[test]
    fn charts_arrive_as_data_urls() {
        assert_eq!(decode_data_url("data:image/png;base64,iVBORw==").unwrap(), [0x89, b'P', b'N', b'G']);
        assert_eq!(decode_data_url("data:image/svg+xml;charset=utf-8,%3Csvg%3E%20").unwrap(), b"<svg> ");
        assert!(decode_data_url("https://example.com/x.png").is_err());
        assert!(decode_data_url("data:image/svg+xml,%zz").is_err());
    }
}
