//! Tone: how positive or negative each sentence is, rolled up to the article
//! and to the people, bodies and countries it mentions.
//!
//! Two engines sit behind one interface ([`ToneEngine`]): VADER, the
//! default, rule for rule as in Python's vaderSentiment 3.3.2 (boosters,
//! capitals, negation, "but", punctuation), and AFINN-111 with a tokenizer
//! that keeps digits, apostrophes and phrases and the same negation. Both
//! read the news overrides in `data/tone-news.tsv` ("demonize",
//! "provocation", "baseless"; "crude" and "justice" made neutral) and the
//! user's rows, and with them a wider negation scope, so that "no
//! particular grounds for optimism" is not positive.
//!
//! Every figure can be traced: a sentence's score is the normalization of
//! the sum of its terms' contributions (plus VADER's punctuation emphasis),
//! and each [`ToneTerm`] says where it is, which lexicon rated it, its base
//! weight, whether it was negated or boosted and by what, and what it
//! contributed. An entity's tone is the mean score of the sentences that
//! mention it, with the mentions listed.
//!
//! Scores run from -1 to 1. VADER's is its compound score; AFINN's sum is
//! normalized the same way on its own scale (see [`afinn`]). A sentence is
//! positive from 0.05 and negative from -0.05, VADER's usual thresholds.
//!
//! Offsets in results are Unicode code points into the text passed in, end
//! exclusive, as everywhere the core's results are stored; the work inside
//! is done in bytes and converted at the end.
//!
//! ```
//! use sourcetrace_core::attribution::{analyze, Context, Lexicon};
//! use sourcetrace_core::tone::{article_tone, entities_of, sentence_tone, ToneEngine, ToneLabel, ToneLexicon};
//!
//! let tone = ToneLexicon::builtin();
//! let s = sentence_tone("Putin had no particular grounds for optimism.", &tone, ToneEngine::Vader);
//! assert_eq!(s.label, ToneLabel::Negative);
//! let optimism = s.terms.iter().find(|t| t.text == "optimism").unwrap();
//! assert!(optimism.negated && optimism.contribution < 0.0);
//!
//! let text = "Peskov said the West wants to demonize Russia. Kremlin spokesman Dmitry Peskov smiled.";
//! let lexicon = Lexicon::builtin();
//! let analysis = analyze(text, &lexicon, &Context::default());
//! let entities = entities_of(&analysis, text, &lexicon);
//! let article = article_tone(text, &tone, ToneEngine::default(), &entities);
//! let russia = article.entities.iter().find(|e| e.name == "Russia").unwrap();
//! assert_eq!(russia.sentences, [0]);
//! assert!(russia.score.unwrap() < 0.0);
//! ```

pub mod afinn;
pub mod lexicon;
pub mod vader;

pub use lexicon::{TermSource, ToneLexicon};

use crate::attribution::tokens::{Kind, Tokens};
use crate::attribution::{self, Analysis, Lexicon, Reading, SourceType, Span};
use crate::fasthash::FastMap as HashMap;
use crate::text::CodePoints;
use crate::Diagnostic;
use serde::{Deserialize, Serialize};

/// Which engine scores the sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ToneEngine {
    /// VADER 3.3.2: graded weights, boosters, capitals, "but" and
    /// punctuation. The default: it reads more of a sentence than a word
    /// list does, and matches the reference implementation.
    #[default]
    Vader,
    /// AFINN-111: integer weights, phrases and negation only.
    Afinn,
}

impl ToneEngine {
    pub const ALL: [ToneEngine; 2] = [ToneEngine::Vader, ToneEngine::Afinn];

    pub fn as_str(self) -> &'static str {
        match self {
            ToneEngine::Vader => "vader",
            ToneEngine::Afinn => "afinn",
        }
    }

    pub fn parse(s: &str) -> Option<ToneEngine> {
        ToneEngine::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// Positive, neutral or negative, from a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ToneLabel {
    Positive,
    Neutral,
    Negative,
}

