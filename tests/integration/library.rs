//! The library file: migrations, idempotent imports, near-duplicates,
//! search, filters, collections and cancellation (kills are in `crash.rs`).

use crate::support::{prose, run_cli, TempLibrary};
use sourcetrace_api::{ArticleFilter, ErrorCode, Sourcetrace};
use sourcetrace_store::migrate;

const WIRE: &str = "MOSCOW (AP) — Russian President Vladimir Putin told U.S. President Joe Biden that he would really like to meet him in person, Russian media reported on Sunday. The two leaders spoke by video link earlier this month amid tensions along the Russian-Ukrainian border. Kremlin spokesman Dmitry Peskov said it was too early to talk about a face-to-face meeting, calling it a question for the future. Peskov said Putin had no particular grounds for optimism after the call because of serious differences over Moscow's red lines.";

fn article(title: &str, outlet: &str, date: &str, body: &str) -> String {
    serde_json::json!({"title": title, "outlet": outlet, "date": date, "text": body}).to_string()
}

#[test]
fn migrating_twice_changes_nothing_and_newer_files_are_refused() {
    let lib = TempLibrary::new();
    let path = lib.path();
    drop(lib.app);
    for _ in 0..2 {
        let app = Sourcetrace::open(&path).unwrap();
        assert_eq!(app.info().unwrap().schema_version, migrate::LATEST);
    }
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrate::run(&mut conn, &path).unwrap();
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| r.get(0)).unwrap();
    migrate::run(&mut conn, &path).unwrap();
    let again: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, again);
    let journal: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(journal, "wal");
    let app = Sourcetrace::open(&path).unwrap();
    let fk: i64 = app.library().connection().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    drop(app);

    conn.pragma_update(None, "user_version", migrate::LATEST + 1).unwrap();
    drop(conn);
    let err = Sourcetrace::open(&path).err().expect("a newer schema is refused");
    assert_eq!(err.code, ErrorCode::NewerLibrary);
    assert!(err.message.contains("newer Sourcetrace"), "{}", err.message);
}

#[test]
fn reimporting_adds_nothing_and_names_the_original() {
    let mut lib = TempLibrary::new();
    let path = lib.write("a.jsonl", format!("{}\n{}\n", article("One", "AP", "2021-12-12", WIRE), article("Two", "Reuters", "2021-12-13", "A different story entirely, about interest rates and the central bank's decision on Wednesday to hold them steady.")));
    let (first, _) = lib.import(std::slice::from_ref(&path));
    assert_eq!((first.imported, first.duplicates), (2, 0));
    let (second, events) = lib.import(&[path]);
    assert_eq!((second.imported, second.duplicates, second.failed), (0, 2, 0));
    let ids: Vec<i64> = events
        .iter()
        .filter_map(|e| match e {
            sourcetrace_api::ImportEvent::Duplicate { of, .. } => Some(*of),
            _ => None,
        })
        .collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(lib.app.info().unwrap().articles, 2);
    let runs = lib.app.import_runs().unwrap();
    assert_eq!(runs.len(), 2);
    assert!(runs.iter().all(|r| r.status == "completed"));
}

#[test]
fn republished_wire_copy_is_linked_not_dropped() {
    let mut lib = TempLibrary::new();
    let republished = WIRE.replace("MOSCOW (AP) — ", "").replace(" Peskov said Putin had no particular grounds for optimism after the call because of serious differences over Moscow's red lines.", "");
    let unrelated = "The city council voted on Thursday to expand the bus network to the northern suburbs, after a two-year study found that commuters there spent an average of ninety minutes a day travelling to work and back.";
    let path = lib.write(
        "wire.jsonl",
        format!(
            "{}\n{}\n{}\n",
            article("Putin wants to meet Biden", "Associated Press", "2021-12-12", WIRE),
            article("Putin would really like to meet Biden, Kremlin says", "Daily Mail", "2021-12-12", &republished),
            article("Buses for the north", "The Guardian", "2021-12-12", unrelated)
        ),
    );
    let (summary, _) = lib.import(&[path]);
    assert_eq!(summary.imported, 3);
    let original = lib.app.show(1).unwrap();
    assert_eq!(original.near_duplicates.len(), 1);
    assert_eq!(original.near_duplicates[0].id, 2);
    assert_eq!(original.near_duplicates[0].outlet.as_deref(), Some("Daily Mail"));
    assert!(original.near_duplicates[0].similarity >= 0.5);
    assert!(lib.app.show(3).unwrap().near_duplicates.is_empty());
}

