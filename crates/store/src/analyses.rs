//! Stored analyses: each article's attributions and scores, the canonical
//! sources they cite across the library, and the user's lexicon additions.
//!
//! An analysis is stamped with the analysis version and the digest of the
//! lexicon additions it used ([`AnalysisStamp`]); one whose stamp differs
//! from the current one is stale and is redone by the next analysis run.

use crate::{now, Library, Result, StoreError};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, CachedStatement, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sourcetrace_core::attribution::{Analysis, Attribution, Corrected, Evidence, Scores, Source, Span, Stance};
use sourcetrace_core::credits::Credit;
use sourcetrace_core::framing::{Framing, Hit};
use sourcetrace_core::tone::ToneFigures;
use std::collections::HashMap;

/// What is written for one article: its attributions and scores, its
/// credits, and the passages it shares with its near-duplicates.
pub struct AnalysisItem<'a> {
    pub article_id: i64,
    pub analysis: &'a Analysis,
    pub credits: &'a [Credit],
    pub reuse: &'a [ReuseRow],
    /// Most of the article is copy from an origin (see `sourcetrace_core::reuse`).
    pub syndicated: bool,
    /// The article's tone by the default engine, when it was scored.
    pub tone: Option<&'a ToneFigures>,
    /// Its hedges, loaded terms and verb stances, when they were counted.
    pub framing: Option<&'a Framing>,
    /// The JSON columns of its attributions, when they were encoded where
    /// the analysis ran; encoded while writing otherwise.
    pub encoded: Option<&'a EncodedAttributions>,
}

#[cfg(test)]
impl<'a> AnalysisItem<'a> {
    /// An article's attributions and scores alone, with no credits, reuse,
    /// tone or framing: what the store's tests write.
    pub(crate) fn attributions_only(article_id: i64, analysis: &'a Analysis) -> AnalysisItem<'a> {
        AnalysisItem {
            article_id,
            analysis,
            credits: &[],
            reuse: &[],
            syndicated: false,
            tone: None,
            framing: None,
            encoded: None,
        }
    }
}

/// The JSON columns of an analysis's attributions (content spans, evidence
/// and corrections), encoded before the write. Encoding is pure and was a
/// tenth of the writing thread's instructions, and that thread is the
/// library analysis's critical path: the analysis threads encode instead.
#[derive(Debug, Clone, Default)]
pub struct EncodedAttributions {
    rows: Vec<EncodedAttribution>,
}

#[derive(Debug, Clone)]
struct EncodedAttribution {
    content: String,
    evidence: String,
    corrected: Option<String>,
}

impl EncodedAttributions {
    pub fn of(analysis: &Analysis) -> EncodedAttributions {
        let rows = analysis
            .attributions
            .iter()
            .map(|a| EncodedAttribution {
                content: to_json(&a.content),
                evidence: to_json(&a.evidence),
                corrected: a.corrected.as_ref().map(to_json),
            })
            .collect();
        EncodedAttributions { rows }
    }
}

/// Passages shared with one other article.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReuseRow {
    pub other_id: i64,
    pub share: f64,
    pub other_is_origin: bool,
    pub passages: Vec<sourcetrace_core::reuse::Passage>,
}

/// What an analysis was made with. Stored analyses with another stamp are
/// stale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnalysisStamp {
    /// `sourcetrace_core::ANALYSIS_VERSION` of the build.
    pub version: u32,
    /// A digest of the library's lexicon additions, `""` when there are none.
    pub lexicon: String,
}

/// An article waiting to be analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisTarget {
    pub id: i64,
    pub text: String,
    /// The publishing outlet's name, so that its own reports count as "self".
    pub outlet: Option<String>,
}

/// An article's stored analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnalysisRecord {
    pub article_id: i64,
    pub version: u32,
    pub lexicon: String,
    pub analyzed_at: String,
    pub scores: Scores,
}

/// A stored attribution: its row id, its place in the article (the index
/// that `via`, `refers_to` and the scores use), the library-wide source it
/// cites, and the attribution itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttributionRecord {
    pub id: i64,
    pub ordinal: usize,
    pub source_id: Option<i64>,
    #[serde(flatten)]
    pub attribution: Attribution,
}

/// Which canonical sources to list.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct SourceFilter {
    /// A source type such as `official` or `state_media`.
    pub source_type: Option<String>,
    /// An ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    pub limit: Option<usize>,
}

/// A source cited somewhere in the library, with how often and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SourceRecord {
    pub id: i64,
    pub canonical: String,
    pub source_type: String,
    pub country: Option<String>,
    /// Attributions that cite it.
    pub attributions: i64,
    /// Articles that cite it.
    pub articles: i64,
}

/// One of the user's lexicon rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LexiconAddition {
    pub id: i64,
    /// `cues`, `sources`, `countries` or `outlets`.
    pub kind: String,
    /// One tab-separated row in the columns of `data/<kind>.tsv`.
    pub row: String,
    pub added_at: String,
}

/// How many articles have a current analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnalysisCounts {
    pub articles: i64,
    pub current: i64,
    /// Analysed with another version or lexicon, or not at all.
    pub stale: i64,
}

/// Parses a stored enum name back, as a conversion error of `column` when
/// this build does not know it.
fn parse_name<T: DeserializeOwned>(column: usize, name: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(name))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

fn parse_json<T: DeserializeOwned>(column: usize, json: String) -> rusqlite::Result<T> {
    serde_json::from_str(&json)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

/// The statements of one [`Library::write_analyses`] transaction, taken
/// from the connection's cache once for the batch rather than once for each
/// row: the cache finds a statement by hashing its SQL and puts it back by
/// clearing its bindings, and that was a tenth of the instructions of the
/// writing thread, which sets the pace of a library analysis. Every
/// execution binds every parameter, so nothing is left over from the row
/// before. They stay in the cache between batches: statements prepared
/// anew for each batch took the connection's lookaside memory, sent the
/// writes' own allocations to malloc, and cost more than they saved.
struct BatchStatements<'t> {
    bucket: CachedStatement<'t>,
    analysis: CachedStatement<'t>,
    clear_attributions: CachedStatement<'t>,
    clear_reuse: CachedStatement<'t>,
    clear_credits: CachedStatement<'t>,
    clear_entity_tones: CachedStatement<'t>,
    clear_framing_terms: CachedStatement<'t>,
    attribution: CachedStatement<'t>,
    credit: CachedStatement<'t>,
    entity_tone: CachedStatement<'t>,
    framing_term: CachedStatement<'t>,
    correction_state: CachedStatement<'t>,
    sources: SourceIds<'t>,
}

