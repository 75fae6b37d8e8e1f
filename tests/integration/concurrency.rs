//! The window and the web mode on one library at once: two imports (one
//! from each), analyses started from both, an export, and readers in both
//! browsing the table, the dashboard and the evidence the whole time.
//!
//! It must lose nothing (every article once, every analysis current,
//! SQLite's integrity and foreign-key checks clean), answer every read
//! without an error, and deadlock nowhere: every job and reader has a
//! deadline, and missing it fails the test with what was still running.

use crate::support::{prose, root};
use serde_json::{json, Value};
use sourcetrace_desk::{commands, Desk};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Articles in each of the three import files.
const PER_FILE: usize = 250;
/// Everything must be done by then; a deadlock shows as missing it.
const DEADLINE: Duration = Duration::from_secs(600);

/// A JSONL file of `PER_FILE` distinct articles: outlets, dates, a named
/// official, a wire dateline on some, and prose so that texts differ.
fn corpus(dir: &Path, part: usize) -> PathBuf {
    let outlets = ["Daily Herald", "Valley News", "Metro Times", "TASS"];
    let lines: Vec<String> = (0..PER_FILE)
        .map(|i| {
            let n = part * PER_FILE + i;
            let dateline = if n.is_multiple_of(3) { "GENEVA (Reuters) - " } else { "" };
            json!({
                "outlet": outlets[n % outlets.len()],
                "title": format!("Harbour talks, report {n}"),
                "date": format!("2022-03-{:02}", n % 28 + 1),
                "text": format!(
                    "{dateline}Talks on the harbour entered round {n}, officials said.\n\n\
                     \"We will stay at the table,\" said Ivan Petrov, a spokesman for the ministry.\n\n{}",
                    prose(n as u64 + 7, 50)
                ),
            })
            .to_string()
        })
        .collect();
    let path = dir.join(format!("part-{part}.jsonl"));
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

/// A POST to the web mode, as its own pages make it.
fn post(addr: SocketAddr, command: &str, body: &Value) -> Result<Value, String> {
    let body = body.to_string();
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
    let request = format!(
        "POST /api/{command} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        addr.port(),
        body.len()
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    // Read bytes, not text: a chunk boundary may fall inside a character of
    // more than one byte, so only the body without its chunk framing is
    // UTF-8 (reading the stream as text failed on such a split).
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(|e| format!("{command}: {e}"))?;
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| format!("{command}: no response"))?;
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let body = &response[split + 4..];
    let status = head.split(' ').nth(1).unwrap_or("");
    let payload = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        dechunk(body).ok_or_else(|| format!("{command}: a broken chunked body"))?
    } else {
        body.to_vec()
    };
    let payload = String::from_utf8(payload).map_err(|e| format!("{command}: the body is not UTF-8: {e}"))?;
    let short = |text: &str| text.chars().take(300).collect::<String>();
    if status != "200" {
        return Err(format!("{command}: HTTP {status}: {}", short(&payload)));
    }
    serde_json::from_str(&payload).map_err(|e| format!("{command}: {e}: {}", short(&payload)))
}

/// The body of a chunked response, without its framing.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line = body.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&body[..line]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        let rest = &body[line + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        body = rest.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

