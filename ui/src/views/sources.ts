// Sources: every canonical source the library cites ("Dmitry Peskov",
// "TASS", "a senior official"), and for each one a profile of who cites it
// and how: per outlet, how often, how often second-hand, and with which
// stance of cue, above the attributions themselves.

import { call } from "../ipc";
import { h, empty, percent, typeBadge, typeInfo } from "../dom";
import { SOURCE_TYPES } from "../generated/types";
import type { SourceCitations, SourceRecord } from "../generated/types";
import { navigate, type ViewContext } from "../main";
import { route } from "../filters";
import { sortableTable } from "../table";
import { evidenceRoute, evidenceTable, STANCE_LABELS } from "./evidence";

/** The list shows at most this many sources, the most cited first. */
const LIMIT = 500;

export async function renderSources(ctx: ViewContext): Promise<void> {
  const id = Number(ctx.rest);
  if (ctx.rest && Number.isInteger(id)) return renderProfile(ctx.root, id);
  return renderList(ctx);
}

async function renderList({ root, params }: ViewContext): Promise<void> {
  const type = params.get("type") || null;
  const country = params.get("country") || null;
  const name = params.get("name") ?? "";
  const sort = params.get("sort") ?? "attributions";
  const descending = params.get("order") !== "asc";
  const sources = await call("sources", { source_type: type, country, limit: LIMIT });

  // The route keeps the filters and the sort, so Back returns to the same list.
  const routeOf = (change: Record<string, string | null>) => {
    const next: Record<string, string | null> = { type, country, name: name || null, sort: sort === "attributions" ? null : sort, order: descending ? null : "asc", ...change };
    return route("sources", null, next);
  };
  const go = (change: Record<string, string | null>) => navigate(routeOf(change));

  const typeSelect = h(
    "select",
    { "aria-label": "Source type", onchange: (e: Event) => go({ type: (e.target as HTMLSelectElement).value || null }) },
    h("option", { value: "" }, "All types"),
    ...SOURCE_TYPES.map((t) => h("option", { value: t.type, selected: t.type === type }, t.label)),
  );
  const countries = [...new Set(sources.map((s) => s.country).filter((c): c is string => Boolean(c)))].sort();
  const countryInput = h("input", {
    type: "text",
    size: 8,
    maxlength: 2,
    placeholder: "Country",
    title: "A two-letter country code (ISO 3166-1), such as RU or CN; Enter applies it",
    "aria-label": "Country code",
    value: country ?? "",
    list: "source-countries",
  });
  countryInput.addEventListener("change", () => go({ country: countryInput.value.trim().toUpperCase() || null }));
  // Narrowing by name happens in the page: the list is already here.
  const nameInput = h("input", { type: "search", placeholder: "Filter by name", "aria-label": "Filter sources by name", value: name });

  root.appendChild(
    h(
      "header",
      { class: "toolbar" },
      h("h1", {}, "Sources"),
      h(
        "div",
        { class: "filters" },
        nameInput,
        typeSelect,
        countryInput,
        h("datalist", { id: "source-countries" }, ...countries.map((c) => h("option", { value: c }))),
        (type || country) && h("button", { class: "link", onclick: () => go({ type: null, country: null }) }, "Clear filters"),
      ),
    ),
  );

  if (sources.length === 0) {
    root.appendChild(
      type || country
        ? empty("No sources match", `No ${type ? typeInfo(type).label : ""} source${country ? ` from ${country}` : ""} is cited in the library.`, "Change or clear the filters above.")
        : empty("No sources yet", h("p", {}, "Sources are found when articles are analysed. Import articles in the ", h("a", { href: "#/library" }, "Library"), "; every source they cite then gets a row here.")),
    );
    return;
  }

  const summary = h("p", { class: "summary" });
  const holder = h("div");
  root.append(summary, holder);
  const draw = () => {
    const needle = nameInput.value.trim().toLocaleLowerCase();
    const shown = needle ? sources.filter((s) => s.canonical.toLocaleLowerCase().includes(needle)) : sources;
    summary.textContent =
      `${shown.length.toLocaleString()} source${shown.length === 1 ? "" : "s"}` +
      (needle ? ` matching “${nameInput.value.trim()}”` : "") +
      (sources.length >= LIMIT ? ` among the ${LIMIT} most cited; choose a type or a country to see others` : ", most cited first") +
      ". Open one to see who cites it and how.";
    holder.replaceChildren(sourcesTable(shown, sort, descending, (key, desc) => replaceRoute(routeOf({ sort: key === "attributions" ? null : key, order: desc ? null : "asc" }))));
  };
  nameInput.addEventListener("input", () => {
    draw();
    replaceRoute(routeOf({ name: nameInput.value.trim() || null }));
  });
  draw();
}

/** Records a sort or a name filter in the address without drawing the view again. */
function replaceRoute(target: string): void {
  history.replaceState(history.state, "", `#/${target}`);
}

