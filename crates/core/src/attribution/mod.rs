//! Attributions: who is cited, by which cue, for what content; what kind of
//! source that is; and the chain of hops a claim travelled to the reader.
//!
//! [`analyze`] is a pure function of the text, the lexicons and the
//! publishing outlet. It never fails: text it cannot make sense of yields
//! fewer attributions and, where useful, a [`Diagnostic`]. Every
//! attribution carries its [`Evidence`]: the lexicon entry and the rules that
//! decided its cue, source type and chain, so the app can explain it.
//!
//! ```
//! use sourcetrace_core::attribution::{analyze, Context, Lexicon, SourceType};
//!
//! let lexicon = Lexicon::builtin();
//! let text = "\u{201C}We'll definitely meet,\u{201D} Russian President Vladimir Putin said.";
//! let found = analyze(text, &lexicon, &Context::default());
//! let a = &found.attributions[0];
//! assert_eq!(a.cue.text, "said");
//! let source = a.source.as_ref().unwrap();
//! assert_eq!(source.kind, SourceType::Official);
//! assert_eq!(source.country.as_deref(), Some("RU"));
//! assert_eq!(source.canonical, "Vladimir Putin");
//! assert_eq!(a.content[0].text, "\u{201C}We'll definitely meet,\u{201D}");
//! ```

pub mod corrections;
mod detect;
pub mod lexicon;
mod scores;
mod sources;
pub(crate) mod tokens;

pub use corrections::{correct, Corrected, Correction};
pub use lexicon::{Lexicon, LexiconKind};
pub use scores::{Scores, Share, TRANSPARENCY_FORMULA};

use crate::text::CodePoints;
use crate::Diagnostic;
use detect::{Detector, Quoted};
use serde::{Deserialize, Serialize};
use sources::{Typed, Typer};
use std::borrow::Cow;
use tokens::Tokens;

/// What kind of source is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    StateMedia,
    Wire,
    Media,
    Official,
    Anonymous,
    Person,
    Organization,
    Document,
    /// The publishing outlet itself ("CGTN reported").
    #[serde(rename = "self")]
    SelfOutlet,
    Unknown,
}

impl SourceType {
    pub const ALL: [SourceType; 10] = [
        SourceType::StateMedia,
        SourceType::Wire,
        SourceType::Media,
        SourceType::Official,
        SourceType::Anonymous,
        SourceType::Person,
        SourceType::Organization,
        SourceType::Document,
        SourceType::SelfOutlet,
        SourceType::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::StateMedia => "state_media",
            SourceType::Wire => "wire",
            SourceType::Media => "media",
            SourceType::Official => "official",
            SourceType::Anonymous => "anonymous",
            SourceType::Person => "person",
            SourceType::Organization => "organization",
            SourceType::Document => "document",
            SourceType::SelfOutlet => "self",
            SourceType::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<SourceType> {
        SourceType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The name a reader sees beside the colour.
    pub fn label(self) -> &'static str {
        match self {
            SourceType::StateMedia => "state media",
            SourceType::Wire => "wire service",
            SourceType::Media => "other media",
            SourceType::Official => "official",
            SourceType::Anonymous => "anonymous",
            SourceType::Person => "named person",
            SourceType::Organization => "organization",
            SourceType::Document => "document",
            SourceType::SelfOutlet => "the outlet itself",
            SourceType::Unknown => "unknown",
        }
    }

    /// The one colour of this type in the window's highlights and charts,
    /// the reports and the spreadsheets. Paul Tol's "muted" scheme, which
    /// stays distinguishable with the common kinds of colour blindness;
    /// every use also prints the label, so colour is never the only cue.
    pub fn colour(self) -> &'static str {
        match self {
            SourceType::StateMedia => "#882255",
            SourceType::Wire => "#88CCEE",
            SourceType::Media => "#44AA99",
            SourceType::Official => "#332288",
            SourceType::Anonymous => "#999933",
            SourceType::Person => "#117733",
            SourceType::Organization => "#DDCC77",
            SourceType::Document => "#CC6677",
            SourceType::SelfOutlet => "#AA4499",
            SourceType::Unknown => "#BBBBBB",
        }
    }

