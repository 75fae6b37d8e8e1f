// Stories: the articles that cover one event, grouped by the analysis, and
// for each story its outlets side by side: whom each cited and how, its
// tone toward the main names, and what only some outlets carried (the
// blindspots). Every figure links to the articles it comes from.

import { call } from "../ipc";
import { h, day, empty, percent, typeBadge, typeInfo } from "../dom";
import { SOURCE_TYPES } from "../generated/types";
import type { ArticleFilter, FactBlindspot, OutletCoverage, SourceBlindspot, Story, StoryComparison } from "../generated/types";
import { navigate, type ViewContext } from "../main";
import { describeFilter, filterControls, filterFrom, hasFilter, route } from "../filters";
import { sortableTable } from "../table";
import { evidenceRoute } from "./evidence";
import { openExportDialog } from "./export";

export async function renderStories(ctx: ViewContext): Promise<void> {
  const id = Number(ctx.rest);
  if (ctx.rest && Number.isInteger(id)) return renderComparison(ctx.root, id);
  return renderList(ctx);
}

interface StoryRow {
  story: Story;
  outlets: string[];
  first: string | null;
  last: string | null;
}

function storyRow(story: Story): StoryRow {
  const outlets = [...new Set(story.articles.map((a) => a.outlet ?? "(no outlet)"))].sort((a, b) => a.localeCompare(b));
  const dates = story.articles.map((a) => a.published).filter((d): d is string => Boolean(d)).map(day).sort();
  return { story, outlets, first: dates[0] ?? null, last: dates[dates.length - 1] ?? null };
}

async function renderList({ root, params }: ViewContext): Promise<void> {
  const filter = filterFrom(params);
  const go = (next: ArticleFilter) => navigate(route("stories", next));
  const [controls, stories] = await Promise.all([filterControls(filter, go), call("stories", filter)]);
  root.appendChild(h("header", { class: "toolbar" }, h("h1", {}, "Stories"), controls));

  if (stories.length === 0) {
    root.appendChild(
      hasFilter(filter)
        ? empty("No stories in this selection", `No story has articles matching ${describeFilter(filter).join(", ")}.`, "Change or clear the filters above.")
        : empty(
            "No stories yet",
            h("p", {}, "Stories are groups of articles about the same event, found when articles are analysed. Import coverage of one event from several outlets in the ", h("a", { href: "#/library" }, "Library"), "; the analysis groups them here."),
            "Each story then opens a side-by-side comparison of its outlets, with what only some of them carried.",
          ),
    );
    return;
  }

  const rows = stories.map(storyRow);
  const compared = rows.filter((r) => r.outlets.length > 1).length;
  root.appendChild(
    h(
      "p",
      { class: "summary" },
      `${rows.length} stor${rows.length === 1 ? "y" : "ies"}, ${compared} covered by more than one outlet. Open a story to compare its outlets side by side.`,
    ),
  );
  root.appendChild(
    sortableTable(
      rows,
      [
        { key: "label", label: "Story", value: (r) => r.story.label, cell: (r) => h("a", { href: `#/stories/${r.story.id}` }, r.story.label || `Story #${r.story.id}`) },
        { key: "articles", label: "Articles", numeric: true, value: (r) => r.story.articles.length },
        { key: "outlet_count", label: "Outlets", numeric: true, value: (r) => r.outlets.length },
        { key: "outlets", label: "Which outlets", value: (r) => r.outlets.join(", ") },
        { key: "first", label: "First", value: (r) => r.first, cell: (r) => h("span", { class: "date" }, r.first ?? "undated") },
        { key: "last", label: "Last", value: (r) => r.last, cell: (r) => h("span", { class: "date" }, r.last ?? "undated") },
      ],
      { label: "Stories", sort: "outlet_count", descending: true, class: "stories" },
    ),
  );
}

/** The source-type mix of one outlet as a thin stacked bar, each part labelled on hover. */
function mixBar(c: OutletCoverage): HTMLElement {
  const total = c.attributions;
  const bar = h("div", { class: "mixbar", role: "img", "aria-label": `Source types of ${c.outlet}'s ${total} attributions` });
  if (total === 0) return h("span", { class: "muted" }, "no attributions");
  for (const t of SOURCE_TYPES) {
    const n = c.by_type[t.type] ?? 0;
    if (!n) continue;
    bar.appendChild(h("span", { class: `type-${t.type}`, style: `flex-grow: ${n}`, title: `${t.label}: ${n} of ${total} (${percent(n / total)})` }));
  }
  return bar;
}

function signed(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const rounded = value.toFixed(2);
  return value > 0 ? `+${rounded}` : rounded.replace("-", "−");
}