impl<'t> BatchStatements<'t> {
    fn new(tx: &'t rusqlite::Transaction<'_>, known_sources: KnownSources) -> rusqlite::Result<BatchStatements<'t>> {
        Ok(BatchStatements {
            bucket: tx.prepare_cached(
                "SELECT coalesce(outlet_id, 0), coalesce(substr(published, 1, 10), '') FROM articles WHERE id = ?1",
            )?,
            analysis: tx.prepare_cached(
                // Every column in one write: the tally triggers fire on
                // each write of this row, and an insert followed by
                // updates for reuse and tone fired them three times.
                "INSERT INTO analyses (article_id, version, lexicon, analyzed_at, scores, attribution_count,
                         state_media_share, anonymous_share, second_hand_share, direct_quote_share, deepest_chain,
                         distinct_sources, transparency, reused_share, syndicated, tone, tone_engine, hedges,
                         loaded_terms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
                     ON CONFLICT (article_id) DO UPDATE SET
                         version = excluded.version, lexicon = excluded.lexicon,
                         analyzed_at = excluded.analyzed_at, scores = excluded.scores,
                         attribution_count = excluded.attribution_count,
                         state_media_share = excluded.state_media_share,
                         anonymous_share = excluded.anonymous_share,
                         second_hand_share = excluded.second_hand_share,
                         direct_quote_share = excluded.direct_quote_share,
                         deepest_chain = excluded.deepest_chain, distinct_sources = excluded.distinct_sources,
                         transparency = excluded.transparency, reused_share = excluded.reused_share,
                         syndicated = excluded.syndicated, tone = excluded.tone,
                         tone_engine = excluded.tone_engine, hedges = excluded.hedges,
                         loaded_terms = excluded.loaded_terms",
            )?,
            clear_attributions: tx.prepare_cached("DELETE FROM attributions WHERE article_id = ?1")?,
            clear_reuse: tx.prepare_cached("DELETE FROM reuse WHERE article_id = ?1")?,
            clear_credits: tx.prepare_cached("DELETE FROM credits WHERE article_id = ?1")?,
            clear_entity_tones: tx.prepare_cached("DELETE FROM entity_tones WHERE article_id = ?1")?,
            clear_framing_terms: tx.prepare_cached("DELETE FROM framing_terms WHERE article_id = ?1")?,
            attribution: tx.prepare_cached(
                "INSERT INTO attributions (article_id, ordinal, kind, cue_start, cue_end, cue_text, cue_class,
                     stance, source_start, source_end, source_text, source_type, country, canonical,
                     source_document, source_refers_to, source_id, content, via_ordinal, depth, evidence,
                     corrected)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                     ?20, ?21, ?22)",
            )?,
            credit: tx.prepare_cached(
                "INSERT INTO credits (article_id, ordinal, kind, agency, place, credited, span_start, span_end, text,
                     repeats)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            entity_tone: tx.prepare_cached(
                "INSERT OR REPLACE INTO entity_tones (article_id, entity, score, sentences, mentions)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            framing_term: tx.prepare_cached(
                "INSERT INTO framing_terms (article_id, ordinal, kind, span_start, span_end, text, phrase, grp)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            correction_state: tx.prepare_cached(
                "UPDATE attribution_corrections SET orphaned = (id NOT IN (SELECT value FROM json_each(?2)))
                 WHERE article_id = ?1",
            )?,
            sources: SourceIds::new(tx, known_sources)?,
        })
    }

    /// Replaces an article's credits.
    fn credits(&mut self, article_id: i64, credits: &[Credit]) -> rusqlite::Result<()> {
        self.clear_credits.execute([article_id])?;
        for (ordinal, c) in credits.iter().enumerate() {
            self.credit.execute(params![
                article_id,
                ordinal as i64,
                c.kind.as_str(),
                c.agency,
                c.place,
                c.credited,
                c.start as i64,
                c.end as i64,
                c.text,
                serde_json::to_string(&c.repeats).unwrap_or_else(|_| "[]".into()),
            ])?;
        }
        Ok(())
    }

    /// Replaces an article's entity tones and framing terms, inside the
    /// transaction of its analysis. An analysis without them clears them, so
    /// a stale figure never outlives the analysis it came from. The tone of
    /// each sentence is not stored: it is worked out when an article is
    /// shown (see migration 0012).
    fn tone_and_framing(
        &mut self,
        article_id: i64,
        tone: Option<&ToneFigures>,
        framing: Option<&Framing>,
    ) -> rusqlite::Result<()> {
        self.clear_entity_tones.execute([article_id])?;
        self.clear_framing_terms.execute([article_id])?;
        if let Some(tone) = tone {
            for e in &tone.entities {
                let Some(score) = e.score else { continue };
                self.entity_tone.execute(params![article_id, e.name, score, e.sentences as i64, e.mentions as i64])?;
            }
        }
        if let Some(framing) = framing {
            let kinds: [(&str, &[Hit]); 2] = [("hedge", &framing.hedges), ("loaded", &framing.loaded)];
            for (kind, hits) in kinds {
                for (ordinal, h) in hits.iter().enumerate() {
                    self.framing_term.execute(params![
                        article_id,
                        ordinal as i64,
                        kind,
                        h.start as i64,
                        h.end as i64,
                        h.text,
                        h.phrase,
                        h.group
                    ])?;
                }
            }
        }
        Ok(())
    }

    /// Marks which of the article's corrections the stored analysis
    /// reflects: those it does not (their cue span matched no attribution,
    /// or the analysis was made without them) are orphaned, kept and listed.
    fn correction_state(&mut self, article_id: i64, analysis: &Analysis) -> rusqlite::Result<()> {
        let applied: &[i64] = analysis.corrections.as_ref().map_or(&[], |o| o.applied.as_slice());
        self.correction_state.execute(params![article_id, to_json(&applied)])?;
        Ok(())
    }
}

/// What a batch of attributions adds to the tally of one source and
/// outlet (migration 0017).
#[derive(Default)]
struct Citations {
    attributions: i64,
    articles: i64,
    relayed: i64,
    neutral: i64,
    distancing: i64,
    endorsing: i64,
    negative: i64,
}

impl Citations {
    /// Counts `a`, and its article when `a` is the article's first
    /// attribution of the source.
    fn add(&mut self, a: &Attribution, first_in_article: bool) {
        self.attributions += 1;
        self.articles += i64::from(first_in_article);
        self.relayed += i64::from(a.depth >= 2);
        match a.stance {
            Stance::Neutral => self.neutral += 1,
            Stance::Distancing => self.distancing += 1,
            Stance::Endorsing => self.endorsing += 1,
            Stance::Negative => self.negative += 1,
        }
    }
}

/// The country a person set on an attribution's source, if any.
fn human_country(a: &Attribution) -> Option<&str> {
    let change = a.corrected.as_ref()?.changes.iter().find(|c| c.field == "country")?;
    change.human.as_deref()
}

/// What a batch adds to `tally_attributions`, by the trigger's key that
/// migration 0012 dropped: the article's outlet (0 for none) and day (''
/// when undated), then the stance and the source type, `unknown` for no
/// source. Written once a key at the end of the batch, not once an article:
/// an outlet's articles of one day share their keys, and each upsert fires
/// the month table's trigger as well.
#[derive(Default)]
struct AttributionTallies {
    /// By outlet and day, the count of each stance and source type.
    by_bucket: HashMap<(i64, String), Vec<StanceAndType>>,
}

/// A stance, a source type and how many attributions have both.
type StanceAndType = (&'static str, &'static str, i64);

impl AttributionTallies {
    /// Counts an article's attributions under its outlet and day.
    fn add(&mut self, bucket: (i64, String), attributions: &[Attribution]) {
        let groups = self.by_bucket.entry(bucket).or_default();
        for a in attributions {
            let key = (a.stance.as_str(), a.source.as_ref().map_or("unknown", |s| s.kind.as_str()));
            match groups.iter_mut().find(|g| (g.0, g.1) == key) {
                Some(group) => group.2 += 1,
                None => groups.push((key.0, key.1, 1)),
            }
        }
    }