    /// Media of any kind: a claim relayed through one is second-hand.
    pub fn is_media(self) -> bool {
        matches!(self, SourceType::StateMedia | SourceType::Wire | SourceType::Media)
    }
}

/// How the attribution is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The content is a quotation: `“We'll meet,” Putin said`.
    Direct,
    /// Reported speech: `Peskov said it is too early`.
    Indirect,
    /// Partly quoted: `calling it a “question for the future”`.
    Mixed,
    AccordingTo,
    /// A hop toward the origin: `citing a short video`.
    Citing,
    /// Media reporting with a generic or outlet source: `Russian media reported`.
    MediaReport,
    /// No source at all: `it was reported that`, `reportedly`.
    NoSource,
}

impl AttributionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Indirect => "indirect",
            AttributionKind::Mixed => "mixed",
            AttributionKind::AccordingTo => "according_to",
            AttributionKind::Citing => "citing",
            AttributionKind::MediaReport => "media_report",
            AttributionKind::NoSource => "no_source",
        }
    }
}

/// What a cue expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CueClass {
    Speech,
    Belief,
    Intention,
    Evaluation,
    Evidence,
    /// Punctuation as a cue: `Peskov: “...”`.
    Punctuation,
}

impl CueClass {
    /// The name the JSON output and the library use.
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Belief => "belief",
            CueClass::Intention => "intention",
            CueClass::Evaluation => "evaluation",
            CueClass::Evidence => "evidence",
            CueClass::Punctuation => "punctuation",
        }
    }

    pub fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "speech" => CueClass::Speech,
            "belief" => CueClass::Belief,
            "intention" => CueClass::Intention,
            "evaluation" => CueClass::Evaluation,
            "evidence" => CueClass::Evidence,
            "punctuation" => CueClass::Punctuation,
            _ => return None,
        })
    }
}

/// What the cue says about the writer's distance from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// said, told, reported
    Neutral,
    /// claimed, alleged, insisted
    Distancing,
    /// noted, confirmed, revealed
    Endorsing,
    /// admitted, conceded
    Negative,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Distancing => "distancing",
            Stance::Endorsing => "endorsing",
            Stance::Negative => "negative",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Some(match s {
            "neutral" => Stance::Neutral,
            "distancing" => Stance::Distancing,
            "endorsing" => Stance::Endorsing,
            "negative" => Stance::Negative,
            _ => return None,
        })
    }
}

/// A stretch of the text: code-point offsets, end exclusive, and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Who is cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: SourceType,
    /// ISO 3166-1 alpha-2, where known.
    pub country: Option<String>,
    /// The name the source goes by across the article and the library:
    /// "Dmitry Peskov" for "Peskov" and "he".
    pub canonical: String,
    /// The source is a document (report, video, statement) and `kind` is
    /// that of whoever carried it.
    pub document: bool,
    /// For a pronoun or "the report": the attribution whose source it is.
    pub refers_to: Option<usize>,
}

/// One step of why an attribution is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evidence {
    /// `cue`, `pattern`, `source` or `chain`.
    // Most steps and rules are fixed words; borrowing them spares an
    // allocation for each step of every attribution.
    pub step: Cow<'static, str>,
    /// The rule or lexicon entry that decided the step, in words.
    pub rule: Cow<'static, str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attribution {
    pub kind: AttributionKind,
    pub cue: Span,
    pub cue_class: CueClass,
    pub stance: Stance,
    pub source: Option<Source>,
    pub content: Vec<Span>,
    /// The attribution this one reached the reader through: for Putin's
    /// words, the video TASS cited; for that video, the TASS report.
    pub via: Option<usize>,
    /// Hops from the source to the publishing outlet: 1 when the outlet
    /// heard it first-hand.
    pub depth: u32,
    pub evidence: Vec<Evidence>,
    /// Set when a person corrected the attribution: what they changed and
    /// what the engine had found (see [`corrections`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<Corrected>,
}

/// Everything the engine found in one text.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Analysis {
    pub attributions: Vec<Attribution>,
    pub scores: Scores,
    pub diagnostics: Vec<Diagnostic>,
    /// What a person's corrections did, once [`correct`] has applied them;
    /// `None` for the engine's own findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrections: Option<corrections::Outcome>,
}

