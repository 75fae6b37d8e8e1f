//! `sourcetrace-bench`: benchmarks that print figures, never timed tests.
//!
//! ```text
//! cargo run --release -p sourcetrace-bench -- suite [--articles N] [--import-articles N] [--texts N] [--runs N]
//! cargo run --release -p sourcetrace-bench -- import --articles 100000
//! cargo run --release -p sourcetrace-bench -- attribution
//! cargo run --release -p sourcetrace-bench -- tone [--sentences N]
//! ```
//!
//! `suite` runs every figure of the performance issue in one go and writes
//! them to `target/bench/figures.md` and `.json` (see `suite.rs`);
//! `scripts/bench.sh` is the one command that runs it with its peers.
//! `--articles` sets the size of the dashboard's library (1,000,000 by
//! default), and the import benchmark's (at most 100,000).
//!
//! `contract FILE...` prints the evaluation contract of
//! `../shared/eval/README.md` for each file, exactly as `sourcetrace analyze
//! --format jsonl` does, so that the suite can score the engine without the
//! CLI being built.
//!
//! `dump FILE...` prints everything the analysis finds in each file
//! (attributions, tone with every term explained, entities, framing,
//! credits) in Rust's debug form: two builds' dumps compared with `cmp`
//! show that a change meant for speed changed no result.
//!
//! `corpus --articles N --parts P --out DIR` writes the newsroom articles
//! (see `newsroom.rs`) with ids, shared out over P JSONL files: the input
//! of `scripts/spark/analyze_corpus.py`.
//!
//! `tone` scores the sentences of the same texts as `attribution` (at most
//! `--sentences`, 10,000 by default) with each tone engine, with and
//! without the news rules, and prints sentences/s side by side with the
//! `vader-parity` crate and with Python's vaderSentiment 3.3.2 (the peer in
//! `peers/vader_tone.py`, when `python3` can import it) in the same run.
//!
//! `reuse` imports a generated corpus in four quarters and, after each,
//! finds the reused passages of every article in the library, printing the
//! time per article as the library grows: it must stay flat (near-linear
//! total), not grow with the library.
//!
//! `attribution` runs the attribution engine over the PolNeAR train texts
//! (`../shared/eval/polnear-train/text`, when present) or else over a
//! generated corpus, and prints MB/s single-threaded and on every core,
//! then the same corpus through a ten-line regex baseline as the peer.
//!
//! `export` builds a library with about `--rows` attributions (1,000,000 by
//! default) through the real import and analysis, then exports the
//! attributions table to CSV and to XLSX, a tenth of the selection and then
//! all of it, each in a child process so that each peak memory is its own:
//! memory must stay flat while the rows grow tenfold. Python's sqlite3 and
//! csv modules run the same query in the same run as the peer.
//!
//! `import` generates a corpus of news-like articles as JSONL (about 550
//! words each, 6% republished wire copy with a new headline and a cut
//! paragraph, 1% exact repeats), imports it into a fresh library through
//! the same API the CLI uses, and prints articles/s, MB/s and peak memory.
//! In the same run it imports the same file with the peer in
//! `peers/sqlite_fts_import.py` (Python's sqlite3 with FTS5, no analysis)
//! when `python3` is available, and prints the ratio. With `--keep FILE` it
//! copies the library there at the end (analysed, with `--analyze`), so that
//! two builds' libraries can be compared row by row, or profiled again.

use sourcetrace_api::{ExportFormat, ExportRequest, ImportEvent, ImportRequest, Sourcetrace};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

mod newsroom;
mod suite;

/// The number after a flag, if the flag is given.
fn flag(args: &[String], name: &str) -> Option<usize> {
    flag_text(args, name).and_then(|n| n.replace('_', "").parse().ok())
}

/// The text after a flag, if the flag is given.
fn flag_text<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// mimalloc instead of the system allocator: the analysis allocates small
/// vectors and strings for every sentence, and glibc's malloc was about a
/// tenth of its time on one thread and more on two (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How to call each command; printed for `--help` and for a mistake.
const USAGE: &str = "usage: sourcetrace-bench suite [--articles N] [--import-articles N] [--texts N] [--runs N] [--out DIR] [--only analysis,peer,quality,tone,import,library] | contract FILE... | dump FILE... | corpus --articles N [--parts P] --out DIR | import [--articles N] [--analyze] [--json-out FILE] [--keep FILE] | attribution | reuse [--articles N] | export [--rows N] | tone [--sentences N]";

/// The sections `suite --only` can name.
const SECTIONS: &[&str] = &["analysis", "peer", "quality", "tone", "import", "library"];

/// The flags `suite` takes, each with a value.
const SUITE_FLAGS: &[&str] = &["--articles", "--import-articles", "--texts", "--runs", "--only", "--out"];