    fn write(&self, tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
        let mut upsert = tx.prepare_cached(
            "INSERT INTO tally_attributions VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO UPDATE SET n = n + excluded.n",
        )?;
        for ((outlet, day), groups) in &self.by_bucket {
            for (stance, source_type, n) in groups {
                upsert.execute(params![outlet, day, stance, source_type, n])?;
            }
        }
        Ok(())
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// The condition on `articles a LEFT JOIN analyses x` that selects articles
/// to analyse: forced (?2), never analysed, analysed by an older version, or
/// by this version with other lexicon additions. An analysis from a newer
/// build is left alone.
const STALE: &str = "(?2 OR x.article_id IS NULL OR x.version < ?3 OR (x.version = ?3 AND x.lexicon != ?4))";

impl Library {
    /// One article to analyse again, whatever its stamp: after a person's
    /// correction, for example.
    pub fn analysis_target(&self, article_id: i64) -> Result<Option<AnalysisTarget>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT a.id, a.text, o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1",
            )?
            .query_row([article_id], |r| Ok(AnalysisTarget { id: r.get(0)?, text: r.get(1)?, outlet: r.get(2)? }))
            .optional()?)
    }

    /// A stored attribution by its row id, with its article's id.
    pub fn attribution_by_id(&self, id: i64) -> Result<Option<(i64, AttributionRecord)>> {
        let article: Option<i64> = self
            .conn
            .prepare_cached("SELECT article_id FROM attributions WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(article_id) = article else { return Ok(None) };
        Ok(self.attributions(article_id)?.into_iter().find(|r| r.id == id).map(|r| (article_id, r)))
    }

    /// Articles to analyse after article `after`, in id order, at most
    /// `limit`: those whose analysis is missing or stale, or every article
    /// when `force` is set. Paging by id lets a run make progress even when
    /// an article stays stale.
    pub fn stale_articles(
        &self,
        stamp: &AnalysisStamp,
        force: bool,
        after: i64,
        limit: usize,
    ) -> Result<Vec<AnalysisTarget>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id, a.text, o.name FROM articles a
             LEFT JOIN analyses x ON x.article_id = a.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE a.id > ?1 AND {STALE} ORDER BY a.id LIMIT ?5"
        ))?;
        let rows = stmt.query_map(params![after, force, stamp.version, stamp.lexicon, limit as i64], |r| {
            Ok(AnalysisTarget { id: r.get(0)?, text: r.get(1)?, outlet: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many articles are analysed with `stamp` and how many are not.
    pub fn analysis_counts(&self, stamp: &AnalysisStamp) -> Result<AnalysisCounts> {
        // Counted apart, each from an index: joining the two read every
        // article's row, text and all (110 ms at 100,000 articles, on every
        // start of the window). Every analysis belongs to an article, so the
        // stale ones are the articles without a current analysis.
        let articles: i64 = self.conn.prepare_cached("SELECT count(*) FROM articles")?.query_row([], |r| r.get(0))?;
        let current: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM analyses WHERE version > ?1 OR (version = ?1 AND lexicon = ?2)")?
            .query_row(params![stamp.version, stamp.lexicon], |r| r.get(0))?;
        Ok(AnalysisCounts { articles, current, stale: articles - current })
    }

    /// Stores analyses in one transaction: each article's scores replace its
    /// previous ones, its attributions replace its previous attributions,
    /// and the sources they cite are added to the library's sources.
    /// Articles that no longer exist are skipped. Returns how many
    /// attributions were written.
    pub fn write_analyses(&mut self, items: &[AnalysisItem], stamp: &AnalysisStamp) -> Result<usize> {
        // The rows written here refer to their article, read first in the
        // same transaction, and to sources found or added in it, so SQLite
        // need not look each parent up again: those foreign key checks
        // were a tenth of the writes. Nothing here deletes a parent row.
        // The checks are back on for every other write, whatever happens,
        // a panic included (the transaction is rolled back as it unwinds).
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let written =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.write_analyses_unchecked(items, stamp)));
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        written.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }

    fn write_analyses_unchecked(&mut self, items: &[AnalysisItem], stamp: &AnalysisStamp) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let analyzed_at = now();
        // What this batch adds to the tallies of each source and outlet
        // (migrations 0016 and 0017), and to `tally_attributions`. Written
        // once a key at the end, as the previous attributions' triggers
        // took theirs back.
        let mut cited: HashMap<(i64, i64), Citations> = HashMap::new();
        let mut tallies = AttributionTallies::default();
        let mut written = 0;
        let mut st = BatchStatements::new(&tx, std::mem::take(&mut self.known_sources))?;
        for item in items {
            let (article_id, analysis) = (item.article_id, item.analysis);
            let s = &analysis.scores;
            // The article's outlet and day, which its tallies are kept by;
            // none when it was deleted while it was being analysed, and
            // then nothing is written for it. Looked up first so that the
            // writes below are plain VALUES: SQLite runs an INSERT ...
            // SELECT into a table with row triggers through a temporary
            // table, one per statement.
            let Some(bucket) =
                st.bucket.query_row([article_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).optional()?
            else {
                continue;
            };
            st.analysis.execute(params![
                article_id,
                stamp.version,
                stamp.lexicon,
                analyzed_at,
                // Scores are worked out from the attributions when read
                // (migration 0012).
                "",
                s.attributions as i64,
                s.state_media_share.value,
                s.anonymous_share.value,
                s.second_hand_share.value,
                s.direct_quote_share.value,
                s.deepest_chain.depth,
                s.distinct_sources.len() as i64,
                s.transparency.score,
                item.reuse.iter().map(|r| r.share).fold(0.0, f64::max),
                item.syndicated,
                item.tone.map(|t| t.score),
                item.tone.map(|t| t.engine.as_str()),
                item.framing.map_or(0, |f| f.hedges.len() as i64),
                item.framing.map_or(0, |f| f.loaded.len() as i64),
            ])?;
            st.clear_attributions.execute([article_id])?;
            st.credits(article_id, item.credits)?;
            st.clear_reuse.execute([article_id])?;
            for r in item.reuse {
                // The other article may have been deleted since it was
                // read, and foreign keys are not checked here.
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO reuse (article_id, other_id, share, other_is_origin, passages)
                     SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?2)",
                )?
                .execute(params![
                    article_id,
                    r.other_id,
                    r.share,
                    r.other_is_origin,
                    to_json(&r.passages)
                ])?;
            }
            st.tone_and_framing(article_id, item.tone, item.framing)?;
            let encoded_here;
            let encoded = match item.encoded {
                Some(e) if e.rows.len() == analysis.attributions.len() => e,
                _ => {
                    encoded_here = EncodedAttributions::of(analysis);
                    &encoded_here
                }
            };
            let mut cited_here: Vec<i64> = Vec::new();
            for ((ordinal, a), json) in analysis.attributions.iter().enumerate().zip(&encoded.rows) {
                let source_id = match &a.source {
                    Some(source) => Some(st.sources.id(source)?),
                    None => None,
                };
                if let Some(id) = source_id {
                    let first_here = !cited_here.contains(&id);
                    if first_here {
                        cited_here.push(id);
                    }
                    cited.entry((id, bucket.0)).or_default().add(a, first_here);
                }
                // A country a person set is the source's country across the
                // library, whatever the engine found for it elsewhere.
                if let (Some(id), Some(country)) = (source_id, human_country(a)) {
                    st.sources.set_country(&tx, id, country)?;
                }
                let source = a.source.as_ref();
                st.attribution.execute(params![
                    article_id,
                    ordinal as i64,
                    a.kind.as_str(),
                    a.cue.start as i64,
                    a.cue.end as i64,
                    a.cue.text,
                    a.cue_class.as_str(),
                    a.stance.as_str(),
                    source.map(|s| s.start as i64),
                    source.map(|s| s.end as i64),
                    source.map(|s| s.text.as_str()),
                    source.map(|s| s.kind.as_str()),
                    source.and_then(|s| s.country.as_deref()),
                    source.map(|s| s.canonical.as_str()),
                    source.map(|s| s.document),
                    source.and_then(|s| s.refers_to.map(|r| r as i64)),
                    source_id,
                    json.content,
                    a.via.map(|v| v as i64),
                    a.depth,
                    json.evidence,
                    json.corrected,
                ])?;
                written += 1;
            }
            st.correction_state(article_id, analysis)?;
            tallies.add(bucket, &analysis.attributions);
        }
        let known_sources = std::mem::take(&mut st.sources.known);
        drop(st);
        tallies.write(&tx)?;
        let mut by_source: HashMap<i64, (i64, i64)> = HashMap::new();
        for (&(source, outlet), c) in &cited {
            let total = by_source.entry(source).or_default();
            total.0 += c.attributions;
            total.1 += c.articles;
            tx.prepare_cached(
                "INSERT INTO source_outlet_tallies VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions,
                     articles = articles + excluded.articles, relayed = relayed + excluded.relayed,
                     neutral = neutral + excluded.neutral, distancing = distancing + excluded.distancing,
                     endorsing = endorsing + excluded.endorsing, negative = negative + excluded.negative",
            )?
            .execute(params![
                source,
                outlet,
                c.attributions,
                c.articles,
                c.relayed,
                c.neutral,
                c.distancing,
                c.endorsing,
                c.negative
            ])?;
        }
        for (id, (attributions, articles)) in by_source {
            tx.prepare_cached(
                "INSERT INTO source_tallies VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET
                     attributions = attributions + excluded.attributions, articles = articles + excluded.articles",
            )?
            .execute(params![id, attributions, articles])?;
        }
        tx.commit()?;
        self.known_sources = known_sources;
        Ok(written)
    }

    /// An article's stored analysis, if it has one, with its scores worked
    /// out from its stored attributions (corrections included), as the
    /// analysis itself works them out.
    pub fn analysis(&self, article_id: i64) -> Result<Option<AnalysisRecord>> {
        let row = self
            .conn
            .prepare_cached("SELECT version, lexicon, analyzed_at FROM analyses WHERE article_id = ?1")?
            .query_row([article_id], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .optional()?;
        let Some((version, lexicon, analyzed_at)) = row else { return Ok(None) };
        let attributions: Vec<Attribution> =
            self.attributions(article_id)?.into_iter().map(|r| r.attribution).collect();
        let scores = Scores::of(&attributions);
        Ok(Some(AnalysisRecord { article_id, version, lexicon, analyzed_at, scores }))
    }

    /// The stamp of an article's stored analysis, if it has one: cheaper
    /// than [`Library::analysis`] when only staleness matters.
    pub fn analysis_stamp_of(&self, article_id: i64) -> Result<Option<AnalysisStamp>> {
        Ok(self
            .conn
            .prepare_cached("SELECT version, lexicon FROM analyses WHERE article_id = ?1")?
            .query_row([article_id], |r| Ok(AnalysisStamp { version: r.get(0)?, lexicon: r.get(1)? }))
            .optional()?)
    }

    /// The passages an article's stored analysis found it shares with other
    /// articles, most shared first.
    pub fn reuse_rows(&self, article_id: i64) -> Result<Vec<ReuseRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT other_id, share, other_is_origin, passages FROM reuse
             WHERE article_id = ?1 ORDER BY share DESC, other_id",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            let passages: String = r.get(3)?;
            Ok(ReuseRow {
                other_id: r.get(0)?,
                share: r.get(1)?,
                other_is_origin: r.get(2)?,
                passages: serde_json::from_str(&passages).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An article's stored attributions in text order (by ordinal).
    pub fn attributions(&self, article_id: i64) -> Result<Vec<AttributionRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, ordinal, kind, cue_start, cue_end, cue_text, cue_class, stance, source_start, source_end,
                    source_text, source_type, country, canonical, source_document, source_refers_to, source_id,
                    content, via_ordinal, depth, evidence, corrected
             FROM attributions WHERE article_id = ?1 ORDER BY ordinal",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            let source = match r.get::<_, Option<String>>(11)? {
                Some(kind) => Some(Source {
                    start: r.get::<_, i64>(8)? as usize,
                    end: r.get::<_, i64>(9)? as usize,
                    text: r.get(10)?,
                    kind: parse_name(11, kind)?,
                    country: r.get(12)?,
                    canonical: r.get(13)?,
                    document: r.get::<_, Option<bool>>(14)?.unwrap_or(false),
                    refers_to: r.get::<_, Option<i64>>(15)?.map(|v| v as usize),
                }),
                None => None,
            };
            Ok(AttributionRecord {
                id: r.get(0)?,
                ordinal: r.get::<_, i64>(1)? as usize,
                source_id: r.get(16)?,
                attribution: Attribution {
                    kind: parse_name(2, r.get(2)?)?,
                    cue: Span {
                        start: r.get::<_, i64>(3)? as usize,
                        end: r.get::<_, i64>(4)? as usize,
                        text: r.get(5)?,
                    },
                    cue_class: parse_name(6, r.get(6)?)?,
                    stance: parse_name(7, r.get(7)?)?,
                    source,
                    content: parse_json::<Vec<Span>>(17, r.get(17)?)?,
                    via: r.get::<_, Option<i64>>(18)?.map(|v| v as usize),
                    depth: r.get(19)?,
                    evidence: parse_json::<Vec<Evidence>>(20, r.get(20)?)?,
                    // An unreadable mark reads as none; the next analysis
                    // writes it again from the corrections themselves.
                    corrected: r
                        .get::<_, Option<String>>(21)?
                        .and_then(|json| serde_json::from_str::<Corrected>(&json).ok()),
                },
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| match e {
            rusqlite::Error::FromSqlConversionFailure(..) => StoreError::Invalid(format!(
                "the attributions of article #{article_id} were stored by another version of Sourcetrace ({e}); \
                 run `sourcetrace analyze` to redo them"
            )),
            e => StoreError::Sqlite(e),
        })
    }

    /// The sources cited in the library with how many attributions and
    /// articles cite each, most cited first, read from their tallies
    /// (migration 0016). Sources no stored attribution cites any more are
    /// left out.
    pub fn sources(&self, filter: &SourceFilter) -> Result<Vec<SourceRecord>> {
        // The CROSS JOIN keeps the tallies, the cited sources only, as the
        // outer loop: left to itself, SQLite read every source the library
        // ever had by an index and looked up its tally (730 ms over a
        // million articles, against 40 ms).
        self.sources_from(
            "SELECT s.id, s.canonical, s.source_type, s.country, t.attributions, t.articles
             FROM source_tallies t CROSS JOIN sources s ON s.id = t.source_id WHERE 1",
            "",
            filter,
        )
    }

    /// [`Library::sources`] counted from the attributions themselves rather
    /// than from their tallies, to check the tallies against.
    #[doc(hidden)]
    pub fn sources_by_scan(&self, filter: &SourceFilter) -> Result<Vec<SourceRecord>> {
        self.sources_from(
            "SELECT s.id, s.canonical, s.source_type, s.country, count(*), count(DISTINCT t.article_id)
             FROM sources s JOIN attributions t ON t.source_id = s.id WHERE 1",
            " GROUP BY s.id",
            filter,
        )
    }

    /// The sources of `select` (six columns, a WHERE clause open for more)
    /// in the list's order, grouped by `group`.
    fn sources_from(&self, select: &str, group: &str, filter: &SourceFilter) -> Result<Vec<SourceRecord>> {
        let mut sql = String::from(select);
        let mut args: Vec<Value> = Vec::new();
        if let Some(kind) = &filter.source_type {
            sql.push_str(" AND s.source_type = ?");
            args.push(Value::Text(kind.clone()));
        }
        if let Some(country) = &filter.country {
            sql.push_str(" AND s.country = ? COLLATE NOCASE");
            args.push(Value::Text(country.clone()));
        }
        sql.push_str(group);
        sql.push_str(" ORDER BY 5 DESC, 6 DESC, s.canonical COLLATE NOCASE, s.id");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), source_record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a lexicon row. Returns the row and whether it is new: adding a
    /// row that is already there changes nothing.
    pub fn add_lexicon_row(&mut self, kind: &str, row: &str) -> Result<(LexiconAddition, bool)> {
        let inserted: Option<i64> = self
            .conn
            .query_row(
                "INSERT INTO lexicon_additions (kind, row, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (kind, row) DO NOTHING RETURNING id",
                params![kind, row, now()],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                    StoreError::Invalid(format!(
                        "{kind:?} is not a lexicon (cues, sources, countries, outlets, people, given-names, hedges, loaded or tone)"
                    ))
                }
                e => StoreError::Sqlite(e),
            })?;
        let added = self.conn.query_row(
            "SELECT id, kind, row, added_at FROM lexicon_additions WHERE kind = ?1 AND row = ?2",
            params![kind, row],
            addition,
        )?;
        Ok((added, inserted.is_some()))
    }

    /// The stamp an analysis made now with `version` of the rules gets: the
    /// version and a digest of the lexicon additions in the order they
    /// apply. Adding or removing a row changes the digest, which makes every
    /// analysis made before stale; removing the row again makes them
    /// current again, since they match the lexicon once more.
    pub fn analysis_stamp(&self, version: u32) -> Result<AnalysisStamp> {
        let additions = self.lexicon_additions()?;
        if additions.is_empty() {
            return Ok(AnalysisStamp { version, lexicon: String::new() });
        }
        let mut hasher = blake3::Hasher::new();
        for a in &additions {
            hasher.update(a.kind.as_bytes());
            hasher.update(b"\t");
            hasher.update(a.row.as_bytes());
            hasher.update(b"\n");
        }
        let hex = hasher.finalize().to_hex();
        Ok(AnalysisStamp { version, lexicon: hex[..32].to_string() })
    }

    /// The user's lexicon rows in the order they apply.
    pub fn lexicon_additions(&self) -> Result<Vec<LexiconAddition>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, kind, row, added_at FROM lexicon_additions ORDER BY id")?;
        let rows = stmt.query_map([], addition)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes a lexicon row and returns it.
    pub fn remove_lexicon_row(&mut self, id: i64) -> Result<LexiconAddition> {
        self.conn
            .query_row("DELETE FROM lexicon_additions WHERE id = ?1 RETURNING id, kind, row, added_at", [id], addition)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("lexicon addition #{id} does not exist")))
    }
}

