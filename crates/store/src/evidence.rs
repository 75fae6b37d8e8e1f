//! The receipts behind a figure: the attributions one bar, cell or source
//! of a chart counts, and the figures for the charts themselves that the
//! other modules do not already give (tone distribution, timeline).
//!
//! Every query here takes the same selection as the tallies it explains,
//! so that clicking a bar lists exactly the attributions the bar counted.

use crate::credits::NO_OUTLET;
use crate::query::filter_sql;
use crate::{ArticleFilter, AttributionRecord, Library, Result};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Which attributions to list. Every field narrows the list; none at all
/// lists every attribution of the selection.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct EvidenceQuery {
    pub filter: ArticleFilter,
    /// The outlet exactly as the tallies name it, `(no outlet)` included.
    pub outlet_name: Option<String>,
    /// A source type; `unknown` also matches attributions with no source,
    /// as in the sourcing mix.
    pub source_type: Option<String>,
    /// A canonical source (the `sources` row).
    pub source_id: Option<i64>,
    /// A cue stance: neutral, distancing, endorsing or negative.
    pub stance: Option<String>,
    /// Only attributions relayed through at least this many hops.
    pub min_depth: Option<u32>,
    pub offset: usize,
    /// 50 when not given, 500 at most.
    pub limit: Option<usize>,
}

/// One attribution with the article it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidenceRow {
    pub article_id: i64,
    pub title: Option<String>,
    pub outlet: String,
    pub published: Option<String>,
    pub attribution: AttributionRecord,
}

/// A page of evidence and how many attributions match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidencePage {
    pub total: i64,
    pub offset: usize,
    pub rows: Vec<EvidenceRow>,
}

/// How many of an outlet's analysed articles fall in one tenth of the tone
/// scale (-1 to 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ToneBin {
    pub outlet: String,
    /// 0 for -1.0 to -0.8, up to 9 for 0.8 to 1.0.
    pub bin: u8,
    pub articles: i64,
}

/// How many articles an outlet published on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimelinePoint {
    pub outlet: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    pub articles: i64,
}

impl Library {
    /// The attributions behind a figure, newest articles first.
    pub fn evidence(&self, query: &EvidenceQuery) -> Result<EvidencePage> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        filter_sql(&query.filter, &mut conditions, &mut args);
        if let Some(outlet) = &query.outlet_name {
            conditions.push_str(&format!(" AND coalesce(o.name, '{NO_OUTLET}') = ?"));
            args.push(Value::Text(outlet.clone()));
        }
        if let Some(source_type) = &query.source_type {
            conditions.push_str(" AND coalesce(t.source_type, 'unknown') = ?");
            args.push(Value::Text(source_type.clone()));
        }
        if let Some(source) = query.source_id {
            conditions.push_str(" AND t.source_id = ?");
            args.push(Value::Integer(source));
        }
        if let Some(stance) = &query.stance {
            conditions.push_str(" AND t.stance = ?");
            args.push(Value::Text(stance.clone()));
        }
        if let Some(depth) = query.min_depth {
            conditions.push_str(" AND t.depth >= ?");
            args.push(Value::Integer(i64::from(depth)));
        }
        let from = format!(
            " FROM attributions t JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
              WHERE 1 {conditions}"
        );
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*){from}"))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        let limit = query.limit.unwrap_or(50).min(500);
        let sql = format!(
            "SELECT t.article_id, t.ordinal, a.title, coalesce(o.name, '{NO_OUTLET}'), a.published{from}
             ORDER BY a.published IS NULL, a.published DESC, t.article_id DESC, t.ordinal
             LIMIT {limit} OFFSET {}",
            query.offset
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let found = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)? as usize,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // The attributions are read through the one place that knows how
        // they are stored; a page holds at most a few hundred of them.
        let mut rows = Vec::with_capacity(found.len());
        let mut loaded: Option<(i64, Vec<AttributionRecord>)> = None;
        for (article_id, ordinal, title, outlet, published) in found {
            if loaded.as_ref().is_none_or(|(id, _)| *id != article_id) {
                loaded = Some((article_id, self.attributions(article_id)?));
            }
            let records = &loaded.as_ref().expect("loaded above").1;
            if let Some(record) = records.iter().find(|r| r.ordinal == ordinal) {
                rows.push(EvidenceRow { article_id, title, outlet, published, attribution: record.clone() });
            }
        }
        Ok(EvidencePage { total, offset: query.offset, rows })
    }

    /// How the analysed articles of a selection spread over the tone scale,
    /// by outlet.
    pub fn tone_distribution(&self, filter: &ArticleFilter) -> Result<Vec<ToneBin>> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        filter_sql(filter, &mut conditions, &mut args);
        let sql = format!(
            "SELECT coalesce(o.name, '{NO_OUTLET}'), min(9, max(0, CAST((an.tone + 1.0) * 5.0 AS INTEGER))), count(*)
             FROM analyses an JOIN articles a ON a.id = an.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE an.tone IS NOT NULL {conditions} GROUP BY 1, 2 ORDER BY 1, 2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(ToneBin { outlet: r.get(0)?, bin: r.get::<_, i64>(1)? as u8, articles: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Articles per outlet and day of publication; undated articles are
    /// left out because they have no place on a timeline.
    pub fn timeline(&self, filter: &ArticleFilter) -> Result<Vec<TimelinePoint>> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        filter_sql(filter, &mut conditions, &mut args);
        let sql = format!(
            "SELECT coalesce(o.name, '{NO_OUTLET}'), substr(a.published, 1, 10), count(*)
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE a.published IS NOT NULL {conditions} GROUP BY 1, 2 ORDER BY 2, 1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(TimelinePoint { outlet: r.get(0)?, day: r.get(1)?, articles: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// How often one outlet cites a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SourceCitations {
    pub outlet: String,
    pub attributions: i64,
    pub articles: i64,
    /// Attributions that relay the source second-hand (a chain depth of two
    /// or more).
    pub relayed: i64,
    pub neutral: i64,
    pub distancing: i64,
    pub endorsing: i64,
    pub negative: i64,
}

impl Library {
    /// One canonical source with how many attributions and articles cite it.
    pub fn source(&self, id: i64) -> Result<Option<crate::SourceRecord>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached(
                "SELECT s.id, s.canonical, s.source_type, s.country, count(t.id), count(DISTINCT t.article_id)
                 FROM sources s LEFT JOIN attributions t ON t.source_id = s.id WHERE s.id = ?1 GROUP BY s.id",
            )?
            .query_row([id], crate::analyses::source_record)
            .optional()?)
    }

    /// Who cites a source and how: per outlet, the attributions, the
    /// articles, how many relay it second-hand, and the stance of the cues.
    pub fn source_citations(&self, id: i64) -> Result<Vec<SourceCitations>> {
        let sql = format!(
            "SELECT coalesce(o.name, '{NO_OUTLET}'), count(*), count(DISTINCT t.article_id),
                    sum(t.depth >= 2), sum(t.stance = 'neutral'), sum(t.stance = 'distancing'),
                    sum(t.stance = 'endorsing'), sum(t.stance = 'negative')
             FROM attributions t JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE t.source_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([id], |r| {
            Ok(SourceCitations {
                outlet: r.get(0)?,
                attributions: r.get(1)?,
                articles: r.get(2)?,
                relayed: r.get(3)?,
                neutral: r.get(4)?,
                distancing: r.get(5)?,
                endorsing: r.get(6)?,
                negative: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
