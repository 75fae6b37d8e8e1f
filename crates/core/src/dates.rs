//! Publication dates as news pages write them.
//!
//! General date parsers either reject newsroom formats ("Updated 22:15,
//! 12-Dec-2021", "Dec. 3, 2026 10:42 a.m. ET") or invent a time of day for
//! dates that have none. This module tries an ordered list of formats on a
//! cleaned-up string and returns the wall-clock time exactly as printed, with
//! a UTC offset only when the text states one.

use jiff::fmt::strtime;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// A parsed publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewsDate {
    /// ISO 8601: `2021-12-12`, `2021-12-12T22:15`, or with an offset
    /// `2021-12-12T22:15:00+00:00` when the text gave one.
    pub iso: String,
    /// Whether the text gave a time of day.
    pub has_time: bool,
}

/// Formats tried in order after [`clean`] has folded labels, dots and
/// "a.m." away. Day-first forms come before month-first ones only where the
/// separator makes the order unambiguous.
const FORMATS: &[(&str, bool)] = &[
    ("%H:%M, %d-%b-%Y", true),
    ("%d-%b-%Y %H:%M", true),
    ("%d-%b-%Y", false),
    ("%b %d, %Y %I:%M %p", true),
    ("%b %d, %Y, %I:%M %p", true),
    ("%b %d, %Y %H:%M", true),
    ("%b %d, %Y, %H:%M", true),
    ("%b %d, %Y", false),
    ("%b %d %Y", false),
    ("%I:%M %p, %b %d, %Y", true),
    ("%I:%M %p %b %d, %Y", true),
    ("%H:%M, %b %d, %Y", true),
    ("%d %b %Y %H:%M", true),
    ("%d %b %Y, %H:%M", true),
    ("%d %b %Y %I:%M %p", true),
    ("%d %b %Y", false),
    ("%d %b, %Y", false),
    ("%Y-%m-%d %H:%M:%S", true),
    ("%Y-%m-%d %H:%M", true),
    ("%Y-%m-%d", false),
    ("%Y/%m/%d %H:%M", true),
    ("%Y/%m/%d", false),
    ("%d.%m.%Y %H:%M", true),
    ("%d.%m.%Y, %H:%M", true),
    ("%d.%m.%Y", false),
    ("%m/%d/%Y %I:%M %p", true),
    ("%m/%d/%Y %H:%M", true),
    ("%m/%d/%Y", false),
    ("%b %Y", false),
];

fn label_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:last\s+)?updated|(?:first\s+)?published|posted|modified|created|date|dated|on)\b\s*(?:on|at)?\s*:?\s*",
        )
        .expect("label pattern is valid")
    })
}

fn weekday_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\b\.?,?\s*")
            .expect("weekday pattern is valid")
    })
}

fn zone_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\s*(?:\(|\b)(utc|gmt|z|et|est|edt|pt|pst|pdt|ct|cst|cdt|mt|mst|mdt|bst|cet|cest|msk|ist|jst|kst|hkt|sgt)\)?(?:\s*([+-]\d{1,2}(?::?\d{2})?))?\s*$")
            .expect("zone pattern is valid")
    })
}

fn iso_separator_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(\d)T(\d)").expect("separator pattern is valid"))
}

/// Folds the spellings newsrooms vary on into what the formats expect, and
/// returns the UTC offset in minutes when the text states one.
fn clean(input: &str) -> (String, Option<i32>) {
    let mut s = input.trim().trim_matches(|c: char| c == '|' || c == '-' || c == '–' || c == '—').trim().to_string();
    s = label_pattern().replace(&s, "").into_owned();
    s = weekday_pattern().replace(&s, "").into_owned();
    let mut offset = None;
    if let Some(caps) = zone_pattern().captures(&s) {
        let zone = caps[1].to_ascii_lowercase();
        offset = match (zone.as_str(), caps.get(2)) {
            (_, Some(explicit)) => parse_offset(explicit.as_str()),
            ("utc" | "gmt" | "z", None) => Some(0),
            _ => None,
        };
        let start = caps.get(0).map_or(s.len(), |m| m.start());
        s.truncate(start);
    }
    let replaced =
        s.replace("a.m.", "AM").replace("p.m.", "PM").replace("A.M.", "AM").replace("P.M.", "PM").replace(" at ", " ");
    let replaced = iso_separator_pattern().replace_all(&replaced, "$1 $2");
    let replaced = ordinal_pattern().replace_all(&replaced, "$1");
    // "Dec." and "Sept." lose their dots; "Sept" becomes the "Sep" that
    // strtime knows.
    let mut out = String::with_capacity(replaced.len());
    for (i, word) in replaced.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let bare = word.trim_end_matches('.');
        let alpha = bare.trim_end_matches(',');
        if alpha.chars().all(|c| c.is_ascii_alphabetic()) && alpha.len() >= 3 {
            let fixed = month_abbreviation(alpha).unwrap_or(alpha);
            out.push_str(fixed);
            if bare.ends_with(',') {
                out.push(',');
            }
        } else {
            out.push_str(word);
        }
    }
    (out.trim_end_matches(['.', ',']).trim().to_string(), offset)
}

/// The days of the week, lowercase.
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// "December", "Dec" and "Sept" all become the "Dec"/"Sep" that `%b`
/// parses.
pub(crate) fn month_abbreviation(word: &str) -> Option<&'static str> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // Compared without lowercasing into a new string: the attribution rules
    // ask this of many words.
    let n = word.len();
    MONTHS
        .iter()
        .position(|m| {
            (n == m.len() || n >= 3 && n < m.len()) && m.as_bytes()[..n].eq_ignore_ascii_case(word.as_bytes())
        })
        .map(|i| SHORT[i])
}

