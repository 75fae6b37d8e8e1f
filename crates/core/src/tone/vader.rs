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

/// [`is_space`] for each ASCII character, read a byte at a time by the
/// tokenizer.
static ASCII_SPACE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(b, 0x09..=0x0D | 0x1C..=0x20);
        b += 1;
    }
    table
};

fn negated(word: &str) -> bool {
    static TABLE: OnceLock<FastSet<&'static str>> = OnceLock::new();
    TABLE.get_or_init(|| NEGATE.iter().copied().collect()).contains(word) || has_contracted_not(word)
}

/// The word is one of VADER's negators ([`NEGATE`]).
const NEGATOR: u8 = 1;
/// The word is a negator of the news rules ([`NEWS_NEGATE`]).
const NEWS_NEGATOR: u8 = 1 << 1;
/// The word is a booster of one word.
const BOOSTER: u8 = 1 << 2;
/// The word can be part of one of VADER's idioms or phrase boosters; a
/// phrase is looked up only when each of its words can.
const IDIOM: u8 = 1 << 3;
/// The word has "n't" in it, which also negates. Not a list: set per
/// token while reading the sentence.
const CONTRACTED_NOT: u8 = 1 << 4;

/// The words VADER's rules ask about, each with the bits of the lists it
/// is in. [`ToneLexicon`] indexes them with its rated tokens, so that one
/// lookup a word answers every question the rules ask about it; a
/// sentence's rated words asked the hash tables of these lists about
/// their neighbours up to twenty times each.
pub(crate) fn rule_words() -> Vec<(&'static str, u8)> {
    let phrases = SPECIAL_CASES.iter().map(|(p, _)| *p).chain(INCREMENTS.iter().chain(DECREMENTS).copied());
    NEGATE
        .iter()
        .map(|&w| (w, NEGATOR))
        .chain(NEWS_NEGATE.iter().map(|&w| (w, NEWS_NEGATOR)))
        .chain(INCREMENTS.iter().chain(DECREMENTS).filter(|w| !w.contains(' ')).map(|&w| (w, BOOSTER)))
        .chain(phrases.filter(|p| p.contains(' ')).flat_map(|p| p.split(' ')).map(|w| (w, IDIOM)))
        .collect()
}

/// Does `word` have "n't" in it? Most words have no apostrophe, which one
/// pass over the bytes rules out.
fn has_contracted_not(word: &str) -> bool {
    let b = word.as_bytes();
    (1..b.len().saturating_sub(1)).any(|k| b[k] == b'\'' && b[k - 1] == b'n' && b[k + 1] == b't')
}

/// Appends `word` lowercased to `folded`, with the news lexicon's
/// apostrophe. Every sentence has a word or two outside ASCII (a curly
/// quote, "Trump’s"), and lowercasing into a new string, then replacing
/// into another, was two allocations each. `str::to_lowercase` is kept
/// for a capital sigma, whose lowercase depends on where it stands.
fn fold_into(folded: &mut String, word: &str, news: bool) {
    if word.contains('\u{3A3}') {
        let l = word.to_lowercase();
        folded.push_str(&if news { l.replace('\u{2019}', "'") } else { l });
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' if news => folded.push('\''),
            c if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
            c => folded.extend(c.to_lowercase()),
        }
    }
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

/// The buffers one sentence's scoring needs, kept by each thread from one
/// sentence to the next: VADER scores every sentence of every article, and
/// allocating ten vectors a sentence was a sixth of its work.
#[derive(Default)]
struct Scratch {
    /// Each token as split on whitespace, and as VADER reads it (with its
    /// punctuation stripped when that leaves more than two characters).
    raw: Vec<(usize, usize)>,
    spans: Vec<(usize, usize)>,
    /// The lowercase of every word that is not already lowercase, one
    /// after the other.
    folded: String,
    /// Where each lowercase word is: in `folded` when it had to be
    /// copied, else in the sentence itself.
    lower: Vec<(usize, usize, bool)>,
    /// Whether each word may hold an apostrophe: a word of ASCII letters
    /// and digits alone has none, and most words need no search for "n't".
    apostrophe: Vec<bool>,
    weights: Vec<Option<Weight>>,
    /// The bits of each word's rule lists ([`rule_words`]).
    rules: Vec<u8>,
    upper: Vec<bool>,
    sentiments: Vec<f64>,
    /// How many times each word was negated: the news rule leaves those
    /// alone.
    negations: Vec<u32>,
    /// Each word's trace, kept only when the score is to be explained.
    traces: Vec<Trace>,
    /// The allocations of the token and lowercase word slices, empty
    /// between sentences (see [`borrowed`]).
    raw_words: Vec<&'static str>,
    lower_words: Vec<&'static str>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// An empty vector of string slices that borrow for as long as the caller
/// needs, made from `kept` without allocating.
fn borrowed<'a>(kept: &mut Vec<&'static str>) -> Vec<&'a str> {
    std::mem::take(kept)
}

