//! Export tables: every row of a selection, streamed out of SQLite one row at
//! a time so that memory does not grow with the selection.
//!
//! Each [`ExportTable`] is one SQL query over the selected articles with
//! typed columns ([`Column`]); the writers in the API turn the rows into
//! CSV, JSON or XLSX without knowing which table they carry. There is no
//! row limit anywhere on this path: a user who exports a million
//! attributions gets a million rows.

use crate::query::{filter_sql, ArticleFilter};
use crate::{Library, StoreError};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

/// A table that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExportTable {
    /// One row per article, with its analysis scores.
    Articles,
    /// One row per attribution, with spans, cue, source and chain parent.
    Attributions,
    /// One row per canonical source cited in the selection.
    Sources,
    /// One row per credit (dateline, wire credit, photo credit ...).
    Credits,
    /// One row per pair of articles that share passages.
    Reuse,
    /// The outlet × agency matrix of credits, normalized by outlet.
    Tallies,
    /// Story comparisons: one row per story and outlet, with the outlet's
    /// sourcing of that story (shares of its attributions in the story).
    Stories,
}

impl ExportTable {
    /// Every table, in the order a workbook lists them.
    pub const ALL: [ExportTable; 7] = [
        ExportTable::Articles,
        ExportTable::Attributions,
        ExportTable::Sources,
        ExportTable::Credits,
        ExportTable::Reuse,
        ExportTable::Tallies,
        ExportTable::Stories,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportTable::Articles => "articles",
            ExportTable::Attributions => "attributions",
            ExportTable::Sources => "sources",
            ExportTable::Credits => "credits",
            ExportTable::Reuse => "reuse",
            ExportTable::Tallies => "tallies",
            ExportTable::Stories => "stories",
        }
    }

    /// The table called `name`, as the CLI spells it.
    pub fn parse(name: &str) -> Option<ExportTable> {
        ExportTable::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The columns of the table, in order.
    pub fn columns(self) -> &'static [Column] {
        use ColumnType::{Integer, Real, Text};
        macro_rules! cols {
            ($(($name:literal, $ty:expr)),* $(,)?) => { &[$(Column { name: $name, ty: $ty }),*] };
        }
        match self {
            ExportTable::Articles => cols![
                ("id", Integer),
                ("outlet", Text),
                ("published", Text),
                ("title", Text),
                ("url", Text),
                ("language", Text),
                ("word_count", Integer),
                ("attribution_count", Integer),
                ("state_media_share", Real),
                ("anonymous_share", Real),
                ("second_hand_share", Real),
                ("direct_quote_share", Real),
                ("deepest_chain", Integer),
                ("distinct_sources", Integer),
                ("transparency", Real),
                ("reused_share", Real),
                ("syndicated", Integer),
                ("tone", Real),
                ("hedges", Integer),
                ("loaded_terms", Integer),
                ("analysis_version", Integer),
            ],
            ExportTable::Attributions => cols![
                ("article_id", Integer),
                ("outlet", Text),
                ("published", Text),
                ("ordinal", Integer),
                ("kind", Text),
                ("cue", Text),
                ("cue_start", Integer),
                ("cue_end", Integer),
                ("cue_class", Text),
                ("stance", Text),
                ("source", Text),
                ("source_start", Integer),
                ("source_end", Integer),
                ("source_type", Text),
                ("country", Text),
                ("canonical_source", Text),
                ("content", Text),
                ("content_spans", Text),
                ("chain_parent", Integer),
                ("depth", Integer),
                ("evidence", Text),
                ("corrected", Text),
            ],
            ExportTable::Sources => cols![
                ("canonical_source", Text),
                ("source_type", Text),
                ("country", Text),
                ("attributions", Integer),
                ("articles", Integer),
                ("outlets", Integer),
            ],
            ExportTable::Credits => cols![
                ("article_id", Integer),
                ("outlet", Text),
                ("published", Text),
                ("ordinal", Integer),
                ("kind", Text),
                ("agency", Text),
                ("place", Text),
                ("credited", Text),
                ("start", Integer),
                ("end", Integer),
                ("text", Text),
                ("repeats", Integer),
            ],
            ExportTable::Reuse => cols![
                ("article_id", Integer),
                ("outlet", Text),
                ("other_id", Integer),
                ("other_outlet", Text),
                ("share", Real),
                ("other_is_origin", Integer),
                ("passages", Integer),
                ("shared_words", Integer),
            ],
            ExportTable::Tallies => cols![
                ("outlet", Text),
                ("agency", Text),
                ("articles", Integer),
                ("outlet_articles", Integer),
                ("share", Real),
            ],
            ExportTable::Stories => cols![
                ("story_id", Integer),
                ("story", Text),
                ("outlet", Text),
                ("articles", Integer),
                ("analysed_articles", Integer),
                ("attributions", Integer),
                ("state_media_share", Real),
                ("anonymous_share", Real),
                ("second_hand_share", Real),
                ("direct_quote_share", Real),
                ("mean_transparency", Real),
                ("mean_tone", Real),
                ("syndicated_articles", Integer),
            ],
        }
    }

    /// The query of the table. `{selection}` is replaced by the conditions
    /// on `articles a` that select the articles (empty for all of them).
    /// Public so that a benchmark peer can run the very same query; the
    /// tallies have none (they are computed) and give `""`.
    pub fn sql(self) -> &'static str {
        match self {
            ExportTable::Articles => {
                "SELECT a.id, o.name, a.published, a.title, a.url, a.language, a.word_count,
                        x.attribution_count, x.state_media_share, x.anonymous_share, x.second_hand_share,
                        x.direct_quote_share, x.deepest_chain, x.distinct_sources, x.transparency,
                        x.reused_share, x.syndicated, x.tone, x.hedges, x.loaded_terms, x.version
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 LEFT JOIN analyses x ON x.article_id = a.id
                 WHERE 1 {selection} ORDER BY a.id"
            }
            // Content spans are stored as JSON; the export gives both their
            // text, for reading, and the spans, for tools that highlight.
            // `corrected` says what a person changed, the engine's value
            // first: "by a person: source_type media → state_media".
            ExportTable::Attributions => {
                "SELECT t.article_id, o.name, a.published, t.ordinal, t.kind, t.cue_text, t.cue_start, t.cue_end,
                        t.cue_class, t.stance, t.source_text, t.source_start, t.source_end, t.source_type,
                        t.country, t.canonical,
                        (SELECT group_concat(json_extract(c.value, '$.text'), ' … ') FROM json_each(t.content) c),
                        (SELECT json_group_array(json_array(json_extract(c.value, '$.start'), json_extract(c.value, '$.end')))
                           FROM json_each(t.content) c),
                        t.via_ordinal, t.depth,
                        (SELECT group_concat(json_extract(e.value, '$.rule'), '; ') FROM json_each(t.evidence) e),
                        CASE WHEN t.corrected IS NOT NULL THEN
                          coalesce((SELECT 'by a person: ' || group_concat(json_extract(ch.value, '$.field') || ' '
                                        || coalesce(json_extract(ch.value, '$.machine'), 'none') || ' → '
                                        || coalesce(json_extract(ch.value, '$.human'), 'none'), '; ')
                                    FROM json_each(t.corrected, '$.changes') ch), 'by a person')
                        END
                 FROM attributions t JOIN articles a ON a.id = t.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE 1 {selection} ORDER BY t.article_id, t.ordinal"
            }
            ExportTable::Sources => {
                "SELECT s.canonical, s.source_type, s.country, count(*), count(DISTINCT t.article_id),
                        count(DISTINCT a.outlet_id)
                 FROM attributions t JOIN sources s ON s.id = t.source_id JOIN articles a ON a.id = t.article_id
                 WHERE 1 {selection}
                 GROUP BY s.id ORDER BY count(*) DESC, s.canonical"
            }
            ExportTable::Credits => {
                "SELECT c.article_id, o.name, a.published, c.ordinal, c.kind, c.agency, c.place, c.credited,
                        c.span_start, c.span_end, c.text, json_array_length(c.repeats)
                 FROM credits c JOIN articles a ON a.id = c.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE 1 {selection} ORDER BY c.article_id, c.ordinal"
            }
            ExportTable::Reuse => {
                "SELECT r.article_id, o.name, r.other_id, oo.name, r.share, r.other_is_origin,
                        json_array_length(r.passages),
                        (SELECT coalesce(sum(json_extract(p.value, '$.words')), 0) FROM json_each(r.passages) p)
                 FROM reuse r JOIN articles a ON a.id = r.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 JOIN articles b ON b.id = r.other_id LEFT JOIN outlets oo ON oo.id = b.outlet_id
                 WHERE 1 {selection} ORDER BY r.article_id, r.share DESC"
            }
            // Each share is the outlet's attributions of that kind in the
            // story over all its attributions in the story, as the story
            // comparison computes it: the articles' shares weighted by their
            // attribution counts.
            ExportTable::Stories => {
                "SELECT s.id, s.label, coalesce(o.name, '(no outlet)'), count(*), count(x.article_id),
                        coalesce(sum(x.attribution_count), 0),
                        sum(x.state_media_share * x.attribution_count) / nullif(sum(x.attribution_count), 0),
                        sum(x.anonymous_share * x.attribution_count) / nullif(sum(x.attribution_count), 0),
                        sum(x.second_hand_share * x.attribution_count) / nullif(sum(x.attribution_count), 0),
                        sum(x.direct_quote_share * x.attribution_count) / nullif(sum(x.attribution_count), 0),
                        avg(x.transparency), avg(x.tone), coalesce(sum(x.syndicated), 0)
                 FROM story_articles sa JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = sa.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN analyses x ON x.article_id = a.id
                 WHERE 1 {selection}
                 GROUP BY s.id, 3 ORDER BY s.id, 3"
            }
            // The tallies are computed by `credit_tallies`; they are small
            // (outlets × agencies) and share its definition that way.
            ExportTable::Tallies => "",
        }
    }
}

