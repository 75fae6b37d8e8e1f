//! One story across its outlets: the comparison of a BASIL event as a
//! golden file a person can read, and a small library whose blindspots are
//! known in advance.

use crate::support::{run_cli, shared, TempLibrary};
use expect_test::expect_file;
use std::fmt::Write as _;
use std::path::Path;

fn json(library: &Path, args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run_cli(library, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {out}"))
}

/// The story that holds article `id`.
fn story_of(library: &Path, id: i64) -> i64 {
    let stories = json(library, &["stories", "--format", "json"]);
    stories
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["articles"].as_array().unwrap().iter().any(|a| a["id"] == id))
        .unwrap_or_else(|| panic!("article #{id} is in a story: {stories}"))["id"]
        .as_i64()
        .unwrap()
}

/// The comparison as a person reads it. Facts are given by their span and
/// the words only that outlet used, not by their sentences, so that the
/// golden file holds figures and names rather than the evaluation's text.
fn render(c: &serde_json::Value) -> String {
    let mut out = String::new();
    let outlets = c["outlets"].as_array().unwrap();
    writeln!(out, "story: {}", c["label"].as_str().unwrap()).unwrap();
    for o in outlets {
        let o_name = o["outlet"].as_str().unwrap();
        writeln!(out, "\n== {o_name} (articles {}, {} words)", o["articles"], o["words"]).unwrap();
        let types: Vec<String> = o["by_type"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, n)| n.as_u64() != Some(0))
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        writeln!(out, "attributions {}: {}", o["attributions"], types.join(", ")).unwrap();
        let pct = |k: &str| format!("{:.0}%", o[k].as_f64().unwrap() * 100.0);
        writeln!(
            out,
            "shares: state media {}, anonymous {}, second-hand {}, direct quote {}; transparency {}",
            pct("state_media_share"),
            pct("anonymous_share"),
            pct("second_hand_share"),
            pct("direct_quote_share"),
            o["transparency"].as_f64().map_or("-".into(), |t| format!("{t:.0}"))
        )
        .unwrap();
        writeln!(
            out,
            "verbs: {} neutral, {} distancing, {} endorsing, {} negative; {} hedges, {} loaded terms; tone {}",
            o["neutral"],
            o["distancing"],
            o["endorsing"],
            o["negative"],
            o["hedges"],
            o["loaded_terms"],
            o["tone"].as_f64().map_or("-".into(), |t| format!("{t:+.3}"))
        )
        .unwrap();
        writeln!(out, "credits: {}; reused {:.0}%", o["credits"], o["reused_share"].as_f64().unwrap() * 100.0).unwrap();
        for s in o["sources"].as_array().unwrap() {
            writeln!(
                out,
                "  source {} ({}) x{}",
                s["canonical"].as_str().unwrap(),
                s["source_type"].as_str().unwrap(),
                s["attributions"]
            )
            .unwrap();
        }
    }
    writeln!(out, "\n== tone toward the main entities").unwrap();
    for e in c["entities"].as_array().unwrap() {
        let by: Vec<String> =
            e["tone"].as_object().unwrap().iter().map(|(o, t)| format!("{o} {:+.3}", t.as_f64().unwrap())).collect();
        writeln!(out, "{} ({} mentions): {}", e["entity"].as_str().unwrap(), e["mentions"], by.join(", ")).unwrap();
    }
    writeln!(out, "\n== sources only one outlet cited").unwrap();
    for b in c["source_blindspots"].as_array().unwrap() {
        writeln!(
            out,
            "{}: {} ({}) #{} {}-{}",
            b["outlet"].as_str().unwrap(),
            b["canonical"].as_str().unwrap(),
            b["source_type"].as_str().unwrap(),
            b["article_id"],
            b["start"],
            b["end"]
        )
        .unwrap();
    }
    writeln!(out, "\n== facts only one outlet carried (span, why, words no other outlet used)").unwrap();
    for f in c["fact_blindspots"].as_array().unwrap() {
        let words: Vec<&str> = f["unshared"].as_array().unwrap().iter().take(5).map(|w| w.as_str().unwrap()).collect();
        writeln!(
            out,
            "{} #{} {}-{} [{}] {}",
            f["outlet"].as_str().unwrap(),
            f["article_id"],
            f["start"],
            f["end"],
            f["because"].as_str().unwrap(),
            words.join(", ")
        )
        .unwrap();
    }
    out
}

