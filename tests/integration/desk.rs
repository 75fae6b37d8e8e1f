//! The commands the window and the web mode share, on a real library: the
//! figures they show agree with the tallies, every figure's evidence lists
//! exactly what it counted, and the web mode refuses what it must.

use crate::support::{root, sample_article};
use serde_json::{json, Value};
use sourcetrace_desk::{commands, Desk};
use std::io::{Read, Write};
use std::net::TcpStream;

fn call(desk: &Desk, command: &str, args: Value) -> Value {
    commands::call(desk, command, args).unwrap_or_else(|e| panic!("{command}: {}", e.message))
}

/// A desk over a fresh library holding the given texts, imported and
/// analysed by an import job as the window does it.
fn desk_with(texts: &[(&str, &str)]) -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("library.sqlite")).unwrap();
    let mut paths = Vec::new();
    for (name, text) in texts {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path.display().to_string());
    }
    if let Some(sample) = sample_article() {
        paths.push(sample.display().to_string());
    }
    let job = call(&desk, "import_paths", json!({ "paths": paths }));
    let done = desk.wait(job["id"].as_u64().unwrap());
    assert!(done.error.is_none(), "{:?}", done.error);
    assert!(done.finished && !done.cancelled);
    (dir, desk)
}

const WIRE: &str = "Port strike ends after talks\n\nLONDON (Reuters) - Dock workers ended their strike on Monday, \
union leaders said, after officials agreed to a new contract. \"We got what we came for,\" said Mary Ellis, a union steward.\n\n\
(Reporting by Tom Hale; Editing by Anna Price)\n";
const STATE: &str = "Officials welcome deal\n\nTASS reported on Monday that the deal was signed, citing a statement \
released by the ministry. A source familiar with the talks said more meetings were planned.\n";

#[test]
fn the_table_pages_sorts_and_searches_in_sql() {
    let (_dir, desk) = desk_with(&[("wire.txt", WIRE), ("state.txt", STATE)]);
    let all = call(&desk, "articles", json!({}));
    let total = all["total"].as_i64().unwrap();
    assert!(total >= 2);
    let page =
        call(&desk, "articles", json!({ "filter": { "limit": 1, "offset": 1 }, "sort": "title", "descending": false }));
    assert_eq!(page["total"].as_i64().unwrap(), total, "the total counts the whole selection, not the page");
    assert_eq!(page["rows"].as_array().unwrap().len(), 1);
    let by_title = call(&desk, "articles", json!({ "sort": "title", "descending": false }));
    let titles: Vec<&str> = by_title["rows"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap()).collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
    let hits = call(&desk, "articles", json!({ "filter": { "search": "strike" } }));
    assert_eq!(hits["total"], 1);
    assert!(hits["rows"][0]["snippet"].as_str().unwrap().contains('\u{2}'), "matches are marked in the snippet");
    let error = commands::call(&desk, "articles", json!({ "filter": { "search": "AND AND" } })).unwrap_err();
    assert_eq!(error.code, sourcetrace_api::ErrorCode::BadQuery);
    assert!(error.message.contains("double quotes"), "{}", error.message);
    let unknown = commands::call(&desk, "drop_tables", json!({})).unwrap_err();
    assert!(unknown.message.contains("no command"), "{}", unknown.message);
    let bad = commands::call(&desk, "article", json!({ "id": "seven" })).unwrap_err();
    assert!(bad.message.contains("arguments of article"), "{}", bad.message);
}

#[test]
fn every_dashboard_figure_opens_exactly_the_attributions_it_counts() {
    let (_dir, desk) = desk_with(&[("wire.txt", WIRE), ("state.txt", STATE)]);
    let board = call(&desk, "dashboard", json!({}));
    let sourcing = board["sourcing"].as_array().unwrap();
    assert!(!sourcing.is_empty());
    let mut checked = 0;
    for outlet in sourcing {
        let mut sum = 0.0;
        for share in outlet["types"].as_array().unwrap() {
            let evidence = call(
                &desk,
                "evidence",
                json!({ "outlet_name": outlet["outlet"], "source_type": share["source_type"], "limit": 500 }),
            );
            assert_eq!(evidence["total"], share["attributions"], "{} {}", outlet["outlet"], share["source_type"]);
            assert_eq!(evidence["rows"].as_array().unwrap().len() as i64, share["attributions"].as_i64().unwrap());
            for row in evidence["rows"].as_array().unwrap() {
                assert_eq!(row["outlet"], outlet["outlet"]);
                let found = row["attribution"]["source"]["type"].as_str().unwrap_or("unknown");
                assert_eq!(found, share["source_type"].as_str().unwrap());
            }
            sum += share["share"].as_f64().unwrap();
            checked += 1;
        }
        assert!((sum - 1.0).abs() < 1e-9, "an outlet's shares add up to 1: {sum}");
    }
    assert!(checked >= 3, "only {checked} bars checked");
    // A heatmap cell opens the articles crediting the agency: across the
    // outlets, as many as the cells of that agency count.
    let cells = board["credits"]["cells"].as_array().unwrap();
    let reuters: i64 = cells.iter().filter(|c| c["agency"] == "Reuters").map(|c| c["articles"].as_i64().unwrap()).sum();
    assert!(reuters >= 1, "the Reuters credit is tallied: {cells:?}");
    let page = call(&desk, "articles", json!({ "filter": { "agency": "Reuters" } }));
    assert_eq!(page["total"].as_i64().unwrap(), reuters);
    let none = call(&desk, "articles", json!({ "filter": { "agency": "No Such Agency" } }));
    assert_eq!(none["total"], 0);
}

