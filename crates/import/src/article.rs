//! Article drafts as parsed, and articles ready for the library.

use crate::{Format, Origin};
use serde::Serialize;
use sourcetrace_core::outlets::Gazetteer;
use sourcetrace_core::sketch::Sketch;
use sourcetrace_core::{dates, language, text};

/// What a block of an article's body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    /// A subheading inside the body.
    Heading,
    /// A photo or video caption, kept once even when the page repeated it.
    Caption,
    /// A credit line such as "(With input from Reuters)", kept as printed.
    Credit,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
        }
    }
}

/// One block of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block { kind, text: text.into() }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }
}

/// An article as a parser found it, before normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleDraft {
    pub origin: Origin,
    pub format: Format,
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    pub byline: Option<String>,
    /// The outlet's name as the input gave it.
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The publication date as printed; parsed in [`ArticleDraft::finish`].
    pub date: Option<String>,
}

impl ArticleDraft {
    pub fn new(origin: Origin, format: Format) -> ArticleDraft {
        ArticleDraft {
            origin,
            format,
            title: None,
            blocks: Vec::new(),
            byline: None,
            outlet: None,
            url: None,
            date: None,
        }
    }

    /// Splits a plain body into paragraph blocks at blank lines, or at every
    /// line break when the text has no blank lines.
    pub fn with_body(mut self, body: &str) -> ArticleDraft {
        let body = text::normalize(body);
        let separator = if body.contains("\n\n") { "\n\n" } else { "\n" };
        self.blocks = body
            .split(separator)
            .map(text::collapse_whitespace)
            .filter(|p| !p.is_empty())
            .map(Block::paragraph)
            .collect();
        self
    }

    /// Normalizes the draft into an [`Article`]: NFC text with blocks joined
    /// by blank lines, the outlet resolved through the gazetteer (or the
    /// URL's domain), the date parsed, and the derived fields computed.
    pub fn finish(self, gazetteer: &Gazetteer) -> Article {
        let clean = |s: Option<String>| s.map(|s| text::one_line(&s)).filter(|s| !s.is_empty());
        let title = clean(self.title);
        let byline = clean(self.byline);
        let url = clean(self.url);
        // A known name wins; otherwise the URL's domain, which turns a feed
        // title such as "Reuters: World News" into "Reuters"; otherwise the
        // name as given.
        let by_url = || url.as_deref().and_then(|u| gazetteer.by_url(u)).map(|o| o.name.clone());
        let outlet = match clean(self.outlet) {
            Some(name) => gazetteer.by_name(&name).map(|o| o.name.clone()).or_else(by_url).or(Some(name)),
            None => by_url(),
        };
        let published = self.date.as_deref().and_then(dates::parse_news_date).map(|d| d.iso);

        let mut body = String::new();
        let mut segments = Vec::with_capacity(self.blocks.len());
        let mut chars = 0usize;
        for block in self.blocks {
            let block_text = text::one_line(&block.text);
            if block_text.is_empty() {
                continue;
            }
            if !body.is_empty() {
                body.push_str("\n\n");
                chars += 2;
            }
            let len = block_text.chars().count();
            segments.push(Segment { kind: block.kind, start: chars, end: chars + len });
            body.push_str(&block_text);
            chars += len;
        }
        let language = language::detect(&body).map(str::to_string);
        let word_count = text::word_count(&body);
        let content_hash = text::content_hash(outlet.as_deref(), title.as_deref(), &body);
        let sketch = Sketch::of(&body);
        Article {
            origin: self.origin,
            format: self.format,
            title,
            text: body,
            segments,
            byline,
            outlet,
            url,
            published,
            language,
            word_count,
            content_hash,
            sketch,
        }
    }
}

/// A span of the body with its block kind, in Unicode code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// An article ready to be stored.
#[derive(Debug, Clone)]
pub struct Article {
    pub origin: Origin,
    pub format: Format,
    pub title: Option<String>,
    /// The body: NFC-normalized blocks separated by blank lines.
    pub text: String,
    pub segments: Vec<Segment>,
    pub byline: Option<String>,
    /// The canonical outlet name where the gazetteer knows it.
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// ISO 8601, as printed (see [`sourcetrace_core::dates::NewsDate`]).
    pub published: Option<String>,
    /// ISO 639-3.
    pub language: Option<String>,
    pub word_count: usize,
    pub content_hash: String,
    pub sketch: Option<Sketch>,
}