impl ToneLabel {
    /// VADER's thresholds: 0.05 and -0.05.
    pub fn of(score: f64) -> ToneLabel {
        if score >= 0.05 {
            ToneLabel::Positive
        } else if score <= -0.05 {
            ToneLabel::Negative
        } else {
            ToneLabel::Neutral
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ToneLabel::Positive => "positive",
            ToneLabel::Neutral => "neutral",
            ToneLabel::Negative => "negative",
        }
    }
}

/// One rated word or phrase and what it did to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ToneTerm {
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The lexicon the weight came from.
    pub lexicon: TermSource,
    /// The weight as listed (VADER's scale for VADER, AFINN's for AFINN).
    pub base: f64,
    pub negated: bool,
    /// The word that negated it.
    pub negator: Option<Span>,
    /// A booster, a dampener or capitals changed its weight.
    pub boosted: bool,
    /// Every rule that changed the weight, in order, for people to read.
    pub notes: Vec<String>,
    /// What it added to the sentence's sum, after every rule.
    pub contribution: f64,
}

/// The tone of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SentenceTone {
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// From -1 to 1: `raw / sqrt(raw² + α)` (see the module docs).
    pub score: f64,
    pub label: ToneLabel,
    /// The sum of the terms' contributions plus `emphasis`.
    pub raw: f64,
    /// VADER's emphasis for exclamation and question marks, signed like
    /// the sum it strengthens; 0 for AFINN.
    pub emphasis: f64,
    pub terms: Vec<ToneTerm>,
}

/// Something whose tone an article can be asked about: a person, a body, a
/// country. `aliases` are other names for it; all are matched as whole
/// words, case-insensitively, where the text writes them with a capital.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
}

/// The tone of the sentences that mention an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntityTone {
    pub name: String,
    /// The mean score of `sentences`; none when it is never mentioned.
    pub score: Option<f64>,
    /// Indices into [`ArticleTone::sentences`].
    pub sentences: Vec<usize>,
    /// Every mention, in code points.
    pub mentions: Vec<Span>,
}

/// The tone of a whole article. It reads back from JSON without its
/// diagnostics, which are about the lexicons of the run that made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleTone {
    pub engine: ToneEngine,
    /// The news rules were on.
    pub news: bool,
    /// The mean score of all sentences, neutral ones included.
    pub score: f64,
    pub label: ToneLabel,
    pub positive: usize,
    pub neutral: usize,
    pub negative: usize,
    pub sentences: Vec<SentenceTone>,
    pub entities: Vec<EntityTone>,
    /// Written out with the tone, but never read back: diagnostics are about
    /// the run that produced them, and their codes are static strings.
    #[serde(default, with = "written_only")]
    #[cfg_attr(feature = "ts", ts(as = "Vec<Diagnostic>"))]
    pub diagnostics: Vec<Diagnostic>,
}

/// Serializes diagnostics as usual and reads them back as none. A plain
/// `skip_deserializing` would do the same, but the TypeScript generator
/// cannot parse it.
mod written_only {
    use super::Diagnostic;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(diagnostics: &[Diagnostic], serializer: S) -> Result<S::Ok, S::Error> {
        diagnostics.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Diagnostic>, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer)?;
        Ok(Vec::new())
    }
}

/// A term as an engine found it, in bytes into the sentence it was given.
#[derive(Debug, Clone)]
pub(crate) struct TermHit {
    pub start: usize,
    pub end: usize,
    pub source: TermSource,
    pub base: f64,
    pub negated: bool,
    pub negator: Option<(usize, usize)>,
    pub boosted: bool,
    pub notes: Vec<String>,
    pub contribution: f64,
}

/// What an engine makes of one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    pub terms: Vec<TermHit>,
    pub raw: f64,
    pub emphasis: f64,
    pub score: f64,
}

/// Without `explain`, VADER leaves out its terms and their notes; AFINN,
/// cheap either way, always explains.
fn score(sentence: &str, lexicon: &ToneLexicon, engine: ToneEngine, explain: bool) -> Scored {
    match engine {
        ToneEngine::Vader => vader::score(sentence, lexicon, explain),
        ToneEngine::Afinn => afinn::score(sentence, lexicon),
    }
}

