//! The receipts behind a figure: the attributions one bar, cell or source
//! of a chart counts, and the figures for the charts themselves that the
//! other modules do not already give (tone distribution, timeline).
//!
//! Every query here takes the same selection as the tallies it explains,
//! so that clicking a bar lists exactly the attributions the bar counted.

use crate::credits::NO_OUTLET;
use crate::query::{filter_sql, tally_filter_sql, tally_table};
use crate::{ArticleFilter, AttributionRecord, Library, Result};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};
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

/// How many analysed articles an outlet published in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimelinePoint {
    pub outlet: String,
    /// The first day of the period, `YYYY-MM-DD`.
    pub start: String,
    /// The last day of the period, `YYYY-MM-DD`, so that a click opens
    /// exactly the articles the point counts.
    pub end: String,
    pub articles: i64,
}

/// How long one point of the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TimelinePeriod {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
}

/// Analysed articles per outlet and period. The period grows with the span
/// of the selection, so that three years of daily coverage by fifty outlets
/// is a chart of a few thousand bars rather than fifty thousand.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timeline {
    pub period: TimelinePeriod,
    pub points: Vec<TimelinePoint>,
}

/// Spans up to this many days are shown by day, up to two years by week,
/// and longer ones by month.
const DAILY_SPAN: i32 = 92;
const WEEKLY_SPAN: i32 = 731;

/// Groups daily counts into the period the span calls for. Days that are
/// not dates (an imported `published` of "2021-13-45") keep a point of
/// their own rather than vanish from the totals.
fn bucket(days: Vec<(String, String, i64)>) -> Timeline {
    use jiff::civil::Date;
    use jiff::ToSpan;
    let parsed: Vec<Option<Date>> = days.iter().map(|(_, day, _)| day.parse::<Date>().ok()).collect();
    let first = parsed.iter().flatten().min().copied();
    let last = parsed.iter().flatten().max().copied();
    let span = match (first, last) {
        (Some(a), Some(b)) => (b - a).get_days(),
        _ => 0,
    };
    let period = if span <= DAILY_SPAN {
        TimelinePeriod::Day
    } else if span <= WEEKLY_SPAN {
        TimelinePeriod::Week
    } else {
        TimelinePeriod::Month
    };
    let range = |date: Date| -> (Date, Date) {
        match period {
            TimelinePeriod::Day => (date, date),
            TimelinePeriod::Week => {
                let monday = date.checked_sub((date.weekday().to_monday_zero_offset() as i64).days()).unwrap_or(date);
                (monday, monday.checked_add(6.days()).unwrap_or(monday))
            }
            TimelinePeriod::Month => (date.first_of_month(), date.last_of_month()),
        }
    };
    let mut totals: std::collections::BTreeMap<(String, String, String), i64> = Default::default();
    for ((outlet, day, articles), date) in days.into_iter().zip(parsed) {
        let (start, end) = match date {
            Some(date) => {
                let (a, b) = range(date);
                (a.to_string(), b.to_string())
            }
            None => (day.clone(), day),
        };
        *totals.entry((start, outlet, end)).or_default() += articles;
    }
    let points = totals
        .into_iter()
        .map(|((start, outlet, end), articles)| TimelinePoint { outlet, start, end, articles })
        .collect();
    Timeline { period, points }
}

