//! HTML pages: the article body, title, byline, date and site.
//!
//! Journalists save pages from the browser, so an HTML file holds the
//! article wrapped in navigation, related-story rails, share bars, ads and
//! comment forms. [`draft`] recovers the article in four steps:
//!
//! 1. **Decoding.** UTF-8 with or without a byte-order mark, UTF-16 with one,
//!    or the charset the page declares in `<meta charset>` or an
//!    `http-equiv` content type. Anything else is refused with the reason,
//!    because a guessed encoding silently corrupts names and quotes.
//! 2. **Finding the body.** `dom_smoothie` (a port of Mozilla's
//!    Readability) picks the element that holds the article. It keeps more
//!    than the article, so the result is walked into blocks and tidied:
//!    furniture named by class or id (related links, bylines, newsletters)
//!    is dropped when it is a small part of the text, as are story cards
//!    (a linked headline with its teaser), lists of links, and lines such
//!    as "Advertisement" or "Subscribe to our newsletter". When Readability
//!    finds too little, the usual article containers (`[itemprop=articleBody]`,
//!    `<article>`, `<main>`) and then the JSON-LD `articleBody` are tried.
//! 3. **Blocks.** Paragraphs, subheadings ([`BlockKind::Heading`]), photo
//!    captions ([`BlockKind::Caption`], kept once) and credit lines such as
//!    "(With input from Reuters)" ([`BlockKind::Credit`], kept as printed
//!    because they tell where the story came from). Block text is plain
//!    text: entities decoded, whitespace collapsed, no scripts or markup.
//! 4. **Metadata.** Title, byline, site name, canonical URL and publication
//!    date come from JSON-LD, OpenGraph and other `<meta>` tags, then from
//!    what Readability saw, then from the visible page (a `<time>` element,
//!    a "Published December 12, 2021" line).
//!
//! Hostile or broken input never panics: unclosed tags are repaired by the
//! HTML parser, every walk of our own over the tree is iterative, and pages
//! nested deeper than `MAX_DEPTH` (512) levels are refused before parsing.
//! Real pages never come close, while the parser and the Readability pass
//! slow down with the square of the depth (20,000 levels take half a
//! minute) and recursive code in them risks the stack.

use crate::{ArticleDraft, Block, BlockKind, Failure, Format, Origin};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use sourcetrace_core::{dates, text};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Pages whose elements nest deeper than this are refused. Real article
/// pages stay well under a hundred levels; at this depth parsing and the
/// Readability pass still take milliseconds and fit a 2 MiB thread stack.
const MAX_DEPTH: usize = 512;

/// Fewer body words than this from the Readability pass send the extraction
/// to the fallbacks.
const ENOUGH_WORDS: usize = 50;

/// Readability gives up on pages with more elements than this, which bounds
/// the time one pathological page can take; the fallbacks still run.
const MAX_ELEMENTS: usize = 100_000;

/// Extracts the article from an HTML page.
pub fn draft(bytes: &[u8], origin: &Origin) -> Result<ArticleDraft, Failure> {
    let fail = |reason: String| Failure::new(origin.clone(), reason);
    let html = decode_html(bytes).map_err(fail)?;
    let depth = nesting_depth(&html);
    if depth > MAX_DEPTH {
        return Err(fail(format!(
            "HTML nested too deeply ({depth} levels, at most {MAX_DEPTH} supported); not an article page"
        )));
    }
    let doc = Html::parse_document(&html);
    let readable = readability(&html);
    let meta = PageMeta::collect(&doc, readable.as_ref());

    let mut blocks = match &readable {
        Some(article) => tidy(walk(Html::parse_fragment(&article.content).root_element()), &meta, Tidy::Page),
        None => Vec::new(),
    };
    if word_total(&blocks) < ENOUGH_WORDS {
        blocks = fallback_blocks(&doc, &meta, origin, blocks);
    }
    if blocks.is_empty() {
        return Err(fail("no article text found in the HTML".to_string()));
    }

    let mut draft = ArticleDraft::new(origin.clone(), Format::Html);
    draft.title = meta.title;
    draft.byline = meta.byline;
    draft.outlet = meta.site;
    draft.url = meta.url;
    draft.date = meta.date;
    draft.blocks = blocks;
    Ok(draft)
}

/// Converts an HTML fragment, such as a feed item's content, into blocks
/// (paragraphs, headings, captions, credit lines).
///
/// A fragment is content its author chose, not a page, so only captions
/// repeated verbatim and one-line clutter ("Advertisement") are dropped.
/// A fragment nested deeper than 512 levels is flattened first: its text
/// survives, its structure does not.
pub fn fragment_blocks(html: &str) -> Vec<Block> {
    let flat;
    let html = if nesting_depth(html) > MAX_DEPTH {
        flat = flatten(html);
        flat.as_str()
    } else {
        html
    };
    tidy(walk(Html::parse_fragment(html).root_element()), &PageMeta::default(), Tidy::Fragment)
}

fn word_total(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| text::word_count(&b.text)).sum()
}

// ---------------------------------------------------------------------------
// Decoding

/// Decodes a page into text, or says why not. Pages without a declared
/// charset must be UTF-8 (or carry a BOM), as [`crate::decode_text`]
/// requires of any text file.
fn decode_html(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return crate::decode_text(bytes);
    }
    let head = &bytes[..bytes.len().min(CHARSET_SCAN)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(format!("binary file, not text (NUL byte at offset {at})"));
    }
    match declared_charset(head) {
        // Valid UTF-8 wins over a declared legacy charset: pages saved from
        // a browser are often re-encoded as UTF-8 but keep their old
        // `<meta charset>`, while legacy text that happens to be valid
        // UTF-8 is all but impossible outside plain ASCII (where the two
        // agree anyway).
        Some(encoding) if encoding != encoding_rs::UTF_8 => match std::str::from_utf8(bytes) {
            Ok(text) => non_blank(text.to_string()),
            Err(_) => {
                let (text, _, _) = encoding.decode(bytes);
                non_blank(text.into_owned())
            }
        },
        // A page that says it is UTF-8 is taken at its word: a stray
        // invalid byte becomes U+FFFD instead of losing the article.
        Some(_) => non_blank(String::from_utf8_lossy(bytes).into_owned()),
        None => crate::decode_text(bytes),
    }
}

/// How far into the page to look for the charset declaration and NUL
/// bytes. Browsers look at the first 1024 bytes; saved pages often carry
/// long inline scripts before the `<meta>`, so this looks further.
const CHARSET_SCAN: usize = 16 * 1024;

fn non_blank(text: String) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("empty file (only whitespace)".into())
    } else {
        Ok(text)
    }
}

/// The encoding named by `<meta charset=...>` or by the `charset=` of an
/// `http-equiv="Content-Type"` meta tag.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    static RE: OnceLock<regex::bytes::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid pattern")
    });
    let label = re.captures(head)?.get(1)?.as_bytes();
    let encoding = encoding_rs::Encoding::for_label(label)?;
    // A page that calls itself UTF-16 but was read as bytes without a BOM
    // is ASCII-compatible text; browsers treat it as UTF-8.
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(encoding.output_encoding())
}

