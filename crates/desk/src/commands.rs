//! The command table: every command the window and the web mode can call,
//! its arguments and its result, in one list.
//!
//! The list is a macro so that the dispatcher ([`call`]), the names the web
//! mode accepts ([`COMMANDS`]) and the TypeScript map of commands to their
//! argument and result types ([`typescript`]) cannot disagree: adding a
//! command is one line here and one function in [`handlers`].

use crate::jobs::JobStatus;
use crate::Desk;
use serde::{Deserialize, Serialize};
use sourcetrace_api::{
    ApiError, ArticleAnalysis, ArticleFilter, ArticleFraming, ArticlePage, ArticleQuery, ArticleRecord, ArticleReuse,
    ArticleTone, CollectionSummary, Correction, CorrectionRequest, Credit, Dashboard, ErrorCode, EvidencePage,
    EvidenceQuery, LibraryInfo, OutletRecord, SourceProfile, SourceRecord, Story, StoryComparison,
};

/// Arguments of a command that takes none.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoArgs {}

/// One article, story, source or job by id.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Id {
    pub id: i64,
}

/// Everything the article view shows at once.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ArticleView {
    pub article: ArticleRecord,
    pub analysis: ArticleAnalysis,
    pub credits: Vec<Credit>,
    pub framing: ArticleFraming,
    pub tone: ArticleTone,
}

/// Add articles to a collection, or take them out.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Collect {
    pub name: String,
    pub ids: Vec<i64>,
    #[serde(default)]
    pub remove: bool,
}

/// Text pasted into the window, imported like a `.txt` file.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Paste {
    pub text: String,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub collection: Option<String>,
}

/// Files sent from a browser in the web mode, each base64-encoded.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Upload {
    pub files: Vec<EncodedFile>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub collection: Option<String>,
}

/// One uploaded file.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EncodedFile {
    pub name: String,
    pub base64: String,
}

/// Files and folders on this machine to import (dropped on the window or
/// chosen in the file dialog).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportPaths {
    pub paths: Vec<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub collection: Option<String>,
}

/// The corrections of one article, or of the whole library.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Corrections {
    pub article_id: Option<i64>,
}

/// Analyse what is stale, or everything with `force`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Analyze {
    pub force: bool,
}

/// Which canonical sources to list.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Sources {
    pub source_type: Option<String>,
    pub country: Option<String>,
    pub limit: Option<usize>,
}

/// The collection the demo articles go into; its name says they are made up.
pub const DEMO_COLLECTION: &str = "Demo (fictional)";

