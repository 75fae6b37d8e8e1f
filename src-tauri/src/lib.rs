//! The Sourcetrace desktop app: a Tauri window over `sourcetrace-api`.
//!
//! This crate is glue. Commands live in [`commands`] and each one delegates
//! to the shared API in a few lines; errors cross IPC as
//! `{code, message}` ([`sourcetrace_api::ApiError`]).

pub mod commands;

use std::sync::Mutex;

/// The open library, shared by the commands. A mutex is enough because
/// each command holds it only for one API call.
pub struct AppState {
    pub app: Mutex<sourcetrace_api::Sourcetrace>,
}

/// Opens the library given by `--library PATH` (or the default) and runs
/// the window.
pub fn run() {
    let path = library_path_from_args(std::env::args().skip(1));
    let app = match sourcetrace_api::Sourcetrace::open(&path) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("error: {}", e.message);
            std::process::exit(2);
        }
    };
    tauri::Builder::default()
        .manage(AppState { app: Mutex::new(app) })
        .invoke_handler(tauri::generate_handler![commands::library_info])
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