// ---------------------------------------------------------------------------
// Nesting

/// What [`scan_tags`] sees: a run of text or a tag.
enum Piece<'a> {
    Text(&'a str),
    Tag(Tag),
}

/// A tag seen by [`scan_tags`].
struct Tag {
    /// Lowercase.
    name: Vec<u8>,
    closing: bool,
    self_closing: bool,
}

/// Reads markup as a flat run of text and tags, without building a tree
/// (building one for a hostile page is the very thing to avoid). Comments,
/// and the contents of `<script>`, `<style>`, `<textarea>` and `<title>`,
/// are skipped.
fn scan_tags<'a>(html: &'a str, mut on: impl FnMut(Piece<'a>)) {
    let bytes = html.as_bytes();
    // Text runs from `text_start` to the next tag; a `<` that starts no tag
    // ("a < b") stays in the text. Every index below sits on an ASCII byte
    // or the end, so slicing the `str` there is safe.
    let (mut text_start, mut pos) = (0, 0);
    while let Some(offset) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            on(Piece::Text(&html[text_start..lt]));
            let end = find(&rest[3..], b"-->").map_or(bytes.len(), |p| lt + 4 + p + 3);
            (text_start, pos) = (end, end);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            pos = lt + 1;
            continue;
        }
        on(Piece::Text(&html[text_start..lt]));
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let end = memchr(b'>', rest).map_or(bytes.len(), |p| lt + 1 + p + 1);
        let self_closing = bytes[end - 1] == b'>' && bytes[end - 2] == b'/';
        let raw_text = !closing && matches!(name.as_slice(), b"script" | b"style" | b"textarea" | b"title");
        on(Piece::Tag(Tag { name, closing, self_closing }));
        (text_start, pos) = (end, end);
        if raw_text {
            let mut close = b"</".to_vec();
            close.extend_from_slice(&bytes[lt + 1..lt + 1 + name_len]);
            let skip = find_ci(&bytes[end..], &close).map_or(bytes.len(), |p| end + p);
            (text_start, pos) = (skip, skip);
        }
    }
    on(Piece::Text(&html[text_start..]));
}

/// The deepest element nesting of the markup, estimated from its tags.
/// Void elements and elements whose end tag is optional (`<p>`, `<li>`,
/// `<td>`) do not count, since pages routinely leave them open.
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    scan_tags(html, |piece| {
        let Piece::Tag(tag) = piece else { return };
        if is_void(&tag.name) || has_optional_end(&tag.name) || tag.self_closing {
            return;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    });
    max
}

/// The markup with its nesting taken out: text kept, block-level tags
/// turned into line breaks, all other tags dropped. What is left parses
/// into a flat tree, whatever the input's depth.
fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    scan_tags(html, |piece| match piece {
        Piece::Text(text) => out.push_str(text),
        Piece::Tag(tag) => {
            let name = std::str::from_utf8(&tag.name).unwrap_or("");
            if name == "br" || is_block(name) {
                out.push_str("<br>");
            }
        }
    });
    out
}

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

fn has_optional_end(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"colgroup"
            | b"caption"
    )
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

// ---------------------------------------------------------------------------
// Readability

/// Runs the Readability pass. A panic inside the library on some odd page
/// must not take the whole import down, so it is caught and treated as
/// "nothing found", which sends the page to the fallbacks.
fn readability(html: &str) -> Option<dom_smoothie::Article> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        // The classes let the walk recognize captions, credits and page
        // furniture that Readability leaves in.
        keep_classes: true,
        ..Default::default()
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut reader = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
        reader.parse().ok()
    }))
    .ok()
    .flatten()
}

// ---------------------------------------------------------------------------
// Metadata

#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    url: Option<String>,
    date: Option<String>,
    /// The JSON-LD `articleBody`, when the page has one.
    body: Option<String>,
}

impl PageMeta {
    fn collect(doc: &Html, readable: Option<&dom_smoothie::Article>) -> PageMeta {
        let ld = json_ld_objects(doc);
        let articles: Vec<&serde_json::Value> = ld.iter().filter(|o| is_article(o)).collect();
        let metas = meta_tags(doc);
        let get = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|k| metas.iter().find(|(name, _)| name == k).map(|(_, v)| v.clone()))
        };
        let ld_str = |key: &str| articles.iter().find_map(|obj| json_string(obj, key));
        let publisher = articles.iter().find_map(|obj| obj.get("publisher").and_then(|p| json_string(p, "name")));

        let site = [
            get(&["og:site_name"]),
            publisher,
            get(&["application-name", "al:ios:app_name", "al:android:app_name"]),
            readable.and_then(|r| r.site_name.clone()),
        ]
        .into_iter()
        .flatten()
        .map(|s| clean_meta(&s))
        .filter(|s| !s.is_empty() && !s.starts_with('@') && !s.contains("://") && s.chars().count() <= 80)
        .collect::<Vec<_>>();
        // A lowercase slug such as "nj" is a worse name than the publisher's.
        let site = site.iter().find(|s| s.contains(' ') || s.chars().any(char::is_uppercase)).or(site.first()).cloned();

        let url = select_attr(doc, "link[rel=canonical]", "href")
            .or_else(|| get(&["og:url"]))
            .or_else(|| ld_str("url"))
            .or_else(|| readable.and_then(|r| r.url.clone()))
            .map(|u| u.trim().to_string())
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));

        let title = [
            ld_str("headline"),
            get(&["og:title", "twitter:title", "dc.title"]),
            readable.map(|r| r.title.clone()),
            select_text(doc, "h1"),
            select_text(doc, "title"),
        ]
        .into_iter()
        .flatten()
        .map(|t| clean_meta(&t))
        .find(|t| !t.is_empty())
        .map(|t| strip_site_suffix(&t, site.as_deref(), url.as_deref()));

        let byline = [
            ld_authors(&articles),
            get(&["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"]),
            readable.and_then(|r| r.byline.clone()),
        ]
        .into_iter()
        .flatten()
        .find_map(|b| clean_byline(&clean_meta(&b)));

        let any_ld_date = ld.iter().find_map(|obj| json_string(obj, "datePublished"));
        let date = [
            get(&["article:published_time", "og:article:published_time", "article:published", "datepublished"]),
            ld_str("datePublished"),
            get(&[
                "date",
                "dc.date",
                "dc.date.issued",
                "pubdate",
                "publishdate",
                "publish-date",
                "sailthru.date",
                "parsely-pub-date",
            ]),
            any_ld_date,
            select_attr(doc, "time[datetime]", "datetime"),
            readable.and_then(|r| r.published_time.clone()),
            get(&["article:modified_time", "datemodified"]),
            ld_str("dateModified"),
        ]
        .into_iter()
        .flatten()
        .find_map(|d| usable_date(&d))
        .or_else(|| visible_date(doc));

        let body = ld_str("articleBody").map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
        PageMeta { title, byline, site, url, date, body }
    }
}

