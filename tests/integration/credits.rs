//! Credits on real text: the sample article, PolNeAR's article-level wire
//! labels, and the datelines of real pages after HTML import.
//!
//! All three need `../shared` beside the project and skip with a notice
//! without it.

use crate::support::{sample_article, shared, TempLibrary};
use sourcetrace_core::credits::{find, CreditKind};
use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_import::{html, Origin};
use std::io::Read;
use std::process::Command;

#[test]
fn sample_article_credits_reuters_and_cfp_once() {
    let Some(sample) = sample_article() else { return };
    let mut lib = TempLibrary::new();
    lib.import(&[sample]);
    let id = lib.app.list(&Default::default()).unwrap()[0].id;
    let article = lib.app.show(id).unwrap();
    let credits = find(&article.text, &Gazetteer::builtin());
    let got: Vec<(CreditKind, Option<&str>)> = credits.iter().map(|c| (c.kind, c.agency.as_deref())).collect();
    assert_eq!(
        got,
        [(CreditKind::PhotoCredit, Some("China Foto Press")), (CreditKind::WireCredit, Some("Reuters"))],
        "{credits:#?}"
    );
    // Both captions credit CFP; the one credit points at both.
    assert_eq!(credits[0].repeats.len(), 1);
    let chars: Vec<char> = article.text.chars().collect();
    let wire = &credits[1];
    assert_eq!(chars[wire.start..wire.end].iter().collect::<String>(), "(With input from Reuters)");
}

/// PolNeAR labels each article with the wire service it came from. The
/// evaluation's own script scores the real binary against those labels on
/// dev and train; the floor is the goal of the issue.
#[test]
fn polnear_wire_credits_floor() {
    for split in ["polnear-dev", "polnear-train"] {
        wire_credits_floor(split);
    }
}

