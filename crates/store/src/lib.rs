//! The Sourcetrace library: one SQLite file that holds everything.
//!
//! Articles, outlets, collections, import runs, near-duplicate sketches and a
//! full-text index live in a single file the user can copy, back up or
//! share. The schema grows only by appending migrations (see
//! [`migrate`]); the file records its version in `PRAGMA user_version`.
//!
//! Connections run in WAL mode with foreign keys on and a busy timeout, so a
//! reader (the desktop window) and a writer (an import) can work at once.
//! Every batch of an import is one transaction: a crash or `kill -9` leaves
//! whole articles or none.
//!
//! ```
//! use sourcetrace_store::{Library, ArticleFilter};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let library = Library::open(&dir.path().join("library.sqlite")).unwrap();
//! assert_eq!(library.list(&ArticleFilter::default()).unwrap().len(), 0);
//! assert!(library.outlet("Reuters").unwrap().is_some());
//! ```

mod analyses;
mod corrections;
mod credits;
mod evidence;
mod export;
mod framing;
mod imports;
pub mod migrate;
mod outlets;
mod query;
mod relevance;
mod selection;
mod stories;
mod table;

pub use analyses::{
    AnalysisCounts, AnalysisItem, AnalysisRecord, AnalysisStamp, AnalysisTarget, AttributionRecord,
    EncodedAttributions, LexiconAddition, ReuseRow, SourceFilter, SourceRecord,
};
pub use corrections::{Correction, CorrectionChange, CorrectionCounts};
pub use credits::{CreditTallies, CreditTally, OutletArticles};
pub use evidence::{
    EvidencePage, EvidenceQuery, EvidenceRow, SourceCitations, Timeline, TimelinePeriod, TimelinePoint, ToneBin,
};
pub use export::{Column, ColumnType, ExportTable};
pub use framing::{ChainRow, EntityToneTally, FramingTerm, OutletFraming, SourcingMix};
pub use imports::{BatchItem, ImportRun, Outcome};
pub use outlets::OutletRecord;
pub use query::{
    ArticleFilter, ArticleRecord, ArticleSummary, CollectionSummary, NearDuplicate, SearchHit, SearchResults,
    RANKED_MATCHES, SNIPPET_END, SNIPPET_START,
};
/// Export rows are SQLite values, typed as the library stores them.
pub use rusqlite::types::Value;
pub use stories::{GroupingPlan, Membership, Placement, Story, StoryArticle, StoryEdit, StoryRef};
pub use table::{ArticlePage, ArticleQuery, ArticleRow, ArticleSort, MAX_PAGE};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The page cache of a connection that reads, in KiB: the dashboard reads
/// tallies and the table reads a page of rows, so a small cache does.
const READING_CACHE_KIB: i64 = 8 * 1024;
/// The page cache of an import or analysis, in KiB.
const BULK_CACHE_KIB: i64 = 64 * 1024;
/// Pages the write-ahead log of an import or analysis holds before they are
/// copied into the file: 64 MiB of 4 KiB pages.
const BULK_WAL_PAGES: i64 = 16 * 1024;

