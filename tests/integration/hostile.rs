//! Hostile input: text built to disguise itself, files far larger or deeper
//! than any article, and files that disappear while they are read. Each
//! must import, or fail alone with a clear reason, within a time limit and
//! without taking the process down. The plainer cases (empty, binary,
//! Latin-1, size limits, zip bombs) are in `bad_input.rs`.

use crate::support::{failures, run_cli, run_cli_within, TempLibrary};
use sourcetrace_api::{AnalyzeRequest, ImportEvent, ImportRequest};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Invisible and bidi control characters, which can make a name or a quote
/// read differently from what it is (a right-to-left override turns
/// "TASS" around on screen).
const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
    '\u{202E}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}', '\u{00AD}',
];

/// An article sprinkled with every invisible character, between words and
/// around the names and quotes an attribution is made of, with accented and
/// non-Latin letters before them so that bytes and code points differ.
fn disguised() -> String {
    "Pr\u{e9}sident \u{201c}\u{43c}\u{438}\u{440}\u{201d} visit ends\n\n\
     The minister\u{200B} said on Monday that the \u{202E}talks\u{202C} would continue, \u{2066}TASS\u{2069} reported. \
     \u{201c}We are ready,\u{201d}\u{200D} Kremlin spokesman\u{00AD} Dmitry Peskov told\u{FEFF} reporters. \
     Caf\u{e9} owners \u{2060}said prices \u{200E}rose\u{200F}, \u{202A}according to\u{202C} officials \u{202B}in\u{202D} \
     Moscow\u{2067}\u{2068}. \u{200C}Peskov added that no date was set."
        .to_string()
}