/// Scores one sentence (or any short text, taken as one sentence). Offsets
/// are code points into `sentence`.
pub fn sentence_tone(sentence: &str, lexicon: &ToneLexicon, engine: ToneEngine) -> SentenceTone {
    let offsets = CodePoints::new(sentence);
    build_sentence(sentence, 0, score(sentence, lexicon, engine, true), &offsets, sentence)
}

fn build_sentence(text: &str, base: usize, scored: Scored, offsets: &CodePoints, sentence: &str) -> SentenceTone {
    let span = |a: usize, b: usize| Span {
        start: offsets.of_byte(base + a),
        end: offsets.of_byte(base + b),
        text: text[base + a..base + b].to_string(),
    };
    let terms = scored
        .terms
        .into_iter()
        .map(|h| {
            let at = span(h.start, h.end);
            ToneTerm {
                start: at.start,
                end: at.end,
                text: at.text,
                lexicon: h.source,
                base: h.base,
                negated: h.negated,
                negator: h.negator.map(|(a, b)| span(a, b)),
                boosted: h.boosted,
                notes: h.notes,
                contribution: h.contribution,
            }
        })
        .collect();
    SentenceTone {
        start: offsets.of_byte(base),
        end: offsets.of_byte(base + sentence.len()),
        text: sentence.to_string(),
        score: scored.score,
        label: ToneLabel::of(scored.score),
        raw: scored.raw,
        emphasis: scored.emphasis,
        terms,
    }
}

/// Texts longer than this are scored in their first part only, with a
/// diagnostic, as the attribution engine does.
pub const MAX_TEXT_BYTES: usize = attribution::MAX_TEXT_BYTES;

/// Scores every sentence of `text` (split as the attribution engine splits
/// them), the article as a whole, and each of `entities`.
pub fn article_tone(text: &str, lexicon: &ToneLexicon, engine: ToneEngine, entities: &[Entity]) -> ArticleTone {
    article_tone_in(&Reading::unmarked(text), lexicon, engine, entities)
}

/// [`article_tone`] of a text already read, sharing its words and sentences
/// with the other stages.
pub fn article_tone_in(
    reading: &Reading,
    lexicon: &ToneLexicon,
    engine: ToneEngine,
    entities: &[Entity],
) -> ArticleTone {
    let mut diagnostics = Vec::new();
    if let Some((len, cut)) = reading.truncated() {
        diagnostics.push(Diagnostic::warning(
            "tone.truncated",
            format!("the text is {len} bytes; only the first {cut} were scored"),
        ));
    }
    let (t, offsets) = (&reading.tokens, &reading.offsets);
    let text = t.text;
    let (sentences, sentence_of_token) = score_sentences(reading, |a, sentence| {
        build_sentence(text, a, score(sentence, lexicon, engine, true), offsets, sentence)
    });
    let scores: Vec<f64> = sentences.iter().map(|s| s.score).collect();
    let mean = mean_of(&scores);
    let count = |label: ToneLabel| sentences.iter().filter(|s| s.label == label).count();
    let (positive, neutral, negative) =
        (count(ToneLabel::Positive), count(ToneLabel::Neutral), count(ToneLabel::Negative));

    let mentions = find_mentions(t, entities);
    let entities = entities
        .iter()
        .zip(mentions)
        .map(|(e, found)| {
            let (in_sentences, score) = entity_sentences(&found, &sentence_of_token, &scores);
            let mentions = found
                .iter()
                .map(|&(i, j)| {
                    let (a, b) = (t.toks[i].start, t.toks[j - 1].end);
                    Span { start: offsets.of_byte(a), end: offsets.of_byte(b), text: text[a..b].to_string() }
                })
                .collect();
            EntityTone { name: e.name.clone(), score, sentences: in_sentences, mentions }
        })
        .collect();
    ArticleTone {
        engine,
        news: lexicon.news(),
        score: mean,
        label: ToneLabel::of(mean),
        positive,
        neutral,
        negative,
        sentences,
        entities,
        diagnostics,
    }
}

