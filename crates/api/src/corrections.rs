//! Corrections of attributions: the user is the editor of record.
//!
//! A person can set a source's type, its canonical name or country, or mark
//! an attribution as false. The correction is stored keyed by the
//! attribution's cue span, and the article is analysed again at once: every
//! analysis applies the article's corrections before the scores, sources,
//! credits, tone and framing are worked out and stored, so tallies, exports
//! and reports count the person's decision with no special case of their
//! own. Undoing a correction removes it and analyses the article again.

use crate::library_analysis::ArticleAnalysis;
use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use serde::{Deserialize, Serialize};
use sourcetrace_core::attribution::{self, Analysis, Context, Lexicon, SourceType};
use sourcetrace_store::{Correction, CorrectionChange};

/// A correction of one stored attribution, as the window or the CLI asks
/// for it. Fields left out are not changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CorrectionRequest {
    /// The attribution's row id (`AttributionRecord::id`). Row ids change
    /// when an article is analysed again, so take it from a fresh listing.
    pub attribution_id: i64,
    /// One of state_media, wire, media, official, anonymous, person,
    /// organization, document, self, unknown.
    #[serde(default)]
    pub source_type: Option<String>,
    /// The name the source goes by across the library.
    #[serde(default)]
    pub canonical: Option<String>,
    /// ISO 3166-1 alpha-2, such as RU.
    #[serde(default)]
    pub country: Option<String>,
    /// The attribution is false: leave it out of every count.
    #[serde(default)]
    pub delete: bool,
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// Checks a request and returns what it sets, tidied: names trimmed,
/// countries in capitals.
fn validate(request: &CorrectionRequest) -> Result<CorrectionChange> {
    let source_type = match request.source_type.as_deref().map(str::trim) {
        None => None,
        Some(kind) => match SourceType::parse(kind) {
            Some(t) => Some(t.as_str().to_string()),
            None => {
                let known: Vec<&str> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
                return Err(invalid(format!("unknown source type {kind:?}: use one of {}", known.join(", "))));
            }
        },
    };
    let canonical = match request.canonical.as_deref().map(str::trim) {
        None => None,
        Some("") => return Err(invalid("the source's name cannot be empty".into())),
        Some(name) => Some(name.split_whitespace().collect::<Vec<_>>().join(" ")),
    };
    let country = match request.country.as_deref().map(str::trim) {
        None => None,
        Some(code) if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(code.to_ascii_uppercase())
        }
        Some(code) => {
            return Err(invalid(format!("country {code:?}: expected a two-letter ISO 3166-1 code such as RU")));
        }
    };
    let edits_source = source_type.is_some() || canonical.is_some() || country.is_some();
    if request.delete && edits_source {
        return Err(invalid(
            "a deletion marks the attribution as false; it cannot also set a type, a name or a country".into(),
        ));
    }
    if !request.delete && !edits_source {
        return Err(invalid("nothing to correct: set a type, a name or a country, or delete".into()));
    }
    Ok(CorrectionChange { source_type, canonical, country, delete: request.delete })
}

impl Sourcetrace {
    /// Corrects one attribution and analyses its article again, so that
    /// every tally counts the correction at once. Returns the article's
    /// analysis as it now stands (its attributions have new row ids).
    pub fn correct_attribution(&mut self, request: &CorrectionRequest) -> Result<ArticleAnalysis> {
        let change = validate(request)?;
        let (_, record) = self.library.attribution_by_id(request.attribution_id)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "attribution #{} does not exist; attribution ids change when an article is analysed again, \
                     so list them afresh (`sourcetrace attributions ARTICLE`)",
                    request.attribution_id
                ),
            )
        })?;
        if !change.delete && record.attribution.source.is_none() {
            return Err(invalid(format!(
                "attribution #{} (\"{}\") names no source, so there is no type or name to set; it can be deleted",
                request.attribution_id, record.attribution.cue.text
            )));
        }
        let correction = self.library.add_correction(request.attribution_id, &change)?;
        self.reanalyze_article(correction.article_id)?;
        self.article_analysis(correction.article_id)
    }

    /// The corrections of one article, or of the whole library, oldest
    /// first. Orphaned ones (whose attribution the current rules no longer
    /// find) are listed too.
    pub fn corrections(&self, article_id: Option<i64>) -> Result<Vec<Correction>> {
        if let Some(id) = article_id {
            if !self.library().article_exists(id)? {
                return Err(ApiError::new(ErrorCode::NotFound, format!("article #{id} does not exist")));
            }
        }
        Ok(self.library().corrections(article_id)?)
    }

    /// Removes a correction and analyses its article again, so that the
    /// engine's finding counts once more. Returns the article's analysis.
    pub fn undo_correction(&mut self, id: i64) -> Result<ArticleAnalysis> {
        let removed = self.library.remove_correction(id)?;
        self.reanalyze_article(removed.article_id)?;
        self.article_analysis(removed.article_id)
    }

    /// The attributions of a stored article as the engine finds them now,
    /// with the article's corrections applied: what the stored analysis
    /// would hold after `analyze`. For views worked out from the text.
    pub(crate) fn corrected_analysis(
        &self,
        article_id: i64,
        text: &str,
        outlet: Option<&str>,
        lexicon: &Lexicon,
    ) -> Result<Analysis> {
        let mut analysis = attribution::analyze(text, lexicon, &Context { outlet });
        let mut corrections = self.library().corrections_to_apply(&[article_id])?;
        attribution::correct(&mut analysis, &corrections.remove(&article_id).unwrap_or_default());
        Ok(analysis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> CorrectionRequest {
        CorrectionRequest { attribution_id: 1, ..Default::default() }
    }

    #[test]
    fn requests_are_checked_with_clear_messages() {
        let spy = validate(&CorrectionRequest { source_type: Some("spy".into()), ..request() }).unwrap_err();
        assert_eq!(spy.code, ErrorCode::InvalidInput);
        assert!(spy.message.contains("unknown source type \"spy\": use one of state_media, wire"), "{}", spy.message);
        let nothing = validate(&request()).unwrap_err();
        assert!(nothing.message.contains("nothing to correct"), "{}", nothing.message);
        let both =
            validate(&CorrectionRequest { delete: true, source_type: Some("wire".into()), ..request() }).unwrap_err();
        assert!(both.message.contains("cannot also"), "{}", both.message);
        assert!(validate(&CorrectionRequest { country: Some("Russia".into()), ..request() }).is_err());
        assert!(validate(&CorrectionRequest { canonical: Some("  ".into()), ..request() }).is_err());
        let tidy = validate(&CorrectionRequest {
            source_type: Some("self".into()),
            canonical: Some(" Dmitry   Peskov ".into()),
            country: Some("ru".into()),
            ..request()
        })
        .unwrap();
        assert_eq!(
            (tidy.source_type.as_deref(), tidy.canonical.as_deref(), tidy.country.as_deref()),
            (Some("self"), Some("Dmitry Peskov"), Some("RU"))
        );
    }

    #[test]
    fn a_request_reads_from_json_with_fields_left_out() {
        let r: CorrectionRequest = serde_json::from_str(r#"{"attribution_id": 4, "delete": true}"#).unwrap();
        assert_eq!(r, CorrectionRequest { attribution_id: 4, delete: true, ..Default::default() });
        let r: CorrectionRequest =
            serde_json::from_str(r#"{"attribution_id": 4, "source_type": "wire", "country": null}"#).unwrap();
        assert_eq!(r.source_type.as_deref(), Some("wire"));
    }
}
