//! Tauri commands: each one locks the library and calls the shared API.

use crate::AppState;
use sourcetrace_api::{ApiError, ErrorCode, LibraryInfo};

fn busy() -> ApiError {
    ApiError::new(ErrorCode::Library, "the library is unavailable after an earlier failure; restart Sourcetrace")
}

/// Where the library is and what it holds.
#[tauri::command]
pub fn library_info(state: tauri::State<'_, AppState>) -> Result<LibraryInfo, ApiError> {
    state.app.lock().map_err(|_| busy())?.info()
}
