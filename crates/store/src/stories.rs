//! Stories in the library: which articles cover the same event, the
//! candidates grouping compares an article with, and a person's corrections.
//!
//! Grouping itself (what is similar enough) is the API's and the core's;
//! this module keeps the result. An article is in at most one story. The
//! corrections (merge, split, move) pin the articles they place and are
//! logged in `story_edits`; [`Library::write_grouping`] never moves a pinned
//! article, so grouping again cannot undo a person's decision.

use crate::query::{filter_sql, ArticleFilter};
use crate::{now, Library, Result, StoreError};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};
use serde::Serialize;
use sourcetrace_core::fasthash::FastMap;
use std::collections::HashMap;

/// An article of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoryArticle {
    pub id: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// A person put the article in this story; grouping leaves it there.
    pub pinned: bool,
    /// Similarity to the story when grouping placed the article.
    pub similarity: Option<f64>,
}

/// A story and its articles, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Story {
    pub id: i64,
    pub label: String,
    pub articles: Vec<StoryArticle>,
}

/// Where grouping found an article: its story and whether it is pinned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Membership {
    pub article_id: i64,
    pub story_id: i64,
    pub pinned: bool,
    pub published: Option<String>,
}

/// A correction as logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoryEdit {
    pub id: i64,
    pub at: String,
    pub action: String,
    pub story_id: i64,
    pub detail: serde_json::Value,
}

/// A story a grouping run places articles in: one that exists, or the
/// `n`th new one of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoryRef {
    Existing(i64),
    New(usize),
}

/// One article placed by grouping.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub article_id: i64,
    pub story: StoryRef,
    pub similarity: Option<f64>,
}

/// The outcome of a grouping run, written in one transaction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupingPlan {
    /// Release every unpinned article first (a full regroup); otherwise
    /// only articles in no story are placed.
    pub regroup: bool,
    pub placements: Vec<Placement>,
    /// The label of every story the run created or changed.
    pub labels: Vec<(StoryRef, String)>,
}

