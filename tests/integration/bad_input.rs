//! Bad input gets a clear one-line error naming the file and the reason,
//! and nothing else is lost: the rest of the import goes on.

use crate::formats::write_zip;
use crate::support::{failures, run_cli, TempLibrary};
use sourcetrace_api::{ImportRequest, Limits};

const GOOD: &str = "Good story headline\n\nThe mayor said on Tuesday that the new bridge would open in the spring, a year later than planned, because of a shortage of steel.";

#[test]
fn every_bad_file_fails_alone_with_its_reason() {
    let mut lib = TempLibrary::new();
    let good = lib.write("good.txt", GOOD);
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (lib.write("empty.txt", ""), "empty file"),
        (lib.write("blank.txt", "  \n\n \t"), "empty file (only whitespace)"),
        (lib.write("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00garbage"), "binary file, not text (a program)"),
        (
            lib.write("latin1.txt", b"Caf\xe9 owners said prices rose."),
            "invalid UTF-8 at byte 3; save the file as UTF-8 and import it again",
        ),
        (
            lib.write("broken.json", "{\"title\": \"x\",\n  \"text\": "),
            "invalid JSON at line 2 column 10: EOF while parsing a value",
        ),
        (
            lib.write("no-text.csv", "title,when\nA,2021\n"),
            "no text column (expected one of: text, body, content, article); the header has: title, when",
        ),
        (lib.write("feed.rss", "<rss><channel><item><title>x</title>"), "not a readable RSS, Atom or JSON feed"),
        (lib.dir.path().join("input/missing.txt"), "no such file or folder"),
        (lib.write("picture.png", b"\x89PNG\r\n\x1a\n"), "not an article format (.png)"),
        // Binary files renamed .txt, with no NUL byte near the start to give
        // them away: named for what they are rather than as bad UTF-8.
        (
            lib.write("renamed-pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"),
            "binary file, not text (a PDF document)",
        ),
        (
            lib.write("renamed-gzip.txt", b"\x1f\x8b\x08\x08\xb5\xfa\x9e\x61garbage"),
            "binary file, not text (a gzip archive)",
        ),
        (
            lib.write(
                "controls.txt",
                b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11abc\x12\x13\x14\x15\x16\x17\x18\x19".repeat(40),
            ),
            "binary file, not text (control characters)",
        ),
    ];
    let mut paths: Vec<_> = cases.iter().map(|(p, _)| p.clone()).collect();
    paths.insert(3, good.clone());
    let (summary, events) = lib.import(&paths);
    let failed = failures(&events);
    assert_eq!(summary.imported, 1, "the good file is imported: {failed:?}");
    assert_eq!(summary.failed as usize, cases.len(), "{failed:?}");
    for (path, reason) in &cases {
        let line = failed
            .iter()
            .find(|l| l.starts_with(&path.display().to_string()))
            .unwrap_or_else(|| panic!("no failure for {}", path.display()));
        assert!(line.contains(reason), "{line:?} should say {reason:?}");
        assert!(!line.contains('\n'), "one line: {line:?}");
    }
    // The run remembers its failures for later.
    assert_eq!(lib.app.import_failures(summary.run_id).unwrap().len(), cases.len());
}

#[test]
fn html_that_is_broken_or_empty_is_handled() {
    let mut lib = TempLibrary::new();
    let unclosed = lib.write(
        "unclosed.html",
        "<html><head><title>Unclosed page</title><body><div><p>The minister said on Friday that the budget would be presented next week, after a delay of two months caused by the coalition talks.<p>A second paragraph that never closes its tags and just ends",
    );
    let empty_body =
        lib.write("nothing.html", "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>");
    let (summary, events) = lib.import(&[unclosed, empty_body.clone()]);
    assert_eq!(summary.imported, 1, "{:?}", failures(&events));
    let failed = failures(&events);
    assert_eq!(failed.len(), 1);
    assert!(failed[0].starts_with(&empty_body.display().to_string()), "{failed:?}");
}

#[test]
fn size_limits_refuse_huge_files_and_records() {
    let mut lib = TempLibrary::new();
    let huge = lib.write("huge.txt", format!("{GOOD}\n\n{}", "word ".repeat(300_000)));
    let long_line = lib.write(
        "long.jsonl",
        format!(
            "{}\n{}\n",
            serde_json::json!({"text": "x".repeat(2 << 20)}),
            serde_json::json!({"title": "Kept", "text": GOOD})
        ),
    );
    let mut request = ImportRequest::new(vec![huge.clone(), long_line.clone()]);
    request.limits = Limits { max_file_bytes: 1 << 20, max_record_bytes: 1 << 20, ..Limits::default() };
    let (summary, events) = lib.import_with(request);
    let failed = failures(&events);
    assert_eq!((summary.imported, summary.failed), (1, 2), "{failed:?}");
    assert!(
        failed.iter().any(|l| l.starts_with(&huge.display().to_string()) && l.contains("larger than the 1 MiB limit")),
        "{failed:?}"
    );
    assert!(failed.iter().any(|l| l.contains("long.jsonl: line 1: line is longer than the 1 MiB limit")), "{failed:?}");
}

