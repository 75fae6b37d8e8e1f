//! The analysis core on arbitrary text: attributions, a person's (empty)
//! corrections, entities, tone with both engines, framing and credits. The
//! input is used as UTF-8 when it is, and lossy-decoded when it is not, as
//! text that reached the core through a lenient reader would be.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcetrace_core::attribution::{self, Context};
use sourcetrace_core::tone::{self, ToneEngine};
use sourcetrace_core::{credits, framing};
use sourcetrace_fuzz::{framing_lexicon, lexicon, tone_lexicon};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(bytes);
    // An outlet named in the context changes how sources are typed ("CGTN
    // reported" in a CGTN article is the outlet itself).
    let outlet = match selector % 3 {
        0 => None,
        1 => Some("CGTN"),
        _ => Some("Reuters"),
    };
    let lexicon = lexicon();
    let mut analysis = attribution::analyze(&text, lexicon, &Context { outlet });
    attribution::correct(&mut analysis, &[]);
    let entities = tone::entities_of(&analysis, &text, lexicon);
    let engine = if selector & 0x80 == 0 { ToneEngine::Vader } else { ToneEngine::Afinn };
    let _ = tone::article_tone(&text, tone_lexicon(), engine, &entities);
    let _ = framing::framing(&text, &analysis, framing_lexicon());
    let _ = credits::find(&text, &lexicon.gazetteer);
});
