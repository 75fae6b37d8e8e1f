//! Crash safety: `kill -9` during `import`, `analyze` and `export`, at
//! points drawn from a seeded generator so that a failing run can be
//! repeated exactly (the seed is printed; `SOURCETRACE_CRASH_SEED` picks
//! another). After every kill the library must pass SQLite's integrity
//! check, hold only whole articles and whole analyses, and the same command
//! run again must complete the work without duplicates.

use crate::support::{prose, run_cli, sourcetrace_bin, TempLibrary};
use rusqlite::{Connection, OpenFlags};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Articles in the generated corpus: enough that an import and an analysis
/// take several batches, few enough that the module runs in well under a
/// minute on two cores. `SOURCETRACE_CRASH_ARTICLES=10000` runs the size
/// the robustness issue names.
fn articles() -> usize {
    std::env::var("SOURCETRACE_CRASH_ARTICLES").ok().and_then(|s| s.parse().ok()).unwrap_or(3000)
}

/// A small deterministic generator (SplitMix64), so that the kill points
/// are reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("SOURCETRACE_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_261_128);
        eprintln!("crash tests: seed {seed} (set SOURCETRACE_CRASH_SEED to repeat another run)");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The generated corpus: one JSON object a line, and each article's text
/// by its (unique) title, which is what a stored article is checked against.
struct Corpus {
    path: PathBuf,
    texts: HashMap<String, String>,
}

fn corpus(lib: &TempLibrary, articles: usize) -> Corpus {
    let mut texts = HashMap::new();
    let mut lines = Vec::with_capacity(articles);
    for i in 0..articles {
        let title = format!("Crash test article {i}");
        // Attribution cues in every article, so that the analysis stores
        // attributions worth comparing.
        let text = format!(
            "The minister said on Monday that report {i} was accurate. {} \"We will wait,\" a spokesman told reporters, according to officials. Article {i} ends here.",
            prose(50_000 + i as u64, 80 + i % 60)
        );
        let outlet = ["AP", "TASS", "BBC", "Reuters"][i % 4];
        lines.push(
            serde_json::json!({"title": title, "outlet": outlet, "date": "2022-03-01", "text": text}).to_string(),
        );
        texts.insert(title, text);
    }
    let path = lib.write("crash.jsonl", lines.join("\n") + "\n");
    Corpus { path, texts }
}

fn spawn(library: &Path, args: &[&str]) -> Child {
    Command::new(sourcetrace_bin())
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("SOURCETRACE_LIBRARY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sourcetrace starts")
}