#[test]
fn zip_bombs_and_nested_archives_are_refused() {
    let mut lib = TempLibrary::new();
    let bomb = lib.dir.path().join("input/bomb.zip");
    std::fs::create_dir_all(bomb.parent().unwrap()).unwrap();
    write_zip(&bomb, &[("zeros.txt", "0".repeat(3 << 20)), ("ok.txt", GOOD.to_string())]);
    let mut request = ImportRequest::new(vec![bomb]);
    request.limits = Limits { max_file_bytes: 1 << 20, max_record_bytes: 1 << 20, max_archive_bytes: 2 << 20 };
    let (summary, events) = lib.import_with(request);
    let failed = failures(&events);
    assert_eq!(summary.failed, 1, "{failed:?}");
    assert!(failed[0].contains("bomb.zip: zeros.txt: member is larger than the 1 MiB limit"), "{failed:?}");
    assert_eq!(summary.imported, 1);

    // Members each under the file limit that together inflate past the
    // archive limit, from a zip of a few kilobytes: reading stops at the
    // limit with one failure, keeping what came before.
    let many = lib.dir.path().join("input/many.zip");
    let member = |i: usize| format!("Member {i}\n\n{}", format!("The mayor said item {i} was ready. ").repeat(25_000));
    let members: Vec<(String, String)> = (0..6).map(|i| (format!("m{i}.txt"), member(i))).collect();
    let named: Vec<(&str, String)> = members.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    write_zip(&many, &named);
    assert!(std::fs::metadata(&many).unwrap().len() < 100_000, "a small archive");
    let mut request = ImportRequest::new(vec![many]);
    request.limits = Limits { max_file_bytes: 1 << 20, max_record_bytes: 1 << 20, max_archive_bytes: 2 << 20 };
    let (summary, events) = lib.import_with(request);
    let failed = failures(&events);
    assert_eq!((summary.imported, summary.failed), (2, 1), "{failed:?}");
    assert!(
        failed[0].contains("many.zip: m2.txt: the archive inflates past the 2 MiB limit; stopped reading it"),
        "{failed:?}"
    );

    // With the default limits, one member of 65 MiB of zeros in a zip of
    // under 100 KB is refused by the file limit; memory stays bounded by it.
    let zeros = lib.dir.path().join("input/zeros.zip");
    write_zip(&zeros, &[("zeros.txt", "0".repeat(65 << 20))]);
    assert!(std::fs::metadata(&zeros).unwrap().len() < 100_000);
    let (summary, events) = lib.import(&[zeros]);
    let failed = failures(&events);
    assert_eq!(summary.failed, 1);
    assert!(failed[0].contains("zeros.zip: zeros.txt: member is larger than the 64 MiB limit"), "{failed:?}");
}

/// Archive member names are labels only: nothing is ever written where a
/// `../` or absolute name points, and the members are read like any other.
#[test]
fn zip_member_paths_never_leave_the_archive() {
    let mut lib = TempLibrary::new();
    let zip = lib.dir.path().join("input/deep/er/escape.zip");
    std::fs::create_dir_all(zip.parent().unwrap()).unwrap();
    let names = ["../../../escaped-1.txt", "/tmp/escaped-2.txt", "a/../../escaped-3.txt", "..\\..\\escaped-4.txt"];
    let members: Vec<(&str, String)> =
        names.iter().enumerate().map(|(i, n)| (*n, format!("Escape attempt {i}\n\n{GOOD} Number {i}."))).collect();
    write_zip(&zip, &members);
    let listing = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        walkdir(dir).into_iter().filter(|p| !p.to_string_lossy().contains("library.sqlite")).collect()
    };
    let before = listing(lib.dir.path());
    let (summary, events) = lib.import(std::slice::from_ref(&zip));
    assert_eq!(summary.imported, 4, "{:?}", failures(&events));
    assert_eq!(listing(lib.dir.path()), before, "the import created no file");
    for i in 1..=4 {
        assert!(!std::path::Path::new(&format!("/tmp/escaped-{i}.txt")).exists());
    }
    // Each article names the archive and its member as given.
    let entries: Vec<String> = (1..=4).map(|id| lib.app.show(id).unwrap().source_entry.unwrap()).collect();
    assert_eq!(entries, names);
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walkdir(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn cli_reports_each_failure_on_one_line_and_exits_non_zero() {
    let lib = TempLibrary::new();
    let good = lib.write("good.txt", GOOD);
    let bad = lib.write("bad.txt", b"caf\xc3\x28 not utf8");
    let (code, stdout, stderr) = run_cli(&lib.path(), &["import", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("error: ") && l.contains("bad.txt")), "{stderr}");
    assert!(stdout.contains("Imported 1 article, 0 duplicates, 1 failed"), "{stdout}");
    let (code, stdout, _) = run_cli(&lib.path(), &["import", good.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("duplicate of #1"), "{stdout}");
    assert!(stdout.contains("Imported 0 articles, 1 duplicate, 0 failed"), "{stdout}");
}
