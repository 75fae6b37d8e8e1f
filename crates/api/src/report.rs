//! The report: one self-contained HTML file about a selection of the
//! library, with its charts inline as SVG, that opens offline in any
//! browser and prints to PDF.
//!
//! It says what was selected and how every figure is computed, compares
//! the outlets (sourcing mix, state-media and anonymous shares, verb
//! stance, tone, credits), lists the top sources of each type and the
//! chains of attribution, and ends with an appendix of evidence: the
//! sentences behind the chains and top sources, with cue and source
//! highlighted. Every figure comes from the same store queries as the app
//! and the data export, so the numbers agree. Imported text is escaped
//! everywhere: a page that carried a script shows it as text.

use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use sourcetrace_core::attribution::{Attribution, SourceType, TRANSPARENCY_FORMULA};
use sourcetrace_core::ANALYSIS_VERSION;
use sourcetrace_store::{ArticleFilter, CorrectionCounts, ExportTable, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Top sources listed for each source type.
const TOP_SOURCES: usize = 8;
/// Chains listed, deepest first.
const CHAINS: usize = 12;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The colour of each source type in every chart and highlight.
fn colour(source_type: &str) -> &'static str {
    SourceType::parse(source_type).unwrap_or(SourceType::Unknown).colour()
}

/// The name of a source type as the app's legend writes it.
fn label(source_type: &str) -> &'static str {
    SourceType::parse(source_type).unwrap_or(SourceType::Unknown).label()
}

/// A chart under its heading, kept on one printed page: a heading at the
/// foot of a page with its chart on the next reads as a missing chart.
fn figure(heading: &str, svg: &str) -> String {
    format!("<figure><h3>{heading}</h3>{svg}</figure>")
}

/// Characters of `text` from code point `start` to `end`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// The opening of an inline chart: its size, and its title for screen
/// readers and tooltips.
fn svg_open(width: f64, height: f64, title: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><title>{}</title>"#,
        escape(title)
    )
}

/// Horizontal stacked bars: one bar per row, segments as shares of the row.
fn stacked_bars(rows: &[(String, Vec<(String, f64)>)], title: &str) -> String {
    let (label_w, bar_w, row_h) = (180.0, 560.0, 26.0);
    let width = label_w + bar_w + 20.0;
    // The legend wraps onto a second line rather than run off the chart.
    let legend_w = |name: &str| 14.0 + 6.0 * name.len() as f64 + 10.0;
    let legend_lines = if SourceType::ALL.iter().map(|t| legend_w(t.label())).sum::<f64>() > width { 2.0 } else { 1.0 };
    let height = 40.0 + row_h * rows.len() as f64 + 16.0 * legend_lines + 14.0;
    let mut svg = svg_open(width, height, title);
    for (i, (row_label, parts)) in rows.iter().enumerate() {
        let y = 30.0 + row_h * i as f64;
        let total: f64 = parts.iter().map(|(_, v)| v).sum();
        let _ = write!(svg, r#"<text x="0" y="{:.1}" font-size="12">{}</text>"#, y + 16.0, escape(row_label));
        let mut x = label_w;
        for (name, v) in parts {
            if total <= 0.0 || *v <= 0.0 {
                continue;
            }
            let w = bar_w * v / total;
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h}" fill="{c}"><title>{row}: {name} {pct:.0}%</title></rect>"#,
                h = row_h - 6.0,
                c = colour(name),
                row = escape(row_label),
                name = label(name),
                pct = v / total * 100.0
            );
            x += w;
        }
    }
    let mut x = 0.0;
    let mut legend_y = 30.0 + row_h * rows.len() as f64 + 14.0;
    for t in SourceType::ALL {
        let name = t.label();
        if x + legend_w(name) > width {
            x = 0.0;
            legend_y += 16.0;
        }
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="11">{name}</text>"#,
            legend_y - 9.0,
            t.colour(),
            x + 13.0,
            legend_y
        );
        x += legend_w(name);
    }
    svg.push_str("</svg>");
    svg
}

/// One bar of a group: its name, its share (0 to 1) and its colour.
type ShareBar<'a> = (&'a str, f64, &'a str);

/// A source in the top list of its type: name, country, attributions,
/// articles and outlets.
type TopSource = (String, Option<String>, i64, i64, i64);

