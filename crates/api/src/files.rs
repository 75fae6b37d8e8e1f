//! Writing files the user asked for without ever leaving half of one.

use crate::{ApiError, ErrorCode, Result};
use std::path::{Path, PathBuf};

/// `report.xlsx` is written as `.report.xlsx.partial` beside it: the same
/// folder, so the rename that completes it cannot cross file systems.
fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    path.with_file_name(format!(".{name}.partial"))
}

/// Calls `write` with a temporary path beside `path`, then renames it to
/// `path`. When `write` fails, or leaves nothing, the temporary file is
/// removed and whatever was at `path` before stays as it was.
pub(crate) fn replace_with<T>(path: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let partial = partial_path(path);
    let result = write(&partial).and_then(|value| {
        if std::fs::metadata(&partial).is_ok() {
            Ok(value)
        } else {
            Err(ApiError::new(ErrorCode::Io, format!("Nothing was written for {}", path.display())))
        }
    });
    match result {
        Ok(value) => {
            std::fs::rename(&partial, path).map_err(|e| {
                let _ = std::fs::remove_file(&partial);
                ApiError::new(ErrorCode::Io, format!("Could not move the file to {}: {e}", path.display()))
            })?;
            Ok(value)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}
