//! `relevance()`: bm25 ranking of full-text matches that does not count
//! every article holding a common phrase before it ranks the first match.
//!
//! FTS5's own `bm25()` weighs each phrase of a query by its inverse document
//! frequency, and to know that frequency it reads every article that holds
//! the phrase. For "according to" in a library of a million articles that
//! is 492,263 articles, position by position: 92 of the 101 ms of a search
//! for `"according to" AND word`, which itself matched a few hundred.
//!
//! `relevance(articles_fts, last_rowid, weight...)` gives the same score,
//! with one difference: it stops counting a phrase after [`SAMPLE`]
//! articles and estimates the rest. FTS5 hands the articles to the count in
//! rowid order, so the rowids of the first and the last counted give the
//! phrase's density, and the rowids still ahead (up to `last_rowid`, the
//! largest rowid of the table) are assumed to hold the phrase at that
//! density. A phrase in fewer than [`SAMPLE`] articles is counted exactly,
//! and then the score is bm25's to the last bit (the tests compare them). A
//! phrase in more is common, so its weight changes slowly with its count:
//! for a phrase in 1 to 5% of the articles, an estimate off by a fifth
//! moves its weight by 4 to 7%. Over a million articles the best score of
//! each query in the suite moved by at most 5%, and the top 50 kept 48 to
//! 50 of bm25's.
//!
//! The weights after `last_rowid` are the columns' weights, as for `bm25()`.
//! The score is negative, smaller for a better match, as `bm25()`'s is, so
//! `ORDER BY relevance(...)` puts the best first.
//!
//! This is the library's one use of SQLite's C API: FTS5 offers ranking
//! functions only through it, and rusqlite does not wrap it.

use rusqlite::ffi;
use rusqlite::Connection;
use std::ffi::{c_int, c_void};
use std::ptr;

/// How many articles holding a phrase are counted before the rest are
/// estimated. Counting 10,000 matches of "according to" in `sqlite3` took
/// 3 ms, against 68 ms for all 492,263 over a million articles.
pub(crate) const SAMPLE: i64 = 5_000;

/// The SQL that ranks a match of `articles_fts`: titles weigh five times
/// the body, as they always have. The largest rowid is a lookup at the end
/// of the primary key, made once per statement.
pub(crate) const RANK_SQL: &str = "relevance(articles_fts, (SELECT max(id) FROM articles), 5.0, 1.0)";

/// What the function keeps per connection: how many matches it counts.
struct Settings {
    sample: i64,
}

/// What the function works out once per query: the table's average length
/// and each phrase's weight, with room for one row's phrase counts.
struct Corpus {
    average_length: f64,
    weights: Vec<f64>,
    counts: Vec<f64>,
}

/// The count of one phrase's articles, stopped at `limit`.
struct Count {
    hits: i64,
    first: i64,
    last: i64,
    limit: i64,
}

/// Registers `relevance()` on `conn`, counting at most `sample` articles a
/// phrase.
pub(crate) fn register(conn: &Connection, sample: i64) -> rusqlite::Result<()> {
    let api = fts5_api(conn)?;
    let settings = Box::into_raw(Box::new(Settings { sample: sample.max(1) }));
    // SAFETY: `api` is the live FTS5 API of this connection (checked not
    // null), and FTS5 owns `settings` from here on: it calls
    // `drop_settings` when the function is replaced or the connection
    // closes.
    let rc = unsafe {
        match (*api).xCreateFunction {
            Some(create) => create(api, c"relevance".as_ptr(), settings.cast(), Some(relevance), Some(drop_settings)),
            None => ffi::SQLITE_MISUSE,
        }
    };
    if rc != ffi::SQLITE_OK {
        // SAFETY: FTS5 did not take the settings, so they are still ours.
        drop(unsafe { Box::from_raw(settings) });
        return Err(failure(rc, "cannot register the relevance function"));
    }
    Ok(())
}

