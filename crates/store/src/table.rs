//! The library table: one page of articles with the figures a journalist
//! sorts by (attributions, state-media share, transparency), for the
//! desktop window and the web mode.
//!
//! Paging happens in SQL so that a library of a million articles costs the
//! same to show as one of a hundred: the window asks for the rows it can
//! display, never for the whole table.

use crate::query::{filter_sql, search_error, FilteredSearch};
use crate::{ArticleFilter, Library, Result};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
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
    /// Set when the rows are in order of relevance among only this many of
    /// the most recently imported matches (see [`crate::RANKED_MATCHES`]).
    pub ranked_among: Option<usize>,
}

/// The largest page the table hands out in one call.
pub const MAX_PAGE: usize = 1_000;

/// The joins that give the table's columns and sorts.
const COLUMNS: &str = " LEFT JOIN outlets o ON o.id = a.outlet_id
              LEFT JOIN analyses an ON an.article_id = a.id
              LEFT JOIN story_articles sa ON sa.article_id = a.id";

/// The rows a page holds: 100 unless asked, never more than [`MAX_PAGE`].
fn page_limit(query: &ArticleQuery) -> usize {
    query.filter.limit.unwrap_or(100).min(MAX_PAGE)
}

fn direction(query: &ArticleQuery) -> &'static str {
    if query.descending {
        "DESC"
    } else {
        "ASC"
    }
}

/// The `ORDER BY` terms of the table's sort, before the id that breaks
/// ties. Rows without a value sort last in both directions, so that
/// unanalysed articles never crowd the top of a sorted table.
fn order_sql(query: &ArticleQuery) -> String {
    let direction = direction(query);
    match query.sort {
        ArticleSort::Relevance if query.filter.searching().is_some() => crate::relevance::RANK_SQL.to_string(),
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
    }
}

impl Library {
    /// Is a search with `total` matches dense enough that reading the date
    /// index until `needed` of them are found beats reading and sorting
    /// them all? The walk asks the search index about every article it
    /// passes (about 100 µs each over a million articles) and passes
    /// `articles / total` of them for each match it keeps; sorting costs
    /// about 5 µs a match.
    fn dense(&self, total: i64, needed: usize) -> Result<bool> {
        let articles: i64 =
            self.conn.prepare_cached("SELECT coalesce(max(id), 0) FROM articles")?.query_row([], |r| r.get(0))?;
        Ok(total > 0 && needed as f64 * articles as f64 * 20.0 < (total as f64).powi(2))
    }

    /// One page of the library table.
    pub fn article_page(&self, query: &ArticleQuery) -> Result<ArticlePage> {
        self.article_page_filtering(query, FilteredSearch::Decide)
    }