/// Code points `start..end` of `text`: what an offset pair names.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn invisible_and_bidi_characters_are_stripped_and_offsets_stay_right() {
    let mut lib = TempLibrary::new();
    let raw = disguised();
    let path = lib.write("disguised.txt", &raw);
    let (summary, events) = lib.import(std::slice::from_ref(&path));
    assert_eq!(summary.imported, 1, "{:?}", failures(&events));
    let article = lib.app.show(1).unwrap();
    // Stored text has none of them, in the body and the headline alike.
    for c in INVISIBLE {
        assert!(!article.text.contains(*c), "U+{:04X} is stripped from the text", *c as u32);
        assert!(!article.title.clone().unwrap_or_default().contains(*c), "U+{:04X} is stripped", *c as u32);
    }
    assert!(article.text.contains("The minister said on Monday that the talks would continue, TASS reported."));
    // Importing the same text without the characters is a duplicate: they
    // change neither the content hash nor search.
    let clean: String = raw.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    let (second, _) = lib.import(&[lib.write("clean.txt", clean)]);
    assert_eq!((second.imported, second.duplicates), (0, 1));
    let found = lib.app.search("Peskov", &Default::default()).unwrap();
    assert_eq!(found.hits.len(), 1);

    lib.app.analyze_library(&AnalyzeRequest::default(), &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
    let attributions = lib.app.attributions(1).unwrap();
    assert!(attributions.len() >= 3, "{attributions:#?}");
    assert!(attributions.iter().any(|a| a.attribution.source.as_ref().is_some_and(|s| s.text.contains("Peskov"))));
    // Every stored offset pair names exactly the text it claims, in code
    // points of the stored text.
    for a in &attributions {
        let a = &a.attribution;
        assert_eq!(slice(&article.text, a.cue.start, a.cue.end), a.cue.text);
        if let Some(s) = &a.source {
            assert_eq!(slice(&article.text, s.start, s.end), s.text);
        }
        for c in &a.content {
            assert_eq!(slice(&article.text, c.start, c.end), c.text);
        }
    }
    let segments = article.segments.as_array().unwrap();
    let chars = article.text.chars().count() as u64;
    for s in segments {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert!(start < end && end <= chars, "segment {s} lies inside the text of {chars} code points");
    }

    // `analyze FILE` reads the file as it is, so it keeps the characters,
    // and its offsets are code points of the file as read.
    let (code, stdout, stderr) = run_cli(&lib.path(), &["analyze", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let result: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let found = result["attributions"].as_array().unwrap_or_else(|| panic!("{stdout}"));
    assert!(found.len() >= 3, "{stdout}");
    for a in found {
        let cue = &a["cue"];
        let (start, end) = (cue["start"].as_u64().unwrap() as usize, cue["end"].as_u64().unwrap() as usize);
        assert_eq!(slice(&raw, start, end), cue["text"].as_str().unwrap(), "{a}");
        if let Some(s) = a["source"].as_object() {
            let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(slice(&raw, start, end), s["text"].as_str().unwrap(), "{a}");
        }
        for c in a["content"].as_array().unwrap() {
            let (start, end) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
            assert_eq!(slice(&raw, start, end), c["text"].as_str().unwrap(), "{a}");
        }
    }
}

/// One line, no paragraph break anywhere: the worst case for anything that
/// works line by line or looks back to the start of a paragraph.
fn one_line(bytes: usize) -> String {
    let sentence = "The minister said on Tuesday that the talks would continue, according to officials in Geneva. \
                    \"We are ready,\" he said. ";
    let mut text = String::from("One line: ");
    while text.len() < bytes {
        text.push_str(sentence);
    }
    text
}

#[test]
fn a_ten_megabyte_line_imports_and_analyses_in_bounded_time() {
    let lib = TempLibrary::new();
    let text = one_line(10 << 20);
    let path = lib.write("long-line.txt", &text);
    let library = lib.path();
    drop(lib.app);
    let (code, stdout, stderr) =
        run_cli_within(&library, &["import", path.to_str().unwrap()], Duration::from_secs(120));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Imported 1 article"), "{stdout}");
    let conn = rusqlite::Connection::open(&library).unwrap();
    let stored: String = conn.query_row("SELECT text FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, text.trim_end(), "the whole line is stored");

    // Analysing it once took time quadratic in the length of the paragraph
    // (each quotation walked back to the paragraph's start): 2 MB took
    // minutes in a debug build. Now it is linear; 2 MB takes seconds.
    let two = lib_file(&library, "two-megabytes.txt", &one_line(2 << 20));
    let (code, stdout, stderr) =
        run_cli_within(&library, &["analyze", "--format", "json", two.to_str().unwrap()], Duration::from_secs(90));
    assert_eq!(code, 0, "{stderr}");
    let result: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(result["attributions"].as_array().unwrap().len() > 20_000, "attributions are found all along the line");
}

fn lib_file(library: &std::path::Path, name: &str, contents: &str) -> std::path::PathBuf {
    let path = library.parent().unwrap().join("input").join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// Deep nesting is where parsers recurse; a stack overflow would abort the
/// whole import, so these run in a child process.
#[test]
fn deeply_nested_html_json_and_feeds_fail_alone_or_import() {
    let lib = TempLibrary::new();
    let depth = 100_000;
    let body = "<p>The mayor said on Tuesday that the bridge would open in the spring, a year later than planned.</p>";
    let html = lib.write(
        "deep.html",
        format!("<html><body>{}{body}{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth)),
    );
    let unclosed = lib.write("unclosed.html", format!("<html><body>{}{body}", "<div><span>".repeat(depth)));
    let json = lib.write("deep.json", format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
    let object = lib.write("deep-object.json", format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
    let jsonl = lib.write(
        "deep.jsonl",
        format!(
            "{{\"text\": {}\"x\"{}}}\n{}\n",
            "[".repeat(depth),
            "]".repeat(depth),
            serde_json::json!({"title": "Kept", "text": "The court said on Monday that the ruling stands, officials told reporters."})
        ),
    );
    let feed = lib.write(
        "deep.rss",
        format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>Deep</title><description>{}x{}</description></item>{}</channel></rss>",
            "<b>".repeat(depth),
            "</b>".repeat(depth),
            "<x>".repeat(depth)
        ),
    );
    let good = lib.write(
        "good.txt",
        "Good story headline\n\nThe mayor said on Tuesday that the new bridge would open in the spring.",
    );
    let library = lib.path();
    drop(lib.app);
    let paths = [&html, &unclosed, &json, &object, &jsonl, &feed, &good];
    let args: Vec<&str> = std::iter::once("import").chain(paths.iter().map(|p| p.to_str().unwrap())).collect();
    let (code, stdout, stderr) = run_cli_within(&library, &args, Duration::from_secs(120));
    assert!(code == 0 || code == 1, "the import ends by itself, not by a signal: {code}\n{stdout}{stderr}");
    // The JSON nests deeper than any article could: refused with a reason.
    for path in [&json, &object] {
        let line = stderr.lines().find(|l| l.contains(path.to_str().unwrap())).unwrap_or_else(|| panic!("{stderr}"));
        assert!(line.contains("nested too deeply") || line.contains("recursion limit"), "{line}");
    }
    let jsonl_line = stderr.lines().find(|l| l.contains("deep.jsonl: line 1")).unwrap_or_else(|| panic!("{stderr}"));
    assert!(jsonl_line.contains("nested too deeply") || jsonl_line.contains("recursion limit"), "{jsonl_line}");
    // Everything else imports or fails alone with its reason: the page
    // text and the second JSON line always import, and the HTML and the
    // feed either import or name themselves in a one-line error.
    let conn = rusqlite::Connection::open(&library).unwrap();
    let stored: Vec<(String, Option<String>)> = conn
        .prepare("SELECT source_path, title FROM articles")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(stored.iter().any(|(_, t)| t.as_deref() == Some("Kept")), "{stored:?}\n{stderr}");
    assert!(stored.iter().any(|(_, t)| t.as_deref() == Some("Good story headline")), "{stored:?}");
    for path in [&html, &unclosed, &feed] {
        let name = path.to_str().unwrap();
        let imported = stored.iter().any(|(p, _)| p == name);
        let failed: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert!(
            imported == failed.is_empty(),
            "{name} is imported or fails with a reason (not both)\n{stdout}{stderr}"
        );
        for line in failed {
            assert!(line.starts_with("error: "), "{line}");
        }
    }
    eprintln!("deep nesting: {stored:?}\n{stderr}");
}

/// Files deleted after the import listed them are failures of their own;
/// the rest imports.
#[test]
fn files_that_vanish_mid_import_fail_alone() {
    let mut lib = TempLibrary::new();
    // A large JSONL file first: the reader cannot run more than a few small
    // batches ahead of the writer, so it is still inside this file when the
    // first batch is reported and the later files are deleted.
    let lines: Vec<String> = (0..1000)
        .map(|i| {
            serde_json::json!({"title": format!("Line {i}"), "text": crate::support::prose(70_000 + i, 40)}).to_string()
        })
        .collect();
    let first = lib.write("folder/000-first.jsonl", lines.join("\n"));
    let mut files = Vec::new();
    for i in 0..100 {
        files.push(lib.write(
            &format!("folder/{:03}.txt", i + 1),
            format!("Story {i}\n\n{}", crate::support::prose(80_000 + i, 60)),
        ));
    }
    let vanishing: Vec<_> = files.iter().skip(1).step_by(3).cloned().collect();
    let folder = first.parent().unwrap().to_path_buf();
    let request = ImportRequest { batch_units: 10, ..ImportRequest::new(vec![folder]) };
    let mut events = Vec::new();
    let mut deleted = false;
    let summary = lib
        .app
        .import(
            &request,
            &mut |e| {
                if !deleted {
                    for path in &vanishing {
                        std::fs::remove_file(path).unwrap();
                    }
                    deleted = true;
                }
                events.push(e.clone());
            },
            &AtomicBool::new(false),
        )
        .unwrap();
    let failed = failures(&events);
    assert_eq!(summary.failed as usize, vanishing.len(), "{failed:?}");
    for path in &vanishing {
        let line =
            failed.iter().find(|l| l.starts_with(path.to_str().unwrap())).unwrap_or_else(|| panic!("{failed:?}"));
        assert!(line.ends_with("no such file or folder"), "{line}");
    }
    assert_eq!(summary.imported as usize, 1000 + files.len() - vanishing.len());
    assert!(events.iter().any(|e| matches!(e, ImportEvent::Imported { .. })));
}
