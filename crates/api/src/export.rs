//! Data export: any selection of the library as CSV, JSON, JSON Lines or an
//! Excel workbook, with every row.
//!
//! Rows are streamed from SQLite straight into the writer, so memory stays
//! flat however large the selection is. Files are written beside their
//! destination and renamed into place only when complete: an export that
//! fails or is cancelled leaves no half-written file behind, and an older
//! export of the same name survives it.
//!
//! Excel is the one format with limits of its own (1,048,576 rows a sheet,
//! 32,767 characters a cell). Neither is applied silently: a table longer
//! than a sheet continues on the next sheet, and a cut cell is counted in
//! the summary's warnings.

use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook};
use serde::Serialize;
use sourcetrace_store::{ArticleFilter, ColumnType, ExportTable, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The rows an Excel sheet holds, header included.
pub const XLSX_MAX_ROWS: u32 = 1_048_576;
/// The characters an Excel cell holds.
pub const XLSX_MAX_CELL: usize = 32_767;

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Json,
    Jsonl,
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// What to export: which tables, of which articles, in which format.
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportRequest {
    pub tables: Vec<ExportTable>,
    pub format: ExportFormat,
    /// The selection (outlets, dates, collection, agency, search, story).
    /// Its limit and offset are ignored; an export has every row.
    pub filter: ArticleFilter,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportSummary {
    /// Rows written for each table, in the order asked for.
    pub tables: Vec<TableRows>,
    /// The files written (one, or one per table for CSV into a folder).
    pub files: Vec<PathBuf>,
    /// Limits of the format the export met, each said in a sentence.
    pub warnings: Vec<String>,
}

/// Rows written for one table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TableRows {
    pub table: ExportTable,
    pub rows: u64,
}

/// How far an export is: the table being written and its rows so far.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportProgress {
    pub table: ExportTable,
    pub rows: u64,
}

/// Progress is reported every this many rows.
const PROGRESS_EVERY: u64 = 10_000;

fn io_error(context: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Io, format!("{context}: {e}"))
}

fn cancelled() -> ApiError {
    ApiError::new(ErrorCode::Cancelled, "The export was cancelled; no file was written.")
}

/// Calls `each` with every row of `table`, reporting progress and stopping
/// when `cancel` is set.
fn rows_of(
    app: &Sourcetrace,
    table: ExportTable,
    filter: &ArticleFilter,
    on_progress: &mut dyn FnMut(ExportProgress),
    cancel: &AtomicBool,
    each: &mut dyn FnMut(&[Value]) -> Result<()>,
) -> Result<u64> {
    let mut seen = 0u64;
    let rows = app.library().export_rows(table, filter, &mut |row: &[Value]| -> Result<()> {
        // A relaxed load is one instruction, so every row can check it.
        if cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        each(row)?;
        seen += 1;
        if seen.is_multiple_of(PROGRESS_EVERY) {
            on_progress(ExportProgress { table, rows: seen });
        }
        Ok(())
    })?;
    on_progress(ExportProgress { table, rows });
    Ok(rows)
}

/// A value as CSV writes it: empty for nothing, numbers in full precision
/// (formatted into `number`, which the caller reuses).
fn csv_field<'a>(value: &'a Value, number: &'a mut String) -> &'a [u8] {
    use std::fmt::Write as _;
    match value {
        Value::Null => b"",
        Value::Integer(i) => {
            let _ = write!(number, "{i}");
            number.as_bytes()
        }
        Value::Real(f) => {
            let _ = write!(number, "{f}");
            number.as_bytes()
        }
        Value::Text(t) => t.as_bytes(),
        Value::Blob(b) => b,
    }
}

