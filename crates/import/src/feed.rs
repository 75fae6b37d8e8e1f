//! RSS, Atom and JSON Feed: one article per item.
//!
//! A feed's item carries either the full article (`content:encoded`, Atom
//! `content`) or only a summary; the fullest text available is used, and
//! the feed's own title names the outlet unless the item's link says more.

use crate::{html, ArticleDraft, Failure, Format, Origin};

/// Parses a feed into one draft per item.
pub fn drafts(bytes: &[u8], origin: &Origin) -> Vec<Result<ArticleDraft, Failure>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(Failure::new(origin.clone(), "empty file"))];
    }
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(Failure::new(origin.clone(), format!("not a readable RSS, Atom or JSON feed: {e}")))]
        }
    };
    if feed.entries.is_empty() {
        return vec![Err(Failure::new(origin.clone(), "the feed has no items"))];
    }
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let origin = origin.at(format_args!("item {}", i + 1));
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
            let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
                return Err(Failure::new(origin, "the item has no text"));
            };
            let mut draft = ArticleDraft::new(origin, Format::Feed);
            draft.blocks = html::fragment_blocks(&body);
            // Plain-text summaries have no markup to parse; anything with a
            // tag in it must go through the HTML parser or not at all, so
            // that raw markup never becomes article text.
            if draft.blocks.is_empty() && !body.contains('<') {
                draft = draft.with_body(&body);
            }
            if draft.blocks.is_empty() {
                return Err(Failure::new(draft.origin, "the item has no readable text"));
            }
            draft.title = entry.title.map(|t| t.content);
            draft.url = entry.links.first().map(|l| l.href.clone());
            draft.date = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
            let authors: Vec<String> =
                entry.authors.into_iter().filter_map(|a| a.name).filter(|n| !n.trim().is_empty()).collect();
            draft.byline = (!authors.is_empty()).then(|| authors.join(", "));
            draft.outlet = outlet.clone();
            Ok(draft)
        })
        .collect()
}
