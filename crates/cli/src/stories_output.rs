//! Printing stories for the terminal.

use crate::output::{print_table, Cell};
use sourcetrace_api::{GroupSummary, Story};

/// One row per story: its id, size, outlets, dates and label.
pub fn print_stories(stories: &[Story]) {
    print_table(
        &["STORY", "ARTICLES", "OUTLETS", "DATES", "LABEL"],
        stories.iter().map(|s| {
            vec![
                Cell::Right(format!("#{}", s.id)),
                Cell::Right(s.articles.len().to_string()),
                Cell::Right(outlets(s).to_string()),
                Cell::Left(dates(s)),
                Cell::Left(s.label.clone()),
            ]
        }),
    );
}

/// A story's label, then its articles.
pub fn print_story(story: &Story) {
    println!("Story #{}: {}", story.id, story.label);
    print_table(
        &["ARTICLE", "DATE", "OUTLET", "SIMILARITY", "TITLE"],
        story.articles.iter().map(|a| {
            let similarity = match (a.pinned, a.similarity) {
                (true, _) => "pinned".to_string(),
                (false, Some(s)) => format!("{s:.2}"),
                (false, None) => "first".to_string(),
            };
            vec![
                Cell::Right(format!("#{}", a.id)),
                Cell::Left(a.published.as_deref().map(|p| p.chars().take(10).collect()).unwrap_or_else(|| "-".into())),
                Cell::Left(a.outlet.clone().unwrap_or_else(|| "-".into())),
                Cell::Right(similarity),
                Cell::Left(a.title.clone().unwrap_or_else(|| "(untitled)".into())),
            ]
        }),
    );
}

/// A sentence saying what a grouping run did.
pub fn describe_grouping(s: &GroupSummary) -> String {
    let window = match s.window_days {
        Some(days) => format!("within {days} day{}", if days == 1 { "" } else { "s" }),
        None => "any dates".to_string(),
    };
    format!(
        "{} {} article{}: {} joined a story, {} started a new one; {} stories in the library, {} pinned article{} kept \
         (threshold {:.2}, {window}, {:.1} s).",
        if s.regroup { "Regrouped" } else { "Grouped" },
        s.placed,
        if s.placed == 1 { "" } else { "s" },
        s.joined,
        s.new_stories,
        s.stories,
        s.pinned,
        if s.pinned == 1 { "" } else { "s" },
        s.threshold,
        s.elapsed_ms as f64 / 1000.0
    )
}

fn outlets(story: &Story) -> usize {
    let mut names: Vec<&str> = story.articles.iter().filter_map(|a| a.outlet.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

fn dates(story: &Story) -> String {
    let days: Vec<String> =
        story.articles.iter().filter_map(|a| a.published.as_deref()).map(|p| p.chars().take(10).collect()).collect();
    match (days.iter().min(), days.iter().max()) {
        (Some(first), Some(last)) if first == last => first.clone(),
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => "-".into(),
    }
}
