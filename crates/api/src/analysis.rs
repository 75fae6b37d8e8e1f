//! Analysing texts outside the library: files named on the command line,
//! and JSON lines on stdin, one article a line, so that the same binary can
//! run as the map step of a cluster engine.
//!
//! Offsets in the output are code points into the text exactly as read:
//! the file's UTF-8, or the `text` (or `body`) field of the JSON line.

use serde::Serialize;
use sourcetrace_core::attribution::{self, Analysis, Context, Reading};
pub use sourcetrace_core::attribution::{Attribution, Lexicon, Scores};
pub use sourcetrace_core::credits::{self, Credit, CreditKind};
use std::path::Path;

/// The result for one input: a path or a JSON line's id, and either the
/// analysis or the reason there is none.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextAnalysis {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub analysis_version: u32,
    #[serde(flatten)]
    pub analysis: Analysis,
    /// Wire, photo and other credits, in the same code-point offsets.
    pub credits: Vec<Credit>,
}

impl TextAnalysis {
    fn failed(path: Option<String>, id: Option<serde_json::Value>, error: String) -> TextAnalysis {
        TextAnalysis {
            path,
            id,
            error: Some(error),
            analysis_version: sourcetrace_core::ANALYSIS_VERSION,
            analysis: Analysis::default(),
            credits: Vec::new(),
        }
    }
}

/// Files larger than this are refused rather than read into memory.
pub const MAX_ANALYZE_FILE: u64 = 64 << 20;

/// Analyses one file. Unreadable, binary or non-UTF-8 files yield an error
/// entry rather than stopping the run.
pub fn analyze_file(path: &Path, lexicon: &Lexicon, outlet: Option<&str>) -> TextAnalysis {
    let shown = path.display().to_string();
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return TextAnalysis::failed(Some(shown), None, "is a folder, not a file".into()),
        Ok(m) => m.len(),
        Err(e) => return TextAnalysis::failed(Some(shown), None, format!("cannot read: {e}")),
    };
    if size > MAX_ANALYZE_FILE {
        return TextAnalysis::failed(Some(shown), None, format!("{size} bytes is larger than the 64 MiB limit"));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return TextAnalysis::failed(Some(shown), None, format!("cannot read: {e}")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return TextAnalysis::failed(
                Some(shown),
                None,
                format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()),
            )
        }
    };
    if text.contains('\0') {
        return TextAnalysis::failed(Some(shown), None, "binary file (contains NUL bytes)".into());
    }
    analyzed(Some(shown), None, &text, outlet, lexicon)
}

/// Analyses one JSON line: an object with `text` (or `body`), and optionally
/// `id` and `outlet`. A line that is not such an object yields an error
/// entry that names the line.
pub fn analyze_json_line(line: &str, number: usize, lexicon: &Lexicon) -> TextAnalysis {
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return TextAnalysis::failed(None, Some(serde_json::json!(number)), format!("line {number}: not JSON: {e}"))
        }
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::json!(number));
    let Some(text) = value.get("text").or_else(|| value.get("body")).and_then(|t| t.as_str()) else {
        return TextAnalysis::failed(None, Some(id), format!("line {number}: no \"text\" or \"body\" string"));
    };
    let outlet = value.get("outlet").and_then(|o| o.as_str());
    let path = value.get("path").and_then(|p| p.as_str()).map(str::to_string);
    analyzed(path, Some(id), text, outlet, lexicon)
}

/// The attributions and credits of one text, from one reading of it.
fn analyzed(
    path: Option<String>,
    id: Option<serde_json::Value>,
    text: &str,
    outlet: Option<&str>,
    lexicon: &Lexicon,
) -> TextAnalysis {
    let reading = Reading::new(text, lexicon);
    TextAnalysis {
        path,
        id,
        error: None,
        analysis_version: sourcetrace_core::ANALYSIS_VERSION,
        analysis: attribution::analyze_reading(&reading, lexicon, &Context { outlet }),
        credits: credits::find_in(&reading, text, &lexicon.gazetteer),
    }
}
