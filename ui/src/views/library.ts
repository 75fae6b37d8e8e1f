// The library: every article in a sortable, filterable, searchable table,
// with import (dialog, drop, paste) and collections.

import { call, CommandError, inDesktop } from "../ipc";
import { h, append, clear, day, empty, errorBox, percent, snippet } from "../dom";
import type { ArticleFilter, ArticleQuery, ArticleRow, ArticleSort } from "../generated/types";
import { importFromDialog, navigate, watchJob, type ViewContext } from "../main";
import { openExportDialog } from "./export";
import { filterControls, filterFrom, hasFilter, setFilter } from "../filters";

const PAGE = 100;

const columns: { key: ArticleSort | null; label: string; numeric?: boolean; title?: string }[] = [
  { key: null, label: "" },
  { key: "outlet", label: "Outlet" },
  { key: "published", label: "Date" },
  { key: "title", label: "Title" },
  { key: "attributions", label: "Attributions", numeric: true },
  { key: "state_media", label: "State media", numeric: true, title: "Share of the article's attributions citing state media" },
  { key: "anonymous", label: "Anonymous", numeric: true, title: "Share of the article's attributions citing anonymous sources" },
  { key: "transparency", label: "Transparency", numeric: true, title: "Sourcing transparency, 0–100: named, primary and specific sources score higher" },
];

/** The query is kept in the address, so Back and reload keep the table as it was. */
function queryFrom(params: URLSearchParams): ArticleQuery {
  const filter = filterFrom(params);
  return {
    filter: { ...filter, limit: PAGE, offset: Number(params.get("offset") || 0) },
    sort: (params.get("sort") as ArticleSort) || (filter.search ? "relevance" : "published"),
    descending: params.get("order") !== "asc",
  };
}

function routeOf(query: ArticleQuery): string {
  const params = setFilter(new URLSearchParams(), query.filter);
  if (query.sort !== "published" && !(query.filter.search && query.sort === "relevance")) params.set("sort", query.sort);
  if (!query.descending) params.set("order", "asc");
  if (query.filter.offset) params.set("offset", String(query.filter.offset));
  const text = params.toString();
  return text ? `library?${text}` : "library";
}

export async function renderLibrary({ root, params }: ViewContext): Promise<void> {
  const query = queryFrom(params);
  const collections = await call("collections");
  let page;
  try {
    page = await call("articles", query);
  } catch (e) {
    if (!(e instanceof CommandError) || e.code !== "bad_query") throw e;
    page = null;
    root.appendChild(errorBox(e));
  }

  const go = (change: Partial<ArticleQuery>) => navigate(routeOf({ ...query, ...change, filter: { ...(change.filter ?? query.filter), offset: change.filter?.offset ?? 0 } }));
  const goFilter = (filter: Partial<ArticleFilter>) => go({ filter: { ...query.filter, ...filter } });

  // The toolbar: search, filters and import.
  const search = h("input", {
    type: "search",
    placeholder: "Search: words, \"a phrase\", Peskov AND talks, title:kremlin   ( / )",
    value: query.filter.search ?? "",
    "aria-label": "Search the library",
  });
  search.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const text = search.value.trim() || null;
    go({ filter: { ...query.filter, search: text }, sort: text ? "relevance" : "published" });
  });
  // The library's own filters are the ones every other view shows, with the
  // table's paging kept apart from the selection.
  const filters = await filterControls(query.filter, (filter) => goFilter({ ...filter, limit: PAGE }));

  root.appendChild(
    h("header", { class: "toolbar" },
      h("h1", {}, "Library"),
      search,
      filters,
      h("div", { class: "actions" },
        h("button", { onclick: () => void importFromDialog(false).catch(showError) }, "Import files…"),
        h("button", { onclick: () => void importFromDialog(true).catch(showError) }, "Import a folder…"),
        h("button", { onclick: () => pasteDialog(root) }, "Paste an article…"),
        h("button", { class: "secondary", onclick: () => void call("analyze", { force: false }).then(watchJob, showError) }, "Analyse stale"),
        h("button", { class: "secondary", onclick: () => openExportDialog({ ...query.filter, limit: null, offset: 0 }) }, "Export…"),
      ),
    ),
  );
  function showError(e: unknown): void {
    root.prepend(errorBox(e));
  }

  if (!page) return;
  const libraryEmpty = page.total === 0 && !hasFilter(query.filter);
  if (libraryEmpty) {
    root.appendChild(
      empty(
        "Your library is empty",
        h("p", {}, inDesktop ? "Drop files or folders anywhere on this window, " : "Drop files anywhere on this page, ",
          "or use Import files… above. Sourcetrace reads page text, HTML, RSS/Atom feeds, CSV, JSON, JSONL and zip archives."),
        h("p", {}, h("button", { onclick: () => pasteDialog(root) }, "Paste an article"), " from a web page you have open."),
        h("p", {}, h("button", { onclick: () => void call("import_demo").then(watchJob, showError) }, "Open the demo articles"),
          " — a few fictional articles written for Sourcetrace that show state-media chains, wire credits, anonymous sources and syndicated copy."),
        h("p", { class: "hint" }, "Imported files are copied into the library; the originals are never changed. Nothing leaves this computer."),
      ),
    );
    return;
  }

  // Selection for collections.
  const selected = new Set<number>();
  const collectName = h("input", { type: "text", placeholder: "Collection name", "aria-label": "Collection name", list: "collection-names" });
  const selectionBar = h("div", { class: "selection", hidden: true },
    h("span", { class: "count" }),
    collectName,
    h("datalist", { id: "collection-names" }, ...collections.map((c) => h("option", { value: c.name }))),
    h("button", { onclick: () => void collect(false) }, "Add to collection"),
    h("button", { class: "secondary", onclick: () => void collect(true) }, "Remove from it"),
  );
  async function collect(remove: boolean): Promise<void> {
    const name = collectName.value.trim();
    if (!name) return collectName.focus();
    try {
      await call("collect", { name, ids: [...selected], remove });
      navigate(routeOf(query));
    } catch (e) {
      showError(e);
    }
  }
  const updateSelection = () => {
    selectionBar.hidden = selected.size === 0;
    (selectionBar.querySelector(".count") as HTMLElement).textContent = `${selected.size} selected`;
  };

  const offset = query.filter.offset;
  const first = page.total === 0 ? 0 : offset + 1;
  const last = offset + page.rows.length;
  root.appendChild(
    h("div", { class: "summary" },
      `${first}–${last} of ${page.total} articles`,
      query.filter.agency && h("span", {}, ` crediting ${query.filter.agency} `, h("button", { class: "link", onclick: () => goFilter({ agency: null }) }, "any agency")),
      page.ranked_among != null && h("p", { class: "hint ranked-among" },
        `Ranked by relevance among the ${page.ranked_among.toLocaleString("en")} most recently imported matches. `,
        "Narrow the search, filter by outlet or date, or ",
        h("button", { class: "link", onclick: () => go({ sort: "published", descending: true }) }, "sort by date"),
        " to see every match."),
    ),
  );
  root.appendChild(selectionBar);
  if (page.total === 0) {
    root.appendChild(empty("No articles match", "Change the search or the filters above."));
    return;
  }

  const head = h("tr", {}, ...columns.map((c) => {
    if (!c.key) return h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Select"));
    const sorted = query.sort === c.key;
    const th = h("th", { scope: "col", class: c.numeric ? "num" : "", title: c.title ?? null, "aria-sort": sorted ? (query.descending ? "descending" : "ascending") : null },
      h("button", { class: "sort", onclick: () => go({ sort: c.key as ArticleSort, descending: sorted ? !query.descending : c.key !== "outlet" && c.key !== "title" }) },
        c.label, sorted ? (query.descending ? " ▾" : " ▴") : ""));
    return th;
  }));
  const body = h("tbody");
  for (const row of page.rows) body.appendChild(articleRow(row, selected, updateSelection));
  root.appendChild(h("table", { class: "articles", "aria-label": "Articles" }, h("thead", {}, head), body));

  const pager = h("nav", { class: "pager", "aria-label": "Pages" },
    h("button", { disabled: offset === 0, onclick: () => goFilter({ offset: Math.max(0, offset - PAGE) }) }, "← Newer"),
    h("button", { disabled: last >= Math.min(page.total, page.ranked_among ?? page.total), onclick: () => goFilter({ offset: offset + PAGE }) }, "Older →"),
  );
  root.appendChild(pager);

  // Arrow keys move between rows; Enter opens the article.
  body.addEventListener("keydown", (e) => {
    const row = (e.target as HTMLElement).closest("tr");
    if (!row) return;
    if (e.key === "ArrowDown" || e.key === "j") (row.nextElementSibling as HTMLElement | null)?.focus();
    else if (e.key === "ArrowUp" || e.key === "k") (row.previousElementSibling as HTMLElement | null)?.focus();
    else if (e.key === "Enter") navigate(`article/${row.dataset.id}`);
    else return;
    e.preventDefault();
  });
}

