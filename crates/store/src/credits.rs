//! Credits in the library: written with each article's analysis (by
//! `Library::write_analyses`), read back per article, and tallied per
//! outlet and agency over any selection.

use crate::query::{filter_sql, tally_filter_sql, tally_table, ArticleFilter};
use crate::{Library, Result};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;
use sourcetrace_core::credits::{Credit, CreditKind};

/// How many analysed articles of an outlet are in a selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutletArticles {
    pub outlet: String,
    pub articles: i64,
}

/// One cell of the outlet × agency matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreditTally {
    pub outlet: String,
    pub agency: String,
    /// Articles of the outlet that credit the agency at least once.
    pub articles: i64,
    /// Analysed articles of the outlet in the selection.
    pub outlet_articles: i64,
    /// articles ÷ outlet_articles.
    pub share: f64,
}

/// The outlet × agency matrix over a selection, normalized by each
/// outlet's analysed articles. Outlets that credit no agency still have a
/// row in `outlets`, so the matrix shows their zeros.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreditTallies {
    pub outlets: Vec<OutletArticles>,
    pub cells: Vec<CreditTally>,
}

/// What tallies call the outlet of articles that have none.
pub(crate) const NO_OUTLET: &str = "(no outlet)";

/// A stored kind; one written by a newer build reads as a wire credit,
/// the kind every tally counts.
fn kind_of(name: &str) -> CreditKind {
    CreditKind::parse(name).unwrap_or(CreditKind::WireCredit)
}

impl Library {
    /// An article's stored credits, in text order. Empty when it has not
    /// been analysed.
    pub fn credits(&self, article_id: i64) -> Result<Vec<Credit>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, agency, place, credited, span_start, span_end, text, repeats
             FROM credits WHERE article_id = ?1 ORDER BY ordinal",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            let repeats: String = r.get(7)?;
            Ok(Credit {
                kind: kind_of(&r.get::<_, String>(0)?),
                agency: r.get(1)?,
                place: r.get(2)?,
                credited: r.get(3)?,
                start: r.get::<_, i64>(4)? as usize,
                end: r.get::<_, i64>(5)? as usize,
                text: r.get(6)?,
                repeats: serde_json::from_str(&repeats).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// For each outlet, the share of its analysed articles in the
    /// selection (outlet, dates, collection) that credit each agency;
    /// `without_syndicated` leaves out articles that are mostly copy of
    /// another's story.
    pub fn credit_tallies(&self, filter: &ArticleFilter, without_syndicated: bool) -> Result<CreditTallies> {
        if let Some(tallies) = self.credit_tallies_from_tallies(filter, without_syndicated)? {
            return Ok(tallies);
        }
        let mut selection = String::from(
            "SELECT a.id AS id, COALESCE(o.name, ?) AS outlet
             FROM articles a JOIN analyses an ON an.article_id = a.id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE 1 = 1",
        );
        if without_syndicated {
            selection.push_str(" AND an.syndicated = 0");
        }
        let mut args = vec![Value::Text(NO_OUTLET.into())];
        filter_sql(filter, &mut selection, &mut args);

        let totals_sql =
            format!("SELECT outlet, count(*) FROM ({selection}) GROUP BY outlet ORDER BY count(*) DESC, outlet");
        let mut stmt = self.conn.prepare(&totals_sql)?;
        let outlets: Vec<OutletArticles> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(OutletArticles { outlet: r.get(0)?, articles: r.get(1)? })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let cells_sql = format!(
            "SELECT sel.outlet, c.agency, count(DISTINCT sel.id)
             FROM ({selection}) sel JOIN credits c ON c.article_id = sel.id
             WHERE c.agency IS NOT NULL
             GROUP BY sel.outlet, c.agency
             ORDER BY sel.outlet, count(DISTINCT sel.id) DESC, c.agency"
        );
        let mut stmt = self.conn.prepare(&cells_sql)?;
        let raw: Vec<(String, String, i64)> = stmt
            .query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(CreditTallies { cells: cells_of(raw, &outlets), outlets })
    }

    /// The same matrix from the tallies of migration 0008, without reading
    /// one article; none when the filter names a collection.
    fn credit_tallies_from_tallies(
        &self,
        filter: &ArticleFilter,
        without_syndicated: bool,
    ) -> Result<Option<CreditTallies>> {
        let mut conditions = String::new();
        let mut args = vec![Value::Text(NO_OUTLET.into())];
        if !tally_filter_sql(filter, &mut conditions, &mut args) {
            return Ok(None);
        }
        if without_syndicated {
            conditions.push_str(" AND t.syndicated = 0");
        }
        let analyses = tally_table(filter, "tally_analyses");
        let totals_sql = format!(
            "SELECT coalesce(o.name, ?) AS outlet, sum(t.articles) FROM {analyses} t
             LEFT JOIN outlets o ON o.id = t.outlet_id WHERE 1 {conditions}
             GROUP BY 1 HAVING sum(t.articles) > 0 ORDER BY 2 DESC, 1"
        );
        let mut stmt = self.conn.prepare(&totals_sql)?;
        let outlets: Vec<OutletArticles> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(OutletArticles { outlet: r.get(0)?, articles: r.get(1)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let cells_sql = format!(
            "SELECT coalesce(o.name, ?) AS outlet, t.agency, sum(t.articles) FROM tally_agencies t
             LEFT JOIN outlets o ON o.id = t.outlet_id WHERE 1 {conditions}
             GROUP BY 1, 2 HAVING sum(t.articles) > 0 ORDER BY 1, 3 DESC, 2"
        );
        let mut stmt = self.conn.prepare(&cells_sql)?;
        let raw: Vec<(String, String, i64)> = stmt
            .query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(CreditTallies { cells: cells_of(raw, &outlets), outlets }))
    }
}

/// The matrix's cells with each outlet's share.
fn cells_of(raw: Vec<(String, String, i64)>, outlets: &[OutletArticles]) -> Vec<CreditTally> {
    raw.into_iter()
        .map(|(outlet, agency, articles)| {
            let outlet_articles = outlets.iter().find(|o| o.outlet == outlet).map_or(0, |o| o.articles);
            let share = if outlet_articles > 0 { articles as f64 / outlet_articles as f64 } else { 0.0 };
            CreditTally { outlet, agency, articles, outlet_articles, share }
        })
        .collect()
}
