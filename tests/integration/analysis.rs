//! Analysing the library: attributions stored with their types, staleness
//! (a second run does nothing, `--force` redoes everything, a lexicon row
//! makes every analysis stale), the user's lexicon rows, the sources list
//! and the scores in `show`.

use crate::support::{root, run_cli, TempLibrary};
use sourcetrace_api::{Sourcetrace, ANALYSIS_VERSION};
use sourcetrace_core::attribution::{analyze, Context, Lexicon, Scores};
use std::path::Path;

fn article(title: &str, outlet: &str, body: &str) -> String {
    serde_json::json!({"title": title, "outlet": outlet, "date": "2021-12-12", "text": body}).to_string()
}

/// Runs the CLI and insists it succeeds; returns stdout.
fn ok(library: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run_cli(library, args);
    assert_eq!(code, 0, "sourcetrace {args:?}: {stdout}{stderr}");
    stdout
}

fn json(library: &Path, args: &[&str]) -> serde_json::Value {
    let stdout = ok(library, args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("sourcetrace {args:?}: {e}: {stdout}"))
}

/// Every article's stored attributions and scores, compared with what the
/// core finds in its text with the built-in lexicon.
fn assert_stored_as_analysed(library: &Path) -> usize {
    let app = Sourcetrace::open(library).unwrap();
    let lexicon = Lexicon::builtin();
    let mut total = 0;
    for summary in app.list(&Default::default()).unwrap() {
        let article = app.show(summary.id).unwrap();
        let expected = analyze(&article.text, &lexicon, &Context { outlet: article.outlet.as_deref() });
        let stored = app.article_analysis(summary.id).unwrap();
        assert!(stored.current, "#{} is current", summary.id);
        let attributions: Vec<_> = stored.attributions.iter().map(|r| r.attribution.clone()).collect();
        assert_eq!(attributions, expected.attributions, "#{}", summary.id);
        // Compared after the same trip through JSON that storing takes, so
        // that a float parsed back one unit in the last place off does not
        // count as a difference.
        let expected_scores: Scores = serde_json::from_str(&serde_json::to_string(&expected.scores).unwrap()).unwrap();
        assert_eq!(stored.analysis.unwrap().scores, expected_scores, "#{}", summary.id);
        let ordinals: Vec<usize> = stored.attributions.iter().map(|r| r.ordinal).collect();
        assert_eq!(ordinals, (0..attributions.len()).collect::<Vec<_>>());
        total += attributions.len();
    }
    total
}