fn addition(r: &rusqlite::Row<'_>) -> rusqlite::Result<LexiconAddition> {
    Ok(LexiconAddition { id: r.get(0)?, kind: r.get(1)?, row: r.get(2)?, added_at: r.get(3)? })
}

/// The key a source is found by in `sources`: 64-bit FNV-1a over its name
/// with ASCII letters lowercased (the case SQLite's NOCASE ignores), a zero
/// byte, and its type. It is stored, so it must never change; a test pins
/// it. Different names may share a key, and lookups compare the names.
pub(crate) fn source_key(canonical: &str, source_type: &str) -> i64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = canonical.bytes().map(|b| b.to_ascii_lowercase()).chain([0]).chain(source_type.bytes());
    bytes.fold(OFFSET, |hash, b| (hash ^ u64::from(b)).wrapping_mul(PRIME)) as i64
}

/// Sources by key ([`source_key`]), each with its name and type as first
/// seen, its id, and whether it has a country. Sources are only ever added
/// and given a country, never renamed or removed, so an id found once stays
/// right for the life of the connection, and a batch need not look up again
/// the sources the batches before it cited: that was half of the lookups of
/// a library analysis.
#[derive(Default)]
pub(crate) struct KnownSources {
    by_key: HashMap<i64, Vec<KnownSource>>,
    len: usize,
}