/// An article's tone as the library keeps it: the figures of
/// [`ArticleTone`] without the sentences and terms that explain them, which
/// the article's view works out again from its text. The numbers are the
/// same as [`article_tone_in`]'s (a test checks it); what is left out is
/// the copying of every sentence and the notes on every rated word, about
/// a sixth of the tone's work.
#[derive(Debug, Clone, PartialEq)]
pub struct ToneFigures {
    pub engine: ToneEngine,
    /// The mean score of all sentences, neutral ones included.
    pub score: f64,
    pub entities: Vec<EntityFigures>,
}

/// An [`EntityTone`] in figures.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityFigures {
    pub name: String,
    /// The mean score of the sentences that mention it; none when none do.
    pub score: Option<f64>,
    /// How many sentences mention it.
    pub sentences: usize,
    /// How many times it is mentioned.
    pub mentions: usize,
}

impl ArticleTone {
    /// The figures of this tone, as [`article_tone_figures_in`] gives them.
    pub fn figures(&self) -> ToneFigures {
        ToneFigures {
            engine: self.engine,
            score: self.score,
            entities: self
                .entities
                .iter()
                .map(|e| EntityFigures {
                    name: e.name.clone(),
                    score: e.score,
                    sentences: e.sentences.len(),
                    mentions: e.mentions.len(),
                })
                .collect(),
        }
    }
}

/// [`article_tone_in`] in figures only ([`ToneFigures`]).
pub fn article_tone_figures_in(
    reading: &Reading,
    lexicon: &ToneLexicon,
    engine: ToneEngine,
    entities: &[Entity],
) -> ToneFigures {
    let (scores, sentence_of_token) =
        score_sentences(reading, |_, sentence| score(sentence, lexicon, engine, false).score);
    let mentions = find_mentions(&reading.tokens, entities);
    let entities = entities
        .iter()
        .zip(mentions)
        .map(|(e, found)| {
            let (in_sentences, score) = entity_sentences(&found, &sentence_of_token, &scores);
            EntityFigures { name: e.name.clone(), score, sentences: in_sentences.len(), mentions: found.len() }
        })
        .collect();
    ToneFigures { engine, score: mean_of(&scores), entities }
}

/// Runs `each` over every sentence with a word in it, with the sentence's
/// byte offset; returns the results and the sentence index of each token
/// (`usize::MAX` outside them), for entity mentions.
fn score_sentences<T>(reading: &Reading, mut each: impl FnMut(usize, &str) -> T) -> (Vec<T>, Vec<usize>) {
    let t = &reading.tokens;
    let mut results = Vec::with_capacity(t.sentences.len());
    let mut sentence_of_token = vec![usize::MAX; t.toks.len()];
    for s in &t.sentences {
        if !(s.first..s.end).any(|i| t.toks[i].kind == Kind::Word) {
            continue;
        }
        let (a, b) = (t.toks[s.first].start, t.toks[s.end - 1].end);
        for slot in &mut sentence_of_token[s.first..s.end] {
            *slot = results.len();
        }
        results.push(each(a, &t.text[a..b]));
    }
    (results, sentence_of_token)
}

/// The mean of the sentence scores; 0 for none.
fn mean_of(scores: &[f64]) -> f64 {
    // `+ 0.0` turns a mean of -0.0 into 0.0.
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().sum::<f64>() / scores.len() as f64 + 0.0
    }
}

/// The sentences an entity's mentions fall in, and their mean score.
fn entity_sentences(
    found: &[(usize, usize)],
    sentence_of_token: &[usize],
    scores: &[f64],
) -> (Vec<usize>, Option<f64>) {
    let mut in_sentences: Vec<usize> =
        found.iter().map(|&(i, _)| sentence_of_token[i]).filter(|&s| s < scores.len()).collect();
    in_sentences.dedup();
    let score = (!in_sentences.is_empty())
        .then(|| in_sentences.iter().map(|&s| scores[s]).sum::<f64>() / in_sentences.len() as f64);
    (in_sentences, score)
}