/// The page cache of an export, in KiB as `PRAGMA cache_size` takes it
/// (negative): 8 MiB.
const EXPORT_CACHE_KIB: i64 = -8192;

/// The type of a column, for formats that keep types (XLSX, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    Integer,
    Real,
    Text,
}

/// One column of an export table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
}

impl Library {
    /// Calls `row` with every row of `table` over the articles `filter`
    /// selects, in a stable order, and returns how many rows there were.
    /// The values come in the order of [`ExportTable::columns`]; missing
    /// values are `Value::Null`. The filter's limit and offset are ignored:
    /// an export has no row limit.
    /// Errors of `row` (a full disk, a cancelled export) stop the export
    /// and are returned as they are.
    pub fn export_rows<E: From<StoreError>>(
        &self,
        table: ExportTable,
        filter: &ArticleFilter,
        row: &mut dyn FnMut(&[Value]) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        if table == ExportTable::Tallies {
            let tallies = self.credit_tallies(filter, false).map_err(E::from)?;
            for t in &tallies.cells {
                row(&[
                    Value::Text(t.outlet.clone()),
                    Value::Text(t.agency.clone()),
                    Value::Integer(t.articles),
                    Value::Integer(t.outlet_articles),
                    Value::Real(t.share),
                ])?;
            }
            return Ok(tallies.cells.len() as u64);
        }
        // An export reads each page once, so the connection's large page
        // cache would only fill with pages never read again, and memory
        // would grow with the selection up to the cache's size. A small
        // cache for the export keeps memory flat; the setting is restored
        // whatever happens.
        let cache: i64 =
            self.conn.pragma_query_value(None, "cache_size", |r| r.get(0)).map_err(|e| E::from(StoreError::from(e)))?;
        self.conn.pragma_update(None, "cache_size", EXPORT_CACHE_KIB).map_err(|e| E::from(StoreError::from(e)))?;
        let result = self.stream_rows(table, filter, row);
        let restored = self.conn.pragma_update(None, "cache_size", cache);
        let rows = result?;
        restored.map_err(|e| E::from(StoreError::from(e)))?;
        Ok(rows)
    }