struct KnownSource {
    canonical: String,
    source_type: &'static str,
    id: i64,
    has_country: bool,
}

impl KnownSources {
    /// Past this many sources the map starts again, which bounds its
    /// memory (a few megabytes) on a library of millions of sources.
    const MAX: usize = 50_000;

    fn find(&mut self, hash: i64, canonical: &str, source_type: &str) -> Option<&mut KnownSource> {
        self.by_key
            .get_mut(&hash)?
            .iter_mut()
            .find(|k| k.source_type == source_type && k.canonical.eq_ignore_ascii_case(canonical))
    }

    fn add(&mut self, hash: i64, known: KnownSource) {
        if self.len >= Self::MAX {
            *self = KnownSources::default();
        }
        self.len += 1;
        self.by_key.entry(hash).or_default().push(known);
    }
}

/// The library-wide ids of sources within one transaction, each added on
/// first sight.
struct SourceIds<'t> {
    same_key: CachedStatement<'t>,
    insert: CachedStatement<'t>,
    fill_country: CachedStatement<'t>,
    /// The sources known before the transaction and those it found or
    /// added; given back to the library only when the transaction commits,
    /// since the ids of a rolled-back insert would be wrong.
    known: KnownSources,
}

impl<'t> SourceIds<'t> {
    fn new(tx: &'t rusqlite::Transaction<'_>, known: KnownSources) -> rusqlite::Result<SourceIds<'t>> {
        Ok(SourceIds {
            same_key: tx
                .prepare_cached("SELECT id, canonical, source_type, country IS NULL FROM sources WHERE key = ?1")?,
            insert: tx
                .prepare_cached("INSERT INTO sources (canonical, source_type, country, key) VALUES (?1, ?2, ?3, ?4)")?,
            // Only ever a country where there was none: the known sources
            // may not have seen a country a person set.
            fill_country: tx.prepare_cached("UPDATE sources SET country = ?2 WHERE id = ?1 AND country IS NULL")?,
            known,
        })
    }

    /// The id of `source`, found by its name as SQLite compares it (ASCII
    /// case folded) and its type. A source without a country gets the
    /// first one an attribution gives it.
    fn id(&mut self, source: &Source) -> rusqlite::Result<i64> {
        let kind = source.kind.as_str();
        let hash = source_key(&source.canonical, kind);
        if let Some(known) = self.known.find(hash, &source.canonical, kind) {
            if let (false, Some(country)) = (known.has_country, &source.country) {
                self.fill_country.execute(params![known.id, country])?;
                known.has_country = true;
            }
            return Ok(known.id);
        }
        // A lookup by key, then an insert or a country filled in: what an
        // upsert with RETURNING did, without the temporary table SQLite
        // builds for each RETURNING statement (a third of this function's
        // instructions). The names sharing the key are few, nearly always
        // one.
        let mut found = None;
        let mut rows = self.same_key.query(params![hash])?;
        while let Some(row) = rows.next()? {
            let same_name = row.get_ref(1)?.as_str()?.eq_ignore_ascii_case(&source.canonical);
            if same_name && row.get_ref(2)?.as_str()? == kind {
                found = Some((row.get::<_, i64>(0)?, row.get::<_, bool>(3)?));
                break;
            }
        }
        drop(rows);
        let (id, has_country) = match found {
            Some((id, no_country)) => {
                if let (true, Some(country)) = (no_country, &source.country) {
                    self.fill_country.execute(params![id, country])?;
                }
                (id, !no_country || source.country.is_some())
            }
            None => {
                (self.insert.insert(params![source.canonical, kind, source.country, hash])?, source.country.is_some())
            }
        };
        self.known.add(hash, KnownSource { canonical: source.canonical.clone(), source_type: kind, id, has_country });
        Ok(id)
    }

    /// Sets the country a person gave a source, whatever the engine found
    /// for it elsewhere.
    fn set_country(&mut self, tx: &rusqlite::Transaction<'_>, id: i64, country: &str) -> rusqlite::Result<()> {
        tx.prepare_cached("UPDATE sources SET country = ?2 WHERE id = ?1")?.execute(params![id, country])?;
        Ok(())
    }
}