/// What the engine knows about the text besides its words.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// The publishing outlet, so that "CGTN reported" in a CGTN article is
    /// the outlet itself.
    pub outlet: Option<&'a str>,
}

/// Texts longer than this are analysed in their first part only, with a
/// diagnostic: no article is this long, and the rules are linear anyway.
pub const MAX_TEXT_BYTES: usize = 8 << 20;

/// A text read once into words, sentences and quotations, so that every
/// stage of an article's analysis (attributions, tone, framing) shares one
/// pass over it instead of making its own.
///
/// ```
/// use sourcetrace_core::attribution::{analyze_reading, Context, Lexicon, Reading};
///
/// let lexicon = Lexicon::builtin();
/// let reading = Reading::new("Peskov said talks would go on.", &lexicon);
/// assert_eq!(analyze_reading(&reading, &lexicon, &Context::default()).attributions.len(), 1);
/// ```
pub struct Reading<'t> {
    /// The bytes of the whole text; more than the text read when it was cut
    /// at [`MAX_TEXT_BYTES`].
    full_len: usize,
    pub(crate) tokens: Tokens<'t>,
    pub(crate) offsets: CodePoints<'t>,
}

impl<'t> Reading<'t> {
    /// Reads `text`, or its first [`MAX_TEXT_BYTES`], with each word marked
    /// by the lists of `lexicon` it is in.
    pub fn new(text: &'t str, lexicon: &Lexicon) -> Reading<'t> {
        Reading::with_classes(text, |w| lexicon.word_bits(w))
    }

    /// A reading with no word marked, for the stages that never ask which
    /// list a word is in (tone, framing) when they are called on their own.
    pub(crate) fn unmarked(text: &'t str) -> Reading<'t> {
        Reading::with_classes(text, |_| 0)
    }

    fn with_classes(text: &'t str, classes: impl Fn(&str) -> u16) -> Reading<'t> {
        let full_len = text.len();
        let mut text = text;
        if text.len() > MAX_TEXT_BYTES {
            let mut cut = MAX_TEXT_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text = &text[..cut];
        }
        Reading { full_len, tokens: Tokens::with_classes(text, classes), offsets: CodePoints::new(text) }
    }

    /// The text read: all of it, or its first [`MAX_TEXT_BYTES`].
    pub fn text(&self) -> &'t str {
        self.tokens.text
    }

    /// The bytes of the text left unread, if it was cut; each stage says so
    /// in a diagnostic of its own.
    pub fn truncated(&self) -> Option<(usize, usize)> {
        (self.full_len > self.text().len()).then_some((self.full_len, self.text().len()))
    }
}

/// Types each attribution's source, in text order, so that pronouns and
/// "the report" look back.
fn type_sources(
    t: &Tokens,
    lexicon: &Lexicon,
    context: &Context,
    found: &[detect::Found],
) -> Vec<(usize, Option<Typed>)> {
    let typer = Typer::new(t, lexicon, context.outlet, found.iter().map(|f| f.cue).collect());
    let mut typed: Vec<(usize, Option<Typed>)> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let source = match (f.source, f.source_from) {
            (Some(span), _) => {
                // "who", "which" and "that" are typed and named by the
                // phrase they stand for.
                let (a, b) = f.antecedent.unwrap_or(span);
                // What follows the source ("..., who asked not to be
                // named") within its sentence: the next sentence's "A
                // source familiar with the talks" is not about this one.
                let follows_end = (b + 10).min(t.toks.len()).min(t.sentence_of(b.max(a + 1) - 1).end);
                // Only an anonymity phrase is looked for there, so the
                // words are copied into a phrase only when one of them can
                // open one; otherwise (for most sources) the
                // tokens' own marks say so without a copy.
                let follows = if (b..follows_end).any(|k| t.is(k, lexicon::ANONYMITY_START_BIT)) {
                    lexicon::normalize_phrase(t.slice(b, follows_end))
                } else {
                    String::new()
                };
                let mut typed_source = typer.classify(a, b, &typed, &follows);
                if f.antecedent.is_some() {
                    typed_source.evidence = format!(
                        "\"{}\" stands for \"{}\"; {}",
                        t.slice(span.0, span.1).to_lowercase(),
                        t.slice(a, b),
                        typed_source.evidence
                    );
                }
                Some(typed_source)
            }
            (None, Some(p)) => typed.get(p).and_then(|(_, s)| s.clone()),
            (None, None) => None,
        };
        typed.push((i, source));
    }
    typed
}

/// Which attributions are part of what another says: a belief,
/// intention, evaluation or evidence cue inside the content of another
/// attribution. "Rubio says he feels he did great" restates Rubio's own
/// statement, and counting "feels" again would cite him twice for one
/// statement. "Smith said the company expects growth" and "Graham said
/// Trump believes" are what Smith and Graham say about others' minds: the
/// reporter cites Smith and Graham, and the company's expectation is the
/// content, not a second source. PolNeAR's annotators leave out 473 of
/// the 587 cues of the first kind on the train split, and 481 of the 616
/// of the second. Speech inside speech ("Peskov said Putin told Biden") is
/// a report of another statement, the relay that chains are made of, and
/// stays, and so does anything another attribution links to, and a
/// hedging adverb.
fn embedded(t: &Tokens, lexicon: &Lexicon, found: &[detect::Found]) -> Vec<bool> {
    let linked: Vec<usize> = found.iter().flat_map(|f| [f.cites_for, f.source_from, f.channel_for]).flatten().collect();
    (0..found.len())
        .map(|i| {
            let f = &found[i];
            let embeddable = f.entry.is_some_and(|e| {
                matches!(
                    lexicon.cue(e).class,
                    CueClass::Belief | CueClass::Intention | CueClass::Evaluation | CueClass::Evidence
                )
            });
            // "reportedly" marks a claim as relayed wherever it stands,
            // and framing counts its stance.
            if !embeddable || f.rule == "hedge-adverb" || linked.contains(&i) {
                return false;
            }
            let (start, end) = (t.toks[f.cue.0].start, t.toks[f.cue.1 - 1].end);
            found
                .iter()
                .enumerate()
                .any(|(j, outer)| j != i && outer.content.iter().any(|&(a, b)| a <= start && end <= b))
        })
        .collect()
}

/// `found` without the attributions marked in `drop`, with the links
/// between the others renumbered. Nothing links to a dropped attribution
/// (`embedded` keeps those), so no link is lost.
fn without(found: Vec<detect::Found>, drop: &[bool]) -> Vec<detect::Found> {
    let mut index = vec![None; found.len()];
    let mut kept = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        if !drop[i] {
            index[i] = Some(kept.len());
            kept.push(f);
        }
    }
    for f in &mut kept {
        f.cites_for = f.cites_for.and_then(|k| index[k]);
        f.source_from = f.source_from.and_then(|k| index[k]);
        f.channel_for = f.channel_for.and_then(|k| index[k]);
    }
    kept
}