/// Decodes the entities some sites escape twice, and collapses whitespace.
fn clean_meta(s: &str) -> String {
    if s.contains('&') {
        let decoded: String = Html::parse_fragment(s).root_element().text().collect();
        text::collapse_whitespace(&decoded)
    } else {
        text::collapse_whitespace(s)
    }
}

/// Alphanumerics only, lowercased: for comparing names written with
/// different spacing and punctuation ("TheHill", "The Hill").
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Drops the site name that page titles carry after a separator
/// ("Headline | Site", "Headline - Site").
fn strip_site_suffix(title: &str, site: Option<&str>, url: Option<&str>) -> String {
    let host = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(|h| h.trim_start_matches("www.").split('.').next().unwrap_or("").to_string());
    for separator in [" | ", " - ", " — ", " – ", " :: ", " « ", " » "] {
        let Some(at) = title.rfind(separator) else { continue };
        let (head, tail) = (&title[..at], &title[at + separator.len()..]);
        let tail_key = squash(tail);
        if tail_key.is_empty() || head.trim().is_empty() {
            continue;
        }
        let names_site = site.is_some_and(|s| {
            let site_key = squash(s);
            !site_key.is_empty() && (site_key.contains(&tail_key) || tail_key.contains(&site_key))
        }) || host.as_deref().is_some_and(|h| !h.is_empty() && tail_key.contains(&squash(h)));
        if names_site {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// A byline without its "By" and without a date run into it, or `None`
/// when what the page offers does not look like names.
fn clean_byline(raw: &str) -> Option<String> {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    let lead = LEAD.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:posted|written|words|text|story)\s+by\s+|by\s*:?\s+|text\s*:\s*|author\s*:\s*)")
            .expect("valid pattern")
    });
    let mut byline = lead.replace(raw.trim(), "").into_owned();
    if let Some(found) = date_pattern().find(&byline) {
        byline.truncate(found.start());
    }
    let byline = byline.trim().trim_end_matches(['-', '|', ',', '·', '–', '—']).trim().to_string();
    let words = byline.split_whitespace().count();
    let looks_like_names = (1..=12).contains(&words)
        && byline.chars().count() <= 100
        && byline.chars().any(char::is_alphabetic)
        && !byline.contains(['(', ')', '[', ']', '{', '}', '@', '<', '>'])
        && !byline.contains("://");
    looks_like_names.then_some(byline)
}

/// The date as given when the core's news date parser accepts it (which
/// also refuses placeholder years such as 0001).
fn usable_date(raw: &str) -> Option<String> {
    let raw = text::collapse_whitespace(raw);
    dates::parse_news_date(&raw).is_some().then_some(raw)
}

/// Dates as pages print them: "Nov. 19, 2019 at 6:55 a.m.", "19 November
/// 2019 10:48", "2019-11-19".
fn date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let time = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?";
        Regex::new(&format!(
            r"(?i)(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{time}|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}{time}|\b\d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}})?)?)"
        ))
        .expect("valid pattern")
    })
}

fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    let selector = Selector::parse("meta[content]").expect("valid selector");
    let mut out = Vec::new();
    for element in doc.select(&selector) {
        let Some(content) = element.attr("content") else { continue };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(names) = element.attr(key) {
                // `itemprop="datePublished dateCreated"` names two properties.
                for name in names.split_whitespace() {
                    out.push((name.to_ascii_lowercase(), content.to_string()));
                }
            }
        }
    }
    out
}

fn select_text(doc: &Html, css: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    doc.select(&selector).map(|e| text::collapse_whitespace(&e.text().collect::<String>())).find(|t| !t.is_empty())
}

fn select_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    doc.select(&selector).filter_map(|e| e.attr(attr)).map(|v| v.trim().to_string()).find(|v| !v.is_empty())
}

/// A date printed on the page near the headline: in a `<time>` element or
/// in an element whose class or id speaks of dates or bylines.
fn visible_date(doc: &Html) -> Option<String> {
    let selector = Selector::parse(
        "time, [itemprop*=datePublished], [class*=date], [class*=Date], [class*=publish], [class*=time], \
         [class*=byline], [class*=dateline], [class*=posted], [class*=meta], [id*=date], [id*=byline]",
    )
    .ok()?;
    doc.select(&selector).take(200).find_map(|element| {
        // Stop reading early: a long text is a container, not a dateline,
        // and collecting all of a big container's text 200 times is slow.
        let mut raw = String::new();
        for piece in element.text() {
            raw.push_str(piece);
            if raw.len() > 800 {
                return None;
            }
        }
        let text = text::collapse_whitespace(&raw);
        if text.chars().count() > 200 {
            return None;
        }
        date_pattern().find_iter(&text).find_map(|m| usable_date(m.as_str()))
    })
}

/// Every JSON-LD object of the page, looking inside arrays and `@graph`.
fn json_ld_objects(doc: &Html) -> Vec<serde_json::Value> {
    let selector = Selector::parse("script[type]").expect("valid selector");
    let mut found = Vec::new();
    for script in doc.select(&selector) {
        if !script.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw: String = script.text().collect();
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else { continue };
        let mut queue = vec![value];
        while let Some(value) = queue.pop() {
            match value {
                serde_json::Value::Array(items) => queue.extend(items.into_iter().rev()),
                serde_json::Value::Object(mut map) => {
                    if let Some(graph) = map.remove("@graph") {
                        queue.push(graph);
                    }
                    found.push(serde_json::Value::Object(map));
                }
                _ => {}
            }
        }
    }
    found
}

fn is_article(object: &serde_json::Value) -> bool {
    let is_article_type =
        |t: &str| t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report" | "ClaimReview");
    match object.get("@type") {
        Some(serde_json::Value::String(t)) => is_article_type(t),
        Some(serde_json::Value::Array(types)) => types.iter().filter_map(|t| t.as_str()).any(is_article_type),
        _ => false,
    }
}

fn json_string(value: &serde_json::Value, key: &str) -> Option<String> {
    match value.get(key)? {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Array(items) => items.iter().find_map(|i| i.as_str()).map(str::to_string),
        _ => None,
    }
}