/// BASIL's first event: Romney calls on Todd Akin to quit the Senate race,
/// covered by the New York Times, Fox News and HuffPost.
#[test]
fn basil_event_comparison_golden() {
    let Some(articles) = shared("eval/basil-events/articles.jsonl") else { return };
    let lib = TempLibrary::new();
    let library = lib.path();
    let (code, out, err) = run_cli(&library, &["import", articles.to_str().unwrap(), "-q"]);
    assert_eq!(code, 0, "{out}{err}");
    run_cli(&library, &["analyze"]);
    let story = story_of(&library, 1);
    let comparison = json(&library, &["compare", &story.to_string(), "--format", "json"]);
    let c = &comparison[0];
    assert_eq!(c["outlets"].as_array().unwrap().len(), 3, "the three outlets of the event: {c}");
    assert_eq!(c["not_analysed"], serde_json::json!([]));
    expect_file!["../golden/basil-compare.txt"].assert_eq(&render(c));
}

#[test]
fn blindspots_point_at_their_spans_and_bad_stories_fail_clearly() {
    let lib = TempLibrary::new();
    let a = "The city council voted 7 to 2 on Tuesday to close the Riverside bridge for repairs. \
             \"The bridge is no longer safe,\" said Maria Lopez, the city engineer. \
             Repairs will cost $4 million and take eight months, according to the council.";
    let b = "The city council voted on Tuesday to close the Riverside bridge for repairs, 7 to 2. \
             \"The bridge is no longer safe,\" said Maria Lopez, the city engineer. \
             \"Shop owners near the bridge will lose customers,\" said Tom Reed, who runs a bakery on Front Street.";
    let line = |outlet: &str, title: &str, text: &str| {
        serde_json::json!({"outlet": outlet, "title": title, "date": "2024-03-05", "text": text}).to_string()
    };
    let path = lib.write(
        "bridge.jsonl",
        [
            line("Valley News", "Council votes to close Riverside bridge", a),
            line("Metro Times", "Riverside bridge to close for repairs", b),
        ]
        .join("\n"),
    );
    let library = lib.path();
    let (code, out, err) = run_cli(&library, &["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    run_cli(&library, &["analyze"]);
    let story = story_of(&library, 1);
    assert_eq!(story, story_of(&library, 2), "both reports are one story");
    let c = &json(&library, &["compare", &story.to_string(), "--format", "json"])[0];

    // Each outlet's count is its article's stored attributions.
    for o in c["outlets"].as_array().unwrap() {
        let id = o["articles"][0].as_i64().unwrap();
        let stored = json(&library, &["attributions", &id.to_string(), "--format", "json"]);
        assert_eq!(o["attributions"].as_u64().unwrap() as usize, stored.as_array().unwrap().len(), "{o}");
    }
    // Tom Reed is only in Metro Times; Maria Lopez is in both.
    let sources = c["source_blindspots"].as_array().unwrap();
    let reed = sources.iter().find(|s| s["canonical"] == "Tom Reed").unwrap_or_else(|| panic!("{c}"));
    assert_eq!(reed["outlet"], "Metro Times");
    let text: Vec<char> = b.chars().collect();
    let span: String =
        text[reed["start"].as_u64().unwrap() as usize..reed["end"].as_u64().unwrap() as usize].iter().collect();
    assert!(span.contains("Tom Reed"), "{span}");
    assert!(!sources.iter().any(|s| s["canonical"] == "Maria Lopez"), "{c}");
    // The cost is a fact only Valley News gave.
    let facts = c["fact_blindspots"].as_array().unwrap();
    let cost =
        facts.iter().find(|f| f["text"].as_str().unwrap().contains("$4 million")).unwrap_or_else(|| panic!("{c}"));
    assert_eq!((cost["outlet"].as_str(), cost["because"].as_str()), (Some("Valley News"), Some("number")));
    assert!(!facts.iter().any(|f| f["text"].as_str().unwrap().contains("voted")), "both carried the vote: {c}");

    let (code, _, err) = run_cli(&library, &["compare", "999"]);
    assert_eq!(code, 2);
    assert!(err.contains("999") && err.contains("does not exist"), "{err}");
}
