//! VADER (Hutto and Gilbert, 2014), rule for rule as in the Python package
//! vaderSentiment 3.3.2, with every weight kept so that a score can be
//! explained word by word.
//!
//! Without the news rules the compound score equals Python's (a test
//! checks it against Python when it is installed). The one rule left out is
//! the translation of emoji into words, which news text does not need.
//! Python's quirks are kept on purpose where they change scores: an all-caps
//! word of zero valence loses 0.733, and the "but" rule reweights the first
//! score equal to each one rather than each score itself.
//!
//! With the news rules ([`ToneLexicon::builtin`]), two things change:
//! curly apostrophes count as straight ones ("don’t" negates), and a
//! negator further back in the same clause than VADER's three words still
//! negates a positive word ("no particular grounds for optimism"); a
//! negator that negates something then scores nothing itself, as VADER
//! already does for "no" right before a rated word.

use super::lexicon::{ToneLexicon, Weight};
use super::Scored;
use super::TermHit;
use crate::fasthash::{FastMap, FastSet};
use std::sync::OnceLock;

const B_INCR: f64 = 0.293;
const B_DECR: f64 = -0.293;
const C_INCR: f64 = 0.733;
pub(crate) const N_SCALAR: f64 = -0.74;
/// The alpha of VADER's normalization: score / sqrt(score² + alpha).
pub(crate) const ALPHA: f64 = 15.0;
/// How far back, in words, the news rules look for a negator.
pub(crate) const NEWS_NEGATION_WORDS: usize = 6;

pub(crate) const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// Negators the news rules add: "no grounds for optimism", "a lack of
/// progress".
const NEWS_NEGATE: &[&str] = &["no", "lack", "lacks", "lacked", "lacking", "absence"];

/// VADER's boosters that strengthen the rated word after them.
const INCREMENTS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

/// VADER's boosters that weaken it.
const DECREMENTS: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
];

/// A booster's weight. VADER asks at nearly every word, so the lists are
/// looked up in a hash table built once, not compared one by one.
fn booster(word: &str) -> Option<f64> {
    static TABLE: OnceLock<FastMap<&'static str, f64>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        INCREMENTS.iter().map(|&w| (w, B_INCR)).chain(DECREMENTS.iter().map(|&w| (w, B_DECR))).collect()
    });
    table.get(word).copied()
}

/// VADER's idioms and their valence.
const SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

fn special_case(phrase: &str) -> Option<f64> {
    SPECIAL_CASES.iter().find(|(p, _)| *p == phrase).map(|&(_, v)| v)
}

/// Python's `str.isupper()`: some cased letter, and none lowercase.
fn is_upper(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase);
    }
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// Python's `str.isspace()`, which also splits on the ASCII separators.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn negated(word: &str) -> bool {
    static TABLE: OnceLock<FastSet<&'static str>> = OnceLock::new();
    TABLE.get_or_init(|| NEGATE.iter().copied().collect()).contains(word) || word.contains("n't")
}

/// Can `word` be part of one of VADER's idioms or phrase boosters? A
/// phrase is looked up only when each of its words can.
fn idiom_word(word: &str) -> bool {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let phrases = SPECIAL_CASES.iter().map(|(p, _)| *p).chain(INCREMENTS.iter().chain(DECREMENTS).copied());
    WORDS.get_or_init(|| phrases.filter(|p| p.contains(' ')).flat_map(|p| p.split(' ')).collect()).contains(word)
}

/// Per word: the weight it was rated with and what changed it.
#[derive(Default, Clone)]
struct Trace {
    weight: Option<Weight>,
    negations: u32,
    negator: Option<usize>,
    boost: f64,
    notes: Vec<String>,
    /// Notes are written only when the score is to be explained: the
    /// library keeps the figures alone, and formatting the notes of every
    /// rated word of every article was work no one read.
    explain: bool,
}

impl Trace {
    fn note(&mut self, note: impl FnOnce() -> String) {
        if self.explain {
            self.notes.push(note());
        }
    }
}