fn wire_credits_floor(split: &str) {
    let Some(gold) = shared(&format!("eval/{split}/gold.jsonl")) else { return };
    let script = gold.parent().unwrap().parent().unwrap().join("score_credits.py");
    if Command::new("python3").arg("--version").output().is_err() {
        println!("notice: python3 is missing; skipping the PolNeAR credit floor");
        return;
    }
    let cmd = format!("{} analyze --format jsonl", env!("CARGO_BIN_EXE_sourcetrace"));
    let out = Command::new("python3").arg(&script).arg(&gold).arg("--cmd").arg(&cmd).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find(|l| l.starts_with("wire credits:")).expect("a summary line");
    println!("{split} {line}");
    let figure = |name: &str| -> f64 {
        let at = line.find(&format!(" {name} ")).unwrap() + name.len() + 2;
        line[at..].split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(figure("P") >= 0.95, "{line}");
    assert!(figure("R") >= 0.95, "{line}");
}

/// Every page whose human-checked body opens with an agency dateline
/// ("WASHINGTON (AP) —", "(Reuters) —") keeps it through HTML import, and
/// the credit is found with the right agency.
#[test]
fn html_page_datelines_are_credited() {
    let Some(dir) = shared("eval/html-pages") else { return };
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap()).unwrap();
    let gazetteer = Gazetteer::builtin();
    let dateline = regex::Regex::new(r"\((AP|Reuters|AFP|Xinhua|UPI)\)\s*[—–-]").unwrap();
    let mut checked = 0;
    for (sha, entry) in truth.as_object().unwrap() {
        let body = entry["articleBody"].as_str().unwrap_or("");
        let head: String = body.chars().take(300).collect();
        let Some(m) = dateline.captures(&head) else { continue };
        let expected = gazetteer.by_name(&m[1]).unwrap().name.clone();
        let path = dir.join("html").join(format!("{sha}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()).read_to_end(&mut bytes).unwrap();
        let article = html::draft(&bytes, &Origin::file(path.display().to_string())).unwrap().finish(&gazetteer);
        let credits = find(&article.text, &gazetteer);
        assert!(
            credits.iter().any(|c| c.kind == CreditKind::Dateline && c.agency.as_deref() == Some(expected.as_str())),
            "{}: no {expected} dateline in {credits:?}\n{}",
            entry["url"],
            article.text.chars().take(300).collect::<String>()
        );
        checked += 1;
    }
    println!("datelines credited on {checked} pages");
    assert!(checked >= 5, "only {checked} pages with datelines were checked");
}

/// The outlet × agency matrix on a library built here: each outlet's share
/// of analysed articles that credit each agency, with the outlet that
/// credits nobody still in the table.
#[test]
fn credit_tallies_are_normalized_by_outlet() {
    let lib = TempLibrary::new();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("articles.jsonl");
    let article = |outlet: &str, title: &str, text: &str| {
        serde_json::json!({"outlet": outlet, "title": title, "text": text}).to_string()
    };
    let lines = [
        article("Daily Herald", "Storm hits coast", "MIAMI (AP) \u{2014} A storm hit the coast on Monday, officials said, and thousands lost power across the region."),
        article("Daily Herald", "Council votes", "The city council voted on Tuesday to expand the bus network, the mayor said in a statement to residents."),
        article("Daily Herald", "Markets fall", "NEW YORK (Reuters) - Stocks fell on Wednesday as investors weighed new data on prices and jobs.\n\n(Reporting by Jane Doe; Editing by John Roe)"),
        article("Daily Herald", "Talks resume", "GENEVA (AP) \u{2014} Talks resumed on Thursday, diplomats said, after a week of delays over the agenda."),
        article("CGTN", "Leaders to meet", "The two leaders will meet next month, Russian media reported on Sunday.\n\n(With input from Reuters)"),
        article("Valley News", "School opens", "A new school opened its doors on Friday to 400 pupils, the principal said at the ceremony."),
    ];
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let library = lib.path();
    let (code, out, err) = crate::support::run_cli(&library, &["import", jsonl.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = crate::support::run_cli(&library, &["analyze"]);
    assert_eq!(code, 0, "{out}{err}");

    let (code, out, err) = crate::support::run_cli(&library, &["credits", "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let tallies: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cell = |outlet: &str, agency: &str| -> Option<(i64, i64, f64)> {
        tallies[0]["cells"].as_array().unwrap().iter().find(|c| c["outlet"] == outlet && c["agency"] == agency).map(
            |c| (c["articles"].as_i64().unwrap(), c["outlet_articles"].as_i64().unwrap(), c["share"].as_f64().unwrap()),
        )
    };
    assert_eq!(cell("Daily Herald", "Associated Press"), Some((2, 4, 0.5)));
    assert_eq!(cell("Daily Herald", "Reuters"), Some((1, 4, 0.25)));
    assert_eq!(cell("CGTN", "Reuters"), Some((1, 1, 1.0)));
    assert_eq!(cell("Valley News", "Reuters"), None);
    let outlets: Vec<&str> =
        tallies[0]["outlets"].as_array().unwrap().iter().map(|o| o["outlet"].as_str().unwrap()).collect();
    assert!(outlets.contains(&"Valley News"), "{outlets:?}");

    // The same over a selection: one outlet.
    let (_, out, _) = crate::support::run_cli(&library, &["credits", "--outlet", "CGTN", "--format", "jsonl"]);
    let cells: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(cells.len(), 1);
    assert_eq!(cells[0]["agency"], "Reuters");

    // One article's credits, with their spans.
    let (_, out, _) = crate::support::run_cli(&library, &["credits", "3", "--format", "json"]);
    let credits: serde_json::Value = serde_json::from_str(&out).unwrap();
    let kinds: Vec<&str> = credits.as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["dateline", "wire_credit"], "{out}");
    let (code, table, _) = crate::support::run_cli(&library, &["credits"]);
    assert_eq!(code, 0);
    assert!(table.contains("Associated Press") && table.contains("50% (2)"), "{table}");
}

/// An outlet republishes an AP story with a new headline and one paragraph
/// cut: the copy is found with its passages and a share close to what was
/// kept, and is marked syndicated. Another outlet's own report of the same
/// event shares nothing.
#[test]
fn republished_wire_copy_is_found_and_independent_reports_are_not() {
    let lib = TempLibrary::new();
    let paragraphs = [
        "WASHINGTON (AP) \u{2014} The Senate passed a spending bill late Tuesday that keeps the federal government open through mid-December, sending the measure to the president hours before a midnight deadline.",
        "The bill passed 72 to 25 after Democratic and Republican leaders agreed to add billions of dollars in disaster aid for states hit by hurricanes and wildfires this summer, a sticking point for weeks.",
        "Negotiators spent the weekend trading offers over border security money, and several conservative senators said they would vote against any bill that did not cut spending elsewhere in the budget.",
        "The White House said the president would sign the bill before the deadline, ending a week of uncertainty for hundreds of thousands of federal workers who faced furloughs without pay.",
    ];
    let wire = paragraphs.join("\n\n");
    let copy = [paragraphs[0], paragraphs[1], paragraphs[3]].join("\n\n");
    let own = "Lawmakers in Washington approved a stopgap funding measure on Tuesday night, avoiding a shutdown that had loomed over federal agencies. The vote was 72-25. Disaster relief for hurricane- and fire-stricken states was added after days of talks, and border money was left for a later fight. Federal employees had been bracing for unpaid leave.";
    let line = |outlet: &str, title: &str, text: &str| {
        serde_json::json!({"outlet": outlet, "title": title, "text": text}).to_string()
    };
    let path = lib.write(
        "articles.jsonl",
        [
            line("Associated Press", "Senate passes stopgap bill", &wire),
            line("Daily Herald", "Shutdown averted as Senate acts", &copy),
            line("Valley News", "Congress avoids shutdown", own),
        ]
        .join("\n"),
    );
    let library = lib.path();
    let (code, out, err) = crate::support::run_cli(&library, &["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");

    let (code, out, err) = crate::support::run_cli(&library, &["reuse", "2", "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let reuse: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = &reuse[0];
    assert_eq!(r["syndicated"], true, "{out}");
    assert_eq!(r["stored"], false, "not analysed yet, so worked out now: {out}");
    let before_analysis = r["matches"].clone();
    assert_eq!(r["matches"][0]["id"], 1);
    assert_eq!(r["matches"][0]["other_is_origin"], true);
    let words = sourcetrace_core::text::word_count(&copy) as f64;
    let share = r["reused_share"].as_f64().unwrap();
    assert!((share - 1.0).abs() < 0.03, "all {words} words of the copy are the wire's: {share}");
    let passages = r["matches"][0]["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 2, "the cut paragraph splits the copy: {out}");
    assert!(passages[0]["text"].as_str().unwrap().starts_with("WASHINGTON (AP)"));
    assert!(passages[1]["text"].as_str().unwrap().starts_with("The White House said"));

    // The AP original shares as much, but it is the origin, not the copy.
    let (_, out, _) = crate::support::run_cli(&library, &["reuse", "1", "--format", "json"]);
    let reuse: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(reuse[0]["matches"][0]["id"], 2, "{out}");
    assert_eq!(reuse[0]["syndicated"], false, "{out}");
    // The other outlet's own report of the same event shares no passage.
    let (_, out, _) = crate::support::run_cli(&library, &["reuse", "3", "--format", "json"]);
    let reuse: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(reuse[0]["matches"], serde_json::json!([]), "{out}");
    assert_eq!(reuse[0]["syndicated"], false);
    let (_, table, _) = crate::support::run_cli(&library, &["reuse", "2"]);
    assert!(table.contains("syndicated copy") && table.contains("#1 Associated Press"), "{table}");

    // Stored with the analysis: tallies can leave the copy out.
    let (code, out, err) = crate::support::run_cli(&library, &["analyze"]);
    assert_eq!(code, 0, "{out}{err}");
    let articles = |args: &[&str]| -> i64 {
        let (_, out, _) = crate::support::run_cli(&library, args);
        let t: serde_json::Value = serde_json::from_str(&out).unwrap();
        t[0]["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["outlet"] == "Daily Herald")
            .map_or(0, |o| o["articles"].as_i64().unwrap())
    };
    assert_eq!(articles(&["credits", "--format", "json"]), 1);
    assert_eq!(articles(&["credits", "--without-syndicated", "--format", "json"]), 0);
    // `reuse` now reads what the analysis stored, and it is the same answer.
    let (_, out, _) = crate::support::run_cli(&library, &["reuse", "2", "--format", "json"]);
    let reuse: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(reuse[0]["stored"], true, "{out}");
    assert_eq!(reuse[0]["syndicated"], true, "{out}");
    assert_eq!(reuse[0]["matches"], before_analysis);

    // A later copy of the same story makes the stored reuse of the earlier
    // ones stale, so the next analysis sees it.
    let later = lib.write("later.jsonl", line("Metro Times", "Senate acts", &copy));
    crate::support::run_cli(&library, &["import", later.to_str().unwrap()]);
    let (_, out, _) = crate::support::run_cli(&library, &["analyze"]);
    assert!(out.starts_with("Analysed 3 articles"), "the new copy and the two it matches: {out}");
}