/// Past this many attributions, a source's evidence is read article by
/// article, newest first, rather than attribution by attribution (see
/// [`Library::evidence`]). At a million articles, the 51st most cited
/// source had 2,259 attributions and read directly in 0.1 s.
pub(crate) const OFTEN_CITED: i64 = 20_000;

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
        // A much cited source alone (its page, or a click on it): its count
        // is its tally, and its newest attributions are found by reading
        // the articles newest first and looking into each, which stops at
        // the end of the page. Reading all of the source's attributions and
        // sorting them took 3 s for the 652,292 of "Officials" in a million
        // articles; a rarer source is quicker read directly.
        let cited = match query.source_id {
            Some(id) if conditions == " AND t.source_id = ?" => self
                .conn
                .prepare_cached("SELECT attributions FROM source_tallies WHERE source_id = ?1")?
                .query_row([id], |r| r.get::<_, i64>(0))
                .optional()?
                .filter(|&n| n > OFTEN_CITED),
            _ => None,
        };
        let from = if cited.is_some() {
            // `+t.source_id` keeps SQLite from looking into the source's
            // index for each article instead of the article's own, and the
            // date index is named: left to itself, the bundled SQLite read
            // every article by another index and sorted them (8 s).
            format!(
                " FROM articles a INDEXED BY articles_published CROSS JOIN attributions t ON t.article_id = a.id
                  LEFT JOIN outlets o ON o.id = a.outlet_id WHERE 1 {}",
                conditions.replace("t.source_id", "+t.source_id")
            )
        } else {
            format!(
                " FROM attributions t JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                  WHERE 1 {conditions}"
            )
        };
        let total: i64 = match cited {
            Some(n) => n,
            None => self
                .conn
                .prepare_cached(&format!("SELECT count(*){from}"))?
                .query_row(params_from_iter(args.iter()), |r| r.get(0))?,
        };
        let limit = query.limit.unwrap_or(50).min(500);
        // NULL sorts below every date, so "published DESC" puts undated
        // articles last as "published IS NULL" did, and lets the date index
        // give the order.
        let sql = format!(
            "SELECT t.article_id, t.ordinal, a.title, coalesce(o.name, '{NO_OUTLET}'), a.published{from}
             ORDER BY a.published DESC, t.article_id DESC, t.ordinal
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
        let sql = if tally_filter_sql(filter, &mut conditions, &mut args) {
            let tone = tally_table(filter, "tally_tone");
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), t.bin, sum(t.articles) FROM {tone} t
                 LEFT JOIN outlets o ON o.id = t.outlet_id WHERE 1 {conditions}
                 GROUP BY 1, 2 HAVING sum(t.articles) > 0 ORDER BY 1, 2"
            )
        } else {
            filter_sql(filter, &mut conditions, &mut args);
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), min(9, max(0, CAST((an.tone + 1.0) * 5.0 AS INTEGER))), count(*)
                 FROM analyses an JOIN articles a ON a.id = an.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE an.tone IS NOT NULL {conditions} GROUP BY 1, 2 ORDER BY 1, 2"
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(ToneBin { outlet: r.get(0)?, bin: r.get::<_, i64>(1)? as u8, articles: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Analysed articles per outlet and period of publication (see
    /// [`Timeline`]); undated articles are left out because they have no
    /// place on a timeline. Analysed, as every other chart of the dashboard
    /// counts, so that the timeline adds up to the outlets' totals.
    pub fn timeline(&self, filter: &ArticleFilter) -> Result<Timeline> {
        let mut conditions = String::new();
        let mut args = Vec::new();
        let tallied = tally_filter_sql(filter, &mut conditions, &mut args);
        if tallied && tally_table(filter, "tally_analyses") == "tally_analyses_month" {
            // Over more than two years the points are months anyway, so the
            // month tally gives them without reading every day.
            let (first, last): (Option<String>, Option<String>) = self.conn.query_row(
                &format!(
                    "SELECT min(t.month), max(t.month) FROM tally_analyses_month t
                     WHERE t.month <> '' AND t.articles > 0 {conditions}"
                ),
                params_from_iter(args.iter()),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let month_number = |m: &str| -> Option<i64> {
                Some(m.get(..4)?.parse::<i64>().ok()? * 12 + m.get(5..7)?.parse::<i64>().ok()?)
            };
            if let (Some(a), Some(b)) =
                (first.as_deref().and_then(month_number), last.as_deref().and_then(month_number))
            {
                if b - a >= 25 {
                    let sql = format!(
                        "SELECT coalesce(o.name, '{NO_OUTLET}'), t.month || '-01', sum(t.articles) FROM tally_analyses_month t
                         LEFT JOIN outlets o ON o.id = t.outlet_id WHERE t.month <> '' {conditions}
                         GROUP BY 1, 2 HAVING sum(t.articles) > 0"
                    );
                    let mut stmt = self.conn.prepare_cached(&sql)?;
                    let months = stmt
                        .query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                        .collect::<rusqlite::Result<Vec<(String, String, i64)>>>()?;
                    return Ok(bucket(months));
                }
            }
        }
        let sql = if tallied {
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), t.day, sum(t.articles) FROM tally_analyses t
                 LEFT JOIN outlets o ON o.id = t.outlet_id WHERE t.day <> '' {conditions}
                 GROUP BY 1, 2 HAVING sum(t.articles) > 0"
            )
        } else {
            filter_sql(filter, &mut conditions, &mut args);
            format!(
                "SELECT coalesce(o.name, '{NO_OUTLET}'), substr(a.published, 1, 10), count(*)
                 FROM articles a JOIN analyses an ON an.article_id = a.id LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE a.published IS NOT NULL AND a.published <> '' {conditions} GROUP BY 1, 2"
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let days = stmt
            .query_map(params_from_iter(args.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(String, String, i64)>>>()?;
        Ok(bucket(days))
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
        Ok(self
            .conn
            .prepare_cached(
                // From the source's tally (migration 0016): counting the
                // attributions of the most cited source of a million
                // articles took 7 s.
                "SELECT s.id, s.canonical, s.source_type, s.country, coalesce(t.attributions, 0),
                        coalesce(t.articles, 0)
                 FROM sources s LEFT JOIN source_tallies t ON t.source_id = s.id WHERE s.id = ?1",
            )?
            .query_row([id], crate::analyses::source_record)
            .optional()?)
    }

    /// Who cites a source and how: per outlet, the attributions, the
    /// articles, how many relay it second-hand, and the stance of the cues.
    pub fn source_citations(&self, id: i64) -> Result<Vec<SourceCitations>> {
        // From the source's tallies by outlet (migration 0017): reading
        // every attribution of "Officials" in a million articles, each
        // joined to its article, took 20 s.
        self.citations_from(
            "SELECT coalesce(o.name, ?2), sum(t.attributions), sum(t.articles), sum(t.relayed),
                    sum(t.neutral), sum(t.distancing), sum(t.endorsing), sum(t.negative)
             FROM source_outlet_tallies t LEFT JOIN outlets o ON o.id = t.outlet_id
             WHERE t.source_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1",
            id,
        )
    }

    /// [`Library::source_citations`] counted from the attributions
    /// themselves, to check the tallies against.
    #[doc(hidden)]
    pub fn source_citations_by_scan(&self, id: i64) -> Result<Vec<SourceCitations>> {
        self.citations_from(
            "SELECT coalesce(o.name, ?2), count(*), count(DISTINCT t.article_id),
                    sum(t.depth >= 2), sum(t.stance = 'neutral'), sum(t.stance = 'distancing'),
                    sum(t.stance = 'endorsing'), sum(t.stance = 'negative')
             FROM attributions t JOIN articles a ON a.id = t.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE t.source_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1",
            id,
        )
    }

    /// The rows of `sql` (eight columns, the source as `?1` and the label of
    /// articles with no outlet as `?2`) as citations by outlet.
    fn citations_from(&self, sql: &str, id: i64) -> Result<Vec<SourceCitations>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![id, NO_OUTLET], |r| {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn days(list: &[(&str, &str, i64)]) -> Vec<(String, String, i64)> {
        list.iter().map(|(o, d, n)| (o.to_string(), d.to_string(), *n)).collect()
    }

    fn shown(timeline: &Timeline) -> String {
        let mut out = format!("{:?}\n", timeline.period);
        for p in &timeline.points {
            out.push_str(&format!("{} {}..{} {}\n", p.outlet, p.start, p.end, p.articles));
        }
        out
    }

    #[test]
    fn the_timeline_period_grows_with_the_span() {
        let short = bucket(days(&[("BBC", "2024-03-01", 2), ("TASS", "2024-03-01", 1), ("BBC", "2024-03-04", 1)]));
        expect_test::expect![[r#"
            Day
            BBC 2024-03-01..2024-03-01 2
            TASS 2024-03-01..2024-03-01 1
            BBC 2024-03-04..2024-03-04 1
        "#]]
        .assert_eq(&shown(&short));
        // 2024-03-04 is a Monday: the 3rd falls in the week before.
        let year = bucket(days(&[
            ("BBC", "2024-03-03", 1),
            ("BBC", "2024-03-04", 2),
            ("BBC", "2024-03-10", 3),
            ("BBC", "2024-12-31", 1),
        ]));
        expect_test::expect![[r#"
            Week
            BBC 2024-02-26..2024-03-03 1
            BBC 2024-03-04..2024-03-10 5
            BBC 2024-12-30..2025-01-05 1
        "#]]
        .assert_eq(&shown(&year));
        let years = bucket(days(&[
            ("BBC", "2021-02-28", 1),
            ("BBC", "2021-02-01", 1),
            ("BBC", "2024-02-29", 4),
            ("AP", "not a day", 1),
        ]));
        expect_test::expect![[r#"
            Month
            BBC 2021-02-01..2021-02-28 2
            BBC 2024-02-01..2024-02-29 4
            AP not a day..not a day 1
        "#]]
        .assert_eq(&shown(&years));
    }
}
