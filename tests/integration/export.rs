//! Exports read back with independent readers (the csv crate, calamine for
//! XLSX, serde for JSON) and compared with what the library itself reports,
//! on the sample article and on a generated library of several outlets.

use crate::support::{run_cli, sample_article, TempLibrary};
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::Path;

fn json(library: &Path, args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run_cli(library, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {out}"))
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    (header, reader.records().map(|r| r.unwrap()).collect())
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name} in {header:?}"))
}

/// A library of `n` articles from three outlets, each with a named
/// official, a wire citation and, for some, an agency dateline.
fn generated_library(lib: &TempLibrary, n: usize) -> std::path::PathBuf {
    let outlets = ["Daily Herald", "Valley News", "Metro Times"];
    let people = ["Maria Lopez", "Ivan Petrov", "Chen Wei", "Amina Diallo"];
    let lines: Vec<String> = (0..n)
        .map(|i| {
            let outlet = outlets[i % outlets.len()];
            let person = people[i % people.len()];
            let dateline = if i % 4 == 0 { "GENEVA (Reuters) - " } else { "" };
            let text = format!(
                "{dateline}Talks on the border dispute entered day {i}, officials said.\n\n\
                 \"We are not leaving the table,\" said {person}, a spokesman for the foreign ministry.\n\n\
                 The delegations met for {} hours, according to the Associated Press.\n\n{}",
                i % 9 + 1,
                crate::support::prose(i as u64, 60)
            );
            serde_json::json!({
                "outlet": outlet,
                "title": format!("Border talks, day {i}"),
                "date": format!("2021-12-{:02}", i % 28 + 1),
                "text": text,
            })
            .to_string()
        })
        .collect();
    let path = lib.write("generated.jsonl", lines.join("\n"));
    let library = lib.path();
    let (code, out, err) = run_cli(&library, &["import", path.to_str().unwrap(), "-q"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run_cli(&library, &["analyze"]);
    assert_eq!(code, 0, "{out}{err}");
    library
}

#[test]
fn sample_article_exports_match_the_library() {
    let Some(sample) = sample_article() else { return };
    let lib = TempLibrary::new();
    let library = lib.path();
    let (code, out, err) = run_cli(&library, &["import", sample.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    run_cli(&library, &["analyze"]);
    let attributions = json(&library, &["attributions", "1", "--format", "json"]);
    let attributions = attributions.as_array().unwrap();

    let csv_path = lib.dir.path().join("attributions.csv");
    let (code, _, err) = run_cli(&library, &["export", "attributions", "-o", csv_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("Exported {} attributions", attributions.len())), "{err}");
    let (header, rows) = csv_rows(&csv_path);
    assert_eq!(rows.len(), attributions.len());
    let (source, ty, parent) =
        (column(&header, "source"), column(&header, "source_type"), column(&header, "chain_parent"));
    let tass = rows.iter().find(|r| r[source].starts_with("TASS")).expect("TASS is cited");
    assert_eq!(&tass[ty], "state_media");
    assert!(rows.iter().any(|r| !r[parent].is_empty()), "chains are exported with their parent");
    // Every row is the stored attribution with the same spans.
    let (cue_start, cue) = (column(&header, "cue_start"), column(&header, "cue"));
    for (row, stored) in rows.iter().zip(attributions) {
        let a = stored;
        assert_eq!(row[cue_start].parse::<i64>().unwrap(), a["cue"]["start"].as_i64().unwrap(), "{row:?}");
        assert_eq!(&row[cue], a["cue"]["text"].as_str().unwrap());
    }

    // The workbook carries the same figures, as numbers.
    let xlsx_path = lib.dir.path().join("sample.xlsx");
    let (code, _, err) = run_cli(&library, &["export", "-o", xlsx_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut workbook: Xlsx<_> = open_workbook(&xlsx_path).unwrap();
    let names = workbook.sheet_names();
    for sheet in ["articles", "attributions", "sources", "credits", "reuse", "tallies", "stories", "tallies_chart"] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let articles = workbook.worksheet_range("articles").unwrap();
    let header: Vec<String> = articles.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let count = &articles.rows().nth(1).unwrap()[column(&header, "attribution_count")];
    assert_eq!(count, &Data::Float(attributions.len() as f64));
    let shown = json(&library, &["show", "1", "--format", "json"]);
    let expected = shown[0]["analysis"]["scores"]["transparency"]["score"].as_f64().expect("a transparency score");
    let cell = &articles.rows().nth(1).unwrap()[column(&header, "transparency")];
    assert_eq!(cell, &Data::Float(expected));
    let credits = workbook.worksheet_range("credits").unwrap();
    let agencies: Vec<String> = credits.rows().skip(1).map(|r| r[5].to_string()).collect();
    assert_eq!(agencies, ["China Foto Press", "Reuters"]);
}

#[test]
fn generated_library_exports_every_row_in_every_format() {
    let lib = TempLibrary::new();
    let library = generated_library(&lib, 120);
    let tallies = json(&library, &["credits", "--format", "json"]);
    let cells = tallies[0]["cells"].as_array().unwrap();

    // CSV into a folder: one file per table.
    let folder = lib.dir.path().join("csv");
    let (code, _, err) = run_cli(&library, &["export", "--format", "csv", "-o", folder.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (_, articles) = csv_rows(&folder.join("articles.csv"));
    assert_eq!(articles.len(), 120);
    let (header, attributions) = csv_rows(&folder.join("attributions.csv"));
    assert!(attributions.len() >= 240, "two or more attributions an article: {}", attributions.len());
    let per_article: i64 = json(&library, &["attributions", "7", "--format", "json"]).as_array().unwrap().len() as i64;
    let article = column(&header, "article_id");
    assert_eq!(attributions.iter().filter(|r| &r[article] == "7").count() as i64, per_article);
    let (header, tally_rows) = csv_rows(&folder.join("tallies.csv"));
    assert_eq!(tally_rows.len(), cells.len());
    let (outlet, agency, share) = (column(&header, "outlet"), column(&header, "agency"), column(&header, "share"));
    for cell in cells {
        let row = tally_rows
            .iter()
            .find(|r| r[outlet] == cell["outlet"] && r[agency] == cell["agency"])
            .unwrap_or_else(|| panic!("{cell} exported"));
        assert_eq!(row[share].parse::<f64>().unwrap(), cell["share"].as_f64().unwrap());
    }

    // JSON: one array per table, the same rows.
    let all = json(&library, &["export", "--format", "json"]);
    assert_eq!(all["attributions"].as_array().unwrap().len(), attributions.len());
    assert_eq!(all["articles"].as_array().unwrap().len(), 120);

    // A selection exports only its articles.
    let (code, out, err) = run_cli(&library, &["export", "articles", "--format", "jsonl", "--outlet", "Valley News"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 40);
    assert!(out.lines().all(|l| l.contains("\"outlet\":\"Valley News\"")));

    // XLSX: the same counts, numbers as numbers, and the tally chart sheet.
    let xlsx_path = lib.dir.path().join("all.xlsx");
    let (code, _, err) = run_cli(&library, &["export", "-o", xlsx_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut workbook: Xlsx<_> = open_workbook(&xlsx_path).unwrap();
    let sheet = workbook.worksheet_range("attributions").unwrap();
    assert_eq!(sheet.rows().count(), attributions.len() + 1);
    assert!(matches!(sheet.rows().nth(1).unwrap()[0], Data::Float(_)), "article ids are numbers");
    let chart = workbook.worksheet_range("tallies_chart").unwrap();
    let header: Vec<String> = chart.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    // Only the datelines credit an agency ("according to the Associated
    // Press" is an attribution, not a credit).
    assert_eq!(header, ["outlet", "Reuters"]);
    let outlets: Vec<String> = chart.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(outlets.len(), 3, "{outlets:?}");
}

#[test]
fn bad_export_requests_fail_clearly() {
    let lib = TempLibrary::new();
    let library = generated_library(&lib, 3);
    let (code, _, err) = run_cli(&library, &["export", "nothing"]);
    assert_eq!(code, 2);
    assert!(err.contains("no table \"nothing\"") && err.contains("attributions"), "{err}");
    let (code, _, err) = run_cli(&library, &["export", "articles", "credits"]);
    assert_eq!(code, 2);
    assert!(err.contains("one table"), "{err}");
    let (code, _, err) = run_cli(&library, &["export", "--format", "xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains(".xlsx"), "{err}");
    let missing = lib.dir.path().join("no/such/folder/out.csv");
    let (code, _, err) = run_cli(&library, &["export", "articles", "-o", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("Could not create"), "{err}");
}

/// The story comparison table carries, for every story and outlet, the same
/// figures as `sourcetrace compare`.
#[test]
fn story_comparisons_export_the_figures_compare_shows() {
    let lib = TempLibrary::new();
    let library = lib.path();
    let demo = crate::support::root().join("demo");
    let files: Vec<String> = ["harbour-talks.txt", "harbour-talks-wire.html", "coverage.jsonl", "feed.rss"]
        .iter()
        .map(|f| demo.join(f).display().to_string())
        .collect();
    let mut args = vec!["import", "--quiet"];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(run_cli(&library, &args).0, 0);
    assert_eq!(run_cli(&library, &["analyze"]).0, 0);
    let out = lib.dir.path().join("stories.csv");
    let (code, _, err) = run_cli(&library, &["export", "stories", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (header, rows) = csv_rows(&out);
    let at = |name: &str| column(&header, name);
    let mut compared = 0;
    for story in json(&library, &["stories", "--format", "json"]).as_array().unwrap() {
        let id = story["id"].as_i64().unwrap();
        let comparison = json(&library, &["compare", &id.to_string(), "--format", "json"]);
        for outlet in comparison[0]["outlets"].as_array().unwrap() {
            let row = rows
                .iter()
                .find(|r| r[at("story_id")] == id.to_string() && &r[at("outlet")] == outlet["outlet"].as_str().unwrap())
                .unwrap_or_else(|| panic!("story {id}, {} is exported", outlet["outlet"]));
            assert_eq!(row[at("attributions")], outlet["attributions"].to_string());
            for share in ["state_media_share", "anonymous_share"] {
                let expected = outlet[share].as_f64().unwrap();
                let exported: f64 = row[at(share)].parse().unwrap_or(0.0);
                assert!((expected - exported).abs() < 1e-9, "{share} of story {id}: {expected} vs {exported}");
            }
            compared += 1;
        }
    }
    assert!(compared >= 4, "only {compared} story × outlet rows compared");
}

/// The article ids of an export of the articles table.
fn exported_ids(library: &Path, selection: &[&str]) -> Vec<i64> {
    let mut args = vec!["export", "articles", "--format", "json"];
    args.extend_from_slice(selection);
    let mut ids: Vec<i64> =
        json(library, &args).as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids
}

/// The ids `sourcetrace list` gives for the same selection.
fn listed_ids(library: &Path, selection: &[&str]) -> Vec<i64> {
    let mut args = vec!["list", "--format", "json"];
    args.extend_from_slice(selection);
    let mut ids: Vec<i64> =
        json(library, &args).as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids
}

/// Every kind of selection the issue names (a search, a story, a set of
/// outlets, a date range, a collection) exports exactly the articles the
/// library lists for it, and the other tables follow the same articles.
#[test]
fn every_kind_of_selection_exports_exactly_its_articles() {
    let lib = TempLibrary::new();
    let library = generated_library(&lib, 120);

    // A search: the same hits as `sourcetrace search`.
    let hits: Vec<i64> = {
        let mut ids: Vec<i64> = json(&library, &["search", "Lopez", "--format", "json", "--limit", "1000"])
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_i64().unwrap())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(hits.len(), 30, "Maria Lopez speaks in every fourth article");
    assert_eq!(exported_ids(&library, &["--matching", "Lopez"]), hits);
    let attributions = json(&library, &["export", "attributions", "--format", "json", "--matching", "Lopez"]);
    let cited: std::collections::BTreeSet<i64> =
        attributions.as_array().unwrap().iter().map(|a| a["article_id"].as_i64().unwrap()).collect();
    assert!(!cited.is_empty() && cited.iter().all(|id| hits.contains(id)), "attributions of the hits only");

    // A set of outlets.
    let two = ["--outlet", "Valley News", "--outlet", "metro times"];
    let ids = exported_ids(&library, &two);
    assert_eq!(ids.len(), 80);
    assert_eq!(ids, listed_ids(&library, &two));

    // A date range, and a date range within a search.
    let week = ["--since", "2021-12-01", "--until", "2021-12-07"];
    // Days 1 to 7 of each 28-day cycle: four full cycles, then days 1 to 8.
    assert_eq!(exported_ids(&library, &week).len(), 4 * 7 + 7);
    let both = ["--since", "2021-12-01", "--until", "2021-12-07", "--matching", "Lopez"];
    assert_eq!(exported_ids(&library, &both), listed_ids(&library, &both));
    assert!(exported_ids(&library, &both).len() < hits.len());

    // A collection.
    assert_eq!(run_cli(&library, &["collection", "add", "picked", "3", "5", "8"]).0, 0);
    assert_eq!(exported_ids(&library, &["--collection", "picked"]), [3, 5, 8]);

    // A story: its own articles, as `sourcetrace stories` lists them.
    let stories = json(&library, &["stories", "--format", "json"]);
    let story = stories.as_array().unwrap().iter().max_by_key(|s| s["articles"].as_array().unwrap().len()).unwrap();
    let mut members: Vec<i64> =
        story["articles"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
    members.sort();
    let id = story["id"].to_string();
    assert_eq!(exported_ids(&library, &["--story", &id]), members);

    // The report names the selection it was made of.
    let (code, html, err) = run_cli(&library, &["report", "--matching", "Lopez", "--outlet", "Valley News"]);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains("outlet Valley News, matching &quot;Lopez&quot;"), "the selection in words");

    // Bad search syntax is refused before anything is written.
    let out = lib.dir.path().join("bad.csv");
    let (code, _, err) =
        run_cli(&library, &["export", "articles", "--matching", "\"Lopez", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot search for") && err.contains("double quotes"), "{err}");
    assert!(!out.exists(), "no file for a refused export");
}
