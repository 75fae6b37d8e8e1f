//! Plain text copied from a web page.
//!
//! When a journalist selects an article in a browser and pastes it into a
//! file, the text brings the page's furniture along: buttons ("Download"),
//! widgets ("Search Trends"), the headline, date and outlet name as separate
//! short lines, and photo captions twice (once for the image, once for its
//! enlarged view). This module turns such text back into an article:
//! boilerplate lines go, the headline, date, outlet, byline and URL are taken
//! from the lines above the body, each repeated caption is kept once and
//! marked, and credit lines such as "(With input from Reuters)" stay in the
//! text, marked as credits.

use crate::{ArticleDraft, Block, BlockKind, Format, Origin};
use regex::Regex;
use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_core::{dates, text};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const BOILERPLATE_TXT: &str = include_str!("../../../data/boilerplate.txt");

/// The header above the body is at most this many lines; past it, short
/// lines are body text (subheads) rather than page furniture.
const HEADER_LINES: usize = 8;

fn boilerplate() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        BOILERPLATE_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    })
}

/// A line is boilerplate when, stripped of punctuation and case, it is one
/// of the known interface strings.
fn is_boilerplate(line: &str) -> bool {
    let key = line.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    !key.is_empty() && boilerplate().contains(&key)
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("built-in pattern is valid"))
}

/// Credit lines printed as their own paragraph.
fn is_credit_line(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    line.chars().count() < 200
        && regex(
            &RE,
            r"(?i)^[(\[]?\s*(?:with\s+(?:input|inputs|reporting)\s+from|additional\s+reporting\s+by|reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|source\s*:|sources\s*:|h/t\b|hat\s+tip\b|via\b|\w[\w .&-]{0,40}\s+contributed\s+to\s+this\s+report)",
        )
        .is_match(line.trim())
}

/// Photo captions end with a credit: "/CFP", "/Xinhua", "(Reuters/Name)",
/// "Photo: AFP", "Getty Images".
fn ends_with_photo_credit(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        r"(?i)(?:\s/\s?[A-Z][\w .&-]{0,30}|\((?:photo|reuters|ap|afp|getty|epa|xinhua)[^)]{0,60}\)|(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]{1,60}|getty images|/\s*cfp)\.?\s*$",
    )
    .is_match(line.trim())
}

fn is_url(line: &str) -> bool {
    let line = line.trim();
    (line.starts_with("http://") || line.starts_with("https://")) && !line.contains(char::is_whitespace)
}

/// A byline line: "By Jane Doe and John Roe, Reuters". Returns the names
/// and, when the line ends with an outlet the gazetteer knows, that outlet.
fn byline(line: &str, gazetteer: &Gazetteer) -> Option<(String, Option<String>)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let line = line.trim();
    if line.len() > 120 {
        return None;
    }
    let caps = regex(&RE, r"^(?i:by)\s+([A-Z][\p{L}.'’ -]*(?:(?:,\s*|\s+and\s+)[A-Z][\p{L}.'’ -]*)*)\s*(?:\|.*)?$")
        .captures(line)?;
    let mut names: Vec<&str> = caps[1].split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut outlet = None;
    while names.len() > 1 {
        let last = names[names.len() - 1];
        match gazetteer.by_name(last) {
            Some(o) => {
                outlet = Some(o.name.clone());
                names.pop();
            }
            None => break,
        }
    }
    Some((names.join(", "), outlet))
}

/// Looks like body text rather than a header line: a long line, or one that
/// ends a sentence and has enough words.
fn is_body_like(line: &str) -> bool {
    let words = text::word_count(line);
    words >= 30 || (words >= 12 && line.trim_end().ends_with(['.', '"', '”', '\'']))
}

fn looks_like_headline(line: &str) -> bool {
    let chars = line.chars().count();
    let words = text::word_count(line);
    (3..=40).contains(&words) && chars <= 300 && !line.trim_end().ends_with(':')
}

/// Splits pasted text into lines, joining the lines of a hard-wrapped
/// paragraph back together: a wrapped paragraph is a block of several lines
/// in which no line but the last ends a sentence.
fn logical_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for block in text.split("\n\n") {
        let raw: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let wrapped = raw.len() > 2
            && raw[..raw.len() - 1].iter().all(|l| {
                let n = l.chars().count();
                (40..=100).contains(&n) && !l.ends_with(['.', '"', '”', ':', '?', '!'])
            });
        if wrapped {
            lines.push(raw.join(" "));
        } else {
            lines.extend(raw.iter().map(|l| l.to_string()));
        }
    }
    lines
}