/// Stops with the usage and a message naming the mistake: a suite that
/// ran for an hour on a misspelt flag's defaults would waste the hour.
fn refuse(message: &str) -> ! {
    eprintln!("sourcetrace-bench: {message}\n{USAGE}");
    std::process::exit(2);
}

fn main() {
    // `sourcetrace-bench suite | head` closes the pipe early. Rust ignores
    // SIGPIPE, so every print would then panic; restoring the default ends
    // the process quietly, as the CLI does.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return;
    }
    let articles = flag(&args, "--articles").unwrap_or(100_000);
    match args.first().map(String::as_str) {
        Some("import") => import(
            articles,
            args.iter().any(|a| a == "--analyze"),
            flag_text(&args, "--json-out").map(Path::new),
            flag_text(&args, "--keep").map(Path::new),
        ),
        Some("suite") => {
            let mut rest = args[1..].iter();
            while let Some(arg) = rest.next() {
                if !SUITE_FLAGS.contains(&arg.as_str()) {
                    refuse(&format!("suite does not take {arg:?}"));
                }
                if rest.next().is_none() {
                    refuse(&format!("{arg} needs a value"));
                }
            }
            if let Some(bad) =
                flag_text(&args, "--only").into_iter().flat_map(|s| s.split(',')).find(|s| !SECTIONS.contains(s))
            {
                refuse(&format!("no section is called {bad:?}; the sections are {}", SECTIONS.join(", ")));
            }
            for name in ["--articles", "--import-articles", "--texts", "--runs"] {
                if flag_text(&args, name).is_some() && flag(&args, name).is_none() {
                    refuse(&format!("{name} needs a whole number"));
                }
            }
            let library_articles = flag(&args, "--articles").unwrap_or(1_000_000);
            suite::run(&suite::SuiteOptions {
                library_articles,
                import_articles: flag(&args, "--import-articles").unwrap_or(library_articles.min(100_000)),
                texts: flag(&args, "--texts"),
                runs: flag(&args, "--runs").unwrap_or(20).max(1),
                sections: flag_text(&args, "--only")
                    .map(|s| s.split(',').map(str::to_string).collect())
                    .unwrap_or_default(),
                out: flag_text(&args, "--out")
                    .map(Into::into)
                    .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench")),
            })
        }
        Some("contract") => contract(&args[1..]),
        Some("dump") => dump(&args[1..]),
        Some("corpus") => {
            let out = flag_text(&args, "--out").unwrap_or_else(|| refuse("corpus needs --out DIR"));
            let parts = flag(&args, "--parts").unwrap_or(1).max(1);
            std::fs::create_dir_all(out).expect("corpus folder");
            let paths: Vec<_> = (0..parts).map(|p| Path::new(out).join(format!("part-{p:05}.jsonl"))).collect();
            let bytes = newsroom::Newsroom::new().write_parts(&paths, articles).expect("corpus written");
            println!("corpus: {articles} articles in {parts} files, {:.1} MB, in {out}", bytes as f64 / 1e6);
        }
        Some("attribution") => attribution(),
        Some("reuse") => reuse(articles),
        Some("export") => export(flag(&args, "--rows").unwrap_or(1_000_000)),
        Some("export-child") => export_child(&args[1..]),
        Some("tone") => tone(flag(&args, "--sentences").unwrap_or(10_000)),
        Some(other) => refuse(&format!("no command is called {other:?}")),
        None => refuse("name a command"),
    }
}

/// The Python that has the peers' packages: `$SOURCETRACE_PEER_PYTHON`, else
/// the virtual environment scripts/setup.sh makes, else `python3`.
fn peer_python() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("SOURCETRACE_PEER_PYTHON") {
        return p.into();
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/peer-python/bin/python");
    if venv.exists() {
        venv
    } else {
        "python3".into()
    }
}

/// The CPU time this process has used, user and system, in seconds: with
/// the wall time of a stage it says how many cores the stage kept busy,
/// which is what the pipelines of import and analysis are judged by on two
/// cores. `/proc` counts it in clock ticks of 1/100 s (`USER_HZ`, fixed at
/// 100 on Linux whatever the kernel's own tick).
fn cpu_seconds() -> Option<f64> {
    cpu_seconds_of("/proc/self/stat")
}

/// The same for the calling thread alone: the import's and the analysis's
/// writes run on it, and whether it is busy all the time says whether the
/// writes or the rest set the pace.
fn thread_cpu_seconds() -> Option<f64> {
    cpu_seconds_of("/proc/thread-self/stat")
}

fn cpu_seconds_of(stat: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat).ok()?;
    // The fields after the command name, which is in parentheses and may
    // hold spaces; utime and stime are the 14th and 15th of the line.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some((ticks(11)? + ticks(12)?) as f64 / 100.0)
}

