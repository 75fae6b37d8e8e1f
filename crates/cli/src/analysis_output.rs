//! Printing stored analyses for the terminal: an article's scores, its
//! attributions, the library's sources and the user's lexicon rows.

use crate::output::{print_table, Cell};
use sourcetrace_api::analysis::Credit;
use sourcetrace_api::analysis::{Attribution, Scores, TextAnalysis};
use sourcetrace_api::{
    ArticleAnalysis, ArticleReuse, AttributionRecord, Correction, CreditTallies, LexiconAddition, SourceRecord,
};

/// The scores of an article, for `show`: counts by type, shares, the
/// deepest chain and transparency, or why there are none.
pub fn print_scores(a: &ArticleAnalysis) {
    let Some(record) = &a.analysis else {
        println!("Analysis:  not analysed yet (run `sourcetrace analyze`)");
        return;
    };
    let s = &record.scores;
    let state = if a.current { "" } else { "; out of date, run `sourcetrace analyze` to redo it" };
    println!(
        "Analysis:  {} attribution{} (analysis version {}, {}{state}); list them with `sourcetrace attributions {}`",
        s.attributions,
        if s.attributions == 1 { "" } else { "s" },
        record.version,
        record.analyzed_at,
        a.article_id
    );
    print_score_block(s);
}

/// Counts by type, shares, the deepest chain and transparency: the same
/// block for a stored article and for a file analysed on the spot.
pub fn print_score_block(s: &Scores) {
    if s.attributions == 0 {
        return;
    }
    let mut by_type: Vec<(&String, usize)> = s.by_type.iter().map(|(k, v)| (k, v.len())).collect();
    by_type.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let by_type: Vec<String> = by_type.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("  By type:          {}", by_type.join(", "));
    for (label, share) in [
        ("State media:", &s.state_media_share),
        ("Anonymous:", &s.anonymous_share),
        ("Second-hand:", &s.second_hand_share),
        ("Direct quotes:", &s.direct_quote_share),
    ] {
        println!("  {label:<17} {:>3.0}% ({} of {})", share.value * 100.0, share.numerator, share.denominator);
    }
    println!("  Deepest chain:    {} hop{}", s.deepest_chain.depth, if s.deepest_chain.depth == 1 { "" } else { "s" });
    println!("  Distinct sources: {}", s.distinct_sources.len());
    match s.transparency.score {
        Some(score) => println!("  Transparency:     {score:.0}/100"),
        None => println!("  Transparency:     -"),
    }
}

/// One line per attribution: its kind, cue, source and chain, and the
/// start of its content. A value a person set is starred, with a note
/// under the table.
pub fn print_attributions<'a>(rows: impl Iterator<Item = (usize, &'a Attribution)>) {
    let mut corrected = false;
    let rows: Vec<Vec<Cell>> = rows
        .map(|(ordinal, a)| {
            corrected |= a.corrected.is_some();
            let mut row = vec![Cell::Right(format!("#{ordinal}"))];
            row.extend(attribution_cells(a));
            row
        })
        .collect();
    print_table(&["#", "KIND", "CUE", "SOURCE", "TYPE", "COUNTRY", "CANONICAL", "VIA", "CONTENT"], rows.into_iter());
    if corrected {
        println!("* set by a person (see `sourcetrace corrections`)");
    }
}

/// A stored article's attributions, with the row id that `sourcetrace
/// correct` takes.
pub fn print_stored_attributions(rows: &[AttributionRecord]) {
    let corrected = rows.iter().any(|r| r.attribution.corrected.is_some());
    print_table(
        &["#", "ID", "KIND", "CUE", "SOURCE", "TYPE", "COUNTRY", "CANONICAL", "VIA", "CONTENT"],
        rows.iter().map(|r| {
            let mut row = vec![Cell::Right(format!("#{}", r.ordinal)), Cell::Right(r.id.to_string())];
            row.extend(attribution_cells(&r.attribution));
            row
        }),
    );
    if corrected {
        println!("* set by a person (see `sourcetrace corrections`); correct one with `sourcetrace correct ID`");
    }
}

