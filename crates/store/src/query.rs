//! Reading the library: lists, single articles, full-text search and
//! collections.

use crate::relevance::RANK_SQL;
use crate::{now, Library, Result, StoreError};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Serialize;

/// Marks the start of a matched term in a search snippet. Control
/// characters are used because they cannot occur in stored text (import
/// strips them), so the CLI and the UI can turn them into highlighting
/// without parsing markup out of article text.
pub const SNIPPET_START: char = '\u{2}';
/// Marks the end of a matched term in a search snippet.
pub const SNIPPET_END: char = '\u{3}';

/// Which articles to list or search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ArticleFilter {
    /// Outlet names or aliases; an article of any of them is selected, and
    /// none means every outlet.
    pub outlets: Vec<String>,
    /// Published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Published on or before this date (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// A collection name.
    pub collection: Option<String>,
    /// Only articles that credit this agency (any credit kind: dateline,
    /// wire, photo, byline), as the credit tallies count them.
    pub agency: Option<String>,
    /// Leave out articles the reuse analysis judged republished wire copy,
    /// so that outlets are compared on their own work.
    pub without_syndicated: bool,
    /// Only articles that match this full-text search, in FTS5 syntax as in
    /// `sourcetrace search`.
    pub search: Option<String>,
    /// Only the articles of this story.
    pub story: Option<i64>,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl ArticleFilter {
    /// Only this one outlet.
    pub fn outlet(name: impl Into<String>) -> ArticleFilter {
        ArticleFilter { outlets: vec![name.into()], ..ArticleFilter::default() }
    }

    /// The search query, when there is one worth running.
    pub fn searching(&self) -> Option<&str> {
        self.search.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }

    /// The selection in words, for the first line of a report and the
    /// header of an export dialog: "outlets BBC or TASS, matching
    /// \"Peskov\", published 2024-01-01 to 2024-06-30".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match self.outlets.as_slice() {
            [] => {}
            [one] => parts.push(format!("outlet {one}")),
            many => parts.push(format!("outlets {}", many.join(" or "))),
        }
        if let Some(c) = &self.collection {
            parts.push(format!("collection \"{c}\""));
        }
        if let Some(s) = self.story {
            parts.push(format!("story {s}"));
        }
        if let Some(q) = self.searching() {
            parts.push(format!("matching {q:?}"));
        }
        if let Some(a) = &self.agency {
            parts.push(format!("crediting {a}"));
        }
        match (&self.since, &self.until) {
            (Some(a), Some(b)) => parts.push(format!("published {a} to {b}")),
            (Some(a), None) => parts.push(format!("published on or after {a}")),
            (None, Some(b)) => parts.push(format!("published on or before {b}")),
            (None, None) => {}
        }
        if self.without_syndicated {
            parts.push("own work only (republished wire copy left out)".into());
        }
        if parts.is_empty() {
            "the whole library".into()
        } else {
            parts.join(", ")
        }
    }
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleSummary {
    pub id: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub word_count: i64,
    pub language: Option<String>,
    pub url: Option<String>,
    /// How many other articles this one nearly duplicates or is duplicated by.
    pub near_duplicates: i64,
}

/// An article with everything the library knows about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleRecord {
    pub id: i64,
    pub title: Option<String>,
    pub text: String,
    pub segments: serde_json::Value,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub outlet_country: Option<String>,
    pub outlet_kind: Option<String>,
    pub outlet_state_affiliation: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub word_count: i64,
    pub content_hash: String,
    pub format: String,
    pub source_path: String,
    pub source_entry: Option<String>,
    pub import_run_id: Option<i64>,
    pub imported_at: String,
    pub collections: Vec<String>,
    pub near_duplicates: Vec<NearDuplicate>,
}

/// Another article that shares most of its text with this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NearDuplicate {
    pub id: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Estimated Jaccard similarity of the two texts' 5-word shingles.
    pub similarity: f64,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub id: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Text around the match, with terms between [`SNIPPET_START`] and
    /// [`SNIPPET_END`].
    pub snippet: String,
    /// bm25 relevance (see `relevance.rs`); lower is better, as SQLite
    /// reports it.
    pub rank: f64,
}

