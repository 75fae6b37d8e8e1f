//! From paths to units: files, folders (recursively) and `.zip` archives.
//!
//! This is the only part of the importer that touches the file system. Every
//! read is bounded: documents by [`Limits::max_file_bytes`], JSONL lines by
//! [`Limits::max_record_bytes`], and archives by the bytes they actually
//! inflate to, so a zip bomb or a stray video file fails with a reason
//! instead of filling memory. Archive member names are only ever used as
//! labels, never as paths to write to.

use crate::tabular::{self, CsvMapping};
use crate::{Failure, Format, Origin, Unit};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// Size limits for one import.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest document (text, HTML, JSON, feed, or zip member) read.
    pub max_file_bytes: u64,
    /// The largest single JSONL line or CSV row.
    pub max_record_bytes: u64,
    /// The most bytes one archive may inflate to.
    pub max_archive_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_file_bytes: 64 << 20, max_record_bytes: 16 << 20, max_archive_bytes: 4 << 30 }
    }
}

/// What kind of input a file is, from its name and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Format(Format),
    Zip,
}

/// Extensions that are certainly not articles; folders of clippings often
/// hold them next to the text. They are skipped with a note, not failed.
const NOT_ARTICLES: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic", "ico", "mp3", "mp4", "mov", "avi", "wav",
    "m4a", "webm", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "exe", "dll", "so", "bin", "dmg", "iso",
    "gz", "tar", "7z", "rar", "css", "js", "woff", "woff2", "ttf", "sqlite", "db",
];

/// Decides a file's kind. The extension decides where it is clear; the
/// content decides for `.xml`, unknown extensions and none.
pub fn kind_of(path: &Path, head: &[u8]) -> Option<Kind> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let by_ext = match ext.as_str() {
        "txt" | "text" | "md" => Some(Kind::Format(Format::Text)),
        "html" | "htm" | "xhtml" | "shtml" => Some(Kind::Format(Format::Html)),
        "rss" | "atom" => Some(Kind::Format(Format::Feed)),
        "csv" | "tsv" => Some(Kind::Format(Format::Csv)),
        "json" => Some(Kind::Format(Format::Json)),
        "jsonl" | "ndjson" => Some(Kind::Format(Format::Jsonl)),
        "zip" => Some(Kind::Zip),
        _ => None,
    };
    if by_ext.is_some() {
        return by_ext;
    }
    if NOT_ARTICLES.contains(&ext.as_str()) {
        return None;
    }
    sniff(head)
}

/// Guesses the kind from the first bytes of a file.
pub fn sniff(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"PK\x03\x04") {
        return Some(Kind::Zip);
    }
    let start = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let trimmed: Vec<u8> =
        start.iter().skip_while(|b| b.is_ascii_whitespace()).take(512).map(u8::to_ascii_lowercase).collect();
    if trimmed.starts_with(b"<") {
        let feedish =
            [&b"<rss"[..], b"<feed", b"<rdf:rdf"].iter().any(|tag| trimmed.windows(tag.len()).any(|w| w == *tag));
        return Some(Kind::Format(if feedish { Format::Feed } else { Format::Html }));
    }
    if trimmed.starts_with(b"{") {
        // One object per line is JSONL; a single object spanning lines is JSON.
        let first_line = start.split(|&b| b == b'\n').next().unwrap_or(start);
        let more = start.len() > first_line.len() + 1;
        let one_object_line = first_line.iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b'}');
        return Some(Kind::Format(if more && one_object_line { Format::Jsonl } else { Format::Json }));
    }
    if trimmed.starts_with(b"[") {
        return Some(Kind::Format(Format::Json));
    }
    Some(Kind::Format(Format::Text))
}

/// A file to import, found on the command line or in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub size: u64,
    /// Whether the user named the file itself, rather than a folder holding
    /// it. An unsupported file the user named is an error; one found in a
    /// folder is only skipped.
    pub named: bool,
}

/// The files an import will read.
#[derive(Debug, Default)]
pub struct Plan {
    pub entries: Vec<Entry>,
    /// Paths that do not exist or cannot be listed.
    pub failures: Vec<Failure>,
    pub total_bytes: u64,
}

