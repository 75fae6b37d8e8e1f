//! Append-only schema migrations tracked by `PRAGMA user_version`.
//!
//! Migration `n` (1-based) brings a file from version `n - 1` to `n`. Each
//! runs in its own transaction together with the version bump, so a file is
//! always at exactly one version. Running the migrations again is a no-op.

use crate::{Result, StoreError};
use rusqlite::Connection;
use std::path::Path;

/// The migrations, in order. Never edit or reorder a released entry.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_library.sql"),
    include_str!("migrations/0002_attributions.sql"),
    include_str!("migrations/0003_credits.sql"),
    include_str!("migrations/0004_reuse.sql"),
    include_str!("migrations/0005_tone.sql"),
    include_str!("migrations/0006_stories.sql"),
    include_str!("migrations/0007_corrections.sql"),
    include_str!("migrations/0008_dashboard_tallies.sql"),
    include_str!("migrations/0009_tone_tally.sql"),
    include_str!("migrations/0010_month_tallies.sql"),
    include_str!("migrations/0011_analysis_stamp_index.sql"),
    include_str!("migrations/0012_lighter_analysis_writes.sql"),
    include_str!("migrations/0013_index_each_import_batch_at_once.sql"),
    include_str!("migrations/0014_tallies_without_temporary_tables.sql"),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Brings the file up to [`LATEST`]. Refuses a file from a newer build
/// rather than risk writing to a schema it does not know.
pub fn run(conn: &mut Connection, path: &Path) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > LATEST {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: current, supported: LATEST });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
