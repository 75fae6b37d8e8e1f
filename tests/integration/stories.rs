//! Stories: articles about one event across outlets, grouped by the real
//! binary in a real library file, scored on BASIL's events, and corrected
//! by hand (merge, split, move) in ways a regroup must not undo.

use crate::support::{prose, run_cli, shared, TempLibrary};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// BASIL covers each of 45 events by the New York Times, Fox News and
/// HuffPost. The library's JSONL import takes the file as it is; grouping
/// with the default settings must find the events, scored pairwise by the
/// evaluation's own script. The goal of the issue is the floor.
#[test]
fn basil_events_are_grouped_above_the_floor() {
    let Some(articles) = shared("eval/basil-events/articles.jsonl") else { return };
    let script = articles.parent().unwrap().parent().unwrap().join("score_stories.py");
    if Command::new("python3").arg("--version").output().is_err() {
        println!("notice: python3 is missing; skipping the BASIL story floor");
        return;
    }
    let lib = TempLibrary::new();
    let (code, out, err) = run_cli(&lib.path(), &["import", "--quiet", articles.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Imported 135 articles"), "{out}");
    // url, outlet and date come through the import.
    let (_, listed, _) = run_cli(&lib.path(), &["list", "--format", "jsonl"]);
    for line in listed.lines() {
        let a: Value = serde_json::from_str(line).unwrap();
        for field in ["url", "outlet", "published"] {
            assert!(a[field].as_str().is_some_and(|v| !v.is_empty()), "{field} missing in {line}");
        }
    }
    let (code, out, err) = run_cli(&lib.path(), &["stories", "group"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Grouped 135 articles"), "{out}");
    let (code, stories, err) = run_cli(&lib.path(), &["stories", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    for line in stories.lines() {
        let story: Value = serde_json::from_str(line).unwrap();
        assert!(story["id"].is_i64(), "{line}");
        for a in story["articles"].as_array().unwrap() {
            assert!(a["id"].is_i64() && a["url"].is_string() && a["outlet"].is_string() && a["title"].is_string());
        }
    }
    let predicted = lib.write("stories.jsonl", &stories);
    let out = Command::new("python3").arg(&script).arg(&articles).arg(&predicted).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    println!("BASIL events {line}");
    let figure = |name: &str| -> f64 {
        let at = line.find(&format!(" {name} ")).unwrap() + name.len() + 2;
        line[at..].split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(figure("F1") >= 0.90, "{line}");
    assert!(figure("P") >= 0.90, "{line}");
}

/// Three fictional events, each reported by three outlets in their own
/// words around a shared core of names and facts, on the same day so that
/// only the text tells them apart.
const EVENTS: [(&str, &str); 3] = [
    (
        "harbour",
        "The Halden harbour bridge collapsed at dawn. Mayor Elena Vasquez said engineers from Brantley Works had \
         warned about corroded cables. Divers searched the Halden channel for a ferry.",
    ),
    (
        "strike",
        "Nurses at Corvale General walked out over pay. The Corvale nurses union leader Tobias Marenko said the \
         strike would last until the Ostrava health board raised wages for night shifts.",
    ),
    (
        "vote",
        "The Lindmark parliament rejected the pension reform. Prime Minister Ingrid Solberk lost the vote by \
         eleven, and opposition leader Casimir Draven demanded a snap election in Lindmark.",
    ),
];
const OUTLETS: [&str; 3] = ["Harbour Herald", "Evening Ledger", "Coast Courier"];

/// One article: the event's core in an outlet's framing, padded with
/// prose every article shares.
fn article(event: usize, outlet: usize, extra: &str) -> String {
    let (key, core) = EVENTS[event];
    serde_json::json!({
        "title": format!("{} {}", OUTLETS[outlet], core.split('.').next().unwrap()),
        "text": format!("{core} {extra}\n\n{}\n\n{core}", prose((event * 10 + outlet) as u64, 60)),
        "outlet": OUTLETS[outlet],
        "url": format!("https://example.org/{key}/{outlet}{}", if extra.is_empty() { "" } else { "-late" }),
        "date": "2024-03-05",
    })
    .to_string()
}

/// The stories as url -> story id.
fn stories_by_url(library: &Path) -> BTreeMap<String, i64> {
    let (code, out, err) = run_cli(library, &["stories", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let mut by_url = BTreeMap::new();
    for line in out.lines() {
        let story: Value = serde_json::from_str(line).unwrap();
        for a in story["articles"].as_array().unwrap() {
            by_url.insert(a["url"].as_str().unwrap().to_string(), story["id"].as_i64().unwrap());
        }
    }
    by_url
}

/// The article id of a url.
fn article_id(library: &Path, url: &str) -> i64 {
    let (_, out, _) = run_cli(library, &["list", "--format", "jsonl"]);
    out.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|a| a["url"] == url)
        .and_then(|a| a["id"].as_i64())
        .unwrap()
}

#[test]
fn corrections_survive_a_regroup_and_new_articles_join_existing_stories() {
    let lib = TempLibrary::new();
    let lines: Vec<String> = (0..3).flat_map(|e| (0..3).map(move |o| article(e, o, ""))).collect();
    let file = lib.write("articles.jsonl", lines.join("\n"));
    let path = lib.path();
    assert_eq!(run_cli(&path, &["import", "--quiet", file.to_str().unwrap()]).0, 0);
    let (code, out, err) = run_cli(&path, &["stories", "group"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Grouped 9 articles: 6 joined a story, 3 started a new one"), "{out}");
    let first = stories_by_url(&path);
    let story = |event: &str| first[&format!("https://example.org/{event}/0")];
    for (event, _) in EVENTS {
        let ids: BTreeSet<i64> = (0..3).map(|o| first[&format!("https://example.org/{event}/{o}")]).collect();
        assert_eq!(ids.len(), 1, "the three reports of {event} are one story: {first:?}");
    }
    let (harbour, strike, vote) = (story("harbour"), story("strike"), story("vote"));

    // A person decides the harbour and strike stories are one, splits one
    // report out of the vote story, and moves one harbour report to a story
    // of its own.
    let (code, out, err) = run_cli(&path, &["stories", "merge", &harbour.to_string(), &strike.to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("Merged into story #{harbour}: 6 articles")), "{out}");
    let vote_report = article_id(&path, "https://example.org/vote/2");
    let (code, out, err) = run_cli(&path, &["stories", "split", &vote.to_string(), &vote_report.to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Split 1 article out of story"), "{out}");
    let moved = article_id(&path, "https://example.org/harbour/1");
    let (code, out, err) = run_cli(&path, &["stories", "move", &moved.to_string(), "--new"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("Article #{moved} is now in story")), "{out}");
    let corrected = stories_by_url(&path);

    // Grouping everything again leaves every corrected article where the
    // person put it: their decisions are pinned.
    let (code, out, err) = run_cli(&path, &["stories", "regroup"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("9 pinned articles kept"), "{out}");
    assert_eq!(stories_by_url(&path), corrected);
    assert!(corrected.values().collect::<BTreeSet<_>>().len() == 4, "{corrected:?}");
    let (_, edits, _) = run_cli(&path, &["stories", "edits", "--format", "jsonl"]);
    let actions: Vec<String> =
        edits.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["action"].as_str().unwrap().into()).collect();
    assert_eq!(actions, ["merge", "split", "move"]);

    // A late report of the vote joins a vote story without anyone's help,
    // and `analyze` is the one command that does it.
    let late = lib.write("late.jsonl", article(2, 1, "Draven's supporters gathered outside the Lindmark parliament."));
    assert_eq!(run_cli(&path, &["import", "--quiet", late.to_str().unwrap()]).0, 0);
    let (code, out, err) = run_cli(&path, &["analyze"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Grouped 1 article: 1 joined a story"), "{out}");
    let after = stories_by_url(&path);
    let late_story = after["https://example.org/vote/1-late"];
    assert!(
        [corrected["https://example.org/vote/0"], corrected["https://example.org/vote/2"]].contains(&late_story),
        "{after:?}"
    );
    for (url, story) in &corrected {
        assert_eq!(after[url], *story, "{url} stayed where it was");
    }
}

#[test]
fn bad_story_commands_fail_with_a_clear_message() {
    let lib = TempLibrary::new();
    let lines: Vec<String> = (0..2).flat_map(|e| (0..2).map(move |o| article(e, o, ""))).collect();
    let file = lib.write("articles.jsonl", lines.join("\n"));
    let path = lib.path();
    assert_eq!(run_cli(&path, &["import", "--quiet", file.to_str().unwrap()]).0, 0);
    assert_eq!(run_cli(&path, &["stories", "group"]).0, 0);
    let by_url = stories_by_url(&path);
    let harbour = by_url["https://example.org/harbour/0"];
    let strike_report = article_id(&path, "https://example.org/strike/0");
    let strike = by_url["https://example.org/strike/0"];
    let harbour_s = harbour.to_string();
    let strike_report_s = strike_report.to_string();
    for (args, says) in [
        (vec!["stories", "show", "999"], "story #999 does not exist".to_string()),
        (vec!["stories", "merge", &harbour_s, "999"], "story #999 does not exist".to_string()),
        (vec!["stories", "merge", &harbour_s, &harbour_s], format!("story #{harbour} cannot be merged into itself")),
        (
            vec!["stories", "split", &harbour_s, &strike_report_s],
            format!("article #{strike_report} is not in story #{harbour} (it is in story #{strike})"),
        ),
        (vec!["stories", "split", "999", "1"], "story #999 does not exist".to_string()),
        (vec!["stories", "move", "999", "--new"], "article #999 does not exist".to_string()),
        (vec!["stories", "move", &strike_report_s, "999"], "story #999 does not exist".to_string()),
        (vec!["stories", "regroup", "--threshold", "2"], "the threshold 2 is not a similarity".to_string()),
    ] {
        let (code, out, err) = run_cli(&path, &args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.starts_with("error: ") && err.contains(&says), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
    }
    // Neither a story nor --new: the parser says what is missing.
    let (code, _, err) = run_cli(&path, &["stories", "move", &strike_report_s]);
    assert_eq!(code, 2);
    assert!(err.contains("--new"), "{err}");
    // Nothing changed.
    assert_eq!(stories_by_url(&path), by_url);
}