impl Library {
    /// Every article's story, with its publication date.
    pub fn story_memberships(&self) -> Result<Vec<Membership>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sa.article_id, sa.story_id, sa.pinned, a.published
             FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.article_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Membership { article_id: r.get(0)?, story_id: r.get(1)?, pinned: r.get(2)?, published: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The articles a grouping run places, oldest first and undated last:
    /// those in no story, or with `regroup` every article not pinned.
    pub fn articles_to_group(&self, regroup: bool) -> Result<Vec<(i64, Option<String>)>> {
        let sql = if regroup {
            "SELECT a.id, a.published FROM articles a
             WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id AND sa.pinned = 1)
             ORDER BY a.published IS NULL, a.published, a.id"
        } else {
            "SELECT a.id, a.published FROM articles a
             WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)
             ORDER BY a.published IS NULL, a.published, a.id"
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An article's title and text, for reading its words.
    pub fn article_words(&self, id: i64) -> Result<Option<(Option<String>, String)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT title, text FROM articles WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// An article's title alone, without reading its text: `None` when the
    /// article has no title or does not exist.
    pub fn article_title(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT title FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// How many articles contain a term of the full-text index (folded as
    /// the index folds it).
    pub fn document_frequency(&self, term: &str) -> Result<u64> {
        let doc: Option<i64> = self
            .conn
            .prepare_cached("SELECT doc FROM articles_vocab WHERE term = ?1")?
            .query_row([term], |r| r.get(0))
            .optional()?;
        Ok(doc.unwrap_or(0).max(0) as u64)
    }

    /// Every term of the full-text index with the number of articles that
    /// contain it: one pass over the index, cheaper than looking words up
    /// one by one when a run reads many articles.
    pub fn document_frequencies(&self) -> Result<FastMap<String, u64>> {
        let mut stmt = self.conn.prepare_cached("SELECT term, doc FROM articles_vocab")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// "More like this": the articles the full-text index ranks best (bm25,
    /// titles weighted five times the body, see `relevance.rs`) for any of
    /// `terms`, other than `article_id`, at most `limit`. With a date and a
    /// window, only articles published within `window_days` of it, or
    /// undated.
    pub fn story_candidates(
        &self,
        article_id: i64,
        terms: &[&str],
        published: Option<&str>,
        window_days: Option<u32>,
        limit: usize,
    ) -> Result<Vec<i64>> {
        // Terms are letters and digits only (the core folds them so), but
        // quoting keeps words such as "and" or "near" from being operators.
        let query: Vec<String> =
            terms.iter().filter(|t| !t.is_empty()).map(|t| format!("\"{}\"", t.replace('"', ""))).collect();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let published = published.filter(|_| window_days.is_some());
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND a.id != ?2
               AND (date(?3) IS NULL OR date(a.published) IS NULL
                    OR date(a.published) BETWEEN date(?3, ?4) AND date(?3, ?5))
             ORDER BY {}, a.id LIMIT ?6",
            crate::relevance::RANK_SQL
        ))?;
        let days = window_days.unwrap_or(0);
        let rows = stmt.query_map(
            params![
                query.join(" OR "),
                article_id,
                published,
                format!("-{days} days"),
                format!("+{days} days"),
                limit as i64
            ],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a grouping run in one transaction and returns the ids of the
    /// stories it created, in the order of [`StoryRef::New`]. A regroup first
    /// releases every unpinned article; stories left with no article are
    /// removed at the end, so a regroup may place articles in a story it
    /// released (that is how a regrouped story keeps its id).
    pub fn write_grouping(&mut self, plan: &GroupingPlan) -> Result<Vec<i64>> {
        let tx = self.conn.transaction()?;
        let at = now();
        if plan.regroup {
            tx.execute("DELETE FROM story_articles WHERE pinned = 0", [])?;
        }
        let labels: HashMap<StoryRef, &str> = plan.labels.iter().map(|(s, l)| (*s, l.as_str())).collect();
        let mut created: Vec<i64> = Vec::new();
        let mut resolve = |tx: &Transaction, story: StoryRef| -> Result<i64> {
            let label = labels.get(&story).copied().unwrap_or("");
            match story {
                StoryRef::Existing(id) => {
                    tx.prepare_cached(
                        "INSERT INTO stories (id, label, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
                         ON CONFLICT (id) DO NOTHING",
                    )?
                    .execute(params![id, label, at])?;
                    Ok(id)
                }
                StoryRef::New(n) => {
                    while created.len() <= n {
                        tx.prepare_cached("INSERT INTO stories (label, created_at, updated_at) VALUES ('', ?1, ?1)")?
                            .execute([&at])?;
                        created.push(tx.last_insert_rowid());
                    }
                    Ok(created[n])
                }
            }
        };
        for p in &plan.placements {
            let story = resolve(&tx, p.story)?;
            // A pinned article stays where a person put it, whatever the
            // plan says.
            tx.prepare_cached(
                "INSERT INTO story_articles (article_id, story_id, pinned, similarity, added_at)
                 VALUES (?1, ?2, 0, ?3, ?4)
                 ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, similarity = excluded.similarity,
                     added_at = excluded.added_at
                 WHERE story_articles.pinned = 0",
            )?
            .execute(params![p.article_id, story, p.similarity, at])?;
        }
        for (story, label) in &plan.labels {
            let id = resolve(&tx, *story)?;
            tx.prepare_cached("UPDATE stories SET label = ?2, updated_at = ?3 WHERE id = ?1")?
                .execute(params![id, label, at])?;
        }
        tx.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)", [])?;
        tx.commit()?;
        Ok(created)
    }

    /// Stories with at least one article matching the filter (outlet,
    /// dates, collection), the most recent first; each with all of its
    /// articles. The filter's limit counts stories.
    pub fn stories(&self, filter: &ArticleFilter) -> Result<Vec<Story>> {
        let mut sql = String::from(
            "SELECT s.id, s.label, max(a.published) AS latest
             FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
             WHERE 1",
        );
        let mut args: Vec<Value> = Vec::new();
        filter_sql(filter, &mut sql, &mut args);
        sql.push_str(" GROUP BY s.id ORDER BY latest IS NULL, latest DESC, s.id DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit} OFFSET {}", filter.offset));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let heads: Vec<(i64, String)> =
            stmt.query_map(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        heads.into_iter().map(|(id, label)| Ok(Story { id, label, articles: self.story_articles(id)? })).collect()
    }

    /// How many stories hold at least one article: what
    /// `stories(&ArticleFilter::default()).len()` says, without reading
    /// every story's articles.
    pub fn story_count(&self) -> Result<u64> {
        let count: i64 = self
            .conn
            .prepare_cached("SELECT count(DISTINCT story_id) FROM story_articles")?
            .query_row([], |r| r.get(0))?;
        Ok(count as u64)
    }

    /// One story with its articles.
    pub fn story(&self, id: i64) -> Result<Option<Story>> {
        let label: Option<String> = self
            .conn
            .prepare_cached("SELECT label FROM stories WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(label) = label else { return Ok(None) };
        Ok(Some(Story { id, label, articles: self.story_articles(id)? }))
    }

    fn story_articles(&self, story: i64) -> Result<Vec<StoryArticle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.url, o.name, a.title, a.published, sa.pinned, sa.similarity
             FROM story_articles sa JOIN articles a ON a.id = sa.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE sa.story_id = ?1 ORDER BY a.published IS NULL, a.published, a.id",
        )?;
        let rows = stmt.query_map([story], |r| {
            Ok(StoryArticle {
                id: r.get(0)?,
                url: r.get(1)?,
                outlet: r.get(2)?,
                title: r.get(3)?,
                published: r.get(4)?,
                pinned: r.get(5)?,
                similarity: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Articles in no story yet.
    pub fn ungrouped_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Sets stories' labels.
    pub fn set_story_labels(&mut self, labels: &[(i64, String)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        let at = now();
        for (id, label) in labels {
            tx.prepare_cached("UPDATE stories SET label = ?2, updated_at = ?3 WHERE id = ?1")?
                .execute(params![id, label, at])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Merges `others` into `into`: every article of them joins `into`, and
    /// every article of the merged story is pinned there.
    pub fn merge_stories(&mut self, into: i64, others: &[i64]) -> Result<()> {
        let tx = self.conn.transaction()?;
        require_story(&tx, into)?;
        for &other in others {
            if other == into {
                return Err(StoreError::Invalid(format!("story #{into} cannot be merged into itself")));
            }
            require_story(&tx, other)?;
        }
        for &other in others {
            tx.prepare_cached("UPDATE story_articles SET story_id = ?1 WHERE story_id = ?2")?.execute([into, other])?;
            tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?.execute([other])?;
        }
        pin_story(&tx, into)?;
        log_edit(&tx, "merge", into, serde_json::json!({ "into": into, "merged": others }))?;
        tx.commit()?;
        Ok(())
    }

    /// Takes `articles` out of `story` into a new story and returns its id.
    /// Both stories' articles are pinned, so that grouping again cannot put
    /// them back together.
    pub fn split_story(&mut self, story: i64, articles: &[i64]) -> Result<i64> {
        let tx = self.conn.transaction()?;
        require_story(&tx, story)?;
        let members: Vec<i64> = tx
            .prepare_cached("SELECT article_id FROM story_articles WHERE story_id = ?1")?
            .query_map([story], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for &article in articles {
            if !members.contains(&article) {
                return Err(not_in_story(&tx, article, story)?);
            }
        }
        if members.iter().all(|m| articles.contains(m)) {
            return Err(StoreError::Invalid(format!(
                "splitting every article out of story #{story} would leave it empty; name only the articles to take out"
            )));
        }
        let new = new_story(&tx, articles[0])?;
        for &article in articles {
            tx.prepare_cached(
                "UPDATE story_articles SET story_id = ?1, pinned = 1, similarity = NULL WHERE article_id = ?2",
            )?
            .execute([new, article])?;
        }
        pin_story(&tx, story)?;
        log_edit(&tx, "split", new, serde_json::json!({ "from": story, "into": new, "articles": articles }))?;
        tx.commit()?;
        Ok(new)
    }

    /// Moves an article into `story` (a new story of its own with `None`)
    /// and pins it there; returns the story's id. A story the move leaves
    /// empty is removed.
    pub fn move_article(&mut self, article: i64, story: Option<i64>) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let exists: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)")?
            .query_row([article], |r| r.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(format!("article #{article} does not exist")));
        }
        let from: Option<i64> = tx
            .prepare_cached("SELECT story_id FROM story_articles WHERE article_id = ?1")?
            .query_row([article], |r| r.get(0))
            .optional()?;
        let to = match story {
            Some(id) => {
                require_story(&tx, id)?;
                id
            }
            None => new_story(&tx, article)?,
        };
        tx.prepare_cached(
            "INSERT INTO story_articles (article_id, story_id, pinned, similarity, added_at) VALUES (?1, ?2, 1, NULL, ?3)
             ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, pinned = 1, similarity = NULL,
                 added_at = excluded.added_at",
        )?
        .execute(params![article, to, now()])?;
        if let Some(from) = from.filter(|&f| f != to) {
            tx.prepare_cached(
                "DELETE FROM stories WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = ?1)",
            )?
            .execute([from])?;
        }
        log_edit(&tx, "move", to, serde_json::json!({ "article": article, "from": from, "to": to }))?;
        tx.commit()?;
        Ok(to)
    }

    /// The grouping settings last chosen for this library (`meta` rows
    /// `stories.threshold` and `stories.window_days`, where a window of
    /// `any` means no date restriction), if any.
    pub fn story_settings(&self) -> Result<(Option<f64>, Option<Option<u32>>)> {
        let get = |key: &str| -> Result<Option<String>> {
            Ok(self
                .conn
                .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
                .query_row([key], |r| r.get(0))
                .optional()?)
        };
        let threshold = get("stories.threshold")?.and_then(|v| v.parse().ok());
        let window = get("stories.window_days")?.map(|v| v.parse().ok());
        Ok((threshold, window))
    }

    /// Keeps grouping settings for later runs (`analyze` groups new
    /// articles with them).
    pub fn set_story_settings(&mut self, threshold: f64, window_days: Option<u32>) -> Result<()> {
        let tx = self.conn.transaction()?;
        let window = window_days.map_or_else(|| "any".to_string(), |d| d.to_string());
        for (key, value) in [("stories.threshold", threshold.to_string()), ("stories.window_days", window)] {
            tx.prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute([key, value.as_str()])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The corrections made to stories, oldest first.
    pub fn story_edits(&self) -> Result<Vec<StoryEdit>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT id, at, action, story_id, detail FROM story_edits ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            let detail: String = r.get(4)?;
            Ok(StoryEdit {
                id: r.get(0)?,
                at: r.get(1)?,
                action: r.get(2)?,
                story_id: r.get(3)?,
                detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::Null),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn require_story(tx: &Transaction, id: i64) -> Result<()> {
    let exists: bool =
        tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?1)")?.query_row([id], |r| r.get(0))?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::NotFound(format!("story #{id} does not exist (see `sourcetrace stories`)")))
    }
}

/// The error for an article named as part of a story it is not in, saying
/// where the article is.
fn not_in_story(tx: &Transaction, article: i64, story: i64) -> Result<StoreError> {
    let exists: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)")?
        .query_row([article], |r| r.get(0))?;
    if !exists {
        return Ok(StoreError::NotFound(format!("article #{article} does not exist")));
    }
    let actual: Option<i64> = tx
        .prepare_cached("SELECT story_id FROM story_articles WHERE article_id = ?1")?
        .query_row([article], |r| r.get(0))
        .optional()?;
    let where_it_is = match actual {
        Some(other) => format!("it is in story #{other}"),
        None => "it is in no story yet".into(),
    };
    Ok(StoreError::Invalid(format!("article #{article} is not in story #{story} ({where_it_is})")))
}

/// A new story labelled, for now, with an article's title.
fn new_story(tx: &Transaction, article: i64) -> Result<i64> {
    let at = now();
    tx.prepare_cached(
        "INSERT INTO stories (label, created_at, updated_at)
         VALUES (COALESCE((SELECT title FROM articles WHERE id = ?1), ''), ?2, ?2)",
    )?
    .execute(params![article, at])?;
    Ok(tx.last_insert_rowid())
}

fn pin_story(tx: &Transaction, story: i64) -> Result<()> {
    tx.prepare_cached("UPDATE story_articles SET pinned = 1 WHERE story_id = ?1")?.execute([story])?;
    Ok(())
}

fn log_edit(tx: &Transaction, action: &str, story: i64, detail: serde_json::Value) -> Result<()> {
    tx.prepare_cached("INSERT INTO story_edits (at, action, story_id, detail) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![now(), action, story, detail.to_string()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(articles: &[(&str, &str, &str)]) -> (tempfile::TempDir, Library) {
        let articles: Vec<_> = articles.iter().map(|&(title, text, date)| (title, text, date, None)).collect();
        crate::testing::library(&articles)
    }

    #[test]
    fn candidates_share_words_within_the_window_and_frequencies_come_from_the_index() {
        let (_dir, library) = library(&[
            ("Akin stays", "Todd Akin stays in the Missouri race.", "2012-08-21"),
            ("Romney and Akin", "Romney urged Akin to leave the Missouri race.", "2012-08-22"),
            ("Akin again", "Akin spoke in Missouri a year later.", "2013-08-22"),
            ("Storm", "A storm hit Tampa.", "2012-08-21"),
        ]);
        assert_eq!(library.document_frequency("akin").unwrap(), 3);
        assert_eq!(library.document_frequency("zebra").unwrap(), 0);
        let near = library.story_candidates(1, &["akin", "missouri"], Some("2012-08-21"), Some(3), 10).unwrap();
        assert_eq!(near, [2]);
        let all = library.story_candidates(1, &["akin", "and"], Some("2012-08-21"), None, 10).unwrap();
        assert_eq!(all.len(), 2, "no window, and \"and\" is a word, not an operator");
        assert!(library.story_candidates(1, &[], None, None, 10).unwrap().is_empty());
    }

    #[test]
    fn grouping_writes_stories_and_a_regroup_keeps_pinned_articles() {
        let (_dir, mut library) =
            library(&[("A", "one", "2012-01-01"), ("B", "two", "2012-01-01"), ("C", "three", "2012-01-02")]);
        let plan = GroupingPlan {
            regroup: false,
            placements: vec![
                Placement { article_id: 1, story: StoryRef::New(0), similarity: None },
                Placement { article_id: 2, story: StoryRef::New(0), similarity: Some(0.5) },
                Placement { article_id: 3, story: StoryRef::New(1), similarity: None },
            ],
            labels: vec![(StoryRef::New(0), "A".into()), (StoryRef::New(1), "C".into())],
        };
        let created = library.write_grouping(&plan).unwrap();
        assert_eq!(created.len(), 2);
        assert_eq!(library.ungrouped_count().unwrap(), 0);
        let stories = library.stories(&ArticleFilter::default()).unwrap();
        assert_eq!(
            stories.iter().map(|s| (s.label.as_str(), s.articles.len())).collect::<Vec<_>>(),
            [("C", 1), ("A", 2)]
        );

        let moved_to = library.move_article(2, Some(created[1])).unwrap();
        assert_eq!(moved_to, created[1]);
        // A regroup that would put article 2 back is refused row by row.
        let again = GroupingPlan {
            regroup: true,
            placements: vec![
                Placement { article_id: 1, story: StoryRef::Existing(created[0]), similarity: None },
                Placement { article_id: 2, story: StoryRef::Existing(created[0]), similarity: Some(0.9) },
            ],
            labels: vec![],
        };
        library.write_grouping(&again).unwrap();
        let story_of = |a: i64| library.story_memberships().unwrap().into_iter().find(|m| m.article_id == a);
        let two = story_of(2).unwrap();
        assert_eq!((two.story_id, two.pinned), (created[1], true));
        assert_eq!(story_of(3), None, "an unpinned article the regroup did not place is released");
        assert_eq!(library.ungrouped_count().unwrap(), 1);
        assert_eq!(library.story_edits().unwrap().len(), 1);
    }

    #[test]
    fn corrections_check_their_stories_and_articles() {
        let (_dir, mut library) =
            library(&[("A", "one", "2012-01-01"), ("B", "two", "2012-01-01"), ("C", "three", "2012-01-01")]);
        let s = library.move_article(1, None).unwrap();
        library.move_article(2, Some(s)).unwrap();
        let t = library.move_article(3, None).unwrap();
        let err = library.split_story(s, &[3]).unwrap_err().to_string();
        assert_eq!(err, format!("article #3 is not in story #{s} (it is in story #{t})"));
        let err = library.split_story(s, &[1, 2]).unwrap_err().to_string();
        assert!(err.contains("would leave it empty"), "{err}");
        assert!(library.split_story(99, &[1]).unwrap_err().to_string().starts_with("story #99 does not exist"));
        assert!(library.merge_stories(s, &[s]).unwrap_err().to_string().contains("into itself"));
        assert!(library.move_article(42, None).unwrap_err().to_string().contains("article #42 does not exist"));
        let u = library.split_story(s, &[2]).unwrap();
        library.merge_stories(t, &[u]).unwrap();
        assert!(library.story(u).unwrap().is_none());
        let merged = library.story(t).unwrap().unwrap();
        assert_eq!(merged.articles.iter().map(|a| (a.id, a.pinned)).collect::<Vec<_>>(), [(2, true), (3, true)]);
        let actions: Vec<String> = library.story_edits().unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["move", "move", "move", "split", "merge"]);
    }
}
