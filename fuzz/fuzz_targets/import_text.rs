//! Text copied from a web page: decoding, page furniture, headline and
//! byline detection, then normalization and the sketch.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcetrace_import::Format;

fuzz_target!(|data: &[u8]| {
    sourcetrace_fuzz::import_document(Format::Text, "fuzz.txt", data);
});