/// Parses text copied from a web page. Returns `None` when nothing but
/// page furniture is left.
pub fn draft(raw: &str, origin: &Origin, gazetteer: &Gazetteer) -> Option<ArticleDraft> {
    let normalized = text::normalize(raw);
    let lines: Vec<String> = logical_lines(&normalized).into_iter().filter(|l| !is_boilerplate(l)).collect();
    let mut draft = ArticleDraft::new(origin.clone(), Format::Text);

    // The header: short lines above the first body-like line.
    let header_end =
        lines.iter().take(HEADER_LINES).position(|l| is_body_like(l)).unwrap_or(lines.len().min(HEADER_LINES));
    let mut body_start = 0;
    for (i, line) in lines.iter().enumerate().take(header_end) {
        let taken = if draft.date.is_none() && dates::parse_news_date(line).is_some() {
            draft.date = Some(line.clone());
            true
        } else if draft.outlet.is_none() && gazetteer.by_name(line).is_some() {
            draft.outlet = Some(line.clone());
            true
        } else if draft.url.is_none() && is_url(line) {
            draft.url = Some(line.clone());
            true
        } else if let Some((names, outlet)) = draft.byline.is_none().then(|| byline(line, gazetteer)).flatten() {
            draft.byline = Some(names);
            if draft.outlet.is_none() {
                draft.outlet = outlet;
            }
            true
        } else if draft.title.is_none() && looks_like_headline(line) && !ends_with_photo_credit(line) {
            draft.title = Some(line.clone());
            true
        } else {
            false
        };
        if !taken {
            break;
        }
        body_start = i + 1;
    }

    // Captions: a line printed more than once is a caption (the page shows it
    // under the image and again in the enlarged view); so is a line ending in
    // a photo credit. Either is kept once, where it first appears.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in &lines[body_start..] {
        *counts.entry(line.as_str()).or_default() += 1;
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for line in &lines[body_start..] {
        if !seen.insert(line.as_str()) {
            continue;
        }
        let kind = if is_credit_line(line) {
            BlockKind::Credit
        } else if counts[line.as_str()] > 1 || ends_with_photo_credit(line) {
            BlockKind::Caption
        } else {
            BlockKind::Paragraph
        };
        draft.blocks.push(Block::new(kind, line.clone()));
    }
    if draft.blocks.iter().all(|b| b.kind != BlockKind::Paragraph) {
        // A paste of one line, such as a headline alone, is still an article
        // if it has words; it is the body then.
        if let Some(title) = draft.title.take() {
            draft.blocks.insert(0, Block::paragraph(title));
        }
    }
    (!draft.blocks.is_empty()).then_some(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ArticleDraft {
        draft(text, &Origin::file("t.txt"), &Gazetteer::builtin()).expect("an article")
    }

    #[test]
    fn header_lines_become_fields() {
        let d = parse(
            "Share\nhttps://www.reuters.com/world/x\nKremlin says talks possible\nBy Jane Doe and John Roe, Reuters\nDecember 12, 2021\n\nMOSCOW (Reuters) - The Kremlin said on Sunday that talks between the two presidents were possible before the end of the year.\n",
        );
        assert_eq!(d.title.as_deref(), Some("Kremlin says talks possible"));
        assert_eq!(d.byline.as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(d.date.as_deref(), Some("December 12, 2021"));
        assert_eq!(d.url.as_deref(), Some("https://www.reuters.com/world/x"));
        assert_eq!(d.blocks.len(), 1);
    }

    #[test]
    fn repeated_lines_are_captions_kept_once_and_credits_are_marked() {
        let d = parse(
            "Title of the story here\n\nA caption under a photo of the two leaders.\n\nA caption under a photo of the two leaders.\n\nBody paragraph one says something long enough to count as the body of the article, with words.\n\n(With input from Reuters)\n\nSearch Trends",
        );
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Caption, BlockKind::Paragraph, BlockKind::Credit]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let lines = logical_lines(
            "The president said on Tuesday that the talks had been productive\nand that both sides would meet again soon, possibly in Geneva,\nbefore the end of the year.",
        );
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn only_furniture_is_no_article() {
        assert!(draft("Download\n\nSearch Trends\nShare", &Origin::file("t.txt"), &Gazetteer::builtin()).is_none());
    }
}
