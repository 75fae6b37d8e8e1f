//! The use cases of Sourcetrace, one layer shared by every front end.
//!
//! The CLI, the desktop app and the local web mode all call this crate and
//! nothing below it, so they cannot drift apart: an import from the window
//! and one from the terminal run the same code and report the same counts.
//! Errors carry a stable [`ErrorCode`] and a message meant for the user; they
//! cross the desktop IPC boundary as `{code, message}`.
//!
//! ```
//! use sourcetrace_api::{Sourcetrace, ImportRequest};
//! use std::sync::atomic::AtomicBool;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let file = dir.path().join("story.txt");
//! std::fs::write(&file, "Kremlin says talks are possible\n\nThe Kremlin said on Sunday that a meeting between the two presidents was possible before the end of the year.").unwrap();
//! let mut app = Sourcetrace::open(&dir.path().join("library.sqlite")).unwrap();
//! let summary = app.import(&ImportRequest::new(vec![file]), &mut |_| {}, &AtomicBool::new(false)).unwrap();
//! assert_eq!((summary.imported, summary.failed), (1, 0));
//! let found = app.search("kremlin", &Default::default()).unwrap();
//! assert_eq!(found.hits.len(), 1);
//! ```

pub mod analysis;
mod background;
mod compare;
mod corrections;
mod dashboard;
mod error;
mod export;
mod files;
mod framing;
mod import;
mod library_analysis;
mod report;
mod reuse;
mod stories;

pub use compare::{CitedSource, EntityComparison, FactBlindspot, OutletCoverage, SourceBlindspot, StoryComparison};
pub use corrections::CorrectionRequest;
pub use dashboard::{Dashboard, OutletSourcing, SourceProfile, TypeShare};
pub use error::{ApiError, ErrorCode};
pub use export::{ExportFormat, ExportProgress, ExportRequest, ExportSummary, TableRows, XLSX_MAX_CELL, XLSX_MAX_ROWS};
pub use framing::{AdditionKind, ArticleFraming, Lexicons};
pub use import::{ImportEvent, ImportProgress, ImportRequest, ImportSummary, UploadedFile, BATCH_UNITS};
pub use library_analysis::{AnalyzeRequest, AnalyzeSummary, ArticleAnalysis, LexiconAdded, ANALYSIS_BATCH};
pub use reuse::{ArticleReuse, ReuseMatch};
pub use sourcetrace_core::attribution::{LexiconKind, SourceType};
pub use sourcetrace_core::credits::Credit;
pub use sourcetrace_core::framing::{Framing, FramingKind};
pub use sourcetrace_core::tone::{ArticleTone, ToneEngine};
pub use sourcetrace_core::ANALYSIS_VERSION;
pub use sourcetrace_import::walk::Limits;
pub use sourcetrace_store::{
    AnalysisCounts, AnalysisRecord, ArticleFilter, ArticlePage, ArticleQuery, ArticleRecord, ArticleRow, ArticleSort,
    ArticleSummary, AttributionRecord, CollectionSummary, Correction, CorrectionCounts, CreditTallies, CreditTally,
    EntityToneTally, EvidencePage, EvidenceQuery, EvidenceRow, ExportTable, FramingTerm, ImportRun, LexiconAddition,
    NearDuplicate, OutletArticles, OutletFraming, OutletRecord, SearchHit, SearchResults, SourceCitations,
    SourceFilter, SourceRecord, Story, StoryArticle, StoryEdit, Timeline, TimelinePeriod, TimelinePoint, ToneBin,
    RANKED_MATCHES, SNIPPET_END, SNIPPET_START,
};
pub use stories::{GroupRequest, GroupSummary, SplitStory, DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS};

use sourcetrace_store::Library;
use std::path::{Path, PathBuf};

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// The environment variable that names the library file when no
/// `--library` is given.
pub const LIBRARY_ENV: &str = "SOURCETRACE_LIBRARY";