/// One row as a JSON object with its keys in column order (a map would
/// sort them), and a leading `table` key when rows of several tables share
/// one stream.
struct JsonRow<'a> {
    table: ExportTable,
    row: &'a [Value],
    with_table: bool,
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.row.len() + usize::from(self.with_table)))?;
        if self.with_table {
            map.serialize_entry("table", self.table.name())?;
        }
        for (column, value) in self.table.columns().iter().zip(self.row) {
            match value {
                Value::Null => map.serialize_entry(column.name, &())?,
                Value::Integer(i) => map.serialize_entry(column.name, i)?,
                // JSON has no NaN; SQLite stores none, but a null is the
                // honest spelling should one appear.
                Value::Real(f) if f.is_finite() => map.serialize_entry(column.name, f)?,
                Value::Real(_) => map.serialize_entry(column.name, &())?,
                Value::Text(t) => map.serialize_entry(column.name, t)?,
                Value::Blob(b) => map.serialize_entry(column.name, &String::from_utf8_lossy(b))?,
            }
        }
        map.end()
    }
}

impl Sourcetrace {
    /// Writes the export to `out`. CSV holds one table; JSON writes an
    /// object with one array per table (or the bare array for one table);
    /// JSON Lines writes one object per row, with a `table` key when there
    /// are several tables. XLSX needs a file: use [`Sourcetrace::export_to_path`].
    /// Every table comes from one snapshot of the library.
    pub fn export_to_writer(
        &self,
        request: &ExportRequest,
        out: &mut dyn Write,
        on_progress: &mut dyn FnMut(ExportProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportSummary> {
        self.library().snapshot(|| self.write_export(request, out, on_progress, cancel))
    }

    fn write_export(
        &self,
        request: &ExportRequest,
        out: &mut dyn Write,
        on_progress: &mut dyn FnMut(ExportProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportSummary> {
        let tables = tables_of(request)?;
        self.validate_filter(&request.filter)?;
        let mut summary = ExportSummary::default();
        let write_err = |e: std::io::Error| io_error("Could not write the export", e);
        match request.format {
            ExportFormat::Csv => {
                let [table] = tables[..] else {
                    return Err(ApiError::new(
                        ErrorCode::InvalidInput,
                        "A CSV file holds one table: name one table, write into a folder (one file per table), or use XLSX or JSON.",
                    ));
                };
                let mut csv = csv::Writer::from_writer(&mut *out);
                csv.write_record(table.columns().iter().map(|c| c.name))
                    .map_err(|e| io_error("Could not write the export", e))?;
                // One record and one number buffer serve every row, so a
                // million rows cost no allocation each.
                let mut record = csv::ByteRecord::new();
                let mut number = String::new();
                let rows = rows_of(self, table, &request.filter, on_progress, cancel, &mut |row| {
                    record.clear();
                    for value in row {
                        number.clear();
                        record.push_field(csv_field(value, &mut number));
                    }
                    csv.write_byte_record(&record).map_err(|e| io_error("Could not write the export", e))
                })?;
                csv.flush().map_err(write_err)?;
                summary.tables.push(TableRows { table, rows });
            }
            ExportFormat::Jsonl => {
                let with_table = tables.len() > 1;
                for &table in &tables {
                    let rows = rows_of(self, table, &request.filter, on_progress, cancel, &mut |row| {
                        serde_json::to_writer(&mut *out, &JsonRow { table, row, with_table })
                            .map_err(|e| io_error("Could not write the export", e))?;
                        out.write_all(b"\n").map_err(write_err)
                    })?;
                    summary.tables.push(TableRows { table, rows });
                }
            }
            ExportFormat::Json => {
                let keyed = tables.len() > 1;
                if keyed {
                    out.write_all(b"{").map_err(write_err)?;
                }
                for (i, &table) in tables.iter().enumerate() {
                    if keyed {
                        let comma = if i > 0 { "," } else { "" };
                        write!(out, "{comma}\n\"{}\":", table.name()).map_err(write_err)?;
                    }
                    out.write_all(b"[").map_err(write_err)?;
                    let mut first = true;
                    let rows = rows_of(self, table, &request.filter, on_progress, cancel, &mut |row| {
                        out.write_all(if first { b"\n" } else { b",\n" }).map_err(write_err)?;
                        first = false;
                        serde_json::to_writer(&mut *out, &JsonRow { table, row, with_table: false })
                            .map_err(|e| io_error("Could not write the export", e))
                    })?;
                    out.write_all(b"\n]").map_err(write_err)?;
                    summary.tables.push(TableRows { table, rows });
                }
                out.write_all(if keyed { b"\n}\n" } else { b"\n" }).map_err(write_err)?;
            }
            ExportFormat::Xlsx => {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    "An Excel workbook is written to a file: give a path ending in .xlsx.",
                ))
            }
        }
        out.flush().map_err(write_err)?;
        Ok(summary)
    }

    /// Writes the export to `path`. For CSV with several tables, `path` is a
    /// folder and each table goes to `<table>.csv` in it. Every file is
    /// written under a temporary name and renamed when complete. Every
    /// table comes from one snapshot of the library.
    pub fn export_to_path(
        &self,
        request: &ExportRequest,
        path: &Path,
        on_progress: &mut dyn FnMut(ExportProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportSummary> {
        self.library().snapshot(|| self.write_export_to_path(request, path, on_progress, cancel))
    }

    fn write_export_to_path(
        &self,
        request: &ExportRequest,
        path: &Path,
        on_progress: &mut dyn FnMut(ExportProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportSummary> {
        let tables = tables_of(request)?;
        self.validate_filter(&request.filter)?;
        if request.format == ExportFormat::Csv && (tables.len() > 1 || path.is_dir()) {
            std::fs::create_dir_all(path).map_err(|e| io_error(&format!("Could not create {}", path.display()), e))?;
            let mut summary = ExportSummary::default();
            for table in tables {
                let file = path.join(format!("{}.csv", table.name()));
                let one = ExportRequest { tables: vec![table], ..request.clone() };
                let part = self.export_to_path(&one, &file, on_progress, cancel)?;
                summary.tables.extend(part.tables);
                summary.files.extend(part.files);
            }
            return Ok(summary);
        }
        let mut summary = crate::files::replace_with(path, |partial| {
            if request.format == ExportFormat::Xlsx {
                return self.write_workbook(request, &tables, partial, on_progress, cancel);
            }
            let file = std::fs::File::create(partial)
                .map_err(|e| io_error(&format!("Could not create {}", partial.display()), e))?;
            let mut out = std::io::BufWriter::new(file);
            let summary = self.export_to_writer(request, &mut out, on_progress, cancel)?;
            out.into_inner()
                .map_err(|e| io_error("Could not write the export", e.error()))?
                .sync_all()
                .map_err(|e| io_error("Could not write the export", e))?;
            Ok(summary)
        })?;
        summary.files.push(path.to_path_buf());
        Ok(summary)
    }

    /// An Excel workbook: one sheet per table with a frozen, bold header and
    /// typed cells, written in constant memory; and for the credit tallies a
    /// matrix sheet with a native Excel chart.
    fn write_workbook(
        &self,
        request: &ExportRequest,
        tables: &[ExportTable],
        path: &Path,
        on_progress: &mut dyn FnMut(ExportProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportSummary> {
        let xlsx = |e: rust_xlsxwriter::XlsxError| io_error("Could not write the workbook", e);
        let mut workbook = Workbook::new();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The sheets are spooled next to the destination, not in /tmp,
            // which is often a small memory-backed file system.
            workbook.set_tempdir(dir).map_err(xlsx)?;
        }
        let header = Format::new().set_bold();
        let mut summary = ExportSummary::default();
        let mut cut_cells = 0u64;
        for &table in tables {
            let columns = table.columns();
            let mut sheet_number = 1u32;
            let mut sheet_index = new_sheet(&mut workbook, table, sheet_number, &header)?;
            let mut row_in_sheet = 1u32;
            let rows = rows_of(self, table, &request.filter, on_progress, cancel, &mut |row| {
                if row_in_sheet == XLSX_MAX_ROWS {
                    sheet_number += 1;
                    sheet_index = new_sheet(&mut workbook, table, sheet_number, &header)?;
                    row_in_sheet = 1;
                }
                let sheet = workbook.worksheet_from_index(sheet_index).map_err(xlsx)?;
                for (col, (value, column)) in row.iter().zip(columns).enumerate() {
                    let col = col as u16;
                    match (value, column.ty) {
                        (Value::Null, _) => {}
                        (Value::Integer(i), _) => {
                            sheet.write_number(row_in_sheet, col, *i as f64).map_err(xlsx)?;
                        }
                        (Value::Real(f), _) => {
                            sheet.write_number(row_in_sheet, col, *f).map_err(xlsx)?;
                        }
                        (Value::Text(t), _) => {
                            let text = if t.chars().count() > XLSX_MAX_CELL {
                                cut_cells += 1;
                                t.chars().take(XLSX_MAX_CELL).collect::<String>()
                            } else {
                                t.clone()
                            };
                            sheet.write_string(row_in_sheet, col, text).map_err(xlsx)?;
                        }
                        (Value::Blob(_), _) => {}
                    }
                }
                row_in_sheet += 1;
                Ok(())
            })?;
            if sheet_number > 1 {
                summary.warnings.push(format!(
                    "The {} table has {rows} rows, more than an Excel sheet holds; it continues over {sheet_number} sheets.",
                    table.name()
                ));
            }
            summary.tables.push(TableRows { table, rows });
            if table == ExportTable::Tallies {
                self.tally_chart(&mut workbook, &request.filter, &header)?;
            }
        }
        if cut_cells > 0 {
            summary.warnings.push(format!(
                "{cut_cells} cells were longer than the 32,767 characters an Excel cell holds and were cut; CSV and JSON exports keep them whole."
            ));
        }
        workbook.save(path).map_err(xlsx)?;
        Ok(summary)
    }

    /// The outlet × agency matrix of credit shares as a sheet, with a
    /// clustered column chart of it (one series per agency).
    fn tally_chart(&self, workbook: &mut Workbook, filter: &ArticleFilter, header: &Format) -> Result<()> {
        let xlsx = |e: rust_xlsxwriter::XlsxError| io_error("Could not write the workbook", e);
        let tallies = self.library().credit_tallies(filter, false)?;
        let mut agencies: Vec<&str> = tallies.cells.iter().map(|c| c.agency.as_str()).collect();
        agencies.sort_unstable();
        agencies.dedup();
        let outlets: Vec<&str> = tallies.outlets.iter().map(|o| o.outlet.as_str()).collect();
        let sheet = workbook.add_worksheet();
        sheet.set_name("tallies_chart").map_err(xlsx)?;
        sheet.write_string_with_format(0, 0, "outlet", header).map_err(xlsx)?;
        for (j, agency) in agencies.iter().enumerate() {
            sheet.write_string_with_format(0, j as u16 + 1, *agency, header).map_err(xlsx)?;
        }
        for (i, outlet) in outlets.iter().enumerate() {
            let row = i as u32 + 1;
            sheet.write_string(row, 0, *outlet).map_err(xlsx)?;
            for (j, agency) in agencies.iter().enumerate() {
                let share =
                    tallies.cells.iter().find(|c| c.outlet == *outlet && c.agency == *agency).map_or(0.0, |c| c.share);
                sheet.write_number(row, j as u16 + 1, share).map_err(xlsx)?;
            }
        }
        sheet.set_freeze_panes(1, 1).map_err(xlsx)?;
        if outlets.is_empty() || agencies.is_empty() {
            return Ok(());
        }
        let mut chart = Chart::new(ChartType::Column);
        let last = outlets.len() as u32;
        for j in 0..agencies.len() {
            let col = j as u16 + 1;
            chart
                .add_series()
                .set_name(("tallies_chart", 0, col))
                .set_categories(("tallies_chart", 1, 0, last, 0))
                .set_values(("tallies_chart", 1, col, last, col));
        }
        chart.title().set_name("Share of each outlet's articles crediting each agency");
        chart.y_axis().set_name("share of articles").set_min(0.0).set_max(1.0);
        sheet.insert_chart(last + 2, 1, &chart).map_err(xlsx)?;
        Ok(())
    }
}

/// Adds a constant-memory sheet for `table` with its header row written and
/// frozen, and returns its index; the second and later sheets of one table
/// are numbered.
fn new_sheet(workbook: &mut Workbook, table: ExportTable, number: u32, header: &Format) -> Result<usize> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| io_error("Could not write the workbook", e);
    let sheet = workbook.add_worksheet_with_constant_memory().map_err(xlsx)?;
    let name = if number == 1 { table.name().to_string() } else { format!("{} ({number})", table.name()) };
    sheet.set_name(name).map_err(xlsx)?;
    for (col, column) in table.columns().iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, column.name, header).map_err(xlsx)?;
        let width = match column.ty {
            ColumnType::Integer | ColumnType::Real => 12.0,
            ColumnType::Text => 24.0,
        };
        sheet.set_column_width(col as u16, width).map_err(xlsx)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx)?;
    Ok(workbook.worksheets().len() - 1)
}

/// The tables asked for, or every table when none is named; each once.
fn tables_of(request: &ExportRequest) -> Result<Vec<ExportTable>> {
    let mut tables: Vec<ExportTable> =
        if request.tables.is_empty() { ExportTable::ALL.to_vec() } else { request.tables.clone() };
    let mut seen = std::collections::HashSet::new();
    tables.retain(|t| seen.insert(*t));
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ImportRequest;

    fn library_with_sample() -> (tempfile::TempDir, Sourcetrace) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("story.txt");
        std::fs::write(
            &file,
            "Talks resume\n\nThe Kremlin said on Sunday that talks were possible, according to TASS.\n\n\"We are ready,\" Dmitry Peskov told reporters.",
        )
        .unwrap();
        let mut app = Sourcetrace::open(&dir.path().join("library.sqlite")).unwrap();
        app.import(&ImportRequest::new(vec![file]), &mut |_| {}, &AtomicBool::new(false)).unwrap();
        app.analyze_library(&Default::default(), &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
        (dir, app)
    }

    #[test]
    fn a_cancelled_export_leaves_the_previous_file_alone() {
        let (dir, app) = library_with_sample();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "an earlier export").unwrap();
        let request = ExportRequest {
            tables: vec![ExportTable::Attributions],
            format: ExportFormat::Csv,
            filter: ArticleFilter::default(),
        };
        let err = app.export_to_path(&request, &path, &mut |_| {}, &AtomicBool::new(true)).unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "an earlier export");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty(), "no partial file is left behind");

        let summary = app.export_to_path(&request, &path, &mut |_| {}, &AtomicBool::new(false)).unwrap();
        let rows = summary.tables[0].rows;
        assert!(rows >= 2, "the Kremlin and Peskov are attributed: {rows}");
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written.lines().count() as u64, rows + 1, "a header and every row");
    }

