//! Tone and framing in the library: each article's stored tone and framing
//! terms, and their tallies by outlet over any selection.
//!
//! Counts are normalized by what makes outlets comparable: stances by the
//! outlet's attributions, hedges and loaded terms per 1,000 words of its
//! analysed articles, tone as the mean over its articles.

use crate::credits::NO_OUTLET;
use crate::query::{filter_sql, tally_filter_sql, tally_table, ArticleFilter};
use crate::{Library, Result};
use rusqlite::params_from_iter;
use serde::Serialize;
use sourcetrace_core::framing::Hit;
use std::collections::BTreeMap;

/// How one outlet frames its stories over a selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutletFraming {
    pub outlet: String,
    /// Its analysed articles in the selection.
    pub articles: i64,
    pub words: i64,
    pub attributions: i64,
    /// Attributions by the stance of their cue: neutral ("said"),
    /// distancing ("claimed"), endorsing ("noted"), negative ("admitted").
    pub neutral: i64,
    pub distancing: i64,
    pub endorsing: i64,
    pub negative: i64,
    /// distancing ÷ attributions (0 without attributions).
    pub distancing_share: f64,
    pub hedges: i64,
    pub loaded_terms: i64,
    pub hedges_per_1000_words: f64,
    pub loaded_per_1000_words: f64,
    /// The mean article tone, -1 to 1; none when no article was scored.
    pub tone: Option<f64>,
}

/// One outlet's tone toward one entity over a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntityToneTally {
    pub outlet: String,
    pub entity: String,
    /// The mean, over the outlet's articles that mention it, of the tone of
    /// the sentences that do.
    pub score: f64,
    pub articles: i64,
    pub mentions: i64,
}

/// A hedge or loaded term stored for an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FramingTerm {
    /// "hedge" or "loaded".
    pub kind: String,
    #[serde(flatten)]
    pub hit: Hit,
}

fn rate(count: i64, words: i64) -> f64 {
    if words > 0 {
        count as f64 * 1000.0 / words as f64
    } else {
        0.0
    }
}

impl Library {
    /// An article's stored hedges and loaded terms, in text order.
    pub fn framing_terms(&self, article_id: i64) -> Result<Vec<FramingTerm>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, span_start, span_end, text, phrase, grp FROM framing_terms
             WHERE article_id = ?1 ORDER BY span_start, kind",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            Ok(FramingTerm {
                kind: r.get(0)?,
                hit: Hit {
                    start: r.get::<_, i64>(1)? as usize,
                    end: r.get::<_, i64>(2)? as usize,
                    text: r.get(3)?,
                    phrase: r.get(4)?,
                    group: r.get(5)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Framing by outlet over the analysed articles of a selection, outlets
    /// by name.
    pub fn framing_by_outlet(&self, filter: &ArticleFilter) -> Result<Vec<OutletFraming>> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        let tallied = tally_filter_sql(filter, &mut conditions, &mut args);
        if !tallied {
            filter_sql(filter, &mut conditions, &mut args);
        }
        let mut outlets: BTreeMap<String, OutletFraming> = BTreeMap::new();
        let (analyses, attributions) =
            (tally_table(filter, "tally_analyses"), tally_table(filter, "tally_attributions"));
        let sql = if tallied {
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), sum(t.articles), sum(t.words), sum(t.attributions),
                        sum(t.hedges), sum(t.loaded_terms), sum(t.tone_sum) / nullif(sum(t.tone_count), 0)
                 FROM {analyses} t LEFT JOIN outlets o ON o.id = t.outlet_id
                 WHERE 1 {conditions} GROUP BY 1 HAVING sum(t.articles) > 0"
            )
        } else {
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), count(*), coalesce(sum(a.word_count), 0),
                        coalesce(sum(x.attribution_count), 0), coalesce(sum(x.hedges), 0),
                        coalesce(sum(x.loaded_terms), 0), avg(x.tone)
                 FROM analyses x JOIN articles a ON a.id = x.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE 1 {conditions} GROUP BY 1"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let outlet: String = r.get(0)?;
            let (words, hedges, loaded): (i64, i64, i64) = (r.get(2)?, r.get(4)?, r.get(5)?);
            outlets.insert(
                outlet.clone(),
                OutletFraming {
                    outlet,
                    articles: r.get(1)?,
                    words,
                    attributions: r.get(3)?,
                    hedges,
                    loaded_terms: loaded,
                    hedges_per_1000_words: rate(hedges, words),
                    loaded_per_1000_words: rate(loaded, words),
                    tone: r.get(6)?,
                    ..Default::default()
                },
            );
        }
        // Attributions are written only with their article's analysis, so
        // the tally of every attribution is the tally of analysed ones.
        let sql = if tallied {
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), t.stance, sum(t.n)
                 FROM {attributions} t LEFT JOIN outlets o ON o.id = t.outlet_id
                 WHERE 1 {conditions} GROUP BY 1, 2 HAVING sum(t.n) > 0"
            )
        } else {
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), t.stance, count(*)
                 FROM attributions t JOIN analyses x ON x.article_id = t.article_id
                 JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE 1 {conditions} GROUP BY 1, 2"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let outlet: String = r.get(0)?;
            let stance: String = r.get(1)?;
            let count: i64 = r.get(2)?;
            let Some(f) = outlets.get_mut(&outlet) else { continue };
            match stance.as_str() {
                "distancing" => f.distancing += count,
                "endorsing" => f.endorsing += count,
                "negative" => f.negative += count,
                _ => f.neutral += count,
            }
        }
        let mut out: Vec<OutletFraming> = outlets.into_values().collect();
        for f in &mut out {
            f.distancing_share = if f.attributions > 0 { f.distancing as f64 / f.attributions as f64 } else { 0.0 };
        }
        Ok(out)
    }

    /// Each outlet's tone toward the entities its articles in a selection
    /// mention, the most mentioned entities first, at most `entities` of
    /// them (by mentions across the selection).
    pub fn entity_tone_by_outlet(&self, filter: &ArticleFilter, entities: usize) -> Result<Vec<EntityToneTally>> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        filter_sql(filter, &mut conditions, &mut args);
        let sql = format!(
            "WITH selected AS (
                 SELECT e.*, coalesce(o.name, '{NO_OUTLET}') AS outlet FROM entity_tones e
                 JOIN articles a ON a.id = e.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE 1 {conditions}),
             top AS (SELECT entity FROM selected GROUP BY entity ORDER BY sum(mentions) DESC, entity LIMIT {entities})
             SELECT s.outlet, s.entity, avg(s.score), count(*), sum(s.mentions)
             FROM selected s JOIN top USING (entity)
             GROUP BY s.outlet, s.entity ORDER BY s.entity, s.outlet"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(EntityToneTally {
                outlet: r.get(0)?,
                entity: r.get(1)?,
                score: r.get(2)?,
                articles: r.get(3)?,
                mentions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// How many attributions of one source type an outlet's articles in a