/// Peak resident memory of this process so far, in KiB (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Prints the evaluation contract for each file, as `sourcetrace analyze
/// --format jsonl FILE...` does.
fn contract(files: &[String]) {
    let lexicon = sourcetrace_api::analysis::Lexicon::builtin();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for file in files {
        let result = sourcetrace_api::analysis::analyze_file(Path::new(file), &lexicon, None);
        serde_json::to_writer(&mut out, &result).expect("stdout");
        writeln!(out).expect("stdout");
    }
    out.flush().expect("stdout");
}

/// Prints every result of the full analysis of each file, so that a
/// change meant only for speed can be shown to change nothing.
fn dump(files: &[String]) {
    use sourcetrace_core::attribution::{self, Context, Reading};
    use sourcetrace_core::{credits, framing, tone};
    let lexicons = sourcetrace_api::Lexicons::builtin();
    let lexicon = &lexicons.attribution;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                writeln!(out, "{file}: {e}").expect("stdout");
                continue;
            }
        };
        let reading = Reading::new(&text, lexicon);
        let analysis = attribution::analyze_reading(&reading, lexicon, &Context::default());
        let entities = tone::entities_in(&analysis, &reading, lexicon);
        let engine = tone::ToneEngine::default();
        let figures = tone::article_tone_figures_in(&reading, &lexicons.tone, engine, &entities);
        let explained = tone::article_tone_in(&reading, &lexicons.tone, engine, &entities);
        let framing = framing::framing_in(&reading, &analysis, &lexicons.framing);
        let credits = credits::find_in(&reading, &text, &lexicon.gazetteer);
        writeln!(out, "== {file}\n{analysis:?}\n{entities:?}\n{figures:?}\n{explained:?}\n{framing:?}\n{credits:?}")
            .expect("stdout");
    }
    out.flush().expect("stdout");
}