/// Waits for a job of either side, failing at the deadline with its state.
fn finish(job: &Value, status: impl Fn(u64) -> Result<Value, String>, started: Instant) -> Value {
    let id = job["id"].as_u64().unwrap();
    loop {
        let now = status(id).unwrap_or_else(|e| panic!("job {id}: {e}"));
        if now["finished"] == true {
            assert!(now["error"].is_null(), "job {id} failed: {now}");
            return now;
        }
        assert!(started.elapsed() < DEADLINE, "job {id} still running at the deadline (a deadlock?): {now}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_window_and_the_web_mode_import_analyse_export_and_browse_at_once() {
    let ui = root().join("ui/dist");
    if !ui.join("index.html").exists() {
        println!("notice: ui/dist is not built (npm run build); skipped the concurrency test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.sqlite");
    let parts: Vec<PathBuf> = (0..3).map(|p| corpus(dir.path(), p)).collect();

    // The window's desk and the web mode's own, as two processes would
    // have: separate connections to one file.
    let window = Arc::new(Desk::open(&library).unwrap());
    let server =
        sourcetrace_web::Server::bind(Desk::open(&library).unwrap(), sourcetrace_web::ServeOptions::local(0, ui))
            .unwrap();
    let addr = server.local_addr();
    std::thread::spawn(move || server.run());
    let started = Instant::now();
    let window_job = |id: u64| -> Result<Value, String> {
        commands::call(&window, "job", json!({ "id": id })).map_err(|e| e.message)
    };
    let web_job = |id: u64| post(addr, "job", &json!({ "id": id }));

    // Readers on both sides, for as long as the writers run.
    let done = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(Mutex::new(Vec::<String>::new()));
    let most_seen = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..2)
        .map(|side| {
            let (done, reads, errors, most_seen, window) =
                (done.clone(), reads.clone(), errors.clone(), most_seen.clone(), window.clone());
            std::thread::spawn(move || {
                let sorts = ["published", "outlet", "attributions", "state_media", "transparency"];
                let mut round = 0usize;
                let mut last_count = 0usize;
                while !done.load(Ordering::SeqCst) && started.elapsed() < DEADLINE {
                    let requests = [
                        (
                            "articles",
                            json!({ "filter": { "offset": round % 3 * 100 }, "sort": sorts[round % sorts.len()] }),
                        ),
                        ("dashboard", json!({})),
                        ("evidence", json!({ "source_type": "official", "limit": 20 })),
                        ("library_info", json!({})),
                        ("articles", json!({ "filter": { "search": "harbour", "outlets": ["TASS"] } })),
                    ];
                    for (command, args) in requests {
                        let answer = if side == 0 {
                            commands::call(&window, command, args).map_err(|e| format!("{command}: {}", e.message))
                        } else {
                            post(addr, command, &args)
                        };
                        match answer {
                            Ok(value) => {
                                reads.fetch_add(1, Ordering::SeqCst);
                                if command == "library_info" {
                                    let n = value["articles"].as_u64().unwrap() as usize;
                                    // Each reader's count never goes down: nothing
                                    // committed is lost. (Two readers can finish out of
                                    // order, so only a reader's own reads are compared.)
                                    if n < last_count {
                                        errors.lock().unwrap().push(format!("articles went from {last_count} to {n}"));
                                    }
                                    last_count = n;
                                    most_seen.fetch_max(n, Ordering::SeqCst);
                                }
                            }
                            Err(e) => errors.lock().unwrap().push(e),
                        }
                    }
                    round += 1;
                }
            })
        })
        .collect();

    // Writers: an import from each side, analyses from each side while
    // they run, an export from the window, then a third import that
    // repeats the first file.
    let first = commands::call(&window, "import_paths", json!({ "paths": [parts[0]] })).unwrap();
    let second = post(addr, "import_paths", &json!({ "paths": [parts[1]] })).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let web_analysis = post(addr, "analyze", &json!({ "force": false })).unwrap();
    let window_analysis = commands::call(&window, "analyze", json!({ "force": false })).unwrap();
    // The export starts once some articles are in, while the imports go on.
    while most_seen.load(Ordering::SeqCst) == 0 {
        assert!(started.elapsed() < DEADLINE, "no article was committed by the deadline");
        std::thread::sleep(Duration::from_millis(20));
    }
    let export_to = dir.path().join("export");
    let request = sourcetrace_api::ExportRequest {
        tables: vec![sourcetrace_api::ExportTable::Articles, sourcetrace_api::ExportTable::Attributions],
        format: sourcetrace_api::ExportFormat::Csv,
        filter: Default::default(),
    };
    let export = serde_json::to_value(window.export(request, export_to.clone()).unwrap()).unwrap();
    let third = commands::call(&window, "import_paths", json!({ "paths": [parts[2], parts[0]] })).unwrap();

    let first = finish(&first, window_job, started);
    let second = finish(&second, web_job, started);
    let third = finish(&third, window_job, started);
    finish(&web_analysis, web_job, started);
    finish(&window_analysis, window_job, started);
    let export = finish(&export, window_job, started);
    // What the imports committed last is analysed by one more pass, as the
    // window does after an import.
    let last = commands::call(&window, "analyze", json!({ "force": false })).unwrap();
    finish(&last, window_job, started);
    done.store(true, Ordering::SeqCst);
    for reader in readers {
        reader.join().unwrap();
    }

    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "{} reads failed, the first: {:?}", errors.len(), &errors[..errors.len().min(5)]);
    let reads = reads.load(Ordering::SeqCst);
    assert!(reads >= 20, "only {reads} reads ran during the writes");

    // Nothing lost and nothing twice: each article once, the repeated file
    // counted as duplicates, every analysis current.
    let info = commands::call(&window, "library_info", json!({})).unwrap();
    assert_eq!(info["articles"], 3 * PER_FILE, "{info}");
    assert_eq!(info["analysis"]["stale"], 0, "{info}");
    assert_eq!(info["analysis"]["current"], 3 * PER_FILE, "{info}");
    let imported = |job: &Value| job["result"]["import"]["imported"].as_u64().unwrap() as usize;
    assert_eq!(imported(&first) + imported(&second) + imported(&third), 3 * PER_FILE, "{first}\n{second}\n{third}");
    assert_eq!(third["result"]["import"]["duplicates"], PER_FILE, "the repeated file is recognised: {third}");
    let conn = rusqlite::Connection::open(&library).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0);
    let distinct: i64 = conn.query_row("SELECT count(DISTINCT content_hash) FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(distinct as usize, 3 * PER_FILE);

    // The export is one consistent snapshot: each article once, and every
    // attribution row belongs to an exported article.
    assert!(export["result"]["files"].as_array().is_some_and(|f| f.len() == 2), "{export}");
    let ids = |file: &str, column: &str| -> Vec<i64> {
        let mut reader = csv::Reader::from_path(export_to.join(file)).unwrap();
        let at = reader.headers().unwrap().iter().position(|h| h == column).unwrap();
        reader.records().map(|r| r.unwrap()[at].parse().unwrap()).collect()
    };
    let articles = ids("articles.csv", "id");
    let unique: BTreeSet<i64> = articles.iter().copied().collect();
    assert_eq!(unique.len(), articles.len(), "an article exported twice");
    assert!(!articles.is_empty(), "the export ran after the first commits: {export}");
    assert!(ids("attributions.csv", "article_id").iter().all(|id| unique.contains(id)));
    println!(
        "concurrency: {} articles, {reads} reads from both sides, {} articles in the export, in {:.1} s",
        3 * PER_FILE,
        articles.len(),
        started.elapsed().as_secs_f64()
    );
}
