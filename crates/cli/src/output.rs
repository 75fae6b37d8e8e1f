//! Printing tables, JSON and articles for the terminal.

use serde::Serialize;
use sourcetrace_api::ArticleRecord;

/// A table cell and its alignment.
pub enum Cell {
    Left(String),
    Right(String),
}

impl Cell {
    fn text(&self) -> &str {
        match self {
            Cell::Left(s) | Cell::Right(s) => s,
        }
    }
}

/// Prints rows under a header, columns padded to their widest cell. The
/// last column is never padded, so long titles do not leave trailing blanks.
pub fn print_table(header: &[&str], rows: impl Iterator<Item = Vec<Cell>>) {
    let rows: Vec<Vec<Cell>> = rows.collect();
    if rows.is_empty() {
        println!("(nothing to show)");
        return;
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.text().chars().count());
        }
    }
    let last = header.len() - 1;
    let line = |cells: Vec<Cell>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.text().chars().count());
            match cell {
                Cell::Right(s) => out.push_str(&format!("{}{s}", " ".repeat(pad))),
                Cell::Left(s) if i == last => out.push_str(s),
                Cell::Left(s) => out.push_str(&format!("{s}{}", " ".repeat(pad))),
            }
            if i < last {
                out.push_str("  ");
            }
        }
        println!("{}", out.trim_end());
    };
    line(header.iter().map(|h| Cell::Left(h.to_string())).collect());
    for row in rows {
        line(row);
    }
}

/// Prints values as one JSON array, or as JSON lines.
pub fn print_json<T: Serialize>(values: &[T], lines: bool) {
    if lines {
        for v in values {
            println!("{}", serde_json::to_string(v).unwrap_or_default());
        }
    } else {
        println!("{}", serde_json::to_string_pretty(values).unwrap_or_default());
    }
}

/// Prints an article for reading: metadata, then the text with captions
/// and credits labelled.
pub fn print_article(a: &ArticleRecord) {
    println!("#{}  {}", a.id, a.title.as_deref().unwrap_or("(untitled)"));
    let outlet = match (&a.outlet, &a.outlet_country, &a.outlet_state_affiliation) {
        (Some(name), Some(country), Some(state)) if state == "state" => format!("{name} ({country}, state media)"),
        (Some(name), Some(country), _) => format!("{name} ({country})"),
        (Some(name), None, _) => name.clone(),
        (None, ..) => "-".into(),
    };
    println!("Outlet:    {outlet}");
    println!("Published: {}", a.published.as_deref().unwrap_or("-"));
    if let Some(byline) = &a.byline {
        println!("Byline:    {byline}");
    }
    if let Some(url) = &a.url {
        println!("URL:       {url}");
    }
    println!("Words:     {}  Language: {}", a.word_count, a.language.as_deref().unwrap_or("-"));
    let entry = a.source_entry.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
    println!("Source:    {}{entry}, {} import #{}", a.source_path, a.format, a.import_run_id.unwrap_or(0));
    if !a.collections.is_empty() {
        println!("In:        {}", a.collections.join(", "));
    }
    for d in &a.near_duplicates {
        println!(
            "Near-duplicate: #{} {} ({:.0}% similar) {}",
            d.id,
            d.outlet.as_deref().unwrap_or("-"),
            d.similarity * 100.0,
            d.title.as_deref().unwrap_or("")
        );
    }
    println!();
    let chars: Vec<char> = a.text.chars().collect();
    if let Some(segments) = a.segments.as_array() {
        for s in segments {
            let (Some(start), Some(end)) = (s["start"].as_u64(), s["end"].as_u64()) else { continue };
            let text: String = chars.get(start as usize..end as usize).map(|c| c.iter().collect()).unwrap_or_default();
            match s["kind"].as_str() {
                Some("caption") => println!("[caption] {text}\n"),
                Some("credit") => println!("[credit] {text}\n"),
                Some("heading") => println!("## {text}\n"),
                _ => println!("{text}\n"),
            }
        }
    }
}