/// A `SourceRecord` from a row of `id, canonical, source_type, country,
/// attributions, articles`, the shape every sources query selects.
pub(crate) fn source_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<SourceRecord> {
    Ok(SourceRecord {
        id: r.get(0)?,
        canonical: r.get(1)?,
        source_type: r.get(2)?,
        country: r.get(3)?,
        attributions: r.get(4)?,
        articles: r.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::ArticleFilter;
    use sourcetrace_core::attribution::{analyze, Context, Lexicon, SourceType};

    const PESKOV: &str = "Kremlin spokesman Dmitry Peskov said the talks were over. \
        \u{201C}We will meet again,\u{201D} Russian President Vladimir Putin said.";
    const AGAIN: &str = "Kremlin spokesman Dmitry Peskov said on Monday that nothing had changed.";
    const PESKOV_AGAIN_TWICE: &str = "Kremlin spokesman Dmitry Peskov said the talks were over. Kremlin spokesman \
        Dmitry Peskov said nothing had changed.";

    fn library_with(texts: &[&str]) -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        for (i, text) in texts.iter().enumerate() {
            library
                .conn
                .execute(
                    "INSERT INTO articles (text, word_count, content_hash, format, source_path, imported_at, outlet_id)
                     VALUES (?1, 1, ?2, 'txt', 'test', 'now', (SELECT id FROM outlets WHERE name = 'TASS'))",
                    params![text, format!("hash{i}")],
                )
                .unwrap();
            crate::imports::index_new_articles(&library.conn, &[library.conn.last_insert_rowid()]).unwrap();
        }
        (dir, library)
    }

    fn stamp(version: u32, lexicon: &str) -> AnalysisStamp {
        AnalysisStamp { version, lexicon: lexicon.into() }
    }

    fn analyse(library: &mut Library, stamp: &AnalysisStamp, force: bool) -> Vec<i64> {
        let lexicon = Lexicon::builtin();
        let targets = library.stale_articles(stamp, force, 0, 100).unwrap();
        let analyses: Vec<(i64, Analysis)> = targets
            .iter()
            .map(|t| (t.id, analyze(&t.text, &lexicon, &Context { outlet: t.outlet.as_deref() })))
            .collect();
        let refs: Vec<AnalysisItem> = analyses.iter().map(|(id, a)| AnalysisItem::attributions_only(*id, a)).collect();
        library.write_analyses(&refs, stamp).unwrap();
        targets.iter().map(|t| t.id).collect()
    }

    #[test]
    fn attributions_and_scores_round_trip() {
        let (_dir, mut library) = library_with(&[PESKOV]);
        let targets = library.stale_articles(&stamp(1, ""), false, 0, 10).unwrap();
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0].outlet.as_deref(), Some("TASS"));
        analyse(&mut library, &stamp(1, ""), false);
        let expected = analyze(PESKOV, &Lexicon::builtin(), &Context { outlet: Some("TASS") });
        assert!(expected.attributions.len() >= 2, "{:?}", expected.attributions);
        let stored: Vec<Attribution> = library.attributions(1).unwrap().into_iter().map(|r| r.attribution).collect();
        assert_eq!(stored, expected.attributions);
        let record = library.analysis(1).unwrap().unwrap();
        assert_eq!((record.version, record.lexicon.as_str()), (1, ""));
        assert_eq!(record.scores, expected.scores, "worked out again from the stored attributions");
        let count: i64 = library
            .conn
            .query_row("SELECT attribution_count FROM analyses WHERE article_id = 1", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count as usize, expected.attributions.len());
        assert!(library.analysis(2).unwrap().is_none());
    }

    #[test]
    fn staleness_follows_version_and_lexicon() {
        let (_dir, mut library) = library_with(&[PESKOV, AGAIN]);
        let current = stamp(2, "");
        assert_eq!(library.analysis_counts(&current).unwrap(), AnalysisCounts { articles: 2, current: 0, stale: 2 });
        assert_eq!(analyse(&mut library, &current, false), [1, 2]);
        assert_eq!(library.analysis_counts(&current).unwrap(), AnalysisCounts { articles: 2, current: 2, stale: 0 });
        assert!(library.stale_articles(&current, false, 0, 10).unwrap().is_empty());
        assert_eq!(library.stale_articles(&current, true, 0, 10).unwrap().len(), 2);
        assert_eq!(library.stale_articles(&current, true, 1, 10).unwrap()[0].id, 2, "paging by id");
        assert_eq!(library.stale_articles(&stamp(3, ""), false, 0, 10).unwrap().len(), 2, "a newer version");
        assert_eq!(library.stale_articles(&stamp(2, "abc"), false, 0, 10).unwrap().len(), 2, "other additions");
        assert!(library.stale_articles(&stamp(1, "abc"), false, 0, 10).unwrap().is_empty(), "an older build");
    }

    #[test]
    fn reanalysis_replaces_attributions_and_sources_are_shared() {
        let (_dir, mut library) = library_with(&[PESKOV, AGAIN]);
        analyse(&mut library, &stamp(1, ""), false);
        let first: Vec<i64> = library.attributions(1).unwrap().iter().map(|r| r.id).collect();
        analyse(&mut library, &stamp(1, ""), true);
        let again = library.attributions(1).unwrap();
        assert_eq!(again.len(), first.len(), "replaced, not appended");
        assert!(again.iter().all(|r| !first.contains(&r.id)));
        let total: i64 = library.conn.query_row("SELECT count(*) FROM attributions", [], |r| r.get(0)).unwrap();
        assert_eq!(total as usize, first.len() + library.attributions(2).unwrap().len());

        let sources = library.sources(&SourceFilter::default()).unwrap();
        let peskov: Vec<&SourceRecord> = sources.iter().filter(|s| s.canonical == "Dmitry Peskov").collect();
        assert_eq!(peskov.len(), 1, "{sources:?}");
        assert_eq!((peskov[0].attributions, peskov[0].articles), (2, 2));
        let kind = peskov[0].source_type.clone();
        let filtered =
            library.sources(&SourceFilter { source_type: Some(kind.clone()), ..Default::default() }).unwrap();
        assert!(filtered.iter().all(|s| s.source_type == kind) && filtered.iter().any(|s| s.id == peskov[0].id));
        let stored = library.attributions(2).unwrap();
        let cited =
            stored.iter().find(|r| r.attribution.source.as_ref().is_some_and(|s| s.canonical == "Dmitry Peskov"));
        assert_eq!(cited.unwrap().source_id, Some(peskov[0].id));
        assert!(SourceType::parse(&kind).is_some());

        // The writes skip SQLite's foreign key checks; every row still has
        // its parents, and the checks are on again for other writes.
        let orphans: i64 =
            library.conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(orphans, 0);
        let checked: bool = library.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(checked);

        // A write that fails halfway leaves them on too, and writes nothing.
        library.conn.execute_batch("DROP TABLE source_tallies").unwrap();
        let before: i64 = library.conn.query_row("SELECT count(*) FROM attributions", [], |r| r.get(0)).unwrap();
        let analysis = analyze(PESKOV, &Lexicon::builtin(), &Context::default());
        let item = AnalysisItem::attributions_only(1, &analysis);
        assert!(library.write_analyses(&[item], &stamp(2, "")).is_err());
        let checked: bool = library.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(checked);
        let after: i64 = library.conn.query_row("SELECT count(*) FROM attributions", [], |r| r.get(0)).unwrap();
        assert_eq!(after, before);
        assert_eq!(library.analysis(1).unwrap().unwrap().version, 1, "the analysis row is as it was");
    }

    #[test]
    fn a_source_is_shared_by_name_and_type_and_keeps_its_first_country() {
        let (_dir, mut library) = library_with(&[]);
        let source = |canonical: &str, kind: SourceType, country: Option<&str>| Source {
            start: 0,
            end: canonical.len(),
            text: canonical.into(),
            kind,
            country: country.map(Into::into),
            canonical: canonical.into(),
            document: false,
            refers_to: None,
        };
        let tx = library.conn.transaction().unwrap();
        // Each call with a fresh cache, as separate batches would make it.
        let id = |s: &Source| SourceIds::new(&tx, KnownSources::default()).unwrap().id(s).unwrap();
        let first = id(&source("Dmitry Peskov", SourceType::Official, None));
        assert_eq!(id(&source("dmitry peskov", SourceType::Official, Some("RU"))), first, "ASCII case folded");
        assert_eq!(id(&source("Dmitry Peskov", SourceType::Official, Some("US"))), first);
        assert_ne!(id(&source("Dmitry Peskov", SourceType::Person, None)), first, "another type, another source");
        let country: Option<String> =
            tx.query_row("SELECT country FROM sources WHERE id = ?1", [first], |r| r.get(0)).unwrap();
        assert_eq!(country.as_deref(), Some("RU"), "filled in once, then kept");

        // The same through one cache, as the batches of one connection find
        // their sources: a known source without a country gets the first
        // one given, and a country a person set is never replaced.
        let mut known = SourceIds::new(&tx, KnownSources::default()).unwrap();
        let lavrov = known.id(&source("Sergey Lavrov", SourceType::Official, None)).unwrap();
        assert_eq!(known.id(&source("SERGEY LAVROV", SourceType::Official, Some("RU"))).unwrap(), lavrov);
        known.set_country(&tx, lavrov, "BY").unwrap();
        assert_eq!(known.id(&source("Sergey Lavrov", SourceType::Official, Some("US"))).unwrap(), lavrov);
        let country: Option<String> =
            tx.query_row("SELECT country FROM sources WHERE id = ?1", [lavrov], |r| r.get(0)).unwrap();
        assert_eq!(country.as_deref(), Some("BY"));
    }

    #[test]
    fn the_source_key_is_fixed_and_ignores_ascii_case_only() {
        // The key is stored: these values may never change.
        assert_eq!(source_key("Dmitry Peskov", "official"), source_key("DMITRY PESKOV", "official"));
        expect_test::expect![[r#"
            (
                5036712551066376619,
                -9132664129145826825,
                4719189281429304785,
            )
        "#]]
        .assert_debug_eq(&(
            source_key("Dmitry Peskov", "official"),
            source_key("Dmitry Peskov", "person"),
            source_key("Émile", "person"),
        ));
        assert_ne!(source_key("Émile", "person"), source_key("émile", "person"), "as NOCASE: ASCII only");
        assert_ne!(source_key("ab", "c"), source_key("a", "bc"), "the name and type are kept apart");
    }

    /// An official cited by `canonical`, as the engine gives one.
    fn official(canonical: &str) -> Source {
        Source {
            start: 0,
            end: canonical.len(),
            text: canonical.into(),
            kind: SourceType::Official,
            country: None,
            canonical: canonical.into(),
            document: false,
            refers_to: None,
        }
    }

    #[test]
    fn a_source_sharing_another_names_key_is_still_its_own() {
        let (_dir, mut library) = library_with(&[]);
        let tx = library.conn.transaction().unwrap();
        // Two names are made to share a key, as a collision of the hash
        // would: each is still found as itself.
        let peskov = official("Dmitry Peskov");
        tx.execute(
            "INSERT INTO sources (canonical, source_type, key) VALUES ('Someone Else', 'official', ?1)",
            [source_key("Dmitry Peskov", "official")],
        )
        .unwrap();
        let other = tx.last_insert_rowid();
        let first = SourceIds::new(&tx, KnownSources::default()).unwrap().id(&peskov).unwrap();
        assert_ne!(first, other, "a name sharing the key is another source");
        assert_eq!(
            SourceIds::new(&tx, KnownSources::default()).unwrap().id(&peskov).unwrap(),
            first,
            "and found again among them"
        );
        let person = Source { kind: SourceType::Person, ..peskov };
        let new = SourceIds::new(&tx, KnownSources::default()).unwrap().id(&person).unwrap();
        assert!(new != first && new != other);
    }

    #[test]
    fn the_migration_to_source_keys_keeps_every_source_and_its_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        // A file as the build before source keys left it: schema 14, with
        // a source cited by an attribution.
        {
            let mut conn = crate::migrate::file_at_version(&path, 14);
            conn.pragma_update(None, "foreign_keys", true).unwrap();
            let tx = conn.transaction().unwrap();
            tx.execute(
                "INSERT INTO articles (text, word_count, content_hash, format, source_path, imported_at)
                 VALUES ('Peskov said so.', 3, 'h', 'txt', 'test', 'now')",
                [],
            )
            .unwrap();
            tx.execute("INSERT INTO sources (id, canonical, source_type, country) VALUES (7, 'Dmitry Peskov', 'official', 'RU')", [])
                .unwrap();
            tx.execute(
                "INSERT INTO attributions (article_id, ordinal, kind, cue_start, cue_end, cue_text, cue_class, stance,
                     source_start, source_end, source_text, source_type, canonical, source_id, depth)
                 VALUES (1, 0, 'indirect', 7, 11, 'said', 'speech', 'neutral', 0, 6, 'Peskov', 'official',
                     'Dmitry Peskov', 7, 1)",
                [],
            )
            .unwrap();
            tx.commit().unwrap();
        }
        let mut library = Library::open(&path).unwrap();
        assert_eq!(library.schema_version().unwrap(), crate::migrate::LATEST);
        let enforced: bool = library.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(enforced, "foreign keys are on again after the migrations");
        let sources = library.sources(&SourceFilter::default()).unwrap();
        assert_eq!(
            sources.iter().map(|s| (s.id, s.canonical.as_str(), s.country.as_deref())).collect::<Vec<_>>(),
            [(7, "Dmitry Peskov", Some("RU"))]
        );
        // The old source is found by its key: an analysis citing the same
        // name adds no second one.
        let tx = library.conn.transaction().unwrap();
        let peskov = official("dmitry peskov");
        assert_eq!(SourceIds::new(&tx, KnownSources::default()).unwrap().id(&peskov).unwrap(), 7);
    }

    #[test]
    fn source_tallies_follow_every_write() {
        // Peskov twice in one article and once in each other; Putin once.
        let (_dir, mut library) = library_with(&[PESKOV, PESKOV_AGAIN_TWICE, AGAIN]);
        let check = |library: &Library, when: &str| {
            let tallied = library.sources(&SourceFilter::default()).unwrap();
            let scanned = library.sources_by_scan(&SourceFilter::default()).unwrap();
            assert_eq!(tallied, scanned, "{when}");
            tallied
        };
        analyse(&mut library, &stamp(1, ""), false);
        let first = check(&library, "after the first analysis");
        let peskov = first.iter().find(|s| s.canonical == "Dmitry Peskov").expect("Peskov is listed");
        assert_eq!((peskov.attributions, peskov.articles), (4, 3));
        // Analysed again: the old attributions' counts are taken back
        // before the new ones are added.
        analyse(&mut library, &stamp(2, ""), true);
        assert_eq!(check(&library, "after a second analysis of every article"), first);
        // An article deleted takes its citations with it, and a source no
        // longer cited leaves the list.
        library.conn.execute("DELETE FROM articles WHERE id = 1", []).unwrap();
        let after = check(&library, "after an article was deleted");
        assert!(after.iter().all(|s| s.canonical != "Vladimir Putin"), "{after:?}");
        let peskov = after.iter().find(|s| s.canonical == "Dmitry Peskov").expect("Peskov is listed");
        assert_eq!((peskov.attributions, peskov.articles), (3, 2));
        let limited = library.sources(&SourceFilter { limit: Some(1), ..Default::default() }).unwrap();
        assert_eq!(limited, after[..1]);
        // A source's own page reads the same tally, and a source no longer
        // cited reads as cited nowhere.
        for source in &after {
            assert_eq!(library.source(source.id).unwrap().as_ref(), Some(source));
        }
        let putin = first.iter().find(|s| s.canonical == "Vladimir Putin").expect("Putin was listed");
        let gone = library.source(putin.id).unwrap().expect("the source is kept");
        assert_eq!((gone.attributions, gone.articles), (0, 0));
        assert!(library.source_citations(putin.id).unwrap().is_empty());
    }

    #[test]
    fn a_much_cited_source_gives_the_same_evidence_read_article_by_article() {
        let (_dir, mut library) = library_with(&[PESKOV, PESKOV_AGAIN_TWICE, AGAIN, PESKOV]);
        // Newest first: the fourth article, the first, the third; the
        // undated second comes last.
        library
            .conn
            .execute(
                "UPDATE articles SET published = CASE id WHEN 1 THEN '2021-06-01' WHEN 3 THEN '2021-01-01'
                     WHEN 4 THEN '2021-12-12' END",
                [],
            )
            .unwrap();
        analyse(&mut library, &stamp(1, ""), false);
        let sources = library.sources(&SourceFilter::default()).unwrap();
        let peskov = sources.iter().find(|s| s.canonical == "Dmitry Peskov").unwrap().id;
        let page = |offset: usize| crate::EvidenceQuery {
            source_id: Some(peskov),
            offset,
            limit: Some(2),
            ..Default::default()
        };
        let direct: Vec<_> = (0..3).map(|o| library.evidence(&page(o * 2)).unwrap()).collect();
        let order: Vec<(i64, usize)> =
            direct.iter().flat_map(|p| p.rows.iter().map(|r| (r.article_id, r.attribution.ordinal))).collect();
        assert_eq!(order, [(4, 0), (1, 0), (3, 0), (2, 0), (2, 1)]);
        assert!(direct.iter().all(|p| p.total == 5));
        // The same source as if it were cited more than OFTEN_CITED times:
        // the pages come from the articles, newest first, and the total
        // from the tally.
        library
            .conn
            .execute(
                "UPDATE source_tallies SET attributions = ?2 WHERE source_id = ?1",
                params![peskov, crate::evidence::OFTEN_CITED + 1],
            )
            .unwrap();
        for (o, expected) in direct.iter().enumerate() {
            let by_articles = library.evidence(&page(o * 2)).unwrap();
            assert_eq!(by_articles.rows, expected.rows, "page {o}");
            assert_eq!(by_articles.total, crate::evidence::OFTEN_CITED + 1);
        }
        // Any other condition reads the attributions directly, as before.
        let filtered = crate::EvidenceQuery { stance: Some("neutral".into()), ..page(0) };
        assert_eq!(library.evidence(&filtered).unwrap().total, 5);
    }

    #[test]
    fn citations_by_outlet_follow_every_write_and_a_corrected_outlet() {
        let (_dir, mut library) = library_with(&[PESKOV, PESKOV_AGAIN_TWICE, AGAIN]);
        let check = |library: &Library, when: &str| {
            let mut all = Vec::new();
            for source in library.sources(&SourceFilter::default()).unwrap() {
                let tallied = library.source_citations(source.id).unwrap();
                assert_eq!(tallied, library.source_citations_by_scan(source.id).unwrap(), "{when}: {source:?}");
                all.push((source.canonical, tallied));
            }
            all
        };
        analyse(&mut library, &stamp(1, ""), false);
        let first = check(&library, "after the first analysis");
        let (_, peskov) = first.iter().find(|(name, _)| name == "Dmitry Peskov").expect("Peskov is cited");
        assert_eq!(peskov.len(), 1, "every article is TASS's: {peskov:?}");
        assert_eq!((peskov[0].outlet.as_str(), peskov[0].attributions, peskov[0].articles), ("TASS", 4, 3));
        analyse(&mut library, &stamp(2, ""), true);
        assert_eq!(check(&library, "after a second analysis"), first);
        // One article moves to another outlet, and its citations with it.
        library
            .conn
            .execute("UPDATE articles SET outlet_id = (SELECT id FROM outlets WHERE name = 'Reuters') WHERE id = 2", [])
            .unwrap();
        let moved = check(&library, "after an outlet was corrected");
        let (_, peskov) = moved.iter().find(|(name, _)| name == "Dmitry Peskov").unwrap();
        let counts: Vec<(&str, i64, i64)> =
            peskov.iter().map(|c| (c.outlet.as_str(), c.attributions, c.articles)).collect();
        assert_eq!(counts, [("Reuters", 2, 1), ("TASS", 2, 2)]);
        // With no outlet at all, and then deleted.
        library.conn.execute("UPDATE articles SET outlet_id = NULL WHERE id = 2", []).unwrap();
        check(&library, "after an outlet was removed");
        library.conn.execute("DELETE FROM articles WHERE id = 2", []).unwrap();
        let after = check(&library, "after an article was deleted");
        let (_, peskov) = after.iter().find(|(name, _)| name == "Dmitry Peskov").unwrap();
        let counts: Vec<(&str, i64, i64)> =
            peskov.iter().map(|c| (c.outlet.as_str(), c.attributions, c.articles)).collect();
        assert_eq!(counts, [("TASS", 2, 2)]);
    }

    #[test]
    fn deleting_an_article_deletes_its_analysis() {
        let (_dir, mut library) = library_with(&[PESKOV]);
        analyse(&mut library, &stamp(1, ""), false);
        library.conn.execute("DELETE FROM articles WHERE id = 1", []).unwrap();
        let left: i64 = library
            .conn
            .query_row("SELECT (SELECT count(*) FROM analyses) + (SELECT count(*) FROM attributions)", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(library.sources(&SourceFilter::default()).unwrap().is_empty(), "uncited sources are not listed");
        // An analysis of an article deleted meanwhile is skipped, not an error.
        let analysis = analyze(PESKOV, &Lexicon::builtin(), &Context::default());
        let item = AnalysisItem::attributions_only(1, &analysis);
        assert_eq!(library.write_analyses(&[item], &stamp(1, "")).unwrap(), 0);
    }

    #[test]
    fn lexicon_additions_are_kept_in_order_once() {
        let (_dir, mut library) = library_with(&[]);
        let row = "harrumph\tharrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong";
        let (first, new) = library.add_lexicon_row("cues", row).unwrap();
        assert!(new);
        let (same, new) = library.add_lexicon_row("cues", row).unwrap();
        assert!(!new);
        assert_eq!(same.id, first.id);
        library.add_lexicon_row("sources", "town crier\tperson\t\ttitle").unwrap();
        let kinds: Vec<String> = library.lexicon_additions().unwrap().into_iter().map(|a| a.kind).collect();
        assert_eq!(kinds, ["cues", "sources"]);
        assert!(matches!(library.add_lexicon_row("verbs", row), Err(StoreError::Invalid(_))));
        assert_eq!(library.remove_lexicon_row(first.id).unwrap().row, row);
        assert!(matches!(library.remove_lexicon_row(first.id), Err(StoreError::NotFound(_))));
        assert_eq!(library.lexicon_additions().unwrap().len(), 1);
    }

    #[test]
    fn the_stamp_follows_the_lexicon_additions() {
        let (_dir, mut library) = library_with(&[]);
        assert_eq!(library.analysis_stamp(4).unwrap(), stamp(4, ""));
        let (added, _) = library.add_lexicon_row("sources", "town crier\tperson\t\ttitle").unwrap();
        let with = library.analysis_stamp(4).unwrap();
        assert_eq!(with.lexicon.len(), 32);
        library.add_lexicon_row("sources", "bellman\tperson\t\ttitle").unwrap();
        assert_ne!(library.analysis_stamp(4).unwrap(), with);
        library.remove_lexicon_row(added.id).unwrap();
        library.remove_lexicon_row(added.id + 1).unwrap();
        assert_eq!(library.analysis_stamp(4).unwrap(), stamp(4, ""));
    }

    /// The dashboard's tallies (migration 0008) against a scan of the same
    /// articles, which a collection of every article forces.
    fn assert_tallies_match_a_scan(library: &mut Library, when: &str) {
        let ids: Vec<i64> = library
            .conn
            .prepare("SELECT id FROM articles")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        library.add_to_collection("every", &ids).unwrap();
        for filter in [
            ArticleFilter::default(),
            ArticleFilter::outlet("Reuters"),
            ArticleFilter { since: Some("2021-12".into()), until: Some("2021-12-03".into()), ..Default::default() },
        ] {
            let every = ArticleFilter { collection: Some("every".into()), ..filter.clone() };
            assert_eq!(
                library.framing_by_outlet(&filter).unwrap(),
                library.framing_by_outlet(&every).unwrap(),
                "{when}: framing, {filter:?}"
            );
            assert_eq!(
                library.sourcing_mix(&filter).unwrap(),
                library.sourcing_mix(&every).unwrap(),
                "{when}: mix, {filter:?}"
            );
            assert_eq!(
                library.tone_distribution(&filter).unwrap(),
                library.tone_distribution(&every).unwrap(),
                "{when}: tone, {filter:?}"
            );
            assert_eq!(
                library.timeline(&filter).unwrap(),
                library.timeline(&every).unwrap(),
                "{when}: timeline, {filter:?}"
            );
            for syndicated in [false, true] {
                assert_eq!(
                    library.credit_tallies(&filter, syndicated).unwrap(),
                    library.credit_tallies(&every, syndicated).unwrap(),
                    "{when}: credits, {filter:?}, without syndicated {syndicated}"
                );
            }
        }
    }

    #[test]
    fn tallies_follow_analyses_corrections_and_deletions() {
        const CREDITED: &str = "Kremlin spokesman Dmitry Peskov said the talks were over.\n\n(With input from Reuters)\n\n(With input from Reuters and AFP)";
        let (_dir, mut library) = library_with(&[PESKOV, AGAIN, CREDITED]);
        library.conn.execute("UPDATE articles SET published = '2021-12-03T10:00' WHERE id IN (1, 3)", []).unwrap();
        let lexicon = Lexicon::builtin();
        let write = |library: &mut Library, syndicated: bool| {
            let targets = library.stale_articles(&stamp(1, ""), true, 0, 100).unwrap();
            // The second analysis also brings a tone, which the one write
            // of the analysis row must tally.
            let tones = sourcetrace_core::tone::ToneLexicon::builtin();
            let found: Vec<(i64, Analysis, Vec<Credit>, Option<ToneFigures>)> = targets
                .iter()
                .map(|t| {
                    (
                        t.id,
                        analyze(&t.text, &lexicon, &Context::default()),
                        sourcetrace_core::credits::find(&t.text, &lexicon.gazetteer),
                        syndicated.then(|| {
                            sourcetrace_core::tone::article_tone(&t.text, &tones, Default::default(), &[]).figures()
                        }),
                    )
                })
                .collect();
            let items: Vec<AnalysisItem> = found
                .iter()
                .map(|(id, a, c, tone)| AnalysisItem {
                    article_id: *id,
                    analysis: a,
                    credits: c,
                    reuse: &[],
                    syndicated: syndicated && *id == 3,
                    tone: tone.as_ref(),
                    framing: None,
                    encoded: None,
                })
                .collect();
            library.write_analyses(&items, &stamp(1, "")).unwrap();
        };
        write(&mut library, false);
        let tallies = library.credit_tallies(&ArticleFilter::default(), false).unwrap();
        assert!(tallies.cells.iter().any(|c| c.agency == "Reuters" && c.articles == 1), "{tallies:?}");
        assert_tallies_match_a_scan(&mut library, "after the first analysis");
        write(&mut library, true);
        assert_tallies_match_a_scan(&mut library, "after a second analysis that finds article 3 syndicated");
        assert_eq!(
            library.tone_distribution(&ArticleFilter::default()).unwrap().iter().map(|t| t.articles).sum::<i64>(),
            3
        );
        // An analysis row written anew while the article's credits are
        // still there (they are replaced after it): the insert trigger
        // counts their agencies, which the replacement then takes back.
        library.conn.execute("DELETE FROM analyses WHERE article_id = 3", []).unwrap();
        write(&mut library, true);
        assert_tallies_match_a_scan(&mut library, "after an analysis written over the article's old credits");
        library
            .conn
            .execute("UPDATE articles SET outlet_id = (SELECT id FROM outlets WHERE name = 'Reuters'), published = '2021-11-30' WHERE id = 3", [])
            .unwrap();
        assert_tallies_match_a_scan(&mut library, "after a corrected outlet and date");
        // Over more than two years the timeline comes from the month tally.
        library.conn.execute("UPDATE articles SET published = '2019-01-05' WHERE id = 2", []).unwrap();
        assert_eq!(library.timeline(&ArticleFilter::default()).unwrap().period, crate::TimelinePeriod::Month);
        assert_tallies_match_a_scan(&mut library, "with a timeline of months");
        library.conn.execute("UPDATE analyses SET tone = 0.5, hedges = 2 WHERE article_id = 1", []).unwrap();
        assert_tallies_match_a_scan(&mut library, "after a new tone");
        library.conn.execute("UPDATE analyses SET tone = -0.95 WHERE article_id = 1", []).unwrap();
        library.conn.execute("UPDATE analyses SET tone = 0.1 WHERE article_id = 2", []).unwrap();
        assert_tallies_match_a_scan(&mut library, "after tones moved between bins");
        // Articles 1 and 2 as set here, and 3 with the tone of its analysis.
        assert_eq!(library.tone_distribution(&ArticleFilter::default()).unwrap().len(), 3);
        library.conn.execute("UPDATE analyses SET tone = NULL WHERE article_id = 2", []).unwrap();
        assert_tallies_match_a_scan(&mut library, "after a tone was cleared");
        library.conn.execute("DELETE FROM articles WHERE id IN (1, 3)", []).unwrap();
        assert_tallies_match_a_scan(&mut library, "after deleting articles");
        let left: i64 =
            library.conn.query_row("SELECT coalesce(sum(articles), 0) FROM tally_analyses", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 1);
    }
}
