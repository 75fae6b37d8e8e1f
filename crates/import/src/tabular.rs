//! CSV, JSON and JSONL: articles as records.
//!
//! # Field mapping
//! Column and key names are matched ignoring case, spaces, `_` and `-`. The
//! first name found in each list wins:
//!
//! | field  | accepted names |
//! |--------|----------------|
//! | title  | title, headline, heading |
//! | text   | text, body, content, article, articlebody, fulltext, story, maintext, description, summary |
//! | outlet | outlet, source, publisher, publication, site, sitename, media, newspaper, medium |
//! | url    | url, link, uri, permalink, href |
//! | date   | date, published, publishedat, publishdate, pubdate, datepublished, datetime, timestamp, time, createdat |
//! | author | author, authors, byline, creator, writer |
//!
//! A JSON value that is an object with a `name` (as NewsAPI's `source`) gives
//! that name; an array of strings is joined with ", ". A text that contains
//! HTML paragraph markup is converted to plain paragraphs.
//!
//! Each bad record becomes a failure naming its line (JSONL), row (CSV) or
//! item (JSON), and the rest of the file is still imported.

use crate::{html, ArticleDraft, Failure, Format, Origin};
use regex::Regex;
use serde_json::Value;
use std::sync::OnceLock;

const TITLE: &[&str] = &["title", "headline", "heading"];
const TEXT: &[&str] =
    &["text", "body", "content", "article", "articlebody", "fulltext", "story", "maintext", "description", "summary"];
const OUTLET: &[&str] =
    &["outlet", "source", "publisher", "publication", "site", "sitename", "media", "newspaper", "medium"];
const URL: &[&str] = &["url", "link", "uri", "permalink", "href"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "publishdate",
    "pubdate",
    "datepublished",
    "datetime",
    "timestamp",
    "time",
    "createdat",
];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator", "writer"];

fn key(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect()
}

/// An article's fields as a record gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub title: Option<String>,
    pub text: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub format: Option<Format>,
}

impl Fields {
    /// Turns the fields into a draft, or a failure if there is no text.
    pub fn into_draft(self, origin: Origin) -> Result<ArticleDraft, Failure> {
        let format = self.format.unwrap_or(Format::Json);
        let Some(body) = self.text else {
            return Err(Failure::new(origin, "no text field (expected one of: text, body, content, article)"));
        };
        if body.trim().is_empty() {
            return Err(Failure::new(origin, "the text field is empty"));
        }
        let mut draft = if looks_like_html(&body) {
            let mut d = ArticleDraft::new(origin, format);
            d.blocks = html::fragment_blocks(&body);
            d
        } else {
            ArticleDraft::new(origin, format).with_body(&body)
        };
        if draft.blocks.is_empty() {
            return Err(Failure::new(draft.origin, "the text field has no readable text"));
        }
        draft.title = self.title;
        draft.outlet = self.outlet;
        draft.url = self.url;
        draft.date = self.date;
        draft.byline = self.author;
        Ok(draft)
    }
}

fn looks_like_html(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)<(p|div|br|h[1-6]|li|blockquote)(\s[^>]*)?/?>").expect("valid pattern"))
        .is_match(text)
}

/// Maps CSV header columns to article fields.
#[derive(Debug, Clone)]
pub struct CsvMapping {
    title: Option<usize>,
    text: usize,
    outlet: Option<usize>,
    url: Option<usize>,
    date: Option<usize>,
    author: Option<usize>,
}

impl CsvMapping {
    pub fn from_headers(headers: &csv::StringRecord) -> Result<CsvMapping, String> {
        let keys: Vec<String> = headers.iter().map(key).collect();
        let find = |names: &[&str]| names.iter().find_map(|n| keys.iter().position(|k| k == n));
        let text = find(TEXT).ok_or_else(|| {
            let found: Vec<&str> = headers.iter().collect();
            format!(
                "no text column (expected one of: text, body, content, article); the header has: {}",
                found.join(", ")
            )
        })?;
        Ok(CsvMapping {
            title: find(TITLE),
            text,
            outlet: find(OUTLET),
            url: find(URL),
            date: find(DATE),
            author: find(AUTHOR),
        })
    }

