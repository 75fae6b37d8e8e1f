//! The Sourcetrace desktop app: a Tauri window over `sourcetrace-desk`.
//!
//! This crate is glue. The commands live in [`commands`]; each one
//! delegates to the desk in a few lines, and errors cross IPC as
//! `{code, message}` ([`sourcetrace_api::ApiError`]).

pub mod commands;

use std::sync::OnceLock;
use std::time::Instant;

/// When the process started, for the start-up measurement.
pub(crate) static STARTED: OnceLock<Instant> = OnceLock::new();

/// With this variable set, the app prints `first-paint-ms N` when the UI has
/// painted its first view, and exits: the start-up benchmark runs it so.
pub const EXIT_AFTER_FIRST_PAINT: &str = "SOURCETRACE_EXIT_AFTER_FIRST_PAINT";

/// Set to keep WebKit's GPU compositing on, at the cost of memory.
pub const KEEP_COMPOSITING: &str = "SOURCETRACE_GPU_COMPOSITING";

/// Turns WebKitGTK's accelerated compositing off unless the user asked for
/// it, before any thread starts and before GTK reads the environment.
///
/// Compositing on the GPU (or in Mesa's software renderer where there is no
/// GPU) costs WebKit's web process about 95 MB of resident memory with a
/// 100,000-article library open: 283 MB with it, 187 MB without, measured
/// under Xvfb. The pages here are tables, text and 2D-canvas charts, which
/// WebKit paints on the CPU either way, so nothing a journalist sees gets
/// slower. The variable is WebKit's own; a value already set wins.
fn prefer_memory_over_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() && std::env::var_os(KEEP_COMPOSITING).is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// Set to keep JavaScriptCore's just-in-time compilers on, at the cost of
/// memory.
pub const KEEP_JIT: &str = "SOURCETRACE_JIT";

/// Runs the UI's scripts in JavaScriptCore's interpreter unless the user
/// asked for the JIT, before WebKit starts its web process (which inherits
/// the environment).
///
/// With a million-article library open in the window, the dashboard
/// scrolled through, an article, the sources list and a search opened in
/// turn, the app and its WebKit processes took 318 MB at the dashboard
/// (proportional set size summed); without the JIT, 283 to 285 MB, and at
/// most 304 MB over every step, with the dashboard 5 to 12% slower to draw
/// and the other views as fast (`crates/bench/desktop/memory-in-use.mjs`,
/// BENCHMARKS.md). The UI's work is drawing tables and a few charts, not
/// computing, so the interpreter is enough. The variable is
/// JavaScriptCore's own; a value already set wins.
fn prefer_memory_over_jit() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("JSC_useJIT").is_none() && std::env::var_os(KEEP_JIT).is_none() {
        std::env::set_var("JSC_useJIT", "false");
    }
}

/// Opens the library given by `--library PATH` (or the default) and runs
/// the window.
pub fn run() {
    STARTED.get_or_init(Instant::now);
    prefer_memory_over_compositing();
    prefer_memory_over_jit();
    let path = library_path_from_args(std::env::args().skip(1));
    let desk = match sourcetrace_desk::Desk::open(&path) {
        Ok(desk) => desk,
        Err(e) => {
            eprintln!("error: {}", e.message);
            std::process::exit(2);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(desk)
        .invoke_handler(tauri::generate_handler![
            commands::call,
            commands::import_dialog,
            commands::save_chart,
            commands::export_dialog,
            commands::first_paint
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("error: the window could not start: {e}");
            std::process::exit(1);
        });
}

/// Reads `--library PATH` or `--library=PATH`; anything else falls back to
/// the default library, as in the CLI.
fn library_path_from_args(mut args: impl Iterator<Item = String>) -> std::path::PathBuf {
    while let Some(arg) = args.next() {
        if arg == "--library" {
            if let Some(path) = args.next() {
                return path.into();
            }
        } else if let Some(path) = arg.strip_prefix("--library=") {
            return path.into();
        }
    }
    sourcetrace_api::default_library_path()
}
