//! Corrections of attributions: the user is the editor of record. A
//! correction made through the real binary on a real library must show on
//! the attribution (with the engine's value beside it), in the stored
//! scores, the sources, the tallies, the exports and the report; it must
//! survive a forced re-analysis, be undoable, and never be lost when the
//! rules stop finding its attribution.

use crate::support::{run_cli, sample_article, TempLibrary};
use sourcetrace_api::{CorrectionRequest, ErrorCode, Sourcetrace};
use std::path::Path;

fn ok(library: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run_cli(library, args);
    assert_eq!(code, 0, "sourcetrace {args:?}: {stdout}{stderr}");
    stdout
}

fn json(library: &Path, args: &[&str]) -> serde_json::Value {
    let stdout = ok(library, args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("sourcetrace {args:?}: {e}: {stdout}"))
}

/// The CGTN sample imported and analysed; returns the library and the
/// article's id.
fn sample_library(lib: &TempLibrary) -> Option<(std::path::PathBuf, i64)> {
    let sample = sample_article()?;
    let library = lib.path();
    ok(&library, &["import", "--quiet", sample.to_str().unwrap()]);
    ok(&library, &["analyze"]);
    let id = json(&library, &["list", "--format", "json"])[0]["id"].as_i64().unwrap();
    Some((library, id))
}

fn attributions(library: &Path, article: i64) -> Vec<serde_json::Value> {
    json(library, &["attributions", &article.to_string(), "--format", "json"]).as_array().unwrap().clone()
}

/// The attribution whose source goes by `canonical`, first in text order.
fn cited(rows: &[serde_json::Value], canonical: &str) -> serde_json::Value {
    rows.iter()
        .find(|r| r["source"]["canonical"] == canonical)
        .unwrap_or_else(|| panic!("{canonical} is cited: {rows:#?}"))
        .clone()
}

/// The stored scalar scores of an article, read from the file itself.
fn stored_shares(library: &Path, article: i64) -> (i64, f64, f64) {
    let conn = rusqlite::Connection::open(library).unwrap();
    conn.query_row(
        "SELECT attribution_count, state_media_share, anonymous_share FROM analyses WHERE article_id = ?1",
        [article],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap()
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    (header, reader.records().map(|r| r.unwrap()).collect())
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name} in {header:?}"))
}