/// Lists the files under the given paths. Folders are walked recursively in
/// name order, so two imports of the same folder read it in the same order;
/// hidden files and folders (".git", ".DS_Store") are left out.
pub fn plan(paths: &[PathBuf]) -> Plan {
    let mut plan = Plan::default();
    for path in paths {
        let label = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => plan.failures.push(Failure::new(Origin::file(label), io_reason(&e))),
            Ok(meta) if meta.is_dir() => {
                let walker = walkdir::WalkDir::new(path).follow_links(false).sort_by_file_name().into_iter();
                let visible =
                    walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
                for item in visible {
                    match item {
                        Ok(item) if item.file_type().is_file() => {
                            let size = item.metadata().map(|m| m.len()).unwrap_or(0);
                            plan.total_bytes += size;
                            plan.entries.push(Entry { path: item.into_path(), size, named: false });
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let where_ = e.path().map_or(label.clone(), |p| p.display().to_string());
                            let reason = e.io_error().map_or_else(|| e.to_string(), io_reason);
                            plan.failures.push(Failure::new(Origin::file(where_), reason));
                        }
                    }
                }
            }
            Ok(meta) => {
                plan.total_bytes += meta.len();
                plan.entries.push(Entry { path: path.clone(), size: meta.len(), named: true });
            }
        }
    }
    plan
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// What reading a file reports, in order.
#[derive(Debug)]
pub enum Event {
    Unit(Unit),
    Failure(Failure),
    /// A file was left out because it is not an article format.
    Skipped {
        origin: Origin,
        reason: String,
    },
    /// This many more bytes of the plan have been read.
    Progress(u64),
}

/// Reads one planned file, reporting units, failures and progress to
/// `emit`. `emit` can stop the reading by returning `Break`, which is how an
/// import is cancelled between records of a large file.
pub fn read(entry: &Entry, limits: &Limits, emit: &mut dyn FnMut(Event) -> ControlFlow<()>) -> ControlFlow<()> {
    let origin = Origin::file(entry.path.display().to_string());
    let result = read_inner(entry, &origin, limits, emit);
    match result {
        Ok(flow) => flow,
        Err(reason) => finish_file(emit, Event::Failure(Failure::new(origin, reason)), entry.size),
    }
}

fn read_inner(
    entry: &Entry,
    origin: &Origin,
    limits: &Limits,
    emit: &mut dyn FnMut(Event) -> ControlFlow<()>,
) -> Result<ControlFlow<()>, String> {
    let mut file = File::open(&entry.path).map_err(|e| io_reason(&e))?;
    let mut head = [0u8; 1024];
    let n = read_up_to(&mut file, &mut head).map_err(|e| io_reason(&e))?;
    let head = &head[..n];
    if n == 0 {
        return Err("empty file".into());
    }
    let Some(kind) = kind_of(&entry.path, head) else {
        let ext = entry.path.extension().map(|e| e.to_string_lossy().to_string()).unwrap_or_default();
        let reason =
            format!("not an article format (.{ext}); Sourcetrace reads text, HTML, feeds, CSV, JSON, JSONL and zip");
        if entry.named {
            return Err(reason);
        }
        return Ok(finish_file(emit, Event::Skipped { origin: origin.clone(), reason }, entry.size));
    };
    let format = match kind {
        // The archive reader seeks, so it opens the file itself.
        Kind::Zip => return Ok(read_zip(&entry.path, origin, entry.size, limits, emit)),
        Kind::Format(format) => format,
    };
    let reader = head.chain(file);
    Ok(match format {
        Format::Jsonl => stream_jsonl(reader, origin, entry.size, limits, emit),
        Format::Csv => stream_csv(reader, head, origin, entry.size, emit),
        format => {
            let bytes = read_limited(reader, limits.max_file_bytes)?;
            finish_file(emit, Event::Unit(Unit::document(origin.clone(), format, bytes)), entry.size)
        }
    })
}