function sourcesTable(sources: SourceRecord[], sort: string, descending: boolean, onSort: (key: string, descending: boolean) => void): HTMLTableElement {
  return sortableTable(
    sources,
    [
      { key: "canonical", label: "Source", value: (s) => s.canonical, cell: (s) => h("a", { href: `#/sources/${s.id}` }, s.canonical) },
      { key: "type", label: "Type", value: (s) => typeInfo(s.source_type).label, cell: (s) => typeBadge(s.source_type) },
      { key: "country", label: "Country", value: (s) => s.country, cell: (s) => s.country ?? "—" },
      { key: "attributions", label: "Attributions", numeric: true, title: "Attributions that cite the source", value: (s) => Number(s.attributions) },
      { key: "articles", label: "Articles", numeric: true, title: "Articles that cite the source", value: (s) => Number(s.articles) },
    ],
    { label: "Sources", sort, descending, onSort, class: "sources" },
  );
}

async function renderProfile(root: HTMLElement, id: number): Promise<void> {
  const profile = await call("source", { id });
  const { source, citations, evidence } = profile;
  const info = typeInfo(source.source_type);

  root.appendChild(
    h(
      "header",
      { class: "toolbar" },
      h("h1", {}, source.canonical),
      typeBadge(source.source_type),
      source.country && h("span", { class: "tag", title: "Country (ISO 3166-1)" }, source.country),
      h("div", { class: "actions" }, h("a", { href: `#/sources?type=${encodeURIComponent(source.source_type)}` }, `All ${info.label} sources`)),
    ),
  );
  const outlets = citations.length;
  root.appendChild(
    h(
      "p",
      { class: "summary" },
      `Cited ${Number(source.attributions).toLocaleString()} time${Number(source.attributions) === 1 ? "" : "s"} in ${Number(source.articles).toLocaleString()} article${Number(source.articles) === 1 ? "" : "s"} by ${outlets} outlet${outlets === 1 ? "" : "s"}.`,
    ),
  );

  root.appendChild(h("h2", {}, "Who cites it, and how"));
  if (citations.length === 0) {
    root.appendChild(h("p", { class: "hint" }, "No analysed article cites this source any more: the articles that did were removed or re-analysed."));
  } else {
    root.appendChild(
      h(
        "p",
        { class: "denominator" },
        "Shares are of the outlet's attributions to this source. Relayed: it reached the outlet through another source (a chain of two or more hops). Each number opens its attributions.",
      ),
    );
    root.appendChild(citationsTable(id, citations));
  }

  root.appendChild(h("h2", {}, "The attributions"));
  if (evidence.rows.length === 0) return;
  const total = Number(evidence.total);
  root.appendChild(
    h(
      "p",
      { class: "summary" },
      total > evidence.rows.length ? `The ${evidence.rows.length} newest of ${total.toLocaleString()}, ` : `All ${total.toLocaleString()}, `,
      "newest articles first. ",
      total > evidence.rows.length && h("a", { href: `#/${evidenceRoute({ source_id: id })}` }, `Page through all ${total.toLocaleString()}`),
    ),
  );
  root.appendChild(evidenceTable(evidence.rows, { showSource: false }));
}

function citationsTable(id: number, citations: SourceCitations[]): HTMLTableElement {
  const link = (c: SourceCitations, n: number, extra: { stance?: string; min_depth?: number }, text: string, title?: string) =>
    n > 0 ? h("a", { href: `#/${evidenceRoute({ source_id: id, outlet_name: c.outlet, ...extra })}`, title: title ?? null }, text) : text;
  const share = (n: number, c: SourceCitations) => `${n} (${percent(n / Math.max(1, Number(c.attributions)))})`;
  const stances = ["neutral", "distancing", "endorsing", "negative"] as const;
  return sortableTable(
    citations,
    [
      { key: "outlet", label: "Outlet", value: (c) => c.outlet },
      { key: "attributions", label: "Attributions", numeric: true, value: (c) => Number(c.attributions), cell: (c) => link(c, Number(c.attributions), {}, String(c.attributions)) },
      { key: "articles", label: "Articles", numeric: true, value: (c) => Number(c.articles) },
      {
        key: "relayed",
        label: "Relayed",
        numeric: true,
        title: "Attributions that relay the source second-hand, and their share",
        value: (c) => Number(c.relayed) / Math.max(1, Number(c.attributions)),
        cell: (c) => link(c, Number(c.relayed), { min_depth: 2 }, share(Number(c.relayed), c)),
      },
      ...stances.map((stance) => ({
        key: stance,
        label: stance[0].toUpperCase() + stance.slice(1),
        numeric: true,
        title: `Attributions with a ${STANCE_LABELS[stance]} cue`,
        value: (c: SourceCitations) => Number(c[stance]) / Math.max(1, Number(c.attributions)),
        cell: (c: SourceCitations) => link(c, Number(c[stance]), { stance }, share(Number(c[stance]), c)),
      })),
    ],
    { label: "Citations by outlet", sort: "attributions", descending: true, class: "citations" },
  );
}
