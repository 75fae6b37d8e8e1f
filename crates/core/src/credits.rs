//! Credits: who supplied a story. Wire credits ("(With input from
//! Reuters)"), datelines ("MOSCOW, Dec 12 (Reuters) -", "WASHINGTON (AP) —",
//! "MOSCOW, January 21. /TASS/."), photo credits ("/CFP", "(Reuters/Evelyn
//! Hockstein)", "Photo: AFP"), additional reporting, agency bylines, hat
//! tips and source lines.
//!
//! Agencies are named through the outlet gazetteer, so "AP" and "The
//! Associated Press" are both "Associated Press" and "CFP" is "China Foto
//! Press". Two traps are avoided on purpose: a short code in brackets such
//! as "(AA)" counts only in a dateline's position and only when the
//! gazetteer knows it, and names match whole words, never inside others.
//!
//! ```
//! use sourcetrace_core::credits::{find, CreditKind};
//! use sourcetrace_core::outlets::Gazetteer;
//!
//! let text = "WASHINGTON (AP) \u{2014} The Senate voted.\n\n(With input from Reuters)";
//! let credits = find(text, &Gazetteer::builtin());
//! assert_eq!(credits[0].kind, CreditKind::Dateline);
//! assert_eq!(credits[0].agency.as_deref(), Some("Associated Press"));
//! assert_eq!(credits[0].place.as_deref(), Some("WASHINGTON"));
//! assert_eq!(credits[1].kind, CreditKind::WireCredit);
//! assert_eq!(credits[1].agency.as_deref(), Some("Reuters"));
//! ```

use crate::attribution::Reading;
use crate::outlets::Gazetteer;
use crate::text::CodePoints;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CreditKind {
    /// "(With input from Reuters)", "Reuters contributed to this report".
    WireCredit,
    /// "MOSCOW, Dec 12 (Reuters) -".
    Dateline,
    /// "/CFP", "(Reuters/Evelyn Hockstein)", "Photo: AFP".
    PhotoCredit,
    /// "Additional reporting by ...", "(Reporting by ...; Editing by ...)".
    AdditionalReporting,
    /// "By The Associated Press", "By Jane Doe, Reuters".
    BylineAgency,
    /// "h/t: The Hill".
    HatTip,
    /// "Source: Xinhua".
    SourceLine,
    /// A wire service's branded series opening a line: "The Latest:", "10
    /// Things to Know for Today" (data/wire-series.tsv).
    WireSeries,
}

impl CreditKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [CreditKind; 8] = [
        CreditKind::WireCredit,
        CreditKind::Dateline,
        CreditKind::PhotoCredit,
        CreditKind::AdditionalReporting,
        CreditKind::BylineAgency,
        CreditKind::HatTip,
        CreditKind::SourceLine,
        CreditKind::WireSeries,
    ];

    /// The kind a stored name stands for; `None` for a name this build does
    /// not know (written by a newer build).
    pub fn parse(name: &str) -> Option<CreditKind> {
        CreditKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CreditKind::WireCredit => "wire_credit",
            CreditKind::Dateline => "dateline",
            CreditKind::PhotoCredit => "photo_credit",
            CreditKind::AdditionalReporting => "additional_reporting",
            CreditKind::BylineAgency => "byline_agency",
            CreditKind::HatTip => "hat_tip",
            CreditKind::SourceLine => "source_line",
            CreditKind::WireSeries => "wire_series",
        }
    }
}

/// One credit in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Credit {
    pub kind: CreditKind,
    /// The canonical name of the agency or outlet credited, when the
    /// gazetteer knows it; people credited for reporting have none (and the
    /// field is left out of JSON, where consumers expect a name or nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The place of a dateline ("MOSCOW").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who is credited as written ("Evelyn Hockstein", "The Hill").
    pub credited: String,
    /// Code-point offsets of the whole credit, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Where the same credit appears again ("/CFP" under every photo), as
    /// code-point [start, end) pairs: one credit, every place it is shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repeats: Vec<(usize, usize)>,
}