/// Opens the library read-only without touching it, as an observer would
/// while another process writes it.
fn peek(library: &Path) -> Option<Connection> {
    if !library.exists() {
        return None;
    }
    let conn = Connection::open_with_flags(library, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.busy_timeout(Duration::from_secs(2)).ok()?;
    Some(conn)
}

fn count(library: &Path, sql: &str) -> Option<i64> {
    peek(library)?.query_row(sql, [], |r| r.get(0)).ok()
}

/// Waits until `ready` holds (or the child has exited, or ten seconds have
/// passed); returns whether the child is still running.
fn wait_until(child: &mut Child, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

/// SIGKILL: no destructor, no rollback, no flush runs in the child.
fn kill(child: &mut Child) -> bool {
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// SQLite's own check of every page, index and constraint.
fn assert_integrity(library: &Path) {
    let conn = Connection::open(library).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0, "no row points at a missing one");
}

/// Checks every stored article against its source line and returns how
/// many there are.
fn assert_whole_articles(library: &Path, corpus: &Corpus) -> usize {
    let conn = Connection::open(library).unwrap();
    let mut stmt = conn.prepare("SELECT title, text FROM articles").unwrap();
    let rows: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    let mut seen = std::collections::HashSet::new();
    for (title, text) in &rows {
        let expected = corpus.texts.get(title).unwrap_or_else(|| panic!("unknown article {title:?}"));
        assert_eq!(text, expected, "{title} is stored whole and unchanged");
        assert!(seen.insert(title.clone()), "{title} is stored once");
    }
    let scalar = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let n = rows.len() as i64;
    assert_eq!(scalar("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ends'"), n, "every article indexed");
    assert_eq!(scalar("SELECT count(*) FROM article_sketches"), n, "every article sketched");
    rows.len()
}

#[test]
fn a_killed_import_leaves_whole_articles_and_resumes() {
    let lib = TempLibrary::new();
    let corpus = corpus(&lib, articles());
    let library = lib.path();
    drop(lib.app);
    std::fs::remove_file(&library).unwrap();
    let mut rng = Rng::seeded();
    let mut landed = 0;
    let mut verified = 0;
    for round in 0..5 {
        let mut child = spawn(&library, &["import", "--quiet", "--batch-size", "100", corpus.path.to_str().unwrap()]);
        // Kill once this run has stored a random share of what is left,
        // then after a few random milliseconds, so that kills land at
        // different points of the import and of a batch. A share rather
        // than a delay: the import got fast enough that a delay of up to
        // 800 ms often let it finish first, and the kill landed nowhere.
        let before = count(&library, "SELECT count(*) FROM articles").unwrap_or(0);
        let left = (articles() as i64 - before).max(0) as u64;
        let target = before + 1 + rng.below(left / 2) as i64;
        let running =
            wait_until(&mut child, || count(&library, "SELECT count(*) FROM articles").is_some_and(|n| n >= target));
        if running {
            std::thread::sleep(Duration::from_millis(rng.below(10)));
        }
        let killed = kill(&mut child);
        assert_integrity(&library);
        let stored = assert_whole_articles(&library, &corpus);
        verified += stored;
        eprintln!("import round {round}: killed={killed}, {stored} whole articles stored");
        if killed && stored < articles() {
            landed += 1;
        }
    }
    assert!(landed >= 3, "most kills should land mid-import; only {landed} did");
    let (code, stdout, stderr) = run_cli(&library, &["import", "--quiet", corpus.path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_integrity(&library);
    assert_eq!(assert_whole_articles(&library, &corpus), articles(), "the re-run completes the import, once each");
    eprintln!("import: {landed} kills mid-import, {verified} stored articles verified after kills");
}

/// One article's stored analysis: its scores and attributions, without row
/// ids (which depend on the order of writes).
fn analyses(library: &Path) -> BTreeMap<String, String> {
    let conn = Connection::open(library).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('attributions')")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|c| c != "id" && c != "source_id" && c != "article_id")
        .collect();
    let json_cols = columns.iter().map(|c| format!("'{c}', {c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT a.title, n.version, n.scores, n.attribution_count,
                (SELECT json_group_array(json_object({json_cols})) FROM
                   (SELECT * FROM attributions t WHERE t.article_id = a.id ORDER BY ordinal))
         FROM analyses n JOIN articles a ON a.id = n.article_id"
    );
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |r| {
        let title: String = r.get(0)?;
        let row = format!(
            "v{} {} n={} {}",
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?
        );
        Ok((title, row))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Articles in the analysis test: analysing is far slower than importing
/// in a debug build, and small batches give the kills as many points to
/// land between as a large corpus would.
const ANALYZED: usize = 600;
const ANALYSIS_BATCH: &str = "10";

/// A library holding the whole corpus, and a copy of it analysed without
/// interruption to compare against.
fn imported(lib: &TempLibrary, corpus: &Corpus) -> (PathBuf, BTreeMap<String, String>) {
    let library = lib.path();
    let (code, stdout, stderr) = run_cli(&library, &["import", "--quiet", corpus.path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let clean = lib.dir.path().join("clean.sqlite");
    Connection::open(&library).unwrap().execute("VACUUM INTO ?1", [clean.to_str().unwrap()]).unwrap();
    let (code, stdout, stderr) = run_cli(&clean, &["analyze"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let reference = analyses(&clean);
    assert_eq!(reference.len(), ANALYZED);
    (library, reference)
}

#[test]
fn a_killed_analysis_keeps_finished_articles_and_resumes() {
    let lib = TempLibrary::new();
    let corpus = corpus(&lib, ANALYZED);
    let (library, reference) = imported(&lib, &corpus);
    drop(lib.app);
    let mut rng = Rng::seeded();
    let mut landed = 0;
    let mut verified = 0;
    for round in 0..4 {
        let mut child = spawn(&library, &["analyze", "--batch-size", ANALYSIS_BATCH]);
        let before = count(&library, "SELECT count(*) FROM analyses").unwrap_or(0);
        let running =
            wait_until(&mut child, || count(&library, "SELECT count(*) FROM analyses").is_some_and(|n| n > before));
        // Short enough that four rounds do not finish the corpus. Since the
        // analysis writes less (migration 0012), batches of 50 and sleeps
        // up to 250 ms finished it in the fourth round in one run of three;
        // batches of 10 and sleeps up to 120 ms left 250 to 260 of the 600
        // analysed after four rounds in three runs, every kill mid-run.
        if running {
            std::thread::sleep(Duration::from_millis(rng.below(120)));
        }
        let killed = kill(&mut child);
        assert_integrity(&library);
        let stored = analyses(&library);
        for (title, analysis) in &stored {
            assert_eq!(Some(analysis), reference.get(title), "{title}: a finished analysis equals a clean run's");
        }
        verified += stored.len();
        eprintln!("analyze round {round}: killed={killed}, {} analyses stored and verified", stored.len());
        if killed && stored.len() < ANALYZED {
            landed += 1;
        }
    }
    assert!(landed >= 2, "most kills should land mid-analysis; only {landed} did");
    let (code, stdout, stderr) = run_cli(&library, &["analyze"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_integrity(&library);
    assert_eq!(analyses(&library), reference, "the re-run completes the analysis");
    assert_eq!(assert_whole_articles(&library, &corpus), ANALYZED);
    eprintln!("analyze: {landed} kills mid-analysis, {verified} stored analyses verified after kills");
}

#[test]
fn a_killed_export_leaves_no_half_file() {
    let lib = TempLibrary::new();
    let corpus = corpus(&lib, articles());
    let library = lib.path();
    let (code, stdout, stderr) = run_cli(&library, &["import", "--quiet", corpus.path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    drop(lib.app);
    let out = lib.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let dest = out.join("articles.jsonl");
    let dest_arg = dest.to_str().unwrap().to_string();
    let args = ["export", "articles", "--format", "jsonl", "-o", dest_arg.as_str()];
    let complete = |path: &Path| {
        let body = std::fs::read_to_string(path).unwrap();
        assert!(body.ends_with('\n'), "the file ends after a whole line");
        let lines: Vec<serde_json::Value> = body.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), articles(), "every article is exported");
    };
    // How long a whole export takes here, timed once into another folder:
    // the kills below wait a random part of its first half (at most the
    // 20 ms they waited before), so that they land mid-export on a fast
    // machine as on a slow one (up to 20 ms outlasted the whole export two
    // times in 25 on a fast one).
    let timing = lib.dir.path().join("timing");
    std::fs::create_dir_all(&timing).unwrap();
    let timed_dest = timing.join("articles.jsonl");
    let timed_arg = timed_dest.to_str().unwrap().to_string();
    let started = Instant::now();
    let (code, stdout, stderr) =
        run_cli(&library, &["export", "articles", "--format", "jsonl", "-o", timed_arg.as_str()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let whole = started.elapsed().as_millis() as u64;
    let mut rng = Rng::seeded();
    let mut landed = 0;
    let mut previous: Option<Vec<u8>> = None;
    let partial = out.join(".articles.jsonl.partial");
    for round in 0..6 {
        // A kill leaves the hidden temporary file behind, which the next
        // export overwrites; removing it here makes the next kill wait for
        // the new run's own file.
        let _ = std::fs::remove_file(&partial);
        let mut child = spawn(&library, &args);
        // The export writes beside the destination under another name;
        // kill once that file has appeared, after a random short delay.
        let running = wait_until(&mut child, || partial.exists());
        if running {
            std::thread::sleep(Duration::from_millis(rng.below((whole / 2).clamp(1, 20))));
        }
        let killed = kill(&mut child);
        match &previous {
            // Nothing was complete before: the destination must not exist
            // unless this run finished.
            None if dest.exists() => complete(&dest),
            None => {}
            // A complete file was there: it is either untouched or replaced
            // by another complete one.
            Some(before) => {
                let now = std::fs::read(&dest).expect("the previous export is still there");
                if &now != before {
                    complete(&dest);
                }
            }
        }
        eprintln!("export round {round}: killed={killed}, destination exists={}", dest.exists());
        if killed {
            landed += 1;
        }
        if round == 2 {
            // Half the rounds run over a complete earlier export.
            let (code, stdout, stderr) = run_cli(&library, &args);
            assert_eq!(code, 0, "{stdout}{stderr}");
            complete(&dest);
            previous = Some(std::fs::read(&dest).unwrap());
        }
    }
    assert!(landed >= 3, "most kills should land mid-export; only {landed} did");
    let (code, stdout, stderr) = run_cli(&library, &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    complete(&dest);
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "articles.jsonl")
        .collect();
    assert!(leftovers.is_empty(), "a completed export leaves no temporary file: {leftovers:?}");
}
