//! Measures how well HTML extraction recovers article bodies.
//!
//! Reads the evaluation pages (gzipped HTML named by their sha256, plus a
//! `ground-truth.json` mapping each sha256 to its url and human-checked
//! `articleBody`), extracts every page with [`html::draft`], finishes it the
//! way the importer does, and scores the body against the truth with a token
//! F1. The data is copyrighted and lives outside the repository, so a missing
//! folder is a notice, not an error.
//!
//! ```text
//! cargo run -p sourcetrace-import --release --example html_eval [DIR]
//! ```
//!
//! `HTML_EVAL_VERBOSE=1` adds each page's title, byline, outlet, date and URL
//! to its line; `HTML_EVAL_DUMP=FOLDER` writes each extracted body to
//! `FOLDER/<sha256>.txt` for reading the misses side by side with the truth
//! (choose a folder outside the repository: the text is copyrighted).

use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_core::text;
use sourcetrace_import::{html, Origin};
use std::io::Read;
use std::path::{Path, PathBuf};

const DEFAULT_DIR: &str = "/work/shared/eval/html-pages";

fn main() {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
    let truth_path = dir.join("ground-truth.json");
    if !truth_path.is_file() {
        println!("skipping: {} not found", truth_path.display());
        return;
    }
    let truth: serde_json::Value = match std::fs::read_to_string(&truth_path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(value) => value,
        Err(e) => {
            eprintln!("cannot read {}: {e}", truth_path.display());
            std::process::exit(1);
        }
    };
    let Some(entries) = truth.as_object() else {
        eprintln!("{}: expected an object of sha256 -> {{url, articleBody}}", truth_path.display());
        std::process::exit(1);
    };

    let gazetteer = Gazetteer::builtin();
    let verbose = std::env::var_os("HTML_EVAL_VERBOSE").is_some();
    let dump = std::env::var_os("HTML_EVAL_DUMP").map(PathBuf::from);
    let mut scores: Vec<(f64, String, String)> = Vec::new();
    for (sha, entry) in entries {
        let url = entry["url"].as_str().unwrap_or("").to_string();
        let expected = entry["articleBody"].as_str().unwrap_or("");
        let page = dir.join("html").join(format!("{sha}.html.gz"));
        let (score, note) = match gunzip(&page) {
            Err(e) => (0.0, format!("unreadable: {e}")),
            Ok(bytes) => match html::draft(&bytes, &Origin::file(page.display().to_string())) {
                Err(failure) => (0.0, format!("failure: {}", failure.reason)),
                Ok(draft) => {
                    let article = draft.finish(&gazetteer);
                    if let Some(dump) = &dump {
                        if let Err(e) = std::fs::write(dump.join(format!("{sha}.txt")), &article.text) {
                            eprintln!("cannot write to {}: {e}", dump.display());
                        }
                    }
                    let note = if verbose {
                        format!(
                            "title={:?} byline={:?} outlet={:?} date={:?} url={:?}",
                            article.title, article.byline, article.outlet, article.published, article.url
                        )
                    } else {
                        String::new()
                    };
                    (text::token_f1(&article.text, expected), note)
                }
            },
        };
        scores.push((score, url, note));
    }
    if scores.is_empty() {
        println!("no pages in {}", dir.display());
        return;
    }

    scores.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    for (score, url, note) in &scores {
        if note.is_empty() {
            println!("{score:.3}  {url}");
        } else {
            println!("{score:.3}  {url}  {note}");
        }
    }
    let n = scores.len();
    let mean = scores.iter().map(|s| s.0).sum::<f64>() / n as f64;
    let median = if n % 2 == 1 { scores[n / 2].0 } else { (scores[n / 2 - 1].0 + scores[n / 2].0) / 2.0 };
    let below = scores.iter().filter(|s| s.0 < 0.5).count();
    println!("pages: {n}  mean F1: {mean:.4}  median F1: {median:.4}  below 0.5: {below}");
}

fn gunzip(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut bytes)?;
    Ok(bytes)
}