function articleRow(row: ArticleRow, selected: Set<number>, changed: () => void): HTMLTableRowElement {
  const box = h("input", { type: "checkbox", "aria-label": `Select article ${row.id}` });
  box.addEventListener("change", () => {
    if (box.checked) selected.add(row.id);
    else selected.delete(row.id);
    changed();
  });
  const title = h("a", { href: `#/article/${row.id}` }, row.title || "(untitled)");
  const tr = h("tr", { tabindex: 0, "data-id": row.id },
    h("td", {}, box),
    h("td", {}, row.outlet ?? "—"),
    h("td", { class: "date" }, day(row.published)),
    h("td", { class: "title" }, title,
      row.syndicated && h("span", { class: "tag", title: "Republished wire copy" }, "syndicated"),
      row.snippet && h("div", { class: "hit" }, snippet(row.snippet))),
    h("td", { class: "num" }, row.attributions ?? "—"),
    h("td", { class: "num" }, percent(row.state_media_share)),
    h("td", { class: "num" }, percent(row.anonymous_share)),
    h("td", { class: "num" }, row.transparency === null ? "—" : Math.round(row.transparency)),
  );
  return tr;
}

function pasteDialog(root: HTMLElement): void {
  const text = h("textarea", { rows: 14, placeholder: "Paste the page text of an article: headline first, then the body.", "aria-label": "Article text" });
  const outlet = h("input", { type: "text", placeholder: "Outlet (optional: detected from the text)", "aria-label": "Outlet" });
  const message = h("div", { class: "message" });
  const dialog = h("dialog", { class: "paste" },
    h("h2", {}, "Paste an article"),
    text, outlet, message,
    h("div", { class: "actions" },
      h("button", { onclick: async () => {
        try {
          const job = await call("import_text", { text: text.value, outlet: outlet.value.trim() || null, collection: null });
          watchJob(job);
          dialog.close();
          dialog.remove();
        } catch (e) {
          clear(message);
          append(message, errorBox(e));
        }
      } }, "Import"),
      h("button", { class: "secondary", onclick: () => (dialog.close(), dialog.remove()) }, "Cancel"),
    ),
  );
  root.appendChild(dialog);
  dialog.showModal();
  text.focus();
}