fn ld_authors(ld: &[&serde_json::Value]) -> Option<String> {
    for obj in ld {
        let Some(author) = obj.get("author") else { continue };
        let items: Vec<&serde_json::Value> = match author {
            serde_json::Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let names: Vec<String> = items
            .iter()
            .filter_map(|a| match a {
                serde_json::Value::String(s) => Some(s.trim().to_string()),
                serde_json::Value::Object(_) => a.get("name").and_then(|n| n.as_str()).map(|s| s.trim().to_string()),
                _ => None,
            })
            .filter(|n| !n.is_empty() && !n.starts_with("http"))
            .collect();
        if !names.is_empty() {
            return Some(names.join(", "));
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Fallbacks

/// The body when the readability pass found too little: the first of the
/// usual article containers with enough text, else the JSON-LD
/// `articleBody`, else whatever has the most words.
fn fallback_blocks(doc: &Html, meta: &PageMeta, origin: &Origin, found: Vec<Block>) -> Vec<Block> {
    const CONTAINERS: &[&str] = &[
        "[itemprop=articleBody]",
        "article",
        "[class*=article-body], [class*=article-content], [class*=entry-content], [class*=post-content], [class*=story-body]",
        "main, [role=main]",
        "body",
    ];
    let mut best = found;
    for css in CONTAINERS {
        let Ok(selector) = Selector::parse(css) else { continue };
        let Some(element) = doc.select(&selector).max_by_key(|e| e.text().map(|t| t.len()).sum::<usize>()) else {
            continue;
        };
        let blocks = tidy(walk(element), meta, Tidy::Page);
        if word_total(&blocks) > word_total(&best) {
            best = blocks;
        }
        if word_total(&best) >= ENOUGH_WORDS {
            return best;
        }
    }
    if let Some(body) = meta.body.as_deref() {
        let blocks = ArticleDraft::new(origin.clone(), Format::Html).with_body(body).blocks;
        if word_total(&blocks) > word_total(&best) {
            best = blocks;
        }
    }
    best
}

// ---------------------------------------------------------------------------
// Blocks

/// A block as walked, with what its surroundings say about it.
#[derive(Debug, Clone)]
struct RawBlock {
    kind: BlockKind,
    text: String,
    words: usize,
    chars: usize,
    /// Characters of text inside links.
    link_chars: usize,
    /// The elements around the block, outermost first, as indexes into
    /// [`Walked::elements`].
    ancestors: Vec<u32>,
    /// Inside a list item.
    in_list: bool,
}

impl RawBlock {
    fn linked(&self) -> bool {
        self.link_chars * 5 >= self.chars * 4
    }
}

/// What the walk noted about an element that holds text.
#[derive(Debug, Clone, Copy, Default)]
struct ElementNote {
    /// Its class or id names page furniture: related links, share bars,
    /// bylines, newsletters.
    furniture: bool,
}

#[derive(Debug, Default)]
struct Walked {
    blocks: Vec<RawBlock>,
    elements: Vec<ElementNote>,
}

/// Walks an element and everything inside it into blocks.
fn walk(root: ElementRef<'_>) -> Walked {
    let mut builder = BlockBuilder::default();
    let root = *root;
    let mut node = root;
    // An explicit walk instead of recursion, so that deep markup cannot
    // exhaust the stack; `open` and `close` come in pairs for every node
    // walked into.
    'walk: loop {
        if builder.open(node.value()) {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            builder.close();
        }
        loop {
            if node == root {
                break 'walk;
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                continue 'walk;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => break 'walk,
            }
            builder.close();
        }
    }
    builder.flush();
    Walked { blocks: builder.blocks, elements: builder.elements }
}

/// What an open element contributes to the blocks inside it.
struct Frame {
    id: u32,
    block: bool,
    kind: Option<BlockKind>,
    link: bool,
    figure: bool,
    item: bool,
}

#[derive(Default)]
struct BlockBuilder {
    blocks: Vec<RawBlock>,
    elements: Vec<ElementNote>,
    text: String,
    link_chars: usize,
    frames: Vec<Frame>,
    links_open: usize,
    items_open: usize,
    /// Open figures and captions, inside which photo credits are dropped.
    figures_open: usize,
}

impl BlockBuilder {
    /// Handles an opening tag or a text node; returns whether the node was
    /// walked into, in which case [`BlockBuilder::close`] follows.
    fn open(&mut self, node: &Node) -> bool {
        match node {
            Node::Text(text) => {
                if self.links_open > 0 {
                    self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                }
                self.text.push_str(text);
                false
            }
            Node::Element(element) => {
                let name = element.name();
                if is_skipped(name) || is_hidden(element) {
                    return false;
                }
                if name == "br" {
                    self.flush();
                    return false;
                }
                let marks = class_marks(element);
                if marks.skip || (self.figures_open > 0 && marks.credit) {
                    return false;
                }
                let kind = match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
                    "figcaption" | "caption" => Some(BlockKind::Caption),
                    _ if marks.caption => Some(BlockKind::Caption),
                    _ => None,
                };
                let block = is_block(name) || kind.is_some();
                if block {
                    self.flush();
                }
                let link = name == "a";
                self.links_open += usize::from(link);
                let figure = name == "figure" || kind == Some(BlockKind::Caption);
                self.figures_open += usize::from(figure);
                let id = self.elements.len() as u32;
                self.elements.push(ElementNote { furniture: marks.furniture });
                let item = name == "li";
                self.items_open += usize::from(item);
                self.frames.push(Frame { id, block, kind, link, figure, item });
                true
            }
            Node::Document | Node::Fragment => {
                let id = self.elements.len() as u32;
                self.elements.push(ElementNote::default());
                self.frames.push(Frame { id, block: true, kind: None, link: false, figure: false, item: false });
                true
            }
            _ => false,
        }
    }

    fn close(&mut self) {
        if self.frames.last().is_some_and(|f| f.block) {
            self.flush();
        }
        let Some(frame) = self.frames.pop() else { return };
        self.links_open -= usize::from(frame.link);
        self.figures_open -= usize::from(frame.figure);
        self.items_open -= usize::from(frame.item);
    }

    fn flush(&mut self) {
        let text = text::collapse_whitespace(&self.text);
        self.text.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        if text.is_empty() {
            return;
        }
        let kind = self.frames.iter().rev().find_map(|f| f.kind).unwrap_or(BlockKind::Paragraph);
        let words = text::word_count(&text);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let ancestors = self.frames.iter().map(|f| f.id).collect();
        let in_list = self.items_open > 0;
        self.blocks.push(RawBlock { kind, text, words, chars, link_chars, ancestors, in_list });
    }
}

fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "svg"
            | "math"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "textarea"
            | "button"
            | "input"
            | "head"
            | "title"
            | "meta"
            | "link"
    )
}

