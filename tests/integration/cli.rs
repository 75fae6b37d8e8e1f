//! The `sourcetrace` command from the outside: the journeys of the README.

use crate::support::{run_cli, sample_article, TempLibrary};

#[test]
fn import_list_show_and_search_the_sample() {
    let Some(sample) = sample_article() else { return };
    let lib = TempLibrary::new();
    let library = lib.path();
    let (code, stdout, stderr) = run_cli(&library, &["import", sample.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Imported 1 article, 0 duplicates, 0 failed"), "{stdout}");

    let (code, stdout, _) = run_cli(&library, &["list"]);
    assert_eq!(code, 0);
    let row = stdout.lines().nth(1).unwrap();
    assert!(row.contains("2021-12-12 22:15") && row.contains("CGTN") && row.contains("would really like"), "{stdout}");

    let (code, stdout, _) = run_cli(&library, &["show", "1"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Outlet:    CGTN (CN, state media)"), "{stdout}");
    assert!(stdout.contains("[credit] (With input from Reuters)"), "{stdout}");

    let (code, stdout, _) = run_cli(&library, &["search", "\"red lines\"", "--format", "json"]);
    assert_eq!(code, 0);
    let hits: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(hits[0]["id"], 1);

    let (code, _, stderr) = run_cli(&library, &["show", "42"]);
    assert_eq!(code, 2);
    assert_eq!(stderr.trim(), "error: article #42 does not exist");
}

#[test]
fn list_filters_and_jsonl_output() {
    let lib = TempLibrary::new();
    let path = lib.write(
        "x.jsonl",
        "{\"title\":\"A\",\"outlet\":\"TASS\",\"date\":\"2021-12-01\",\"text\":\"Alpha text about the talks.\"}\n{\"title\":\"B\",\"outlet\":\"Reuters\",\"date\":\"2021-12-05\",\"text\":\"Beta text about the talks.\"}\n",
    );
    let (code, _, stderr) = run_cli(&lib.path(), &["import", "--collection", "Talks", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let (_, stdout, _) = run_cli(&lib.path(), &["list", "--outlet", "TASS News Agency", "--format", "jsonl"]);
    let rows: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "A");
    let (_, stdout, _) = run_cli(&lib.path(), &["list", "--since", "2021-12-02", "--collection", "talks"]);
    assert!(stdout.contains(" B") && !stdout.contains(" A\n"), "{stdout}");
    let (code, _, stderr) = run_cli(&lib.path(), &["list", "--since", "yesterday"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("expected a date like 2021-12-31"), "{stderr}");
}

/// A reader that stops early (`| head`) must not make the command panic.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    std::fs::write(&file, "\u{201C}We will meet,\u{201D} Peskov said. Officials said talks would go on.\n".repeat(400))
        .unwrap();
    // Enough output to fill the pipe several times over.
    let args: Vec<&str> = std::iter::repeat_n(file.to_str().unwrap(), 50).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcetrace"))
        .arg("analyze")
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    child.wait().unwrap();
    assert!(first.starts_with(&file.to_str().unwrap().as_bytes()[..16]), "{}", String::from_utf8_lossy(&first));
    assert!(!stderr.contains("panicked"), "{stderr}");
}
