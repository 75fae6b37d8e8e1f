//! Reused copy across the library: which passages of an article another
//! article already carried.

use crate::{Result, Sourcetrace};
use serde::Serialize;
use sourcetrace_core::reuse::{shared_passages, Passage, SYNDICATED_SHARE};
use sourcetrace_store::{ArticleRecord, Library};

/// One other article an article shares passages with.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReuseMatch {
    pub id: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Shared words ÷ the article's words.
    pub share: f64,
    /// The other article is where the shared copy came from: a wire
    /// agency's, or published (or, without dates, imported) earlier.
    pub other_is_origin: bool,
    pub passages: Vec<Passage>,
}

/// What an article shares with the rest of the library.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleReuse {
    pub article_id: i64,
    /// The largest share of the article found in any one other article.
    pub reused_share: f64,
    /// Most of the article is someone else's copy, which came first or
    /// from a wire agency: comparisons of outlets can leave it out. The
    /// original of republished copy shares as much but is not syndicated.
    pub syndicated: bool,
    /// Read from the article's current stored analysis rather than worked
    /// out now (the article was not analysed, or its analysis is stale).
    pub stored: bool,
    pub matches: Vec<ReuseMatch>,
}

impl Sourcetrace {
    /// The passages an article shares with other articles, most shared
    /// first: from its stored analysis when that is current, so the answer
    /// is the one the library's tallies used, and worked out now otherwise.
    pub fn reuse(&self, article_id: i64) -> Result<ArticleReuse> {
        let stamp = self.analysis_stamp()?;
        let current = self
            .library()
            .analysis(article_id)?
            .is_some_and(|a| a.version == stamp.version && a.lexicon == stamp.lexicon);
        if !current {
            return self.compute_reuse(article_id);
        }
        let mut matches = Vec::new();
        for row in self.library().reuse_rows(article_id)? {
            // An article deleted since takes its rows with it (ON DELETE
            // CASCADE), so every row still names an article.
            let Some(other) = self.library().article(row.other_id)? else { continue };
            matches.push(ReuseMatch {
                id: row.other_id,
                title: other.title,
                outlet: other.outlet,
                published: other.published,
                share: row.share,
                other_is_origin: row.other_is_origin,
                passages: row.passages,
            });
        }
        Ok(summarize(article_id, matches, true))
    }

    /// The passages an article shares with the articles its import linked
    /// as near-duplicates (same wire copy, republished), worked out from
    /// their texts.
    pub(crate) fn compute_reuse(&self, article_id: i64) -> Result<ArticleReuse> {
        self.require_article(article_id)?;
        Ok(self.reuse_inputs(article_id)?.compare())
    }

    /// Reads what [`ReuseInputs::compare`] needs from the library.
    pub(crate) fn reuse_inputs(&self, article_id: i64) -> Result<ReuseInputs> {
        ReuseInputs::read(self.library(), article_id)
    }
}

impl ReuseInputs {
    /// Reads what [`ReuseInputs::compare`] needs from `library` (the
    /// analysis reads on a connection of its own). Most articles have no
    /// near-duplicate and cost one indexed lookup. An article deleted
    /// meanwhile gives inputs that compare to nothing.
    pub(crate) fn read(library: &Library, article_id: i64) -> Result<ReuseInputs> {
        let nothing = ReuseInputs { article_id, article: None, others: Vec::new() };
        let near = library.near_duplicates(article_id)?;
        if near.is_empty() {
            return Ok(nothing);
        }
        let Some(article) = library.article(article_id)? else { return Ok(nothing) };
        let is_wire = |outlet: Option<&str>| {
            outlet.and_then(|name| library.outlet_kind(name).ok().flatten()).is_some_and(|kind| kind == "wire")
        };
        let this_is_wire = is_wire(article.outlet.as_deref());
        let mut others = Vec::with_capacity(near.len());
        for near in near {
            let Some(other) = library.article(near.id)? else { continue };
            let other_is_wire = is_wire(other.outlet.as_deref());
            others.push((other, other_is_wire));
        }
        Ok(ReuseInputs { article_id, article: Some((article, this_is_wire)), others })
    }
}

/// An article and its near-duplicates as the library holds them, each with
/// whether its outlet is a wire agency: everything the comparison of their
/// texts needs. The analysis reads these on the thread that holds the
/// library and compares on every core, so that the comparison, the
/// costliest part of reuse, does not hold up the writes.
pub(crate) struct ReuseInputs {
    article_id: i64,
    article: Option<(ArticleRecord, bool)>,
    others: Vec<(ArticleRecord, bool)>,
}

impl ReuseInputs {
    /// The passages the article shares with each near-duplicate. Pure.
    pub(crate) fn compare(&self) -> ArticleReuse {
        let Some((article, this_is_wire)) = &self.article else {
            return summarize(self.article_id, Vec::new(), false);
        };
        let mut matches = Vec::new();
        for (other, other_is_wire) in &self.others {
            let overlap = shared_passages(&article.text, &other.text);
            if overlap.passages.is_empty() {
                continue;
            }
            let earlier = match (&other.published, &article.published) {
                (Some(a), Some(b)) if a != b => a < b,
                _ => other.id < self.article_id,
            };
            matches.push(ReuseMatch {
                id: other.id,
                title: other.title.clone(),
                outlet: other.outlet.clone(),
                published: other.published.clone(),
                share: overlap.share,
                other_is_origin: *other_is_wire || !this_is_wire && earlier,
                passages: overlap.passages,
            });
        }
        summarize(self.article_id, matches, false)
    }
}

/// Orders the matches, most shared first, and sums them up: the largest
/// share, and whether the article is syndicated copy of an origin.
fn summarize(article_id: i64, mut matches: Vec<ReuseMatch>, stored: bool) -> ArticleReuse {
    matches.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.id.cmp(&b.id)));
    let reused_share = matches.first().map_or(0.0, |m| m.share);
    let syndicated = matches.iter().any(|m| m.other_is_origin && m.share >= SYNDICATED_SHARE);
    ArticleReuse { article_id, reused_share, syndicated, stored, matches }
}