macro_rules! commands {
    ($( $(#[doc = $doc:literal])* $name:ident ( $args:ty ) -> $out:ty ; )*) => {
        /// The names of every command, in the order of the table.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Runs a command by name with JSON arguments and returns its JSON
        /// result. Unknown commands and malformed arguments are
        /// `invalid_input` errors that say what was expected.
        pub fn call(desk: &Desk, command: &str, args: serde_json::Value) -> Result<serde_json::Value, ApiError> {
            match command {
                $( stringify!($name) => {
                    let args: $args = parse_args(command, args)?;
                    let result: $out = handlers::$name(desk, args)?;
                    serde_json::to_value(result).map_err(|e| {
                        ApiError::new(ErrorCode::Library, format!("cannot encode the result of {command}: {e}"))
                    })
                } )*
                _ => Err(ApiError::new(ErrorCode::InvalidInput, format!("there is no command {command:?}"))),
            }
        }

        /// The TypeScript declarations of every type the commands take and
        /// give, followed by a `Commands` map from each command's name to
        /// its `args` and `result`.
        #[cfg(feature = "ts")]
        pub fn typescript() -> String {
            let mut types = crate::typescript::Declarations::default();
            // The desktop's own commands (dialogs) take and give these.
            types.add::<sourcetrace_api::ExportRequest>();
            types.add::<sourcetrace_api::ExportSummary>();
            types.add::<crate::ReportRequest>();
            let mut map = String::from("export interface Commands {\n");
            $(
                types.add::<$args>();
                types.add::<$out>();
                let cfg = crate::typescript::config();
                let doc: &[&str] = &[$($doc),*];
                for line in doc {
                    map.push_str(&format!("  //{line}\n"));
                }
                map.push_str(&format!(
                    "  {}: {{ args: {}; result: {} }};\n",
                    stringify!($name),
                    <$args as ts_rs::TS>::name(&cfg),
                    <$out as ts_rs::TS>::name(&cfg),
                ));
            )*
            map.push_str("}\n");
            format!("{}\n{map}\n{}", types.render(), source_types())
        }
    };
}

commands! {
    /// Where the library is and what it holds.
    library_info(NoArgs) -> LibraryInfo;
    /// One page of the library table: sorted, filtered and searched in SQL.
    articles(ArticleQuery) -> ArticlePage;
    /// An article with its attributions, credits, framing and tone.
    article(Id) -> ArticleView;
    /// Passages an article shares with other articles in the library.
    article_reuse(Id) -> ArticleReuse;
    outlets(NoArgs) -> Vec<OutletRecord>;
    collections(NoArgs) -> Vec<CollectionSummary>;
    /// Adds articles to a collection (created if needed) or removes them.
    collect(Collect) -> usize;
    /// The outlets dashboard over a selection.
    dashboard(ArticleFilter) -> Dashboard;
    /// The attributions behind a bar, a cell or a source.
    evidence(EvidenceQuery) -> EvidencePage;
    stories(ArticleFilter) -> Vec<Story>;
    /// Outlets side by side on one story, with what each left out.
    compare(Id) -> StoryComparison;
    sources(Sources) -> Vec<SourceRecord>;
    /// Changes a source's type or identity, or deletes a false attribution;
    /// the article is re-analysed at once and every tally counts it.
    correct(CorrectionRequest) -> ArticleAnalysis;
    /// Takes a correction back.
    undo_correction(Id) -> ArticleAnalysis;
    corrections(Corrections) -> Vec<Correction>;
    /// One source: who cites it, and how.
    source(Id) -> SourceProfile;
    /// Imports pasted text in the background.
    import_text(Paste) -> JobStatus;
    /// Imports files sent by a browser in the background.
    import_files(Upload) -> JobStatus;
    /// Imports files and folders in the background.
    import_paths(ImportPaths) -> JobStatus;
    /// Imports the fictional demo articles into the collection "Demo (fictional)".
    import_demo(NoArgs) -> JobStatus;
    /// Analyses stale articles in the background.
    analyze(Analyze) -> JobStatus;
    job(Id) -> JobStatus;
    /// Asks a job to stop; it keeps what it committed.
    cancel_job(Id) -> JobStatus;
    /// Jobs that have not finished, so a reloaded page can show them.
    jobs(NoArgs) -> Vec<JobStatus>;
}

/// Every source type with its label and colour, in the order charts and
/// legends list them.
#[cfg(feature = "ts")]
fn source_types() -> String {
    let mut out = String::from(
        "export const SOURCE_TYPES: ReadonlyArray<{ type: SourceType; label: string; colour: string }> = [\n",
    );
    for kind in sourcetrace_api::SourceType::ALL {
        out.push_str(&format!(
            "  {{ type: \"{}\", label: \"{}\", colour: \"{}\" }},\n",
            kind.as_str(),
            kind.label(),
            kind.colour()
        ));
    }
    out.push_str("];\n");
    out
}

fn parse_args<T: for<'de> Deserialize<'de>>(command: &str, args: serde_json::Value) -> Result<T, ApiError> {
    // A command without arguments may be called with none at all.
    let args = if args.is_null() { serde_json::Value::Object(Default::default()) } else { args };
    serde_json::from_value(args)
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("the arguments of {command} are not right: {e}")))
}

/// One function per command, each a few lines over the API.
mod handlers {
    use super::*;
    use sourcetrace_api::{SourceFilter, ToneEngine};

    pub fn library_info(desk: &Desk, _: NoArgs) -> Result<LibraryInfo, ApiError> {
        desk.read(|app| app.info())
    }

    pub fn articles(desk: &Desk, query: ArticleQuery) -> Result<ArticlePage, ApiError> {
        desk.read(|app| app.article_page(&query))
    }

    pub fn article(desk: &Desk, Id { id }: Id) -> Result<ArticleView, ApiError> {
        desk.read(|app| {
            Ok(ArticleView {
                article: app.show(id)?,
                analysis: app.article_analysis(id)?,
                credits: app.credits(id)?,
                framing: app.framing(id)?,
                tone: app.tone(id, ToneEngine::default())?,
            })
        })
    }

    pub fn article_reuse(desk: &Desk, Id { id }: Id) -> Result<ArticleReuse, ApiError> {
        desk.read(|app| app.reuse(id))
    }

    pub fn outlets(desk: &Desk, _: NoArgs) -> Result<Vec<OutletRecord>, ApiError> {
        desk.read(|app| app.outlets())
    }

    pub fn collections(desk: &Desk, _: NoArgs) -> Result<Vec<CollectionSummary>, ApiError> {
        desk.read(|app| app.collections())
    }

    pub fn collect(desk: &Desk, args: Collect) -> Result<usize, ApiError> {
        desk.write(|app| {
            if args.remove {
                app.remove_from_collection(&args.name, &args.ids)
            } else {
                app.add_to_collection(&args.name, &args.ids)
            }
        })
    }

