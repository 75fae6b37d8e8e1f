//! Long work off the caller's thread: imports, analysis runs and exports.
//!
//! A job runs on its own thread with its own connection to the library, so
//! the window keeps answering (SQLite's WAL mode lets the views read while
//! the job writes). The front end polls [`JobStatus`] for progress, which
//! works the same over Tauri IPC and over HTTP, and may cancel: every job
//! stops between batches and keeps what it committed.

use serde::Serialize;
use sourcetrace_api::ApiError;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What a job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    Import,
    Analyze,
    Export,
}

/// A file the job could not use, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JobProblem {
    pub origin: String,
    pub reason: String,
}

/// Where a job is. `done` of `total` is in the unit `unit` names (bytes,
/// articles or rows); `total` is 0 while unknown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JobStatus {
    pub id: u64,
    pub kind: JobKind,
    /// What is happening now, in a few words ("Importing", "Analysing").
    pub stage: String,
    pub unit: String,
    pub done: u64,
    pub total: u64,
    /// Counts so far: imported, duplicates, analysed, rows...
    pub counts: Vec<(String, u64)>,
    /// Files that failed or were skipped, at most [`MAX_PROBLEMS`] of them
    /// (`more_problems` counts the rest).
    pub problems: Vec<JobProblem>,
    pub more_problems: u64,
    pub finished: bool,
    pub cancelled: bool,
    pub error: Option<ApiError>,
    /// The job's summary as JSON once it has finished.
    pub result: Option<serde_json::Value>,
}

/// Problems kept per job; an import of a folder of a million broken files
/// must not grow the window's memory without bound.
pub const MAX_PROBLEMS: usize = 1000;

/// A running or finished job.
pub struct Job {
    status: Mutex<JobStatus>,
    cancel: AtomicBool,
}

impl Job {
    pub fn status(&self) -> JobStatus {
        self.status.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Asks the job to stop at its next batch boundary.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// Changes the status under its lock.
    pub fn update(&self, change: impl FnOnce(&mut JobStatus)) {
        change(&mut self.status.lock().unwrap_or_else(|e| e.into_inner()));
    }

    /// Records a problem, keeping at most [`MAX_PROBLEMS`].
    pub fn problem(&self, origin: String, reason: String) {
        self.update(|s| {
            if s.problems.len() < MAX_PROBLEMS {
                s.problems.push(JobProblem { origin, reason });
            } else {
                s.more_problems += 1;
            }
        });
    }

    /// Sets a count by name, adding it the first time.
    pub fn count(status: &mut JobStatus, name: &str, value: u64) {
        match status.counts.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => status.counts.push((name.to_string(), value)),
        }
    }
}

/// Every job of this session, newest last.
#[derive(Default)]
pub struct Jobs {
    jobs: Mutex<Vec<Arc<Job>>>,
}

impl Jobs {
    /// Registers a job and runs `work` on a new thread. `work` returns the
    /// job's summary, or an error that the status then carries.
    pub fn spawn(
        &self,
        kind: JobKind,
        work: impl FnOnce(&Job) -> Result<serde_json::Value, ApiError> + Send + 'static,
    ) -> Result<JobStatus, ApiError> {
        let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        let id = jobs.len() as u64 + 1;
        let job = Arc::new(Job {
            status: Mutex::new(JobStatus {
                id,
                kind,
                stage: "Starting".into(),
                unit: String::new(),
                done: 0,
                total: 0,
                counts: Vec::new(),
                problems: Vec::new(),
                more_problems: 0,
                finished: false,
                cancelled: false,
                error: None,
                result: None,
            }),
            cancel: AtomicBool::new(false),
        });
        jobs.push(Arc::clone(&job));
        let status = job.status();
        std::thread::Builder::new()
            .name(format!("sourcetrace-job-{id}"))
            .spawn(move || {
                // A panic inside the work is a bug, but the window must still
                // learn that the job ended rather than poll forever.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&job)));
                let cancelled = job.cancel.load(Ordering::Relaxed);
                job.update(|s| {
                    s.finished = true;
                    s.cancelled = cancelled;
                    s.stage = if cancelled { "Cancelled".into() } else { "Finished".into() };
                    match outcome {
                        Ok(Ok(result)) => s.result = Some(result),
                        Ok(Err(error)) => {
                            s.stage = "Failed".into();
                            s.error = Some(error);
                        }
                        Err(_) => {
                            s.stage = "Failed".into();
                            s.error = Some(ApiError::new(
                                sourcetrace_api::ErrorCode::Library,
                                "the job stopped on an internal error; what it committed is kept",
                            ));
                        }
                    }
                });
            })
            .map_err(|e| ApiError::new(sourcetrace_api::ErrorCode::Io, format!("cannot start the job: {e}")))?;
        Ok(status)
    }

    pub fn get(&self, id: u64) -> Option<Arc<Job>> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|j| j.status().id == id).cloned()
    }

    /// The jobs that have not finished.
    pub fn running(&self) -> Vec<JobStatus> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner()).iter().map(|j| j.status()).filter(|s| !s.finished).collect()
    }
}
