//! What the fuzz targets share: the built-in lexicons, built once per
//! process because building them costs far more than one run of a target,
//! and the path from a unit to finished articles that `parse_batch` in
//! `crates/api/src/import.rs` takes.

use sourcetrace_core::attribution::Lexicon;
use sourcetrace_core::framing::FramingLexicon;
use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_core::tone::ToneLexicon;
use sourcetrace_import::{draft, Format, Options, Origin, Unit};
use std::sync::OnceLock;

pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::builtin)
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

pub fn tone_lexicon() -> &'static ToneLexicon {
    static TONE: OnceLock<ToneLexicon> = OnceLock::new();
    TONE.get_or_init(ToneLexicon::builtin)
}

pub fn framing_lexicon() -> &'static FramingLexicon {
    static FRAMING: OnceLock<FramingLexicon> = OnceLock::new();
    FRAMING.get_or_init(FramingLexicon::builtin)
}

/// Parses `bytes` as one document of `format` and finishes every draft, as
/// an import does before it writes a batch.
pub fn import_document(format: Format, name: &str, bytes: &[u8]) {
    let unit = Unit::document(Origin::file(name), format, bytes.to_vec());
    import_unit(unit);
}

/// Drafts one unit and finishes every draft it yields.
pub fn import_unit(unit: Unit) {
    for result in draft(unit, &Options::default(), gazetteer()) {
        if let Ok(d) = result {
            let _ = d.finish(gazetteer());
        }
    }
}
