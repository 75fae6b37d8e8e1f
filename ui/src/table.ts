// A table sorted in the page: for lists the views already hold in full (the
// outlets of a dashboard, the sources, the stories), where asking the
// backend again for each sort would only add a round trip.

import { h, clear } from "./dom";

type Cell = Node | string | number | null;

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  /** Says what the column counts, on hover. */
  title?: string;
  /** The value sorted on; null sorts last whichever the direction. */
  value: (row: T) => string | number | null;
  /** What the cell shows, when not just the value. */
  cell?: (row: T) => Cell;
}

export interface TableOptions {
  label: string;
  sort: string;
  descending: boolean;
  /** Told of every new sort, so a view can keep it in the address. */
  onSort?: (key: string, descending: boolean) => void;
  class?: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function sortableTable<T>(rows: T[], columns: Column<T>[], options: TableOptions): HTMLTableElement {
  let sort = columns.some((c) => c.key === options.sort) ? options.sort : columns[0].key;
  let descending = options.descending;
  const head = h("tr");
  const body = h("tbody");

  const draw = () => {
    const column = columns.find((c) => c.key === sort) ?? columns[0];
    const sorted = [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return descending ? -order : order;
    });
    clear(head);
    for (const c of columns) {
      const active = c.key === sort;
      head.appendChild(
        h(
          "th",
          { scope: "col", class: c.numeric ? "num" : "", title: c.title ?? null, "aria-sort": active ? (descending ? "descending" : "ascending") : null },
          h(
            "button",
            {
              class: "sort",
              onclick: () => {
                // Numbers sort largest first, names A to Z, on a first click.
                descending = active ? !descending : Boolean(c.numeric);
                sort = c.key;
                options.onSort?.(sort, descending);
                draw();
              },
            },
            c.label,
            active ? (descending ? " ▾" : " ▴") : "",
          ),
        ),
      );
    }
    clear(body);
    for (const row of sorted) {
      body.appendChild(
        h("tr", {}, ...columns.map((c) => h("td", { class: c.numeric ? "num" : "" }, c.cell ? c.cell(row) : (c.value(row) ?? "—")))),
      );
    }
  };
  draw();
  return h("table", { class: options.class ?? "", "aria-label": options.label }, h("thead", {}, head), body);
}