/// Scores one sentence. Offsets in the result are bytes into `sentence`.
/// Without `explain`, the score is the same and the result has no terms.
pub(crate) fn score(sentence: &str, lexicon: &ToneLexicon, explain: bool) -> Scored {
    let news = lexicon.news;
    // Tokens: split on whitespace, then trailing and leading ASCII
    // punctuation stripped unless that leaves two characters or fewer
    // (which keeps emoticons such as ":)" whole).
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(sentence.len() / 5 + 1);
    let mut at = None;
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is read a byte at a time; only other characters are decoded.
        let (c, width) = if bytes[i] < 0x80 {
            (bytes[i] as char, 1)
        } else {
            let c = sentence[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        match (is_space(c), at) {
            (true, Some(s)) => {
                spans.push((s, i));
                at = None;
            }
            (false, None) => at = Some(i),
            _ => {}
        }
        i += width;
    }
    if let Some(s) = at {
        spans.push((s, sentence.len()));
    }
    let raw: Vec<&str> = spans.iter().map(|&(a, b)| &sentence[a..b]).collect();
    for span in spans.iter_mut() {
        let (a, b) = *span;
        let token = &sentence[a..b];
        let stripped = token.trim_matches(|c: char| c.is_ascii_punctuation());
        // More than two characters: over eight bytes always is, two bytes
        // or fewer never is, and only the rest is counted.
        let long = stripped.len() > 8 || (stripped.len() > 2 && stripped.chars().count() > 2);
        if long {
            let lead = token.len() - token.trim_start_matches(|c: char| c.is_ascii_punctuation()).len();
            *span = (a + lead, a + lead + stripped.len());
        }
    }
    let words: Vec<&str> = spans.iter().map(|&(a, b)| &sentence[a..b]).collect();
    // Every word lowercased into one buffer: one allocation a sentence
    // rather than one a word.
    let mut folded = String::with_capacity(sentence.len());
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    for w in &words {
        let from = folded.len();
        if w.is_ascii() {
            folded.push_str(w);
            folded[from..].make_ascii_lowercase();
        } else {
            let l = w.to_lowercase();
            if news {
                folded.push_str(&l.replace('\u{2019}', "'"));
            } else {
                folded.push_str(&l);
            }
        }
        ranges.push((from, folded.len()));
    }
    let lower: Vec<&str> = ranges.iter().map(|&(a, b)| &folded[a..b]).collect();
    let n = words.len();
    // Each word's weight, looked up once: the rules below ask again about
    // the words around every rated one.
    let weights: Vec<Option<Weight>> = lower.iter().map(|&w| lexicon.vader.get(w).copied()).collect();
    let rated = |j: usize| weights[j].is_some();
    let upper: Vec<bool> = words.iter().map(|w| is_upper(w)).collect();
    let allcaps = upper.iter().filter(|&&u| u).count();
    let cap_diff = n > allcaps && allcaps > 0;

    let mut sentiments = vec![0.0f64; n];
    let mut traces = vec![Trace { explain, ..Trace::default() }; n];
    for i in 0..n {
        let item = lower[i];
        // Most words are in no lexicon: the one lookup that rules them out
        // comes first.
        let Some(weight) = weights[i] else { continue };
        if booster(item).is_some() || (i + 1 < n && item == "kind" && lower[i + 1] == "of") {
            continue;
        }
        let trace = &mut traces[i];
        trace.weight = Some(weight);
        let mut valence = weight.valence;
        if item == "no" && i + 1 < n && rated(i + 1) {
            valence = 0.0;
            trace.note(|| "\"no\" before a rated word negates it instead".into());
        }
        let no_before = (i > 0 && lower[i - 1] == "no")
            || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && matches!(lower[i - 1], "or" | "nor"));
        if no_before {
            valence = weight.valence * N_SCALAR;
            trace.negations = 1;
            trace.negator = (1..=i.min(3)).map(|d| i - d).find(|&j| lower[j] == "no");
            trace.note(|| format!("negated by \"no\" (x{N_SCALAR})"));
        }
        if upper[i] && cap_diff {
            // Python adds to positive valence and subtracts otherwise, so a
            // capitalised word of valence 0 turns negative; kept for parity.
            valence += if valence > 0.0 { C_INCR } else { -C_INCR };
            trace.boost += C_INCR;
            trace.note(|| format!("in capitals (+{C_INCR})"));
        }
        for start_i in 0..3 {
            if i <= start_i || rated(i - (start_i + 1)) {
                continue;
            }
            let j = i - (start_i + 1);
            let mut s = 0.0;
            if let Some(b) = booster(lower[j]) {
                s = if valence < 0.0 { -b } else { b };
                if upper[j] && cap_diff {
                    s += if valence > 0.0 { C_INCR } else { -C_INCR };
                }
            }
            if start_i == 1 && s != 0.0 {
                s *= 0.95;
            }
            if start_i == 2 && s != 0.0 {
                s *= 0.9;
            }
            if s != 0.0 {
                trace.boost += s.abs();
                trace.note(|| {
                    format!(
                        "{} by \"{}\" ({s:+.3})",
                        if b_is_incr(lower[j]) { "boosted" } else { "dampened" },
                        words[j]
                    )
                });
            }
            valence += s;
            valence = negation_check(valence, &lower, start_i, i, trace);
            if start_i == 2 {
                valence = special_idioms_check(valence, &lower, i, trace);
            }
        }
        // "least": "the least useful" is negated, "at least useful" is not.
        if i > 0
            && !rated(i - 1)
            && lower[i - 1] == "least"
            && (i == 1 || (lower[i - 2] != "at" && lower[i - 2] != "very"))
        {
            valence *= N_SCALAR;
            trace.negations += 1;
            trace.negator = Some(i - 1);
            trace.note(|| format!("negated by \"least\" (x{N_SCALAR})"));
        }
        sentiments[i] = valence;
    }

    if news {
        widen_negation(&raw, &lower, &weights, &mut sentiments, &mut traces);
    }
    but_check(&lower, &mut sentiments, &mut traces);

    let sum: f64 = sentiments.iter().sum();
    let emphasis = punctuation_emphasis(sentence);
    let signed_emphasis = if sum > 0.0 {
        emphasis
    } else if sum < 0.0 {
        -emphasis
    } else {
        0.0
    };
    let total = sum + signed_emphasis;
    // `+ 0.0` turns the -0.0 of an empty sum into 0.0.
    let score = if n == 0 { 0.0 } else { (total / (total * total + ALPHA).sqrt()).clamp(-1.0, 1.0) + 0.0 };
    if !explain {
        return Scored { terms: Vec::new(), raw: total, emphasis: signed_emphasis, score };
    }
    let terms = traces
        .into_iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let weight = t.weight?;
            (sentiments[i] != 0.0 || t.negator.is_some() || weight.valence != 0.0).then(|| TermHit {
                start: spans[i].0,
                end: spans[i].1,
                source: weight.source,
                base: weight.valence,
                negated: t.negations % 2 == 1,
                negator: t.negator.map(|j| spans[j]),
                boosted: t.boost != 0.0,
                notes: t.notes,
                contribution: sentiments[i],
            })
        })
        .collect();
    Scored { terms, raw: total, emphasis: signed_emphasis, score }
}