    #[test]
    fn formats_that_cannot_hold_the_request_say_so() {
        let (_dir, app) = library_with_sample();
        let request = ExportRequest { tables: vec![], format: ExportFormat::Csv, filter: ArticleFilter::default() };
        let err = app.export_to_writer(&request, &mut Vec::new(), &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains("one table"), "{}", err.message);
        let request = ExportRequest { format: ExportFormat::Xlsx, ..request };
        let err = app.export_to_writer(&request, &mut Vec::new(), &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
        assert!(err.message.contains(".xlsx"), "{}", err.message);
    }

    #[test]
    fn json_rows_keep_column_order_and_types() {
        let (_dir, app) = library_with_sample();
        let request = ExportRequest {
            tables: vec![ExportTable::Articles],
            format: ExportFormat::Jsonl,
            filter: ArticleFilter::default(),
        };
        let mut out = Vec::new();
        app.export_to_writer(&request, &mut out, &mut |_| {}, &AtomicBool::new(false)).unwrap();
        let line = String::from_utf8(out).unwrap();
        let keys: Vec<&str> = ExportTable::Articles.columns().iter().map(|c| c.name).collect();
        let mut at = 0;
        for key in &keys {
            let found = line[at..].find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} in order: {line}"));
            at += found;
        }
        let row: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
        assert!(row["attribution_count"].as_i64().unwrap() >= 2, "{row}");
        assert!(row["transparency"].is_f64(), "{row}");
    }
}
