//! RSS, Atom and JSON Feed: one draft per item, with the item's HTML body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcetrace_import::Format;

fuzz_target!(|data: &[u8]| {
    sourcetrace_fuzz::import_document(Format::Feed, "fuzz.rss", data);
});