fn b_is_incr(word: &str) -> bool {
    booster(word).is_some_and(|b| b > 0.0)
}

fn negation_check(valence: f64, lower: &[&str], start_i: usize, i: usize, trace: &mut Trace) -> f64 {
    let w = |back: usize| lower[i - back];
    let negate = |v: f64, j: usize, trace: &mut Trace| {
        trace.negations += 1;
        trace.negator = Some(j);
        trace.note(|| format!("negated by \"{}\" (x{N_SCALAR})", lower[j]));
        v * N_SCALAR
    };
    match start_i {
        0 if negated(w(1)) => negate(valence, i - 1, trace),
        1 => {
            if w(2) == "never" && matches!(w(1), "so" | "this") {
                trace.note(|| "\"never so\" (x1.25)".into());
                valence * 1.25
            } else if w(2) == "without" && w(1) == "doubt" {
                valence
            } else if negated(w(2)) {
                negate(valence, i - 2, trace)
            } else {
                valence
            }
        }
        2 => {
            if (w(3) == "never" && matches!(w(2), "so" | "this")) || matches!(w(1), "so" | "this") {
                trace.note(|| "\"so\" or \"this\" before it (x1.25)".into());
                valence * 1.25
            } else if w(3) == "without" && (w(2) == "doubt" || w(1) == "doubt") {
                valence
            } else if negated(w(3)) {
                negate(valence, i - 3, trace)
            } else {
                valence
            }
        }
        _ => valence,
    }
}

fn special_idioms_check(mut valence: f64, lower: &[&str], i: usize, trace: &mut Trace) -> f64 {
    // Each phrase below is looked up only when all its words can be part
    // of an idiom, which spares building strings for nearly every word.
    let phrase = |words: &[&str]| words.iter().all(|w| idiom_word(w)).then(|| words.join(" "));
    let (w3, w2, w1, w0) = (lower[i - 3], lower[i - 2], lower[i - 1], lower[i]);
    let onezero = phrase(&[w1, w0]);
    let twoonezero = phrase(&[w2, w1, w0]);
    let twoone = phrase(&[w2, w1]);
    let threetwoone = phrase(&[w3, w2, w1]);
    let threetwo = phrase(&[w3, w2]);
    for seq in [&onezero, &twoonezero, &twoone, &threetwoone, &threetwo].into_iter().flatten() {
        if let Some(v) = special_case(seq) {
            valence = v;
            trace.note(|| format!("idiom \"{seq}\" ({v})"));
            break;
        }
    }
    if lower.len() - 1 > i {
        if let Some(zeroone) = phrase(&[w0, lower[i + 1]]) {
            if let Some(v) = special_case(&zeroone) {
                valence = v;
                trace.note(|| format!("idiom \"{zeroone}\" ({v})"));
            }
        }
    }
    if lower.len() - 1 > i + 1 {
        if let Some(zeroonetwo) = phrase(&[w0, lower[i + 1], lower[i + 2]]) {
            if let Some(v) = special_case(&zeroonetwo) {
                valence = v;
                trace.note(|| format!("idiom \"{zeroonetwo}\" ({v})"));
            }
        }
    }
    for n_gram in [&threetwoone, &threetwo, &twoone].into_iter().flatten() {
        if let Some(b) = booster(n_gram) {
            valence += b;
            trace.boost += b.abs();
            trace.note(|| format!("\"{n_gram}\" ({b:+.3})"));
        }
    }
    valence
}