    pub fn fields(&self, record: &csv::StringRecord) -> Fields {
        let get =
            |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        Fields {
            title: get(self.title),
            // The text is not filtered like the others so that an empty cell
            // is reported as empty rather than as a missing column.
            text: record.get(self.text).map(String::from),
            outlet: get(self.outlet),
            url: get(self.url),
            date: get(self.date),
            author: get(self.author),
            format: Some(Format::Csv),
        }
    }
}

/// Picks the delimiter from the header line: tab, semicolon or comma.
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    [b'\t', b';', b','].into_iter().max_by_key(|&d| (count(d), d == b',')).unwrap_or(b',')
}

/// Configures a CSV reader the way every CSV import reads.
pub fn csv_reader<R: std::io::Read>(delimiter: u8, input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).has_headers(true).from_reader(input)
}

/// Reads CSV rows into drafts. Used for CSVs held in memory (inside a zip);
/// the folder walker streams large files row by row with the same mapping.
pub fn csv_drafts(bytes: &[u8], origin: &Origin) -> Vec<Result<ArticleDraft, Failure>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv_reader(sniff_delimiter(bytes), bytes);
    let mapping = match reader.headers().map_err(|e| e.to_string()).and_then(CsvMapping::from_headers) {
        Ok(m) => m,
        Err(reason) => return vec![Err(Failure::new(origin.clone(), reason))],
    };
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let row = record.position().map_or(0, spreadsheet_row);
                out.push(mapping.fields(&record).into_draft(origin.at(format_args!("row {row}"))));
            }
            Err(e) => out.push(Err(csv_failure(origin, &e))),
        }
    }
    out
}

/// The row number a spreadsheet shows for a record: the header is row 1.
/// (Line numbers differ from it when a cell spans several lines.)
pub fn spreadsheet_row(position: &csv::Position) -> u64 {
    position.record() + 1
}

/// A failure for a CSV error, naming the row.
pub fn csv_failure(origin: &Origin, error: &csv::Error) -> Failure {
    let line = error.position().map(spreadsheet_row);
    let reason = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("has {len} fields where the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        _ => error.to_string(),
    };
    match line {
        Some(row) => Failure::new(origin.at(format_args!("row {row}")), reason),
        None => Failure::new(origin.clone(), reason),
    }
}

fn string_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(string_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(map) => map.get("name").and_then(string_of),
        _ => None,
    }
}

fn fields_of_object(map: &serde_json::Map<String, Value>, format: Format) -> Fields {
    let keyed: Vec<(String, &Value)> = map.iter().map(|(k, v)| (key(k), v)).collect();
    let find =
        |names: &[&str]| names.iter().find_map(|n| keyed.iter().find(|(k, _)| k == n).and_then(|(_, v)| string_of(v)));
    Fields {
        title: find(TITLE),
        text: find(TEXT),
        outlet: find(OUTLET),
        url: find(URL),
        date: find(DATE),
        author: find(AUTHOR),
        format: Some(format),
    }
}