/// Reports the last event of a file, then the whole file as read.
fn finish_file(emit: &mut dyn FnMut(Event) -> ControlFlow<()>, last: Event, size: u64) -> ControlFlow<()> {
    emit(last)?;
    emit(Event::Progress(size))
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > limit {
        return Err(format!("file is larger than the {} MiB limit (raise it with --max-file-size)", limit >> 20));
    }
    Ok(bytes)
}

/// Streams a JSONL file line by line, so a corpus of any size is read in
/// constant memory.
fn stream_jsonl(
    reader: impl Read,
    origin: &Origin,
    size: u64,
    limits: &Limits,
    emit: &mut dyn FnMut(Event) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = Vec::new();
    let mut line_no = 0u64;
    let mut consumed = 0u64;
    loop {
        line.clear();
        let read = (&mut reader).take(limits.max_record_bytes + 1).read_until(b'\n', &mut line);
        let n = match read {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                emit(Event::Failure(Failure::new(origin.at(format_args!("line {}", line_no + 1)), io_reason(&e))))?;
                break;
            }
        };
        line_no += 1;
        consumed += n as u64;
        let here = origin.at(format_args!("line {line_no}"));
        if n as u64 > limits.max_record_bytes && !line.ends_with(b"\n") {
            emit(Event::Failure(Failure::new(
                here,
                format!("line is longer than the {} MiB limit", limits.max_record_bytes >> 20),
            )))?;
            consumed += skip_line(&mut reader);
            continue;
        }
        let bytes = if line_no == 1 { line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line) } else { &line[..] };
        match std::str::from_utf8(bytes) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => emit(Event::Unit(Unit::JsonLine { origin: here, line: text.trim_end().to_string() }))?,
            Err(e) => emit(Event::Failure(Failure::new(
                here,
                format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
            )))?,
        }
        if line_no.is_multiple_of(256) {
            emit(Event::Progress(consumed))?;
            consumed = 0;
        }
    }
    emit(Event::Progress(consumed.min(size)))
}

/// Skips the rest of an over-long line without holding it in memory, and
/// returns how many bytes it skipped.
fn skip_line(reader: &mut impl BufRead) -> u64 {
    let mut skipped = 0u64;
    loop {
        let (found, len) = match reader.fill_buf() {
            Ok([]) | Err(_) => return skipped,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(at) => (true, at + 1),
                None => (false, buf.len()),
            },
        };
        reader.consume(len);
        skipped += len as u64;
        if found {
            return skipped;
        }
    }
}

/// Streams a CSV file row by row with the shared field mapping.
fn stream_csv(
    reader: impl Read,
    head: &[u8],
    origin: &Origin,
    size: u64,
    emit: &mut dyn FnMut(Event) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let delimiter =
        if origin.path.to_ascii_lowercase().ends_with(".tsv") { b'\t' } else { tabular::sniff_delimiter(head) };
    let mut csv = tabular::csv_reader(delimiter, reader);
    let mapping =
        match csv.headers().map_err(|e| tabular::csv_failure(origin, &e).reason).and_then(CsvMapping::from_headers) {
            Ok(m) => m,
            Err(reason) => return finish_file(emit, Event::Failure(Failure::new(origin.clone(), reason)), size),
        };
    let mut record = csv::StringRecord::new();
    let mut reported = 0u64;
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let row = record.position().map_or(0, tabular::spreadsheet_row);
                let mut fields = mapping.fields(&record);
                fields.format = Some(Format::Csv);
                emit(Event::Unit(Unit::Record { origin: origin.at(format_args!("row {row}")), fields }))?;
            }
            Err(e) => {
                let failure = tabular::csv_failure(origin, &e);
                // An IO or UTF-8 error can repeat forever at the same spot;
                // a wrong field count is confined to its row.
                let fatal = !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. });
                emit(Event::Failure(failure))?;
                if fatal {
                    break;
                }
            }
        }
        let at = csv.position().byte();
        if at - reported > 1 << 20 {
            emit(Event::Progress(at - reported))?;
            reported = at;
        }
    }
    emit(Event::Progress(size.saturating_sub(reported)))
}

