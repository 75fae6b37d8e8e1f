//! Shared helpers: temporary libraries, the CLI binary, paths to shared data.

use sourcetrace_api::{ImportEvent, ImportRequest, ImportSummary, Sourcetrace};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

/// The repository root (this test binary belongs to `crates/cli`).
pub fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root"))
}

/// `../shared/<rel>` if it exists; otherwise prints why the caller skips.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = root().join("../shared").join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} not found (the shared evaluation data is not next to this clone)", path.display());
        None
    }
}

/// The seed article of the project.
pub fn sample_article() -> Option<PathBuf> {
    shared("samples/cgtn-2021-12-12-putin-biden.txt")
}

/// A fresh library in a temporary folder.
pub struct TempLibrary {
    pub dir: tempfile::TempDir,
    pub app: Sourcetrace,
}

impl TempLibrary {
    pub fn new() -> TempLibrary {
        let dir = tempfile::tempdir().expect("temporary folder");
        let app = Sourcetrace::open(&dir.path().join("library.sqlite")).expect("library opens");
        TempLibrary { dir, app }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("library.sqlite")
    }

    /// Writes a file inside the temporary folder and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join("input").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Imports paths and returns the summary with every event.
    pub fn import(&mut self, paths: &[PathBuf]) -> (ImportSummary, Vec<ImportEvent>) {
        self.import_with(ImportRequest::new(paths.to_vec()))
    }

    pub fn import_with(&mut self, request: ImportRequest) -> (ImportSummary, Vec<ImportEvent>) {
        let mut events = Vec::new();
        let summary =
            self.app.import(&request, &mut |e| events.push(e.clone()), &AtomicBool::new(false)).expect("import runs");
        (summary, events)
    }
}

/// Failure lines ("origin: reason") from import events.
pub fn failures(events: &[ImportEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            ImportEvent::Failed { origin, reason } => Some(format!("{origin}: {reason}")),
            _ => None,
        })
        .collect()
}

/// The `sourcetrace` binary, which cargo builds for this test binary.
pub fn sourcetrace_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_sourcetrace"))
}

/// Runs the CLI on a library and returns (exit code, stdout, stderr).
pub fn run_cli(library: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(sourcetrace_bin())
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("SOURCETRACE_LIBRARY")
        .output()
        .expect("sourcetrace runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Deterministic filler prose: `words` words drawn from a small newsroom
/// vocabulary by a linear congruential generator seeded with `seed`, so
/// that generated articles differ from one another the way real ones do.
pub fn prose(seed: u64, words: usize) -> String {
    const VOCABULARY: &[&str] = &[
        "the",
        "minister",
        "said",
        "on",
        "Tuesday",
        "that",
        "talks",
        "with",
        "officials",
        "in",
        "Geneva",
        "would",
        "continue",
        "despite",
        "tensions",
        "over",
        "border",
        "troops",
        "a",
        "spokesman",
        "for",
        "government",
        "told",
        "reporters",
        "city",
        "council",
        "budget",
        "election",
        "voters",
        "police",
        "court",
        "ruling",
        "company",
        "shares",
        "fell",
        "after",
        "report",
        "showed",
        "inflation",
        "rising",
        "prices",
        "energy",
        "gas",
        "pipeline",
        "winter",
        "analysts",
        "expect",
        "further",
        "sanctions",
        "against",
        "Moscow",
        "Washington",
        "Beijing",
        "Kyiv",
        "president",
        "summit",
        "meeting",
        "video",
        "call",
        "statement",
        "agency",
        "according",
        "to",
        "sources",
        "familiar",
        "matter",
        "who",
        "asked",
        "not",
        "be",
        "named",
        "because",
        "they",
        "were",
        "authorized",
        "speak",
    ];
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut out = String::new();
    for i in 0..words {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        if i > 0 {
            out.push(if i % 17 == 0 { '.' } else { ' ' });
            if i % 17 == 0 {
                out.push(' ');
            }
        }
        out.push_str(VOCABULARY[(state >> 33) as usize % VOCABULARY.len()]);
    }
    out.push('.');
    out
}

/// Runs the CLI like [`run_cli`], but kills it after `limit` and fails the
/// test: hostile input must never make a command hang. Returns (exit code,
/// stdout, stderr); the code is -1 when a signal ended the process (a stack
/// overflow aborts with SIGABRT, a crash with SIGSEGV).
pub fn run_cli_within(library: &Path, args: &[&str], limit: std::time::Duration) -> (i32, String, String) {
    use std::io::Read;
    let mut child = Command::new(sourcetrace_bin())
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("SOURCETRACE_LIBRARY")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sourcetrace runs");
    // Drain both pipes on their own threads so a chatty child cannot block
    // on a full pipe while we wait for it.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`sourcetrace {}` did not finish within {limit:?}", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err.join().unwrap()).into_owned();
    (status.code().unwrap_or(-1), stdout, stderr)
}