    /// [`Library::article_page`], applying a filter to a search as `how`
    /// says.
    fn article_page_filtering(&self, query: &ArticleQuery, how: FilteredSearch) -> Result<ArticlePage> {
        let filter = &query.filter;
        let search = filter.searching();
        let mut filtering = String::new();
        let mut filter_args = Vec::new();
        filter_sql(&ArticleFilter { search: None, ..filter.clone() }, &mut filtering, &mut filter_args);
        // A search with a filter may keep its matches among the articles
        // the filter admits, as `search` does (see `FilteredSearch`):
        // joined, SQLite read the outlet's or the month's articles from
        // their index and asked the search index about each, a second or
        // more for a common word over a million articles.
        if let Some(search) = search.filter(|_| !filtering.is_empty()) {
            if self.within_filter(search, &filtering, &filter_args, how)? {
                let (total, ids) = self.page_within_filter(query, search, &filtering, &filter_args)?;
                return self.article_rows(query, search.into(), total, ids, None);
            }
        }

        let relevance = matches!(query.sort, ArticleSort::Relevance);
        let (direction, order, limit) = (direction(query), order_sql(query), page_limit(query));
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
        // The join above already searched, and keeps the rank and snippet.
        let conditions = format!(" WHERE 1{filtering}");
        args.extend(filter_args);
        let from = format!("{selection}{COLUMNS}{conditions}");

        // Every article is in the search index, so an unfiltered search is
        // counted in the index alone: 30 ms for a word in 380,000 of a
        // million articles, against 750 ms when each match is looked up.
        let unfiltered = filtering.is_empty();
        let count_sql = match search {
            Some(_) if unfiltered => "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?".to_string(),
            _ => format!("SELECT count(*){selection}{conditions}"),
        };
        let total: i64 = self
            .conn
            .prepare_cached(&count_sql)
            .and_then(|mut s| s.query_row(params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(|e| search_error(e, search))?;
        let floor = match search {
            Some(search) if relevance && unfiltered && total > crate::RANKED_MATCHES as i64 => {
                self.relevance_floor(search)?
            }
            _ => None,
        };

        // First the page: only the ids of its articles, in order, so that
        // no snippet or column is made for a match that is not on it.
        let ranked = match floor {
            Some(floor) => {
                args.push(Value::Integer(floor));
                " AND articles_fts.rowid >= ?"
            }
            None => "",
        };
        let newest_first = matches!(query.sort, ArticleSort::Published) && query.descending;
        let page_sql = match search {
            // A word in many articles, newest first: the date index is read
            // backwards and each article asked whether it matches, which
            // stops at the end of the page; reading every match and sorting
            // them by date took two seconds for a word in 380,000 of a
            // million articles. A rarer word is read from the index.
            Some(_) if newest_first && unfiltered && self.dense(total, filter.offset + limit)? => format!(
                "SELECT a.id FROM articles a
                 WHERE EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts.rowid = a.id AND articles_fts MATCH ?)
                 ORDER BY a.published DESC, a.id DESC LIMIT {limit} OFFSET {}",
                filter.offset
            ),
            _ => format!(
                "SELECT a.id {from}{ranked} ORDER BY {order}, a.id {direction} LIMIT {limit} OFFSET {}",
                filter.offset
            ),
        };
        let ids = self
            .conn
            .prepare_cached(&page_sql)
            .and_then(|mut s| {
                s.query_map(params_from_iter(args.iter()), |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| search_error(e, search))?;
        self.article_rows(query, search, total, ids, floor)
    }

    /// The total and the page's ids of a search kept among the articles
    /// its filter admits: one pass of the search index over the matches,
    /// each kept when the filter's selection holds it (see
    /// `selection.rs`), and ranked then when the table is sorted by
    /// relevance. Counting and paging as two statements read the matches
    /// twice.
    fn page_within_filter(
        &self,
        query: &ArticleQuery,
        search: &str,
        filtering: &str,
        filter_args: &[Value],
    ) -> Result<(i64, Vec<i64>)> {
        let relevance = matches!(query.sort, ArticleSort::Relevance);
        let rank = if relevance { crate::relevance::RANK_SQL } else { "0.0" };
        let selected = self.select(filtering, filter_args)?;
        let sql = format!(
            "SELECT articles_fts.rowid, {rank} FROM articles_fts
             WHERE articles_fts MATCH ?1 AND in_selection(articles_fts.rowid)"
        );
        let mut found: Vec<(i64, f64)> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_map([search], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| search_error(e, Some(search)))?;
        drop(selected);
        let total = found.len() as i64;
        let (offset, limit) = (query.filter.offset, page_limit(query));
        if relevance {
            // As `ORDER BY rank, id` would: the best first, ties by id in
            // the table's direction.
            found.sort_by(|x, y| {
                let by_id = if query.descending { y.0.cmp(&x.0) } else { x.0.cmp(&y.0) };
                x.1.partial_cmp(&y.1).unwrap_or(std::cmp::Ordering::Equal).then(by_id)
            });
            return Ok((total, found.iter().skip(offset).take(limit).map(|f| f.0).collect()));
        }
        // Sorted by date, SQLite reads the filter's articles in date order
        // (the date index, or an outlet's) and asks the selection about
        // each, stopping at the page: a filter of nearly every article and
        // a common word took 0.9 s with the ids handed over in a list,
        // which SQLite sorted in full.
        let (order, direction) = (order_sql(query), direction(query));
        if matches!(query.sort, ArticleSort::Published) {
            let selected = self.select_ids(found.iter().map(|f| f.0))?;
            let page_sql = format!(
                "SELECT a.id FROM articles a WHERE 1{filtering} AND in_selection(a.id)
                 ORDER BY {order}, a.id {direction} LIMIT {limit} OFFSET {offset}"
            );
            let ids = self
                .conn
                .prepare_cached(&page_sql)
                .and_then(|mut s| s.query_map(params_from_iter(filter_args), |r| r.get::<_, i64>(0))?.collect())
                .map_err(|e| search_error(e, Some(search)))?;
            drop(selected);
            return Ok((total, ids));
        }
        // Any other order is SQLite's, over the matches found.
        let ids: Vec<Value> = found.iter().map(|f| Value::Integer(f.0)).collect();
        let page_sql = format!(
            "SELECT a.id FROM articles a{COLUMNS} WHERE a.id IN rarray(?1)
             ORDER BY {order}, a.id {direction} LIMIT {limit} OFFSET {offset}"
        );
        let ids = self
            .conn
            .prepare_cached(&page_sql)
            .and_then(|mut s| s.query_map([std::rc::Rc::new(ids)], |r| r.get::<_, i64>(0))?.collect())
            .map_err(|e| search_error(e, Some(search)))?;
        Ok((total, ids))
    }

    /// The rows of a page, in the order of `ids`, with a snippet of each
    /// when searching.
    fn article_rows(
        &self,
        query: &ArticleQuery,
        search: Option<&str>,
        total: i64,
        ids: Vec<i64>,
        floor: Option<i64>,
    ) -> Result<ArticlePage> {
        let filter = &query.filter;
        // Then the columns of each, and its snippet when searching.
        let (snippet, matching) = match search {
            Some(_) => (
                format!("snippet(articles_fts, 1, '{}', '{}', '…', 16)", crate::SNIPPET_START, crate::SNIPPET_END),
                " CROSS JOIN articles_fts ON articles_fts.rowid = a.id AND articles_fts MATCH ?2",
            ),
            None => ("NULL".to_string(), ""),
        };
        let row_sql = format!(
            "SELECT a.id, a.title, o.name, a.published, a.word_count, an.attribution_count, an.state_media_share,
                    an.anonymous_share, an.transparency, coalesce(an.syndicated, 0), sa.story_id, {snippet}
             FROM articles a{matching}
             LEFT JOIN outlets o ON o.id = a.outlet_id
             LEFT JOIN analyses an ON an.article_id = a.id
             LEFT JOIN story_articles sa ON sa.article_id = a.id
             WHERE a.id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&row_sql).map_err(|e| search_error(e, search))?;
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            let mut values = vec![Value::Integer(id)];
            values.extend(search.map(|s| Value::Text(s.to_string())));
            let row = stmt
                .query_row(params_from_iter(values), |r| {
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
                .optional()
                .map_err(|e| search_error(e, search))?;
            // An article deleted between the two statements is left out.
            rows.extend(row);
        }
        Ok(ArticlePage { total, offset: filter.offset, rows, ranked_among: floor.map(|_| crate::RANKED_MATCHES) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A filtered search gives the same page, count and order whether each
    /// match is looked up or the matches are kept among the articles the
    /// filter admits, for every sort.
    #[test]
    fn a_filtered_search_pages_the_same_either_way() {
        let texts: Vec<String> =
            (0..40).map(|i| format!("The vote in district {i} was counted.{}", " Vote again.".repeat(i % 4))).collect();
        let titles: Vec<String> = (0..40).map(|i| format!("Vote {}", (i * 7) % 40)).collect();
        let dates: Vec<String> = (0..40).map(|i| format!("2021-0{}-1{}", 1 + (i / 2) % 3, i % 10)).collect();
        let articles: Vec<_> = (0..40)
            .map(|i| (titles[i].as_str(), texts[i].as_str(), dates[i].as_str(), [Some("Reuters"), Some("TASS")][i % 2]))
            .collect();
        let (_dir, library) = crate::testing::library(&articles);
        let sorts = [
            ArticleSort::Relevance,
            ArticleSort::Published,
            ArticleSort::Outlet,
            ArticleSort::Title,
            ArticleSort::Attributions,
        ];
        let filters = [
            ArticleFilter { outlets: vec!["Reuters".into()], ..Default::default() },
            ArticleFilter { since: Some("2021-02-01".into()), until: Some("2021-02-28".into()), ..Default::default() },
            ArticleFilter { outlets: vec!["TASS".into()], limit: Some(4), offset: 2, ..Default::default() },
        ];
        for filter in &filters {
            for sort in sorts {
                for descending in [false, true] {
                    for search in ["vote", "\"vote again\""] {
                        let query = ArticleQuery {
                            filter: ArticleFilter { search: Some(search.into()), ..filter.clone() },
                            sort,
                            descending,
                        };
                        let looked_up = library.article_page_filtering(&query, FilteredSearch::LookUp).unwrap();
                        let among = library.article_page_filtering(&query, FilteredSearch::Within).unwrap();
                        assert!(!looked_up.rows.is_empty(), "{query:?}");
                        assert_eq!(looked_up, among, "{query:?}");
                    }
                }
            }
        }
    }
}
