//! The architecture invariants of ARCHITECTURE.md, checked on every run.

use crate::support::root;
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Invariant: nothing under `crates/` depends on Tauri, directly or not.
/// The libraries must serve the CLI, the web mode and a cluster map step,
/// none of which has a window.
#[test]
fn no_crate_under_crates_depends_on_tauri() {
    let meta = metadata();
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let deps: HashMap<&str, Vec<&str>> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap(),
                n["dependencies"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect(),
            )
        })
        .collect();
    let crates_dir = root().join("crates");
    let mut checked = 0;
    for package in meta["packages"].as_array().unwrap() {
        let manifest = Path::new(package["manifest_path"].as_str().unwrap());
        if !manifest.starts_with(&crates_dir) {
            continue;
        }
        checked += 1;
        let mut seen = HashSet::new();
        let mut stack = vec![package["id"].as_str().unwrap()];
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            let name = names[id];
            assert!(!name.starts_with("tauri"), "{} depends on {name}", package["name"]);
            stack.extend(deps.get(id).into_iter().flatten());
        }
    }
    assert!(checked >= 5, "found only {checked} crates under crates/");
}

/// Invariant: the analysis core does no IO. Its dependencies are a short
/// list of pure libraries, and its source names no file, network, process,
/// thread or environment API and prints nothing.
#[test]
fn the_core_does_no_io() {
    let manifest = std::fs::read_to_string(root().join("crates/core/Cargo.toml")).unwrap();
    let deps_section = manifest.split("[dependencies]").nth(1).unwrap().split("\n[").next().unwrap();
    // ts-rs is optional and only derives TypeScript declarations of the
    // core's types for the UI; the core never calls its export functions.
    let allowed = ["blake3", "jiff", "regex", "serde", "ts-rs", "unicode-normalization", "whatlang"];
    for line in deps_section.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let name = line.split(['=', '.']).next().unwrap().trim();
        assert!(allowed.contains(&name), "crates/core depends on {name}; the core must stay free of IO libraries");
    }
    let forbidden = [
        "std::fs",
        "std::net",
        "std::process",
        "std::thread",
        "std::env",
        "File::",
        "TcpStream",
        "Command::new",
        "stdin()",
        "stdout()",
        "println!",
        "eprintln!",
        "print!(",
        "dbg!",
        "include_bytes!",
    ];
    let mut files = 0;
    for entry in walk(&root().join("crates/core/src")) {
        let text = std::fs::read_to_string(&entry).unwrap();
        files += 1;
        for token in forbidden {
            assert!(!text.contains(token), "{} uses {token}; the core must do no IO", entry.display());
        }
    }
    assert!(files >= 5);
}

/// Invariant: every file in `data/` says where it came from and under what
/// licence, in its first lines.
#[test]
fn every_data_file_states_its_source_and_licence() {
    let mut files = 0;
    for path in walk(&root().join("data")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let head: String = text.lines().take(25).collect::<Vec<_>>().join("\n");
        assert!(head.contains("Source:"), "{} does not start with its source", path.display());
        assert!(head.contains("Licence:"), "{} does not state its licence", path.display());
        files += 1;
    }
    assert!(files >= 2);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}
