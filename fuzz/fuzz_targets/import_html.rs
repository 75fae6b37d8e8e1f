//! HTML: the readability-style extractor, metadata fallbacks and datelines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcetrace_import::Format;

fuzz_target!(|data: &[u8]| {
    sourcetrace_fuzz::import_document(Format::Html, "fuzz.html", data);
});
