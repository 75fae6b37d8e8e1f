//! HTML extraction measured against human-checked article bodies.
//!
//! Needs the evaluation pages in `../shared/eval/html-pages` (copyrighted,
//! never copied into the repository) and skips with a notice without them.
//! Every page is extracted and finished as the importer does it, and the
//! body is scored against the ground truth with a token F1; the mean must
//! stay above a floor set a little below what the extractor measured
//! (0.976 when the floor was set), so that a change that breaks extraction
//! for a kind of page fails here. Per-page scores, worst first, come from
//! `cargo run -p sourcetrace-import --release --example html_eval`.

use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_core::text;
use sourcetrace_import::{html, Origin};
use std::io::Read;

const FLOOR: f64 = 0.95;

#[test]
fn html_extraction_matches_the_ground_truth() {
    let Some(dir) = crate::support::shared("eval/html-pages") else { return };
    let truth_text = std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json is readable");
    let truth: serde_json::Value = serde_json::from_str(&truth_text).expect("ground-truth.json is JSON");
    let entries = truth.as_object().expect("ground-truth.json maps sha256 to {url, articleBody}");
    assert!(!entries.is_empty(), "ground-truth.json has no pages");

    let gazetteer = Gazetteer::builtin();
    let mut total = 0.0;
    let mut worst: Vec<(f64, String)> = Vec::new();
    for (sha, entry) in entries {
        let expected = entry["articleBody"].as_str().unwrap_or("");
        let path = dir.join("html").join(format!("{sha}.html.gz"));
        let mut bytes = Vec::new();
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let score = match html::draft(&bytes, &Origin::file(path.display().to_string())) {
            Ok(draft) => text::token_f1(&draft.finish(&gazetteer).text, expected),
            Err(_) => 0.0,
        };
        total += score;
        worst.push((score, entry["url"].as_str().unwrap_or(sha).to_string()));
    }
    let mean = total / entries.len() as f64;
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    eprintln!("HTML extraction: mean token F1 {mean:.4} over {} pages (floor {FLOOR})", entries.len());
    for (score, url) in worst.iter().take(5) {
        eprintln!("  {score:.3}  {url}");
    }
    assert!(mean >= FLOOR, "mean token F1 {mean:.4} fell below {FLOOR}");
}