/// Grouped horizontal bars of shares (0 to 1), one group per row.
fn share_bars(rows: &[(String, Vec<ShareBar>)], title: &str) -> String {
    let (label_w, bar_w, bar_h) = (180.0, 400.0, 12.0);
    let group_h = bar_h * 2.0 + 10.0;
    let height = 20.0 + group_h * rows.len() as f64;
    let mut svg = svg_open(label_w + bar_w + 80.0, height, title);
    for (i, (label, bars)) in rows.iter().enumerate() {
        let y0 = 10.0 + group_h * i as f64;
        let _ = write!(svg, r#"<text x="0" y="{:.1}" font-size="12">{}</text>"#, y0 + 14.0, escape(label));
        for (j, (name, v, c)) in bars.iter().enumerate() {
            let y = y0 + bar_h * j as f64;
            let w = bar_w * v.clamp(0.0, 1.0);
            let _ = write!(
                svg,
                r#"<rect x="{label_w}" y="{y:.1}" width="{w:.1}" height="{:.1}" fill="{c}"><title>{} {name}: {:.1}%</title></rect><text x="{:.1}" y="{:.1}" font-size="10">{name} {:.0}%</text>"#,
                bar_h - 2.0,
                escape(label),
                v * 100.0,
                label_w + w + 4.0,
                y + bar_h - 3.0,
                v * 100.0
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A heatmap of shares: rows × columns, darker for more.
fn heatmap(rows: &[String], columns: &[String], value: impl Fn(&str, &str) -> f64, title: &str) -> String {
    let (label_w, cell_w, cell_h, head_h) = (180.0, 90.0, 24.0, 44.0);
    let width = label_w + cell_w * columns.len() as f64 + 10.0;
    let height = head_h + cell_h * rows.len() as f64 + 10.0;
    let mut svg = svg_open(width, height, title);
    for (j, c) in columns.iter().enumerate() {
        // Agency names ("Associated Press", "China Foto Press") are wrapped
        // onto two lines rather than cut, so that every column is named.
        let x = label_w + cell_w * j as f64 + 4.0;
        let _ = write!(svg, r#"<text x="{x:.1}" y="{:.1}" font-size="11"><title>{}</title>"#, head_h - 22.0, escape(c));
        for (k, line) in header_lines(c, 14).iter().enumerate() {
            let _ = write!(svg, r#"<tspan x="{x:.1}" dy="{}">{}</tspan>"#, if k == 0 { 0 } else { 13 }, escape(line));
        }
        svg.push_str("</text>");
    }
    for (i, r) in rows.iter().enumerate() {
        let y = head_h + cell_h * i as f64;
        let _ = write!(svg, r#"<text x="0" y="{:.1}" font-size="12">{}</text>"#, y + 16.0, escape(r));
        for (j, c) in columns.iter().enumerate() {
            let v = value(r, c).clamp(0.0, 1.0);
            let x = label_w + cell_w * j as f64;
            let _ = write!(
                svg,
                r##"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="rgba(46,134,193,{:.2})" stroke="#ddd"><title>{}: {} {:.0}%</title></rect><text x="{:.1}" y="{:.1}" font-size="11">{:.0}%</text>"##,
                cell_w - 2.0,
                cell_h - 2.0,
                0.08 + 0.92 * v,
                escape(r),
                escape(c),
                v * 100.0,
                x + 30.0,
                y + 16.0,
                v * 100.0
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A column heading in at most two lines of about `width` characters,
/// broken between words; a second line that is still too long ends in "…".
fn header_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let full = lines.len() == 2;
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width && !full {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    for line in &mut lines {
        if line.chars().count() > width + 1 {
            *line = line.chars().take(width).collect::<String>() + "…";
        }
    }
    lines
}

/// A sentence of evidence: the text around an attribution, its cue and
/// source marked.
fn evidence_html(text: &str, a: &Attribution) -> String {
    let mut marks: Vec<(usize, usize, &str)> = vec![(a.cue.start, a.cue.end, "cue")];
    if let Some(s) = &a.source {
        marks.push((s.start, s.end, "source"));
    }
    for c in &a.content {
        marks.push((c.start, c.end, "content"));
    }
    let from = marks.iter().map(|m| m.0).min().unwrap_or(0);
    let to = marks.iter().map(|m| m.1).max().unwrap_or(from);
    // A long content is cut in the middle so the cue and source stay in
    // view; the cut is shown, never hidden.
    let to = to.min(from + 600);
    marks.retain(|m| m.0 < to);
    marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut html = String::new();
    let mut at = from;
    for (start, end, class) in marks {
        if start < at {
            continue;
        }
        html.push_str(&escape(&chars(text, at, start)));
        let end = end.min(to);
        let _ = write!(html, r#"<mark class="{class}">{}</mark>"#, escape(&chars(text, start, end)));
        at = end;
    }
    html.push_str(&escape(&chars(text, at, to)));
    if to < text.chars().count() && to == from + 600 {
        html.push_str(" […]");
    }
    html
}

/// The method's line on corrections: how many a person made that the
/// figures count, and how many wait because the rules no longer find their
/// attribution.
fn corrections_line(counts: CorrectionCounts) -> String {
    let mut line = match counts.applied {
        0 => "<b>Corrections</b>: no attribution in this selection was corrected by hand; every figure is the engine's.".to_string(),
        1 => "<b>Corrections</b>: 1 correction made by a person (a source's type, name or country set by hand, or a false attribution deleted) is applied; every figure in this report counts it.".to_string(),
        n => format!("<b>Corrections</b>: {n} corrections made by a person (a source's type, name or country set by hand, or a false attribution deleted) are applied; every figure in this report counts them."),
    };
    if counts.orphaned > 0 {
        let _ = write!(
            line,
            " {} more could not be applied because the current rules no longer find their attribution; they are kept and listed by <code>sourcetrace corrections</code>.",
            counts.orphaned
        );
    }
    line
}

impl Sourcetrace {
    /// The HTML report of a selection. `title` heads it, and the filter's
    /// description says in words what was selected.
    /// All its figures come from one snapshot of the library.
    pub fn report_html(&self, filter: &ArticleFilter, title: &str) -> Result<String> {
        self.library().snapshot(|| self.write_report(filter, title))
    }

    fn write_report(&self, filter: &ArticleFilter, title: &str) -> Result<String> {
        self.validate_filter(filter)?;
        let selection = filter.describe();
        let filter = ArticleFilter { limit: None, offset: 0, ..filter.clone() };
        let library = self.library();
        let framing = library.framing_by_outlet(&filter)?;
        let mix = library.sourcing_mix(&filter)?;
        let tallies = library.credit_tallies(&filter, false)?;
        let chains = library.deepest_chains(&filter, CHAINS)?;
        let corrections = library.correction_counts(&filter)?;
        let mut by_type: BTreeMap<String, Vec<TopSource>> = BTreeMap::new();
        library.export_rows(ExportTable::Sources, &filter, &mut |row: &[Value]| -> Result<()> {
            let text = |v: &Value| if let Value::Text(t) = v { Some(t.clone()) } else { None };
            let int = |v: &Value| if let Value::Integer(i) = v { *i } else { 0 };
            let ty = text(&row[1]).unwrap_or_default();
            let list = by_type.entry(ty).or_default();
            if list.len() < TOP_SOURCES {
                list.push((text(&row[0]).unwrap_or_default(), text(&row[2]), int(&row[3]), int(&row[4]), int(&row[5])));
            }
            Ok(())
        })?;
        let articles: i64 = framing.iter().map(|f| f.articles).sum();
        let attributions: i64 = framing.iter().map(|f| f.attributions).sum();

        let mut h = String::new();
        let _ = write!(
            h,
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>{t}</title><style>{css}</style></head><body><h1>{t}</h1>"#,
            t = escape(title),
            css = REPORT_CSS
        );
        let _ = write!(
            h,
            "<p class=\"meta\">Selection: {}. {articles} analysed articles from {} outlets, {attributions} attributions. Analysis version {ANALYSIS_VERSION}. Made by Sourcetrace {}.</p>",
            escape(&selection),
            framing.len(),
            env!("CARGO_PKG_VERSION")
        );

        h.push_str("<h2 id=\"method\">Method</h2><ul class=\"method\">");
        for line in [
            "An <b>attribution</b> is a cue (\"said\", \"according to\", \"citing\") with its source and content, found by named rules over the text; each one in the appendix names the rule and lexicon entry that decided it.".to_string(),
            "A <b>source type</b> (state media, wire, other media, official, anonymous, named person, organization, document, the outlet itself, unknown) comes from the gazetteers in data/ (outlets with ownership, following EU Regulation 833/2014 Annex XV for Russian state outlets; official titles and institutions; anonymity phrases).".to_string(),
            "A <b>chain</b> follows a claim through the media that relayed it: its depth counts the hops from the source to the publishing outlet.".to_string(),
            "<b>Shares</b> are counted over attributions: state-media share = attributions whose source is state media ÷ all attributions; anonymous share likewise; second-hand share = attributions relayed through media, state media or a wire.".to_string(),
            format!("<b>Transparency</b> (0-100): {}", escape(TRANSPARENCY_FORMULA)),
            "<b>Tone</b> is VADER (with a news lexicon and negation) by sentence, averaged over an outlet's articles (-1 to 1). <b>Verb stance</b> is the stance of each attribution's cue: neutral (said), distancing (claimed), endorsing (noted), negative (admitted).".to_string(),
            "<b>Credits</b> are datelines, wire and photo credits and similar lines, with the agency named through the gazetteer; a share is the outlet's articles crediting the agency ÷ its analysed articles.".to_string(),
            corrections_line(corrections),
        ] {
            let _ = write!(h, "<li>{line}</li>");
        }
        h.push_str("</ul>");

        h.push_str("<h2 id=\"outlets\">Outlets compared</h2>");
        if framing.is_empty() {
            h.push_str("<p>No analysed articles in this selection: run <code>sourcetrace analyze</code>.</p>");
        }
        let mut outlets_mix: Vec<(String, Vec<(String, f64)>)> = Vec::new();
        for f in &framing {
            let parts = SourceType::ALL
                .iter()
                .map(|t| {
                    let n = mix
                        .iter()
                        .find(|m| m.outlet == f.outlet && m.source_type == t.as_str())
                        .map_or(0, |m| m.attributions);
                    (t.as_str().to_string(), n as f64)
                })
                .collect();
            outlets_mix.push((f.outlet.clone(), parts));
        }
        h.push_str(&figure(
            "Sourcing mix (share of each outlet's attributions by source type)",
            &stacked_bars(&outlets_mix, "Sourcing mix by outlet"),
        ));
        let shares: Vec<(String, Vec<ShareBar>)> = framing
            .iter()
            .map(|f| {
                let of = |t: &str| {
                    let n =
                        mix.iter().find(|m| m.outlet == f.outlet && m.source_type == t).map_or(0, |m| m.attributions);
                    if f.attributions > 0 {
                        n as f64 / f.attributions as f64
                    } else {
                        0.0
                    }
                };
                (
                    f.outlet.clone(),
                    vec![
                        ("state media", of("state_media"), colour("state_media")),
                        ("anonymous", of("anonymous"), colour("anonymous")),
                    ],
                )
            })
            .collect();
        h.push_str(&figure(
            "State-media and anonymous shares",
            &share_bars(&shares, "State-media and anonymous shares by outlet"),
        ));
        h.push_str("<table class=\"outlets\"><thead><tr><th>Outlet</th><th>Articles</th><th>Attributions</th>");
        for t in SourceType::ALL {
            let _ = write!(h, "<th>{}</th>", t.label());
        }
        h.push_str("</tr></thead><tbody>");
        for f in &framing {
            let _ = write!(h, "<tr><td>{}</td><td>{}</td><td>{}</td>", escape(&f.outlet), f.articles, f.attributions);
            for t in SourceType::ALL {
                let n = mix
                    .iter()
                    .find(|m| m.outlet == f.outlet && m.source_type == t.as_str())
                    .map_or(0, |m| m.attributions);
                let _ = write!(h, "<td>{n}</td>");
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table>");
        h.push_str("<h3>Framing: the stance of attribution verbs, hedges, loaded terms and tone</h3>");
        h.push_str("<table class=\"framing\"><thead><tr><th>Outlet</th><th>Neutral</th><th>Distancing</th><th>Endorsing</th><th>Negative</th><th>Hedges /1k words</th><th>Loaded /1k words</th><th>Tone</th></tr></thead><tbody>");
        for f in &framing {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td><td>{:.2}</td><td>{}</td></tr>",
                escape(&f.outlet),
                f.neutral,
                f.distancing,
                f.endorsing,
                f.negative,
                f.hedges_per_1000_words,
                f.loaded_per_1000_words,
                f.tone.map_or("-".into(), |t| format!("{t:+.3}"))
            );
        }
        h.push_str("</tbody></table>");

        h.push_str("<h2 id=\"credits\">Credits: outlet × agency</h2>");
        let mut agencies: Vec<String> = tallies.cells.iter().map(|c| c.agency.clone()).collect();
        agencies.sort();
        agencies.dedup();
        if agencies.is_empty() {
            h.push_str("<p>No article in the selection credits an agency.</p>");
        } else {
            let outlets: Vec<String> = tallies.outlets.iter().map(|o| o.outlet.clone()).collect();
            let share = |o: &str, a: &str| {
                tallies.cells.iter().find(|c| c.outlet == o && c.agency == a).map_or(0.0, |c| c.share)
            };
            h.push_str(&heatmap(&outlets, &agencies, share, "Share of each outlet's articles crediting each agency"));
        }

        h.push_str("<h2 id=\"sources\">Top sources by type</h2>");
        for t in SourceType::ALL {
            let Some(list) = by_type.get(t.as_str()) else { continue };
            let _ = write!(
                h,
                "<h3><span class=\"swatch\" style=\"background:{}\"></span>{}</h3><table><thead><tr><th>Source</th><th>Country</th><th>Attributions</th><th>Articles</th><th>Outlets</th></tr></thead><tbody>",
                t.colour(),
                t.label()
            );
            for (name, country, n, articles, outlets) in list {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{n}</td><td>{articles}</td><td>{outlets}</td></tr>",
                    escape(name),
                    escape(country.as_deref().unwrap_or("-"))
                );
            }
            h.push_str("</tbody></table>");
        }

        h.push_str("<h2 id=\"chains\">Chains of attribution</h2>");
        let mut appendix = String::new();
        if chains.is_empty() {
            h.push_str("<p>No claim in the selection was relayed through another source.</p>");
        } else {
            h.push_str("<ol class=\"chains\">");
        }
        for chain in &chains {
            let article = self.show(chain.article_id)?;
            let found: Vec<Attribution> =
                library.attributions(chain.article_id)?.into_iter().map(|r| r.attribution).collect();
            let mut hops: Vec<usize> = vec![chain.ordinal];
            while let Some(next) = hops.last().and_then(|&i| found.get(i)).and_then(|a| a.via) {
                if hops.contains(&next) || hops.len() > 12 {
                    break;
                }
                hops.push(next);
            }
            let mut path = vec![escape(&chain.outlet)];
            for &i in hops.iter().rev() {
                if let Some(s) = found.get(i).and_then(|a| a.source.as_ref()) {
                    path.push(format!(
                        "<span style=\"border-bottom:3px solid {}\">{}</span>",
                        colour(s.kind.as_str()),
                        escape(&s.canonical)
                    ));
                }
            }
            let _ = write!(
                h,
                "<li>#{} {} (depth {}): {} <a href=\"#evidence-{}\">evidence</a></li>",
                chain.article_id,
                escape(article.title.as_deref().unwrap_or("(untitled)")),
                chain.depth,
                path.join(" ← "),
                chain.article_id
            );
            let _ = write!(
                appendix,
                "<h3 id=\"evidence-{}\">#{} {} ({})</h3>",
                chain.article_id,
                chain.article_id,
                escape(article.title.as_deref().unwrap_or("(untitled)")),
                escape(&chain.outlet)
            );
            for &i in &hops {
                let Some(a) = found.get(i) else { continue };
                let rules: Vec<String> = a.evidence.iter().map(|e| escape(&e.rule)).collect();
                let _ = write!(
                    appendix,
                    "<blockquote>{}<footer>{}, {}: {}</footer></blockquote>",
                    evidence_html(&article.text, a),
                    a.source.as_ref().map_or("no source".into(), |s| escape(&s.canonical)),
                    a.source.as_ref().map_or("unknown", |s| s.kind.as_str()),
                    rules.join("; ")
                );
            }
        }
        if !chains.is_empty() {
            h.push_str("</ol>");
        }
        h.push_str("<h2 id=\"appendix\">Appendix: evidence</h2><p>The sentences behind each chain above, with the <mark class=\"cue\">cue</mark>, the <mark class=\"source\">source</mark> and the <mark class=\"content\">content</mark> marked, and the rules that decided them. Every attribution of the selection, with its spans, is in the data export (<code>sourcetrace export attributions</code>).</p>");
        h.push_str(&appendix);
        h.push_str("</body></html>\n");
        Ok(h)
    }
}

/// The browser that prints reports to PDF: `$SOURCETRACE_CHROMIUM`, else
/// Chromium or Chrome on the PATH.
fn chromium() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("SOURCETRACE_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(path.into());
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .map(std::path::PathBuf::from)
        .find(|name| std::process::Command::new(name).arg("--version").output().is_ok_and(|o| o.status.success()))
}

impl Sourcetrace {
    /// The report as a PDF at `path`: the HTML report printed by headless
    /// Chromium, the one PDF engine here that lays out the same charts and
    /// tables as the HTML (the webview has no print-to-PDF). Chromium runs
    /// with networking off, and the report's CSP loads nothing anyway.
    pub fn report_pdf(&self, filter: &ArticleFilter, title: &str, path: &Path) -> Result<()> {
        let io = |context: &str, e: &dyn std::fmt::Display| ApiError::new(ErrorCode::Io, format!("{context}: {e}"));
        let browser = chromium().ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidInput,
                "A PDF report needs Chromium (Debian package `chromium`, or set SOURCETRACE_CHROMIUM); \
                 the HTML report (-o report.html) needs nothing and prints to PDF from any browser.",
            )
        })?;
        let html = self.report_html(filter, title)?;
        let dir = tempfile::tempdir().map_err(|e| io("Could not make a temporary folder", &e))?;
        let page = dir.path().join("report.html");
        std::fs::write(&page, html).map_err(|e| io("Could not write the report", &e))?;
        crate::files::replace_with(path, |partial| {
            let out = std::process::Command::new(&browser)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--no-pdf-header-footer",
                ])
                .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
                .arg(format!("--print-to-pdf={}", partial.display()))
                .arg(format!("file://{}", page.display()))
                .output()
                .map_err(|e| io(&format!("Could not run {}", browser.display()), &e))?;
            let made = std::fs::metadata(partial).is_ok_and(|m| m.len() > 0);
            if !out.status.success() || !made {
                let detail = String::from_utf8_lossy(&out.stderr);
                let last = detail.lines().last().unwrap_or("no output").to_string();
                return Err(io(&format!("{} did not print the report", browser.display()), &last));
            }
            Ok(())
        })
    }

    /// The report at `path`: a PDF when the name ends in `.pdf`, the HTML
    /// report otherwise, written beside `path` and renamed when complete.
    pub fn report_to_path(&self, filter: &ArticleFilter, title: &str, path: &Path) -> Result<()> {
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            return self.report_pdf(filter, title, path);
        }
        let html = self.report_html(filter, title)?;
        crate::files::replace_with(path, |partial| {
            std::fs::write(partial, html.as_bytes())
                .map_err(|e| ApiError::new(ErrorCode::Io, format!("Could not write {}: {e}", path.display())))
        })
    }
}

const REPORT_CSS: &str = "body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:.5em 0 1em;font-size:12px}\
th,td{border:1px solid #ddd;padding:3px 6px;text-align:right}th:first-child,td:first-child{text-align:left}\
.meta{color:#555}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em}\
mark.cue{background:#f9e79f}mark.source{background:#aed6f1}mark.content{background:#eaecee}\
blockquote{border-left:3px solid #ccc;margin:.6em 0;padding:.2em .8em}blockquote footer{color:#555;font-size:12px}\
svg.chart{display:block;margin:.5em 0 1em}figure{margin:0}\
@media print{h2,h3{break-after:avoid}svg,figure,blockquote,tr{break-inside:avoid}}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_markup_as_text() {
        assert_eq!(
            escape("<img src=x onerror=\"alert(1)\">&'"),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
    }
}
