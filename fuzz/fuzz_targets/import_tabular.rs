//! CSV, JSON and JSONL. The first byte picks the format so that one corpus
//! serves all three; CSV is also read the way `walk` streams it (header
//! mapping, then one record unit per row), which is the path a real import
//! of a `.csv` file takes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcetrace_import::tabular::{self, CsvMapping};
use sourcetrace_import::{Format, Origin, Unit};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    match selector % 4 {
        0 => sourcetrace_fuzz::import_document(Format::Json, "fuzz.json", bytes),
        1 => sourcetrace_fuzz::import_document(Format::Jsonl, "fuzz.jsonl", bytes),
        2 => {
            // Each line as `walk` hands it over: trimmed, and only if UTF-8.
            for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if let Ok(text) = std::str::from_utf8(line) {
                    if !text.trim().is_empty() {
                        let origin = Origin::file("fuzz.jsonl").at(format_args!("line {}", n + 1));
                        sourcetrace_fuzz::import_unit(Unit::JsonLine { origin, line: text.trim_end().to_string() });
                    }
                }
            }
        }
        _ => {
            sourcetrace_fuzz::import_document(Format::Csv, "fuzz.csv", bytes);
            let head = &bytes[..bytes.len().min(1024)];
            let mut csv = tabular::csv_reader(tabular::sniff_delimiter(head), bytes);
            let Ok(mapping) = csv.headers().map_err(|e| e.to_string()).and_then(|h| CsvMapping::from_headers(h)) else {
                return;
            };
            let mut record = csv::StringRecord::new();
            // The same rule as `walk::stream_csv`: stop at the first error
            // that is not a wrong field count.
            loop {
                match csv.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {
                        let mut fields = mapping.fields(&record);
                        fields.format = Some(Format::Csv);
                        sourcetrace_fuzz::import_unit(Unit::Record { origin: Origin::file("fuzz.csv"), fields });
                    }
                    Err(e) if matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) => {}
                    Err(_) => break,
                }
            }
        }
    }
});