/// Gives the allocation of `used` back to `kept`. The vector is emptied
/// first, so no borrowed slice outlives its sentence; collecting a vector's
/// own iterator into the same layout reuses its allocation.
fn give_back(kept: &mut Vec<&'static str>, mut used: Vec<&str>) {
    used.clear();
    *kept = used.into_iter().map(|_| "").collect();
}

/// What the tokenizer needs to know of a byte, one lookup in
/// [`BYTE_CLASS`] a byte: Python's whitespace, the ASCII punctuation VADER
/// strips from the ends of tokens, ASCII case, and for the bytes of other
/// characters, whether a character starts there.
const SPACE: u8 = 1;
const PUNCT: u8 = 1 << 1;
const UPPER: u8 = 1 << 2;
const LOWER: u8 = 1 << 3;
/// Any byte of a character outside ASCII.
const HIGH: u8 = 1 << 4;
/// The first byte of a character outside ASCII, which may be whitespace.
const LEAD: u8 = 1 << 5;
/// A byte inside a character outside ASCII, after its first.
const CONTINUATION: u8 = 1 << 6;
/// An ASCII letter or digit.
const ALPHANUMERIC: u8 = 1 << 7;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0xC0 {
            HIGH | LEAD
        } else if c >= 0x80 {
            HIGH | CONTINUATION
        } else if ASCII_SPACE[b] {
            SPACE
        } else if c.is_ascii_punctuation() {
            PUNCT
        } else if c.is_ascii_uppercase() {
            UPPER | ALPHANUMERIC
        } else if c.is_ascii_lowercase() {
            LOWER | ALPHANUMERIC
        } else if c.is_ascii_digit() {
            ALPHANUMERIC
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Scores one sentence. Offsets in the result are bytes into `sentence`.
/// Without `explain`, the score is the same and the result has no terms.
pub(crate) fn score(sentence: &str, lexicon: &ToneLexicon, explain: bool) -> Scored {
    // A run-on "sentence" (a table, a text without full stops) gets buffers
    // of its own, so that no thread keeps megabytes for the rest of its life.
    if sentence.len() > KEPT_SENTENCE_BYTES {
        return score_with(sentence, lexicon, explain, &mut Scratch::default());
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => score_with(sentence, lexicon, explain, &mut scratch),
        // Only a score inside a score could find the buffers taken; it gets
        // its own.
        Err(_) => score_with(sentence, lexicon, explain, &mut Scratch::default()),
    })
}

/// The longest sentence whose buffers a thread keeps for the next one.
const KEPT_SENTENCE_BYTES: usize = 16 * 1024;