    pub fn dashboard(desk: &Desk, filter: ArticleFilter) -> Result<Dashboard, ApiError> {
        desk.read(|app| app.dashboard(&filter))
    }

    pub fn evidence(desk: &Desk, query: EvidenceQuery) -> Result<EvidencePage, ApiError> {
        desk.read(|app| app.evidence(&query))
    }

    pub fn stories(desk: &Desk, filter: ArticleFilter) -> Result<Vec<Story>, ApiError> {
        desk.read(|app| app.stories(&filter))
    }

    pub fn compare(desk: &Desk, Id { id }: Id) -> Result<StoryComparison, ApiError> {
        desk.read(|app| app.compare(id))
    }

    pub fn sources(desk: &Desk, args: Sources) -> Result<Vec<SourceRecord>, ApiError> {
        let filter = SourceFilter { source_type: args.source_type, country: args.country, limit: args.limit };
        desk.read(|app| app.sources(&filter))
    }

    pub fn correct(desk: &Desk, request: CorrectionRequest) -> Result<ArticleAnalysis, ApiError> {
        desk.write(|app| app.correct_attribution(&request))
    }

    pub fn undo_correction(desk: &Desk, Id { id }: Id) -> Result<ArticleAnalysis, ApiError> {
        desk.write(|app| app.undo_correction(id))
    }

    pub fn corrections(desk: &Desk, args: Corrections) -> Result<Vec<Correction>, ApiError> {
        desk.read(|app| app.corrections(args.article_id))
    }

    pub fn source(desk: &Desk, Id { id }: Id) -> Result<SourceProfile, ApiError> {
        desk.read(|app| app.source_profile(id))
    }

    pub fn import_text(desk: &Desk, paste: Paste) -> Result<JobStatus, ApiError> {
        if paste.text.trim().is_empty() {
            return Err(ApiError::new(ErrorCode::InvalidInput, "paste the text of an article first"));
        }
        let file = sourcetrace_api::UploadedFile { name: "pasted.txt".into(), bytes: paste.text.into_bytes() };
        desk.import_uploads(vec![file], paste.outlet, paste.collection)
    }

    pub fn import_files(desk: &Desk, upload: Upload) -> Result<JobStatus, ApiError> {
        use base64::Engine;
        let mut files = Vec::with_capacity(upload.files.len());
        for file in upload.files {
            let bytes = base64::engine::general_purpose::STANDARD.decode(file.base64.as_bytes()).map_err(|e| {
                ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("{} did not arrive intact ({e}); send it again", file.name),
                )
            })?;
            files.push(sourcetrace_api::UploadedFile { name: file.name, bytes });
        }
        if files.is_empty() {
            return Err(ApiError::new(ErrorCode::InvalidInput, "choose at least one file"));
        }
        desk.import_uploads(files, upload.outlet, upload.collection)
    }

    pub fn import_paths(desk: &Desk, args: ImportPaths) -> Result<JobStatus, ApiError> {
        if args.paths.is_empty() {
            return Err(ApiError::new(ErrorCode::InvalidInput, "choose at least one file or folder"));
        }
        desk.import_paths(args.paths.into_iter().map(Into::into).collect(), args.outlet, args.collection)
    }

    /// The demo articles ship inside the app, so the first run needs no
    /// files at all to show what Sourcetrace does.
    pub fn import_demo(desk: &Desk, _: NoArgs) -> Result<JobStatus, ApiError> {
        const DEMO: &[(&str, &[u8])] = &[
            ("harbour-talks.txt", include_bytes!("../../../demo/harbour-talks.txt")),
            ("harbour-talks-wire.html", include_bytes!("../../../demo/harbour-talks-wire.html")),
            ("feed.rss", include_bytes!("../../../demo/feed.rss")),
            ("coverage.jsonl", include_bytes!("../../../demo/coverage.jsonl")),
        ];
        let files = DEMO
            .iter()
            .map(|(name, bytes)| sourcetrace_api::UploadedFile { name: name.to_string(), bytes: bytes.to_vec() })
            .collect();
        desk.import_uploads(files, None, Some(DEMO_COLLECTION.to_string()))
    }

    pub fn analyze(desk: &Desk, args: Analyze) -> Result<JobStatus, ApiError> {
        desk.analyze(args.force)
    }

    pub fn job(desk: &Desk, Id { id }: Id) -> Result<JobStatus, ApiError> {
        Ok(desk.job(id)?.status())
    }

    pub fn cancel_job(desk: &Desk, Id { id }: Id) -> Result<JobStatus, ApiError> {
        let job = desk.job(id)?;
        job.cancel();
        Ok(job.status())
    }

    pub fn jobs(desk: &Desk, _: NoArgs) -> Result<Vec<JobStatus>, ApiError> {
        Ok(desk.jobs.running())
    }
}