/// The news rule: a negator up to [`NEWS_NEGATION_WORDS`] back in the same
/// clause negates a positive word VADER left alone; the negator, having
/// done its work, scores nothing itself.
fn widen_negation(
    raw: &[&str],
    lower: &[&str],
    weights: &[Option<Weight>],
    sentiments: &mut [f64],
    traces: &mut [Trace],
) {
    let mut used: Vec<usize> = Vec::new();
    for i in 0..lower.len() {
        // Only praise is negated from afar: "no grounds for optimism" and
        // "without real progress" are the news cases VADER gets backwards,
        // while flipping a negative word ("did not want offensive
        // weapons") is already VADER's least reliable rule, and reaching
        // further back with it makes threats read as good news.
        if sentiments[i] <= 0.0 || traces[i].negations > 0 {
            continue;
        }
        if let Some(j) = negator_before(i, raw, lower) {
            // A negator the rules above already read ("not" right before)
            // counted; this one is beyond VADER's reach.
            sentiments[i] *= N_SCALAR;
            let trace = &mut traces[i];
            trace.negations += 1;
            trace.negator = Some(j);
            trace.note(|| format!("negated by \"{}\" earlier in the clause (x{N_SCALAR})", lower[j]));
            used.push(j);
        }
    }
    for j in used {
        if weights[j].is_some() && sentiments[j] != 0.0 {
            sentiments[j] = 0.0;
            traces[j].note(|| "a negator here, not a word of its own tone".into());
        }
    }
}

/// The nearest negator before word `i` within the news window that does not
/// cross a clause boundary (a comma, semicolon, colon or dash, or "but").
pub(crate) fn negator_before<S: AsRef<str>>(i: usize, raw: &[&str], lower: &[S]) -> Option<usize> {
    let mut j = i;
    while j > 0 && i - j < NEWS_NEGATION_WORDS {
        j -= 1;
        let w = lower[j].as_ref().trim_matches(|c: char| c.is_ascii_punctuation());
        if w == "but" || is_dash(raw[j]) {
            return None;
        }
        if negated(w) || NEWS_NEGATE.contains(&w) {
            return Some(j);
        }
        if raw[j].ends_with([',', ';', ':', '\u{2014}', '\u{2013}']) {
            return None;
        }
    }
    None
}

fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "--" | "\u{2013}" | "\u{2014}")
}

/// VADER's "but" rule as Python runs it: scores before the first "but" are
/// halved and scores after it raised by half; for each score in turn,
/// Python changes the first equal score in the list, which is usually
/// itself.
fn but_check(lower: &[&str], sentiments: &mut [f64], traces: &mut [Trace]) {
    let Some(bi) = lower.iter().position(|&w| w == "but") else { return };
    // Zeros stay zeros, so only the rated positions can change.
    let rated: Vec<usize> = (0..sentiments.len()).filter(|&k| sentiments[k] != 0.0).collect();
    for &k in &rated {
        let value = sentiments[k];
        let Some(&si) = rated.iter().find(|&&j| sentiments[j] == value) else { continue };
        if si < bi {
            sentiments[si] = value * 0.5;
            traces[si].note(|| "before \"but\" (x0.5)".into());
        } else if si > bi {
            sentiments[si] = value * 1.5;
            traces[si].note(|| "after \"but\" (x1.5)".into());
        }
    }
}

/// Exclamation marks (up to four) and question marks (two or more) add to
/// the strength of the whole sentence.
fn punctuation_emphasis(text: &str) -> f64 {
    let ep = text.matches('!').count().min(4) as f64 * 0.292;
    let qm = text.matches('?').count();
    let qm = if qm > 3 {
        0.96
    } else if qm > 1 {
        qm as f64 * 0.18
    } else {
        0.0
    };
    ep + qm
}