/// Errors from the library.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the library file {path} was written by a newer Sourcetrace (schema {found}; this version reads up to {supported})")]
    NewerSchema { path: PathBuf, found: u32, supported: u32 },
    #[error("cannot create the folder {path} for the library: {source}")]
    CreateFolder { path: PathBuf, source: std::io::Error },
    #[error("cannot open the library at {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("{0}")]
    BadQuery(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("library error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open library file.
pub struct Library {
    conn: Connection,
    path: PathBuf,
    /// The ids of sources this connection has written or found, kept
    /// between analysis batches (see `analyses::KnownSources`).
    known_sources: analyses::KnownSources,
    /// The articles of the filter a search is kept within, while it runs.
    selection: selection::Selection,
}

impl Library {
    /// Opens the library at `path`, creating it and any missing parent
    /// folders, and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Library> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|source| StoreError::CreateFolder { path: parent.to_path_buf(), source })?;
        }
        let mut conn =
            Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let selection =
            Library::configure(&mut conn).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let mut library = Library { conn, path: path.to_path_buf(), known_sources: Default::default(), selection };
        migrate::run(&mut library.conn, path)?;
        library.sync_builtin_outlets()?;
        Ok(library)
    }

    /// The settings every connection gets. WAL lets readers continue while
    /// an import writes; `synchronous = NORMAL` is safe with WAL (a crash
    /// loses at most the last commits, never consistency); the busy timeout
    /// makes a second writer wait instead of failing at once. The
    /// `source_key` function is the key sources are found by (migration
    /// 0015), `relevance` ranks search matches (see [`relevance`]),
    /// `in_selection` keeps a search within a filter (see [`selection`]),
    /// and `rarray` lets a statement take a list of ids as one parameter.
    ///
    /// Transactions begin IMMEDIATE, taking the write lock at BEGIN: a
    /// deferred transaction that has read and then wants to write while
    /// another connection writes gets "database is locked" at once, without
    /// the busy timeout ever applying, which failed an import started while
    /// the web mode imported into the same library.
    ///
    /// The query planner stability guarantee keeps each cached statement's
    /// plan whatever values are bound to it. Without it SQLite marks a
    /// parameter compared with a column (`a.id = ?1`, `LIMIT ?5`) as one
    /// whose value may change the plan, and rusqlite clears the bindings of
    /// every statement it puts back in its cache, which SQLite takes as a
    /// reason to compile that statement again on its next use. The
    /// analysis's reads of each article were compiled anew every time.
    fn configure(conn: &mut Connection) -> rusqlite::Result<selection::Selection> {
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -READING_CACHE_KIB)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        conn.set_prepared_statement_cache_capacity(64);
        conn.create_scalar_function(
            "source_key",
            2,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| Ok(analyses::source_key(&ctx.get::<String>(0)?, &ctx.get::<String>(1)?)),
        )?;
        relevance::register(conn, relevance::SAMPLE)?;
        rusqlite::vtab::array::load_module(conn)?;
        selection::Selection::register(conn)
    }

    /// A second connection to this library that only reads, for a thread
    /// that reads ahead of this one's writes (the analysis reads its next
    /// batches on one). In WAL mode its reads see what was committed when
    /// each began and never wait for the writer. The schema is this
    /// connection's, already brought up to date.
    pub fn open_reader(&self) -> Result<Library> {
        let path = self.path.as_path();
        // The settings of every connection (WAL is already the file's), and
        // then no writes at all.
        let open = || -> rusqlite::Result<(Connection, selection::Selection)> {
            let mut conn = Connection::open(path)?;
            let selection = Library::configure(&mut conn)?;
            conn.pragma_update(None, "query_only", true)?;
            Ok((conn, selection))
        };
        let (conn, selection) = open().map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        Ok(Library { conn, path: path.to_path_buf(), known_sources: Default::default(), selection })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Gives this connection the larger page cache of a bulk write (an
    /// import or an analysis), whose index updates touch pages all over the
    /// file. Connections that only read keep a small cache: the desktop app
    /// holds several, and 64 MiB each was most of its memory.
    ///
    /// It also lets the write-ahead log grow to 64 MiB before it is copied
    /// into the file, instead of SQLite's 4 MiB: each copy syncs the file,
    /// and a page the analysis rewrites in several batches (a tally, an
    /// index) is copied once instead of each time. Analysing 100,000
    /// articles went 12% faster. The log is cut back to that size after.
    pub fn prepare_for_bulk_writes(&self) -> Result<()> {
        self.conn.pragma_update(None, "wal_autocheckpoint", BULK_WAL_PAGES)?;
        self.conn.pragma_update(None, "journal_size_limit", BULK_WAL_PAGES * 4096)?;
        Ok(self.conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB)?)
    }

    /// Runs SQLite's integrity check; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<()> {
        let result: String = self.conn.pragma_query_value(None, "integrity_check", |row| row.get(0))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::Invalid(format!("integrity check failed: {result}")))
        }
    }

    /// Runs `read` on one snapshot of the library: every query in it sees
    /// the same committed state, however many imports and analyses commit
    /// meanwhile. An export of several tables or a report is then
    /// consistent (no attribution of an article the articles table lacks,
    /// no total that disagrees with its parts). Writers are not held up:
    /// in WAL mode a reader keeps its snapshot while others commit. Inside
    /// another snapshot, `read` joins it.
    pub fn snapshot<T, E: From<StoreError>>(&self, read: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return read();
        }
        self.conn.execute_batch("BEGIN DEFERRED").map_err(|e| E::from(StoreError::from(e)))?;
        let result = read();
        // The transaction only read, so ending it cannot lose anything;
        // ROLLBACK also ends it when `read` failed partway.
        let end = self.conn.execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
        match (result, end) {
            (Ok(value), Ok(())) => Ok(value),
            (Ok(_), Err(e)) => Err(E::from(StoreError::from(e))),
            (Err(e), _) => Err(e),
        }
    }

    /// Direct access for tests and for later analysis tables.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The current time as an RFC 3339 timestamp in UTC, for `*_at` columns.
