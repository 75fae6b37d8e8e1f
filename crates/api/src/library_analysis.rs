//! Analysing the library: attributions and scores for every stored article,
//! kept up to date with the rules and the user's lexicon additions.
//!
//! Staleness: every stored analysis carries the analysis version of the
//! build that made it and a digest of the lexicon additions it used (see
//! [`sourcetrace_store::AnalysisStamp`]). [`Sourcetrace::analyze_library`]
//! redoes exactly the articles whose stamp differs from the current one, so
//! a new release of the rules, or adding or removing a lexicon row, makes
//! the next run redo every article, while a second run right after the first
//! does nothing. Old results stay readable until they are redone.

use crate::reuse::{ArticleReuse, ReuseInputs};
use crate::Lexicons;
use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use rayon::prelude::*;
use serde::Serialize;
use sourcetrace_core::attribution::{self, Analysis, Context, Lexicon, Reading, SourceType};
use sourcetrace_core::credits::{self, Credit};
use sourcetrace_core::framing::{self, Framing};
use sourcetrace_core::tone::{self, ToneEngine, ToneFigures};
use sourcetrace_core::ANALYSIS_VERSION;
use sourcetrace_store::{
    AnalysisCounts, AnalysisItem, AnalysisRecord, AnalysisStamp, AnalysisTarget, ArticleFilter, AttributionRecord,
    CreditTallies, EncodedAttributions, LexiconAddition, ReuseRow, SourceFilter, SourceRecord,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

/// Articles analysed per transaction by default. A cancel or a kill loses
/// at most one batch; the next run does the rest.
pub const ANALYSIS_BATCH: usize = 512;

/// How to analyse the library.
#[derive(Debug, Clone)]
pub struct AnalyzeRequest {
    /// Redo every article, current or not.
    pub force: bool,
    /// Articles per transaction ([`ANALYSIS_BATCH`] by default).
    pub batch_size: usize,
    /// Group the articles in no story yet when the analysis is done (the
    /// default). A benchmark of something else, or a map step that only
    /// wants attributions, turns it off.
    pub group_stories: bool,
}

impl Default for AnalyzeRequest {
    fn default() -> AnalyzeRequest {
        AnalyzeRequest { force: false, batch_size: ANALYSIS_BATCH, group_stories: true }
    }
}

/// How an analysis run ended.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnalyzeSummary {
    /// Articles analysed in this run.
    pub analyzed: u64,
    /// Articles left alone because their analysis was current.
    pub skipped_current: u64,
    /// Attributions stored in this run.
    pub attributions: u64,
    /// The analysis version of the rules used.
    pub version: u32,
    pub cancelled: bool,
    pub elapsed_ms: u64,
    /// Lexicon additions this build could not use (rows that an older build
    /// accepted), one message each.
    pub lexicon_warnings: Vec<String>,
    /// The articles in no story yet, grouped at the end of the run so that
    /// one command brings the library up to date; `None` when cancelled.
    pub stories: Option<crate::GroupSummary>,
}

/// An article's analysis: its scores and attributions, and whether they
/// were made with the current rules and lexicon.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleAnalysis {
    pub article_id: i64,
    /// Missing when the article has not been analysed yet.
    pub analysis: Option<AnalysisRecord>,
    /// The analysis matches the current version and lexicon additions.
    pub current: bool,
    pub attributions: Vec<AttributionRecord>,
}

/// A lexicon row as added, and what adding it did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LexiconAdded {
    pub addition: LexiconAddition,
    /// False when the same row was already there (nothing changed).
    pub new: bool,
    /// Articles whose analysis is now out of date.
    pub stale: i64,
}

impl Sourcetrace {
    /// The stamp analyses made now get.
    pub(crate) fn analysis_stamp(&self) -> Result<AnalysisStamp> {
        Ok(self.library.analysis_stamp(ANALYSIS_VERSION)?)
    }

    /// The attribution lexicons with the library's additions on top, and a
    /// message for each addition that did not apply (see
    /// [`Sourcetrace::lexicons`] for every lexicon).
    pub fn lexicon(&self) -> Result<(Lexicon, Vec<String>)> {
        let (lexicons, warnings) = self.lexicons()?;
        Ok((lexicons.attribution, warnings))
    }

    /// How many articles have a current analysis and how many do not.
    pub fn analysis_counts(&self) -> Result<AnalysisCounts> {
        Ok(self.library.analysis_counts(&self.analysis_stamp()?)?)
    }

