//! Tauri commands. `call` runs any command of the shared table
//! (`sourcetrace_desk::commands`), exactly as the web mode does; the others
//! exist only in the window because they open the system's file dialogs,
//! so that where files are read from and written to is always chosen by
//! the user, never by a page.
//!
//! Every command is `async` so Tauri runs it off the main thread and the
//! window keeps painting while a query or a dialog is open.

use serde_json::Value;
use sourcetrace_api::{ApiError, ErrorCode, ExportFormat, ExportRequest};
use sourcetrace_desk::jobs::JobStatus;
use sourcetrace_desk::{commands, decode_data_url, Desk, ReportRequest};
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// Runs one command of the shared table.
#[tauri::command(async)]
pub fn call(command: String, args: Value, desk: State<'_, Desk>) -> Result<Value, ApiError> {
    commands::call(&desk, &command, args)
}

/// For the end-to-end tests, which cannot click in the system's file
/// dialogs: with this set to a folder, a save dialog answers with that
/// folder and the suggested name, and an open dialog with every file in it.
/// Only the person starting the app can set it; a page cannot.
pub const DIALOG_ANSWER: &str = "SOURCETRACE_TEST_DIALOG_FOLDER";

fn dialog_answer() -> Option<PathBuf> {
    std::env::var_os(DIALOG_ANSWER).map(PathBuf::from)
}

fn local(path: FilePath) -> Result<PathBuf, ApiError> {
    path.into_path().map_err(|e| ApiError::new(ErrorCode::Io, format!("that location cannot be used: {e}")))
}

/// Shows the open dialog and imports what the user picked.
#[tauri::command(async)]
pub fn import_dialog(folders: bool, app: AppHandle, desk: State<'_, Desk>) -> Result<Option<JobStatus>, ApiError> {
    let paths = if let Some(folder) = dialog_answer() {
        vec![folder]
    } else {
        let dialog = app.dialog().file().set_title(if folders { "Import folders" } else { "Import files" });
        let picked = if folders { dialog.blocking_pick_folders() } else { dialog.blocking_pick_files() };
        let Some(picked) = picked else { return Ok(None) };
        picked.into_iter().map(local).collect::<Result<Vec<_>, _>>()?
    };
    desk.import_paths(paths, None, None).map(Some)
}

/// Shows the save dialog and writes a chart the page drew.
#[tauri::command(async)]
pub fn save_chart(name: String, format: String, data_url: String, app: AppHandle) -> Result<Option<String>, ApiError> {
    let extension = match format.as_str() {
        "png" => "png",
        "svg" => "svg",
        other => {
            return Err(ApiError::new(ErrorCode::InvalidInput, format!("charts are saved as png or svg, not {other}")))
        }
    };
    let bytes = decode_data_url(&data_url)?;
    let file_name = format!("{name}.{extension}");
    let path = match dialog_answer() {
        Some(folder) => folder.join(&file_name),
        None => {
            let picked = app
                .dialog()
                .file()
                .set_title("Save chart")
                .set_file_name(&file_name)
                .add_filter(extension.to_uppercase(), &[extension])
                .blocking_save_file();
            let Some(path) = picked else { return Ok(None) };
            local(path)?
        }
    };
    std::fs::write(&path, bytes)
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("could not write {}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

/// Shows the save dialog and starts an export (data) or a report (HTML or
/// PDF) to the chosen file.
#[tauri::command(async)]
pub fn export_dialog(
    request: Option<ExportRequest>,
    report: Option<ReportRequest>,
    pdf: Option<bool>,
    app: AppHandle,
    desk: State<'_, Desk>,
) -> Result<Option<JobStatus>, ApiError> {
    let (name, extension) = match (&request, &report) {
        (Some(request), _) => ("sourcetrace-export", request.format.extension()),
        (None, Some(_)) if pdf.unwrap_or(false) => ("sourcetrace-report", "pdf"),
        (None, Some(_)) => ("sourcetrace-report", "html"),
        (None, None) => return Err(ApiError::new(ErrorCode::InvalidInput, "choose what to export")),
    };
    // CSV of several tables is a folder of files, one per table.
    let folder = request.as_ref().is_some_and(|r| r.format == ExportFormat::Csv && r.tables.len() != 1);
    let file_name = format!("{name}.{extension}");
    let path = match dialog_answer() {
        Some(answer) if folder => answer.join(name),
        Some(answer) => answer.join(&file_name),
        None => {
            let dialog = app.dialog().file().set_title("Export");
            let picked = if folder {
                dialog.blocking_pick_folder()
            } else {
                dialog.set_file_name(&file_name).add_filter(extension.to_uppercase(), &[extension]).blocking_save_file()
            };
            let Some(path) = picked else { return Ok(None) };
            local(path)?
        }
    };
    match (request, report) {
        (Some(request), _) => desk.export(request, path).map(Some),
        (None, Some(report)) => desk.report(report, path).map(Some),
        (None, None) => unreachable!("checked above"),
    }
}

/// The UI calls this once its first view is on screen. The time since the
/// process started goes to standard error, and the app exits when the
/// start-up benchmark asked it to.
#[tauri::command]
pub fn first_paint(app: AppHandle) {
    let ms = crate::STARTED.get().map_or(0, |t| t.elapsed().as_millis());
    eprintln!("sourcetrace: first view painted {ms} ms after start");
    if std::env::var_os(crate::EXIT_AFTER_FIRST_PAINT).is_some() {
        println!("first-paint-ms {ms}");
        app.exit(0);
    }
}