pub(crate) fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default()
}

/// What the store's own tests share.
#[cfg(test)]
pub(crate) mod testing {
    use super::Library;
    use sourcetrace_import::{ArticleDraft, Format, Origin};

    /// A library with articles `(title, text, date, outlet)`, ids from 1,
    /// written in one batch as an import writes them.
    pub(crate) fn library(articles: &[(&str, &str, &str, Option<&str>)]) -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        let gazetteer = library.gazetteer().unwrap();
        let items: Vec<crate::BatchItem> = articles
            .iter()
            .enumerate()
            .map(|(i, (title, text, date, outlet))| {
                let mut draft =
                    ArticleDraft::new(Origin::file(format!("{i}-{title}.txt")), Format::Text).with_body(text);
                draft.title = Some(title.to_string());
                draft.date = Some(date.to_string());
                draft.outlet = outlet.map(str::to_string);
                crate::BatchItem::Article(Box::new(draft.finish(&gazetteer)))
            })
            .collect();
        let run = library.begin_import(&["test".into()]).unwrap();
        library.write_batch(run, &items).unwrap();
        (dir, library)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sourcetrace_core::outlets::{Outlet, OutletKind, StateAffiliation};

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        (dir, library)
    }

    #[test]
    fn a_reader_sees_what_was_committed_and_cannot_write() {
        let (_dir, library) = library();
        let reader = library.open_reader().unwrap();
        let outlets =
            |l: &Library| -> i64 { l.conn.query_row("SELECT count(*) FROM outlets", [], |r| r.get(0)).unwrap() };
        let before = outlets(&reader);
        assert!(before > 0, "the reader sees the built-in outlets");
        library
            .conn
            .execute("INSERT INTO outlets (name, kind, origin) VALUES ('Reader Test Gazette', 'newspaper', 'user')", [])
            .unwrap();
        assert_eq!(outlets(&reader), before + 1, "a commit of the writer is seen by the next read");
        let write = reader.conn.execute("DELETE FROM outlets", []);
        assert!(write.is_err(), "the reader only reads");
        assert_eq!(outlets(&library), before + 1);
    }

    #[test]
    fn builtin_outlets_are_seeded_with_aliases() {
        let (_dir, library) = library();
        let ap = library.outlet("AP").unwrap().unwrap();
        assert_eq!(
            (ap.name.as_str(), ap.country.as_deref(), ap.kind.as_deref()),
            ("Associated Press", Some("US"), Some("wire"))
        );
        let tass = library.outlet("tass news agency").unwrap().unwrap();
        assert_eq!(tass.state_affiliation.as_deref(), Some("state"));
    }

    #[test]
    fn a_users_outlet_survives_a_refresh_of_the_builtin_list() {
        let (dir, mut library) = library();
        let mine = Outlet {
            name: "Reuters".into(),
            aliases: vec!["Thomson".into()],
            domain: Some("reuters.com".into()),
            country: Some("CA".into()),
            kind: OutletKind::Wire,
            state: StateAffiliation::None,
        };
        library.add_outlet(&mine).unwrap();
        library.conn.execute("DELETE FROM meta WHERE key = 'builtin_outlets'", []).unwrap();
        drop(library);
        let library = Library::open(&dir.path().join("l.sqlite")).unwrap();
        let reuters = library.outlet("Reuters").unwrap().unwrap();
        assert_eq!((reuters.country.as_deref(), reuters.origin.as_str()), (Some("CA"), "user"));
        assert_eq!(library.gazetteer().unwrap().by_name("Thomson").unwrap().country.as_deref(), Some("CA"));
    }
}