/// A page of search results.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Set when the search matched more articles than relevance ranks (see
    /// [`RANKED_MATCHES`]): the hits are the best of this many most recently
    /// imported matches.
    pub ranked_among: Option<usize>,
}

/// How many matches of an unfiltered search relevance ranks at most: the
/// most recently imported ones. FTS5 computes bm25 for every match before
/// it can pick the best, which for a common word in a million articles
/// (380,000 matches) takes two seconds; ranking the newest 10,000 takes
/// tens of milliseconds. A filter (outlet, dates, collection) or a rarer
/// word narrows the matches, and then all of them are ranked.
pub const RANKED_MATCHES: usize = 10_000;

/// A filtered search with at most this many matches looks each up in
/// `articles` to apply its filter.
const LOOKED_UP_MATCHES: i64 = 2_000;

/// A filtered search with more matches than this is always kept within
/// its filter: selecting a million articles costs less than looking up
/// this many matches.
const MANY_MATCHES: i64 = 50_000;

/// How a search with a filter (outlet, dates, collection) applies it.
///
/// Looking a match up in `articles` reads the article's row up to the
/// filtered column, past its text: about 1.5 µs a match when the file is
/// in memory, and far more when it is not. For a common word (380,000 of a
/// million articles) within one outlet or one month that took 560 ms. The
/// other way selects the articles the filter admits from the filter's own
/// index, about 70 ns each (see `selection.rs`), and keeps the matches
/// among them. A filter of every article makes the selection cost more
/// than a few thousand lookups, so `Decide` counts both sides first, each
/// count stopped at a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FilteredSearch {
    /// Look matches up when there are at most 2,000, or at most 50,000
    /// and the filter admits more than twenty times as many articles.
    Decide,
    // The tests choose one way and then the other, to compare them.
    #[cfg_attr(not(test), allow(dead_code))]
    LookUp,
    #[cfg_attr(not(test), allow(dead_code))]
    Within,
}

/// A collection and its size.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CollectionSummary {
    pub id: i64,
    pub name: String,
    pub articles: i64,
    pub created_at: String,
}

/// Does the filter select by anything but its search words? Paging
/// (limit and offset) does not count.
pub(crate) fn filtered(filter: &ArticleFilter) -> bool {
    let mut sql = String::new();
    filter_sql(&ArticleFilter { search: None, ..filter.clone() }, &mut sql, &mut Vec::new());
    !sql.is_empty()
}

/// Appends the filter's conditions to a WHERE clause on `articles a`.
pub(crate) fn filter_sql(filter: &ArticleFilter, sql: &mut String, args: &mut Vec<Value>) {
    outlets_sql("a.outlet_id", &filter.outlets, sql, args);
    if let Some(since) = &filter.since {
        sql.push_str(" AND a.published >= ?");
        args.push(Value::Text(since.clone()));
    }
    if let Some(until) = &filter.until {
        // Dates compare as text; anything on the last day sorts below the
        // next character after it.
        sql.push_str(" AND a.published < ?");
        args.push(Value::Text(format!("{until}\u{7f}")));
    }
    if let Some(collection) = &filter.collection {
        sql.push_str(
            " AND a.id IN (SELECT ca.article_id FROM collection_articles ca JOIN collections c ON c.id = ca.collection_id
                           WHERE c.name = ? COLLATE NOCASE)",
        );
        args.push(Value::Text(collection.clone()));
    }
    if let Some(agency) = &filter.agency {
        sql.push_str(" AND a.id IN (SELECT cr.article_id FROM credits cr WHERE cr.agency = ? COLLATE NOCASE)");
        args.push(Value::Text(agency.clone()));
    }
    if filter.without_syndicated {
        sql.push_str(" AND NOT EXISTS (SELECT 1 FROM analyses sy WHERE sy.article_id = a.id AND sy.syndicated = 1)");
    }
    if let Some(search) = filter.searching() {
        sql.push_str(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
        args.push(Value::Text(search.to_string()));
    }
    if let Some(story) = filter.story {
        sql.push_str(" AND a.id IN (SELECT st.article_id FROM story_articles st WHERE st.story_id = ?)");
        args.push(Value::Integer(story));
    }
}