struct Patterns {
    dateline: Regex,
    bare_dateline: Regex,
    tass: Regex,
    ansa: Regex,
    with_input: Regex,
    contributed: Regex,
    additional: Regex,
    footer: Regex,
    photo_slash_end: Regex,
    photo_paren: Regex,
    photo_label: Regex,
    getty: Regex,
    hat_tip: Regex,
    source_line: Regex,
    byline: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("a valid credit pattern");
        Patterns {
            // A capitalised place at the start of a line, an optional state or
            // country and date, then the agency in brackets and a dash.
            // The place is in capitals ("WASHINGTON") or title case ("New
            // York"), as outlets reprinting wire copy often write it.
            dateline: re(r"(?m)^(?P<place>[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)[.,]?(?: (?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*))?\s*\((?P<agency>[A-Z][A-Za-z .&'-]{0,40})\)\s*(?:—|–|-{1,2})"),
            // "(Reuters) — The New York attorney general": the agency alone
            // opening the body, as some republishers trim the place.
            bare_dateline: re(r"(?m)^\((?P<agency>[A-Z][A-Za-z .&'-]{0,40})\)\s*(?:—|–|-{1,2})\s"),
            tass: re(r"(?m)^(?P<place>[A-Z][A-Z\- ]+), (?:[A-Z][a-z]+ \d{1,2})\. /(?P<agency>TASS)/\.?"),
            ansa: re(r"(?m)^\((?P<agency>ANSA)\)\s*[-–—]\s*(?P<place>[A-Z][A-Z ]+)"),
            with_input: re(r"(?i)\(with (?:input|inputs|contributions?|additional reporting|reporting) (?:from|by) (?P<who>[^)\n]{2,80})\)"),
            contributed: re(r"(?P<who>(?:The )?[A-Z][A-Za-z.&'’ -]{1,60}?) contributed(?: reporting)? (?:to )?(?:this|the) (?:report|story|article)"),
            additional: re(r"(?i)(?:additional|contributing) reporting by (?P<who>[^.;)\n]{2,120})"),
            footer: re(r"(?m)\((?:[Aa]dditional [Rr]eporting|Reporting|Writing) by (?P<who>[^;)\n]{2,120})(?P<editing>;[^)\n]*[Ee]diting by[^)\n]*)?\)"),
            photo_slash_end: re(r"(?m)\s/(?P<who>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})[ \t]*$"),
            photo_paren: re(r"\((?P<who>[A-Z][A-Za-z]+(?: Photo)?)/(?P<name>[^)\n]{2,60})\)"),
            photo_label: re(r"(?m)(?:^|\b)(?:Photo|Image|Picture|Photograph)(?: credit)?: (?P<who>[^\n,;)]{2,60})"),
            getty: re(r"\bGetty Images\b"),
            hat_tip: re(r"(?i)\b(?:h/t|hat tip)(?: to)?:?\s+(?P<who>[^\n.;)\]]{2,60})"),
            source_line: re(r"(?m)^Source: (?P<who>[^\n]{2,60})$"),
            byline: re(r"(?m)^By (?P<who>[^\n]{2,80})$"),
        }
    })
}

/// A credit as matched: byte start and end, kind, agency, place and who is
/// credited as written.
type Hit = (usize, usize, CreditKind, Option<String>, Option<String>, String);

/// The "X contributed to this report" credits: byte start and end, and who.
///
/// The pattern opens with up to sixty letters of a name and no literal, so
/// the regex engine, run over a whole text, tries it at every capital: a
/// third of the time of the whole analysis on PolNeAR once, and still 15
/// MB/s on the texts that hold the word when only those were searched,
/// against hundreds of MB/s for the other credit patterns. A match holds
/// " contributed" and reaches at most [`CONTRIBUTED_BEFORE`] bytes before it
/// and [`CONTRIBUTED_AFTER`] after, so each occurrence of the word, found by
/// a substring search, is matched in that window alone. Windows start where
/// the last match ended, as the engine would resume, so the matches are the
/// ones a search of the whole text finds.
fn contributed_credits<'t>(pattern: &Regex, text: &'t str) -> Vec<(usize, usize, &'t str)> {
    const WORD: &str = " contributed";
    let mut out = Vec::new();
    // Most texts lack the word, and `contains` finds that out faster than
    // the search for each occurrence below.
    if !text.contains(WORD) {
        return out;
    }
    let mut resume = 0;
    for (at, _) in text.match_indices(WORD) {
        let mut from = at.saturating_sub(CONTRIBUTED_BEFORE).max(resume);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if from > at {
            // The last match already took this occurrence.
            continue;
        }
        let mut to = (at + WORD.len() + CONTRIBUTED_AFTER).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        for c in pattern.captures_iter(&text[from..to]) {
            let whole = c.get(0).expect("match");
            out.push((from + whole.start(), from + whole.end(), c.name("who").expect("group").as_str().trim()));
            resume = from + whole.end();
        }
    }
    out
}