/// Imports a generated corpus and, with `analyze`, analyses the library it
/// made, as `sourcetrace import` then `sourcetrace analyze` would. With
/// `json_out`, writes the figures there as one JSON object for the suite;
/// with `keep`, copies the library there.
fn import(articles: usize, analyze: bool, json_out: Option<&Path>, keep: Option<&Path>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = dir.path().join("corpus.jsonl");
    let generated = Instant::now();
    let bytes = write_corpus(&corpus, articles).expect("corpus written");
    println!(
        "corpus: {articles} articles, {:.1} MB of JSONL, generated in {:.1} s",
        bytes as f64 / 1e6,
        generated.elapsed().as_secs_f64()
    );
    let rss_before = peak_rss_kib().unwrap_or(0);
    let mut figures = serde_json::json!({"articles": articles, "mb": bytes as f64 / 1e6});

    let mut app = Sourcetrace::open(&dir.path().join("library.sqlite")).expect("library opens");
    let started = Instant::now();
    let cpu_started = cpu_seconds().unwrap_or(0.0);
    let writer_started = thread_cpu_seconds().unwrap_or(0.0);
    let mut near = 0usize;
    let summary = app
        .import(
            &ImportRequest::new(vec![corpus.clone()]),
            &mut |e| {
                if let ImportEvent::Imported { near_duplicates, .. } = e {
                    near += usize::from(!near_duplicates.is_empty());
                }
            },
            &AtomicBool::new(false),
        )
        .expect("import runs");
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - cpu_started;
    let writer = thread_cpu_seconds().unwrap_or(0.0) - writer_started;
    let rate = summary.imported as f64 / seconds;
    let db_size = std::fs::metadata(dir.path().join("library.sqlite")).map(|m| m.len()).unwrap_or(0);
    let import_peak = peak_rss_kib().unwrap_or(0);
    println!(
        "sourcetrace import: {} imported, {} duplicates, {} near-duplicates linked, {} failed",
        summary.imported, summary.duplicates, near, summary.failed
    );
    println!(
        "sourcetrace import: {seconds:.2} s, {rate:.0} articles/s, {:.1} MB/s, peak RSS {} MiB (before import {} MiB), library {:.0} MB",
        bytes as f64 / 1e6 / seconds,
        import_peak / 1024,
        rss_before / 1024,
        db_size as f64 / 1e6
    );
    println!(
        "sourcetrace import: CPU {cpu:.1} s, {:.2} cores busy on average; the writing thread {writer:.1} s ({:.0}% of the time)",
        cpu / seconds,
        100.0 * writer / seconds
    );
    figures["import_seconds"] = seconds.into();
    figures["import_cpu_seconds"] = cpu.into();
    figures["import_rate"] = rate.into();
    figures["import_peak_mib"] = (import_peak / 1024).into();
    if analyze {
        // Grouping stories is its own figure elsewhere; this one is the
        // analysis that fills the dashboard's tables.
        let request = sourcetrace_api::AnalyzeRequest { group_stories: false, ..Default::default() };
        let started = Instant::now();
        let cpu_started = cpu_seconds().unwrap_or(0.0);
        let writer_started = thread_cpu_seconds().unwrap_or(0.0);
        let analysed = app.analyze_library(&request, &mut |_, _| {}, &AtomicBool::new(false)).expect("analysis");
        let seconds = started.elapsed().as_secs_f64();
        let cpu = cpu_seconds().unwrap_or(0.0) - cpu_started;
        let writer = thread_cpu_seconds().unwrap_or(0.0) - writer_started;
        let text_mb = text_bytes(&corpus) as f64 / 1e6;
        println!(
            "sourcetrace analyze: {} articles, {} attributions in {seconds:.2} s, {:.0} articles/s, {:.1} MB/s of text, peak RSS {} MiB",
            analysed.analyzed,
            analysed.attributions,
            analysed.analyzed as f64 / seconds,
            text_mb / seconds,
            peak_rss_kib().unwrap_or(0) / 1024
        );
        println!(
            "sourcetrace analyze: CPU {cpu:.1} s, {:.2} cores busy on average; the writing thread {writer:.1} s ({:.0}% of the time)",
            cpu / seconds,
            100.0 * writer / seconds
        );
        figures["analyze_seconds"] = seconds.into();
        figures["analyze_cpu_seconds"] = cpu.into();
        figures["analyze_rate"] = (analysed.analyzed as f64 / seconds).into();
        figures["analyze_mbps"] = (text_mb / seconds).into();
    }
    figures["peak_mib"] = (peak_rss_kib().unwrap_or(0) / 1024).into();
    // Closing the library folds its write-ahead log into the file, so the
    // copy is whole.
    drop(app);
    if let Some(keep) = keep {
        std::fs::copy(dir.path().join("library.sqlite"), keep).expect("library copied");
        println!("library kept in {}", keep.display());
    }

    let peer_script = Path::new(env!("CARGO_MANIFEST_DIR")).join("peers/sqlite_fts_import.py");
    let peer = Command::new("python3").arg(&peer_script).arg(&corpus).arg(dir.path().join("peer.sqlite")).output();
    match peer {
        Ok(out) if out.status.success() => {
            let line = String::from_utf8_lossy(&out.stdout);
            let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap_or_default();
            let peer_seconds = v["seconds"].as_f64().unwrap_or(f64::NAN);
            let peer_rate = v["articles"].as_f64().unwrap_or(0.0) / peer_seconds;
            println!(
                "peer (python sqlite3 + FTS5, no analysis): {peer_seconds:.2} s, {peer_rate:.0} articles/s, peak RSS {} MiB",
                v["peak_rss_kib"].as_u64().unwrap_or(0) / 1024
            );
            println!("ratio sourcetrace / peer (articles/s): {:.2}", rate / peer_rate);
            figures["peer_rate"] = peer_rate.into();
        }
        Ok(out) => println!("peer failed: {}", String::from_utf8_lossy(&out.stderr).trim()),
        Err(e) => println!("peer skipped: python3 not available ({e})"),
    }
    if let Some(path) = json_out {
        std::fs::write(path, figures.to_string()).expect("figures written");
    }
}

/// The bytes of article text in a JSONL corpus, so that analysis speed is
/// in MB of text and not of JSON.
fn text_bytes(corpus: &Path) -> usize {
    use std::io::BufRead;
    let Ok(file) = std::fs::File::open(corpus) else { return 0 };
    std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .map(|v| v["text"].as_str().map_or(0, str::len))
        .sum()
}

/// A deterministic pseudo-random source (PCG-style LCG), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "TASS",
    "CGTN",
    "BBC",
    "Fox News",
    "The New York Times",
    "RT",
    "HuffPost",
    "Xinhua",
    "Local Courier",
    "Daily Mail",
];