/// Appends "the outlet is one of these names or aliases" on `column`.
fn outlets_sql(column: &str, outlets: &[String], sql: &mut String, args: &mut Vec<Value>) {
    if outlets.is_empty() {
        return;
    }
    // One outlet, the usual case, is one value: with `=` the planner reads
    // the `(outlet_id, published)` index in order instead of sorting every
    // article of the outlet. Its name wins over another outlet's alias.
    if let [outlet] = outlets {
        sql.push_str(&format!(
            " AND {column} = coalesce((SELECT id FROM outlets WHERE name = ? COLLATE NOCASE),
                                      (SELECT outlet_id FROM outlet_aliases WHERE alias = ? COLLATE NOCASE))"
        ));
        args.extend([Value::Text(outlet.clone()), Value::Text(outlet.clone())]);
        return;
    }
    let marks = vec!["?"; outlets.len()].join(", ");
    sql.push_str(&format!(
        " AND {column} IN (SELECT id FROM outlets WHERE name COLLATE NOCASE IN ({marks})
                           UNION SELECT outlet_id FROM outlet_aliases WHERE alias COLLATE NOCASE IN ({marks}))"
    ));
    for _ in 0..2 {
        args.extend(outlets.iter().map(|o| Value::Text(o.clone())));
    }
}

/// Appends the filter's conditions to a WHERE clause on one of the tally
/// tables `t` (see migration 0008), or returns false when the filter names
/// a collection, which the tallies do not break down by: the caller then
/// scans the articles instead.
pub(crate) fn tally_filter_sql(filter: &ArticleFilter, sql: &mut String, args: &mut Vec<Value>) -> bool {
    // The tallies are kept per outlet and day only (attributions are not
    // split by syndication either), so a collection, an agency, a search, a
    // story or "own work only" needs the articles themselves.
    if filter.collection.is_some()
        || filter.agency.is_some()
        || filter.without_syndicated
        || filter.searching().is_some()
        || filter.story.is_some()
    {
        return false;
    }
    outlets_sql("t.outlet_id", &filter.outlets, sql, args);
    // A day is the first ten characters of `published`, so these compare as
    // filter_sql's conditions on `published` do.
    if let Some(since) = &filter.since {
        sql.push_str(" AND t.day >= ? AND t.day <> ''");
        args.push(Value::Text(since.clone()));
    }
    if let Some(until) = &filter.until {
        sql.push_str(" AND t.day < ? AND t.day <> ''");
        args.push(Value::Text(format!("{until}\u{7f}")));
    }
    true
}

/// The tally table a query reads: the month tally (migration 0010) when
/// the selection names no dates, which is a thirtieth of the rows, else
/// the day tally, which answers any range exactly. Only the `day` column
/// differs (`month` there), and only date conditions read it.
pub(crate) fn tally_table(filter: &ArticleFilter, day_table: &str) -> String {
    if filter.since.is_none() && filter.until.is_none() {
        format!("{day_table}_month")
    } else {
        day_table.to_string()
    }
}

fn limit_sql(filter: &ArticleFilter, sql: &mut String) {
    if let Some(limit) = filter.limit {
        sql.push_str(&format!(" LIMIT {limit} OFFSET {}", filter.offset));
    } else if filter.offset > 0 {
        sql.push_str(&format!(" LIMIT -1 OFFSET {}", filter.offset));
    }
}