/// Reads the members of a zip archive. Nested archives are refused: the
/// limits could not be kept across levels.
fn read_zip(
    path: &Path,
    origin: &Origin,
    size: u64,
    limits: &Limits,
    emit: &mut dyn FnMut(Event) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let archive = File::open(path)
        .map_err(|e| io_reason(&e))
        .and_then(|f| zip::ZipArchive::new(BufReader::new(f)).map_err(|e| format!("not a readable zip archive: {e}")));
    let mut archive = match archive {
        Ok(a) => a,
        Err(reason) => return finish_file(emit, Event::Failure(Failure::new(origin.clone(), reason)), size),
    };
    let mut inflated = 0u64;
    let members = archive.len();
    let mut reported = 0u64;
    for index in 0..members {
        let progress_at = size * (index as u64 + 1) / members.max(1) as u64;
        let mut member = match archive.by_index(index) {
            Ok(m) => m,
            Err(e) => {
                emit(Event::Failure(Failure::new(
                    origin.at(format_args!("member {}", index + 1)),
                    format!("unreadable: {e}"),
                )))?;
                continue;
            }
        };
        let name = member.name().map(|n| n.to_string()).unwrap_or_else(|_| format!("member {}", index + 1));
        let here = origin.at(&name);
        // Archives made on Windows may separate folders with backslashes;
        // either way only the last part says whether the member is hidden.
        let base = name.rsplit(['/', '\\']).next().unwrap_or(&name);
        if member.is_dir() || base.starts_with('.') || name.starts_with("__MACOSX/") {
            continue;
        }
        let remaining = limits.max_archive_bytes.saturating_sub(inflated);
        let limit = limits.max_file_bytes.min(remaining);
        let mut bytes = Vec::new();
        let read = (&mut member).take(limit + 1).read_to_end(&mut bytes);
        inflated += bytes.len() as u64;
        let outcome = match read {
            Err(e) => Err(format!("unreadable: {e}")),
            Ok(_) if bytes.len() as u64 > limit && limit < limits.max_file_bytes => Err(format!(
                "the archive inflates past the {} MiB limit; stopped reading it",
                limits.max_archive_bytes >> 20
            )),
            Ok(_) if bytes.len() as u64 > limit => {
                Err(format!("member is larger than the {} MiB limit", limits.max_file_bytes >> 20))
            }
            Ok(_) if bytes.is_empty() => Err("empty file".into()),
            Ok(_) => match kind_of(Path::new(&name), &bytes[..bytes.len().min(1024)]) {
                None => {
                    emit(Event::Skipped { origin: here.clone(), reason: "not an article format".into() })?;
                    Ok(())
                }
                Some(Kind::Zip) => Err("nested archives are not read; unpack it first".into()),
                Some(Kind::Format(format)) => {
                    emit(Event::Unit(Unit::document(here.clone(), format, bytes)))?;
                    Ok(())
                }
            },
        };
        let stop = matches!(&outcome, Err(r) if r.starts_with("the archive inflates"));
        if let Err(reason) = outcome {
            emit(Event::Failure(Failure::new(here, reason)))?;
        }
        emit(Event::Progress(progress_at - reported))?;
        reported = progress_at;
        if stop {
            break;
        }
    }
    emit(Event::Progress(size - reported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_over_long_jsonl_line_fails_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, format!("{{\"text\": \"{}\"}}\n{{\"text\": \"kept\"}}\n", "x".repeat(5000))).unwrap();
        let entry = Entry { path, size: 0, named: true };
        let limits = Limits { max_record_bytes: 1000, ..Limits::default() };
        let mut seen = Vec::new();
        let _ = read(&entry, &limits, &mut |event| {
            match event {
                Event::Unit(unit) => seen.push(format!("unit {}", unit.origin().entry.clone().unwrap_or_default())),
                Event::Failure(f) => seen.push(format!("failure {}", f.origin.entry.clone().unwrap_or_default())),
                _ => {}
            }
            ControlFlow::Continue(())
        });
        assert_eq!(seen, ["failure line 1", "unit line 2"]);
    }
}
