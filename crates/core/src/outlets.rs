//! The outlet gazetteer: news organizations with their aliases, web domain,
//! country, kind and state affiliation.
//!
//! The built-in list is `data/outlets.tsv`; users' additions come in as the
//! same format. Lookups are by name or alias (case-insensitive, whole string)
//! and by web host, matched on whole domain labels so that `rt.com` is never
//! found inside `support.com`.

use crate::fasthash::FastMap;
use crate::Diagnostic;
use serde::Serialize;
use std::collections::HashMap;

/// The built-in gazetteer, compiled in so that the core needs no files.
pub const BUILTIN_TSV: &str = include_str!("../../../data/outlets.tsv");

/// What kind of news organization an outlet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum OutletKind {
    Wire,
    Newspaper,
    Broadcaster,
    Online,
    Magazine,
}

impl OutletKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutletKind::Wire => "wire",
            OutletKind::Newspaper => "newspaper",
            OutletKind::Broadcaster => "broadcaster",
            OutletKind::Online => "online",
            OutletKind::Magazine => "magazine",
        }
    }

    pub fn parse(s: &str) -> Option<OutletKind> {
        Some(match s {
            "wire" => OutletKind::Wire,
            "newspaper" => OutletKind::Newspaper,
            "broadcaster" => OutletKind::Broadcaster,
            "online" => OutletKind::Online,
            "magazine" => OutletKind::Magazine,
            _ => return None,
        })
    }
}

/// Who controls an outlet's editorial line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StateAffiliation {
    /// Owned or controlled by a government (TASS, Xinhua, CGTN, RT).
    State,
    /// Publicly funded under a charter of editorial independence (BBC, NHK).
    Public,
    /// Privately or independently owned.
    None,
}

impl StateAffiliation {
    pub fn as_str(self) -> &'static str {
        match self {
            StateAffiliation::State => "state",
            StateAffiliation::Public => "public",
            StateAffiliation::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<StateAffiliation> {
        Some(match s {
            "state" => StateAffiliation::State,
            "public" => StateAffiliation::Public,
            "none" => StateAffiliation::None,
            _ => return None,
        })
    }
}

/// One news organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Outlet {
    pub name: String,
    pub aliases: Vec<String>,
    /// The registrable domain of its website, such as `reuters.com`.
    pub domain: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    pub kind: OutletKind,
    pub state: StateAffiliation,
}

/// A searchable list of outlets.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    outlets: Vec<Outlet>,
    /// Folded names and aliases; a fast hash, because the attribution
    /// engine looks up words of every article here (see `fasthash`).
    by_name: FastMap<String, usize>,
    by_domain: HashMap<String, usize>,
}

fn fold(name: &str) -> String {
    crate::text::collapse_whitespace(name).to_lowercase()
}

/// [`fold`] of an ASCII name that fits in `buf`, written into `buf`; `None`
/// for any other name. For ASCII, `fold` splits on the six ASCII characters
/// `char::is_whitespace` accepts, joins with single spaces and lowercases
/// letters one by one, which is what this does byte by byte.
fn fold_ascii<'b>(name: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    if name.len() > buf.len() || !name.is_ascii() {
        return None;
    }
    let mut len = 0;
    let mut gap = false;
    for &b in name.as_bytes() {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            gap = len > 0;
            continue;
        }
        if gap {
            buf[len] = b' ';
            len += 1;
            gap = false;
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

impl Gazetteer {
    /// The built-in list from `data/outlets.tsv`.
    pub fn builtin() -> Gazetteer {
        let (gazetteer, diagnostics) = Gazetteer::parse(BUILTIN_TSV);
        debug_assert!(diagnostics.is_empty(), "data/outlets.tsv: {diagnostics:?}");
        gazetteer
    }

    /// Parses the tab-separated format of `data/outlets.tsv`: lines starting
    /// with `#` are comments, the first other line is the header, and each
    /// row is `name, aliases (|-separated), domain, country, kind, state`.
    /// Bad rows are skipped with a diagnostic naming their line.
    pub fn parse(tsv: &str) -> (Gazetteer, Vec<Diagnostic>) {
        let mut gazetteer = Gazetteer::default();
        let mut diagnostics = Vec::new();
        let mut seen_header = false;
        for (index, line) in tsv.lines().enumerate() {
            let line_no = index + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !seen_header {
                seen_header = true;
                continue;
            }
            match parse_row(line) {
                Ok(outlet) => gazetteer.add(outlet),
                Err(message) => diagnostics.push(Diagnostic::warning("outlets.bad_row", message).at_line(line_no)),
            }
        }
        (gazetteer, diagnostics)
    }

    /// Adds an outlet; a later entry with the same name or alias wins, which
    /// is how a user's addition overrides the built-in list.
    pub fn add(&mut self, outlet: Outlet) {
        let index = self.outlets.len();
        for name in std::iter::once(&outlet.name).chain(outlet.aliases.iter()) {
            self.by_name.insert(fold(name), index);
        }
        if let Some(domain) = &outlet.domain {
            self.by_domain.insert(domain.to_ascii_lowercase(), index);
        }
        self.outlets.push(outlet);
    }

    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }

    /// Finds an outlet by its exact name or one of its aliases.
    pub fn by_name(&self, name: &str) -> Option<&Outlet> {
        // The attribution engine asks about every capitalised word and run
        // of words in an article, so short ASCII names, nearly all of them,
        // are folded on the stack; `fold` would build two strings for each.
        let mut buf = [0u8; 64];
        let found = match fold_ascii(name, &mut buf) {
            Some(key) => self.by_name.get(key),
            None => self.by_name.get(&fold(name)),
        };
        found.map(|&i| &self.outlets[i])
    }

    /// Finds the outlet whose domain is the host or a parent of it, on whole
    /// labels: `www.reuters.com` and `uk.reuters.com` match `reuters.com`,
    /// `support.com` does not match `rt.com`.
    pub fn by_host(&self, host: &str) -> Option<&Outlet> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let mut candidate = host.as_str();
        loop {
            if let Some(&i) = self.by_domain.get(candidate) {
                return Some(&self.outlets[i]);
            }
            let (_, parent) = candidate.split_once('.')?;
            if !parent.contains('.') {
                return None;
            }
            candidate = parent;
        }
    }

    /// Finds an outlet from a URL's host.
    pub fn by_url(&self, url: &str) -> Option<&Outlet> {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let authority = rest.split(['/', '?', '#']).next()?;
        let host = authority.rsplit('@').next()?.split(':').next()?;
        self.by_host(host)
    }
}

