// The selection every figure is computed over (outlets, collection, dates,
// a search, a story, own work only), read from and written to the address like the library's
// toolbar, so a dashboard, a story list and the evidence behind a bar can
// be linked, reloaded and gone back to with the same selection.

import { call } from "./ipc";
import { h } from "./dom";
import type { ArticleFilter } from "./generated/types";

/** The parameters of a route that make up the selection. */
export const FILTER_KEYS = ["outlet", "since", "until", "collection", "agency", "without_syndicated", "search", "story"] as const;

export function filterFrom(params: URLSearchParams): ArticleFilter {
  const text = (k: string) => params.get(k) || null;
  const story = Number(params.get("story"));
  return {
    // `outlet` repeats for a set of outlets: `?outlet=BBC&outlet=TASS`.
    outlets: params.getAll("outlet").filter(Boolean),
    since: text("since"),
    until: text("until"),
    collection: text("collection"),
    agency: text("agency"),
    without_syndicated: params.get("without_syndicated") === "1",
    search: text("search"),
    story: Number.isInteger(story) && story > 0 ? story : null,
    limit: null,
    offset: 0,
  };
}

/** Writes a selection into route parameters, leaving out what is unset. */
export function setFilter(params: URLSearchParams, filter: ArticleFilter): URLSearchParams {
  for (const key of FILTER_KEYS) params.delete(key);
  for (const outlet of filter.outlets) params.append("outlet", outlet);
  if (filter.since) params.set("since", filter.since);
  if (filter.until) params.set("until", filter.until);
  if (filter.collection) params.set("collection", filter.collection);
  if (filter.agency) params.set("agency", filter.agency);
  if (filter.without_syndicated) params.set("without_syndicated", "1");
  if (filter.search) params.set("search", filter.search);
  if (filter.story !== null) params.set("story", String(filter.story));
  return params;
}

/** A route with a selection and more parameters: `evidence?outlet_name=…`. */
export function route(view: string, filter: ArticleFilter | null, extra: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  }
  if (filter) setFilter(params, filter);
  const query = params.toString();
  return query ? `${view}?${query}` : view;
}

export function hasFilter(filter: ArticleFilter): boolean {
  return Boolean(
    filter.outlets.length || filter.since || filter.until || filter.collection || filter.agency || filter.without_syndicated || filter.search || filter.story !== null,
  );
}

/**
 * The selection in words, for a heading: "outlet CGTN, published on or
 * after 2021-12-01, own work only". It says what `ArticleFilter::describe`
 * says in Rust, which heads reports.
 */
export function describeFilter(filter: ArticleFilter): string[] {
  const parts: string[] = [];
  if (filter.outlets.length === 1) parts.push(`outlet ${filter.outlets[0]}`);
  else if (filter.outlets.length > 1) parts.push(`outlets ${filter.outlets.join(" or ")}`);
  if (filter.collection) parts.push(`collection “${filter.collection}”`);
  if (filter.story !== null) parts.push(`story ${filter.story}`);
  if (filter.search) parts.push(`matching “${filter.search}”`);
  if (filter.agency) parts.push(`crediting ${filter.agency}`);
  if (filter.since && filter.until) parts.push(`published ${filter.since} to ${filter.until}`);
  else if (filter.since) parts.push(`published on or after ${filter.since}`);
  else if (filter.until) parts.push(`published on or before ${filter.until}`);
  if (filter.without_syndicated) parts.push("own work only (republished wire copy left out)");
  return parts;
}

/**
 * The filter controls, as in the library's toolbar. `go` gets the changed
 * selection; the view turns it into its own route.
 */
export async function filterControls(filter: ArticleFilter, go: (filter: ArticleFilter) => void): Promise<HTMLElement> {
  const [outlets, collections] = await Promise.all([call("outlets"), call("collections")]);
  const change = (patch: Partial<ArticleFilter>) => go({ ...filter, ...patch, offset: 0 });
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value || null;
  // A set of outlets is chosen one at a time: each chosen outlet is a chip
  // that removes itself, and the list adds another.
  const chosen = filter.outlets.map((name) =>
    h("button", { class: "chip", title: `Leave out ${name}`, "aria-label": `Remove outlet ${name}`, onclick: () => change({ outlets: filter.outlets.filter((o) => o !== name) }) }, `${name} ×`),
  );
  const addable = outlets.filter((o) => o.articles > 0 && !filter.outlets.includes(o.name));
  return h(
    "div",
    { class: "filters" },
    ...chosen,
    h(
      "select",
      {
        "aria-label": filter.outlets.length ? "Add an outlet" : "Outlet",
        onchange: (e: Event) => {
          const name = value(e);
          if (name) change({ outlets: [...filter.outlets, name] });
        },
      },
      h("option", { value: "", selected: true }, filter.outlets.length ? "+ Add an outlet" : "All outlets"),
      ...addable.map((o) => h("option", { value: o.name }, `${o.name} (${o.articles})`)),
    ),
    h(
      "select",
      { "aria-label": "Collection", onchange: (e: Event) => change({ collection: value(e) }) },
      h("option", { value: "" }, "All collections"),
      ...collections.map((c) => h("option", { value: c.name, selected: c.name === filter.collection }, `${c.name} (${c.articles})`)),
    ),
    h("input", { type: "date", value: filter.since ?? "", "aria-label": "Published on or after", onchange: (e: Event) => change({ since: value(e) }) }),
    h("input", { type: "date", value: filter.until ?? "", "aria-label": "Published on or before", onchange: (e: Event) => change({ until: value(e) }) }),
    h(
      "label",
      { class: "toggle", title: "Leave out wire copy that outlets republished, to compare outlets on their own work" },
      h("input", { type: "checkbox", checked: filter.without_syndicated, onchange: (e: Event) => change({ without_syndicated: (e.target as HTMLInputElement).checked }) }),
      " Own work only",
    ),
    filter.search && h("button", { class: "chip", "aria-label": "Remove the search", onclick: () => change({ search: null }) }, `matching “${filter.search}” ×`),
    filter.story !== null && h("button", { class: "chip", "aria-label": `Remove story ${filter.story}`, onclick: () => change({ story: null }) }, `story #${filter.story} ×`),
    hasFilter(filter) && h("button", { class: "link", onclick: () => go(filterFrom(new URLSearchParams())) }, "Clear filters"),
  );
}