/// Finds every attribution in `text`.
pub fn analyze(text: &str, lexicon: &Lexicon, context: &Context) -> Analysis {
    analyze_reading(&Reading::new(text, lexicon), lexicon, context)
}

/// Finds every attribution in a text already read with `lexicon`.
pub fn analyze_reading(reading: &Reading, lexicon: &Lexicon, context: &Context) -> Analysis {
    let mut diagnostics = Vec::new();
    if let Some((len, cut)) = reading.truncated() {
        diagnostics.push(Diagnostic::warning(
            "attribution.truncated",
            format!("the text is {len} bytes; only the first {cut} were analysed"),
        ));
    }
    let text = reading.text();
    let t = &reading.tokens;
    let mut detector = Detector::new(t, lexicon);
    detector.run();
    let mut found = detector.found;
    // Taken out before typing, so that a pronoun resolves only among the
    // sources the article cites.
    let inside = embedded(t, lexicon, &found);
    if inside.iter().any(|&r| r) {
        found = without(found, &inside);
    }
    let typed = type_sources(t, lexicon, context, &found);

    let via = link_chains(t, &found, &typed);
    let offsets = &reading.offsets;
    let mut attributions = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let entry = f.entry.map(|e| lexicon.cue(e));
        let cue_start = t.toks[f.cue.0].start;
        let cue_end = t.toks[f.cue.1 - 1].end;
        let mut evidence = Vec::new();
        match entry {
            Some(e) => evidence.push(Evidence { step: "cue".into(), rule: e.evidence.clone().into() }),
            None if f.rule == "poll-standing" => evidence.push(Evidence {
                step: "cue".into(),
                rule: "\"in\" before a poll, after the standings it reports".into(),
            }),
            None => {
                evidence.push(Evidence { step: "cue".into(), rule: format!("{} introducing speech", f.rule).into() })
            }
        }
        evidence.push(Evidence { step: "pattern".into(), rule: f.rule.into() });
        let source = match (&typed[i].1, f.source.or_else(|| f.source_from.and_then(|p| found[p].source))) {
            (Some(s), Some((a, b))) => {
                evidence.push(Evidence { step: "source".into(), rule: s.evidence.clone().into() });
                let (start, end) = (t.toks[a].start, t.toks[b - 1].end);
                Some(Source {
                    start: offsets.of_byte(start),
                    end: offsets.of_byte(end),
                    text: text[start..end].to_string(),
                    kind: s.kind,
                    country: s.country.clone(),
                    canonical: s.canonical.clone(),
                    document: s.document,
                    refers_to: s.refers_to,
                })
            }
            _ => None,
        };
        let kind = if f.rule == "according-to" {
            AttributionKind::AccordingTo
        } else if f.rule == "citing" || f.rule == "channel" {
            AttributionKind::Citing
        } else if source.is_none() {
            AttributionKind::NoSource
        } else if entry.is_some_and(|e| e.phrase == "report")
            && source.as_ref().is_some_and(|s| s.kind.is_media() || s.kind == SourceType::SelfOutlet)
        {
            AttributionKind::MediaReport
        } else {
            match f.quoted {
                Quoted::All => AttributionKind::Direct,
                Quoted::Part => AttributionKind::Mixed,
                Quoted::None => AttributionKind::Indirect,
            }
        };
        if let Some(v) = via[i] {
            evidence.push(Evidence { step: "chain".into(), rule: format!("relayed through attribution {v}").into() });
        }
        let content = f
            .content
            .iter()
            .map(|&(a, b)| Span { start: offsets.of_byte(a), end: offsets.of_byte(b), text: text[a..b].to_string() })
            .collect();
        attributions.push(Attribution {
            kind,
            cue: Span {
                start: offsets.of_byte(cue_start),
                end: offsets.of_byte(cue_end),
                text: text[cue_start..cue_end].to_string(),
            },
            cue_class: entry.map_or(CueClass::Punctuation, |e| e.class),
            stance: entry.map_or(Stance::Neutral, |e| e.stance),
            source,
            content,
            via: via[i],
            depth: 1,
            evidence,
            corrected: None,
        });
    }
    for i in 0..attributions.len() {
        let mut depth = 1;
        let mut at = attributions[i].via;
        while let Some(v) = at {
            depth += 1;
            if depth > 32 {
                break;
            }
            at = attributions[v].via;
        }
        attributions[i].depth = depth;
    }
    let scores = Scores::of(&attributions);
    Analysis { attributions, scores, diagnostics, corrections: None }
}