/// Where the library lives by default: `$SOURCETRACE_LIBRARY`, or
/// `library.sqlite` in the user's data folder (`~/.local/share/sourcetrace`
/// on Linux).
pub fn default_library_path() -> PathBuf {
    if let Some(path) = std::env::var_os(LIBRARY_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("sourcetrace").join("library.sqlite")
}

/// Library facts for `sourcetrace info` and the window's status line.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LibraryInfo {
    pub path: String,
    pub schema_version: u32,
    pub articles: i64,
    pub outlets_with_articles: usize,
    pub collections: usize,
    pub import_runs: usize,
    /// The analysis version of this build's rules.
    pub analysis_version: u32,
    /// Articles whose analysis is current, and those still to analyse.
    pub analysis: AnalysisCounts,
}

/// An open library and the use cases that work on it.
pub struct Sourcetrace {
    library: Library,
}

impl Sourcetrace {
    /// Opens (or creates) the library file.
    pub fn open(path: &Path) -> Result<Sourcetrace> {
        Ok(Sourcetrace { library: Library::open(path)? })
    }

    /// The store underneath, for tests and later analysis use cases.
    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn info(&self) -> Result<LibraryInfo> {
        let (outlets_with_articles, collections, import_runs) = self.library.summary_counts()?;
        Ok(LibraryInfo {
            path: self.library.path().display().to_string(),
            schema_version: self.library.schema_version()?,
            articles: self.library.article_count()?,
            outlets_with_articles: outlets_with_articles as usize,
            collections: collections as usize,
            import_runs: import_runs as usize,
            analysis_version: ANALYSIS_VERSION,
            analysis: self.analysis_counts()?,
        })
    }

    pub fn list(&self, filter: &ArticleFilter) -> Result<Vec<ArticleSummary>> {
        self.validate_filter(filter)?;
        Ok(self.library.list(filter)?)
    }

    pub fn show(&self, id: i64) -> Result<ArticleRecord> {
        self.library
            .article(id)?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("article #{id} does not exist")))
    }

    pub fn search(&self, query: &str, filter: &ArticleFilter) -> Result<SearchResults> {
        self.validate_filter(filter)?;
        Ok(self.library.search(query, filter)?)
    }

    pub fn outlets(&self) -> Result<Vec<OutletRecord>> {
        Ok(self.library.outlets()?)
    }

    pub fn collections(&self) -> Result<Vec<CollectionSummary>> {
        Ok(self.library.collections()?)
    }

    pub fn add_to_collection(&mut self, name: &str, ids: &[i64]) -> Result<usize> {
        Ok(self.library.add_to_collection(name, ids)?)
    }

    pub fn remove_from_collection(&mut self, name: &str, ids: &[i64]) -> Result<usize> {
        Ok(self.library.remove_from_collection(name, ids)?)
    }

    pub fn import_runs(&self) -> Result<Vec<ImportRun>> {
        Ok(self.library.import_runs()?)
    }

    pub fn import_failures(&self, run: i64) -> Result<Vec<(String, String)>> {
        Ok(self.library.import_failures(run)?)
    }
}

impl Sourcetrace {
    /// Checks a selection before it is run: dates must be `YYYY-MM-DD` (a
    /// prefix such as `2021-12` also works), since anything else would
    /// silently match nothing, and a search must be valid FTS5 syntax, so
    /// that a typo is reported with advice before an export starts.
    pub(crate) fn validate_filter(&self, filter: &ArticleFilter) -> Result<()> {
        for (name, value) in [("--since", &filter.since), ("--until", &filter.until)] {
            if let Some(value) = value {
                let ok = value.len() >= 4
                    && value.len() <= 10
                    && value
                        .chars()
                        .enumerate()
                        .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
                if !ok {
                    return Err(ApiError::new(
                        ErrorCode::InvalidInput,
                        format!("{name} {value:?}: expected a date like 2021-12-31"),
                    ));
                }
            }
        }
        Ok(self.library.check_filter(filter)?)
    }
}
