//! `sourcetrace`: the command line of Sourcetrace.
//!
//! This binary is glue: it parses arguments, calls `sourcetrace-api`, and
//! prints. Everything it can do, the desktop app can do through the same
//! API.

mod analysis_output;
mod output;
mod stories_output;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use output::{print_json, print_table, Cell};
use sourcetrace_api::{
    default_library_path, AnalyzeRequest, ApiError, ArticleFilter, CorrectionRequest, ErrorCode, ExportFormat,
    ExportProgress, ExportRequest, ExportTable, GroupRequest, ImportEvent, ImportRequest, Limits, SourceFilter,
    Sourcetrace, ToneEngine, SNIPPET_END, SNIPPET_START,
};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "sourcetrace",
    version,
    about = "Who is cited, how, and through whom: a library of news articles and their sourcing."
)]
struct Cli {
    /// The library file [default: $SOURCETRACE_LIBRARY, or library.sqlite in your data folder]
    #[arg(long, global = true, value_name = "PATH")]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the desktop UI and its commands over HTTP (the local web mode), on 127.0.0.1 by default
    Serve {
        /// The address to listen on; anything but 127.0.0.1 or ::1 needs --token
        #[arg(long, default_value = "127.0.0.1:8787")]
        addr: std::net::SocketAddr,
        /// A secret a browser must present (open http://ADDR/?token=TOKEN once)
        #[arg(long)]
        token: Option<String>,
        /// The built UI folder (default: ui/dist of this source tree, or $SOURCETRACE_UI)
        #[arg(long)]
        ui: Option<PathBuf>,
    },
    /// Import files, folders (recursively) and .zip archives: page text, HTML, RSS/Atom, CSV, JSON, JSONL
    Import(ImportArgs),
    /// List articles, newest first
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one article with its text and metadata
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Full-text search (FTS5 syntax: words, "a phrase", OR, NOT, prefix*, title:word)
    Search {
        query: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Manage collections of articles
    #[command(subcommand)]
    Collection(CollectionCommand),
    /// List outlets with their country, kind, state affiliation and article count
    Outlets {
        /// Include outlets without articles
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List past imports, or the failures of one
    Imports {
        /// Show the failures of this run
        run: Option<i64>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Find attributions: in files (or JSON lines on stdin with `-`), printing one result per input;
    /// with no FILE, in every article of the library whose analysis is missing or out of date
    Analyze {
        /// Text files to analyse, or `-` to read JSON lines ({"id", "text", "outlet"}) from stdin
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The publishing outlet of the files, so that its own reports count as "self"
        #[arg(long)]
        outlet: Option<String>,
        /// With no FILE: analyse every article again, even those already current
        #[arg(long)]
        force: bool,
        /// With no FILE: articles per transaction (a kill loses at most one batch)
        #[arg(long, default_value_t = sourcetrace_api::ANALYSIS_BATCH)]
        batch_size: usize,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Where the library is and what it holds
    Info {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List the attributions found in one article (run `analyze` first)
    Attributions {
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Correct one attribution: set its source's type, name or country, or delete it as false. The correction
    /// is kept through every later analysis and counts in every tally, export and report
    #[command(
        group(
            clap::ArgGroup::new("change")
                .required(true)
                .multiple(true)
                .args(["source_type", "source", "country", "delete"])
        ),
        override_usage = "sourcetrace correct <ATTRIBUTION_ID> [--type TYPE] [--source NAME] [--country CC] | --delete"
    )]
    Correct {
        /// The attribution's ID, as `sourcetrace attributions ARTICLE` lists it
        #[arg(value_name = "ATTRIBUTION_ID")]
        attribution_id: i64,
        /// The source type: state_media, wire, media, official, anonymous, person, organization, document, self
        /// or unknown
        #[arg(long = "type", value_name = "TYPE")]
        source_type: Option<String>,
        /// The name the source goes by across the library
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        /// The source's country (ISO code such as RU)
        #[arg(long, value_name = "CC")]
        country: Option<String>,
        /// The attribution is false: leave it out of every count (undo with `corrections undo`)
        #[arg(long, conflicts_with_all = ["source_type", "source", "country"])]
        delete: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The corrections made to attributions, oldest first, with those the current rules no longer find marked
    /// orphaned; or undo one
    #[command(args_conflicts_with_subcommands = true)]
    Corrections {
        #[command(subcommand)]
        command: Option<CorrectionsCommand>,
        /// Only the corrections of this article
        #[arg(value_name = "ARTICLE_ID")]
        article: Option<i64>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List the sources cited across the library, most cited first
    Sources {
        /// Only this source type: state_media, wire, media, official, anonymous, person, organization,
        /// document, self or unknown
        #[arg(long = "type", value_name = "TYPE")]
        source_type: Option<String>,
        /// Only sources of this country (ISO code such as RU)
        #[arg(long)]
        country: Option<String>,
        /// At most this many rows
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Credits of one article, or which agencies each outlet credits (share of its analysed articles)
    Credits {
        /// One article's credits; without it, the outlet × agency tallies
        id: Option<i64>,
        #[command(flatten)]
        filter: FilterArgs,
        /// Leave out articles that are mostly another outlet's or agency's copy
        #[arg(long)]
        without_syndicated: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Passages of an article that other articles in the library carried too (republished wire copy)
    Reuse {
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Your additions to the lexicons the analysis reads (cues, sources, countries, outlets, people, given names, hedges, loaded terms, tone)
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Tone of an article by sentence, with the words behind each score and the tone toward each entity
    Tone {
        id: i64,
        /// vader (the default) or afinn
        #[arg(long, default_value = "vader")]
        engine: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Verb stance, hedges and loaded terms of one article, or by outlet over a selection
    Framing {
        /// One article; without it, every outlet in the selection
        id: Option<i64>,
        #[command(flatten)]
        selection: SelectionArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// One story side by side across its outlets: sources by type, shares, tone, verb stance, credits, reuse and
    /// the blindspots (sources and facts only one outlet carried)
    Compare {
        story: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// A report of a selection: method, outlet comparison charts and tables, top sources, chains, credits and an
    /// appendix of evidence; one self-contained HTML file, or a PDF when the output ends in .pdf (needs Chromium)
    Report {
        /// The file to write, .html or .pdf [default: HTML on standard output]
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// The report's title
        #[arg(long, default_value = "Sourcing report")]
        title: String,
        #[command(flatten)]
        selection: SelectionArgs,
    },
    /// Export tables of a selection, every row, as CSV, JSON, JSON Lines or an Excel workbook
    Export {
        /// Tables to export: articles, attributions, sources, credits, reuse, tallies [default: all]
        #[arg(value_name = "TABLE")]
        tables: Vec<String>,
        /// The format [default: from the output's extension, else csv]
        #[arg(long, value_enum)]
        format: Option<ExportFormatArg>,
        /// The file to write (a folder for several CSV tables) [default: standard output]
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        selection: SelectionArgs,
    },
    /// Stories: articles about the same event across outlets (list them, group, and correct the groups)
    #[command(args_conflicts_with_subcommands = true)]
    Stories {
        #[command(subcommand)]
        command: Option<StoriesCommand>,
        /// Only stories with an article matching these
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Subcommand)]
enum CorrectionsCommand {
    /// Remove a correction: the engine's finding counts again
    Undo {
        #[arg(value_name = "ID")]
        id: i64,
    },
}

#[derive(Subcommand)]
enum StoriesCommand {
    /// Place the articles that are in no story yet (`analyze` does this too)
    Group(GroupArgs),
    /// Group every article again; articles you merged, split or moved stay where you put them
    Regroup(GroupArgs),
    /// One story with its articles
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Merge stories into the first one named
    Merge {
        into: i64,
        #[arg(required = true, value_name = "STORY")]
        others: Vec<i64>,
    },
    /// Take articles out of a story into a new story
    Split {
        story: i64,
        #[arg(required = true, value_name = "ARTICLE")]
        articles: Vec<i64>,
    },
    /// Move an article into another story, or into a new story of its own with --new
    #[command(
        group(clap::ArgGroup::new("target").required(true).args(["story", "new"])),
        override_usage = "sourcetrace stories move <ARTICLE> <STORY|--new>"
    )]
    Move {
        article: i64,
        /// The story to move it into
        story: Option<i64>,
        /// Start a new story with the article
        #[arg(long)]
        new: bool,
    },
    /// The corrections made so far (merges, splits, moves), oldest first
    Edits {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Args)]
struct GroupArgs {
    /// Similarity (0 to 1) an article needs to join a story [default: the last one used, or 0.2]
    #[arg(long, value_name = "SIMILARITY")]
    threshold: Option<f64>,
    /// Days apart two dated articles may be and cover one event, or `any` [default: the last one used, or 3]
    #[arg(long, value_name = "DAYS", value_parser = parse_window)]
    window_days: Option<Window>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// A date window from the command line: days, or no restriction.
#[derive(Clone, Copy)]
struct Window(Option<u32>);

fn parse_window(value: &str) -> Result<Window, String> {
    if value.eq_ignore_ascii_case("any") {
        return Ok(Window(None));
    }
    value.parse().map(|d| Window(Some(d))).map_err(|_| format!("expected a number of days or `any`, not {value:?}"))
}

#[derive(Args)]
struct ImportArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The outlet of every imported article, overriding what is detected
    #[arg(long)]
    outlet: Option<String>,
    /// Add the imported articles to this collection (created if needed)
    #[arg(long)]
    collection: Option<String>,
    /// Refuse single files larger than this many MiB
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    max_file_size: u64,
    /// Articles per transaction: a crash or Ctrl-C loses at most one batch
    #[arg(long, value_name = "N", default_value_t = sourcetrace_api::BATCH_UNITS)]
    batch_size: usize,
    /// Print only the summary and errors
    #[arg(long, short)]
    quiet: bool,
}

/// Which articles: by outlet, dates and collection.
#[derive(Args, Default)]
struct SelectionArgs {
    /// Only this outlet (name or alias); repeat it for several outlets
    #[arg(long)]
    outlet: Vec<String>,
    /// Published on or after this date (YYYY-MM-DD)
    #[arg(long)]
    since: Option<String>,
    /// Published on or before this date (YYYY-MM-DD)
    #[arg(long)]
    until: Option<String>,
    /// Only articles in this collection
    #[arg(long)]
    collection: Option<String>,
    /// Only articles that credit this wire agency (a dateline, wire or photo credit)
    #[arg(long)]
    agency: Option<String>,
    /// Only articles that match this full-text search (the syntax of `sourcetrace search`)
    #[arg(long, value_name = "QUERY")]
    matching: Option<String>,
    /// Only the articles of this story (an id from `sourcetrace stories`)
    #[arg(long, value_name = "ID")]
    story: Option<i64>,
}

impl SelectionArgs {
    fn filter(self) -> ArticleFilter {
        ArticleFilter {
            outlets: self.outlet,
            since: self.since,
            until: self.until,
            collection: self.collection,
            agency: self.agency,
            search: self.matching,
            story: self.story,
            ..ArticleFilter::default()
        }
    }
}

#[derive(Args, Default)]
struct FilterArgs {
    #[command(flatten)]
    selection: SelectionArgs,
    /// At most this many rows
    #[arg(long)]
    limit: Option<usize>,
}

impl FilterArgs {
    fn filter(self) -> ArticleFilter {
        ArticleFilter { limit: self.limit, ..self.selection.filter() }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormatArg {
    Csv,
    Json,
    Jsonl,
    Xlsx,
}

#[derive(Subcommand)]
enum CollectionCommand {
    /// Add articles to a collection, creating it if needed
    Add {
        name: String,
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Remove articles from a collection
    Remove {
        name: String,
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// List collections
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Add a row in the columns of data/KIND.tsv, as one tab-separated argument or one argument per column
    /// (use an empty argument "" for an empty column). Analyses become out of date until `analyze` runs.
    Add {
        /// cues, sources, countries, outlets, people, given-names, hedges, loaded or tone
        kind: String,
        #[arg(required = true, num_args = 1.., value_name = "COLUMN")]
        row: Vec<String>,
    },
    /// List your lexicon rows in the order they apply
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Remove one of your lexicon rows
    Remove { id: i64 },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Jsonl,
}

/// mimalloc instead of the system allocator: the analysis allocates small
/// vectors and strings for every sentence, and glibc's malloc was about a
/// tenth of its time on one thread and more on two (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `sourcetrace list --format json | head` closes the pipe early. Rust
    // ignores SIGPIPE, so every print would then panic; restoring the
    // default ends the process quietly, as other Unix tools do.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let path = cli.library.clone().unwrap_or_else(default_library_path);
    match run(cli, &path) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(2)
        }
    }
}

/// `sourcetrace export`: picks the format, streams the rows, and reports
/// what was written on standard error (standard output may be the export).
fn export(
    app: &Sourcetrace,
    tables: Vec<String>,
    format: Option<ExportFormatArg>,
    output: Option<PathBuf>,
    selection: SelectionArgs,
) -> Result<ExitCode, ApiError> {
    let tables = tables
        .iter()
        .map(|name| {
            ExportTable::parse(name).ok_or_else(|| {
                let known: Vec<&str> = ExportTable::ALL.iter().map(|t| t.name()).collect();
                ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("There is no table {name:?} to export; the tables are {}.", known.join(", ")),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let from_extension = output.as_ref().and_then(|p| p.extension()).and_then(|e| match e.to_str() {
        Some("csv") => Some(ExportFormat::Csv),
        Some("json") => Some(ExportFormat::Json),
        Some("jsonl") | Some("ndjson") => Some(ExportFormat::Jsonl),
        Some("xlsx") => Some(ExportFormat::Xlsx),
        _ => None,
    });
    let format = match format {
        Some(ExportFormatArg::Csv) => ExportFormat::Csv,
        Some(ExportFormatArg::Json) => ExportFormat::Json,
        Some(ExportFormatArg::Jsonl) => ExportFormat::Jsonl,
        Some(ExportFormatArg::Xlsx) => ExportFormat::Xlsx,
        None => from_extension.unwrap_or(ExportFormat::Csv),
    };
    let request = ExportRequest { tables, format, filter: selection.filter() };
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new_spinner() } else { ProgressBar::hidden() };
    let mut on_progress = |p: ExportProgress| bar.set_message(format!("{}: {} rows", p.table.name(), p.rows));
    let summary = match &output {
        Some(path) => app.export_to_path(&request, path, &mut on_progress, &cancel)?,
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            app.export_to_writer(&request, &mut out, &mut on_progress, &cancel)?
        }
    };
    bar.finish_and_clear();
    let counts: Vec<String> = summary.tables.iter().map(|t| format!("{} {}", t.rows, t.table.name())).collect();
    let to = if summary.files.is_empty() {
        "standard output".to_string()
    } else {
        summary.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
    };
    eprintln!("Exported {} to {to}.", counts.join(", "));
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `sourcetrace serve`: the local web mode. Runs until interrupted.
fn serve(
    path: &std::path::Path,
    addr: std::net::SocketAddr,
    token: Option<String>,
    ui: Option<PathBuf>,
) -> Result<ExitCode, ApiError> {
    let ui = ui
        .or_else(|| std::env::var_os("SOURCETRACE_UI").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/dist")));
    let desk = sourcetrace_desk::Desk::open(path)?;
    let options = sourcetrace_web::ServeOptions { addr, ui, token: token.clone(), workers: 4 };
    let server = sourcetrace_web::Server::bind(desk, options)?;
    let link = match &token {
        Some(token) => format!("http://{}/?token={token}", server.local_addr()),
        None => format!("http://{}/", server.local_addr()),
    };
    // The first line is the address, so scripts and tests can read it.
    println!("{link}");
    eprintln!("Serving {} on {link} (Ctrl-C to stop)", path.display());
    use std::io::Write;
    let _ = std::io::stdout().flush();
    server.run();
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli, path: &std::path::Path) -> Result<ExitCode, ApiError> {
    if let Command::Analyze { files, outlet, format, .. } = &cli.command {
        if !files.is_empty() {
            return analyze_inputs(files, outlet.as_deref(), *format);
        }
    }
    if let Command::Serve { addr, token, ui } = cli.command {
        return serve(path, addr, token, ui);
    }
    let mut app = Sourcetrace::open(path)?;
    match cli.command {
        Command::Serve { .. } => unreachable!("served above, before the library is opened for the command line"),
        Command::Analyze { force, batch_size, format, .. } => {
            return analyze_library(&mut app, force, batch_size, format)
        }
        Command::Import(args) => return import(&mut app, args),
        Command::List { filter, format } => {
            let rows = app.list(&filter.filter())?;
            match format {
                Format::Table => print_table(
                    &["ID", "DATE", "OUTLET", "WORDS", "TITLE"],
                    rows.iter().map(|a| {
                        let mut title = a.title.clone().unwrap_or_else(|| "(untitled)".into());
                        if a.near_duplicates > 0 {
                            title.push_str(&format!("  [~{} near-duplicate]", a.near_duplicates));
                        }
                        vec![
                            Cell::Right(format!("#{}", a.id)),
                            Cell::Left(date_of(a.published.as_deref())),
                            Cell::Left(a.outlet.clone().unwrap_or_default()),
                            Cell::Right(a.word_count.to_string()),
                            Cell::Left(title),
                        ]
                    }),
                ),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Show { id, format } => {
            let article = app.show(id)?;
            let analysis = app.article_analysis(id)?;
            match format {
                Format::Table => {
                    output::print_article(&article);
                    analysis_output::print_scores(&analysis);
                }
                _ => {
                    let analysis = analysis.analysis.map(|a| {
                        serde_json::json!({
                            "current": analysis.current,
                            "version": a.version,
                            "analyzed_at": a.analyzed_at,
                            "scores": a.scores,
                        })
                    });
                    #[derive(serde::Serialize)]
                    struct Shown {
                        #[serde(flatten)]
                        article: sourcetrace_api::ArticleRecord,
                        analysis: Option<serde_json::Value>,
                    }
                    print_json(&[Shown { article, analysis }], format == Format::Jsonl)
                }
            }
        }
        Command::Search { query, filter, format } => {
            let found = app.search(&query, &filter.filter())?;
            let hits = found.hits;
            match format {
                Format::Table => {
                    if hits.is_empty() {
                        println!("No articles match {query:?}.");
                    }
                    if let Some(n) = found.ranked_among {
                        eprintln!(
                            "More than {n} articles match: these are the best of the {n} most recently imported. \
                             Narrow the search or filter by outlet or date to rank all matches."
                        );
                    }
                    let (on, off) = if std::io::stdout().is_terminal() { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
                    for hit in &hits {
                        println!(
                            "#{}  {}  {}  {}",
                            hit.id,
                            date_of(hit.published.as_deref()),
                            hit.outlet.as_deref().unwrap_or("-"),
                            hit.title.as_deref().unwrap_or("(untitled)")
                        );
                        println!("    {}", hit.snippet.replace(SNIPPET_START, on).replace(SNIPPET_END, off));
                    }
                }
                _ => print_json(&hits, format == Format::Jsonl),
            }
        }
        Command::Collection(CollectionCommand::Add { name, ids }) => {
            let added = app.add_to_collection(&name, &ids)?;
            println!("Added {added} article{} to {name:?}.", plural(added as u64));
        }
        Command::Collection(CollectionCommand::Remove { name, ids }) => {
            let removed = app.remove_from_collection(&name, &ids)?;
            println!("Removed {removed} article{} from {name:?}.", plural(removed as u64));
        }
        Command::Collection(CollectionCommand::List { format }) => {
            let rows = app.collections()?;
            match format {
                Format::Table => print_table(
                    &["NAME", "ARTICLES", "CREATED"],
                    rows.iter().map(|c| {
                        vec![
                            Cell::Left(c.name.clone()),
                            Cell::Right(c.articles.to_string()),
                            Cell::Left(c.created_at.clone()),
                        ]
                    }),
                ),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Outlets { all, format } => {
            let rows: Vec<_> = app.outlets()?.into_iter().filter(|o| all || o.articles > 0).collect();
            match format {
                Format::Table => print_table(
                    &["OUTLET", "COUNTRY", "KIND", "STATE", "ARTICLES"],
                    rows.iter().map(|o| {
                        vec![
                            Cell::Left(o.name.clone()),
                            Cell::Left(o.country.clone().unwrap_or_default()),
                            Cell::Left(o.kind.clone().unwrap_or_default()),
                            Cell::Left(o.state_affiliation.clone().unwrap_or_default()),
                            Cell::Right(o.articles.to_string()),
                        ]
                    }),
                ),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Imports { run: Some(run), format } => {
            let failures = app.import_failures(run)?;
            match format {
                Format::Table => {
                    if failures.is_empty() {
                        println!("Import #{run} recorded no failures.");
                    }
                    for (origin, reason) in &failures {
                        println!("{origin}: {reason}");
                    }
                }
                _ => print_json(
                    &failures.iter().map(|(o, r)| serde_json::json!({"origin": o, "reason": r})).collect::<Vec<_>>(),
                    format == Format::Jsonl,
                ),
            }
        }
        Command::Imports { run: None, format } => {
            let runs = app.import_runs()?;
            match format {
                Format::Table => print_table(
                    &["RUN", "STARTED", "STATUS", "IMPORTED", "DUPLICATES", "FAILED", "PATHS"],
                    runs.iter().map(|r| {
                        vec![
                            Cell::Right(format!("#{}", r.id)),
                            Cell::Left(r.started_at.clone()),
                            Cell::Left(r.status.clone()),
                            Cell::Right(r.imported.to_string()),
                            Cell::Right(r.duplicates.to_string()),
                            Cell::Right(r.failed.to_string()),
                            Cell::Left(r.paths.join(" ")),
                        ]
                    }),
                ),
                _ => print_json(&runs, format == Format::Jsonl),
            }
        }
        Command::Info { format } => {
            let info = app.info()?;
            match format {
                Format::Table => {
                    println!("Library:     {}", info.path);
                    println!("Schema:      version {}", info.schema_version);
                    println!("Articles:    {}", info.articles);
                    println!("Outlets:     {} with articles", info.outlets_with_articles);
                    println!("Collections: {}", info.collections);
                    println!("Imports:     {}", info.import_runs);
                    println!(
                        "Analysed:    {} current, {} to analyse (analysis version {})",
                        info.analysis.current, info.analysis.stale, info.analysis_version
                    );
                }
                _ => print_json(&[info], format == Format::Jsonl),
            }
        }
        Command::Attributions { id, format } => {
            let analysis = app.article_analysis(id)?;
            match format {
                Format::Table => {
                    if analysis.analysis.is_none() {
                        println!("Article #{id} has not been analysed yet: run `sourcetrace analyze`.");
                    } else {
                        if !analysis.current {
                            eprintln!("note: this analysis is out of date: run `sourcetrace analyze` to redo it");
                        }
                        if analysis.attributions.is_empty() {
                            println!("Article #{id} attributes nothing to anyone.");
                        } else {
                            analysis_output::print_stored_attributions(&analysis.attributions);
                        }
                    }
                }
                _ => print_json(&analysis.attributions, format == Format::Jsonl),
            }
        }
        Command::Tone { id, engine, format } => {
            let engine = ToneEngine::parse(&engine).ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidInput, format!("unknown tone engine {engine:?}: use vader or afinn"))
            })?;
            let tone = app.tone(id, engine)?;
            match format {
                Format::Table => analysis_output::print_tone(id, &tone),
                _ => print_json(&[tone], format == Format::Jsonl),
            }
        }
        Command::Framing { id: Some(id), format, .. } => {
            let framing = app.framing(id)?;
            match format {
                Format::Table => analysis_output::print_framing(&framing),
                _ => print_json(&[framing], format == Format::Jsonl),
            }
        }
        Command::Framing { id: None, selection, format } => {
            let rows = app.framing_by_outlet(&selection.filter())?;
            match format {
                Format::Table => analysis_output::print_framing_by_outlet(&rows),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Report { output, title, selection } => {
            let filter = selection.filter();
            match output {
                Some(path) => {
                    app.report_to_path(&filter, &title, &path)?;
                    eprintln!("Wrote the report to {}.", path.display());
                }
                None => print!("{}", app.report_html(&filter, &title)?),
            }
        }
        Command::Compare { story, format } => {
            let comparison = app.compare(story)?;
            match format {
                Format::Table => analysis_output::print_comparison(&comparison),
                _ => print_json(&[comparison], format == Format::Jsonl),
            }
        }
        Command::Export { tables, format, output, selection } => {
            return export(&app, tables, format, output, selection);
        }
        Command::Reuse { id, format } => {
            let reuse = app.reuse(id)?;
            match format {
                Format::Table => analysis_output::print_reuse(&reuse),
                _ => print_json(&[reuse], format == Format::Jsonl),
            }
        }
        Command::Credits { id: Some(id), format, .. } => {
            let credits = app.credits(id)?;
            match format {
                Format::Table => analysis_output::print_credits(&credits),
                _ => print_json(&credits, format == Format::Jsonl),
            }
        }
        Command::Credits { id: None, filter, without_syndicated, format } => {
            let tallies = app.credit_tallies(&filter.filter(), without_syndicated)?;
            match format {
                Format::Table => analysis_output::print_credit_tallies(&tallies),
                Format::Json => print_json(&[tallies], false),
                Format::Jsonl => print_json(&tallies.cells, true),
            }
        }
        Command::Sources { source_type, country, limit, format } => {
            let rows = app.sources(&SourceFilter { source_type, country, limit })?;
            match format {
                Format::Table => analysis_output::print_sources(&rows),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Stories { command: None, filter, format } => {
            let stories = app.stories(&filter.filter())?;
            match format {
                Format::Table => {
                    stories_output::print_stories(&stories);
                    let ungrouped = app.ungrouped_articles()?;
                    if ungrouped > 0 {
                        eprintln!(
                            "{ungrouped} article{} in no story yet: run `sourcetrace stories group`.",
                            plural(ungrouped as u64)
                        );
                    }
                }
                _ => print_json(&stories, format == Format::Jsonl),
            }
        }
        Command::Stories { command: Some(command), .. } => stories(&mut app, command)?,
        Command::Correct { attribution_id, source_type, source, country, delete, format } => {
            let request = CorrectionRequest { attribution_id, source_type, canonical: source, country, delete };
            let analysis = app.correct_attribution(&request)?;
            let made = app.corrections(Some(analysis.article_id))?.pop();
            match format {
                Format::Table => {
                    if let Some(c) = &made {
                        println!(
                            "Correction #{} of article #{} (\"{}\"{}): {}. The article was analysed again.",
                            c.id,
                            c.article_id,
                            c.cue_text,
                            c.source_text.as_deref().map(|s| format!(", source \"{s}\"")).unwrap_or_default(),
                            analysis_output::describe_correction(c)
                        );
                    }
                    analysis_output::print_scores(&analysis);
                }
                _ => print_json(&[analysis], format == Format::Jsonl),
            }
        }
        Command::Corrections { command: Some(CorrectionsCommand::Undo { id }), format, .. } => {
            let analysis = app.undo_correction(id)?;
            match format {
                Format::Table => {
                    println!(
                        "Undid correction #{id}: article #{} was analysed again with the engine's finding.",
                        analysis.article_id
                    );
                    analysis_output::print_scores(&analysis);
                }
                _ => print_json(&[analysis], format == Format::Jsonl),
            }
        }
        Command::Corrections { command: None, article, format } => {
            let rows = app.corrections(article)?;
            match format {
                Format::Table => analysis_output::print_corrections(&rows),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Lexicon(LexiconCommand::Add { kind, row }) => {
            let added = app.add_lexicon_row(&kind, &row.join("\t"))?;
            let a = &added.addition;
            let described = analysis_output::describe_row(&a.kind, &a.row);
            if added.new {
                println!("Added {} row #{}: {described}.", a.kind, a.id);
            } else {
                println!("That {} row is already there as #{}; nothing changed.", a.kind, a.id);
            }
            if added.stale > 0 {
                println!(
                    "{} article{} to analyse with it: run `sourcetrace analyze`.",
                    added.stale,
                    plural(added.stale as u64)
                );
            }
        }
        Command::Lexicon(LexiconCommand::List { format }) => {
            let rows = app.lexicon_additions()?;
            match format {
                Format::Table => analysis_output::print_lexicon(&rows),
                _ => print_json(&rows, format == Format::Jsonl),
            }
        }
        Command::Lexicon(LexiconCommand::Remove { id }) => {
            let removed = app.remove_lexicon_row(id)?;
            println!(
                "Removed {} row #{}: {}.",
                removed.kind,
                removed.id,
                analysis_output::describe_row(&removed.kind, &removed.row)
            );
            let stale = app.analysis_counts()?.stale;
            if stale > 0 {
                println!("{stale} article{} to analyse without it: run `sourcetrace analyze`.", plural(stale as u64));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `stories` subcommands: grouping and corrections.
fn stories(app: &mut Sourcetrace, command: StoriesCommand) -> Result<(), ApiError> {
    match command {
        StoriesCommand::Group(args) => group(app, args, false)?,
        StoriesCommand::Regroup(args) => group(app, args, true)?,
        StoriesCommand::Show { id, format } => {
            let story = app.story(id)?;
            match format {
                Format::Table => stories_output::print_story(&story),
                _ => print_json(&[story], format == Format::Jsonl),
            }
        }
        StoriesCommand::Merge { into, others } => {
            let story = app.merge_stories(into, &others)?;
            println!("Merged into story #{}: {} articles, pinned.", story.id, story.articles.len());
            stories_output::print_story(&story);
        }
        StoriesCommand::Split { story, articles } => {
            let split = app.split_story(story, &articles)?;
            println!(
                "Split {} article{} out of story #{} into story #{}; both are pinned.",
                split.split.articles.len(),
                plural(split.split.articles.len() as u64),
                split.kept.id,
                split.split.id
            );
            stories_output::print_story(&split.split);
        }
        StoriesCommand::Move { article, story, .. } => {
            let story = app.move_article(article, story)?;
            println!("Article #{article} is now in story #{} (pinned).", story.id);
            stories_output::print_story(&story);
        }
        StoriesCommand::Edits { format } => {
            let edits = app.story_edits()?;
            match format {
                Format::Table => print_table(
                    &["EDIT", "AT", "ACTION", "STORY", "DETAIL"],
                    edits.iter().map(|e| {
                        vec![
                            Cell::Right(format!("#{}", e.id)),
                            Cell::Left(e.at.clone()),
                            Cell::Left(e.action.clone()),
                            Cell::Right(format!("#{}", e.story_id)),
                            Cell::Left(e.detail.to_string()),
                        ]
                    }),
                ),
                _ => print_json(&edits, format == Format::Jsonl),
            }
        }
    }
    Ok(())
}

/// `stories group` and `stories regroup`.
fn group(app: &mut Sourcetrace, args: GroupArgs, regroup: bool) -> Result<(), ApiError> {
    let request = GroupRequest { regroup, threshold: args.threshold, window_days: args.window_days.map(|w| w.0) };
    let summary = app.group_stories(&request)?;
    match args.format {
        Format::Table => println!("{}", stories_output::describe_grouping(&summary)),
        format => print_json(&[summary], format == Format::Jsonl),
    }
    Ok(())
}

/// `analyze` with no files: analyses the library's articles whose analysis
/// is missing or out of date (all of them with `--force`), with a progress
/// bar on a terminal. Ctrl-C stops between batches; what was committed stays.
fn analyze_library(
    app: &mut Sourcetrace,
    force: bool,
    batch_size: usize,
    format: Format,
) -> Result<ExitCode, ApiError> {
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} articles · {per_sec} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let request = AnalyzeRequest { force, batch_size, ..AnalyzeRequest::default() };
    let summary = app.analyze_library(
        &request,
        &mut |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        },
        &cancel,
    )?;
    bar.finish_and_clear();
    for warning in &summary.lexicon_warnings {
        eprintln!("warning: {warning}");
    }
    match format {
        Format::Table => println!(
            "{}Analysed {} article{} ({} already current, analysis version {}): {} attribution{} in {:.1} s.",
            if summary.cancelled { "Cancelled. " } else { "" },
            summary.analyzed,
            plural(summary.analyzed),
            summary.skipped_current,
            summary.version,
            summary.attributions,
            plural(summary.attributions),
            summary.elapsed_ms as f64 / 1000.0
        ),
        _ => print_json(&[&summary], format == Format::Jsonl),
    }
    if let (Format::Table, Some(stories)) = (format, &summary.stories) {
        if stories.placed > 0 {
            println!("{}", stories_output::describe_grouping(stories));
        }
    }
    Ok(if summary.cancelled { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `analyze FILE...` and `analyze -`: no library involved, results on stdout.
fn analyze_inputs(files: &[PathBuf], outlet: Option<&str>, format: Format) -> Result<ExitCode, ApiError> {
    use sourcetrace_api::analysis::{analyze_file, analyze_json_line, TextAnalysis};
    use std::io::{BufRead, Write};
    let lexicon = sourcetrace_api::analysis::Lexicon::builtin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut emit = |result: TextAnalysis, out: &mut dyn Write| -> std::io::Result<()> {
        if let Some(e) = &result.error {
            failed += 1;
            eprintln!(
                "{}: {e}",
                result.path.clone().unwrap_or_else(|| result.id.as_ref().map(|i| i.to_string()).unwrap_or_default())
            );
        }
        match format {
            Format::Table => {
                analysis_output::print_text_analysis(&result);
                Ok(())
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &result).map_err(std::io::Error::other)?;
                writeln!(out)
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &result).map_err(std::io::Error::other)?;
                writeln!(out)
            }
        }
    };
    let io =
        |e: std::io::Error| ApiError::new(sourcetrace_api::ErrorCode::Io, format!("cannot write the results: {e}"));
    for file in files {
        if file.as_os_str() == "-" {
            let stdin = std::io::stdin();
            for (n, line) in stdin.lock().lines().enumerate() {
                let line =
                    line.map_err(|e| ApiError::new(sourcetrace_api::ErrorCode::Io, format!("cannot read stdin: {e}")))?;
                if line.trim().is_empty() {
                    continue;
                }
                emit(analyze_json_line(&line, n + 1, &lexicon), &mut out).map_err(io)?;
            }
        } else {
            emit(analyze_file(file, &lexicon, outlet), &mut out).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn import(app: &mut Sourcetrace, args: ImportArgs) -> Result<ExitCode, ApiError> {
    let mut request = ImportRequest::new(args.paths);
    request.outlet = args.outlet;
    request.collection = args.collection;
    request.limits = Limits { max_file_bytes: args.max_file_size << 20, ..Limits::default() };
    request.batch_units = args.batch_size;

    // Ctrl-C stops the import between batches; what was committed stays.
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));

    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {binary_bytes}/{binary_total_bytes} {msg} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let quiet = args.quiet;
    let mut shown_duplicates = 0u32;
    let summary = app.import(
        &request,
        &mut |event| match event {
            ImportEvent::Progress(p) => {
                bar.set_length(p.bytes_total);
                bar.set_position(p.bytes_done);
                let rate = p.imported as f64 / (p.elapsed_ms.max(1) as f64 / 1000.0);
                bar.set_message(format!(
                    "{} imported, {} duplicates, {} failed · {:.0} articles/s",
                    p.imported, p.duplicates, p.failed, rate
                ));
            }
            ImportEvent::Imported { id, origin, title, near_duplicates } if !quiet => {
                let mut line = format!("imported #{id}: {origin}");
                if let Some(title) = title {
                    line.push_str(&format!(" ({})", shorten(title, 60)));
                }
                if let Some((other, similarity)) = near_duplicates.first() {
                    line.push_str(&format!("; near-duplicate of #{other} ({:.0}% similar)", similarity * 100.0));
                }
                bar.suspend(|| println!("{line}"));
            }
            ImportEvent::Duplicate { origin, of, title } if !quiet || shown_duplicates < 20 => {
                shown_duplicates += 1;
                let title = title.as_deref().map(|t| format!(" ({})", shorten(t, 60))).unwrap_or_default();
                bar.suspend(|| println!("duplicate: {origin}: duplicate of #{of}{title}, not added again"));
            }
            ImportEvent::Failed { origin, reason } => bar.suspend(|| eprintln!("error: {origin}: {reason}")),
            ImportEvent::Skipped { origin, reason } if !quiet => {
                bar.suspend(|| eprintln!("skipped: {origin}: {reason}"))
            }
            _ => {}
        },
        &cancel,
    )?;
    bar.finish_and_clear();
    let seconds = summary.elapsed_ms as f64 / 1000.0;
    println!(
        "{}Imported {} article{}, {} duplicate{}, {} failed{} in {seconds:.1} s (import #{}).",
        if summary.cancelled { "Cancelled. " } else { "" },
        summary.imported,
        plural(summary.imported),
        summary.duplicates,
        plural(summary.duplicates),
        summary.failed,
        if summary.skipped > 0 { format!(", {} skipped", summary.skipped) } else { String::new() },
        summary.run_id
    );
    if summary.failed > 0 {
        eprintln!("See the failures again with: sourcetrace imports {}", summary.run_id);
    }
    Ok(if summary.failed > 0 || summary.cancelled { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn date_of(published: Option<&str>) -> String {
    published.map(|p| p.replacen('T', " ", 1).chars().take(16).collect()).unwrap_or_else(|| "-".into())
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