fn is_hidden(element: &scraper::node::Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || element.attr("style").is_some_and(|style| {
            let style = style.to_ascii_lowercase().replace(' ', "");
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "figure"
            | "figcaption"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "center"
            | "body"
            | "html"
    )
}

#[derive(Default)]
struct ClassMarks {
    /// Never article text: hover cards, text only for screen readers.
    skip: bool,
    furniture: bool,
    caption: bool,
    credit: bool,
}

/// What an element's class and id say it is.
fn class_marks(element: &scraper::node::Element) -> ClassMarks {
    let mut marks = ClassMarks::default();
    let id = element.id().unwrap_or("");
    for token in element.classes().chain(std::iter::once(id)) {
        if token.is_empty() {
            continue;
        }
        let token = token.to_ascii_lowercase();
        if token.contains("caption") {
            marks.caption = true;
        }
        if token.contains("credit") || token.contains("copyright") {
            marks.credit = true;
        }
        if is_furniture_token(&token) {
            marks.furniture = true;
        }
        if is_skip_token(&token) {
            marks.skip = true;
        }
    }
    marks
}

fn is_skip_token(token: &str) -> bool {
    const PARTS: &[&str] = &["tooltip", "popover", "hovercard", "hover-card"];
    PARTS.iter().any(|p| token.contains(p))
        || (token.contains("rollover") && token.contains("block"))
        || matches!(
            token,
            "hidden"
                | "element-hidden"
                | "visually-hidden"
                | "visuallyhidden"
                | "sr-only"
                | "screen-reader-only"
                | "screen-reader-text"
                | "off-screen"
                | "offscreen"
                | "is-hidden"
                | "u-hidden"
                | "hide"
                | "d-none"
        )
}

fn is_furniture_token(token: &str) -> bool {
    const PARTS: &[&str] = &[
        "related",
        "recommend",
        "more-from",
        "morefrom",
        "more-stories",
        "read-more",
        "readmore",
        "also-like",
        "teaser",
        "promo",
        "rail",
        "newsletter",
        "subscribe",
        "signup",
        "sign-up",
        "share",
        "sharing",
        "social",
        "outbrain",
        "taboola",
        "sponsor",
        "advert",
        "byline",
        "author",
        "timestamp",
        "dateline",
        "breadcrumb",
        "comment",
        "disclaimer",
        "copyright",
        "popup",
        "modal",
        "cookie",
        "toolbar",
        "tags",
        "pagination",
    ];
    PARTS.iter().any(|p| token.contains(p))
        || token == "ad"
        || token == "ads"
        || token.starts_with("ad-")
        || token.starts_with("ad_")
        || token.starts_with("ads-")
        || token.ends_with("-ad")
        || token.ends_with("_ad")
        || token.ends_with("-ads")
        || token == "tag"
        || token == "meta"
        || token.ends_with("-meta")
        || token.ends_with("__meta")
}

/// How much [`tidy`] may drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tidy {
    /// A whole page through Readability: drop the furniture it left in.
    Page,
    /// Content an author chose, such as a feed item: drop only clutter.
    Fragment,
}

/// Turns walked blocks into the article's blocks: drops the page furniture
/// that Readability left in, the title, byline and dateline printed above
/// the body, and one-line clutter; marks credit lines and captions; keeps
/// each caption once.
fn tidy(walked: Walked, meta: &PageMeta, mode: Tidy) -> Vec<Block> {
    let Walked { blocks: raw, elements } = walked;
    let dropped = match mode {
        Tidy::Page => structural_drops(&raw, &elements),
        Tidy::Fragment => vec![false; raw.len()],
    };
    let title = meta.title.as_deref().map(squash).filter(|t| !t.is_empty());
    let byline = meta.byline.as_deref().map(squash).filter(|b| !b.is_empty());
    let mut captions = HashSet::new();
    let mut out: Vec<Block> = Vec::with_capacity(raw.len());
    for (block, drop) in raw.into_iter().zip(dropped) {
        if drop {
            continue;
        }
        let kind = match line_kind(&block, mode) {
            Some(kind) => kind,
            None => continue,
        };
        let key = squash(&block.text);
        if title.as_deref() == Some(key.as_str()) {
            continue;
        }
        // The byline printed in the body: "By Jane Doe", or "Jane Doe and
        // John Roe, Associated Press". A credit line that names the same
        // reporter ("Reporting by Jane Doe; Editing by John Roe") stays: it
        // is evidence of who supplied the story.
        if kind != BlockKind::Credit
            && byline.as_deref().is_some_and(|b| key.contains(b) && key.len() <= b.len() + 30)
            && block.words <= 15
        {
            continue;
        }
        if kind == BlockKind::Caption && !captions.insert(key) {
            continue;
        }
        out.push(Block::new(kind, block.text));
    }
    out
}

/// Which blocks belong to page furniture, judged from the structure around
/// them: furniture classes, story cards and lists of links.
fn structural_drops(raw: &[RawBlock], elements: &[ElementNote]) -> Vec<bool> {
    let total: usize = raw.iter().map(|b| b.words).sum();
    let mut element_words = vec![0usize; elements.len()];
    for block in raw {
        for &id in &block.ancestors {
            element_words[id as usize] += block.words;
        }
    }
    // A furniture class on an element holding most of the text is a false
    // alarm (some sites put "article-share" or "has-comments" on the
    // article itself), so only small elements count.
    let small = |id: u32| element_words[id as usize] * 10 < total * 3;

    // Story cards: a linked headline with a few lines of teaser around it,
    // in a container that holds little else.
    let mut cards = vec![false; elements.len()];
    for block in raw.iter().filter(|b| b.kind == BlockKind::Heading && b.linked()) {
        let card = block.ancestors.iter().rev().take_while(|&&id| element_words[id as usize] <= 80 && small(id)).last();
        if let Some(&id) = card {
            cards[id as usize] = true;
        }
    }

    let mut dropped: Vec<bool> = raw
        .iter()
        .map(|block| {
            block.ancestors.iter().any(|&id| (elements[id as usize].furniture && small(id)) || cards[id as usize])
                // Short blocks that are mostly link text point elsewhere.
                || (block.linked() && block.words < 40)
        })
        .collect();

    // Lists of links to other stories: three or more short list items in a
    // row, each partly a link, and the short label above them.
    let listy = |b: &RawBlock| b.in_list && b.words <= 30 && b.link_chars * 10 >= b.chars * 3;
    let mut i = 0;
    while i < raw.len() {
        let run = raw[i..].iter().take_while(|b| listy(b)).count();
        if run >= 3 {
            dropped[i..i + run].iter_mut().for_each(|d| *d = true);
            if i > 0 && raw[i - 1].words <= 6 && !raw[i - 1].text.ends_with(['.', ':', '!', '?']) {
                dropped[i - 1] = true;
            }
        }
        i += run.max(1);
    }
    dropped
}

/// The kind of a block judged from its text alone, or `None` for a line
/// that is not article text.
fn line_kind(block: &RawBlock, mode: Tidy) -> Option<BlockKind> {
    let (text, words) = (block.text.as_str(), block.words);
    if block.kind == BlockKind::Paragraph && is_credit_line(text) {
        return Some(BlockKind::Credit);
    }
    if is_clutter(text, words) {
        return None;
    }
    if mode == Tidy::Page && (is_dateline(text, words) || is_promo(text, words)) {
        return None;
    }
    match photo_credit(text, words) {
        PhotoCredit::Alone => None,
        PhotoCredit::Ends if block.kind == BlockKind::Paragraph => Some(BlockKind::Caption),
        _ => Some(block.kind),
    }
}