/// selection make.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SourcingMix {
    pub outlet: String,
    pub source_type: String,
    pub attributions: i64,
}

/// An article's deepest chain of attribution in a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChainRow {
    pub article_id: i64,
    pub outlet: String,
    pub title: Option<String>,
    /// The attribution at the far end of the chain (its ordinal).
    pub ordinal: usize,
    pub depth: u32,
}

impl Library {
    /// Attributions by outlet and source type over the analysed articles of
    /// a selection; an attribution with no source counts as `unknown`.
    pub fn sourcing_mix(&self, filter: &ArticleFilter) -> Result<Vec<SourcingMix>> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        let attributions = tally_table(filter, "tally_attributions");
        let sql = if tally_filter_sql(filter, &mut conditions, &mut args) {
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), t.source_type, sum(t.n)
                 FROM {attributions} t LEFT JOIN outlets o ON o.id = t.outlet_id
                 WHERE 1 {conditions} GROUP BY 1, 2 HAVING sum(t.n) > 0 ORDER BY 1, 2"
            )
        } else {
            filter_sql(filter, &mut conditions, &mut args);
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), coalesce(t.source_type, 'unknown'), count(*)
                 FROM attributions t JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE 1 {conditions} GROUP BY 1, 2 ORDER BY 1, 2"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(SourcingMix { outlet: r.get(0)?, source_type: r.get(1)?, attributions: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The articles of a selection with the deepest chains of attribution
    /// (relayed at least once), deepest first, at most `limit`.
    pub fn deepest_chains(&self, filter: &ArticleFilter, limit: usize) -> Result<Vec<ChainRow>> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        filter_sql(filter, &mut conditions, &mut args);
        let sql = format!(
            "SELECT t.article_id, coalesce(o.name, '{NO_OUTLET}'), a.title, t.ordinal, t.depth
             FROM attributions t JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE t.depth >= 2 {conditions}
               AND t.depth = (SELECT max(u.depth) FROM attributions u WHERE u.article_id = t.article_id)
               AND t.ordinal = (SELECT min(u.ordinal) FROM attributions u
                                WHERE u.article_id = t.article_id AND u.depth = t.depth)
             ORDER BY t.depth DESC, t.article_id LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(ChainRow {
                article_id: r.get(0)?,
                outlet: r.get(1)?,
                title: r.get(2)?,
                ordinal: r.get::<_, i64>(3)? as usize,
                depth: r.get::<_, i64>(4)? as u32,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
