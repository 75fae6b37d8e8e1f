//! The HTML report: one file with its charts inline, opened in headless
//! Chromium (Debian's, as the web-mode tests use it) to check what a reader
//! sees, with figures equal to the app's and hostile article text shown as
//! text, never run.

use crate::support::{run_cli, TempLibrary};
use std::process::Command;

#[test]
fn report_has_charts_tables_and_the_apps_figures_and_runs_no_article_text() {
    let lib = TempLibrary::new();
    let line = |outlet: &str, title: &str, text: &str| {
        serde_json::json!({"outlet": outlet, "title": title, "date": "2024-03-05", "text": text}).to_string()
    };
    let hostile = "MOSCOW (Reuters) - The Kremlin said on Sunday that talks were possible, TASS reported, citing a video \
                   released on state TV. <script>document.title='pwned'</script> <img src=x onerror=\"document.title='pwned'\">";
    let plain = "Officials said the talks would resume on Monday. \"We are ready,\" said Maria Lopez, a spokeswoman.";
    let path = lib.write(
        "talks.jsonl",
        [line("Daily Herald", "Talks <b>resume</b>", hostile), line("Valley News", "Talks resume", plain)].join("\n"),
    );
    let library = lib.path();
    let (code, out, err) = run_cli(&library, &["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    run_cli(&library, &["analyze"]);
    let report = lib.dir.path().join("report.html");
    let (code, _, err) = run_cli(&library, &["report", "-o", report.to_str().unwrap(), "--title", "Talks <coverage>"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"), "article text is escaped");
    assert!(html.contains("Talks &lt;b&gt;resume&lt;/b&gt;"), "a title with markup is shown as text: {html}");
    assert!(html.contains("Talks &lt;coverage&gt;"));
    assert!(html.contains("default-src 'none'"), "the report loads nothing");
    // The app's figures: each outlet's attributions as `framing` counts them.
    let (_, out, _) = run_cli(&library, &["framing", "--format", "json"]);
    let framing: serde_json::Value = serde_json::from_str(&out).unwrap();
    for o in framing.as_array().unwrap() {
        let row = format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td>",
            o["outlet"].as_str().unwrap(),
            o["articles"],
            o["attributions"]
        );
        assert!(html.contains(&row), "{row} in the report");
    }
    assert!(html.contains("TASS") && html.contains("state_media"), "the top sources list TASS as state media");
    assert!(html.contains("id=\"evidence-1\""), "the chain through TASS has its evidence");

    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(chromium) = chromium else {
        println!("notice: chromium is not installed (scripts/setup.sh installs it); skipped the browser check");
        return;
    };
    let out = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--dump-dom"])
        .arg(format!("file://{}", report.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.matches("<svg").count() >= 3, "sourcing mix, shares and credit heatmap charts: {dom}");
    assert!(dom.matches("<table").count() >= 3, "outlet, source and chain tables");
    assert!(dom.contains("<title>Talks &lt;coverage&gt;</title>"), "the title is text, and no script renamed the page");
    assert!(!dom.contains("pwned</title>"));
}

/// The PDF: printed by headless Chromium, then read back with poppler's
/// pdftoppm (pages render) and pdftotext (the text is there, not pictures).
#[test]
fn pdf_report_renders_pages_with_text() {
    let have = |tool: &str, arg: &str| Command::new(tool).arg(arg).output().is_ok_and(|o| o.status.success());
    if !have("chromium", "--version") || !have("pdftoppm", "-v") {
        println!("notice: chromium or poppler-utils is not installed (scripts/setup.sh installs both); skipped");
        return;
    }
    let lib = TempLibrary::new();
    let text =
        "The Kremlin said on Sunday that talks were possible, TASS reported, citing a video released on state TV. \
                \"We are ready,\" said Maria Lopez, a spokeswoman.";
    let path = lib
        .write("one.jsonl", serde_json::json!({"outlet": "Daily Herald", "title": "Talks", "text": text}).to_string());
    let library = lib.path();
    run_cli(&library, &["import", path.to_str().unwrap()]);
    run_cli(&library, &["analyze"]);
    let pdf = lib.dir.path().join("report.pdf");
    let (code, _, err) = run_cli(&library, &["report", "-o", pdf.to_str().unwrap(), "--title", "Talks report"]);
    assert_eq!(code, 0, "{err}");
    let pages = lib.dir.path().join("page");
    let out = Command::new("pdftoppm").args(["-r", "40", "-png"]).arg(&pdf).arg(&pages).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rendered = std::fs::read_dir(lib.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name().to_string_lossy().starts_with("page") && e.file_name().to_string_lossy().ends_with(".png")
        })
        .count();
    assert!(rendered >= 1, "at least one page renders");
    let out = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in ["Talks report", "Method", "Outlets compared", "Daily Herald", "TASS"] {
        assert!(text.contains(expected), "{expected} in the PDF's text: {text}");
    }
}
