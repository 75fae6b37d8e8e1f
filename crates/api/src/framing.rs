//! Tone and framing of the library's articles: each article's tone by
//! sentence with the words behind it, its hedges, loaded terms and verb
//! stances, and their tallies by outlet.
//!
//! The lexicons behind them are the built-in files plus the user's
//! additions, which the library stores with the attribution lexicons' (see
//! [`AdditionKind`]); adding one makes every analysis stale, like any other
//! lexicon row.

use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use serde::Serialize;
use sourcetrace_core::attribution::{Lexicon, LexiconKind};
use sourcetrace_core::framing::{self, Framing, FramingKind, FramingLexicon};
use sourcetrace_core::tone::{self, ArticleTone, ToneEngine, ToneLexicon};
use sourcetrace_store::{ArticleFilter, EntityToneTally, FramingTerm, OutletFraming};

/// Every lexicon an analysis reads, built in and extended by the user.
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub attribution: Lexicon,
    pub tone: ToneLexicon,
    pub framing: FramingLexicon,
}

impl Lexicons {
    pub fn builtin() -> Lexicons {
        Lexicons { attribution: Lexicon::builtin(), tone: ToneLexicon::builtin(), framing: FramingLexicon::builtin() }
    }

    /// Adds one user row of `kind` (with or without its header) and returns
    /// the problems found, as sentences.
    pub fn extend(&mut self, kind: AdditionKind, tsv: &str) -> Vec<String> {
        let text = format!("{}\n{tsv}", kind.header());
        let diagnostics = match kind {
            AdditionKind::Attribution(k) => self.attribution.extend(k, &text),
            AdditionKind::Framing(k) => self.framing.extend(k, &text),
            AdditionKind::Tone => self.tone.extend(&text),
        };
        diagnostics.into_iter().map(|d| problem(kind.as_str(), &d.message)).collect()
    }
}

/// A diagnostic's message without the lexicon name a parser puts first.
fn problem(kind: &str, message: &str) -> String {
    message.strip_prefix(kind).and_then(|m| m.strip_prefix(": ")).unwrap_or(message).to_string()
}

/// Which lexicon a user's row extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdditionKind {
    /// `cues`, `sources`, `countries` or `outlets`.
    Attribution(LexiconKind),
    /// `hedges` or `loaded`.
    Framing(FramingKind),
    /// `tone`: news words and their valence.
    Tone,
}

impl AdditionKind {
    /// Every kind's name, for messages.
    pub const NAMES: &'static str = "cues, sources, countries, outlets, people, given-names, hedges, loaded or tone";

    pub fn parse(name: &str) -> Option<AdditionKind> {
        let name = name.trim().to_lowercase();
        if let Some(k) = LexiconKind::parse(&name) {
            return Some(AdditionKind::Attribution(k));
        }
        if let Some(k) = FramingKind::parse(&name) {
            return Some(AdditionKind::Framing(k));
        }
        (name == "tone").then_some(AdditionKind::Tone)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AdditionKind::Attribution(k) => k.as_str(),
            AdditionKind::Framing(k) => k.as_str(),
            AdditionKind::Tone => "tone",
        }
    }

    /// The header row of the built-in file: the columns a row must have.
    pub fn header(self) -> &'static str {
        match self {
            AdditionKind::Attribution(k) => k.header(),
            AdditionKind::Framing(_) => framing::HEADER,
            AdditionKind::Tone => tone::lexicon::NEWS_HEADER,
        }
    }
}

/// An article's framing signals as stored: its hedges and loaded terms
/// with their spans, and its attributions counted by verb stance.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleFraming {
    pub article_id: i64,
    pub terms: Vec<FramingTerm>,
    pub framing: Option<Framing>,
}

impl Sourcetrace {
    /// An article's tone by `engine`, every sentence with the words behind
    /// its score. It is worked out now (a fraction of a millisecond) with
    /// the current lexicons and the person's corrections, so with the
    /// default engine it is the tone the stored analysis counted whenever
    /// that analysis is current (see migration 0012 of the store).
    pub fn tone(&self, article_id: i64, engine: ToneEngine) -> Result<ArticleTone> {
        let (lexicons, _) = self.lexicons()?;
        self.tone_with(article_id, engine, &lexicons)
    }

    /// [`Sourcetrace::tone`] with the lexicons already built, for a caller
    /// that scores many articles: building them parses every data file.
    pub(crate) fn tone_with(&self, article_id: i64, engine: ToneEngine, lexicons: &Lexicons) -> Result<ArticleTone> {
        let article = self.show(article_id)?;
        let analysis =
            self.corrected_analysis(article_id, &article.text, article.outlet.as_deref(), &lexicons.attribution)?;
        let entities = tone::entities_of(&analysis, &article.text, &lexicons.attribution);
        Ok(tone::article_tone(&article.text, &lexicons.tone, engine, &entities))
    }

    /// An article's hedges, loaded terms and verb stances. Worked out now
    /// from its text (cheap), so the stances and terms are those of the
    /// current lexicons; the stored terms are what the tallies counted.
    pub fn framing(&self, article_id: i64) -> Result<ArticleFraming> {
        let article = self.show(article_id)?;
        let (lexicons, _) = self.lexicons()?;
        let analysis =
            self.corrected_analysis(article_id, &article.text, article.outlet.as_deref(), &lexicons.attribution)?;
        let framing = framing::framing(&article.text, &analysis, &lexicons.framing);
        Ok(ArticleFraming { article_id, terms: self.library().framing_terms(article_id)?, framing: Some(framing) })
    }

    /// Verb stances, hedges, loaded terms and mean tone of each outlet's
    /// analysed articles in a selection, normalized so outlets compare.
    pub fn framing_by_outlet(&self, filter: &ArticleFilter) -> Result<Vec<OutletFraming>> {
        self.validate_filter(filter)?;
        Ok(self.library().framing_by_outlet(filter)?)
    }