fn value_draft(value: &Value, origin: Origin, format: Format) -> Result<ArticleDraft, Failure> {
    match value {
        Value::Object(map) => fields_of_object(map, format).into_draft(origin),
        other => Err(Failure::new(origin, format!("expected an article object, found {}", kind_of(other)))),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn json_error(e: &serde_json::Error) -> String {
    format!("invalid JSON at line {} column {}: {}", e.line(), e.column(), strip_position(&e.to_string()))
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// A JSON document: one article object, an array of them, or an object
/// holding them under `articles`, `items`, `data` or `results`.
pub fn json_drafts(bytes: &[u8], origin: &Origin) -> Vec<Result<ArticleDraft, Failure>> {
    let text = match crate::decode_text(bytes) {
        Ok(t) => t,
        Err(reason) => return vec![Err(Failure::new(origin.clone(), reason))],
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![Err(Failure::new(origin.clone(), json_error(&e)))],
    };
    let items = match &value {
        Value::Array(items) => items.as_slice(),
        Value::Object(map) => match ["articles", "items", "data", "results"].iter().find_map(|k| map.get(*k)) {
            Some(Value::Array(items)) => items.as_slice(),
            _ => return vec![value_draft(&value, origin.clone(), Format::Json)],
        },
        other => {
            return vec![Err(Failure::new(
                origin.clone(),
                format!("expected an article object or an array, found {}", kind_of(other)),
            ))]
        }
    };
    if items.is_empty() {
        return vec![Err(Failure::new(origin.clone(), "the JSON array is empty"))];
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| value_draft(item, origin.at(format_args!("item {}", i + 1)), Format::Json))
        .collect()
}

/// One line of a JSONL file.
pub fn json_line_draft(line: &str, origin: &Origin) -> Result<ArticleDraft, Failure> {
    match serde_json::from_str::<Value>(line) {
        Ok(value) => value_draft(&value, origin.clone(), Format::Jsonl),
        Err(e) => Err(Failure::new(origin.clone(), format!("invalid JSON: {}", strip_position(&e.to_string())))),
    }
}

/// A whole JSONL document held in memory (inside a zip); large files are
/// streamed line by line by the walker instead.
pub fn jsonl_drafts(bytes: &[u8], origin: &Origin) -> Vec<Result<ArticleDraft, Failure>> {
    let text = match crate::decode_text(bytes) {
        Ok(t) => t,
        Err(reason) => return vec![Err(Failure::new(origin.clone(), reason))],
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| json_line_draft(line, &origin.at(format_args!("line {}", i + 1))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::file("in")
    }

    #[test]
    fn csv_maps_columns_and_names_bad_rows() {
        let csv =
            "Headline,Body,Source,Published At\nA,\"First para.\n\nSecond para.\",Reuters,2021-12-12\nB,,AP,\nC,x,y\n";
        let results = csv_drafts(csv.as_bytes(), &origin());
        let a = results[0].as_ref().unwrap();
        assert_eq!((a.title.as_deref(), a.outlet.as_deref(), a.blocks.len()), (Some("A"), Some("Reuters"), 2));
        assert_eq!(results[1].as_ref().unwrap_err().to_string(), "in: row 3: the text field is empty");
        assert_eq!(results[2].as_ref().unwrap_err().to_string(), "in: row 4: has 3 fields where the header has 4");
    }

    #[test]
    fn csv_without_text_column_says_what_it_found() {
        let r = csv_drafts(b"a;b\n1;2\n", &origin());
        assert_eq!(
            r[0].as_ref().unwrap_err().reason,
            "no text column (expected one of: text, body, content, article); the header has: a, b"
        );
    }

    #[test]
    fn json_shapes_and_errors() {
        let r = json_drafts(
            br#"{"articles":[{"title":"T","content":"<p>One.</p><p>Two.</p>","source":{"name":"BBC News"}},7]}"#,
            &origin(),
        );
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.outlet.as_deref(), Some("BBC News"));
        assert_eq!(r[1].as_ref().unwrap_err().to_string(), "in: item 2: expected an article object, found a number");
        let bad = json_drafts(b"{\"title\": \"x\",\n \"text\": }", &origin());
        assert_eq!(bad[0].as_ref().unwrap_err().reason, "invalid JSON at line 2 column 10: expected value");
    }

    #[test]
    fn jsonl_names_the_bad_line() {
        let r = jsonl_drafts(b"{\"text\":\"ok\"}\n\n{\"text\": \n", &origin());
        assert!(r[0].is_ok());
        assert_eq!(r[1].as_ref().unwrap_err().origin.entry.as_deref(), Some("line 3"));
    }
}
