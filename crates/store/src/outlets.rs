//! Outlets in the library: the built-in list, the user's additions, and
//! names met in imported articles.

use crate::{Library, Result, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use sourcetrace_core::outlets::{Gazetteer, Outlet, OutletKind, StateAffiliation, BUILTIN_TSV};

/// An outlet as stored, with how many articles it has.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutletRecord {
    pub id: i64,
    pub name: String,
    pub aliases: Vec<String>,
    pub domain: Option<String>,
    pub country: Option<String>,
    pub kind: Option<String>,
    pub state_affiliation: Option<String>,
    pub origin: String,
    pub articles: i64,
}

impl Library {
    /// Copies `data/outlets.tsv` into the library when it changed since the
    /// last time, so SQL can join articles to countries and kinds. The
    /// user's own outlets are never overwritten.
    pub(crate) fn sync_builtin_outlets(&mut self) -> Result<()> {
        let digest = blake3::hash(BUILTIN_TSV.as_bytes()).to_hex().to_string();
        let stored: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = 'builtin_outlets'", [], |r| r.get(0)).optional()?;
        if stored.as_deref() == Some(digest.as_str()) {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for outlet in Gazetteer::builtin().outlets() {
            upsert(&tx, outlet, "builtin")?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('builtin_outlets', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [&digest],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The gazetteer importers resolve names with: the built-in list plus
    /// the outlets the user added, which override it.
    pub fn gazetteer(&self) -> Result<Gazetteer> {
        let mut gazetteer = Gazetteer::builtin();
        for record in self.outlets_where("o.origin = 'user'", [])? {
            let (Some(kind), Some(state)) = (
                record.kind.as_deref().and_then(OutletKind::parse),
                record.state_affiliation.as_deref().and_then(StateAffiliation::parse),
            ) else {
                continue;
            };
            gazetteer.add(Outlet {
                name: record.name,
                aliases: record.aliases,
                domain: record.domain,
                country: record.country,
                kind,
                state,
            });
        }
        Ok(gazetteer)
    }

    /// Adds or replaces an outlet of the user's.
    pub fn add_outlet(&mut self, outlet: &Outlet) -> Result<i64> {
        if outlet.name.trim().is_empty() {
            return Err(StoreError::Invalid("an outlet needs a name".into()));
        }
        let tx = self.conn.transaction()?;
        let id = upsert(&tx, outlet, "user")?;
        tx.commit()?;
        Ok(id)
    }

    /// Looks an outlet up by name or alias.
    pub fn outlet(&self, name: &str) -> Result<Option<OutletRecord>> {
        match self.outlet_id(name)? {
            Some(id) => Ok(self.outlets_where("o.id = ?1", [id])?.pop()),
            None => Ok(None),
        }
    }

    /// An outlet's id by name or alias.
    fn outlet_id(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM outlets WHERE name = ?1
                 UNION ALL SELECT outlet_id FROM outlet_aliases WHERE alias = ?1 LIMIT 1",
            )?
            .query_row([name.trim()], |r| r.get(0))
            .optional()?)
    }

    /// The kind of an outlet (`wire`, `state_media`...) by name or alias,
    /// without counting its articles as [`Library::outlet`] does: the
    /// analysis asks it for every article with a near-duplicate.
    pub fn outlet_kind(&self, name: &str) -> Result<Option<String>> {
        let Some(id) = self.outlet_id(name)? else { return Ok(None) };
        let kind: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT kind FROM outlets WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        Ok(kind.flatten())
    }

    /// All outlets, those with articles first.
    pub fn outlets(&self) -> Result<Vec<OutletRecord>> {
        self.outlets_where("1", [])
    }

    /// Outlets matching a condition on `outlets o`, so that looking up one
    /// outlet does not count the articles of all of them.
    fn outlets_where<P: rusqlite::Params>(&self, condition: &str, params: P) -> Result<Vec<OutletRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.id, o.name, o.domain, o.country, o.kind, o.state_affiliation, o.origin,
                    (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id),
                    (SELECT group_concat(alias, '|') FROM outlet_aliases WHERE outlet_id = o.id)
             FROM outlets o WHERE {condition} ORDER BY 8 DESC, o.name"
        ))?;
        let rows = stmt.query_map(params, |r| {
            let aliases: Option<String> = r.get(8)?;
            Ok(OutletRecord {
                id: r.get(0)?,
                name: r.get(1)?,
                domain: r.get(2)?,
                country: r.get(3)?,
                kind: r.get(4)?,
                state_affiliation: r.get(5)?,
                origin: r.get(6)?,
                articles: r.get(7)?,
                aliases: aliases.map(|a| a.split('|').map(String::from).collect()).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn upsert(tx: &rusqlite::Transaction<'_>, outlet: &Outlet, origin: &str) -> Result<i64> {
    // A built-in refresh leaves the user's version of an outlet alone.
    let id: i64 = tx
        .query_row(
            "INSERT INTO outlets (name, domain, country, kind, state_affiliation, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET
             domain = excluded.domain, country = excluded.country, kind = excluded.kind,
             state_affiliation = excluded.state_affiliation, origin = excluded.origin
         WHERE outlets.origin != 'user' OR excluded.origin = 'user'
         RETURNING id",
            params![outlet.name, outlet.domain, outlet.country, outlet.kind.as_str(), outlet.state.as_str(), origin],
            |r| r.get(0),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => {
                tx.query_row("SELECT id FROM outlets WHERE name = ?1", [&outlet.name], |r| r.get(0))
            }
            e => Err(e),
        })?;
    for alias in &outlet.aliases {
        tx.execute(
            "INSERT INTO outlet_aliases (alias, outlet_id) VALUES (?1, ?2)
             ON CONFLICT (alias) DO UPDATE SET outlet_id = excluded.outlet_id",
            params![alias, id],
        )?;
    }
    Ok(id)
}

/// Finds or creates the outlet row for a name seen in an article.
pub(crate) fn outlet_id_for(tx: &rusqlite::Transaction<'_>, name: &str) -> rusqlite::Result<i64> {
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM outlets WHERE name = ?1
             UNION ALL SELECT outlet_id FROM outlet_aliases WHERE alias = ?1 LIMIT 1",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => tx
            .prepare_cached("INSERT INTO outlets (name, origin) VALUES (?1, 'import') RETURNING id")?
            .query_row([name], |r| r.get(0)),
    }
}