    /// Analyses the articles whose analysis is missing or stale (every
    /// article with `force`), in batches of one transaction each, the
    /// articles of a batch in parallel. Reports `(done, total)` after each
    /// batch; stops between batches when `cancel` is set, keeping what was
    /// committed.
    pub fn analyze_library(
        &mut self,
        request: &AnalyzeRequest,
        on_progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<AnalyzeSummary> {
        let started = Instant::now();
        self.library.prepare_for_bulk_writes()?;
        let stamp = self.analysis_stamp()?;
        let (lexicons, lexicon_warnings) = self.lexicons()?;
        let counts = self.library.analysis_counts(&stamp)?;
        let (mut total, skipped_current) =
            if request.force { (counts.articles, 0) } else { (counts.stale, counts.current) };
        let mut summary = AnalyzeSummary {
            analyzed: 0,
            skipped_current: skipped_current as u64,
            attributions: 0,
            version: stamp.version,
            cancelled: false,
            elapsed_ms: 0,
            lexicon_warnings,
            stories: None,
        };
        // A three-stage pipeline. A reading thread, on a connection of its
        // own, reads each batch's inputs (texts, corrections, the texts of
        // near-duplicates); an analysing thread analyses the articles of
        // each batch on every core; this thread, which holds the library,
        // writes each batch's results in one transaction. The writes are the
        // critical path, so nothing else runs on this thread: reading here
        // took a tenth of its time. Batches are chosen by article id, so
        // later ones can be read before earlier ones are written. Channels
        // of one batch between the stages keep each stage one batch ahead of
        // the next (so that a stage never waits for the one before it in
        // lock step) and bound memory: at most five batches are alive, one
        // in each stage and one in each channel.
        let reader = self.library.open_reader()?;
        let (to_analyse, batches) = mpsc::sync_channel::<(Vec<AnalysisTarget>, Corrections, Vec<ReuseInputs>)>(1);
        let (to_write, analysed) = mpsc::sync_channel::<(Vec<AnalysisTarget>, Vec<Analysed>)>(1);
        let lexicons = &lexicons;
        let workers = crate::background::worker_pool();
        let (stamp_ref, force, batch_size) = (&stamp, request.force, request.batch_size.max(1));
        std::thread::scope(|scope| -> Result<()> {
            let reading = scope.spawn(move || -> Result<()> {
                let mut after = 0;
                loop {
                    let targets = reader.stale_articles(stamp_ref, force, after, batch_size)?;
                    let Some(last) = targets.last() else { return Ok(()) };
                    after = last.id;
                    let ids: Vec<i64> = targets.iter().map(|t| t.id).collect();
                    let corrections = reader.corrections_to_apply(&ids)?;
                    let reuse = targets.iter().map(|t| ReuseInputs::read(&reader, t.id)).collect::<Result<Vec<_>>>()?;
                    if to_analyse.send((targets, corrections, reuse)).is_err() {
                        // The writes stopped (a cancel or an error); the
                        // join below reports an error, if any.
                        return Ok(());
                    }
                }
            });
            let analyser = scope.spawn(move || {
                for (targets, corrections, reuse) in batches {
                    let analyse = || analyse_batch(&targets, &corrections, &reuse, lexicons);
                    let results = match &workers {
                        Some(pool) => pool.install(analyse),
                        None => analyse(),
                    };
                    if to_write.send((targets, results)).is_err() {
                        break;
                    }
                }
            });
            let outcome = (|| {
                for (done, results) in analysed.iter() {
                    if cancel.load(Ordering::Relaxed) {
                        // A cancel stops the writes at once: batches analysed
                        // meanwhile are dropped unwritten, and the next run
                        // does them.
                        summary.cancelled = true;
                        return Ok(());
                    }
                    summary.attributions += self.write_batch(&done, &results, &stamp)? as u64;
                    summary.analyzed += done.len() as u64;
                    // Articles imported meanwhile are analysed too.
                    total = total.max(summary.analyzed as i64);
                    on_progress(summary.analyzed as usize, total as usize);
                }
                Ok(())
            })();
            // Closing the last channel stops the analysing thread at its
            // next batch and, through it, the reading thread, whatever
            // happened here.
            drop(analysed);
            // A panic in the analysis is a bug; it surfaces here as one.
            analyser.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let read = reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // An error of the writes comes first; the reading's own error
            // counts when the writes had none (the analysis then stopped
            // early, and what was written stays).
            outcome.and(read)
        })?;
        if !summary.cancelled && request.group_stories {
            summary.stories = Some(self.group_stories(&crate::GroupRequest::default())?);
        }
        summary.elapsed_ms = started.elapsed().as_millis() as u64;
        Ok(summary)
    }

    /// Analyses `targets` and stores the results in one transaction; returns
    /// how many attributions were stored.
    fn analyze_targets(
        &mut self,
        targets: &[AnalysisTarget],
        lexicons: &Lexicons,
        stamp: &AnalysisStamp,
    ) -> Result<usize> {
        let ids: Vec<i64> = targets.iter().map(|t| t.id).collect();
        let corrections = self.library.corrections_to_apply(&ids)?;
        let reuse = self.reuse_inputs_of(targets)?;
        let analyses = analyse_batch(targets, &corrections, &reuse, lexicons);
        self.write_batch(targets, &analyses, stamp)
    }

    /// What the reuse of each of `targets` is worked out from, read now so
    /// that the comparison runs with the rest of the analysis.
    fn reuse_inputs_of(&self, targets: &[AnalysisTarget]) -> Result<Vec<ReuseInputs>> {
        targets.iter().map(|t| self.reuse_inputs(t.id)).collect()
    }

    /// Stores the analyses of `targets` with their reuse in one transaction;
    /// returns how many attributions were stored.
    fn write_batch(
        &mut self,
        targets: &[AnalysisTarget],
        analyses: &[Analysed],
        stamp: &AnalysisStamp,
    ) -> Result<usize> {
        let rows: Vec<Vec<ReuseRow>> = analyses
            .iter()
            .map(|a| {
                a.reuse
                    .matches
                    .iter()
                    .map(|m| ReuseRow {
                        other_id: m.id,
                        share: m.share,
                        other_is_origin: m.other_is_origin,
                        passages: m.passages.clone(),
                    })
                    .collect()
            })
            .collect();
        let items: Vec<AnalysisItem> = targets
            .iter()
            .zip(analyses)
            .zip(&rows)
            .map(|((t, a), rows)| AnalysisItem {
                article_id: t.id,
                analysis: &a.analysis,
                credits: &a.credits,
                reuse: rows,
                syndicated: a.reuse.syndicated,
                tone: Some(&a.tone),
                framing: Some(&a.framing),
                encoded: Some(&a.encoded),
            })
            .collect();
        Ok(self.library.write_analyses(&items, stamp)?)
    }

    /// Analyses one article again now, whatever its stamp: after a
    /// correction, so that its tallies change at once. It is cheap (one
    /// article, one transaction) and leaves story grouping alone.
    pub(crate) fn reanalyze_article(&mut self, article_id: i64) -> Result<()> {
        let target = self
            .library
            .analysis_target(article_id)?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("article #{article_id} does not exist")))?;
        let stamp = self.analysis_stamp()?;
        let (lexicons, _) = self.lexicons()?;
        self.analyze_targets(&[target], &lexicons, &stamp)?;
        Ok(())
    }

    /// An article's stored attributions, in text order. Empty when the
    /// article has not been analysed.
    pub fn attributions(&self, article_id: i64) -> Result<Vec<AttributionRecord>> {
        self.require_article(article_id)?;
        Ok(self.library.attributions(article_id)?)
    }

    /// An article's scores and attributions, and whether they are current.
    pub fn article_analysis(&self, article_id: i64) -> Result<ArticleAnalysis> {
        self.require_article(article_id)?;
        let analysis = self.library.analysis(article_id)?;
        let stamp = self.analysis_stamp()?;
        let current = analysis.as_ref().is_some_and(|a| a.version == stamp.version && a.lexicon == stamp.lexicon);
        let attributions = self.library.attributions(article_id)?;
        Ok(ArticleAnalysis { article_id, analysis, current, attributions })
    }

    /// The sources cited across the library with how many attributions and
    /// articles cite each, most cited first.
    pub fn sources(&self, filter: &SourceFilter) -> Result<Vec<SourceRecord>> {
        if let Some(kind) = &filter.source_type {
            if SourceType::parse(kind).is_none() {
                let known: Vec<&str> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("unknown source type {kind:?}: use one of {}", known.join(", ")),
                ));
            }
        }
        Ok(self.library.sources(filter)?)
    }

    /// Adds one row to a lexicon (`cues`, `sources`, `countries`,
    /// `outlets`, `hedges`, `loaded` or `tone`), in the tab-separated
    /// columns of the built-in file. The
    /// row is checked by parsing it over the built-in lexicons first; a row
    /// with any problem is refused with a message that names it. Adding a
    /// row makes every stored analysis stale.
    pub fn add_lexicon_row(&mut self, kind: &str, row: &str) -> Result<LexiconAdded> {
        let (kind, row) = crate::framing::validate_lexicon_row(kind, row)?;
        let (addition, new) = self.library.add_lexicon_row(kind.as_str(), &row)?;
        let stale = self.analysis_counts()?.stale;
        Ok(LexiconAdded { addition, new, stale })
    }

    /// The user's lexicon rows in the order they apply.
    pub fn lexicon_additions(&self) -> Result<Vec<LexiconAddition>> {
        Ok(self.library.lexicon_additions()?)
    }

    /// Removes one of the user's lexicon rows and returns it. Analyses made
    /// with it become stale.
    pub fn remove_lexicon_row(&mut self, id: i64) -> Result<LexiconAddition> {
        Ok(self.library.remove_lexicon_row(id)?)
    }

    /// An article's credits as stored by `analyze_library`, in text order.
    pub fn credits(&self, article_id: i64) -> Result<Vec<Credit>> {
        self.require_article(article_id)?;
        Ok(self.library.credits(article_id)?)
    }

    /// The outlet × agency matrix over a selection: for each outlet, the
    /// share of its analysed articles that credit each agency, optionally
    /// without syndicated copy.
    pub fn credit_tallies(&self, filter: &ArticleFilter, without_syndicated: bool) -> Result<CreditTallies> {
        self.validate_filter(filter)?;
        Ok(self.library.credit_tallies(filter, without_syndicated)?)
    }

    pub(crate) fn require_article(&self, article_id: i64) -> Result<()> {
        if self.library.article_exists(article_id)? {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::NotFound, format!("article #{article_id} does not exist")))
        }
    }
}