const WORDS: &[&str] = &[
    "government",
    "minister",
    "officials",
    "talks",
    "border",
    "troops",
    "election",
    "voters",
    "court",
    "ruling",
    "company",
    "shares",
    "market",
    "inflation",
    "prices",
    "energy",
    "pipeline",
    "sanctions",
    "summit",
    "meeting",
    "president",
    "spokesman",
    "statement",
    "agency",
    "report",
    "video",
    "police",
    "protest",
    "city",
    "council",
    "budget",
    "parliament",
    "opposition",
    "party",
    "coalition",
    "vote",
    "law",
    "health",
    "hospital",
    "vaccine",
    "school",
    "teachers",
    "strike",
    "union",
    "workers",
    "wages",
    "factory",
    "exports",
    "grain",
    "harbour",
    "ships",
    "weather",
    "storm",
    "flood",
    "fire",
    "rescue",
    "army",
    "navy",
    "missile",
    "drone",
    "attack",
    "ceasefire",
    "negotiators",
    "diplomats",
    "embassy",
    "visa",
    "migrants",
    "refugees",
    "aid",
    "food",
    "water",
    "power",
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "that",
    "on",
    "for",
    "with",
    "was",
    "were",
    "said",
    "told",
    "would",
    "after",
    "before",
    "during",
    "while",
    "because",
    "despite",
    "new",
    "old",
    "first",
    "last",
    "more",
    "less",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Moscow",
    "Beijing",
    "Washington",
    "Kyiv",
    "Geneva",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 12 + rng.below(18);
    let mut s = String::new();
    for i in 0..n {
        let w = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|f| f.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    if rng.below(4) == 0 {
        s.push_str(", the spokesman said");
    }
    s.push('.');
    s
}

fn paragraphs(rng: &mut Rng) -> Vec<String> {
    let count = 6 + rng.below(14);
    (0..count).map(|_| (0..1 + rng.below(3)).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")).collect()
}

/// Writes the corpus and returns its size in bytes.
fn write_corpus(path: &Path, articles: usize) -> std::io::Result<u64> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut rng = Rng(0x5eed);
    let mut wire: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut written = 0u64;
    for i in 0..articles {
        let roll = rng.below(100);
        let outlet = OUTLETS[rng.below(OUTLETS.len())];
        let day = 1 + rng.below(28);
        let (title, body) = if roll < 6 && !wire.is_empty() {
            // Republished wire copy: a new headline, one paragraph cut.
            let mut paras = wire[rng.below(wire.len())].clone();
            if paras.len() > 3 {
                let cut = rng.below(paras.len());
                paras.remove(cut);
            }
            (format!("Republished story {i}"), paras.join("\n\n"))
        } else if roll < 7 && !lines.is_empty() {
            // An exact repeat of an earlier line, as a re-export would have.
            let line = lines[rng.below(lines.len())].clone();
            writeln!(out, "{line}")?;
            written += line.len() as u64 + 1;
            continue;
        } else {
            let paras = paragraphs(&mut rng);
            if outlet == "Reuters" || outlet == "Associated Press" {
                if wire.len() < 2000 {
                    wire.push(paras.clone());
                } else {
                    let slot = rng.below(wire.len());
                    wire[slot] = paras.clone();
                }
            }
            (format!("Story {i}: {}", sentence(&mut rng).trim_end_matches('.')), paras.join("\n\n"))
        };
        let line = serde_json::json!({
            "title": title,
            "outlet": outlet,
            "date": format!("2021-12-{day:02}"),
            "url": format!("https://example.org/{i}"),
            "text": body,
        })
        .to_string();
        writeln!(out, "{line}")?;
        written += line.len() as u64 + 1;
        if lines.len() < 1000 {
            lines.push(line);
        }
    }
    out.flush()?;
    Ok(written)
}

/// The texts the attribution benchmark runs over: PolNeAR train when the
/// evaluation data sits beside the project, else generated articles.
fn attribution_texts() -> (Vec<String>, String) {
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/polnear-train/text");
    if let Ok(entries) = std::fs::read_dir(&eval) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
        if !texts.is_empty() {
            return (texts, format!("PolNeAR train ({} texts)", paths.len()));
        }
    }
    println!("notice: ../shared/eval is absent; using a generated corpus instead of PolNeAR train");
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 800).expect("corpus written");
    let texts = std::fs::read_to_string(&corpus)
        .expect("corpus readable")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    (texts, "generated corpus (800 articles)".into())
}