async function renderComparison(root: HTMLElement, id: number): Promise<void> {
  const cmp = await call("compare", { id });
  const storyFilter: ArticleFilter = { ...filterFrom(new URLSearchParams()), story: cmp.story_id };
  const outlets = cmp.outlets;
  const articleCount = outlets.reduce((sum, o) => sum + o.articles.length, 0) + cmp.not_analysed.length;

  root.appendChild(
    h(
      "header",
      { class: "toolbar" },
      h("h1", {}, cmp.label || `Story #${cmp.story_id}`),
      h("div", { class: "actions" }, h("a", { href: `#/library?story=${cmp.story_id}` }, "Open these articles in the library"), h("a", { href: "#/stories" }, "All stories"),
        h("button", { class: "secondary", onclick: () => openExportDialog(storyFilter) }, "Export this story…")),
    ),
  );
  root.appendChild(h("p", { class: "summary" }, `${outlets.length} outlet${outlets.length === 1 ? "" : "s"} · ${articleCount} article${articleCount === 1 ? "" : "s"}`));
  if (cmp.not_analysed.length) {
    root.appendChild(
      h(
        "p",
        { class: "notice" },
        `${cmp.not_analysed.length} article${cmp.not_analysed.length === 1 ? " is" : "s are"} not analysed with the current rules, so ${cmp.not_analysed.length === 1 ? "it is" : "they are"} left out of the figures below: `,
        ...cmp.not_analysed.flatMap((a, i) => [i ? ", " : "", h("a", { href: `#/article/${a}` }, `#${a}`)]),
        ". Use “Analyse stale” in the library to include ",
        cmp.not_analysed.length === 1 ? "it." : "them.",
      ),
    );
  }
  if (outlets.length === 0) {
    root.appendChild(empty("Nothing to compare yet", "None of this story's articles has a current analysis. Analyse them from the library, then come back."));
    return;
  }
  if (outlets.length === 1) {
    root.appendChild(h("p", { class: "hint" }, "Only one outlet covers this story, so there is nothing to set it beside; its figures are below."));
  }

  root.appendChild(h("h2", {}, "Coverage side by side"));
  root.appendChild(coverageTable(cmp));
  root.appendChild(h("div", { class: "legend", "aria-label": "Source types" }, ...SOURCE_TYPES.filter((t) => outlets.some((o) => (o.by_type[t.type] ?? 0) > 0)).map((t) => typeBadge(t.type))));

  if (cmp.entities.length) {
    root.appendChild(h("h2", {}, "Tone toward the main names"));
    root.appendChild(h("p", { class: "denominator" }, "The mean tone of each outlet's sentences that mention the name, from −1 (negative) to +1 (positive); — when the outlet never mentions it."));
    root.appendChild(entityTable(cmp));
  }

  root.appendChild(h("h2", {}, "Sources only some outlets cited"));
  root.appendChild(sourceBlindspots(cmp.source_blindspots));
  root.appendChild(h("h2", {}, "Facts only one outlet carried"));
  root.appendChild(factBlindspots(cmp.fact_blindspots));
}

/** Outlets as columns, figures as rows: the way a desk compares coverage. */
function coverageTable(cmp: StoryComparison): HTMLTableElement {
  const outlets = cmp.outlets;
  // The evidence behind a figure of this comparison: the story's articles.
  const storyFilter: ArticleFilter = { ...filterFrom(new URLSearchParams()), story: cmp.story_id };
  const row = (label: string, title: string | null, cell: (c: OutletCoverage) => Node | string, numeric = true) =>
    h("tr", {}, h("th", { scope: "row", title }, label), ...outlets.map((c) => h("td", { class: numeric ? "num" : "" }, cell(c))));
  return h(
    "table",
    { class: "coverage", "aria-label": "Coverage by outlet" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), ...outlets.map((c) => h("th", { scope: "col", class: "num" }, c.outlet)))),
    h(
      "tbody",
      {},
      row("Articles", null, (c) =>
        h("span", { class: "article-links" }, ...c.articles.flatMap((a, i) => [i ? " " : "", h("a", { href: `#/article/${a}`, title: `Article #${a}` }, `#${a}`)])),
      ),
      row("Words", null, (c) => Number(c.words).toLocaleString()),
      row("Attributions", "The denominator of the shares below; opens them", (c) =>
        h("a", { href: `#/${evidenceRoute({ outlet_name: c.outlet, filter: storyFilter })}` }, String(c.attributions))),
      row("Source types", "The outlet's attributions by source type; hover a part for its count", mixBar, false),
      row("State media", "Share of the outlet's attributions in this story citing state media; opens them", (c) =>
        h("a", { href: `#/${evidenceRoute({ outlet_name: c.outlet, filter: storyFilter, source_type: "state_media" })}` }, percent(c.state_media_share))),
      row("Anonymous", "Share of the outlet's attributions in this story citing anonymous sources; opens them", (c) =>
        h("a", { href: `#/${evidenceRoute({ outlet_name: c.outlet, filter: storyFilter, source_type: "anonymous" })}` }, percent(c.anonymous_share))),
      row("Second-hand", "Share of attributions relayed through another source (a chain of two or more hops)", (c) => percent(c.second_hand_share)),
      row("Direct quotes", "Share of attributions that quote directly", (c) => percent(c.direct_quote_share)),
      row("Transparency", "Mean sourcing transparency, 0–100, of the outlet's articles that attribute", (c) => (c.transparency === null ? "—" : String(Math.round(c.transparency)))),
      row("Distancing cues", "Attributions whose cue keeps a distance (“claimed”)", (c) => `${c.distancing} of ${c.attributions}`),
      row("Hedges", "Hedging words (“reportedly”, “may”) in the outlet's articles", (c) => String(c.hedges)),
      row("Loaded terms", "Loaded terms (“regime”) in the outlet's articles", (c) => String(c.loaded_terms)),
      row("Mean tone", "The mean tone of the outlet's sentences, −1 to +1", (c) => signed(c.tone)),
      row("Top sources", "The sources it cited most, with their type", (c) =>
        c.sources.length
          ? h("ul", { class: "plain" }, ...c.sources.slice(0, 5).map((s) => h("li", {}, s.canonical, h("span", { class: "muted" }, ` ×${s.attributions} `), h("div", { class: "small" }, typeBadge(s.source_type)))))
          : h("span", { class: "muted" }, "none"),
        false,
      ),
      row("Agencies credited", "Datelines, wire and photo credits", (c) => (c.credits.length ? c.credits.join(", ") : "—"), false),
      row("Reused copy", "The largest share of one of its articles found in another article; syndicated means republished wire copy", (c) =>
        `${percent(c.reused_share)}${c.syndicated ? " · syndicated" : ""}`,
      ),
    ),
  );
}