#[test]
fn a_correction_through_the_desk_changes_the_dashboard() {
    let (_dir, desk) = desk_with(&[("state.txt", STATE)]);
    let page = call(&desk, "articles", json!({ "filter": { "search": "title:welcome" } }));
    let id = page["rows"][0]["id"].as_i64().unwrap();
    let view = call(&desk, "article", json!({ "id": id }));
    let anonymous = view["analysis"]["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source"]["type"] == "anonymous")
        .expect("the state article cites an anonymous source")
        .clone();
    let outlet = page["rows"][0]["outlet"].as_str().unwrap_or("(no outlet)").to_string();
    let share_of = |desk: &Desk, kind: &str| -> i64 {
        let board = call(desk, "dashboard", json!({}));
        let row =
            board["sourcing"].as_array().unwrap().iter().find(|o| o["outlet"] == outlet.as_str()).unwrap().clone();
        row["types"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["source_type"] == kind)
            .map_or(0, |t| t["attributions"].as_i64().unwrap())
    };
    let before = share_of(&desk, "official");
    let after_analysis =
        call(&desk, "correct", json!({ "attribution_id": anonymous["id"], "source_type": "official" }));
    let corrected = after_analysis["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["cue"]["start"] == anonymous["cue"]["start"])
        .unwrap()
        .clone();
    assert_eq!(corrected["source"]["type"], "official");
    assert!(corrected["corrected"].is_object(), "the row says a person decided: {corrected}");
    assert_eq!(share_of(&desk, "official"), before + 1);
    let listed = call(&desk, "corrections", json!({ "article_id": id }));
    let correction = listed[0]["id"].as_i64().unwrap();
    call(&desk, "undo_correction", json!({ "id": correction }));
    assert_eq!(share_of(&desk, "official"), before);
}

#[test]
fn pasted_text_and_the_demo_import_as_jobs_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("library.sqlite")).unwrap();
    let empty = commands::call(&desk, "import_text", json!({ "text": "   " })).unwrap_err();
    assert!(empty.message.contains("paste"), "{}", empty.message);
    let job = call(&desk, "import_text", json!({ "text": STATE }));
    let done = desk.wait(job["id"].as_u64().unwrap());
    assert_eq!(done.counts.iter().find(|(k, _)| k == "imported").map(|(_, n)| *n), Some(1));
    let demo = call(&desk, "import_demo", json!({}));
    let done = desk.wait(demo["id"].as_u64().unwrap());
    assert!(done.error.is_none(), "{:?}", done.error);
    let collections = call(&desk, "collections", json!({}));
    assert_eq!(collections[0]["name"], commands::DEMO_COLLECTION);
    // Nothing staged is left beside the library.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".incoming"))
        .collect();
    assert!(leftovers.is_empty(), "staged uploads were left behind");
    // A cancelled job stops and says so; what it committed stays.
    let many: Vec<String> = (0..400)
        .map(|n| {
            let path = dir.path().join(format!("a{n}.txt"));
            std::fs::write(&path, format!("Story {n}\n\nThe mayor said on Monday that item {n} was ready.")).unwrap();
            path.display().to_string()
        })
        .collect();
    let job = call(&desk, "import_paths", json!({ "paths": many }));
    call(&desk, "cancel_job", json!({ "id": job["id"] }));
    let done = desk.wait(job["id"].as_u64().unwrap());
    assert!(done.finished && done.cancelled && done.error.is_none(), "{done:?}");
}

fn http(addr: std::net::SocketAddr, request: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, response)
}

#[test]
fn the_web_mode_serves_commands_only_to_its_own_pages() {
    let ui = root().join("ui/dist");
    if !ui.join("index.html").exists() {
        eprintln!("skipping: ui/dist is not built (npm run build)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("library.sqlite")).unwrap();
    let server = sourcetrace_web::Server::bind(desk, sourcetrace_web::ServeOptions::local(0, ui)).unwrap();
    let addr = server.local_addr();
    std::thread::spawn(move || server.run());
    let host = format!("127.0.0.1:{}", addr.port());

    let (status, page) = http(addr, &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
    assert_eq!(status, 200);
    assert!(page.contains("Content-Security-Policy: default-src 'self'; script-src 'self';"), "{page}");
    let body = "{}";
    let post = |host: &str, content_type: &str, origin: &str| {
        http(
            addr,
            &format!(
                "POST /api/library_info HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n{origin}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
    };
    let (status, answer) = post(&host, "application/json", "");
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("\"articles\":0"), "{answer}");
    // Another site's form (text/plain), another site's script (Origin) and
    // a rebinding host name are all refused.
    assert_eq!(post(&host, "text/plain", "").0, 415);
    assert_eq!(post(&host, "application/json", "Origin: https://evil.example\r\n").0, 403);
    assert_eq!(post(&format!("evil.example:{}", addr.port()), "application/json", "").0, 421);
    let (status, _) = http(addr, &format!("GET /../Cargo.toml HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
    assert_eq!(status, 404, "no file outside the UI folder is served");
}