fn attribution() {
    use sourcetrace_core::attribution::{analyze, Context, Lexicon};
    let (texts, name) = attribution_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    let lexicon = Lexicon::builtin();
    println!("lexicons built in {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    println!("corpus: {name}, {:.2} MB", bytes as f64 / 1e6);
    // One warm-up pass, then the best of five, so that the figure is the
    // engine's and not the page cache's, the allocator's first touch or a
    // neighbour on a shared machine.
    let mut found = 0;
    for text in &texts {
        found += analyze(text, &lexicon, &Context::default()).attributions.len();
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for text in &texts {
            std::hint::black_box(analyze(text, &lexicon, &Context::default()));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let single = bytes as f64 / 1e6 / best;
    println!("single thread: {single:.1} MB/s ({:.0} articles/s, {found} attributions)", texts.len() as f64 / best);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    std::thread::scope(|scope| {
        for part in texts.chunks(texts.len().div_ceil(threads)) {
            let lexicon = &lexicon;
            scope.spawn(move || {
                for text in part {
                    std::hint::black_box(analyze(text, lexicon, &Context::default()));
                }
            });
        }
    });
    let all = bytes as f64 / 1e6 / t.elapsed().as_secs_f64();
    println!("{threads} threads: {all:.1} MB/s ({:.1} MB/s per core)", all / threads as f64);

    // The peer runs in the same process right after, so that a busy shared
    // machine slows both alike and the ratio stays meaningful.
    let peer = RegexPeer::new();
    let mut peer_found = 0;
    for text in &texts {
        peer_found += peer.attributions(text).len();
    }
    let mut peer_best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for text in &texts {
            std::hint::black_box(peer.attributions(text));
        }
        peer_best = peer_best.min(t.elapsed().as_secs_f64());
    }
    let peer_single = bytes as f64 / 1e6 / peer_best;
    println!(
        "peer, ten-line regex baseline: {peer_single:.1} MB/s single thread ({peer_found} attributions); ours is {:.2}x its speed",
        single / peer_single
    );
    println!("goal: at least 20 MB/s on one thread");
}

/// The best of three timed passes of `score` over `sentences`, after one
/// warm-up, in sentences per second; and how many scored positive.
fn sentences_per_second(sentences: &[String], score: impl Fn(&str) -> f64) -> (f64, usize) {
    let positive = sentences.iter().filter(|s| score(s) >= 0.05).count();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for s in sentences {
            std::hint::black_box(score(s));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    (sentences.len() as f64 / best, positive)
}

fn tone(limit: usize) {
    use sourcetrace_core::tone::{article_tone, sentence_tone, ToneEngine, ToneLexicon};
    let (texts, name) = attribution_texts();
    let started = Instant::now();
    let news = ToneLexicon::builtin();
    let general = ToneLexicon::general();
    println!("tone lexicons built in {:.1} ms (both)", started.elapsed().as_secs_f64() * 1e3);
    let mut sentences: Vec<String> = Vec::new();
    for text in &texts {
        if sentences.len() >= limit {
            break;
        }
        sentences.extend(article_tone(text, &general, ToneEngine::Vader, &[]).sentences.into_iter().map(|s| s.text));
    }
    sentences.truncate(limit);
    let words: usize = sentences.iter().map(|s| sourcetrace_core::text::word_count(s)).sum();
    println!("corpus: {} sentences ({words} words) from {name}", sentences.len());
    println!("{:<40} {:>14} {:>10}", "engine", "sentences/s", "positive");
    let mut vader_rate = 0.0;
    for (label, lexicon) in [("", &general), (" + news overrides", &news)] {
        for engine in ToneEngine::ALL {
            let (rate, positive) = sentences_per_second(&sentences, |s| sentence_tone(s, lexicon, engine).score);
            if engine == ToneEngine::Vader && label.is_empty() {
                vader_rate = rate;
            }
            println!("{:<40} {rate:>14.0} {positive:>10}", format!("sourcetrace {}{label}", engine.as_str()));
        }
    }
    let reference = vader_parity::SentimentIntensityAnalyzer::new();
    let (rate, positive) = sentences_per_second(&sentences, |s| reference.polarity_scores(s).compound);
    println!("{:<40} {rate:>14.0} {positive:>10}", "vader-parity 0.1 (Rust, no explanation)");

    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("sentences.jsonl");
    let lines: Vec<String> = sentences.iter().map(|s| serde_json::to_string(s).expect("a string serializes")).collect();
    std::fs::write(&file, lines.join("\n")).expect("sentences written");
    let peer_script = Path::new(env!("CARGO_MANIFEST_DIR")).join("peers/vader_tone.py");
    match Command::new(peer_python()).arg(&peer_script).arg(&file).output() {
        Ok(out) if out.status.success() => {
            let v: serde_json::Value =
                serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap_or_default();
            let rate = v["sentences"].as_f64().unwrap_or(0.0) / v["seconds"].as_f64().unwrap_or(f64::NAN);
            println!("{:<40} {rate:>14.0} {:>10}", "python vaderSentiment 3.3.2", v["positive"].as_u64().unwrap_or(0));
            println!("ratio sourcetrace vader / python vaderSentiment (sentences/s): {:.1}", vader_rate / rate);
        }
        Ok(out) if out.status.code() == Some(3) => {
            println!("peer skipped: {} has no vaderSentiment (scripts/setup.sh installs it)", peer_python().display())
        }
        Ok(out) => println!("peer failed: {}", String::from_utf8_lossy(&out.stderr).trim()),
        Err(e) => println!("peer skipped: python3 not available ({e})"),
    }
}

/// The "ten-line regex" baseline of `../shared/eval/README.md`: a cue word
/// in a sentence, the word before it as the source and the rest of the
/// sentence as the content. It is the floor the engine's quality is judged
/// against, so its speed is the natural reference point for ours: every
/// run prints both, and the ratio survives a noisy machine.
struct RegexPeer {
    sentence: regex::Regex,
    cue: regex::Regex,
    word_before: regex::Regex,
}

/// One attribution of the peer: cue, source and content as code-point
/// spans, which is what the engine returns too.
type PeerAttribution = ((usize, usize), Option<(usize, usize)>, (usize, usize));

impl RegexPeer {
    fn new() -> RegexPeer {
        RegexPeer {
            sentence: regex::Regex::new(r"[^.!?\n]+[.!?]*").expect("sentence pattern"),
            cue: regex::Regex::new(
                r"(?i)\b(?:said|says|say|told|tells|according to|reported|reports|stated|added|claimed|announced)\b",
            )
            .expect("cue pattern"),
            word_before: regex::Regex::new(r"(\w+)\W*$").expect("word pattern"),
        }
    }

    fn attributions(&self, text: &str) -> Vec<PeerAttribution> {
        // Offsets only grow through a text, so one running count turns
        // bytes into code points without rescanning from the start.
        let (mut at_byte, mut at_point) = (0, 0);
        let mut points = |byte: usize| {
            at_point += text[at_byte..byte].chars().count();
            at_byte = byte;
            at_point
        };
        let mut out = Vec::new();
        for s in self.sentence.find_iter(text) {
            let Some(cue) = self.cue.find(s.as_str()) else { continue };
            let (cue_start, cue_end) = (s.start() + cue.start(), s.start() + cue.end());
            let source = self
                .word_before
                .captures(&text[s.start()..cue_start])
                .and_then(|c| c.get(1))
                .map(|w| (points(s.start() + w.start()), points(s.start() + w.end())));
            let cue = (points(cue_start), points(cue_end));
            out.push((cue, source, (cue.1, points(s.end()))));
        }
        out
    }
}

fn reuse(articles: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, articles).expect("corpus written");
    let text = std::fs::read_to_string(&corpus).expect("corpus readable");
    let lines: Vec<&str> = text.lines().collect();
    let mut app = Sourcetrace::open(&dir.path().join("library.sqlite")).expect("library opens");
    println!("reuse over a growing library of generated articles (6% republished wire copy)");
    let quarter = lines.len().div_ceil(4).max(1);
    let mut runs: Vec<(f64, f64)> = Vec::new();
    for (n, part) in lines.chunks(quarter).enumerate() {
        let file = dir.path().join(format!("part{n}.jsonl"));
        std::fs::write(&file, part.join("\n")).expect("part written");
        app.import(&ImportRequest::new(vec![file]), &mut |_| {}, &AtomicBool::new(false)).expect("import");
        let ids: Vec<i64> =
            app.list(&sourcetrace_api::ArticleFilter::default()).expect("list").into_iter().map(|a| a.id).collect();
        let started = Instant::now();
        let (mut syndicated, mut passages) = (0usize, 0usize);
        for id in &ids {
            let r = app.reuse(*id).expect("reuse");
            syndicated += usize::from(r.syndicated);
            passages += r.matches.iter().map(|m| m.passages.len()).sum::<usize>();
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "library {:>7} articles: reuse of every article {:>6.1} s ({:.3} ms/article), {syndicated} syndicated, {passages} passages",
            ids.len(),
            seconds,
            seconds * 1e3 / ids.len().max(1) as f64
        );
        runs.push((ids.len() as f64, seconds));
    }
    // The exponent k in time ~ articles^k between the first and the last
    // library: 1 is linear, 2 quadratic.
    if let (Some(&(n0, t0)), Some(&(n1, t1))) = (runs.first(), runs.last()) {
        if n1 > n0 && t0 > 0.0 {
            println!("growth: time ~ articles^{:.2} (1 is linear, 2 quadratic)", (t1 / t0).ln() / (n1 / n0).ln());
        }
    }
}

/// Attributions in each article the export benchmark generates.
const ATTRIBUTIONS_PER_ARTICLE: usize = 20;

/// An article of quotes and reported speech: every paragraph one
/// attribution, with a named, titled source the analysis types.
fn quoted_article(rng: &mut Rng, i: usize) -> String {
    const PEOPLE: &[&str] =
        &["Maria Lopez", "Ivan Petrov", "Chen Wei", "Amina Diallo", "John Smith", "Sara Cohen", "Ali Hassan"];
    const ROLES: &[&str] = &["a spokesman for the foreign ministry", "the interior minister", "a senior official"];
    (0..ATTRIBUTIONS_PER_ARTICLE)
        .map(|k| {
            let person = PEOPLE[rng.below(PEOPLE.len())];
            let role = ROLES[rng.below(ROLES.len())];
            let said = sentence(rng);
            match k % 3 {
                0 => format!("\u{201c}{}\u{201d} said {person}, {role}.", said.trim_end_matches('.')),
                1 => format!("{person}, {role}, said that {}", said.to_lowercase()),
                _ => format!("The talks would go on for day {i}, according to {person}."),
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn export(rows: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let articles = rows.div_ceil(ATTRIBUTIONS_PER_ARTICLE).max(10);
    let corpus = dir.path().join("quotes.jsonl");
    {
        let mut out = BufWriter::new(std::fs::File::create(&corpus).expect("corpus file"));
        let mut rng = Rng(0xe4907);
        for i in 0..articles {
            let line = serde_json::json!({
                "title": format!("Talks, day {i}"),
                "outlet": OUTLETS[i % OUTLETS.len()],
                // Ten days, so that the first one selects a tenth.
                "date": format!("2021-12-{:02}", 10 + i % 10),
                "text": quoted_article(&mut rng, i),
            });
            writeln!(out, "{line}").expect("corpus written");
        }
    }
    let library = dir.path().join("library.sqlite");
    let built = Instant::now();
    let mut app = Sourcetrace::open(&library).expect("library opens");
    app.import(&ImportRequest::new(vec![corpus]), &mut |_| {}, &AtomicBool::new(false)).expect("import");
    // Story grouping is not what this measures; it is left out so the
    // library of near-identical generated articles builds in minutes.
    let request = sourcetrace_api::AnalyzeRequest { group_stories: false, ..Default::default() };
    let analysed = app.analyze_library(&request, &mut |_, _| {}, &AtomicBool::new(false)).expect("analysis");
    drop(app);
    println!(
        "library: {articles} articles, {} attributions, built in {:.1} s",
        analysed.attributions,
        built.elapsed().as_secs_f64()
    );
    let me = std::env::current_exe().expect("own path");
    let child = |format: &str, until: &str| -> Option<serde_json::Value> {
        let out = dir.path().join(format!("out.{format}"));
        let result =
            Command::new(&me).args(["export-child", library.to_str()?, format, out.to_str()?, until]).output().ok()?;
        if !result.status.success() {
            println!("export {format} failed: {}", String::from_utf8_lossy(&result.stderr).trim());
            return None;
        }
        serde_json::from_slice(&result.stdout).ok()
    };
    for format in ["csv", "xlsx"] {
        for (label, until) in [("a tenth", "2021-12-10"), ("all", "")] {
            if let Some(v) = child(format, until) {
                let (n, s) = (v["rows"].as_f64().unwrap_or(0.0), v["seconds"].as_f64().unwrap_or(f64::NAN));
                println!(
                    "sourcetrace export {format:>4} ({label:>7}): {n:>9} rows in {s:>6.2} s ({:>9.0} rows/s), peak RSS {} MiB",
                    n / s,
                    v["peak_rss_kib"].as_u64().unwrap_or(0) / 1024
                );
            }
        }
    }
    let peer_script = Path::new(env!("CARGO_MANIFEST_DIR")).join("peers/sqlite_csv_export.py");
    let sql = sourcetrace_api::ExportTable::Attributions.sql().replace("{selection}", "");
    let peer =
        Command::new("python3").arg(&peer_script).arg(&library).arg(dir.path().join("peer.csv")).arg(&sql).output();
    match peer {
        Ok(out) if out.status.success() => {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            let (n, s) = (v["rows"].as_f64().unwrap_or(0.0), v["seconds"].as_f64().unwrap_or(f64::NAN));
            println!(
                "peer (python sqlite3 + csv, same query)  : {n:>9} rows in {s:>6.2} s ({:>9.0} rows/s), peak RSS {} MiB",
                n / s,
                v["peak_rss_kib"].as_u64().unwrap_or(0) / 1024
            );
        }
        Ok(out) => println!("peer failed: {}", String::from_utf8_lossy(&out.stderr).trim()),
        Err(e) => println!("peer skipped: python3 not available ({e})"),
    }
    println!("goal: memory stays flat from a tenth to all of the rows");
}

/// The child of `export`: one export, then its figures as one JSON line.
fn export_child(args: &[String]) {
    let [library, format, out, until] = args else {
        eprintln!("usage: sourcetrace-bench export-child LIBRARY FORMAT OUT UNTIL");
        std::process::exit(2);
    };
    let app = Sourcetrace::open(Path::new(library)).expect("library opens");
    let format = if format == "xlsx" { ExportFormat::Xlsx } else { ExportFormat::Csv };
    let filter =
        sourcetrace_api::ArticleFilter { until: (!until.is_empty()).then(|| until.clone()), ..Default::default() };
    let request = ExportRequest { tables: vec![sourcetrace_api::ExportTable::Attributions], format, filter };
    let started = Instant::now();
    let summary = app.export_to_path(&request, Path::new(out), &mut |_| {}, &AtomicBool::new(false)).expect("export");
    println!(
        "{}",
        serde_json::json!({
            "rows": summary.tables[0].rows,
            "seconds": started.elapsed().as_secs_f64(),
            "peak_rss_kib": peak_rss_kib(),
        })
    );
}