#[test]
fn analyze_stores_typed_attributions_once_and_force_redoes_them() {
    let lib = TempLibrary::new();
    let library = lib.path();
    let demo = root().join("demo");
    ok(&library, &["import", "--quiet", demo.join("harbour-talks.txt").to_str().unwrap()]);
    ok(&library, &["import", "--quiet", demo.join("coverage.jsonl").to_str().unwrap()]);
    let articles = Sourcetrace::open(&library).unwrap().info().unwrap().articles;
    assert_eq!(articles, 4);

    let stdout = ok(&library, &["analyze"]);
    assert!(
        stdout.starts_with(&format!("Analysed 4 articles (0 already current, analysis version {ANALYSIS_VERSION}): ")),
        "{stdout}"
    );
    let total = assert_stored_as_analysed(&library);
    assert!(total >= 8, "the demo articles cite many sources, found {total} attributions");
    assert!(stdout.contains(&format!(": {total} attributions in ")), "{stdout}");

    // The CGTN copy: "TASS reported" is state media from Russia, and the
    // analyses table holds the figures SQL dashboards aggregate.
    let app = Sourcetrace::open(&library).unwrap();
    let conn = app.library().connection();
    let cgtn: i64 = conn
        .query_row("SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'CGTN'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let (tass_type, tass_country): (String, String) = conn
        .query_row(
            "SELECT source_type, country FROM attributions WHERE article_id = ?1 AND canonical = 'TASS'",
            [cgtn],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((tass_type.as_str(), tass_country.as_str()), ("state_media", "RU"));
    let mismatched: i64 = conn
        .query_row(
            "SELECT count(*) FROM analyses x WHERE attribution_count !=
                 (SELECT count(*) FROM attributions t WHERE t.article_id = x.article_id)
             OR state_media_share != (SELECT 1.0 * count(*) FILTER (WHERE source_type = 'state_media')
                 / max(count(*), 1) FROM attributions t WHERE t.article_id = x.article_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0, "the scalar columns agree with the stored attributions");
    let first_ids: Vec<i64> = app.attributions(cgtn).unwrap().iter().map(|r| r.id).collect();
    drop(app);

    let stdout = ok(&library, &["analyze"]);
    assert!(stdout.starts_with("Analysed 0 articles (4 already current, "), "{stdout}");

    let summary = json(&library, &["analyze", "--force", "--format", "json"]);
    assert_eq!(summary[0]["analyzed"], 4);
    assert_eq!(summary[0]["skipped_current"], 0);
    assert_eq!(summary[0]["attributions"], total as u64);
    assert_eq!(summary[0]["version"], ANALYSIS_VERSION);
    assert_eq!(assert_stored_as_analysed(&library), total, "redone, not appended");
    let app = Sourcetrace::open(&library).unwrap();
    let again: Vec<i64> = app.attributions(cgtn).unwrap().iter().map(|r| r.id).collect();
    assert_eq!(again.len(), first_ids.len());
    assert!(again.iter().all(|id| !first_ids.contains(id)), "--force rewrote the rows");

    // `attributions` prints them, with their type and country.
    let rows = json(&library, &["attributions", &cgtn.to_string(), "--format", "json"]);
    let tass = rows.as_array().unwrap().iter().find(|r| r["source"]["canonical"] == "TASS").unwrap();
    assert_eq!(
        (tass["source"]["type"].as_str(), tass["source"]["country"].as_str()),
        (Some("state_media"), Some("RU"))
    );
    let table = ok(&library, &["attributions", &cgtn.to_string()]);
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["#", "ID", "KIND", "CUE", "SOURCE", "TYPE", "COUNTRY", "CANONICAL", "VIA", "CONTENT"]);
    assert!(table.lines().any(|l| l.contains("TASS") && l.contains("state_media") && l.contains("RU")), "{table}");
    let (code, _, stderr) = run_cli(&library, &["attributions", "99"]);
    assert_eq!((code, stderr.trim()), (2, "error: article #99 does not exist"));
}

#[test]
fn a_users_public_figure_and_given_name_are_kept_in_the_library_and_used() {
    // A journalist covering a city adds its mayor and a given name the
    // built-in list leaves out, through the command line, on a real library
    // file (whose lexicon table has to accept both kinds).
    let lib = TempLibrary::new();
    let library = lib.path();
    let path = lib.write(
        "city.jsonl",
        article(
            "Budget",
            "BBC",
            "Mayor Okafor said the budget was balanced. Okafor added that the city would borrow. \
             Chidi Obi said it was not. She said she would not resign.",
        ),
    );
    ok(&library, &["import", "--quiet", path.to_str().unwrap()]);
    ok(&library, &["analyze"]);
    let sources = |library: &Path| -> Vec<(String, String)> {
        let rows = json(library, &["attributions", "1", "--format", "json"]);
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["source"]["text"].as_str().unwrap().to_string(),
                    r["source"]["canonical"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let before = sources(&library);
    assert!(before.contains(&("Okafor".to_string(), "Okafor".to_string())), "{before:?}");
    // With no gender known for Chidi, "She" is the person named last.
    assert!(before.contains(&("She".to_string(), "Chidi Obi".to_string())), "{before:?}");

    let stdout = ok(&library, &["lexicon", "add", "people", "Adaeze Okafor", "Okafor|Mayor Okafor", "official", "NG"]);
    assert!(stdout.starts_with("Added people row #1"), "{stdout}");
    ok(&library, &["lexicon", "add", "given-names", "chidi", "m"]);
    let (code, _, stderr) = run_cli(&library, &["lexicon", "add", "given-names", "alex", "x"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("gender must be f, m or either"), "{stderr}");
    let (code, _, stderr) = run_cli(&library, &["lexicon", "add", "people", "City Hall", "", "organization", "NG"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("type must be official or person"), "{stderr}");

    assert!(ok(&library, &["analyze"]).starts_with("Analysed 1 article (0 already current, "));
    let after = sources(&library);
    assert!(after.iter().filter(|(_, canonical)| canonical == "Adaeze Okafor").count() >= 2, "{after:?}");
    // "She" is not Chidi Obi now that "chidi" names a man.
    assert!(after.contains(&("She".to_string(), "Adaeze Okafor".to_string())), "{after:?}");
    let listed = json(&library, &["lexicon", "list", "--format", "json"]);
    let kinds: Vec<&str> = listed.as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["people", "given-names"]);
}

#[test]
fn a_lexicon_row_adds_a_cue_after_reanalysis_and_bad_rows_are_refused() {
    let lib = TempLibrary::new();
    let library = lib.path();
    let path = lib.write(
        "plan.jsonl",
        article("The plan", "BBC", "Smith harrumphed that the plan was dead. The council met on Monday."),
    );
    ok(&library, &["import", "--quiet", path.to_str().unwrap()]);
    ok(&library, &["analyze"]);
    let cues = |library: &Path| -> Vec<String> {
        let rows = json(library, &["attributions", "1", "--format", "json"]);
        rows.as_array().unwrap().iter().map(|r| r["cue"]["text"].as_str().unwrap().to_string()).collect()
    };
    assert!(!cues(&library).contains(&"harrumphed".to_string()), "no cue before the row is added");

    // Bad rows: exit code 2, a message that names the problem, nothing stored.
    for (args, says) in [
        (
            vec!["lexicon", "add", "cues", "harrumph", "harrumphed", "spech", "distancing", "that", "strong"],
            "error: invalid cues row: unknown class \"spech\" (the columns are phrase, forms, class, stance, complements, trust)",
        ),
        (
            vec!["lexicon", "add", "cues", "harrumph", "harrumphed", "speech", "distancing"],
            "error: invalid cues row: expected 6 tab-separated columns, found 4",
        ),
        (vec!["lexicon", "add", "verbs", "harrumph"], "error: unknown lexicon \"verbs\""),
        (vec!["lexicon", "add", "sources", "town crier", "person", "GBR", "title"], "two-letter ISO code"),
    ] {
        let (code, stdout, stderr) = run_cli(&library, &args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stderr.starts_with(says) || stderr.contains(says), "{args:?}: {stderr}");
    }
    assert_eq!(json(&library, &["lexicon", "list", "--format", "json"]), serde_json::json!([]));

    // One argument per column.
    let stdout = ok(
        &library,
        &["lexicon", "add", "cues", "harrumph", "harrumph|harrumphed", "speech", "distancing", "that|quote", "strong"],
    );
    assert!(stdout.starts_with("Added cues row #1: phrase=harrumph forms=harrumph|harrumphed"), "{stdout}");
    assert!(stdout.contains("1 article to analyse with it"), "{stdout}");
    // The same row as one tab-separated argument changes nothing.
    let stdout = ok(
        &library,
        &["lexicon", "add", "cues", "harrumph\tharrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong"],
    );
    assert!(stdout.starts_with("That cues row is already there as #1; nothing changed."), "{stdout}");
    let listed = json(&library, &["lexicon", "list", "--format", "json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["kind"], "cues");
    assert_eq!(listed[0]["row"], "harrumph\tharrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong");

    let stdout = ok(&library, &["analyze"]);
    assert!(stdout.starts_with("Analysed 1 article (0 already current, "), "the row made it stale: {stdout}");
    let rows = json(&library, &["attributions", "1", "--format", "json"]);
    let smith = rows.as_array().unwrap().iter().find(|r| r["cue"]["text"] == "harrumphed").expect("the new cue");
    assert_eq!(smith["stance"], "distancing");
    assert_eq!(smith["cue_class"], "speech");
    assert_eq!(smith["source"]["canonical"], "Smith");
    assert_eq!(smith["content"][0]["text"], "that the plan was dead");
    assert!(smith["evidence"][0]["rule"].as_str().unwrap().contains("harrumph"), "{smith}");

    let stdout = ok(&library, &["lexicon", "remove", "1"]);
    assert!(stdout.starts_with("Removed cues row #1"), "{stdout}");
    assert!(ok(&library, &["analyze"]).starts_with("Analysed 1 article (0 already current, "));
    assert!(!cues(&library).contains(&"harrumphed".to_string()), "the cue left with its row");
    let (code, _, stderr) = run_cli(&library, &["lexicon", "remove", "1"]);
    assert_eq!((code, stderr.trim()), (2, "error: lexicon addition #1 does not exist"));
}

#[test]
fn sources_lists_a_canonical_source_once_across_articles() {
    let lib = TempLibrary::new();
    let library = lib.path();
    let path = lib.write(
        "peskov.jsonl",
        [
            article("Talks over", "BBC", "Kremlin spokesman Dmitry Peskov said the talks were over."),
            article(
                "Nothing changed",
                "Reuters",
                "Kremlin spokesman Dmitry Peskov said on Monday that nothing had changed.",
            ),
            article("Weather", "AP", "Rain is expected in the north on Tuesday."),
        ]
        .join("\n"),
    );
    ok(&library, &["import", "--quiet", path.to_str().unwrap()]);
    assert_eq!(json(&library, &["sources", "--format", "json"]), serde_json::json!([]), "nothing before analysis");
    ok(&library, &["analyze"]);

    let sources = json(&library, &["sources", "--format", "json"]);
    let peskov: Vec<&serde_json::Value> =
        sources.as_array().unwrap().iter().filter(|s| s["canonical"] == "Dmitry Peskov").collect();
    assert_eq!(peskov.len(), 1, "{sources}");
    assert_eq!(peskov[0]["attributions"], 2);
    assert_eq!(peskov[0]["articles"], 2);
    assert_eq!(peskov[0]["source_type"], "official");
    assert_eq!(peskov[0]["country"], "RU");
    assert_eq!(sources[0]["canonical"], "Dmitry Peskov", "the most cited first");

    let officials = json(&library, &["sources", "--type", "official", "--format", "json"]);
    assert!(officials.as_array().unwrap().iter().all(|s| s["source_type"] == "official"));
    assert!(officials.as_array().unwrap().iter().any(|s| s["canonical"] == "Dmitry Peskov"));
    assert_eq!(json(&library, &["sources", "--type", "wire", "--format", "json"]), serde_json::json!([]));
    let table = ok(&library, &["sources"]);
    let first = table.lines().nth(1).unwrap();
    assert!(first.contains("official") && first.contains("RU") && first.ends_with("Dmitry Peskov"), "{table}");
    let (code, _, stderr) = run_cli(&library, &["sources", "--type", "spy"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: unknown source type \"spy\": use one of state_media, wire,"), "{stderr}");

    // `show` prints the scores once analysed, and `info` counts analyses.
    let shown = ok(&library, &["show", "1"]);
    assert!(shown.contains("Analysis:  1 attribution (analysis version"), "{shown}");
    assert!(shown.contains("  By type:          official 1"), "{shown}");
    assert!(shown.contains("  Deepest chain:    1 hop"), "{shown}");
    assert!(shown.contains("  Transparency:     100/100"), "{shown}");
    let shown = json(&library, &["show", "2", "--format", "json"]);
    assert_eq!(shown[0]["title"], "Nothing changed");
    assert_eq!(shown[0]["analysis"]["current"], true);
    assert_eq!(shown[0]["analysis"]["scores"]["attributions"], 1);
    assert_eq!(shown[0]["analysis"]["scores"]["distinct_sources"], serde_json::json!(["Dmitry Peskov"]));
    let shown = ok(&library, &["show", "3"]);
    assert!(shown.contains("Analysis:  0 attributions"), "{shown}");
    assert!(ok(&library, &["attributions", "3"]).contains("Article #3 attributes nothing to anyone."));
    let info = json(&library, &["info", "--format", "json"]);
    assert_eq!(info[0]["analysis"], serde_json::json!({"articles": 3, "current": 3, "stale": 0}));
}

#[test]
fn a_library_from_before_analysis_is_upgraded_and_analysed() {
    let lib = TempLibrary::new();
    let library = lib.path();
    let path =
        lib.write("old.jsonl", article("Old", "TASS", "Kremlin spokesman Dmitry Peskov said the talks were over."));
    ok(&library, &["import", "--quiet", path.to_str().unwrap()]);
    assert!(ok(&library, &["show", "1"]).contains("Analysis:  not analysed yet"));
    assert!(ok(&library, &["attributions", "1"]).contains("has not been analysed yet"));
    drop(lib.app);
    // Turn the file back into a schema-1 library: what an earlier release wrote.
    let conn = rusqlite::Connection::open(&library).unwrap();
    conn.execute_batch(
        "DROP TABLE attribution_corrections; DROP TABLE framing_terms; DROP TABLE entity_tones;
         DROP TABLE reuse; DROP TABLE credits; DROP TABLE attributions; DROP TABLE analyses; DROP TABLE source_tallies;
         DROP TABLE source_outlet_tallies; DROP TRIGGER source_outlet_tally_moved;
         DROP TABLE sources;
         DROP TABLE lexicon_additions; DROP TABLE story_edits; DROP TABLE story_articles; DROP TABLE stories;
         DROP TABLE articles_vocab;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let stdout = ok(&library, &["analyze"]);
    assert!(stdout.starts_with("Analysed 1 article (0 already current, "), "{stdout}");
    let app = Sourcetrace::open(&library).unwrap();
    assert_eq!(app.info().unwrap().schema_version, sourcetrace_store::migrate::LATEST);
    let stored = app.attributions(1).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].attribution.source.as_ref().unwrap().canonical, "Dmitry Peskov");
}