/// The FTS5 API of a connection, as FTS5 documents getting it: a pointer
/// bound to `SELECT fts5(?1)`.
fn fts5_api(conn: &Connection) -> rusqlite::Result<*mut ffi::fts5_api> {
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    // SAFETY: the statement is prepared, bound, stepped and finalised on
    // this connection's handle while `conn` is borrowed, and the bound
    // pointer is to `api`, which outlives the statement.
    let rc = unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let mut rc = ffi::sqlite3_prepare_v2(db, c"SELECT fts5(?1)".as_ptr(), -1, &mut stmt, ptr::null_mut());
        if rc == ffi::SQLITE_OK {
            rc = ffi::sqlite3_bind_pointer(stmt, 1, ptr::addr_of_mut!(api).cast(), c"fts5_api_ptr".as_ptr(), None);
            if rc == ffi::SQLITE_OK {
                rc = ffi::sqlite3_step(stmt);
                if rc == ffi::SQLITE_ROW {
                    rc = ffi::SQLITE_OK;
                }
            }
        }
        ffi::sqlite3_finalize(stmt);
        rc
    };
    if rc != ffi::SQLITE_OK || api.is_null() {
        return Err(failure(if rc == ffi::SQLITE_OK { ffi::SQLITE_ERROR } else { rc }, "FTS5 is not available"));
    }
    Ok(api)
}

fn failure(rc: c_int, message: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(message.to_string()))
}

unsafe extern "C" fn drop_settings(settings: *mut c_void) {
    // SAFETY: this is the pointer `register` made with `Box::into_raw`,
    // handed back once by FTS5.
    drop(unsafe { Box::from_raw(settings.cast::<Settings>()) });
}

unsafe extern "C" fn drop_corpus(corpus: *mut c_void) {
    // SAFETY: this is the pointer `corpus` made with `Box::into_raw`,
    // handed back once by FTS5 when the query ends.
    drop(unsafe { Box::from_raw(corpus.cast::<Corpus>()) });
}

/// The function FTS5 calls for each row. Errors go back to SQLite as its
/// codes; nothing here can panic across the C boundary.
unsafe extern "C" fn relevance(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    arguments: c_int,
    values: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 passes its API, the cursor's context and `arguments`
    // values, all valid for this call.
    unsafe {
        let values: &[*mut ffi::sqlite3_value] = if values.is_null() || arguments <= 0 {
            &[]
        } else {
            std::slice::from_raw_parts(values, arguments as usize)
        };
        match score(&*api, fts, values) {
            Ok(score) => ffi::sqlite3_result_double(ctx, -score),
            Err(rc) => ffi::sqlite3_result_error_code(ctx, rc),
        }
    }
}

/// bm25 with FTS5's constants, in the same order of operations as
/// `fts5Bm25Function`, so that exact counts give bm25's score exactly.
unsafe fn score(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    values: &[*mut ffi::sqlite3_value],
) -> Result<f64, c_int> {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    // SAFETY (whole body): FTS5's API called as documented, on the context
    // of this call; the corpus is ours, kept by FTS5 for this query.
    unsafe {
        let corpus = &mut *corpus(api, fts, values.first().copied())?;
        corpus.counts.iter_mut().for_each(|count| *count = 0.0);
        let mut instances: c_int = 0;
        check(call(api.xInstCount)?(fts, &mut instances))?;
        let inst = call(api.xInst)?;
        for i in 0..instances {
            let (mut phrase, mut column, mut offset) = (0, 0, 0);
            check(inst(fts, i, &mut phrase, &mut column, &mut offset))?;
            // Column weights follow the largest rowid among the arguments.
            let weight = match values.get(column as usize + 1) {
                Some(&value) if column >= 0 => ffi::sqlite3_value_double(value),
                _ => 1.0,
            };
            if let Some(count) = corpus.counts.get_mut(phrase as usize) {
                *count += weight;
            }
        }
        let mut tokens: c_int = 0;
        check(call(api.xColumnSize)?(fts, -1, &mut tokens))?;
        let length = tokens as f64;
        let mut score = 0.0;
        for (weight, &count) in corpus.weights.iter().zip(&corpus.counts) {
            score += weight * ((count * (K1 + 1.0)) / (count + K1 * (1.0 - B + B * length / corpus.average_length)));
        }
        Ok(score)
    }
}

