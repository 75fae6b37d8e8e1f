//! Prints the attributions of text files as JSON lines, one per file, in the
//! contract of `../shared/eval/README.md`. The same as `sourcetrace analyze
//! --format jsonl FILE...`, without the rest of the application, so that
//! the rules can be tuned and timed in isolation:
//!
//! ```text
//! cargo run -p sourcetrace-core --release --example attributions -- FILE...
//! ```

use sourcetrace_core::attribution::{analyze, Context, Lexicon};
use std::io::Write;

fn main() {
    let lexicon = Lexicon::builtin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let analysis = analyze(&text, &lexicon, &Context::default());
        let line = serde_json::json!({"path": path, "attributions": analysis.attributions});
        writeln!(out, "{line}").expect("stdout");
    }
}
