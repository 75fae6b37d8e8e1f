// The receipts behind every figure: the attributions one bar, cell or count
// stands for, each with its article, cue, source and what was attributed.
// The dashboard, a source's profile and a story's comparison all link here
// with the same selection they were computed over, so the list has exactly
// the attributions the figure counted.

import { call } from "../ipc";
import { h, day, empty, typeBadge, typeInfo } from "../dom";
import type { AttributionKind, EvidenceQuery, EvidenceRow, Stance } from "../generated/types";
import { navigate, type ViewContext } from "../main";
import { describeFilter, filterFrom, route } from "../filters";

const PAGE = 50;

/** How each kind of attribution reads in a sentence. */
export const KIND_LABELS: Record<AttributionKind, string> = {
  direct: "direct quote",
  indirect: "paraphrase",
  mixed: "partly quoted",
  according_to: "“according to”",
  citing: "“citing”",
  media_report: "media report",
  no_source: "no source named",
};

/** Each stance with a typical cue, so the word explains itself. */
export const STANCE_LABELS: Record<Stance, string> = {
  neutral: "neutral (“said”)",
  distancing: "distancing (“claimed”)",
  endorsing: "endorsing (“noted”)",
  negative: "negative (“admitted”)",
};

function number(value: string | null): number | null {
  if (value === null || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function queryFrom(params: URLSearchParams): EvidenceQuery {
  return {
    filter: filterFrom(params),
    outlet_name: params.get("outlet_name") || null,
    source_type: params.get("source_type") || null,
    source_id: number(params.get("source_id")),
    stance: params.get("stance") || null,
    min_depth: number(params.get("min_depth")),
    offset: Math.max(0, number(params.get("offset")) ?? 0),
    limit: PAGE,
  };
}

/** The route of an evidence query: how other views link here. */
export function evidenceRoute(query: Partial<EvidenceQuery>): string {
  return route("evidence", query.filter ?? null, {
    outlet_name: query.outlet_name,
    source_type: query.source_type,
    source_id: query.source_id,
    stance: query.stance,
    min_depth: query.min_depth,
    offset: query.offset || null,
  });
}

/** What was asked for, in words: "state media cited by CGTN". */
function describe(query: EvidenceQuery, sourceName: string | null): string {
  let who: string;
  if (sourceName) who = sourceName;
  else if (query.source_type === "unknown") who = "sources of unknown type, or none named,";
  else if (query.source_type) who = typeInfo(query.source_type).label;
  else who = "every source";
  const parts = [`${who} cited by ${query.outlet_name ?? "every outlet"}`];
  if (query.stance && query.stance in STANCE_LABELS) parts.push(`with a ${STANCE_LABELS[query.stance as Stance]} cue`);
  else if (query.stance) parts.push(`with a ${query.stance} cue`);
  if (query.min_depth !== null && query.min_depth >= 2) parts.push(`relayed second-hand (${query.min_depth} or more hops from the source)`);
  parts.push(...describeFilter(query.filter));
  return parts.join(", ");
}

export async function renderEvidence({ root, params }: ViewContext): Promise<void> {
  const query = queryFrom(params);
  const page = await call("evidence", query);
  // The source's name, for the sentence that says what is listed: any row
  // citing it has it; without rows, the source's own record does.
  let sourceName: string | null = null;
  if (query.source_id !== null) {
    sourceName =
      page.rows.find((r) => r.attribution.source_id === query.source_id)?.attribution.source?.canonical ??
      (await call("source", { id: query.source_id }).then((p) => p.source.canonical, () => null));
  }
  const go = (change: Partial<EvidenceQuery>) => navigate(evidenceRoute({ ...query, offset: 0, ...change }));

  root.appendChild(h("header", { class: "toolbar" }, h("h1", {}, "Evidence")));
  const total = Number(page.total);
  root.appendChild(
    h(
      "p",
      { class: "lede" },
      h("strong", {}, `${total.toLocaleString()} attribution${total === 1 ? "" : "s"}`),
      `: ${describe(query, sourceName)}.`,
    ),
  );

  // Each condition can be taken away, to widen the list one step at a time.
  const chips: HTMLElement[] = [];
  const chip = (label: string, change: () => void) =>
    chips.push(h("button", { class: "chip", "aria-label": `Remove the condition ${label}`, onclick: change }, `${label} ✕`));
  if (query.outlet_name) chip(`outlet: ${query.outlet_name}`, () => go({ outlet_name: null }));
  if (query.source_type) chip(`type: ${typeInfo(query.source_type).label}`, () => go({ source_type: null }));
  if (query.source_id !== null) chip(`source: ${sourceName ?? `#${query.source_id}`}`, () => go({ source_id: null }));
  if (query.stance) chip(`stance: ${query.stance}`, () => go({ stance: null }));
  if (query.min_depth !== null) chip(`relayed: ${query.min_depth}+ hops`, () => go({ min_depth: null }));
  for (const part of describeFilter(query.filter)) {
    chip(part, () => navigate(evidenceRoute({ ...query, offset: 0, filter: filterFrom(new URLSearchParams()) })));
  }
  if (chips.length) root.appendChild(h("div", { class: "chips" }, ...chips));
  if (query.source_id !== null) {
    root.appendChild(h("p", { class: "hint" }, "Who cites this source, and how: ", h("a", { href: `#/sources/${query.source_id}` }, `the profile of ${sourceName ?? "the source"}`), "."));
  }

  if (total === 0) {
    root.appendChild(
      empty(
        "No attributions match",
        "Remove a condition above to widen the list. If you came from a chart, the library may have been re-analysed since it was drawn: go back and open the figure again.",
      ),
    );
    return;
  }

  const first = query.offset + 1;
  const last = query.offset + page.rows.length;
  root.appendChild(h("div", { class: "summary" }, `${first}–${last} of ${total.toLocaleString()}, newest articles first`));
  root.appendChild(evidenceTable(page.rows, { showSource: query.source_id === null }));
  if (total > PAGE) {
    root.appendChild(
      h(
        "nav",
        { class: "pager", "aria-label": "Pages" },
        h("button", { disabled: query.offset === 0, onclick: () => go({ offset: Math.max(0, query.offset - PAGE) }) }, "← Newer"),
        h("button", { disabled: last >= total, onclick: () => go({ offset: query.offset + PAGE }) }, "Older →"),
      ),
    );
  }
}

/**
 * One attribution as a table row: the outlet and date, the article (which
 * opens with this attribution highlighted), the source with its type, the
 * cue with its stance and kind, and what was attributed.
 */
export function evidenceRow(row: EvidenceRow, options: { showSource: boolean }): HTMLTableRowElement {
  const a = row.attribution;
  const stance = a.stance !== "neutral" ? h("span", { class: `stance stance-${a.stance}`, title: STANCE_LABELS[a.stance] }, a.stance) : null;
  const relayed =
    a.depth >= 2
      ? h("span", { class: "tag", title: `The source reached ${row.outlet} through ${a.depth - 1} intermediar${a.depth === 2 ? "y" : "ies"}` }, `relayed, ${a.depth} hops`)
      : null;
  const source = a.source
    ? h("div", { class: "source" }, h("div", {}, a.source.canonical), typeBadge(a.source.type), a.source.text !== a.source.canonical && h("div", { class: "as-written" }, `as written: “${a.source.text}”`))
    : h("div", { class: "source" }, h("div", { class: "muted" }, "no source named"), typeBadge("unknown"));
  const content = a.content.map((span) => span.text).join(" … ");
  return h(
    "tr",
    {},
    h("td", {}, row.outlet),
    h("td", { class: "date" }, day(row.published)),
    h("td", { class: "title" }, h("a", { href: `#/article/${row.article_id}?attribution=${a.id}` }, row.title || "(untitled)")),
    options.showSource && h("td", {}, source),
    h("td", { class: "cue" }, h("q", {}, a.cue.text), h("div", { class: "kind" }, KIND_LABELS[a.kind], stance && " · ", stance), relayed),
    h("td", { class: "content" }, content || h("span", { class: "muted" }, "(no content span)")),
  );
}

/** A table of evidence rows; the sources view leaves out the source column. */
export function evidenceTable(rows: EvidenceRow[], options: { showSource: boolean }): HTMLTableElement {
  return h(
    "table",
    { class: "evidence", "aria-label": "Attributions" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Outlet"),
        h("th", { scope: "col" }, "Date"),
        h("th", { scope: "col" }, "Article"),
        options.showSource && h("th", { scope: "col" }, "Source"),
        h("th", { scope: "col", title: "The words that attribute, and their stance when it is not neutral" }, "Cue"),
        h("th", { scope: "col" }, "What was attributed"),
      ),
    ),
    h("tbody", {}, ...rows.map((row) => evidenceRow(row, options))),
  );
}