fn sources_of_type(library: &Path, kind: &str) -> Vec<String> {
    json(library, &["sources", "--type", kind, "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["canonical"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_retype_counts_in_scores_sources_exports_and_the_report_and_survives_reanalysis() {
    let lib = TempLibrary::new();
    let Some((library, article)) = sample_library(&lib) else { return };
    let before = attributions(&library, article);
    let (count, state_before, anonymous_before) = stored_shares(&library, article);
    assert_eq!(count as usize, before.len());
    assert_eq!(anonymous_before, 0.0, "the sample cites no anonymous source");

    // "Russian media reported": the engine says other media; the editor
    // says state media.
    let media = cited(&before, "Russian media");
    assert_eq!(media["source"]["type"], "media");
    assert!(media.get("corrected").is_none(), "the engine's own finding carries no mark");
    assert!(sources_of_type(&library, "media").contains(&"Russian media".to_string()));
    let stdout = ok(&library, &["correct", &media["id"].to_string(), "--type", "state_media"]);
    assert!(stdout.contains("type media → state_media"), "{stdout}");
    assert!(stdout.contains("State media:"), "the new scores are printed: {stdout}");

    // The row shows the person's type, marked, with the engine's beside it.
    let after = attributions(&library, article);
    let corrected = cited(&after, "Russian media");
    assert_eq!(corrected["source"]["type"], "state_media");
    assert_eq!(corrected["cue"], media["cue"]);
    let change = &corrected["corrected"]["changes"][0];
    assert_eq!((change["field"].as_str(), change["machine"].as_str()), (Some("source_type"), Some("media")));
    assert_eq!(change["human"], "state_media");
    let table = ok(&library, &["attributions", &article.to_string()]);
    assert!(table.contains("state_media*") && table.contains("* set by a person"), "{table}");

    // The stored scores count it.
    let (count, state_after, _) = stored_shares(&library, article);
    assert_eq!(count as usize, before.len());
    assert!((state_after - (state_before + 1.0 / count as f64)).abs() < 1e-9, "{state_before} → {state_after}");
    let shown = json(&library, &["show", &article.to_string(), "--format", "json"]);
    assert_eq!(shown[0]["analysis"]["current"], true);
    let share = &shown[0]["analysis"]["scores"]["state_media_share"];
    assert!(share["attributions"].as_array().unwrap().contains(&corrected["ordinal"]), "{share}");

    // A second correction: the two leaders become an anonymous source, and
    // the anonymous share moves from nothing.
    let leaders = cited(&after, "two leaders");
    ok(&library, &["correct", &leaders["id"].to_string(), "--type", "anonymous", "--source", "two leaders (unnamed)"]);
    let (_, _, anonymous_after) = stored_shares(&library, article);
    assert!((anonymous_after - 1.0 / count as f64).abs() < 1e-9, "{anonymous_after}");

    // The sources listing follows the person.
    assert!(sources_of_type(&library, "state_media").contains(&"Russian media".to_string()));
    assert!(!sources_of_type(&library, "media").contains(&"Russian media".to_string()));
    assert_eq!(sources_of_type(&library, "anonymous"), ["two leaders (unnamed)"]);

    // The export carries the type and the correction with the engine's value.
    let csv = lib.dir.path().join("attributions.csv");
    ok(&library, &["export", "attributions", "-o", csv.to_str().unwrap()]);
    let (header, rows) = csv_rows(&csv);
    assert_eq!(rows.len(), before.len());
    let (ty, canonical, corrected_col) =
        (column(&header, "source_type"), column(&header, "canonical_source"), column(&header, "corrected"));
    let row = rows.iter().find(|r| &r[canonical] == "Russian media").unwrap();
    assert_eq!(&row[ty], "state_media");
    assert_eq!(&row[corrected_col], "by a person: source_type media → state_media");
    assert_eq!(rows.iter().filter(|r| !r[corrected_col].is_empty()).count(), 2, "only the corrected rows are marked");
    let articles = lib.dir.path().join("articles.csv");
    ok(&library, &["export", "articles", "-o", articles.to_str().unwrap()]);
    let (header, rows) = csv_rows(&articles);
    let exported: f64 = rows[0][column(&header, "state_media_share")].parse().unwrap();
    assert!((exported - state_after).abs() < 1e-9);

    // The report says how many corrections it counts.
    let report = lib.dir.path().join("report.html");
    ok(&library, &["report", "-o", report.to_str().unwrap()]);
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("2 corrections made by a person"), "the method states the corrections");

    // A forced re-analysis replaces every row and keeps both corrections.
    ok(&library, &["analyze", "--force"]);
    let again = attributions(&library, article);
    assert_eq!(cited(&again, "Russian media")["source"]["type"], "state_media");
    assert_eq!(cited(&again, "two leaders (unnamed)")["source"]["type"], "anonymous");
    assert_eq!(stored_shares(&library, article).1, state_after);
    let listed = json(&library, &["corrections", "--format", "json"]);
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(listed.as_array().unwrap().iter().all(|c| c["orphaned"] == false), "{listed}");
}

#[test]
fn a_deletion_leaves_every_count_and_undo_restores_it() {
    let lib = TempLibrary::new();
    let Some((library, article)) = sample_library(&lib) else { return };
    let before = attributions(&library, article);
    let framing_before = json(&library, &["framing", "--format", "json"]);
    let (count_before, state_before, _) = stored_shares(&library, article);

    // TASS's report, a state-media attribution, is marked false.
    let tass = cited(&before, "TASS");
    assert_eq!(tass["source"]["type"], "state_media");
    let shown = json(&library, &["correct", &tass["id"].to_string(), "--delete", "--format", "json"]);
    assert_eq!(shown[0]["attributions"].as_array().unwrap().len(), before.len() - 1);

    let after = attributions(&library, article);
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|r| r["cue"]["start"] != tass["cue"]["start"]), "the false attribution is gone");
    for (ordinal, r) in after.iter().enumerate() {
        assert_eq!(r["ordinal"], ordinal, "ordinals stay dense");
        if let Some(via) = r["via"].as_u64() {
            assert!((via as usize) < after.len(), "chains point at kept attributions: {r}");
        }
    }
    let (count, state, _) = stored_shares(&library, article);
    assert_eq!(count, count_before - 1);
    let state_count_before = (state_before * count_before as f64).round();
    assert!((state * count as f64 - (state_count_before - 1.0)).abs() < 1e-9, "{state_before} → {state}");

    // The tallies by outlet count one attribution fewer.
    let framing = json(&library, &["framing", "--format", "json"]);
    assert_eq!(framing[0]["attributions"].as_i64().unwrap(), framing_before[0]["attributions"].as_i64().unwrap() - 1);
    let csv = lib.dir.path().join("attributions.csv");
    ok(&library, &["export", "attributions", "-o", csv.to_str().unwrap()]);
    assert_eq!(csv_rows(&csv).1.len(), before.len() - 1);

    // The deletion is listed, with what the person saw.
    let listed = json(&library, &["corrections", &article.to_string(), "--format", "json"]);
    let deletion = &listed[0];
    assert_eq!((deletion["delete"].as_bool(), deletion["orphaned"].as_bool()), (Some(true), Some(false)));
    assert_eq!(
        (deletion["cue_start"].clone(), deletion["cue_text"].clone()),
        (tass["cue"]["start"].clone(), tass["cue"]["text"].clone())
    );
    assert_eq!(deletion["machine_type"], "state_media");
    assert!(ok(&library, &["corrections"]).contains("deleted as false"));

    // Undo: the engine's finding counts again.
    let stdout = ok(&library, &["corrections", "undo", &deletion["id"].to_string()]);
    assert!(stdout.starts_with(&format!("Undid correction #{}", deletion["id"])), "{stdout}");
    let restored = attributions(&library, article);
    assert_eq!(restored.len(), before.len());
    assert_eq!(cited(&restored, "TASS")["source"]["type"], "state_media");
    assert_eq!(stored_shares(&library, article), (count_before, state_before, 0.0));
    assert!(json(&library, &["corrections", "--format", "json"]).as_array().unwrap().is_empty());
    assert_eq!(json(&library, &["framing", "--format", "json"]), framing_before);
}