/// The cells after the ordinal (and id): kind, cue, source, type, country,
/// canonical name, chain parent and content.
fn attribution_cells(a: &Attribution) -> Vec<Cell> {
    let source = a.source.as_ref();
    let content: Vec<&str> = a.content.iter().map(|c| c.text.as_str()).collect();
    let human = |field: &str| -> &str {
        let changed = a.corrected.as_ref().is_some_and(|c| c.changes.iter().any(|ch| ch.field == field));
        if changed {
            "*"
        } else {
            ""
        }
    };
    vec![
        Cell::Left(a.kind.as_str().to_string()),
        Cell::Left(preview(&a.cue.text, 24)),
        Cell::Left(source.map(|s| preview(&s.text, 32)).unwrap_or_else(|| "-".into())),
        Cell::Left(source.map_or("-".into(), |s| format!("{}{}", s.kind.as_str(), human("source_type")))),
        Cell::Left(
            source
                .and_then(|s| s.country.clone())
                .map(|c| format!("{c}{}", human("country")))
                .unwrap_or_else(|| "-".into()),
        ),
        Cell::Left(
            source
                .map(|s| format!("{}{}", preview(&s.canonical, 32), human("canonical")))
                .unwrap_or_else(|| "-".into()),
        ),
        Cell::Right(a.via.map(|v| format!("#{v}")).unwrap_or_else(|| "-".into())),
        Cell::Left(preview(&content.join(" … "), 70)),
    ]
}

/// The corrections made so far, with what each set and whether it applies.
pub fn print_corrections(rows: &[Correction]) {
    if rows.is_empty() {
        println!("No corrections yet: make one with `sourcetrace correct ATTRIBUTION_ID --type TYPE`.");
        return;
    }
    print_table(
        &["ID", "ARTICLE", "CUE", "AT", "SOURCE", "CHANGE", "MADE", "STATUS"],
        rows.iter().map(|c| {
            vec![
                Cell::Right(format!("#{}", c.id)),
                Cell::Right(format!("#{}", c.article_id)),
                Cell::Left(preview(&c.cue_text, 24)),
                Cell::Right(format!("{}-{}", c.cue_start, c.cue_end)),
                Cell::Left(c.source_text.as_deref().map(|s| preview(s, 32)).unwrap_or_else(|| "-".into())),
                Cell::Left(describe_correction(c)),
                Cell::Left(c.made_at.clone()),
                Cell::Left(if c.orphaned { "orphaned: no attribution at this cue now" } else { "applied" }.into()),
            ]
        }),
    );
}

/// What a correction set, with the engine's value it replaced:
/// "type media → state_media; name Peskov → Dmitry Peskov", or "deleted".
pub fn describe_correction(c: &Correction) -> String {
    if c.delete {
        return "deleted as false".into();
    }
    let mut parts = Vec::new();
    for (label, machine, human) in [
        ("type", &c.machine_type, &c.source_type),
        ("name", &c.machine_canonical, &c.canonical),
        ("country", &c.machine_country, &c.country),
    ] {
        if let Some(human) = human {
            parts.push(format!("{label} {} → {human}", machine.as_deref().unwrap_or("-")));
        }
    }
    parts.join("; ")
}

/// The library's sources, most cited first.
pub fn print_sources(rows: &[SourceRecord]) {
    print_table(
        &["ATTRIBUTIONS", "ARTICLES", "TYPE", "COUNTRY", "SOURCE"],
        rows.iter().map(|s| {
            vec![
                Cell::Right(s.attributions.to_string()),
                Cell::Right(s.articles.to_string()),
                Cell::Left(s.source_type.clone()),
                Cell::Left(s.country.clone().unwrap_or_else(|| "-".into())),
                Cell::Left(s.canonical.clone()),
            ]
        }),
    );
}

/// The user's lexicon rows, each column named.
pub fn print_lexicon(rows: &[LexiconAddition]) {
    print_table(
        &["ID", "KIND", "ADDED", "ROW"],
        rows.iter().map(|a| {
            vec![
                Cell::Right(format!("#{}", a.id)),
                Cell::Left(a.kind.clone()),
                Cell::Left(a.added_at.clone()),
                Cell::Left(describe_row(&a.kind, &a.row)),
            ]
        }),
    );
}