/// A word without a possessive ending: "putin's" is "putin".
fn bare(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')).unwrap_or(word)
}

/// For each entity, the token ranges `[first, end)` that name it. A name
/// must start with a capital; the longest name at a place wins, and a
/// hyphenated word counts for each of its parts ("Russian-Ukrainian").
fn find_mentions(t: &Tokens, entities: &[Entity]) -> Vec<Vec<(usize, usize)>> {
    let mut index: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::default();
    for (e, entity) in entities.iter().enumerate() {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let folded = lexicon::fold(name);
            let mut words = folded.split(' ').map(str::to_string);
            let Some(first) = words.next().filter(|w| !w.is_empty()) else { continue };
            let slot = index.entry(first).or_default();
            let rest: Vec<String> = words.collect();
            if !slot.iter().any(|(r, x)| *r == rest && *x == e) {
                slot.push((rest, e));
                slot.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
            }
        }
    }
    let mut found = vec![Vec::new(); entities.len()];
    let n = t.toks.len();
    let mut i = 0;
    while i < n {
        if t.toks[i].kind != Kind::Word || !t.toks[i].cap {
            i += 1;
            continue;
        }
        let word = t.lower(i);
        let mut matched = None;
        if let Some(candidates) = index.get(bare(word)).or_else(|| index.get(word)) {
            for (rest, e) in candidates {
                let fits = rest.iter().enumerate().all(|(k, w)| {
                    let j = i + 1 + k;
                    t.is_word(j) && (t.lower(j) == w || (k + 1 == rest.len() && bare(t.lower(j)) == w))
                });
                // A possessive ends a name: "Putin's" is not "Putin Vladimir".
                if fits && (rest.is_empty() || bare(word) == word) {
                    matched = Some((*e, i + 1 + rest.len()));
                    break;
                }
            }
        }
        match matched {
            Some((e, end)) => {
                found[e].push((i, end));
                i = end;
            }
            None => {
                if word.contains('-') {
                    for part in word.split('-') {
                        if let Some((_, e)) = index.get(part).and_then(|c| c.iter().find(|(r, _)| r.is_empty())) {
                            if !found[*e].contains(&(i, i + 1)) {
                                found[*e].push((i, i + 1));
                            }
                        }
                    }
                }
                i += 1;
            }
        }
    }
    found
}

/// The entities an article's tone is worth reading for: each named source
/// the attribution engine found, under its canonical name ("Dmitry
/// Peskov"), with the proper names the article used for it ("Peskov") and,
/// for a person, the surname (titles stay out: "Russian President" is
/// Russia's); then every country the text names, with its
/// other names, demonyms and capitals from `data/countries.tsv` ("Russia":
/// "Russian", "Moscow"). A source that is a country ("Russia has said") is
/// that country. Generic sources ("Russian media", "two leaders"),
/// documents, pronouns and the outlet itself are left out.
pub fn entities_of(analysis: &Analysis, text: &str, lexicon: &Lexicon) -> Vec<Entity> {
    entities_in(analysis, &Reading::unmarked(text), lexicon)
}