impl Library {
    /// Checks the filter's search query before a long query runs it, so that
    /// bad syntax is reported as a bad query with advice, not as a library
    /// error halfway through an export.
    pub fn check_filter(&self, filter: &ArticleFilter) -> Result<()> {
        let Some(search) = filter.searching() else { return Ok(()) };
        self.conn
            .prepare_cached("SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1)")
            .and_then(|mut s| s.query_row([search], |r| r.get::<_, i64>(0)))
            .map(drop)
            .map_err(|e| search_error(e, Some(search)))
    }

    /// Lists articles, newest first; undated articles come last.
    pub fn list(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>> {
        let mut sql = String::from(
            "SELECT a.id, a.title, o.name, a.published, a.word_count, a.language, a.url,
                    (SELECT count(*) FROM near_duplicates n WHERE n.article_id = a.id OR n.other_id = a.id)
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE 1",
        );
        let mut args = Vec::new();
        self.check_filter(filter)?;
        filter_sql(filter, &mut sql, &mut args);
        // Newest first, undated last: SQLite sorts NULL below every value,
        // so plain DESC already puts undated articles last, and in this form
        // the order is that of the `(outlet_id, published)` and
        // `(published)` indexes read backwards. With "published IS NULL"
        // in front, a filter by outlet or month sorted all its matches (290
        // and 235 ms over a million articles, against a few ms now).
        sql.push_str(" ORDER BY a.published DESC, a.id DESC");
        limit_sql(filter, &mut sql);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                published: r.get(3)?,
                word_count: r.get(4)?,
                language: r.get(5)?,
                url: r.get(6)?,
                near_duplicates: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many outlets have articles, how many collections and how many
    /// import runs there are: the library summary, each counted without
    /// reading the rows it counts (listing outlets with their article
    /// counts and collections with their sizes took 300 ms over a million
    /// articles, and the window asks this at every start).
    pub fn summary_counts(&self) -> Result<(i64, i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM outlets o WHERE EXISTS (SELECT 1 FROM articles a WHERE a.outlet_id = o.id)),
                    (SELECT count(*) FROM collections),
                    (SELECT count(*) FROM import_runs)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    }

    /// The number of articles in the library.
    pub fn article_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    /// Whether an article with this id exists.
    pub fn article_exists(&self, id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)")?
            .query_row([id], |r| r.get(0))?)
    }

    /// One article with its outlet, collections and near-duplicates.
    pub fn article(&self, id: i64) -> Result<Option<ArticleRecord>> {
        let record = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.text, a.segments, a.byline, o.name, o.country, o.kind, o.state_affiliation,
                        a.url, a.published, a.language, a.word_count, a.content_hash, a.format, a.source_path,
                        a.source_entry, a.import_run_id, a.imported_at
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1",
            )?
            .query_row([id], |r| {
                let segments: String = r.get(3)?;
                Ok(ArticleRecord {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    text: r.get(2)?,
                    segments: serde_json::from_str(&segments).unwrap_or(serde_json::Value::Array(Vec::new())),
                    byline: r.get(4)?,
                    outlet: r.get(5)?,
                    outlet_country: r.get(6)?,
                    outlet_kind: r.get(7)?,
                    outlet_state_affiliation: r.get(8)?,
                    url: r.get(9)?,
                    published: r.get(10)?,
                    language: r.get(11)?,
                    word_count: r.get(12)?,
                    content_hash: r.get(13)?,
                    format: r.get(14)?,
                    source_path: r.get(15)?,
                    source_entry: r.get(16)?,
                    import_run_id: r.get(17)?,
                    imported_at: r.get(18)?,
                    collections: Vec::new(),
                    near_duplicates: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut record) = record else { return Ok(None) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.name FROM collections c JOIN collection_articles ca ON ca.collection_id = c.id
             WHERE ca.article_id = ?1 ORDER BY c.name",
        )?;
        record.collections = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        record.near_duplicates = self.near_duplicates(id)?;
        Ok(Some(record))
    }

    /// Articles that share most of their text with this one, most similar
    /// first.
    pub fn near_duplicates(&self, id: i64) -> Result<Vec<NearDuplicate>> {
        // Two plain index lookups, then a title for each match. One
        // statement with a UNION of both directions cost 50 to 80 µs a call
        // against 4 µs here, because SQLite prepared it again at every step
        // (a profile of the library's analysis showed it), and the
        // analysis asks this of every article.
        let mut pairs: Vec<(i64, f64)> = Vec::new();
        for sql in [
            "SELECT other_id, similarity FROM near_duplicates WHERE article_id = ?1",
            "SELECT article_id, similarity FROM near_duplicates WHERE other_id = ?1",
        ] {
            let mut stmt = self.conn.prepare_cached(sql)?;
            for pair in stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))? {
                pairs.push(pair?);
            }
        }
        pairs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.title, o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1",
        )?;
        let mut found = Vec::with_capacity(pairs.len());
        for (other, similarity) in pairs {
            let named = stmt.query_row([other], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            if let Some((title, outlet)) = named {
                found.push(NearDuplicate { id: other, title, outlet, similarity });
            }
        }
        Ok(found)
    }

    /// Full-text search with SQLite FTS5 syntax (words, "phrases", AND, OR,
    /// NOT, prefix*, NEAR(...), title:word), ranked by bm25 with titles
    /// weighted five times the body. The ranking is FTS5's bm25, except that
    /// a phrase in more than 5,000 articles has its count estimated from
    /// the first 5,000, not read to the end (see `relevance.rs`). A query
    /// FTS5 cannot parse is a [`StoreError::BadQuery`] that says so, not a
    /// crash.
    ///
    /// An unfiltered search that matches more than [`RANKED_MATCHES`]
    /// articles ranks the most recently imported of them, and says so.
    pub fn search(&self, query: &str, filter: &ArticleFilter) -> Result<SearchResults> {
        self.search_filtering(query, filter, FilteredSearch::Decide)
    }

    /// [`Library::search`], applying a filter as `how` says.
    fn search_filtering(&self, query: &str, filter: &ArticleFilter, how: FilteredSearch) -> Result<SearchResults> {
        if query.trim().is_empty() {
            return Err(StoreError::BadQuery("the search query is empty".into()));
        }
        let floor = if filtered(filter) { None } else { self.relevance_floor(query)? };
        // The page of hits is chosen by rank first and only its rows get a
        // snippet: SQLite computes every result column before it sorts, so
        // a snippet in the ranking query is made for every match (1.5 s for
        // a common word in 200,000 articles, against a few ms this way).
        // The CROSS JOIN below keeps the page as the outer loop: left to
        // itself, SQLite's planner read every match of the index again and
        // looked each up in the page (a second over a million articles).
        let mut args = vec![Value::Text(query.to_string())];
        let mut conditions = String::new();
        filter_sql(filter, &mut conditions, &mut args);
        // Only a filter reads the articles table. Without one, joining
        // every match to its article, only to break ties by the id the
        // index already has, was a lookup a match: half of the time of an
        // unfiltered search for a common word over a million articles.
        let mut top = format!("SELECT articles_fts.rowid AS id, {RANK_SQL} AS rank FROM articles_fts");
        // The filter's articles, held while the search runs (see `selection.rs`).
        let mut selected = None;
        if conditions.is_empty() {
            top.push_str(" WHERE articles_fts MATCH ?1");
        } else if self.within_filter(query, &conditions, &args[1..], how)? {
            selected = Some(self.select(&conditions, &args[1..])?);
            args.truncate(1);
            top.push_str(" WHERE articles_fts MATCH ?1 AND in_selection(articles_fts.rowid)");
        } else {
            top.push_str(" JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?1");
            top.push_str(&conditions);
        }
        if let Some(floor) = floor {
            top.push_str(" AND articles_fts.rowid >= ?");
            args.push(Value::Integer(floor));
        }
        top.push_str(" ORDER BY rank, id");
        let mut limited = filter.clone();
        limited.limit = Some(filter.limit.unwrap_or(50));
        limit_sql(&limited, &mut top);
        let sql = format!(
            "WITH top AS ({top})
             SELECT a.id, a.title, o.name, a.published,
                    snippet(articles_fts, 1, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16), top.rank
             FROM top CROSS JOIN articles_fts ON articles_fts.rowid = top.id JOIN articles a ON a.id = top.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE articles_fts MATCH ?1
             ORDER BY top.rank, a.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(SearchHit {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                published: r.get(3)?,
                snippet: r.get(4)?,
                rank: r.get(5)?,
            })
        });
        let collected = rows.and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>());
        let hits = collected.map_err(|e| search_error(e, Some(query)))?;
        drop(selected);
        Ok(SearchResults { hits, ranked_among: floor.map(|_| RANKED_MATCHES) })
    }

    /// Should a search for `query` with a filter (`conditions` on
    /// `articles a`, with their `args`) keep its matches among the
    /// articles the filter admits, rather than look each up? See
    /// [`FilteredSearch`].
    pub(crate) fn within_filter(
        &self,
        query: &str,
        conditions: &str,
        args: &[Value],
        how: FilteredSearch,
    ) -> Result<bool> {
        match how {
            FilteredSearch::LookUp => return Ok(false),
            FilteredSearch::Within => return Ok(true),
            FilteredSearch::Decide => {}
        }
        // Each count stops at a bound, so that neither a common word nor
        // a filter of every article is counted in full: the matches past
        // the point where the filter is always selected, and the admitted
        // articles past the point where lookups would be cheaper.
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT {})",
            MANY_MATCHES + 1
        );
        let matches: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row([query], |r| r.get(0))
            .map_err(|e| search_error(e, Some(query)))?;
        if matches <= LOOKED_UP_MATCHES {
            return Ok(false);
        }
        if matches > MANY_MATCHES {
            return Ok(true);
        }
        // A lookup costs about twenty times what selecting an article does.
        let bound = matches * 20;
        // The bound is a parameter, so that one cached statement serves
        // every count of this filter.
        let sql = format!("SELECT count(*) FROM (SELECT 1 FROM articles a WHERE 1{conditions} LIMIT ?)");
        let bounded = args.iter().cloned().chain([Value::Integer(bound + 1)]);
        let admitted: i64 = self.conn.prepare_cached(&sql)?.query_row(params_from_iter(bounded), |r| r.get(0))?;
        Ok(admitted <= bound)
    }

    /// The smallest article id among the [`RANKED_MATCHES`] most recently
    /// imported matches of `query`, when it has more matches than that.
    /// FTS5 reads its matches in id order without ranking them, so this
    /// stops after that many (a few milliseconds).
    pub(crate) fn relevance_floor(&self, query: &str) -> Result<Option<i64>> {
        let sql = format!(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET {}",
            RANKED_MATCHES - 1
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        stmt.query_row([query], |r| r.get(0)).optional().map_err(|e| search_error(e, Some(query)))
    }

    /// Creates a collection if needed and adds articles to it. Returns how
    /// many were newly added.
    pub fn add_to_collection(&mut self, name: &str, ids: &[i64]) -> Result<usize> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a collection needs a name".into()));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO collections (name, created_at) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
            params![name, now()],
        )?;
        let collection: i64 = tx.query_row("SELECT id FROM collections WHERE name = ?1", [name], |r| r.get(0))?;
        let mut added = 0;
        for &id in ids {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                return Err(StoreError::NotFound(format!("article #{id} does not exist")));
            }
            added += tx.execute(
                "INSERT OR IGNORE INTO collection_articles (collection_id, article_id) VALUES (?1, ?2)",
                params![collection, id],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// Removes articles from a collection.
    pub fn remove_from_collection(&mut self, name: &str, ids: &[i64]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        for &id in ids {
            removed += tx.execute(
                "DELETE FROM collection_articles WHERE article_id = ?2
                 AND collection_id = (SELECT id FROM collections WHERE name = ?1 COLLATE NOCASE)",
                params![name, id],
            )?;
        }
        tx.commit()?;
        Ok(removed)
    }

    /// All collections with their sizes.
    pub fn collections(&self) -> Result<Vec<CollectionSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.name, count(ca.article_id), c.created_at FROM collections c
             LEFT JOIN collection_articles ca ON ca.collection_id = c.id GROUP BY c.id ORDER BY c.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CollectionSummary { id: r.get(0)?, name: r.get(1)?, articles: r.get(2)?, created_at: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The FTS5 message in an error, if the error is FTS5 refusing the query.
/// SQLite reports every query it cannot parse as a plain `SQLITE_ERROR`;
/// busy, locked, corrupt or IO errors are the library's, not the query's.
/// Turns FTS5's complaints about a query into an error that says how to
/// write it; other errors pass through.
pub(crate) fn search_error(error: rusqlite::Error, search: Option<&str>) -> StoreError {
    match (search, fts_message(&error)) {
        (Some(query), Some(message)) => StoreError::BadQuery(format!(
            "cannot search for {query:?}: {message}. Put phrases in double quotes, and quote words such as AND, OR, NOT and NEAR to search for them literally"
        )),
        _ => StoreError::Sqlite(error),
    }
}

fn fts_message(error: &rusqlite::Error) -> Option<String> {
    let rusqlite::Error::SqliteFailure(failure, message) = error else { return None };
    (failure.code == rusqlite::ErrorCode::Unknown).then(|| {
        let message = message.as_deref().unwrap_or("the query is not valid");
        message
            .trim_start_matches("fts5: ")
            .replace("syntax error near \"\"", "the query ends too early")
            .trim_end_matches(": ")
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A filtered search finds the same hits in the same order whether it
    /// looks its matches up one by one or keeps those among the articles
    /// its filter admits, for every kind of filter.
    #[test]
    fn a_filtered_search_is_the_same_either_way() {
        let mut articles = Vec::new();
        let titles: Vec<String> = (0..60).map(|i| format!("Vote {i}")).collect();
        let texts: Vec<String> =
            (0..60).map(|i| format!("The vote in district {i} was counted.{}", " Vote again.".repeat(i % 4))).collect();
        let dates: Vec<String> = (0..60).map(|i| format!("2021-0{}-1{}", 1 + (i / 3) % 3, i % 10)).collect();
        for i in 0..60 {
            let outlet = [Some("Reuters"), Some("TASS"), None][i % 3];
            articles.push((titles[i].as_str(), texts[i].as_str(), dates[i].as_str(), outlet));
        }
        articles.push(("Weather", "Rain on Tuesday.", "2021-02-11", Some("TASS")));
        let (_dir, mut library) = crate::testing::library(&articles);
        library.add_to_collection("picked", &[3, 4, 5, 9, 12, 61]).unwrap();
        let filters = [
            ArticleFilter { outlets: vec!["Reuters".into()], ..Default::default() },
            ArticleFilter { outlets: vec!["TASS".into(), "Reuters".into()], ..Default::default() },
            ArticleFilter { since: Some("2021-02-01".into()), until: Some("2021-02-28".into()), ..Default::default() },
            ArticleFilter { collection: Some("picked".into()), ..Default::default() },
            ArticleFilter { outlets: vec!["TASS".into()], since: Some("2021-03-01".into()), ..Default::default() },
            ArticleFilter { limit: Some(7), offset: 3, outlets: vec!["TASS".into()], ..Default::default() },
        ];
        for filter in &filters {
            for query in ["vote", "\"vote again\"", "district AND counted"] {
                let one_by_one = library.search_filtering(query, filter, FilteredSearch::LookUp).unwrap();
                let among = library.search_filtering(query, filter, FilteredSearch::Within).unwrap();
                assert!(!one_by_one.hits.is_empty(), "{query} {filter:?}");
                assert_eq!(one_by_one, among, "{query} {filter:?}");
            }
        }
    }
}