/// A lexicon row as `column=value` pairs, leaving out empty columns.
pub fn describe_row(kind: &str, row: &str) -> String {
    let header = sourcetrace_api::AdditionKind::parse(kind).map(|k| k.header()).unwrap_or("");
    let names: Vec<&str> = header.split('\t').collect();
    row.split('\t')
        .enumerate()
        .filter(|(_, v)| !v.is_empty())
        .map(|(i, v)| match names.get(i) {
            Some(name) if !name.is_empty() => format!("{name}={v}"),
            _ => v.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `max` characters of a text on one line.
fn preview(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        format!("{}…", line.chars().take(max - 1).collect::<String>())
    }
}

/// A file or JSON line analysed on the spot, for `analyze FILE...`.
pub fn print_text_analysis(result: &TextAnalysis) {
    let name = result.path.clone().or_else(|| result.id.as_ref().map(|i| i.to_string())).unwrap_or_default();
    println!("{name}");
    if let Some(e) = &result.error {
        println!("  error: {e}");
        return;
    }
    let a = &result.analysis;
    if a.attributions.is_empty() {
        println!("  no attributions found");
        return;
    }
    print_attributions(a.attributions.iter().enumerate());
    print_score_block(&a.scores);
}

/// One article's credits: kind, agency, place and the text as printed.
pub fn print_credits(credits: &[Credit]) {
    if credits.is_empty() {
        println!("No credits found (or the article is not analysed yet: run `sourcetrace analyze`).");
        return;
    }
    print_table(
        &["KIND", "AGENCY", "PLACE", "SHOWN", "TEXT"],
        credits.iter().map(|c| {
            vec![
                Cell::Left(c.kind.as_str().to_string()),
                Cell::Left(c.agency.clone().unwrap_or_else(|| "-".into())),
                Cell::Left(c.place.clone().unwrap_or_else(|| "-".into())),
                Cell::Right(format!("{}x", 1 + c.repeats.len())),
                Cell::Left(preview(&c.text, 70)),
            ]
        }),
    );
}

/// The outlet × agency matrix: one row per outlet, one column per agency,
/// each cell the share of the outlet's analysed articles crediting it.
pub fn print_credit_tallies(t: &CreditTallies) {
    if t.outlets.is_empty() {
        println!("No analysed articles in this selection (run `sourcetrace analyze`).");
        return;
    }
    let mut agencies: Vec<&str> = Vec::new();
    for c in &t.cells {
        if !agencies.contains(&c.agency.as_str()) {
            agencies.push(&c.agency);
        }
    }
    let mut header = vec!["OUTLET", "ARTICLES"];
    header.extend(agencies.iter().copied());
    print_table(
        &header,
        t.outlets.iter().map(|o| {
            let mut row = vec![Cell::Left(o.outlet.clone()), Cell::Right(o.articles.to_string())];
            for agency in &agencies {
                let cell = t.cells.iter().find(|c| c.outlet == o.outlet && c.agency == *agency);
                row.push(Cell::Right(cell.map_or("-".into(), |c| format!("{:.0}% ({})", c.share * 100.0, c.articles))));
            }
            row
        }),
    );
}

/// What an article shares with others: the share, whether it is
/// syndicated copy, and each passage with the article it matches.
pub fn print_reuse(r: &ArticleReuse) {
    if r.matches.is_empty() {
        println!("Article #{} shares no passages with other articles in the library.", r.article_id);
        return;
    }
    println!(
        "Article #{}: {:.0}% of its words appear in another article{}.",
        r.article_id,
        r.reused_share * 100.0,
        if r.syndicated { " (syndicated copy: left out of outlet comparisons)" } else { "" }
    );
    if !r.stored {
        println!("Worked out now: the article has no current analysis; `sourcetrace analyze` stores it.");
    }
    for m in &r.matches {
        println!(
            "\n  #{} {} {:?}: {:.0}% shared, {} passage{}",
            m.id,
            m.outlet.as_deref().unwrap_or("-"),
            m.title.as_deref().unwrap_or("(untitled)"),
            m.share * 100.0,
            m.passages.len(),
            if m.passages.len() == 1 { "" } else { "s" }
        );
        for p in &m.passages {
            println!("    [{}..{}] {} words: {}", p.start, p.end, p.words, preview(&p.text, 90));
        }
    }
}

/// An article's tone: the verdict, then each sentence that carries tone with
/// the words that made it, then the entities.
pub fn print_tone(id: i64, t: &sourcetrace_api::ArticleTone) {
    println!(
        "Article #{id}: tone {:+.3} ({}) by {}{}; {} positive, {} neutral, {} negative sentences.",
        t.score,
        t.label.as_str(),
        t.engine.as_str(),
        if t.news { " with the news rules" } else { "" },
        t.positive,
        t.neutral,
        t.negative
    );
    for (i, s) in t.sentences.iter().enumerate() {
        if s.terms.is_empty() {
            continue;
        }
        println!("\n  #{i} {:+.3} {}  {}", s.score, s.label.as_str(), preview(&s.text, 100));
        let terms: Vec<String> = s
            .terms
            .iter()
            .map(|term| {
                let mut why = format!("{} [{} {:+}", term.text, term.lexicon.as_str(), term.base);
                if term.negated {
                    why.push_str(", negated");
                }
                if term.boosted {
                    why.push_str(", boosted");
                }
                format!("{why}] {:+.2}", term.contribution)
            })
            .collect();
        println!("      {}", terms.join("; "));
    }
    let entities: Vec<String> = t
        .entities
        .iter()
        .filter_map(|e| e.score.map(|score| format!("{} {score:+.3} ({} sentences)", e.name, e.sentences.len())))
        .collect();
    if !entities.is_empty() {
        println!("\nTone toward: {}", entities.join(", "));
    }
}

/// Framing by outlet: stances normalized by attributions, hedges and
/// loaded terms per 1,000 words, mean tone.
pub fn print_framing_by_outlet(rows: &[sourcetrace_api::OutletFraming]) {
    if rows.is_empty() {
        println!("No analysed articles in this selection: run `sourcetrace analyze` first.");
        return;
    }
    print_table(
        &[
            "OUTLET",
            "ARTICLES",
            "ATTRIB.",
            "NEUTRAL",
            "DISTANCING",
            "ENDORSING",
            "NEGATIVE",
            "HEDGES/1K",
            "LOADED/1K",
            "TONE",
        ],
        rows.iter().map(|r| {
            let share = |n: i64| {
                if r.attributions > 0 {
                    format!("{n} ({:.0}%)", n as f64 * 100.0 / r.attributions as f64)
                } else {
                    n.to_string()
                }
            };
            vec![
                Cell::Left(r.outlet.clone()),
                Cell::Right(r.articles.to_string()),
                Cell::Right(r.attributions.to_string()),
                Cell::Right(share(r.neutral)),
                Cell::Right(share(r.distancing)),
                Cell::Right(share(r.endorsing)),
                Cell::Right(share(r.negative)),
                Cell::Right(format!("{:.2}", r.hedges_per_1000_words)),
                Cell::Right(format!("{:.2}", r.loaded_per_1000_words)),
                Cell::Right(r.tone.map_or("-".into(), |t| format!("{t:+.3}"))),
            ]
        }),
    );
}

/// One article's framing: stance counts and every hedge and loaded term.
pub fn print_framing(f: &sourcetrace_api::ArticleFraming) {
    let Some(framing) = &f.framing else { return };
    let stances: Vec<String> = framing.stances.iter().map(|s| format!("{} {}", s.count, s.stance.as_str())).collect();
    println!(
        "Article #{}: {} words; attribution verbs {}; {} hedges ({:.2}/1,000 words), {} loaded terms ({:.2}/1,000 words).",
        f.article_id,
        framing.words,
        stances.join(", "),
        framing.hedges.len(),
        framing.hedge_rate,
        framing.loaded.len(),
        framing.loaded_rate
    );
    for (kind, hits) in [("hedge", &framing.hedges), ("loaded", &framing.loaded)] {
        for h in hits.iter() {
            println!("  {kind:<6} {:>6}-{:<6} {:?} ({}, {})", h.start, h.end, h.text, h.phrase, h.group);
        }
    }
}

/// A story compared across its outlets, in the order a journalist reads it:
/// who each outlet cited, how it framed it, who supplied it, and what only
/// one outlet carried.
pub fn print_comparison(c: &sourcetrace_api::StoryComparison) {
    println!("Story #{}: {}", c.story_id, c.label);
    if !c.not_analysed.is_empty() {
        let ids: Vec<String> = c.not_analysed.iter().map(|id| format!("#{id}")).collect();
        println!("Not analysed yet (left out of the figures; run `sourcetrace analyze`): {}", ids.join(", "));
    }
    let outlets: Vec<&str> = c.outlets.iter().map(|o| o.outlet.as_str()).collect();
    let mut header = vec![""];
    header.extend(outlets.iter().copied());
    let row = |label: &str, value: &dyn Fn(&sourcetrace_api::OutletCoverage) -> String| -> Vec<Cell> {
        let mut cells = vec![Cell::Left(label.to_string())];
        cells.extend(c.outlets.iter().map(|o| Cell::Right(value(o))));
        cells
    };
    let percent = |x: f64| format!("{:.0}%", x * 100.0);
    let mut rows = vec![
        row("articles", &|o| o.articles.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(" ")),
        row("words", &|o| o.words.to_string()),
        row("attributions", &|o| o.attributions.to_string()),
    ];
    for ty in [
        "official",
        "person",
        "organization",
        "state_media",
        "wire",
        "media",
        "document",
        "anonymous",
        "self",
        "unknown",
    ] {
        if c.outlets.iter().any(|o| o.by_type.get(ty).copied().unwrap_or(0) > 0) {
            rows.push(row(&format!("  {ty}"), &|o| o.by_type.get(ty).copied().unwrap_or(0).to_string()));
        }
    }
    rows.extend([
        row("state-media share", &|o| percent(o.state_media_share)),
        row("anonymous share", &|o| percent(o.anonymous_share)),
        row("second-hand share", &|o| percent(o.second_hand_share)),
        row("direct-quote share", &|o| percent(o.direct_quote_share)),
        row("transparency", &|o| o.transparency.map_or("-".into(), |t| format!("{t:.0}"))),
        row("verbs: neutral", &|o| o.neutral.to_string()),
        row("verbs: distancing", &|o| o.distancing.to_string()),
        row("verbs: endorsing", &|o| o.endorsing.to_string()),
        row("verbs: negative", &|o| o.negative.to_string()),
        row("hedges", &|o| o.hedges.to_string()),
        row("loaded terms", &|o| o.loaded_terms.to_string()),
        row("tone", &|o| o.tone.map_or("-".into(), |t| format!("{t:+.3}"))),
        row("credits", &|o| if o.credits.is_empty() { "-".into() } else { o.credits.join(", ") }),
        row("reused share", &|o| percent(o.reused_share)),
    ]);
    println!();
    print_table(&header, rows.into_iter());
    if !c.entities.is_empty() {
        println!("\nTone toward the main entities (mean over the sentences that mention them):");
        let mut header = vec!["ENTITY"];
        header.extend(outlets.iter().copied());
        print_table(
            &header,
            c.entities.iter().map(|e| {
                let mut cells = vec![Cell::Left(e.entity.clone())];
                cells.extend(
                    outlets.iter().map(|o| Cell::Right(e.tone.get(*o).map_or("-".into(), |t| format!("{t:+.3}")))),
                );
                cells
            }),
        );
    }
    println!("\nSources cited:");
    for o in &c.outlets {
        let sources: Vec<String> =
            o.sources.iter().map(|s| format!("{} ({}, {})", s.canonical, s.source_type, s.attributions)).collect();
        println!("  {}: {}", o.outlet, if sources.is_empty() { "-".into() } else { sources.join("; ") });
    }
    println!("\nBlindspots: sources only one outlet cited");
    if c.source_blindspots.is_empty() {
        println!("  none");
    }
    for b in &c.source_blindspots {
        println!(
            "  {}: {} ({}), article #{} at {}-{}",
            b.outlet, b.canonical, b.source_type, b.article_id, b.start, b.end
        );
    }
    println!("\nBlindspots: facts only one outlet carried");
    if c.fact_blindspots.is_empty() {
        println!("  none");
    }
    // The five that say most per outlet; JSON has every one.
    const SHOWN: usize = 5;
    for outlet in &outlets {
        let facts: Vec<_> = c.fact_blindspots.iter().filter(|f| f.outlet == *outlet).collect();
        for f in facts.iter().take(SHOWN) {
            println!(
                "  {} #{} {}-{} [{}] {}",
                f.outlet,
                f.article_id,
                f.start,
                f.end,
                f.because,
                preview(&f.text, 110)
            );
            if !f.unshared.is_empty() {
                let words: Vec<&str> = f.unshared.iter().take(6).map(String::as_str).collect();
                println!("      only here: {}", words.join(", "));
            }
        }
        if facts.len() > SHOWN {
            println!("  {outlet}: {} more (--format json lists every one)", facts.len() - SHOWN);
        }
    }
}