/// How far before " contributed" a credit can start: "The " and sixty
/// characters of up to three bytes each, and one more letter.
const CONTRIBUTED_BEFORE: usize = 4 + 1 + 60 * 3;
/// How far after the word it can end: " reporting to this article".
const CONTRIBUTED_AFTER: usize = " reporting to this article".len();

/// The datelines of `text` whose agency the gazetteer knows.
fn datelines(text: &str, found: &mut Vec<Hit>, agency: &impl Fn(&str) -> Option<String>) {
    let p = patterns();
    for c in p.dateline.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let who = &c["agency"];
        // "(AA)" or "(R-Texas)" in a dateline's place is credited only when
        // the gazetteer knows the name.
        if let Some(a) = agency(who) {
            found.push((
                whole.start(),
                whole.end(),
                CreditKind::Dateline,
                Some(a),
                Some(c["place"].trim().to_string()),
                who.into(),
            ));
        }
    }
    for c in p.bare_dateline.captures_iter(text) {
        let whole = c.get(0).expect("match");
        if let Some(a) = agency(&c["agency"]) {
            found.push((whole.start(), whole.end(), CreditKind::Dateline, Some(a), None, c["agency"].into()));
        }
    }
}

/// Finds every credit in `text`, in text order. A credit repeated word for
/// word (a caption a page prints twice) is kept once.
pub fn find(text: &str, gazetteer: &Gazetteer) -> Vec<Credit> {
    find_with(text, gazetteer, None)
}

/// [`find`] in the text of a reading, whose code-point offsets the other
/// stages counted already. `text` is the whole text: a reading of a text
/// cut at its limit covers only its start, and credits stand at the end.
pub fn find_in(reading: &Reading, text: &str, gazetteer: &Gazetteer) -> Vec<Credit> {
    find_with(text, gazetteer, (reading.text().len() == text.len()).then_some(&reading.offsets))
}