/// This query's corpus figures, worked out on its first row.
unsafe fn corpus(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    last_rowid: Option<*mut ffi::sqlite3_value>,
) -> Result<*mut Corpus, c_int> {
    // SAFETY (whole body): as in `score`; the settings are the pointer
    // `register` gave FTS5, alive while the function is registered.
    unsafe {
        let kept = call(api.xGetAuxdata)?(fts, 0);
        if !kept.is_null() {
            return Ok(kept.cast());
        }
        let settings = &*call(api.xUserData)?(fts).cast::<Settings>();
        let mut rows: i64 = 0;
        check(call(api.xRowCount)?(fts, &mut rows))?;
        let mut tokens: i64 = 0;
        check(call(api.xColumnTotalSize)?(fts, -1, &mut tokens))?;
        let last_rowid = match last_rowid {
            Some(value) if ffi::sqlite3_value_type(value) == ffi::SQLITE_INTEGER => ffi::sqlite3_value_int64(value),
            // Without it nothing lies ahead of the count, which then
            // stands as it is.
            _ => i64::MIN,
        };
        let phrases = call(api.xPhraseCount)?(fts).max(0);
        let query_phrase = call(api.xQueryPhrase)?;
        let mut weights = Vec::with_capacity(phrases as usize);
        for phrase in 0..phrases {
            let mut count = Count { hits: 0, first: 0, last: 0, limit: settings.sample };
            check(query_phrase(fts, phrase, ptr::addr_of_mut!(count).cast(), Some(count_article)))?;
            let hits = estimate(&count, last_rowid, rows);
            // bm25's inverse document frequency, floored as FTS5 floors it
            // so that a phrase in over half the articles still counts.
            let weight = ((rows as f64 - hits) + 0.5) / (hits + 0.5);
            let weight = weight.ln();
            weights.push(if weight <= 0.0 { 1e-6 } else { weight });
        }
        let corpus = Box::into_raw(Box::new(Corpus {
            average_length: tokens as f64 / rows as f64,
            counts: vec![0.0; weights.len()],
            weights,
        }));
        let rc = call(api.xSetAuxdata)?(fts, corpus.cast(), Some(drop_corpus));
        // FTS5 frees what it could not keep, so the pointer is gone on
        // failure either way.
        check(rc)?;
        Ok(corpus)
    }
}

/// The number of articles holding a phrase: counted when under the limit,
/// else the counted ones plus the rowids still ahead at the density of the
/// counted stretch, and never more than the table has.
fn estimate(count: &Count, last_rowid: i64, rows: i64) -> f64 {
    if count.hits < count.limit || last_rowid <= count.last {
        return count.hits as f64;
    }
    let stretch = (count.last - count.first) as f64 + 1.0;
    let ahead = (last_rowid - count.last) as f64;
    (count.hits as f64 + count.hits as f64 / stretch * ahead).min(rows as f64)
}

/// FTS5 calls this for each article holding the phrase, in rowid order.
unsafe extern "C" fn count_article(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    count: *mut c_void,
) -> c_int {
    // SAFETY: `count` is the `Count` `corpus` passed to xQueryPhrase, alive
    // for that call, and `api` and `fts` are valid for this one.
    unsafe {
        let count = &mut *count.cast::<Count>();
        let Some(rowid) = (*api).xRowid else { return ffi::SQLITE_MISUSE };
        let rowid = rowid(fts);
        if count.hits == 0 {
            count.first = rowid;
        }
        count.last = rowid;
        count.hits += 1;
        if count.hits >= count.limit {
            ffi::SQLITE_DONE
        } else {
            ffi::SQLITE_OK
        }
    }
}

/// An entry of FTS5's API table, or SQLITE_MISUSE when this FTS5 lacks it.
fn call<F>(entry: Option<F>) -> Result<F, c_int> {
    entry.ok_or(ffi::SQLITE_MISUSE)
}