fn score_with(sentence: &str, lexicon: &ToneLexicon, explain: bool, scratch: &mut Scratch) -> Scored {
    let news = lexicon.news;
    let Scratch {
        raw: raw_spans,
        spans,
        folded,
        lower: ranges,
        apostrophe,
        weights,
        rules,
        upper,
        sentiments,
        negations,
        traces,
        raw_words,
        lower_words,
    } = scratch;
    // Tokens: split on whitespace, then trailing and leading ASCII
    // punctuation stripped unless that leaves two characters or fewer
    // (which keeps emoticons such as ":)" whole).
    raw_spans.clear();
    let bytes = sentence.as_bytes();
    // The width of the character at `i` when it is whitespace, else 0.
    // ASCII is looked up a byte at a time; only other characters are
    // decoded.
    let space_at = |i: usize| -> usize {
        match bytes[i] {
            b if b < 0x80 => usize::from(ASCII_SPACE[usize::from(b)]),
            _ => match sentence[i..].chars().next() {
                Some(c) if is_space(c) => c.len_utf8(),
                _ => 0,
            },
        }
    };
    spans.clear();
    folded.clear();
    ranges.clear();
    apostrophe.clear();
    upper.clear();
    let mut i = 0;
    while i < bytes.len() {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        if class & LEAD != 0 {
            let space = space_at(i);
            if space > 0 {
                i += space;
                continue;
            }
        }
        // One pass over the token's bytes says where it ends, where its
        // punctuation at either end is, how many characters it has and
        // what case its letters are in. ASCII punctuation is one byte and
        // never part of another character, so it is found byte by byte.
        let start = i;
        let (mut seen, mut first_kept, mut last_kept, mut chars) = (0u8, usize::MAX, 0usize, 0usize);
        // Most tokens are ASCII letters and digits with at most a mark or
        // two at their end: the run of letters and digits is read with
        // less to note a byte.
        if BYTE_CLASS[usize::from(bytes[i])] & ALPHANUMERIC != 0 {
            while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] & ALPHANUMERIC != 0 {
                seen |= BYTE_CLASS[usize::from(bytes[i])];
                i += 1;
            }
            (first_kept, last_kept, chars) = (start, i - 1, i - start);
        }
        while i < bytes.len() {
            let class = BYTE_CLASS[usize::from(bytes[i])];
            if class & SPACE != 0 || (class & LEAD != 0 && space_at(i) > 0) {
                break;
            }
            seen |= class;
            if class & PUNCT == 0 {
                first_kept = first_kept.min(i);
                last_kept = i;
            }
            chars += usize::from(class & CONTINUATION == 0);
            i += 1;
        }
        raw_spans.push((start, i));
        // Stripped of its punctuation, the token must keep more than two
        // characters, or it is read whole.
        let (lead, trail) =
            if first_kept == usize::MAX { (i - start, 0) } else { (first_kept - start, i - 1 - last_kept) };
        let long = chars - lead - trail > 2;
        let (a, b) = if long { (start + lead, i - trail) } else { (start, i) };
        spans.push((a, b));
        // The word lowercased, noting on the way whether it is in capitals.
        // A word with no capital letter is its own lowercase and is read
        // where it stands; only the others are copied, lowercased, into
        // `folded` (a fifth of the words of news text).
        let w = &sentence[a..b];
        // What was stripped is punctuation, with no case, so the token's
        // classes are the word's.
        let (has_upper, has_lower, ascii) = (seen & UPPER != 0, seen & LOWER != 0, seen & HIGH == 0);
        apostrophe.push(seen & (PUNCT | HIGH) != 0);
        if ascii {
            upper.push(has_upper && !has_lower);
            if has_upper {
                let from = folded.len();
                folded.push_str(w);
                folded[from..].make_ascii_lowercase();
                ranges.push((from, folded.len(), true));
            } else {
                ranges.push((a, b, false));
            }
        } else {
            upper.push(is_upper(w));
            let from = folded.len();
            fold_into(folded, w, news);
            ranges.push((from, folded.len(), true));
        }
    }
    let folded = folded.as_str();
    let mut raw = borrowed(raw_words);
    raw.extend(raw_spans.iter().map(|&(a, b)| &sentence[a..b]));
    let mut lower = borrowed(lower_words);
    lower.extend(ranges.iter().map(|&(a, b, copied)| if copied { &folded[a..b] } else { &sentence[a..b] }));
    let word = |j: usize| &sentence[spans[j].0..spans[j].1];
    let n = lower.len();
    // Each word's weight, looked up once: the rules below ask again about
    // the words around every rated one.
    weights.clear();
    rules.clear();
    for (&w, &apostrophe) in lower.iter().zip(apostrophe.iter()) {
        let (weight, mut bits) = lexicon.words.get(w).map_or((None, 0), |v| (v.weight, v.rules));
        if apostrophe && has_contracted_not(w) {
            bits |= CONTRACTED_NOT;
        }
        weights.push(weight);
        rules.push(bits);
    }
    let weights = weights.as_slice();
    let rules = rules.as_slice();
    let is_booster = |j: usize| rules[j] & BOOSTER != 0;
    let rated = |j: usize| weights[j].is_some();
    let upper = upper.as_slice();
    let allcaps = upper.iter().filter(|&&u| u).count();
    let cap_diff = n > allcaps && allcaps > 0;

    sentiments.clear();
    sentiments.resize(n, 0.0);
    negations.clear();
    negations.resize(n, 0);
    traces.clear();
    if explain {
        traces.resize_with(n, || Trace { explain, ..Trace::default() });
    }
    for i in 0..n {
        let item = lower[i];
        // Most words are in no lexicon: the one lookup that rules them out
        // comes first.
        let Some(weight) = weights[i] else { continue };
        if is_booster(i) || (i + 1 < n && item == "kind" && lower[i + 1] == "of") {
            continue;
        }
        // A trace of its own for each rated word, kept only to explain the
        // score: most words are not rated, and a trace for every word was
        // work no figure needed.
        let mut kept = Trace { explain, ..Trace::default() };
        let trace = &mut kept;
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
            if let Some(b) = is_booster(j).then(|| booster(lower[j])).flatten() {
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
                    format!("{} by \"{}\" ({s:+.3})", if b_is_incr(lower[j]) { "boosted" } else { "dampened" }, word(j))
                });
            }
            valence += s;
            valence = negation_check(valence, &lower, rules, start_i, i, trace);
            if start_i == 2 {
                valence = special_idioms_check(valence, &lower, rules, i, trace);
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
        negations[i] = kept.negations;
        if explain {
            traces[i] = kept;
        }
    }

    if news {
        widen_negation(&raw, &lower, rules, weights, sentiments, negations, traces);
    }
    but_check(&lower, sentiments, traces);

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
    give_back(raw_words, raw);
    give_back(lower_words, lower);
    if !explain {
        return Scored { terms: Vec::new(), raw: total, emphasis: signed_emphasis, score };
    }
    let terms = traces
        .drain(..)
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

