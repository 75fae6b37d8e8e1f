//! What the desktop views and the web mode show: the library table, the
//! outlets dashboard, a source's profile, and the evidence behind any of
//! their figures.
//!
//! The dashboard is built from the same store tallies as `sourcetrace
//! framing`, `credits` and the report, so a bar in the window, a row of an
//! export and a chart of the report always agree.

use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use serde::Serialize;
use sourcetrace_core::attribution::SourceType;
use sourcetrace_store::{
    ArticleFilter, ArticlePage, ArticleQuery, CreditTallies, EvidencePage, EvidenceQuery, OutletFraming,
    SourceCitations, SourceRecord, Timeline, ToneBin,
};

/// How many attributions of one source type an outlet makes, and their
/// share of all the outlet's attributions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TypeShare {
    pub source_type: String,
    pub attributions: i64,
    /// Of the outlet's attributions in the selection.
    pub share: f64,
}

/// One outlet's sourcing mix: the denominator of every share is the
/// outlet's attributions in the selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutletSourcing {
    pub outlet: String,
    pub attributions: i64,
    pub types: Vec<TypeShare>,
    pub state_media_share: f64,
    pub anonymous_share: f64,
}

/// Everything the outlets dashboard draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dashboard {
    pub filter: ArticleFilter,
    pub sourcing: Vec<OutletSourcing>,
    /// Share of each outlet's articles crediting each agency.
    pub credits: CreditTallies,
    pub framing: Vec<OutletFraming>,
    pub tone: Vec<ToneBin>,
    pub timeline: Timeline,
}

/// A canonical source, who cites it and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SourceProfile {
    pub source: SourceRecord,
    pub citations: Vec<SourceCitations>,
    /// The first attributions that cite it, newest articles first.
    pub evidence: EvidencePage,
}

impl Sourcetrace {
    /// One page of the library table, sorted and filtered in SQL.
    pub fn article_page(&self, query: &ArticleQuery) -> Result<ArticlePage> {
        self.validate_filter(&query.filter)?;
        Ok(self.library.article_page(query)?)
    }

    /// The attributions behind a figure.
    pub fn evidence(&self, query: &EvidenceQuery) -> Result<EvidencePage> {
        self.validate_filter(&query.filter)?;
        if let Some(kind) = &query.source_type {
            if SourceType::parse(kind).is_none() {
                return Err(ApiError::new(ErrorCode::InvalidInput, format!("{kind:?} is not a source type")));
            }
        }
        Ok(self.library.evidence(query)?)
    }

    /// The outlets dashboard over a selection.
    pub fn dashboard(&self, filter: &ArticleFilter) -> Result<Dashboard> {
        self.validate_filter(filter)?;
        let filter = ArticleFilter { limit: None, offset: 0, ..filter.clone() };
        let mut sourcing: Vec<OutletSourcing> = Vec::new();
        for row in self.library.sourcing_mix(&filter)? {
            match sourcing.last_mut() {
                Some(last) if last.outlet == row.outlet => {
                    last.attributions += row.attributions;
                    last.types.push(TypeShare {
                        source_type: row.source_type,
                        attributions: row.attributions,
                        share: 0.0,
                    });
                }
                _ => sourcing.push(OutletSourcing {
                    outlet: row.outlet,
                    attributions: row.attributions,
                    types: vec![TypeShare { source_type: row.source_type, attributions: row.attributions, share: 0.0 }],
                    state_media_share: 0.0,
                    anonymous_share: 0.0,
                }),
            }
        }
        for outlet in &mut sourcing {
            let total = outlet.attributions.max(1) as f64;
            for share in &mut outlet.types {
                share.share = share.attributions as f64 / total;
            }
            let share_of = |kind: &str| outlet.types.iter().find(|t| t.source_type == kind).map_or(0.0, |t| t.share);
            outlet.state_media_share = share_of("state_media");
            outlet.anonymous_share = share_of("anonymous");
        }
        Ok(Dashboard {
            sourcing,
            credits: self.library.credit_tallies(&filter, filter.without_syndicated)?,
            framing: self.library.framing_by_outlet(&filter)?,
            tone: self.library.tone_distribution(&filter)?,
            timeline: self.library.timeline(&filter)?,
            filter,
        })
    }

    /// A canonical source with who cites it and how.
    pub fn source_profile(&self, id: i64) -> Result<SourceProfile> {
        let source = self
            .library
            .source(id)?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("source #{id} does not exist")))?;
        Ok(SourceProfile {
            citations: self.library.source_citations(id)?,
            evidence: self.library.evidence(&EvidenceQuery { source_id: Some(id), ..Default::default() })?,
            source,
        })
    }
}