fn find_with(text: &str, gazetteer: &Gazetteer, points: Option<&CodePoints>) -> Vec<Credit> {
    let p = patterns();
    let mut found: Vec<Hit> = Vec::new();
    let agency = |name: &str| -> Option<String> {
        let name = name.trim().trim_end_matches(['.', ',']).trim();
        let bare = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
        gazetteer.by_name(name).or_else(|| gazetteer.by_name(bare)).map(|o| o.name.clone())
    };

    // The dateline patterns run only where an agency's closing bracket
    // and a dash are: most texts have none, and the search for that pair is
    // cheaper than the patterns' scan of every line opening with a capital
    // (a third of the credit search on PolNeAR).
    if has_agency_dash(text) {
        datelines(text, &mut found, &agency);
    }
    for (re, agency_mark) in [(&p.tass, "/TASS/"), (&p.ansa, "(ANSA)")] {
        if !text.contains(agency_mark) {
            continue;
        }
        for c in re.captures_iter(text) {
            let whole = c.get(0).expect("match");
            found.push((
                whole.start(),
                whole.end(),
                CreditKind::Dateline,
                agency(&c["agency"]),
                Some(c["place"].trim().to_string()),
                c["agency"].into(),
            ));
        }
    }
    // Wire credits name one or more agencies: "(With input from Reuters and AFP)".
    for c in p.with_input.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let mut any = false;
        for name in split_names(&c["who"]) {
            if let Some(a) = agency(name) {
                found.push((whole.start(), whole.end(), CreditKind::WireCredit, Some(a), None, name.into()));
                any = true;
            }
        }
        if !any {
            found.push((
                whole.start(),
                whole.end(),
                CreditKind::AdditionalReporting,
                None,
                None,
                c["who"].trim().into(),
            ));
        }
    }
    for (start, end, who) in contributed_credits(&p.contributed, text) {
        let kind_agency = agency(who);
        let kind = if kind_agency.is_some() { CreditKind::WireCredit } else { CreditKind::AdditionalReporting };
        found.push((start, end, kind, kind_agency, None, who.into()));
    }
    // "(Reporting by David Bailey; Editing by Cynthia Osterman)" is how
    // Reuters signs its copy.
    for c in p.footer.captures_iter(text) {
        if c.name("editing").is_some() {
            let whole = c.get(0).expect("match");
            found.push((
                whole.start(),
                whole.end(),
                CreditKind::WireCredit,
                agency("Reuters"),
                None,
                c["who"].trim().into(),
            ));
        }
    }
    for re in [&p.additional, &p.footer] {
        for c in re.captures_iter(text) {
            // The Reuters footer is credited to Reuters above.
            if c.name("editing").is_some() {
                continue;
            }
            let whole = c.get(0).expect("match");
            let who = c["who"].trim();
            // "Additional reporting by Jane Doe of Reuters": the agency, if named.
            let named = split_names(who).find_map(|n| agency(n).or_else(|| last_outlet(n, &agency)));
            found.push((whole.start(), whole.end(), CreditKind::AdditionalReporting, named, None, who.into()));
        }
    }
    for c in p.photo_slash_end.captures_iter(text) {
        let m = c.name("who").expect("group");
        if let Some(a) = agency(m.as_str()) {
            found.push((m.start() - 1, m.end(), CreditKind::PhotoCredit, Some(a), None, m.as_str().into()));
        }
    }
    for c in p.photo_paren.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let who = c["who"].trim_end_matches(" Photo");
        if let Some(a) = agency(who) {
            found.push((whole.start(), whole.end(), CreditKind::PhotoCredit, Some(a), None, c["name"].trim().into()));
        }
    }
    for c in p.photo_label.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let who = c["who"].trim();
        let named = split_names(who).find_map(|n| agency(n.rsplit('/').next().unwrap_or(n)).or_else(|| agency(n)));
        found.push((whole.start(), whole.end(), CreditKind::PhotoCredit, named, None, who.into()));
    }
    for m in p.getty.find_iter(text) {
        let inside = found.iter().any(|f| f.0 <= m.start() && m.end() <= f.1);
        if !inside {
            found.push((
                m.start(),
                m.end(),
                CreditKind::PhotoCredit,
                agency("Getty Images"),
                None,
                "Getty Images".into(),
            ));
        }
    }
    for c in p.hat_tip.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let who = c["who"].trim();
        found.push((whole.start(), whole.end(), CreditKind::HatTip, agency(who), None, who.into()));
    }
    for c in p.source_line.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let who = c["who"].trim();
        found.push((whole.start(), whole.end(), CreditKind::SourceLine, agency(who), None, who.into()));
    }
    for c in p.byline.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let who = c["who"].trim();
        // "By The Associated Press", "By Jane Doe, Reuters".
        let named = agency(who).or_else(|| who.rsplit(',').next().and_then(&agency));
        if let Some(a) = named {
            found.push((whole.start(), whole.end(), CreditKind::BylineAgency, Some(a), None, who.into()));
        }
    }

    // A line opening with a wire service's series title is that service's
    // copy, even when the outlet reprinting it dropped dateline and byline.
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        for (prefix, series_agency) in wire_series() {
            if line.starts_with(prefix) {
                let end = line_start + prefix.len();
                found.push((
                    line_start,
                    end,
                    CreditKind::WireSeries,
                    agency(series_agency),
                    None,
                    prefix.trim_end_matches([':', '-']).trim().into(),
                ));
            }
        }
        line_start += line.len();
    }

    // Most texts credit no one, and their code points need not be counted.
    if found.is_empty() {
        return Vec::new();
    }
    found.sort_by_key(|f| (f.0, f.2));
    let counted;
    let points = match points {
        Some(points) => points,
        None => {
            counted = CodePoints::new(text);
            &counted
        }
    };
    let mut out: Vec<Credit> = Vec::with_capacity(found.len());
    for (start, end, kind, agency, place, credited) in found {
        let text_of = text[start..end].trim().to_string();
        let (from, to) = (points.of_byte(start), points.of_byte(end));
        // One span, one credit of a kind and agency (the patterns overlap).
        if out.iter().any(|c| c.kind == kind && c.agency == agency && from < c.end && c.start < to) {
            continue;
        }
        // The same agency credited the same way again (a caption a page
        // prints twice, "/CFP" under every photo) is one credit shown in
        // several places.
        if agency.is_some() {
            if let Some(c) = out.iter_mut().find(|c| c.kind == kind && c.agency == agency) {
                c.repeats.push((from, to));
                continue;
            }
        }
        out.push(Credit { kind, agency, place, credited, start: from, end: to, text: text_of, repeats: Vec::new() });
    }
    out
}

