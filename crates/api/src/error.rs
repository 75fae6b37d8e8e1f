//! Errors as every front end shows them: a stable code and a sentence.

use serde::Serialize;
use sourcetrace_store::StoreError;

/// A stable, machine-readable error kind. The UI and scripts branch on it;
/// the message is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    BadQuery,
    InvalidInput,
    NewerLibrary,
    Library,
    Io,
    /// The user cancelled a long operation; nothing was written.
    Cancelled,
}

/// An error for the user, serialized as `{"code": ..., "message": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into() }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let code = match &e {
            StoreError::NewerSchema { .. } => ErrorCode::NewerLibrary,
            StoreError::BadQuery(_) => ErrorCode::BadQuery,
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
            StoreError::CreateFolder { .. } => ErrorCode::Io,
            StoreError::Open { .. } | StoreError::Sqlite(_) => ErrorCode::Library,
        };
        ApiError::new(code, e.to_string())
    }
}