#[test]
fn search_ranks_snippets_and_explains_syntax_errors() {
    let mut lib = TempLibrary::new();
    let path = lib.write(
        "s.jsonl",
        format!(
            "{}\n{}\n",
            article("Kremlin on talks", "TASS", "2021-12-12", WIRE),
            article(
                "Bridge opens",
                "BBC",
                "2021-12-14",
                "The mayor said the bridge would open in spring, and that the Kremlin had nothing to do with it."
            )
        ),
    );
    lib.import(&[path]);
    let found = lib.app.search("Kremlin", &ArticleFilter::default()).unwrap();
    assert_eq!(found.ranked_among, None, "every match of a small library is ranked");
    let hits = found.hits;
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].title.as_deref(), Some("Kremlin on talks"), "a title match ranks first");
    assert!(hits[0].snippet.contains("\u{2}Kremlin\u{3}"));
    let phrase = lib.app.search("\"red lines\"", &ArticleFilter::default()).unwrap();
    assert_eq!(phrase.hits.len(), 1);
    let filtered = lib.app.search("kremlin", &ArticleFilter::outlet("BBC")).unwrap();
    assert_eq!(filtered.hits.len(), 1);
    for bad in ["\"unterminated", "Peskov AND", "(a OR b", "NEAR(", "nosuchcolumn:x", "*"] {
        let err = lib.app.search(bad, &ArticleFilter::default()).expect_err(bad);
        assert_eq!(err.code, ErrorCode::BadQuery, "{bad}: {}", err.message);
        assert!(err.message.starts_with("cannot search for"), "{bad}: {}", err.message);
    }
    let (code, _, stderr) = run_cli(&lib.path(), &["search", "Peskov AND"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: cannot search for"), "{stderr}");
}

#[test]
fn filters_by_outlet_date_range_and_collection() {
    let mut lib = TempLibrary::new();
    let lines: Vec<String> = (1..=6)
        .map(|d| {
            article(
                &format!("Day {d}"),
                if d % 2 == 0 { "RT" } else { "CGTN" },
                &format!("2021-12-0{d}T10:00"),
                &format!("Story number {d}. {}", prose(d, 80)),
            )
        })
        .collect();
    let path = lib.write("d.jsonl", lines.join("\n"));
    lib.import(&[path]);
    let titles = |app: &Sourcetrace, f: ArticleFilter| -> Vec<String> {
        app.list(&f).unwrap().into_iter().map(|a| a.title.unwrap()).collect()
    };
    assert_eq!(titles(&lib.app, ArticleFilter::outlet("rt")), ["Day 6", "Day 4", "Day 2"]);
    assert_eq!(
        titles(
            &lib.app,
            ArticleFilter { since: Some("2021-12-02".into()), until: Some("2021-12-03".into()), ..Default::default() }
        ),
        ["Day 3", "Day 2"]
    );
    assert_eq!(titles(&lib.app, ArticleFilter { limit: Some(2), ..Default::default() }), ["Day 6", "Day 5"]);
    lib.app.add_to_collection("Border crisis", &[1, 3]).unwrap();
    assert_eq!(
        titles(&lib.app, ArticleFilter { collection: Some("border crisis".into()), ..Default::default() }),
        ["Day 3", "Day 1"]
    );
    assert_eq!(lib.app.collections().unwrap()[0].articles, 2);
    let err = lib.app.add_to_collection("Border crisis", &[99]).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = lib.app.list(&ArticleFilter { since: Some("12/01/2021".into()), ..Default::default() }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

/// The API's cancellation stops an import between batches, keeps what was
/// committed, records the run as cancelled, and a second run completes it.
#[test]
fn a_cancelled_import_keeps_its_batches_and_resumes() {
    let mut lib = TempLibrary::new();
    let total = 3000;
    let lines: Vec<String> = (0..total)
        .map(|i| article(&format!("Item {i}"), "Reuters", "2021-12-12", &prose(10_000 + i as u64, 120)))
        .collect();
    let corpus = lib.write("c.jsonl", lines.join("\n"));
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut progress_events = 0;
    let summary = lib
        .app
        .import(
            &sourcetrace_api::ImportRequest {
                batch_units: 256,
                ..sourcetrace_api::ImportRequest::new(vec![corpus.clone()])
            },
            &mut |e| {
                if let sourcetrace_api::ImportEvent::Progress(p) = e {
                    progress_events += 1;
                    assert!(p.bytes_done <= p.bytes_total);
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap();
    assert!(summary.cancelled);
    assert!(progress_events >= 1);
    assert!(summary.imported > 0 && summary.imported < total as u64, "{summary:?}");
    assert_eq!(lib.app.import_runs().unwrap()[0].status, "cancelled");
    assert_eq!(lib.app.info().unwrap().articles, summary.imported as i64);
    let err = Sourcetrace::open(&lib.dir.path().join("input/c.jsonl/library.sqlite")).err().unwrap();
    assert_eq!(err.code, ErrorCode::Io, "{}", err.message);

    let (second, _) = lib.import(&[corpus]);
    assert!(!second.cancelled);
    assert_eq!(second.imported + second.duplicates, total as u64);
    assert_eq!(second.duplicates, summary.imported);
    assert_eq!(lib.app.info().unwrap().articles, total as i64);
}

/// A word in more articles than relevance ranks: the hits are the best of
/// the most recently imported matches, the answer says so, and the count
/// stays exact. A filter narrows the matches, and then all are ranked.
#[test]
fn a_search_with_more_matches_than_are_ranked_ranks_the_newest_and_says_so() {
    use sourcetrace_api::{ArticleQuery, ArticleSort, RANKED_MATCHES};
    let mut lib = TempLibrary::new();
    // The best match of all comes first, so it is the oldest.
    let mut lines =
        vec![article("Ballot, ballot, ballot", "Old Gazette", "2020-01-01", "Ballot ballot ballot ballot.")];
    let others = RANKED_MATCHES + 20;
    lines.extend((0..others).map(|i| {
        article(&format!("District {i}"), "Daily", "2021-03-01", &format!("The ballot count in district {i} went on."))
    }));
    lines.push(article("Weather", "Daily", "2021-03-02", "Rain is expected on Tuesday."));
    lib.import(&[lib.write("many.jsonl", lines.join("\n"))]);

    let found = lib.app.search("ballot", &ArticleFilter::default()).unwrap();
    assert_eq!(found.ranked_among, Some(RANKED_MATCHES));
    assert_eq!(found.hits.len(), 50);
    assert!(found.hits.iter().all(|h| h.title.as_deref() != Some("Ballot, ballot, ballot")), "outside the newest");
    assert!(found.hits.iter().all(|h| h.id > (others + 1 - RANKED_MATCHES) as i64), "{:?}", found.hits[0]);

    let old = lib.app.search("ballot", &ArticleFilter::outlet("Old Gazette")).unwrap();
    assert_eq!(old.ranked_among, None);
    assert_eq!(old.hits[0].title.as_deref(), Some("Ballot, ballot, ballot"));

    let by_relevance = |filter: ArticleFilter| ArticleQuery {
        filter: ArticleFilter { search: Some("ballot".into()), limit: Some(20), ..filter },
        sort: ArticleSort::Relevance,
        descending: false,
    };
    let page = lib.app.article_page(&by_relevance(ArticleFilter::default())).unwrap();
    assert_eq!(page.total, others as i64 + 1, "the count is of every match");
    assert_eq!(page.ranked_among, Some(RANKED_MATCHES));
    assert_eq!(page.rows.len(), 20);
    // Newest first, a word in nearly every article is found by reading the
    // dates in order; a filter reads the matches instead, in the same order.
    let newest = |filter: ArticleFilter| {
        let query = ArticleQuery { sort: ArticleSort::Published, descending: true, ..by_relevance(filter) };
        lib.app.article_page(&query).unwrap()
    };
    let (dated, daily) = (newest(Default::default()), newest(ArticleFilter::outlet("Daily")));
    assert_eq!(dated.ranked_among, None, "a date order covers every match");
    assert_eq!(dated.total, page.total);
    assert_eq!(dated.rows[0].title.as_deref(), Some(format!("District {}", others - 1).as_str()));
    assert!(dated.rows[0].snippet.as_deref().is_some_and(|s| s.contains("\u{2}ballot\u{3}")), "{:?}", dated.rows[0]);
    let ids = |p: &sourcetrace_api::ArticlePage| p.rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(ids(&dated), ids(&daily));
    let narrowed = lib.app.article_page(&by_relevance(ArticleFilter::outlet("Old Gazette"))).unwrap();
    assert_eq!((narrowed.total, narrowed.ranked_among), (1, None));

    let (code, _, stderr) = run_cli(&lib.path(), &["search", "ballot"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("best of the 10000 most recently imported"), "{stderr}");
}
