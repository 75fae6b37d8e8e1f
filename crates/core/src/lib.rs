//! The analysis core of Sourcetrace.
//!
//! Everything in this crate is a pure function of its inputs: text in,
//! results plus [`Diagnostic`]s out. It reads no files, opens no database and
//! never panics on messy input, so the importer, the store, the CLI, the
//! desktop app and a map step inside a cluster engine can all call it and get
//! the same answer. Data files from `data/` are compiled in with
//! `include_str!`; user additions are passed in as text by the caller.
//!
//! ```
//! use sourcetrace_core::{dates, text};
//!
//! let body = text::normalize("Caf\u{65}\u{301} owners said\r\nprices rose.");
//! assert_eq!(body, "Caf\u{e9} owners said\nprices rose.");
//! assert_eq!(text::word_count(&body), 5);
//! let when = dates::parse_news_date("Updated 22:15, 12-Dec-2021").unwrap();
//! assert_eq!(when.iso, "2021-12-12T22:15");
//! ```

pub mod attribution;
pub mod blindspots;
pub mod credits;
pub mod dates;
pub mod diagnostic;
pub mod fasthash;
pub mod framing;
pub mod language;
pub mod outlets;
pub mod reuse;
pub mod sketch;
pub mod stories;
pub mod text;
pub mod tone;

pub use diagnostic::{Diagnostic, Severity};

/// The version of the analysis rules. Stored results carry it, so a change to
/// the rules marks older results as stale instead of silently mixing them.
pub const ANALYSIS_VERSION: u32 = 31;
