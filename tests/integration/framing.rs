//! Tone and framing through the library: stored with the analysis, read
//! back by the CLI with the words behind each figure, and tallied by outlet
//! so that outlets of different lengths and volumes compare.

use crate::support::{run_cli, sample_article, TempLibrary};
use std::path::Path;

fn json(library: &Path, args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run_cli(library, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} prints JSON ({e}): {out}"))
}

#[test]
fn sample_article_tone_is_explained_word_by_word() {
    let Some(sample) = sample_article() else { return };
    let lib = TempLibrary::new();
    let library = lib.path();
    run_cli(&library, &["import", sample.to_str().unwrap()]);
    run_cli(&library, &["analyze"]);
    for engine in ["vader", "afinn"] {
        let tone = json(&library, &["tone", "1", "--engine", engine, "--format", "json"]);
        let sentences = tone[0]["sentences"].as_array().unwrap();
        let sentence = |words: &str| {
            sentences
                .iter()
                .find(|s| s["text"].as_str().unwrap().contains(words))
                .unwrap_or_else(|| panic!("a sentence with {words:?}"))
        };
        let optimism = sentence("no particular grounds for optimism");
        assert!(optimism["score"].as_f64().unwrap() < 0.0, "{engine}: {optimism}");
        let negated = optimism["terms"].as_array().unwrap().iter().find(|t| t["text"] == "optimism").unwrap();
        assert_eq!(negated["negated"], true, "{engine}: {negated}");
        let demonize = sentence("demonize Russia");
        assert!(demonize["score"].as_f64().unwrap() < 0.0, "{engine}: {demonize}");
        assert!(
            demonize["terms"].as_array().unwrap().iter().any(|t| t["text"] == "demonize" && t["lexicon"] == "news"),
            "the news lexicon explains it: {demonize}"
        );
        let russia = tone[0]["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Russia").unwrap();
        assert!(!russia["sentences"].as_array().unwrap().is_empty(), "{russia}");
    }
    // The default engine's tone is the stored one, and the table says how
    // each score came about.
    let (_, table, _) = run_cli(&library, &["tone", "1"]);
    assert!(table.contains("optimism [vader +2.5, negated]"), "{table}");
    assert!(table.contains("Tone toward:") && table.contains("Dmitry Peskov"), "{table}");
}

/// Two outlets report the same talks; one distances itself from what it
/// reports and hedges. The tallies show it per attribution and per 1,000
/// words, and a loaded term the user adds is counted after `analyze`.
#[test]
fn framing_is_tallied_by_outlet_and_follows_user_terms() {
    let lib = TempLibrary::new();
    let neutral = "Officials said the talks would resume on Monday. The minister said the border was calm. \
                   A spokesman said both sides wanted a deal.";
    let distant = "Officials claimed the talks would reportedly resume on Monday. The minister insisted the border \
                   was calm. A spokesman alleged both sides wanted a deal, the regime said.";
    let lines: Vec<String> = (0..6)
        .map(|i| {
            let (outlet, text) = if i % 2 == 0 { ("Plain Post", neutral) } else { ("Slant Daily", distant) };
            serde_json::json!({"outlet": outlet, "title": format!("Talks {i}"), "text": format!("{text} Day {i}.")})
                .to_string()
        })
        .collect();
    let path = lib.write("talks.jsonl", lines.join("\n"));
    let library = lib.path();
    let (code, out, err) = run_cli(&library, &["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    run_cli(&library, &["analyze"]);
    let rows = json(&library, &["framing", "--format", "json"]);
    let outlet = |name: &str| rows.as_array().unwrap().iter().find(|r| r["outlet"] == name).unwrap().clone();
    let (plain, slant) = (outlet("Plain Post"), outlet("Slant Daily"));
    assert_eq!(plain["articles"], 3);
    assert_eq!(plain["distancing"], 0, "{plain}");
    assert!(slant["distancing_share"].as_f64().unwrap() >= 0.5, "{slant}");
    assert_eq!(plain["hedges"], 0);
    assert!(slant["hedges_per_1000_words"].as_f64().unwrap() > 0.0, "{slant}");
    assert!(slant["loaded_terms"].as_i64().unwrap() >= 3, "'regime' in each: {slant}");

    // A term the user adds counts once the articles are analysed again.
    assert_eq!(plain["loaded_terms"], 0);
    let (code, out, err) = run_cli(&library, &["lexicon", "add", "loaded", "border", "border|borders", "mine"]);
    assert_eq!(code, 0, "{out}{err}");
    run_cli(&library, &["analyze"]);
    let rows = json(&library, &["framing", "--format", "json"]);
    let plain = rows.as_array().unwrap().iter().find(|r| r["outlet"] == "Plain Post").unwrap();
    assert_eq!(plain["loaded_terms"], 3, "{plain}");
    let one = json(&library, &["framing", "1", "--format", "json"]);
    let terms = one[0]["terms"].as_array().unwrap();
    assert!(terms.iter().any(|t| t["phrase"] == "border" && t["group"] == "mine"), "{one}");

    // Rows that would not parse are refused with the columns named.
    let (code, _, err) = run_cli(&library, &["lexicon", "add", "hedges", "just-one-column"]);
    assert_eq!(code, 2);
    assert!(err.contains("phrase, forms, group"), "{err}");
    let (code, _, err) = run_cli(&library, &["tone", "1", "--engine", "sentiwordnet"]);
    assert_eq!(code, 2);
    assert!(err.contains("vader or afinn"), "{err}");
}