/// One-line page clutter: labels of buttons, ads and link boxes.
fn is_clutter(text: &str, words: usize) -> bool {
    static WHOLE: OnceLock<Regex> = OnceLock::new();
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    if words > 30 {
        return false;
    }
    let whole = WHOLE.get_or_init(|| {
        Regex::new(
            r"(?ix)^\W*(?:
                advertisement|advert|ad|sponsored|continue\ reading(?:\ below)?|read\ more|see\ more|show\ more
              | don'?t\ miss|related(?:\ (?:articles?|stories|content|coverage|posts?|news))?|you\ may\ also\ like
              | recommended(?:\ for\ you)?|more\ from\ [\w\ ]{1,40}|share(?:\ this)?(?:\ (?:article|story|page))?
              | comments?|\d+\ comments?|post\ (?:a\ )?comment|sign\ up|subscribe(?:\ now)?
              | this\ slideshow\ requires\ javascript|image\ \d+\ of\ /?\ ?\d+|(?:image\ |media\ )?caption|close
              | click\ here|tell\ us\ what\ you\ think|print|email|watch(?:\ now)?|listen|play|loading|skip(?:\ ad)?
              | next|previous|back\ to\ top|top\ stories|want\ more\ stories\ like\ this
            )\W*$",
        )
        .expect("clutter pattern is valid")
    });
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(
            r"(?i)^\W*(?:read\ more|see\ more|more|related|also\ read|read\ also|read|watch|listen|see|don'?t\ miss|click\ here|recommended)\s*(?::|>>|»)",
        )
        .expect("clutter prefix pattern is valid")
    });
    whole.is_match(text) || prefix.is_match(text)
}

/// Bylines and publication lines printed above or below the body: "By Jane
/// Doe", "Updated 22:15, 12-Dec-2021", a bare date.
fn is_dateline(text: &str, words: usize) -> bool {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    if words > 15 {
        return false;
    }
    let label = LABEL.get_or_init(|| {
        Regex::new(r"(?i)^\W*(?:(?:last\s+)?updated|(?:first\s+)?published|posted)\b.*\d")
            .expect("dateline pattern is valid")
    });
    // "By Monday, prices had fallen." is a sentence; bylines do not end
    // with a full stop.
    let byline = BYLINE.get_or_init(|| Regex::new(r"^\W*(?:By|BY|by)\s+\p{Lu}").expect("byline pattern is valid"));
    label.is_match(text)
        || (byline.is_match(text) && !text.ends_with('.'))
        || dates::parse_news_date(text.trim_end_matches(['|', ' '])).is_some()
}

/// Where a photo credit is in a line.
enum PhotoCredit {
    None,
    /// The whole line is a credit: "(Image: Getty)", "Photo: Jane Doe / AP".
    Alone,
    /// A caption that ends with its credit: "Protesters on Monday. (AP
    /// Photo/Jane Doe)".
    Ends,
}

fn photo_credit(text: &str, words: usize) -> PhotoCredit {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    static AGENCY: OnceLock<Regex> = OnceLock::new();
    let label = LABEL.get_or_init(|| {
        Regex::new(
            r"(?i)^\W*(?:(?:image|photo|picture|pic|photograph|video|illustration)s?(?:\s+credit)?\s*[:|]|credits?\s*:|©)",
        )
        .expect("photo credit pattern is valid")
    });
    let agency = AGENCY.get_or_init(|| {
        Regex::new(
            r"(?i)(?:\b(?:getty\s+images|ap\s+photo|afp\s+via\s+getty|shutterstock|istock(?:photo)?)\b|\breuters/|\((?:image|photo|picture)s?\s*:[^)]*\)\s*$)",
        )
        .expect("agency pattern is valid")
    });
    if words <= 15 && label.is_match(text) {
        return PhotoCredit::Alone;
    }
    if agency.is_match(text) {
        return if words <= 6 {
            PhotoCredit::Alone
        } else if words <= 80 {
            PhotoCredit::Ends
        } else {
            PhotoCredit::None
        };
    }
    PhotoCredit::None
}

/// Invitations to subscribe, follow or download, and contact lines, which
/// sites put after or inside the article.
fn is_promo(text: &str, words: usize) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    if words > 40 {
        return false;
    }
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?ix)\b(?:
                sign\s+up\s+(?:for|to)\b|subscribe\s+to\b|subscribe\s+now
              | get\s+the\s+latest\s+\w+\s+(?:in|to|right\s+in)\s+your\s+inbox|(?:daily|weekly|free)\s+newsletter
              | follow\s+(?:us|him|her|them|me)\s+on\s+(?:twitter|facebook|instagram)
              | download\s+(?:our|the)\s+(?:\w+\s+)?app|all\s+rights\s+reserved|may\s+be\s+reached\s+at
              | share\s+(?:it|this)\s+with\s+a\s+friend|affiliate\s+(?:commission|links?|partnerships?)
              | [\w.+-]+@[\w-]+\.[\w.]+
            )",
        )
        .expect("promo pattern is valid")
    });
    re.is_match(text)
}