function entityTable(cmp: StoryComparison): HTMLTableElement {
  const outlets = cmp.outlets.map((o) => o.outlet);
  return h(
    "table",
    { class: "entities", "aria-label": "Tone toward the main names" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col", class: "num" }, "Mentions"), ...outlets.map((o) => h("th", { scope: "col", class: "num" }, o)))),
    h(
      "tbody",
      {},
      ...cmp.entities.map((e) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, e.entity),
          h("td", { class: "num" }, e.mentions),
          ...outlets.map((o) => {
            const tone = e.tone[o];
            return h("td", { class: `num ${tone === undefined ? "muted" : tone > 0.05 ? "tone-positive" : tone < -0.05 ? "tone-negative" : ""}` }, signed(tone));
          }),
        ),
      ),
    ),
  );
}

/** Sources only one outlet cited, grouped by that outlet. */
function sourceBlindspots(spots: SourceBlindspot[]): HTMLElement {
  if (spots.length === 0) return h("p", { class: "hint" }, "Every named source in this story was cited by more than one outlet.");
  const byOutlet = new Map<string, SourceBlindspot[]>();
  for (const s of spots) byOutlet.set(s.outlet, [...(byOutlet.get(s.outlet) ?? []), s]);
  return h(
    "div",
    { class: "blindspots" },
    ...[...byOutlet.entries()].map(([outlet, list]) =>
      h(
        "section",
        { class: "panel" },
        h("h3", {}, `Only ${outlet} cited`),
        h(
          "ul",
          { class: "plain" },
          ...list.map((s) =>
            h(
              "li",
              {},
              typeBadge(s.source_type),
              " ",
              h("a", { href: `#/article/${s.article_id}?start=${s.start}&end=${s.end}`, title: `The article where ${outlet} first cites ${s.canonical}` }, s.canonical),
              h("span", { class: "muted" }, ` — ${s.attributions} attribution${s.attributions === 1 ? "" : "s"}, ${typeInfo(s.source_type).label}`),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Marks the words no other outlet used, in text nodes only. */
function markUnshared(text: string, words: string[]): HTMLElement {
  const out = h("q", {});
  if (words.length === 0) {
    out.textContent = text;
    return out;
  }
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  // Whole words only: "5" must not mark the 5 in "2015".
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  for (const part of text.split(pattern)) {
    if (!part) continue;
    out.appendChild(words.some((w) => w.toLowerCase() === part.toLowerCase()) ? h("mark", {}, part) : document.createTextNode(part));
  }
  return out;
}

const BECAUSE: Record<string, string> = { number: "a number", quote: "a quote", name: "a name" };

function factBlindspots(facts: FactBlindspot[]): HTMLElement {
  if (facts.length === 0) return h("p", { class: "hint" }, "No checkable fact (number, quote or name) was carried by one outlet alone.");
  return h(
    "table",
    { class: "facts", "aria-label": "Facts only one outlet carried" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Outlet"), h("th", { scope: "col" }, "What only it carried"), h("th", { scope: "col" }, "Because of"), h("th", { scope: "col" }, "Article"))),
    h(
      "tbody",
      {},
      ...facts.map((f) =>
        h(
          "tr",
          {},
          h("td", {}, f.outlet),
          h("td", { class: "content" }, markUnshared(f.text, f.unshared), f.unshared.length > 0 && h("div", { class: "hint" }, `No other outlet used: ${f.unshared.join(", ")}`)),
          h("td", {}, BECAUSE[f.because] ?? f.because),
          h("td", {}, h("a", { href: `#/article/${f.article_id}?start=${f.start}&end=${f.end}` }, `#${f.article_id}`)),
        ),
      ),
    ),
  );
}