fn parse_row(line: &str) -> Result<Outlet, String> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cells.len() != 6 {
        return Err(format!("expected 6 tab-separated columns, found {}", cells.len()));
    }
    let optional = |s: &str| (!s.is_empty() && s != "-").then(|| s.to_string());
    let name = cells[0];
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    let kind = OutletKind::parse(cells[4]).ok_or_else(|| {
        format!("{name}: unknown kind {:?} (expected wire, newspaper, broadcaster, online or magazine)", cells[4])
    })?;
    let state = StateAffiliation::parse(cells[5])
        .ok_or_else(|| format!("{name}: unknown state affiliation {:?} (expected state, public or none)", cells[5]))?;
    Ok(Outlet {
        name: name.to_string(),
        aliases: cells[1].split('|').map(str::trim).filter(|a| !a.is_empty() && *a != "-").map(String::from).collect(),
        domain: optional(cells[2]).map(|d| d.to_ascii_lowercase()),
        country: optional(cells[3]).map(|c| c.to_ascii_uppercase()),
        kind,
        state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_on_the_stack_as_they_fold_on_the_heap() {
        for name in [
            "Reuters",
            "The New York Times",
            "  the  new\tyork\n\ntimes ",
            "RIA\u{0B}Novosti\u{0C}",
            "\r\n",
            "",
            "AT&T's U.S. Desk",
        ] {
            let mut buf = [0u8; 64];
            assert_eq!(fold_ascii(name, &mut buf), Some(fold(name).as_str()), "{name:?}");
        }
        let mut buf = [0u8; 64];
        assert_eq!(fold_ascii("Россия Сегодня", &mut buf), None);
        assert_eq!(fold_ascii(&"x".repeat(65), &mut buf), None);
    }

    #[test]
    fn builtin_list_parses_cleanly() {
        let (gazetteer, diagnostics) = Gazetteer::parse(BUILTIN_TSV);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(gazetteer.outlets().len() > 60);
        let cgtn = gazetteer.by_name("cgtn").unwrap();
        assert_eq!((cgtn.country.as_deref(), cgtn.state), (Some("CN"), StateAffiliation::State));
        assert_eq!(gazetteer.by_name("Associated Press").unwrap().name, "Associated Press");
        assert_eq!(gazetteer.by_name("AP").unwrap().name, "Associated Press");
    }

    #[test]
    fn hosts_match_on_whole_labels() {
        let g = Gazetteer::builtin();
        assert_eq!(g.by_host("www.rt.com").unwrap().name, "RT");
        assert!(g.by_host("support.com").is_none());
        assert!(g.by_host("art.com").is_none());
        assert_eq!(g.by_url("https://news.cgtn.com/news/2021-12-12/x.html").unwrap().name, "CGTN");
        assert_eq!(g.by_url("https://user@www.reuters.com:443/world").unwrap().name, "Reuters");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let (g, d) = Gazetteer::parse(
            "# c\nname\taliases\tdomain\tcountry\tkind\tstate\nX\t\tx.com\tUS\tblog\tnone\nY\t\t\t\twire\tnone\n",
        );
        assert_eq!(g.outlets().len(), 1);
        assert_eq!(d[0].line, Some(3));
        assert!(d[0].message.contains("unknown kind"));
    }
}
