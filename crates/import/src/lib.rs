//! Import: from the files a journalist collected to article drafts.
//!
//! The pipeline has three steps, each usable alone:
//! 1. [`walk::Sources`] turns paths (files, folders, `.zip` archives) into
//!    [`Unit`]s, reading each with a size limit. This is the only step that
//!    does IO.
//! 2. [`draft`] parses one unit in its [`Format`] into [`ArticleDraft`]s, or
//!    into [`Failure`]s that name the file, line or row and the reason. It
//!    is pure, so units can be parsed in parallel.
//! 3. [`ArticleDraft::finish`] normalizes the text and derives what the
//!    library stores: language, word count, content hash and near-duplicate
//!    sketch.
//!
//! ```
//! use sourcetrace_core::outlets::Gazetteer;
//! use sourcetrace_import::{draft, Format, Origin, Unit, Options};
//!
//! let page = "Download\nPutin says he wants talks\nUpdated 22:15, 12-Dec-2021\nCGTN\n\
//!             Russian President Vladimir Putin said on Sunday that he would like to meet.\n\
//!             Search Trends";
//! let unit = Unit::document(Origin::file("putin.txt"), Format::Text, page.as_bytes().to_vec());
//! let gazetteer = Gazetteer::builtin();
//! let drafts = draft(unit, &Options::default(), &gazetteer);
//! let article = drafts[0].as_ref().unwrap().clone().finish(&gazetteer);
//! assert_eq!(article.title.as_deref(), Some("Putin says he wants talks"));
//! assert_eq!(article.outlet.as_deref(), Some("CGTN"));
//! assert_eq!(article.published.as_deref(), Some("2021-12-12T22:15"));
//! assert!(!article.text.contains("Download"));
//! ```

mod article;
mod decode;
pub mod feed;
pub mod html;
pub mod page_text;
pub mod tabular;
pub mod walk;

pub use article::{Article, ArticleDraft, Block, BlockKind, Segment};
pub use decode::decode_text;

use sourcetrace_core::outlets::Gazetteer;
use std::fmt;

/// The formats Sourcetrace reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Text copied from a web page, or any plain text file.
    Text,
    Html,
    /// RSS 0.9-2.0, Atom or JSON Feed.
    Feed,
    Csv,
    /// A JSON document: one article object, an array of them, or an object
    /// with an `articles` or `items` array.
    Json,
    /// One JSON article object per line.
    Jsonl,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Where an article or a failure came from: a file, and inside it a zip
/// member, line, row or feed item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Origin {
    pub path: String,
    /// The zip member, then the record inside the file ("line 12",
    /// "row 5", "item 3"), joined by " ".
    pub entry: Option<String>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Origin {
        Origin { path: path.into(), entry: None }
    }

    /// The same origin narrowed to a part of it.
    pub fn at(&self, part: impl fmt::Display) -> Origin {
        let entry = match &self.entry {
            Some(entry) => format!("{entry} {part}"),
            None => part.to_string(),
        };
        Origin { path: self.path.clone(), entry: Some(entry) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{}: {entry}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// A file, line or row that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Failure {
    pub origin: Origin,
    pub reason: String,
}

impl Failure {
    pub fn new(origin: Origin, reason: impl Into<String>) -> Failure {
        Failure { origin, reason: reason.into() }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// One piece of input, read but not yet parsed.
#[derive(Debug, Clone)]
pub enum Unit {
    /// A whole file (or zip member) in one format.
    Document { origin: Origin, format: Format, bytes: Vec<u8> },
    /// One line of a JSONL file.
    JsonLine { origin: Origin, line: String },
    /// One row of a CSV file, already mapped to article fields.
    Record { origin: Origin, fields: tabular::Fields },
}

impl Unit {
    pub fn document(origin: Origin, format: Format, bytes: Vec<u8>) -> Unit {
        Unit::Document { origin, format, bytes }
    }

    pub fn origin(&self) -> &Origin {
        match self {
            Unit::Document { origin, .. } | Unit::JsonLine { origin, .. } | Unit::Record { origin, .. } => origin,
        }
    }
}

/// Choices the user makes for a whole import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The outlet of every imported article, overriding what is detected.
    pub outlet: Option<String>,
}

/// Parses one unit into article drafts. Never panics; every problem becomes
/// a [`Failure`] naming the file and, where there is one, the line or row.
pub fn draft(unit: Unit, options: &Options, gazetteer: &Gazetteer) -> Vec<Result<ArticleDraft, Failure>> {
    let mut results = match unit {
        Unit::Document { origin, format, bytes } => match format {
            Format::Html => one(html::draft(&bytes, &origin)),
            Format::Feed => feed::drafts(&bytes, &origin),
            Format::Json => tabular::json_drafts(&bytes, &origin),
            Format::Jsonl => tabular::jsonl_drafts(&bytes, &origin),
            Format::Csv => tabular::csv_drafts(&bytes, &origin),
            Format::Text => {
                one(decode_text(&bytes).map_err(|reason| Failure::new(origin.clone(), reason)).and_then(|text| {
                    page_text::draft(&text, &origin, gazetteer)
                        .ok_or_else(|| Failure::new(origin, "no article text found"))
                }))
            }
        },
        Unit::JsonLine { origin, line } => vec![tabular::json_line_draft(&line, &origin)],
        Unit::Record { origin, fields } => vec![fields.into_draft(origin)],
    };
    if let Some(outlet) = &options.outlet {
        for draft in results.iter_mut().flatten() {
            draft.outlet = Some(outlet.clone());
        }
    }
    results
}

fn one(result: Result<ArticleDraft, Failure>) -> Vec<Result<ArticleDraft, Failure>> {
    vec![result]
}