    fn stream_rows<E: From<StoreError>>(
        &self,
        table: ExportTable,
        filter: &ArticleFilter,
        row: &mut dyn FnMut(&[Value]) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        filter_sql(filter, &mut conditions, &mut args);
        let sql = table.sql().replace("{selection}", &conditions);
        let width = table.columns().len();
        let sqlite = |e: rusqlite::Error| E::from(StoreError::from(e));
        let mut stmt = self.conn.prepare(&sql).map_err(sqlite)?;
        let mut rows = stmt.query(params_from_iter(args)).map_err(sqlite)?;
        let mut values: Vec<Value> = Vec::with_capacity(width);
        let mut count = 0u64;
        while let Some(r) = rows.next().map_err(sqlite)? {
            values.clear();
            for i in 0..width {
                values.push(r.get::<_, Value>(i).map_err(sqlite)?);
            }
            row(&values)?;
            count += 1;
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_query_has_one_column_per_declared_column() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        for table in ExportTable::ALL {
            assert_eq!(ExportTable::parse(table.name()), Some(table));
            if table == ExportTable::Tallies {
                continue;
            }
            let sql = table.sql().replace("{selection}", "");
            let stmt = library.conn.prepare(&sql).unwrap();
            assert_eq!(stmt.column_count(), table.columns().len(), "{}", table.name());
        }
    }
}