/// The corrections a person made to each article of a batch, by article.
type Corrections = HashMap<i64, Vec<attribution::Correction>>;

/// What the analysis of one article gives, before it is stored.
struct Analysed {
    analysis: Analysis,
    credits: Vec<Credit>,
    tone: ToneFigures,
    framing: Framing,
    reuse: ArticleReuse,
    encoded: EncodedAttributions,
}

/// Analyses `targets` on all cores. Each article's corrections are applied
/// right after the engine's findings, before tone, framing and scores are
/// worked out from them, so that everything stored counts the person's
/// decisions. Each article is compared with its near-duplicates here too,
/// from texts read beforehand. Pure: it reads no library, so it can run
/// while the library writes the batch before.
fn analyse_batch(
    targets: &[AnalysisTarget],
    corrections: &Corrections,
    reuse: &[ReuseInputs],
    lexicons: &Lexicons,
) -> Vec<Analysed> {
    let lexicon = &lexicons.attribution;
    targets
        .par_iter()
        .zip(reuse)
        .map(|(t, reuse)| {
            // One reading of the text serves every stage.
            let reading = Reading::new(&t.text, lexicon);
            let mut analysis =
                attribution::analyze_reading(&reading, lexicon, &Context { outlet: t.outlet.as_deref() });
            attribution::correct(&mut analysis, corrections.get(&t.id).map_or(&[], Vec::as_slice));
            let entities = tone::entities_in(&analysis, &reading, lexicon);
            // The library keeps the tone's figures; the article's view works
            // out the sentences and terms behind them again.
            let tone = tone::article_tone_figures_in(&reading, &lexicons.tone, ToneEngine::default(), &entities);
            let framing = framing::framing_in(&reading, &analysis, &lexicons.framing);
            let credits = credits::find_in(&reading, &t.text, &lexicon.gazetteer);
            let encoded = EncodedAttributions::of(&analysis);
            Analysed { analysis, credits, tone, framing, reuse: reuse.compare(), encoded }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ImportRequest;

    /// A library of `n` articles, each citing Dmitry Peskov.
    fn library(n: usize) -> (tempfile::TempDir, Sourcetrace) {
        let dir = tempfile::tempdir().unwrap();
        let lines: Vec<String> = (0..n)
            .map(|i| {
                serde_json::json!({
                    "title": format!("Story {i}"),
                    "outlet": "Reuters",
                    "text": format!("Kremlin spokesman Dmitry Peskov said on day {i} that the talks would go on."),
                })
                .to_string()
            })
            .collect();
        let file = dir.path().join("a.jsonl");
        std::fs::write(&file, lines.join("\n")).unwrap();
        let mut app = Sourcetrace::open(&dir.path().join("l.sqlite")).unwrap();
        app.import(&ImportRequest::new(vec![file]), &mut |_| {}, &AtomicBool::new(false)).unwrap();
        (dir, app)
    }

    #[test]
    fn a_cancelled_run_keeps_its_batches_and_the_next_run_does_the_rest() {
        let (_dir, mut app) = library(5);
        let cancel = AtomicBool::new(false);
        let request = AnalyzeRequest { force: false, batch_size: 2, group_stories: true };
        let mut seen = Vec::new();
        let first = app
            .analyze_library(
                &request,
                &mut |done, total| {
                    seen.push((done, total));
                    cancel.store(true, Ordering::Relaxed);
                },
                &cancel,
            )
            .unwrap();
        assert_eq!(seen, [(2, 5)]);
        assert!(first.cancelled);
        assert_eq!((first.analyzed, first.skipped_current, first.version), (2, 0, ANALYSIS_VERSION));
        assert_eq!(first.attributions, 2, "one attribution per article");
        let counts = app.analysis_counts().unwrap();
        assert_eq!((counts.current, counts.stale), (2, 3));

        let mut seen = Vec::new();
        let second = app.analyze_library(&request, &mut |d, t| seen.push((d, t)), &AtomicBool::new(false)).unwrap();
        assert_eq!((second.analyzed, second.skipped_current, second.cancelled), (3, 2, false));
        assert_eq!(seen, [(2, 3), (3, 3)]);
        let third = app.analyze_library(&request, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!((third.analyzed, third.skipped_current), (0, 5));

        let story = app.article_analysis(5).unwrap();
        assert!(story.current);
        assert_eq!(story.analysis.unwrap().scores.attributions, 1);
        let source = story.attributions[0].attribution.source.as_ref().unwrap();
        assert_eq!(source.canonical, "Dmitry Peskov");
        let sources = app.sources(&SourceFilter::default()).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!((sources[0].canonical.as_str(), sources[0].articles), ("Dmitry Peskov", 5));
        assert_eq!(app.article_analysis(6).unwrap_err().code, ErrorCode::NotFound);
        let err = app.sources(&SourceFilter { source_type: Some("spy".into()), ..Default::default() }).unwrap_err();
        assert!(err.message.contains("unknown source type \"spy\""), "{}", err.message);
    }

    #[test]
    fn adding_and_removing_a_lexicon_row_marks_analyses_stale_and_current_again() {
        let (_dir, mut app) = library(3);
        app.analyze_library(&AnalyzeRequest::default(), &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
        let row = "town crier\tperson\t\ttitle";
        let added = app.add_lexicon_row("sources", row).unwrap();
        assert!(added.new);
        assert_eq!(added.stale, 3);
        assert!(!app.article_analysis(1).unwrap().current, "an analysis made without the row is stale");
        let again = app.add_lexicon_row("sources", row).unwrap();
        assert_eq!((again.new, again.addition.id), (false, added.addition.id));
        let (_, warnings) = app.lexicon().unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        app.remove_lexicon_row(added.addition.id).unwrap();
        assert_eq!(app.analysis_counts().unwrap().stale, 0);
        assert_eq!(app.remove_lexicon_row(added.addition.id).unwrap_err().code, ErrorCode::NotFound);
    }

    #[test]
    fn the_tone_shown_is_the_tone_the_stored_analysis_counted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        // Text before, between and after the sentences, and characters of
        // several bytes, so that offsets in code points are put to the test.
        let text = "Moscow \u{2014} \u{201C}Nothing good,\u{201D} said Dmitry Peskov.\n\nThe Kremlin\u{2019}s caf\u{e9} was a terrible failure!! Stocks rose \u{1F4C8} sharply, Peskov said.";
        std::fs::write(&file, text).unwrap();
        let mut app = Sourcetrace::open(&dir.path().join("l.sqlite")).unwrap();
        app.import(&ImportRequest::new(vec![file]), &mut |_| {}, &AtomicBool::new(false)).unwrap();
        let request = AnalyzeRequest { force: false, batch_size: 10, group_stories: false };
        app.analyze_library(&request, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
        let shown = app.tone(1, ToneEngine::default()).unwrap();
        assert!(shown.sentences.len() >= 2);
        assert!(shown.sentences.iter().any(|s| s.text.contains("terrible failure")), "{:?}", shown.sentences);
        let stored: f64 = app
            .library
            .connection()
            .query_row("SELECT tone FROM analyses WHERE article_id = 1", [], |r| r.get(0))
            .unwrap();
        assert_eq!(shown.score, stored);
        let mut stmt =
            app.library.connection().prepare("SELECT entity, score FROM entity_tones ORDER BY entity").unwrap();
        let rows: Vec<(String, f64)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        let mut expected: Vec<(String, f64)> =
            shown.entities.iter().filter_map(|e| Some((e.name.clone(), e.score?))).collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(!rows.is_empty(), "Peskov is an entity");
        assert_eq!(rows, expected);
    }
}