#[test]
fn a_correction_the_rules_no_longer_find_is_kept_and_listed_as_orphaned() {
    let lib = TempLibrary::new();
    let library = lib.path();
    let line = serde_json::json!({
        "title": "The plan",
        "outlet": "BBC",
        "text": "Smith harrumphed that the plan was dead. The council met on Monday.",
    });
    let path = lib.write("plan.jsonl", line.to_string());
    ok(&library, &["import", "--quiet", path.to_str().unwrap()]);
    // A cue of the user's own, so that the rules can change under the
    // correction by removing it again.
    let row = "harrumph\tharrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong";
    ok(&library, &["lexicon", "add", "cues", row]);
    ok(&library, &["analyze"]);
    let rows = attributions(&library, 1);
    let smith = rows.iter().find(|r| r["cue"]["text"] == "harrumphed").expect("the user's cue finds Smith").clone();
    ok(&library, &["correct", &smith["id"].to_string(), "--type", "official", "--country", "gb"]);
    assert_eq!(attributions(&library, 1)[0]["source"]["country"], "GB", "countries are kept in capitals");

    // The rules change: the cue is gone, and so is the attribution.
    ok(&library, &["lexicon", "remove", "1"]);
    ok(&library, &["analyze"]);
    assert!(attributions(&library, 1).iter().all(|r| r["cue"]["text"] != "harrumphed"));
    let listed = json(&library, &["corrections", "--format", "json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "the correction is kept");
    assert_eq!((listed[0]["orphaned"].as_bool(), listed[0]["cue_text"].as_str()), (Some(true), Some("harrumphed")));
    assert_eq!(listed[0]["source_text"], "Smith");
    assert!(ok(&library, &["corrections"]).contains("orphaned"));
    let report = lib.dir.path().join("report.html");
    ok(&library, &["report", "-o", report.to_str().unwrap()]);
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("1 more could not be applied"), "the report names the orphan");

    // The cue comes back, and the correction applies again.
    ok(&library, &["lexicon", "add", "cues", row]);
    ok(&library, &["analyze"]);
    let back = attributions(&library, 1);
    let smith = back.iter().find(|r| r["cue"]["text"] == "harrumphed").unwrap();
    assert_eq!((smith["source"]["type"].as_str(), smith["source"]["country"].as_str()), (Some("official"), Some("GB")));
    assert_eq!(json(&library, &["corrections", "--format", "json"])[0]["orphaned"], false);
}

#[test]
fn bad_corrections_are_refused_with_clear_messages_and_codes() {
    let mut lib = TempLibrary::new();
    let path = lib.write(
        "a.jsonl",
        serde_json::json!({"title": "T", "outlet": "BBC", "text": "Talks will reportedly resume. Dmitry Peskov said so."})
            .to_string(),
    );
    lib.import(&[path]);
    let library = lib.path();
    ok(&library, &["analyze"]);
    let rows = attributions(&library, 1);
    let sourceless = rows.iter().find(|r| r["source"].is_null()).expect("\"reportedly\" names no source");
    let named = rows.iter().find(|r| !r["source"].is_null()).expect("Peskov is named");

    for (args, says) in [
        (
            vec!["correct".to_string(), named["id"].to_string(), "--type".into(), "spy".into()],
            "error: unknown source type \"spy\": use one of state_media, wire, media, official, anonymous, person, \
             organization, document, self, unknown",
        ),
        (vec!["correct".into(), "999".into(), "--delete".into()], "error: attribution #999 does not exist"),
        (
            vec!["correct".into(), sourceless["id"].to_string(), "--source".into(), "Reuters".into()],
            "names no source, so there is no type or name to set; it can be deleted",
        ),
        (vec!["correct".into(), named["id"].to_string(), "--country".into(), "Russia".into()], "two-letter"),
        (vec!["corrections".into(), "undo".into(), "42".into()], "error: correction #42 does not exist"),
        (vec!["corrections".into(), "7".into()], "error: article #7 does not exist"),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = run_cli(&library, &args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(json(&library, &["corrections", "--format", "json"]).as_array().unwrap().is_empty(), "nothing stored");

    // The API the window calls gives the same codes, and the analysis
    // after a correction.
    let mut app = Sourcetrace::open(&library).unwrap();
    let id = named["id"].as_i64().unwrap();
    let bad = CorrectionRequest { attribution_id: id, source_type: Some("spy".into()), ..Default::default() };
    assert_eq!(app.correct_attribution(&bad).unwrap_err().code, ErrorCode::InvalidInput);
    let missing = CorrectionRequest { attribution_id: 999, delete: true, ..Default::default() };
    assert_eq!(app.correct_attribution(&missing).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(app.undo_correction(42).unwrap_err().code, ErrorCode::NotFound);
    let request = CorrectionRequest { attribution_id: id, canonical: Some("D. Peskov".into()), ..Default::default() };
    let analysis = app.correct_attribution(&request).unwrap();
    assert!(analysis.current);
    let renamed = analysis.attributions.iter().find(|r| r.attribution.cue.text == "said").unwrap();
    assert_eq!(renamed.attribution.source.as_ref().unwrap().canonical, "D. Peskov");
    assert!(analysis.analysis.unwrap().scores.distinct_sources.contains(&"D. Peskov".to_string()));
    let made = app.corrections(Some(1)).unwrap();
    assert_eq!((made.len(), made[0].machine_canonical.as_deref()), (1, Some("Dmitry Peskov")));
    let undone = app.undo_correction(made[0].id).unwrap();
    let said = undone.attributions.iter().find(|r| r.attribution.cue.text == "said").unwrap();
    assert_eq!(said.attribution.source.as_ref().unwrap().canonical, "Dmitry Peskov");
    assert!(said.attribution.corrected.is_none());
}