fn negation_check(valence: f64, lower: &[&str], rules: &[u8], start_i: usize, i: usize, trace: &mut Trace) -> f64 {
    let w = |back: usize| lower[i - back];
    // VADER's `negated`: a word of its list, or one with "n't" in it.
    let negated = |back: usize| rules[i - back] & (NEGATOR | CONTRACTED_NOT) != 0;
    let negate = |v: f64, j: usize, trace: &mut Trace| {
        trace.negations += 1;
        trace.negator = Some(j);
        trace.note(|| format!("negated by \"{}\" (x{N_SCALAR})", lower[j]));
        v * N_SCALAR
    };
    match start_i {
        0 if negated(1) => negate(valence, i - 1, trace),
        1 => {
            if w(2) == "never" && matches!(w(1), "so" | "this") {
                trace.note(|| "\"never so\" (x1.25)".into());
                valence * 1.25
            } else if w(2) == "without" && w(1) == "doubt" {
                valence
            } else if negated(2) {
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
            } else if negated(3) {
                negate(valence, i - 3, trace)
            } else {
                valence
            }
        }
        _ => valence,
    }
}

fn special_idioms_check(mut valence: f64, lower: &[&str], rules: &[u8], i: usize, trace: &mut Trace) -> f64 {
    // Each phrase below is looked up only when all its words can be part
    // of an idiom, which spares building strings for nearly every word.
    let phrase = |words: &[usize]| {
        words
            .iter()
            .all(|&j| rules[j] & IDIOM != 0)
            .then(|| words.iter().map(|&j| lower[j]).collect::<Vec<_>>().join(" "))
    };
    let onezero = phrase(&[i - 1, i]);
    let twoonezero = phrase(&[i - 2, i - 1, i]);
    let twoone = phrase(&[i - 2, i - 1]);
    let threetwoone = phrase(&[i - 3, i - 2, i - 1]);
    let threetwo = phrase(&[i - 3, i - 2]);
    for seq in [&onezero, &twoonezero, &twoone, &threetwoone, &threetwo].into_iter().flatten() {
        if let Some(v) = special_case(seq) {
            valence = v;
            trace.note(|| format!("idiom \"{seq}\" ({v})"));
            break;
        }
    }
    if lower.len() - 1 > i {
        if let Some(zeroone) = phrase(&[i, i + 1]) {
            if let Some(v) = special_case(&zeroone) {
                valence = v;
                trace.note(|| format!("idiom \"{zeroone}\" ({v})"));
            }
        }
    }
    if lower.len() - 1 > i + 1 {
        if let Some(zeroonetwo) = phrase(&[i, i + 1, i + 2]) {
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
    rules: &[u8],
    weights: &[Option<Weight>],
    sentiments: &mut [f64],
    negations: &mut [u32],
    traces: &mut [Trace],
) {
    // A token VADER read with its punctuation on is trimmed first ("no,"),
    // and only such a token needs looking up again.
    let is_negator = |j: usize, w: &str| {
        if w.len() == lower[j].len() {
            rules[j] & (NEGATOR | CONTRACTED_NOT | NEWS_NEGATOR) != 0
        } else {
            negated(w) || NEWS_NEGATE.contains(&w)
        }
    };
    let mut used: Vec<usize> = Vec::new();
    for i in 0..lower.len() {
        // Only praise is negated from afar: "no grounds for optimism" and
        // "without real progress" are the news cases VADER gets backwards,
        // while flipping a negative word ("did not want offensive
        // weapons") is already VADER's least reliable rule, and reaching
        // further back with it makes threats read as good news.
        if sentiments[i] <= 0.0 || negations[i] > 0 {
            continue;
        }
        if let Some(j) = negator_within(i, raw, lower, is_negator) {
            // A negator the rules above already read ("not" right before)
            // counted; this one is beyond VADER's reach.
            sentiments[i] *= N_SCALAR;
            negations[i] += 1;
            if let Some(trace) = traces.get_mut(i) {
                trace.negations += 1;
                trace.negator = Some(j);
                trace.note(|| format!("negated by \"{}\" earlier in the clause (x{N_SCALAR})", lower[j]));
            }
            used.push(j);
        }
    }
    for j in used {
        if weights[j].is_some() && sentiments[j] != 0.0 {
            sentiments[j] = 0.0;
            if let Some(trace) = traces.get_mut(j) {
                trace.note(|| "a negator here, not a word of its own tone".into());
            }
        }
    }
}

/// The nearest negator before word `i` within the news window that does not
/// cross a clause boundary (a comma, semicolon, colon or dash, or "but").
pub(crate) fn negator_before<S: AsRef<str>>(i: usize, raw: &[&str], lower: &[S]) -> Option<usize> {
    negator_within(i, raw, lower, |_, w| negated(w) || NEWS_NEGATE.contains(&w))
}

/// [`negator_before`], where `is_negator(j, w)` says whether word `j`,
/// trimmed of its punctuation to `w`, negates.
fn negator_within<S: AsRef<str>>(
    i: usize,
    raw: &[&str],
    lower: &[S],
    is_negator: impl Fn(usize, &str) -> bool,
) -> Option<usize> {
    let mut j = i;
    while j > 0 && i - j < NEWS_NEGATION_WORDS {
        j -= 1;
        let w = lower[j].as_ref().trim_matches(|c: char| c.is_ascii_punctuation());
        if w == "but" || is_dash(raw[j]) {
            return None;
        }
        if is_negator(j, w) {
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
            if let Some(trace) = traces.get_mut(si) {
                trace.note(|| "before \"but\" (x0.5)".into());
            }
        } else if si > bi {
            sentiments[si] = value * 1.5;
            if let Some(trace) = traces.get_mut(si) {
                trace.note(|| "after \"but\" (x1.5)".into());
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_table_agrees_with_python_whitespace() {
        for b in 0u8..128 {
            assert_eq!(ASCII_SPACE[usize::from(b)], is_space(char::from(b)), "byte {b:#04x}");
        }
    }
}