fn check(rc: c_int) -> Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of `rows` short articles, where article `i` holds "common"
    /// when `common(i)` (in the title too every 7th), "rare" every 97th, and the phrase "according to"
    /// every third.
    fn table(rows: i64, common: impl Fn(i64) -> bool) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT);
             CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');",
        )
        .unwrap();
        let tx = conn.unchecked_transaction().unwrap();
        {
            let mut insert = tx.prepare("INSERT INTO articles (id, title, body) VALUES (?1, ?2, ?3)").unwrap();
            for i in 1..=rows {
                let mut body = format!("story {i} of the day");
                for _ in 0..(i % 5) {
                    body.push_str(" with more words");
                }
                if common(i) {
                    body.push_str(" common");
                }
                if i % 97 == 0 {
                    body.push_str(" rare rare");
                }
                if i % 3 == 0 {
                    body.push_str(", according to officials");
                }
                let title = if common(i) && i % 7 == 0 { "common title" } else { "title" };
                insert.execute(rusqlite::params![i, title, body]).unwrap();
            }
        }
        tx.execute_batch("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')").unwrap();
        tx.commit().unwrap();
        conn
    }

    fn scores(conn: &Connection, rank: &str, query: &str) -> Vec<(i64, f64)> {
        let sql = format!("SELECT rowid, {rank} FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid");
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt.query_map([query], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn counted_phrases_score_exactly_as_bm25() {
        let conn = table(600, |i| i % 2 == 0);
        register(&conn, SAMPLE).unwrap();
        let queries = [
            "common",
            "rare",
            "\"according to\" AND rare",
            "common OR rare",
            "common NOT rare",
            "title:common",
            "comm*",
            "NEAR(according officials, 2)",
            "story AND \"of the day\" AND common",
        ];
        for query in queries {
            let ours = scores(&conn, RANK_SQL, query);
            let theirs = scores(&conn, "bm25(articles_fts, 5.0, 1.0)", query);
            assert!(!ours.is_empty(), "{query} matches nothing");
            assert_eq!(ours, theirs, "{query}");
        }
    }

    #[test]
    fn sampled_phrases_keep_the_order_and_come_close() {
        // Half the articles hold "common", evenly spread: counting the
        // first 50 must estimate about 1,000 of 2,000.
        let conn = table(2_000, |i| i % 2 == 0);
        register(&conn, 50).unwrap();
        for query in ["common", "\"according to\"", "\"according to\" AND common"] {
            let ours = scores(&conn, RANK_SQL, query);
            let theirs = scores(&conn, "bm25(articles_fts, 5.0, 1.0)", query);
            assert_eq!(ours.len(), theirs.len(), "{query}");
            for ((id, ours), (_, theirs)) in ours.iter().zip(&theirs) {
                assert!((ours - theirs).abs() <= theirs.abs() * 0.05, "{query}: #{id} {ours} against {theirs}");
            }
        }
        // A one-phrase query ranks exactly as bm25 whatever the estimate,
        // since its weight multiplies every score alike.
        let order = |rank: &str| -> Vec<i64> {
            let sql = format!(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'common' ORDER BY {rank}, rowid LIMIT 40"
            );
            let mut stmt = conn.prepare(&sql).unwrap();
            let rows = stmt.query_map([], |r| r.get(0)).unwrap();
            rows.collect::<rusqlite::Result<_>>().unwrap()
        };
        assert_eq!(order(RANK_SQL), order("bm25(articles_fts, 5.0, 1.0)"));
    }

    #[test]
    fn a_phrase_of_recent_articles_is_estimated_from_its_own_stretch() {
        // "common" is in every article from 1,501 on: 500 of 2,000. Its
        // first 50 lie in rowids 1,501 to 1,550, so the estimate must not
        // read them as 50 in the first 1,550 rowids.
        let count = Count { hits: 50, first: 1_501, last: 1_550, limit: 50 };
        assert_eq!(estimate(&count, 2_000, 2_000), 500.0);
        // Under the limit the count is exact, and it never passes the rows.
        assert_eq!(estimate(&Count { hits: 7, first: 3, last: 90, limit: 50 }, 2_000, 2_000), 7.0);
        assert_eq!(estimate(&Count { hits: 50, first: 1, last: 2, limit: 50 }, 2_000, 1_000), 1_000.0);
        let conn = table(2_000, |i| i > 1_500);
        register(&conn, 50).unwrap();
        let ours = scores(&conn, RANK_SQL, "common");
        let theirs = scores(&conn, "bm25(articles_fts, 5.0, 1.0)", "common");
        assert_eq!(ours.len(), 500);
        for ((_, ours), (_, theirs)) in ours.iter().zip(&theirs) {
            assert!((ours - theirs).abs() <= theirs.abs() * 1e-9, "{ours} against {theirs}");
        }
    }

    #[test]
    fn without_the_largest_rowid_nothing_is_estimated() {
        let conn = table(300, |i| i % 2 == 0);
        register(&conn, 10).unwrap();
        let ours = scores(&conn, "relevance(articles_fts, NULL, 5.0, 1.0)", "common");
        let theirs = scores(&conn, "bm25(articles_fts, 5.0, 1.0)", "common");
        // With no largest rowid, nothing is ahead of the count to estimate,
        // so a sampled phrase counts as `limit` articles: still a valid score.
        assert_eq!(ours.len(), theirs.len());
        assert!(ours.iter().all(|(_, s)| s.is_finite() && *s < 0.0));
    }
}