/// Whether a closing bracket is followed by a dash, with only whitespace
/// between: "(Reuters) -", "(AP) —". Every dateline pattern ends so.
fn has_agency_dash(text: &str) -> bool {
    text.match_indices(')').any(|(i, _)| text[i + 1..].trim_start().starts_with(['—', '–', '-']))
}

/// The series titles of data/wire-series.tsv as (prefix, agency) pairs.
fn wire_series() -> &'static [(&'static str, &'static str)] {
    static SERIES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    SERIES.get_or_init(|| {
        include_str!("../../../data/wire-series.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// "Reuters and AFP", "AP, Reuters": the names in a credit.
fn split_names(names: &str) -> impl Iterator<Item = &str> {
    names.split([',', ';', '&']).flat_map(|n| n.split(" and ")).map(str::trim).filter(|n| !n.is_empty())
}

/// "Jane Doe of Reuters", "Jane Doe in Moscow for AFP": the outlet after
/// the last "of" or "for".
fn last_outlet(name: &str, agency: &impl Fn(&str) -> Option<String>) -> Option<String> {
    ["of ", "for ", "from "].iter().find_map(|p| name.rfind(p).and_then(|i| agency(&name[i + p.len()..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Option<String>)> {
        find(text, &Gazetteer::builtin()).into_iter().map(|c| (c.kind.as_str().to_string(), c.agency)).collect()
    }

    fn one(kind: &str, agency: &str) -> Vec<(String, Option<String>)> {
        vec![(kind.to_string(), Some(agency.to_string()))]
    }

    #[test]
    fn contributed_credits_are_the_matches_of_the_whole_text() {
        let p = patterns();
        let long_name = "Ä".repeat(70);
        let texts = [
            "He contributed $2,700 to the campaign. Reuters contributed to this report.".to_string(),
            "Jane Doe contributed reporting to this article. John Roe contributed to the story.".to_string(),
            "Jane Doe and The Associated Press contributed to this report.\n\nMark O\u{2019}Neil contributed."
                .to_string(),
            format!("Q{long_name} contributed to this report. Z contributed to this report."),
            format!("The {} contributed to this report", "\u{2019}".repeat(100)),
            format!("Al{} contributed to this report", "\u{2019}b".repeat(40)),
        ];
        for text in &texts {
            let whole: Vec<(usize, usize, &str)> = p
                .contributed
                .captures_iter(text)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    (m.start(), m.end(), c.name("who").unwrap().as_str().trim())
                })
                .collect();
            assert_eq!(contributed_credits(&p.contributed, text), whole, "{text:?}");
        }
    }

    #[test]
    fn datelines_of_each_agency_style() {
        let rows = [
            ("MOSCOW, Dec 12 (Reuters) - Talks ended.", "Reuters"),
            ("DAKAR, Senegal (AP) \u{2014} The vote was held.", "Associated Press"),
            ("BEIJING, Sept. 2 (Xinhua) -- China said.", "Xinhua"),
            ("MOSCOW, January 21. /TASS/. The Kremlin said.", "TASS"),
            ("MOSCOW. April 2 (Interfax) - The ministry said.", "Interfax"),
            ("(ANSA) - ROMA, 16 APR - Il governo ha detto.", "ANSA"),
            ("CAMBRIDGE, Mass., Dec. 11 (UPI) \u{2014} Young voters said.", "United Press International"),
            ("MACAU (Reuters) \u{2013} A donor said.", "Reuters"),
            ("New York (AFP) \u{2013} An actress said.", "Agence France-Presse"),
            ("(Reuters) \u{2014} The attorney general said.", "Reuters"),
        ];
        let p = patterns();
        for (text, agency) in rows {
            assert_eq!(kinds(text), one("dateline", agency), "{text}");
            // The test that lets the dateline patterns run holds wherever
            // one of them matches.
            if p.dateline.is_match(text) || p.bare_dateline.is_match(text) {
                assert!(has_agency_dash(text), "{text}");
            }
        }
        assert!(has_agency_dash("WASHINGTON (AP)\n\u{2014} The vote."));
        assert!(!has_agency_dash("The airline (AA) said flights resumed (in May)."));
        let credits = find("DAKAR, Senegal (AP) \u{2014} The vote.", &Gazetteer::builtin());
        assert_eq!(credits[0].place.as_deref(), Some("DAKAR, Senegal"));
    }

    #[test]
    fn wire_photo_and_other_credits() {
        assert_eq!(kinds("The end.\n(With input from Reuters)"), one("wire_credit", "Reuters"));
        assert_eq!(kinds("The Associated Press contributed to this report."), one("wire_credit", "Associated Press"));
        assert_eq!(kinds("Leaders met in Geneva. /CFP"), one("photo_credit", "China Foto Press"));
        assert_eq!(kinds("Biden speaks. (Reuters/Evelyn Hockstein)"), one("photo_credit", "Reuters"));
        assert_eq!(kinds("Photo: AFP"), one("photo_credit", "Agence France-Presse"));
        assert_eq!(kinds("h/t: The Hill"), one("hat_tip", "The Hill"));
        assert_eq!(kinds("Source: Xinhua"), one("source_line", "Xinhua"));
        assert_eq!(kinds("By The Associated Press"), one("byline_agency", "Associated Press"));
        assert_eq!(kinds("The Latest: Senate votes on the bill.\n\n1:15 p.m."), one("wire_series", "Associated Press"));
        assert_eq!(kinds("10 Things to Know for Today.\n\n1. STORM NEARS."), one("wire_series", "Associated Press"));
        let extra = kinds("Additional reporting by Jane Doe in Moscow; editing by John Roe.");
        assert_eq!(extra, vec![("additional_reporting".to_string(), None)]);
    }

    #[test]
    fn traps_are_not_credits() {
        // A party and state after a senator, an acronym in brackets, a
        // domain inside another word, and a slash in running text.
        for text in [
            "Sen. Ted Cruz (R-Texas) \u{2014} said nothing.",
            "The airline (AA) said flights resumed.",
            "Visit support.com for help.",
            "The ratio was 3/4 of the vote.",
            "He said the AP exam was hard.",
            "The Latest GOP Debate Kicked Off In The Most Awkward Way.",
            "She read the latest: nothing new.",
        ] {
            assert_eq!(kinds(text), vec![], "{text}");
        }
    }

    #[test]
    fn credits_of_a_reading_are_those_of_its_text() {
        let lexicon = crate::attribution::Lexicon::builtin();
        let text = "MOSCOW, Dec 12 (Reuters) \u{2014} Peskov\u{2019}s talks ended. /CFP\n(With input from Reuters)";
        let credits = find(text, &lexicon.gazetteer);
        assert_eq!(credits.len(), 3);
        assert_eq!(find_in(&Reading::new(text, &lexicon), text, &lexicon.gazetteer), credits);
        // A reading cut at its limit does not cover the credit at the end;
        // the code points are counted again over the whole text.
        let long =
            format!("\u{2014}{}\n(With input from Reuters)", "word ".repeat(crate::attribution::MAX_TEXT_BYTES / 5));
        let cut = Reading::new(&long, &lexicon);
        assert!(cut.truncated().is_some());
        let found = find_in(&cut, &long, &lexicon.gazetteer);
        assert_eq!(found, find(&long, &lexicon.gazetteer));
        assert_eq!(found[0].end, long.chars().count());
    }

    #[test]
    fn a_caption_printed_twice_is_credited_once() {
        let caption = "Putin and Biden meet in Geneva, June 16, 2021. /CFP";
        let text = format!("{caption}\n\n{caption}\n\nBody text.");
        assert_eq!(kinds(&text), one("photo_credit", "China Foto Press"));
        let credits = find(&text, &Gazetteer::builtin());
        let second = text.rfind("/CFP").unwrap();
        assert_eq!(credits[0].repeats, vec![(second, second + 4)]);
    }
}