/// [`entities_of`] a text already read.
pub fn entities_in(analysis: &Analysis, reading: &Reading, lexicon: &Lexicon) -> Vec<Entity> {
    let t = &reading.tokens;
    let mut entities: Vec<Entity> = Vec::new();
    // The forms borrow from the lexicon: an article names a few countries,
    // each with a dozen forms, and copying them was a tenth of this work.
    let mut country_entity: HashMap<std::borrow::Cow<str>, usize> = HashMap::default();
    let add_alias = |entity: &mut Entity, alias: &str| {
        if alias != entity.name && !entity.aliases.iter().any(|a| a == alias) {
            entity.aliases.push(alias.to_string());
        }
    };
    // Countries first, so that a source naming one joins it.
    let mut countries_seen: Vec<(usize, u16)> = Vec::new();
    let mut key = String::new();
    for i in 0..t.toks.len() {
        if !t.is_word(i) || !t.toks[i].cap {
            continue;
        }
        let most = lexicon.country_first.get(bare(t.lower(i))).copied().unwrap_or(0);
        for len in (1..=most.min(t.toks.len() - i)).rev() {
            if !(i..i + len).all(|j| t.is_word(j)) {
                continue;
            }
            key.clear();
            for j in i..i + len {
                if j > i {
                    key.push(' ');
                }
                key.push_str(bare(t.lower(j)));
            }
            if let Some(&(idx, _)) = lexicon.country_words.get(&key) {
                if !countries_seen.iter().any(|&(_, c)| c == idx) {
                    countries_seen.push((i, idx));
                }
                break;
            }
        }
        // "Russian-Ukrainian" names both.
        if t.lower(i).contains('-') {
            for part in t.lower(i).split('-') {
                if let Some(&(idx, _)) = lexicon.country_words.get(part) {
                    if !countries_seen.iter().any(|&(_, c)| c == idx) {
                        countries_seen.push((i, idx));
                    }
                }
            }
        }
    }
    let mut country_list: Vec<Entity> = Vec::new();
    for &(_, idx) in &countries_seen {
        let country = &lexicon.countries[idx as usize];
        let mut forms: Vec<&String> =
            lexicon.country_forms.get(idx as usize).map_or(Vec::new(), |f| f.iter().collect());
        forms.sort();
        let mut entity = Entity { name: country.name.clone(), aliases: Vec::new() };
        let folded = lexicon::fold(&country.name);
        for form in forms {
            if *form != folded {
                add_alias(&mut entity, form);
            }
            country_entity.insert(form.as_str().into(), country_list.len());
        }
        country_entity.insert(folded.into(), country_list.len());
        country_list.push(entity);
    }

    for a in &analysis.attributions {
        let Some(s) = &a.source else { continue };
        if s.document
            || matches!(s.kind, SourceType::Anonymous | SourceType::Unknown | SourceType::SelfOutlet)
            || !is_proper_name(&s.canonical)
        {
            continue;
        }
        let key = lexicon::fold(&s.canonical);
        if country_entity.contains_key(key.as_str()) {
            continue;
        }
        let at = match entities.iter().position(|e| e.name == s.canonical) {
            Some(at) => at,
            None => {
                entities.push(Entity { name: s.canonical.clone(), aliases: Vec::new() });
                let entity = entities.last_mut().expect("just pushed");
                if matches!(s.kind, SourceType::Person | SourceType::Official) {
                    if let Some(surname) = surname(&s.canonical, lexicon) {
                        add_alias(entity, surname);
                    }
                }
                entities.len() - 1
            }
        };
        // "Putin" for "Vladimir Putin", but not "Russian President Vladimir
        // Putin", whose title belongs to Russia.
        let within = s.text.split_whitespace().all(|w| s.canonical.split_whitespace().any(|c| c == w));
        if within && is_proper_name(&s.text) && !country_entity.contains_key(lexicon::fold(&s.text).as_str()) {
            add_alias(&mut entities[at], &s.text);
        }
    }
    entities.extend(country_list);
    entities
}

/// Words that may sit lowercase inside a proper name.
const NAME_PARTICLES: &[&str] =
    &["of", "the", "for", "and", "de", "del", "der", "da", "du", "la", "le", "von", "van", "bin", "al", "on"];

/// "Dmitry Peskov", "TASS", "Ministry of Foreign Affairs": every word
/// capitalised but inner particles. Not "Russian media" or "two leaders".
fn is_proper_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || NAME_PARTICLES.contains(w))
}

/// The surname of a person's name of two to four words, none of which the
/// lexicons know as a title, institution or country ("White House" has no
/// surname).
fn surname<'a>(name: &'a str, lexicon: &Lexicon) -> Option<&'a str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len())
        || !words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.')))
    {
        return None;
    }
    let known = |w: &str| {
        let w = lexicon::fold(w);
        lexicon.source_word(&w).is_some() || lexicon.country_word(&w).is_some()
    };
    if known(name) || words.iter().any(|w| known(w)) {
        return None;
    }
    words.last().copied().filter(|w| w.chars().count() >= 2)
}

#[cfg(test)]
mod tests;