    /// Each outlet's tone toward the `entities` most mentioned entities of a
    /// selection.
    pub fn entity_tone_by_outlet(&self, filter: &ArticleFilter, entities: usize) -> Result<Vec<EntityToneTally>> {
        self.validate_filter(filter)?;
        Ok(self.library().entity_tone_by_outlet(filter, entities.max(1))?)
    }

    /// The built-in lexicons with the library's additions on top, in the
    /// order they were added, and a sentence for each addition that did not
    /// apply.
    pub fn lexicons(&self) -> Result<(Lexicons, Vec<String>)> {
        let mut lexicons = Lexicons::builtin();
        let mut warnings = Vec::new();
        for addition in self.library().lexicon_additions()? {
            let Some(kind) = AdditionKind::parse(&addition.kind) else { continue };
            for message in lexicons.extend(kind, &addition.row) {
                warnings.push(format!("lexicon addition #{}: {message}", addition.id));
            }
        }
        Ok((lexicons, warnings))
    }

    /// Whether the article's stored analysis was made with the current
    /// rules and lexicons.
    pub(crate) fn analysis_is_current(&self, article_id: i64) -> Result<bool> {
        let stamp = self.analysis_stamp()?;
        Ok(self.library().analysis_stamp_of(article_id)?.as_ref() == Some(&stamp))
    }
}

/// Checks a user's lexicon row and returns it tidied: one line, fields
/// trimmed, as many columns as the built-in file has, and accepted by the
/// lexicon's parser without a diagnostic.
pub(crate) fn validate_lexicon_row(kind: &str, row: &str) -> Result<(AdditionKind, String)> {
    let invalid = |message: String| ApiError::new(ErrorCode::InvalidInput, message);
    let kind = AdditionKind::parse(kind)
        .ok_or_else(|| invalid(format!("unknown lexicon {kind:?}: use {}", AdditionKind::NAMES)))?;
    let header = kind.header();
    let columns: Vec<&str> = header.split('\t').collect();
    let explain = |message: String| {
        invalid(format!("invalid {} row: {message} (the columns are {})", kind.as_str(), columns.join(", ")))
    };
    let row = row.trim_end_matches(['\r', '\n']);
    if row.contains('\n') {
        return Err(explain("give one row at a time".into()));
    }
    let fields: Vec<&str> = row.split('\t').map(str::trim).collect();
    let row = fields.join("\t");
    if row.trim().is_empty() {
        return Err(explain("the row is empty".into()));
    }
    if row.starts_with('#') {
        return Err(explain("a row starting with # is a comment".into()));
    }
    if row == header {
        return Err(explain("that is the header".into()));
    }
    if fields.len() != columns.len() {
        return Err(explain(format!("expected {} tab-separated columns, found {}", columns.len(), fields.len())));
    }
    if let Some(message) = Lexicons::builtin().extend(kind, &row).into_iter().next() {
        return Err(explain(message));
    }
    Ok((kind, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_rows_are_checked_before_they_are_stored() {
        let (kind, row) =
            validate_lexicon_row("Cues", "harrumph\t harrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong\n")
                .unwrap();
        assert_eq!(
            (kind, row.as_str()),
            (
                AdditionKind::Attribution(LexiconKind::Cues),
                "harrumph\tharrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong"
            )
        );
        let (kind, _) =
            validate_lexicon_row("outlets", "Harbour Herald\tHerald\therald.example\tGB\tnewspaper\tnone").unwrap();
        assert_eq!(kind, AdditionKind::Attribution(LexiconKind::Outlets));
        for (kind, row, says) in [
            ("verbs", "x", "unknown lexicon \"verbs\""),
            ("cues", "harrumph\tharrumphed\tspeech\tdistancing\tthat", "expected 6 tab-separated columns, found 5"),
            ("cues", "harrumph\tharrumphed\tspech\tdistancing\tthat\tstrong", "unknown class \"spech\""),
            ("cues", "a\tb\tspeech\tneutral\tthat\tstrong\nc\td\tspeech\tneutral\tthat\tstrong", "one row at a time"),
            ("sources", "town crier\tperson\tGBR\ttitle", "two-letter ISO code"),
            ("outlets", "Herald\t\t\tGB\tblog\tnone", "invalid outlets row"),
            ("countries", "   ", "the row is empty"),
            ("loaded", "regime\tregime|regimes", "expected 3 tab-separated columns, found 2"),
            ("tone", "baseless\tbaseless\tvery\tnews", "valence must be a number"),
        ] {
            let err = validate_lexicon_row(kind, row).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidInput);
            assert!(err.message.contains(says), "{kind} {row:?}: {}", err.message);
        }
    }
    #[test]
    fn framing_and_tone_rows_extend_their_lexicons() {
        let (kind, row) = validate_lexicon_row("Loaded", "junta\tjunta|juntas\tdelegitimizing").unwrap();
        assert_eq!(
            (kind, row.as_str()),
            (AdditionKind::Framing(FramingKind::Loaded), "junta\tjunta|juntas\tdelegitimizing")
        );
        let (kind, _) = validate_lexicon_row("tone", "stonewall\tstonewall|stonewalled\t-1.5\tnews").unwrap();
        assert_eq!(kind, AdditionKind::Tone);
        let mut lexicons = Lexicons::builtin();
        assert!(lexicons
            .extend(AdditionKind::Framing(FramingKind::Hedges), "per sources\tper sources\tsourcing")
            .is_empty());
        assert_eq!(lexicons.framing.len(FramingKind::Hedges), FramingLexicon::builtin().len(FramingKind::Hedges) + 1);
    }
}
