//! Append-only schema migrations tracked by `PRAGMA user_version`.
//!
//! Migration `n` (1-based) brings a file from version `n - 1` to `n`. The
//! pending migrations run in one transaction together with the version
//! bump, so a file is always at exactly one version. Running the migrations
//! again is a no-op.

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
    include_str!("migrations/0015_sources_found_by_key.sql"),
    include_str!("migrations/0016_source_tallies.sql"),
    include_str!("migrations/0017_source_outlet_tallies.sql"),
    include_str!("migrations/0018_people_and_given_names.sql"),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Brings the file up to [`LATEST`]. Refuses a file from a newer build
/// rather than risk writing to a schema it does not know.
///
/// Foreign keys are off while migrations run, as SQLite's procedure for
/// rebuilding a table asks: with them on, dropping the old table of a
/// rebuild deletes its rows first and fails on every row that refers to
/// them. The migrations are checked instead, and rolled back if they left
/// more broken references than the file had before (a file from a build
/// that ran without foreign keys may have some, and still opens).
pub fn run(conn: &mut Connection, path: &Path) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > LATEST {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: current, supported: LATEST });
    }
    if current == LATEST {
        return Ok(());
    }
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = migrate_from(conn, current, MIGRATIONS);
    // Restored whatever happened, so that the connection enforces them.
    conn.pragma_update(None, "foreign_keys", enforced)?;
    migrated
}

fn migrate_from(conn: &mut Connection, current: u32, migrations: &[&str]) -> Result<()> {
    let latest = migrations.len() as u32;
    if current >= latest {
        return Ok(());
    }
    // The check reads every reference in the file (10 s at a million
    // articles in the page cache, 42 s from disk), so it runs once for all
    // the pending migrations, not once for each: that library, two
    // releases behind, upgraded in 54 s instead of 64 to 70. Only when the
    // check finds broken references are the migrations taken one at a
    // time, to tell which of them broke them.
    {
        let tx = conn.transaction()?;
        for sql in &migrations[current as usize..] {
            tx.execute_batch(sql)?;
        }
        if broken_references(&tx)? == 0 {
            tx.pragma_update(None, "user_version", latest)?;
            tx.commit()?;
            return Ok(());
        }
        // Dropping the transaction rolls the migrations back.
    }
    one_at_a_time(conn, current, migrations)
}

/// Runs each pending migration in its own transaction and checks it,
/// keeping those before the first that breaks references.
fn one_at_a_time(conn: &mut Connection, current: u32, migrations: &[&str]) -> Result<()> {
    for (index, sql) in migrations.iter().enumerate().skip(current as usize) {
        let mut tx = conn.transaction()?;
        {
            // Checked after the migration; only when the check finds broken
            // references is the migration undone to count those the file
            // had before.
            let mut migration = tx.savepoint()?;
            migration.execute_batch(sql)?;
            let broken = broken_references(&migration)?;
            if broken > 0 {
                migration.rollback()?;
                let before = broken_references(&migration)?;
                if broken > before {
                    // Dropping the transaction rolls the migration back.
                    return Err(StoreError::Invalid(format!(
                        "migration {} would leave {} rows referring to missing rows; the library is left at \
                         version {index}",
                        index + 1,
                        broken - before
                    )));
                }
                migration.execute_batch(sql)?;
            }
            migration.commit()?;
        }
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// How many rows refer to a row that does not exist.
fn broken_references(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?)
}

/// A library file as the build with schema `version` left it, for tests of
/// the migrations after it.
#[cfg(test)]
pub(crate) fn file_at_version(path: &Path, version: u32) -> Connection {
    let conn = Connection::open(path).unwrap();
    for sql in &MIGRATIONS[..version as usize] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version).unwrap();
    conn
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARENT_AND_CHILD: &str = "CREATE TABLE parent (id INTEGER PRIMARY KEY);
         CREATE TABLE child (parent INTEGER REFERENCES parent (id));
         INSERT INTO parent VALUES (1);
         INSERT INTO child VALUES (1);";

    /// A connection as `run` migrates with: foreign keys off.
    fn unchecked() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        conn
    }

    fn version(conn: &Connection) -> u32 {
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_migration_that_breaks_references_is_rolled_back() {
        let mut conn = unchecked();
        let err = migrate_from(&mut conn, 0, &[PARENT_AND_CHILD, "DELETE FROM parent"]).unwrap_err();
        assert!(err.to_string().contains("migration 2 would leave 1 rows referring to missing rows"), "{err}");
        assert_eq!(version(&conn), 1, "the first migration is kept");
        let parents: i64 = conn.query_row("SELECT count(*) FROM parent", [], |r| r.get(0)).unwrap();
        assert_eq!(parents, 1, "the second is undone");
    }

    #[test]
    fn pending_migrations_land_together_or_not_at_all() {
        let mut conn = unchecked();
        migrate_from(&mut conn, 0, &[PARENT_AND_CHILD]).unwrap();
        let err = migrate_from(&mut conn, 1, &[PARENT_AND_CHILD, "CREATE TABLE later (x)", "NOT SQL"]).unwrap_err();
        assert!(err.to_string().contains("syntax error"), "{err}");
        assert_eq!(version(&conn), 1, "the version is where it was");
        let later: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'later'", [], |r| r.get(0)).unwrap();
        assert_eq!(later, 0, "the migration before the failing one is undone with it");
        migrate_from(&mut conn, 1, &[PARENT_AND_CHILD, "CREATE TABLE later (x)", "CREATE TABLE last (y)"]).unwrap();
        assert_eq!(version(&conn), 3);
    }

    #[test]
    fn references_broken_before_do_not_stop_later_migrations() {
        let mut conn = unchecked();
        let broken = "CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (parent INTEGER REFERENCES parent (id));
             INSERT INTO child VALUES (5);";
        // As a build that ran without foreign keys could have left it.
        conn.execute_batch(broken).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        migrate_from(&mut conn, 1, &[broken, "CREATE TABLE later (x)"]).unwrap();
        assert_eq!(version(&conn), 2);
    }
}