fn parse_offset(s: &str) -> Option<i32> {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => (digits[..digits.len() - 2].parse::<i32>().ok()?, digits[digits.len() - 2..].parse::<i32>().ok()?),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Years outside this range are placeholders ("0001-01-01" in page
/// metadata), not publication dates.
const FIRST_YEAR: i16 = 1900;
const LAST_YEAR: i16 = 2200;

fn plausible_year(iso: &str) -> bool {
    iso.get(..4).and_then(|y| y.parse::<i16>().ok()).is_some_and(|y| (FIRST_YEAR..=LAST_YEAR).contains(&y))
}

fn ordinal_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)\b").expect("ordinal pattern is valid"))
}

/// Parses a date as news pages print it. Returns `None` for anything it is
/// not sure of, rather than a guess.
pub fn parse_news_date(input: &str) -> Option<NewsDate> {
    let input = input.trim();
    if input.is_empty() || input.len() > 80 {
        return None;
    }
    if let Some(date) = parse_machine_date(input).filter(|d| plausible_year(&d.iso)) {
        return Some(date);
    }
    let (cleaned, offset) = clean(input);
    for &(format, has_time) in FORMATS {
        let Ok(tm) = strtime::parse(format, &cleaned) else { continue };
        let date = if format == "%b %Y" {
            let (Some(year), Some(month)) = (tm.year(), tm.month()) else { continue };
            jiff::civil::Date::new(year, month, 1).ok().map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        } else if has_time {
            tm.to_datetime().ok()
        } else {
            tm.to_date().ok().map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        };
        let Some(dt) = date else { continue };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&dt.year()) {
            continue;
        }
        return Some(render(dt, has_time, offset));
    }
    None
}

/// RFC 3339, ISO 8601 and RFC 2822 dates from feeds and metadata. Only
/// strings with a time and an offset are taken here; plain ISO dates go
/// through the format list like any other.
fn parse_machine_date(input: &str) -> Option<NewsDate> {
    use jiff::fmt::temporal::{Pieces, PiecesOffset};
    if let Ok(pieces) = Pieces::parse(input) {
        if let (Some(time), Some(offset)) = (pieces.time(), pieces.offset()) {
            let minutes = match offset {
                PiecesOffset::Zulu => 0,
                PiecesOffset::Numeric(n) => n.offset().seconds() / 60,
                _ => 0,
            };
            return Some(render(pieces.date().to_datetime(time), true, Some(minutes)));
        }
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(input) {
        let offset = zoned.offset().seconds() / 60;
        return Some(render(zoned.datetime(), true, Some(offset)));
    }
    None
}

fn render(dt: jiff::civil::DateTime, has_time: bool, offset: Option<i32>) -> NewsDate {
    if !has_time {
        return NewsDate { iso: dt.date().to_string(), has_time };
    }
    let mut iso = if dt.second() == 0 {
        format!("{}T{:02}:{:02}", dt.date(), dt.hour(), dt.minute())
    } else {
        format!("{}T{:02}:{:02}:{:02}", dt.date(), dt.hour(), dt.minute(), dt.second())
    };
    if let Some(minutes) = offset {
        if dt.second() == 0 {
            iso.push_str(":00");
        }
        let sign = if minutes < 0 { '-' } else { '+' };
        iso.push_str(&format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60));
    }
    NewsDate { iso, has_time }
}

#[cfg(test)]
mod tests {
    use super::parse_news_date;
    use expect_test::{expect, Expect};

    fn check(cases: &[&str], expected: Expect) {
        let mut out = String::new();
        for case in cases {
            let parsed = parse_news_date(case).map_or("-".to_string(), |d| d.iso);
            out.push_str(&format!("{case:42} => {parsed}\n"));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn newsroom_formats() {
        check(
            &[
                "Updated 22:15, 12-Dec-2021",
                "Dec. 3, 2026 10:42 a.m. ET",
                "27.11.2026",
                "Published: Sunday, December 12, 2021",
                "Sept. 2, 2021",
                "12 December 2021 14:05 GMT",
                "2021-12-12T22:15:00+08:00",
                "2021-12-12T22:15:00Z",
                "Sun, 12 Dec 2021 22:15:00 +0000",
                "2021-12-12",
                "12/07/2021",
                "Updated on: Jan 5, 2022, 3:04 PM",
                "Last updated at 9:30 p.m. Dec 12, 2021",
                "CGTN",
                "Search Trends",
                "32.13.2021",
                "0001-01-01T00:00:00Z",
                "November 18th, 2019",
                "",
            ],
            expect![[r#"
                Updated 22:15, 12-Dec-2021                 => 2021-12-12T22:15
                Dec. 3, 2026 10:42 a.m. ET                 => 2026-12-03T10:42
                27.11.2026                                 => 2026-11-27
                Published: Sunday, December 12, 2021       => 2021-12-12
                Sept. 2, 2021                              => 2021-09-02
                12 December 2021 14:05 GMT                 => 2021-12-12T14:05:00+00:00
                2021-12-12T22:15:00+08:00                  => 2021-12-12T22:15:00+08:00
                2021-12-12T22:15:00Z                       => 2021-12-12T22:15:00+00:00
                Sun, 12 Dec 2021 22:15:00 +0000            => 2021-12-12T22:15:00+00:00
                2021-12-12                                 => 2021-12-12
                12/07/2021                                 => 2021-12-07
                Updated on: Jan 5, 2022, 3:04 PM           => 2022-01-05T15:04
                Last updated at 9:30 p.m. Dec 12, 2021     => 2021-12-12T21:30
                CGTN                                       => -
                Search Trends                              => -
                32.13.2021                                 => -
                0001-01-01T00:00:00Z                       => -
                November 18th, 2019                        => 2019-11-18
                                                           => -
            "#]],
        );
    }
}