/// Links each attribution to the one it reached the reader through:
/// - an attribution inside another's content was relayed by it ("Putin
///   told Biden ..., Peskov said");
/// - a citing hop ("citing a short video") stands between the reporter and
///   everything inside the report;
/// - a named outlet's report continues an earlier generic one of its
///   country ("Russian media reported" ... "TASS reported").
fn link_chains(t: &Tokens, found: &[detect::Found], typed: &[(usize, Option<Typed>)]) -> Vec<Option<usize>> {
    let n = found.len();
    let mut via: Vec<Option<usize>> = vec![None; n];
    let cue_byte = |i: usize| t.toks[found[i].cue.0].start;
    let hop = |f: &detect::Found| f.cites_for.is_some() || f.channel_for.is_some();
    // Each attribution was relayed through the one whose content holds its
    // cue: the shortest such span, the earliest attribution on a tie. The
    // cues are swept in text order past the spans sorted by start, keeping
    // only the spans open at the cue, so a text with many attributions in
    // one paragraph costs n log n rather than n squared.
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new(); // (start, end, attribution, index)
    for (j, f) in found.iter().enumerate().filter(|(_, f)| !hop(f)) {
        spans.extend(f.content.iter().enumerate().map(|(k, &(a, b))| (a, b, j, k)));
    }
    spans.sort_unstable();
    let mut cues: Vec<usize> = (0..n).filter(|&i| !hop(&found[i])).collect();
    cues.sort_by_key(|&i| cue_byte(i));
    let mut next = 0;
    let mut open: Vec<(usize, usize, usize, usize)> = Vec::new();
    for i in cues {
        let at = cue_byte(i);
        while next < spans.len() && spans[next].0 <= at {
            open.push(spans[next]);
            next += 1;
        }
        open.retain(|&(_, b, _, _)| at < b);
        via[i] = open
            .iter()
            .filter(|&&(_, _, j, _)| j != i)
            .min_by_key(|&&(a, b, j, k)| (b - a, j, k))
            .map(|&(_, _, j, _)| j);
    }
    // Citing hops: the hop relays for the reporter, and what the reporter
    // carried came through the hop.
    for c in 0..n {
        if let Some(parent) = found[c].cites_for {
            for v in via.iter_mut() {
                if *v == Some(parent) {
                    *v = Some(c);
                }
            }
            via[c] = Some(parent);
            via[parent] = via[parent].filter(|&p| p != c);
        }
    }
    // A channel ("in a video released on state TV") carried its speaker's
    // words, and reached the reader the way the speaker would have.
    for c in 0..n {
        if let Some(speaker) = found[c].channel_for {
            via[c] = via[speaker];
            via[speaker] = Some(c);
        }
    }
    // A named outlet continues a generic media report of its country.
    for i in 0..n {
        let Some(s) = &typed[i].1 else { continue };
        if via[i].is_some() || !s.kind.is_media() || s.refers_to.is_some() || s.document {
            continue;
        }
        let para = t.toks[found[i].cue.0].para;
        // Attributions are in text order, so the search stops at the first
        // one more than three paragraphs back; searching all of them made a
        // text with many media reports quadratic.
        let generic = (0..i).rev().take_while(|&j| para.saturating_sub(t.toks[found[j].cue.0].para) <= 3).find(|&j| {
            typed[j].1.as_ref().is_some_and(|g| {
                g.kind.is_media() && g.generic && !g.document && (g.country.is_none() || g.country == s.country)
            })
        });
        if let Some(g) = generic {
            via[i] = Some(g);
        }
    }
    // "the report said": the report continues the one it refers to.
    for i in 0..n {
        if let Some(s) = &typed[i].1 {
            if let Some(r) = s.refers_to {
                if s.document && via[i].is_none() && r != i {
                    via[i] = via[r];
                }
            }
        }
    }
    // A named source passing on its own words ("Biden saying that he
    // regrets") is one voice, not a hop: the chain skips to whoever relayed
    // that source, so "Joe Biden <- Joe Biden" is never drawn and the depth
    // counts only changes of hands. Generic sources ("officials") may be
    // different people and keep their link.
    let same_voice = |a: usize, b: usize| match (&typed[a].1, &typed[b].1) {
        (Some(x), Some(y)) => {
            !x.generic
                && !y.generic
                && !x.document
                && !y.document
                && !x.canonical.is_empty()
                && x.canonical == y.canonical
        }
        _ => false,
    };
    for i in 0..n {
        let mut steps = 0;
        while let Some(v) = via[i] {
            if v == i || steps > n || !same_voice(i, v) {
                break;
            }
            via[i] = via[v];
            steps += 1;
        }
    }
    // Break any cycle the rules above could make.
    for i in 0..n {
        let mut seen = 0;
        let mut at = via[i];
        while let Some(v) = at {
            seen += 1;
            if v == i || seen > n {
                via[i] = None;
                break;
            }
            at = via[v];
        }
    }
    via
}

#[cfg(test)]
mod tests;