/// Lines crediting the agencies or colleagues behind a story: "(With input
/// from Reuters)", "Additional reporting by Jane Doe; editing by John Roe",
/// "The Associated Press contributed to this report.", "Source: Xinhua",
/// "h/t: The Hill".
fn is_credit_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?ix)^[\(\[\-–—\s]*(?:
                with\s+(?:additional\s+)?(?:inputs?|reporting|contributions?)\s+(?:from|by)
              | (?:additional\s+)?reporting\s+by
              | (?:writing|editing|compiled|written|research)\s+by
              | additional\s+(?:reporting|writing|research)
              | inputs?\s+from
              | sources?\s*:
              | h/t\b|hat\s+tip\b
              | (?:the\s+)?(?:associated\s+press|reuters|afp|ap)\s+contributed
              | [^.]{0,80}\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)
            )",
        )
        .expect("credit pattern is valid")
    });
    text.split_whitespace().count() <= 60 && re.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::file("page.html")
    }

    /// Paragraphs of made-up news copy, long enough for Readability.
    fn body(paragraphs: usize) -> String {
        (1..=paragraphs)
            .map(|i| {
                format!(
                    "<p>The harbour council met on day {i} to discuss the new ferry timetable, and members \
                     said the changes would help commuters who cross the bay every morning. Residents who \
                     attended asked for later evening departures and cheaper monthly passes.</p>"
                )
            })
            .collect()
    }

    fn page(head: &str, article: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>\
             <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\
             <article>{article}</article><footer><p>Copyright Harbour Gazette</p></footer></body></html>"
        )
    }

    fn text_of(draft: &ArticleDraft) -> String {
        draft.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn reads_title_byline_date_site_and_url_from_metadata() {
        let head = r#"<title>Ferry timetable changes | Harbour Gazette</title>
            <meta property="og:site_name" content="Harbour Gazette">
            <meta property="og:title" content="Ferry timetable changes | Harbour Gazette">
            <link rel="canonical" href="https://gazette.example/ferry">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Gazette"},
              {"@type":"NewsArticle","headline":"Ferry timetable changes",
               "datePublished":"2021-12-12T22:15:00+00:00",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}]}
            </script>"#;
        let html = page(head, &format!("<h1>Ferry timetable changes</h1><p>By Jane Doe and John Roe</p>{}", body(5)));
        let draft = draft(html.as_bytes(), &origin()).unwrap();
        assert_eq!(draft.title.as_deref(), Some("Ferry timetable changes"));
        assert_eq!(draft.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(draft.outlet.as_deref(), Some("Harbour Gazette"));
        assert_eq!(draft.url.as_deref(), Some("https://gazette.example/ferry"));
        let date = draft.date.as_deref().unwrap();
        assert_eq!(dates::parse_news_date(date).unwrap().iso, "2021-12-12T22:15:00+00:00");
        assert_eq!(draft.format, Format::Html);
        // The headline and byline are metadata, not body text.
        let text = text_of(&draft);
        assert!(!text.contains("Ferry timetable changes"), "{text}");
        assert!(!text.contains("By Jane Doe"), "{text}");
        assert_eq!(draft.blocks.len(), 5);
        assert!(draft.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn falls_back_to_the_visible_dateline() {
        let html = page(
            "<title>Ferry news</title>",
            &format!("<p class=\"dateline\">Published December 12, 2021</p>{}", body(5)),
        );
        let draft = draft(html.as_bytes(), &origin()).unwrap();
        let date = draft.date.clone().expect("a date");
        assert_eq!(dates::parse_news_date(&date).unwrap().iso, "2021-12-12");
        assert!(!text_of(&draft).contains("Published"));

        let html = page("", &format!("<time datetime=\"2021-12-12T08:30:00Z\">Sunday morning</time>{}", body(5)));
        let date = super::draft(html.as_bytes(), &origin()).unwrap().date.expect("a date");
        assert_eq!(dates::parse_news_date(&date).unwrap().iso, "2021-12-12T08:30:00+00:00");
    }

    #[test]
    fn ignores_placeholder_dates() {
        let head = r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">
            <meta property="article:modified_time" content="2020-03-04T05:06:07Z">"#;
        let draft = draft(page(head, &body(5)).as_bytes(), &origin()).unwrap();
        assert_eq!(draft.date.as_deref(), Some("2020-03-04T05:06:07Z"));
    }

    #[test]
    fn keeps_credit_lines_as_credits() {
        let article = format!(
            "{}<p>(With input from Reuters)</p><p>Additional reporting by Jane Doe; editing by John Roe</p>\
             <p>The Associated Press contributed to this report.</p><p>Source: Xinhua</p><p>h/t: The Hill</p>",
            body(5)
        );
        let draft = draft(page("", &article).as_bytes(), &origin()).unwrap();
        let credits: Vec<&str> =
            draft.blocks.iter().filter(|b| b.kind == BlockKind::Credit).map(|b| b.text.as_str()).collect();
        assert_eq!(
            credits,
            [
                "(With input from Reuters)",
                "Additional reporting by Jane Doe; editing by John Roe",
                "The Associated Press contributed to this report.",
                "Source: Xinhua",
                "h/t: The Hill",
            ]
        );
        // A wire dateline opens the first paragraph; it is not a credit line
        // to split off, nor a date line to drop.
        let article = format!("<p>MOSCOW, January 21. /TASS/. The talks went on.</p>{}", body(5));
        let draft = super::draft(page("", &article).as_bytes(), &origin()).unwrap();
        assert_eq!(draft.blocks[0], Block::paragraph("MOSCOW, January 21. /TASS/. The talks went on."));
    }

    #[test]
    fn strips_scripts_styles_and_markup() {
        let article = format!(
            "<style>p {{ color: red }}</style><script>var secret = 'tracking code';</script>\
             <noscript>Please enable JavaScript</noscript><template><p>template text</p></template>\
             <iframe src=\"https://ads.example\">iframe text</iframe>\
             <p>Fish &amp; chips cost &pound;5 &mdash; a <b>bargain</b>,   said   the&nbsp;owner.</p>{}",
            body(4)
        );
        let draft = draft(page("", &article).as_bytes(), &origin()).unwrap();
        let text = text_of(&draft);
        for unwanted in ["secret", "color", "JavaScript", "template text", "iframe text", "<", ">", "&amp;"] {
            assert!(!text.contains(unwanted), "{unwanted:?} in {text}");
        }
        assert!(draft.blocks.iter().any(|b| b.text == "Fish & chips cost £5 — a bargain, said the owner."));
    }

    #[test]
    fn marks_headings_and_captions_and_drops_furniture() {
        let article = format!(
            "{}<h2>Evening departures</h2>\
             <figure><img src=\"a.jpg\"><figcaption>The ferry leaves the pier.<span class=\"credit\">Photo: Jane Doe</span></figcaption></figure>\
             <figure><img src=\"a.jpg\"><figcaption>The ferry leaves the pier.</figcaption></figure>\
             <p>Advertisement</p>{}\
             <div class=\"related-stories\"><h3>Related</h3><ul>\
               <li><a href=\"/1\">Bridge tolls to rise next year</a></li>\
               <li><a href=\"/2\">New pier opens in the north</a></li>\
               <li><a href=\"/3\">Council approves harbour budget</a></li></ul></div>",
            body(3),
            body(3)
        );
        let draft = draft(page("", &article).as_bytes(), &origin()).unwrap();
        let kinds: Vec<(BlockKind, &str)> =
            draft.blocks.iter().filter(|b| b.kind != BlockKind::Paragraph).map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            [(BlockKind::Heading, "Evening departures"), (BlockKind::Caption, "The ferry leaves the pier.")]
        );
        let text = text_of(&draft);
        for unwanted in ["Advertisement", "Bridge tolls", "Related", "Photo: Jane Doe", "Home", "Copyright"] {
            assert!(!text.contains(unwanted), "{unwanted:?} in {text}");
        }
        assert_eq!(draft.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(), 6);
    }

    #[test]
    fn extracts_from_broken_html() {
        let html = format!(
            "<html><head><title>Broken page</title><body><div><article><p>{}<p>Unclosed <b>bold <i>and italic\
             <div><span>stray</div></span></p></p></td>",
            "The harbour council met to discuss the new ferry timetable, and members said the changes \
             would help commuters who cross the bay every morning. "
                .repeat(8)
        );
        let draft = draft(html.as_bytes(), &origin()).unwrap();
        let text = text_of(&draft);
        assert!(text.contains("ferry timetable"), "{text}");
        assert!(!text.contains('<'));
        assert_eq!(draft.title.as_deref(), Some("Broken page"));
    }

    #[test]
    fn decodes_declared_charsets() {
        let mut latin1 =
            b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article>".to_vec();
        latin1.extend_from_slice(body(4).as_bytes());
        latin1.extend_from_slice(
            b"<p>Le caf\xe9 co\xfbte 2 \x80 d\xe9sormais, selon le g\xe9rant du port.</p></article></body></html>",
        );
        let draft = draft(&latin1, &origin()).unwrap();
        assert_eq!(draft.title.as_deref(), Some("Café"));
        assert!(text_of(&draft).contains("Le café coûte 2 € désormais"));

        let mut http_equiv =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>"
                .to_vec();
        http_equiv.extend_from_slice(body(4).as_bytes());
        http_equiv.extend_from_slice(b"<p>Se\xf1or Mu\xf1oz said the harbour was calm.</p></body></html>");
        assert!(text_of(&super::draft(&http_equiv, &origin()).unwrap()).contains("Señor Muñoz"));

        // A page re-encoded as UTF-8 that still declares its old charset.
        let resaved = page("<meta charset=\"iso-8859-1\">", &format!("<p>Señor Muñoz spoke.</p>{}", body(4)));
        assert!(text_of(&super::draft(resaved.as_bytes(), &origin()).unwrap()).contains("Señor Muñoz spoke."));

        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(page("", &format!("<p>Señor Muñoz spoke.</p>{}", body(4))).as_bytes());
        assert!(text_of(&super::draft(&bom, &origin()).unwrap()).contains("Señor Muñoz spoke."));
    }

    #[test]
    fn refuses_what_is_not_an_html_article() {
        let reason = |bytes: &[u8]| draft(bytes, &origin()).unwrap_err().reason;
        assert_eq!(reason(b""), "empty file");
        assert_eq!(reason(b" \n "), "empty file (only whitespace)");
        assert!(reason(b"GIF89a\x01\x00\x00\x00").starts_with("binary file, not text (NUL byte at offset"));
        // Undeclared bytes that are not UTF-8 are not guessed at.
        assert!(reason(b"<html><body><p>caf\xe9</p></body></html>").starts_with("invalid UTF-8 at byte 18"));
        assert_eq!(
            reason(b"<html><head><title>Nothing</title></head><body></body></html>"),
            "no article text found in the HTML"
        );
        assert_eq!(reason(b"<script>var a = 1;</script><style>p {}</style>"), "no article text found in the HTML");
        let failure = draft(b"", &origin()).unwrap_err();
        assert_eq!(failure.origin, origin());
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = format!("{}<p>deep text</p>{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let reason = draft(deep.as_bytes(), &origin()).unwrap_err().reason;
        assert!(reason.starts_with("HTML nested too deeply (100000 levels"), "{reason}");
        // A fragment that deep keeps its text, flattened.
        assert_eq!(fragment_blocks(&deep), [Block::paragraph("deep text")]);
        // Unclosed, the same.
        let unclosed = "<div><span>".repeat(50_000);
        assert!(draft(unclosed.as_bytes(), &origin()).unwrap_err().reason.starts_with("HTML nested too deeply"));
    }

    #[test]
    fn reads_pages_nested_up_to_the_limit() {
        let levels = MAX_DEPTH - 10;
        let html = format!(
            "<html><body>{}<article>{}</article>{}</body></html>",
            "<div class=\"wrap\">".repeat(levels),
            body(5),
            "</div>".repeat(levels)
        );
        assert_eq!(nesting_depth(&html), levels + 1);
        // A thread with the default 2 MiB stack, as the importer's workers have.
        let result = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || draft(html.as_bytes(), &origin()).map(|d| d.blocks.len()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(result, Ok(5));
    }

    #[test]
    fn counts_nesting_from_tags() {
        assert_eq!(nesting_depth("<p>one<p>two<br><img src=x><li>three"), 0);
        assert_eq!(nesting_depth("<div><section><b>x</b></section></div>"), 3);
        assert_eq!(nesting_depth("<script>if (a < b) { '<div><div><div>' }</script><div></div>"), 1);
        assert_eq!(nesting_depth("<!-- <div><div> --><div/>"), 0);
        assert_eq!(nesting_depth("a < b and <3 <div>x</DIV>"), 1);
        assert_eq!(
            flatten("<div><b>Bold</b>er <!-- no --><p>next</div><script>x()</script>"),
            "<br>Bolder <br>next<br>"
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let inputs: [&[u8]; 10] = [
            b"<",
            b"<<<>>>",
            b"</p></div></body></html>",
            b"<a href=\"",
            b"<html><body><table><tr><td><p>cell",
            b"<svg><foreignObject><p>inside svg</p></foreignObject></svg>",
            b"<math><mi><p>x</math>",
            b"<script type=\"application/ld+json\">{not json</script><p>text</p>",
            b"<meta charset=\"no-such-charset\"><p>text</p>",
            b"\xef\xbb\xbf",
        ];
        for input in inputs {
            let _ = draft(input, &origin());
            let _ = fragment_blocks(&String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn converts_fragments_into_blocks() {
        let blocks = fragment_blocks(
            "<h2>Timetable</h2><p>Ferries leave at <a href=\"/t\">seven</a>.<br>And at nine.</p>\
             <ul><li>Monday</li><li>Tuesday</li></ul><p>Advertisement</p>\
             <figure><figcaption>The pier at dawn</figcaption></figure>\
             <p>(With input from Reuters)</p><script>alert(1)</script>",
        );
        let got: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Timetable"),
                (BlockKind::Paragraph, "Ferries leave at seven."),
                (BlockKind::Paragraph, "And at nine."),
                (BlockKind::Paragraph, "Monday"),
                (BlockKind::Paragraph, "Tuesday"),
                (BlockKind::Caption, "The pier at dawn"),
                (BlockKind::Credit, "(With input from Reuters)"),
            ]
        );
        assert!(fragment_blocks("").is_empty());
        assert_eq!(fragment_blocks("plain &amp; simple")[0].text, "plain & simple");
    }

    #[test]
    fn cleans_titles_bylines_and_dates() {
        assert_eq!(strip_site_suffix("Ferry news | Harbour Gazette", Some("Harbour Gazette"), None), "Ferry news");
        assert_eq!(strip_site_suffix("Ferry news - TheHill", Some("The Hill"), None), "Ferry news");
        assert_eq!(
            strip_site_suffix("Ferry news - gazette", None, Some("https://www.gazette.example/x")),
            "Ferry news"
        );
        assert_eq!(strip_site_suffix("Left - right", Some("Gazette"), None), "Left - right");
        assert_eq!(clean_byline("By JANE DOE, Associated Press").as_deref(), Some("JANE DOE, Associated Press"));
        assert_eq!(clean_byline("By Jane DoeNovember 15, 2019").as_deref(), Some("Jane Doe"));
        assert_eq!(clean_byline("Posted by admin").as_deref(), Some("admin"));
        assert_eq!(clean_byline("Name (required)"), None);
        let printed = "Published: Monday, November 18th, 2019 at 11:08 a.m.";
        assert_eq!(usable_date(printed).as_deref(), Some(printed));
        assert_eq!(dates::parse_news_date(printed).unwrap().iso, "2019-11-18T11:08");
        assert_eq!(usable_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(usable_date("sometime soon"), None);
        assert_eq!(clean_meta("&#8216;Quoted&#8217; &amp; more"), "‘Quoted’ & more");
    }
}
