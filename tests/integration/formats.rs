//! Every input format, folders and zip archives, through the real import.

use crate::support::{failures, TempLibrary};
use sourcetrace_api::ArticleFilter;
use std::io::Write;
use zip::write::SimpleFileOptions;

const PARAGRAPH: &str = "The foreign minister said on Monday that the talks in Geneva had been constructive and that both delegations had agreed to meet again within a month to continue the discussion.";

fn titles(lib: &TempLibrary) -> Vec<String> {
    let mut t: Vec<String> =
        lib.app.list(&ArticleFilter::default()).unwrap().into_iter().map(|a| a.title.unwrap_or_default()).collect();
    t.sort();
    t
}

#[test]
fn html_page_keeps_text_and_drops_scripts() {
    let mut lib = TempLibrary::new();
    let html = format!(
        r#"<!doctype html><html><head><title>Talks resume in Geneva | Reuters</title>
        <meta property="og:site_name" content="Reuters"><meta property="article:published_time" content="2021-12-13T08:30:00Z">
        <style>.x {{ color: red }}</style><script>window.evil = 1;</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Talks resume in Geneva</h1><p class="byline">By Jane Doe</p>
        <p>GENEVA, Dec 13 (Reuters) - {PARAGRAPH}</p><p>{PARAGRAPH}</p><p>Reporting by Jane Doe; Editing by John Roe</p></article>
        <footer>© Reuters 2021</footer></body></html>"#
    );
    let path = lib.write("page.html", html);
    let (summary, events) = lib.import(&[path]);
    assert_eq!(summary.imported, 1, "{:?}", failures(&events));
    let a = lib.app.show(lib.app.list(&Default::default()).unwrap()[0].id).unwrap();
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    assert!(a.title.as_deref().unwrap().starts_with("Talks resume in Geneva"));
    assert!(a.published.as_deref().unwrap().starts_with("2021-12-13"));
    assert!(a.text.contains("(Reuters) - The foreign minister"));
    assert!(a.text.ends_with("Reporting by Jane Doe; Editing by John Roe"), "the credit footer is kept: {}", a.text);
    for markup in ["<", "window.evil", "color: red"] {
        assert!(!a.text.contains(markup), "{markup} leaked into the text");
    }
}

#[test]
fn feeds_give_one_article_per_item() {
    let mut lib = TempLibrary::new();
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>BBC News - World</title><link>https://www.bbc.co.uk/news/world</link>
        <item><title>First item</title><link>https://www.bbc.co.uk/news/world-1</link><pubDate>Mon, 13 Dec 2021 10:00:00 GMT</pubDate>
        <content:encoded><![CDATA[<p>{PARAGRAPH}</p><p>Second paragraph of the first item.</p>]]></content:encoded></item>
        <item><title>Second item</title><link>https://www.bbc.co.uk/news/world-2</link><description>Only a summary of the second item, but still text.</description></item>
        </channel></rss>"#
    );
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:x</id><updated>2021-12-13T00:00:00Z</updated>
        <entry><title>Atom entry</title><id>urn:x:1</id><updated>2021-12-12T09:00:00+03:00</updated><link href="https://tass.com/world/1"/>
        <author><name>TASS staff</name></author><content type="html">&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</content></entry></feed>"#
    );
    let paths = [lib.write("world.rss", rss), lib.write("feed.xml", atom)];
    let (summary, events) = lib.import(&paths);
    assert_eq!((summary.imported, summary.failed), (3, 0), "{:?}", failures(&events));
    let list = lib.app.list(&Default::default()).unwrap();
    let first = list.iter().find(|a| a.title.as_deref() == Some("First item")).unwrap();
    assert_eq!(first.outlet.as_deref(), Some("BBC"), "the feed title resolves through the item's domain");
    assert_eq!(first.published.as_deref(), Some("2021-12-13T10:00:00+00:00"));
    let atom = list.iter().find(|a| a.title.as_deref() == Some("Atom entry")).unwrap();
    assert_eq!(atom.outlet.as_deref(), Some("TASS"));
    // Feeds give instants; the feed parser reports them in UTC.
    assert_eq!(atom.published.as_deref(), Some("2021-12-12T06:00:00+00:00"));
}

#[test]
fn csv_json_and_jsonl_follow_the_field_mapping() {
    let mut lib = TempLibrary::new();
    let csv = format!("headline,body,source,published_at,link,author\nCSV one,\"{PARAGRAPH}\",AP,2021-12-01,https://apnews.com/1,Ann\nCSV two,\"Second, with a comma. {PARAGRAPH}\",Associated Press,\"Dec. 2, 2021\",,\n");
    let json = format!(r#"[{{"title": "JSON one", "text": "{PARAGRAPH}", "outlet": "Xinhua", "date": "2021-12-03"}}]"#);
    let jsonl = format!(
        "{{\"title\": \"JSONL one\", \"content\": \"{PARAGRAPH}\", \"publisher\": \"RT\"}}\n{{\"title\": \"JSONL two\", \"article\": \"Other text. {PARAGRAPH}\", \"url\": \"https://www.rt.com/news/2\"}}\n"
    );
    let paths = [lib.write("a.csv", csv), lib.write("b.json", json), lib.write("c.jsonl", jsonl)];
    let (summary, events) = lib.import(&paths);
    assert_eq!((summary.imported, summary.failed), (5, 0), "{:?}", failures(&events));
    assert_eq!(titles(&lib), ["CSV one", "CSV two", "JSON one", "JSONL one", "JSONL two"]);
    let ap = lib.app.list(&ArticleFilter::outlet("AP")).unwrap();
    assert_eq!(ap.len(), 2, "AP and Associated Press are one outlet");
    let rt = lib.app.list(&ArticleFilter::outlet("Russia Today")).unwrap();
    assert_eq!(rt.len(), 2, "an alias filters, and a URL resolves the outlet");
}

#[test]
fn folders_recurse_and_zip_archives_are_read() {
    let mut lib = TempLibrary::new();
    lib.write("folder/a.txt", format!("Story A headline\n\n{PARAGRAPH} A."));
    lib.write("folder/nested/deeper/b.txt", format!("Story B headline\n\n{PARAGRAPH} B."));
    lib.write("folder/.hidden/c.txt", format!("Hidden story\n\n{PARAGRAPH} C."));
    lib.write("folder/photo.jpg", [0xFFu8, 0xD8, 0xFF, 0xE0]);
    let zip_path = lib.dir.path().join("input/archive.zip");
    write_zip(
        &zip_path,
        &[
            ("inside/d.txt", format!("Story D headline\n\n{PARAGRAPH} D.")),
            ("../escape.txt", format!("Story E headline\n\n{PARAGRAPH} E.")),
            ("records.jsonl", format!("{{\"title\": \"Story F headline\", \"text\": \"{PARAGRAPH} F.\"}}\n")),
        ],
    );
    let (summary, events) = lib.import(&[lib.dir.path().join("input/folder"), zip_path]);
    assert_eq!((summary.imported, summary.failed, summary.skipped), (5, 0, 1), "{:?}", failures(&events));
    assert_eq!(
        titles(&lib),
        ["Story A headline", "Story B headline", "Story D headline", "Story E headline", "Story F headline"]
    );
    // A member named "../escape.txt" is only a label: nothing is written.
    assert!(!lib.dir.path().join("escape.txt").exists());
}

/// Writes a zip archive with the given members.
pub fn write_zip(path: &std::path::Path, members: &[(&str, String)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data) in members {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}
