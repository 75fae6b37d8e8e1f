//! The library table: one page of articles with the figures a journalist
//! sorts by (attributions, state-media share, transparency), for the
//! desktop window and the web mode.
//!
//! Paging happens in SQL so that a library of a million articles costs the
//! same to show as one of a hundred: the window asks for the rows it can
//! display, never for the whole table.

use crate::query::{filter_sql, search_error};
use crate::{ArticleFilter, Library, Result};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// The columns the table can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ArticleSort {
    #[default]
    Published,
    Outlet,
    Title,
    Attributions,
    StateMedia,
    Anonymous,
    Transparency,
    /// Search relevance; only meaningful with a search query, and the
    /// default then.
    Relevance,
}

/// Which page of which articles to show: the selection, whose limit (100
/// when not given, 1,000 at most) and offset choose the page, and the order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ArticleQuery {
    pub filter: ArticleFilter,
    pub sort: ArticleSort,
    pub descending: bool,
}

/// One row of the library table. The analysis figures are `None` until
/// the article has been analysed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleRow {
    pub id: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub word_count: i64,
    pub attributions: Option<i64>,
    pub state_media_share: Option<f64>,
    pub anonymous_share: Option<f64>,
    /// 0 to 100; `None` when not analysed or when nothing is attributed.
    pub transparency: Option<f64>,
    /// Republished wire copy, as the reuse analysis judged it.
    pub syndicated: bool,
    pub story: Option<i64>,
    /// A search snippet with matches between `SNIPPET_START` and
    /// `SNIPPET_END`, when the query searched.
    pub snippet: Option<String>,
}

/// A page of the table and how many rows the whole selection has.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticlePage {
    pub total: i64,
    pub offset: usize,
    pub rows: Vec<ArticleRow>,
}

/// The largest page the table hands out in one call.
pub const MAX_PAGE: usize = 1_000;

impl Library {
    /// One page of the library table.
    pub fn article_page(&self, query: &ArticleQuery) -> Result<ArticlePage> {
        let filter = &query.filter;
        let search = filter.searching();
        // The selection reads only `articles` (and the search index), so
        // the total is counted without the joins that only add columns: with
        // them SQLite read every article's row, text and all (340 ms at
        // 100,000 articles), where the count alone reads an index.
        let mut selection = String::from(" FROM articles a");
        let mut args = Vec::new();
        if let Some(search) = search {
            selection.push_str(" JOIN articles_fts ON articles_fts.rowid = a.id AND articles_fts MATCH ?");
            args.push(Value::Text(search.to_string()));
        }
        let mut conditions = String::from(" WHERE 1");
        // The join above already searched, and keeps the rank and snippet.
        filter_sql(&ArticleFilter { search: None, ..filter.clone() }, &mut conditions, &mut args);
        let from = format!(
            "{selection} LEFT JOIN outlets o ON o.id = a.outlet_id
              LEFT JOIN analyses an ON an.article_id = a.id
              LEFT JOIN story_articles sa ON sa.article_id = a.id{conditions}"
        );

        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*){selection}{conditions}"))
            .and_then(|mut s| s.query_row(params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(|e| search_error(e, search))?;

        let direction = if query.descending { "DESC" } else { "ASC" };
        // Rows without a value sort last in both directions, so that
        // unanalysed articles never crowd the top of a sorted table.
        let order = match query.sort {
            ArticleSort::Relevance if search.is_some() => "bm25(articles_fts, 5.0, 1.0)".to_string(),
            // SQLite sorts NULL first, so DESC alone puts undated articles
            // last, and reads the date indexes in order (see `list`).
            ArticleSort::Published | ArticleSort::Relevance if query.descending => "a.published DESC".to_string(),
            ArticleSort::Published | ArticleSort::Relevance => "a.published IS NULL, a.published ASC".to_string(),
            ArticleSort::Outlet => format!("o.name IS NULL, o.name COLLATE NOCASE {direction}"),
            ArticleSort::Title => format!("a.title IS NULL, a.title COLLATE NOCASE {direction}"),
            ArticleSort::Attributions => format!("an.attribution_count IS NULL, an.attribution_count {direction}"),
            ArticleSort::StateMedia => format!("an.state_media_share IS NULL, an.state_media_share {direction}"),
            ArticleSort::Anonymous => format!("an.anonymous_share IS NULL, an.anonymous_share {direction}"),
            ArticleSort::Transparency => format!("an.transparency IS NULL, an.transparency {direction}"),
        };
        let snippet = if search.is_some() {
            format!("snippet(articles_fts, 1, '{}', '{}', '…', 16)", crate::SNIPPET_START, crate::SNIPPET_END)
        } else {
            "NULL".to_string()
        };
        let limit = filter.limit.unwrap_or(100).min(MAX_PAGE);
        let sql = format!(
            "SELECT a.id, a.title, o.name, a.published, a.word_count, an.attribution_count, an.state_media_share,
                    an.anonymous_share, an.transparency, coalesce(an.syndicated, 0), sa.story_id, {snippet}
             {from} ORDER BY {order}, a.id {direction} LIMIT {limit} OFFSET {}",
            filter.offset
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| search_error(e, search))?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                // A share is meaningless for an article with no attributions.
                let attributions: Option<i64> = r.get(5)?;
                let share = |v: Option<f64>| v.filter(|_| attributions.unwrap_or(0) > 0);
                Ok(ArticleRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    word_count: r.get(4)?,
                    attributions,
                    state_media_share: share(r.get(6)?),
                    anonymous_share: share(r.get(7)?),
                    transparency: r.get(8)?,
                    syndicated: r.get::<_, i64>(9)? != 0,
                    story: r.get(10)?,
                    snippet: r.get(11)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| search_error(e, search))?;
        Ok(ArticlePage { total, offset: filter.offset, rows })
    }
}
