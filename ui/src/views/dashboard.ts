// The outlets dashboard: who each outlet quotes, how much of it is state
// media or anonymous, which wire agencies it leans on, its tone and its
// output over time. The numbers come first in a table, then the charts.
// Every share says its denominator, and every number, bar, cell and point
// opens what it counts: the attributions (evidence) or the articles
// (library) of the same selection.

import { call } from "../ipc";
import { h, empty, percent } from "../dom";
import { SOURCE_TYPES } from "../generated/types";
import type { ArticleFilter, Dashboard, OutletFraming, OutletSourcing } from "../generated/types";
import { navigate, type ViewContext } from "../main";
import { filterControls, filterFrom, hasFilter, describeFilter, route } from "../filters";
import {
  axisStyle,
  baseOption,
  chartCard,
  escapeHtml,
  outletColour,
  outletSymbol,
  pointOf,
  tooltipHtml,
  zoomSlider,
  ZOOM_HEIGHT,
  type ChartClick,
  type ChartOption,
  type Theme,
} from "../charts";
import { sortableTable, type Column } from "../table";
import { evidenceRoute } from "./evidence";

/** How the tallies name articles without an outlet; the library cannot filter on it. */
const NO_OUTLET = "(no outlet)";

/**
 * Line and timeline charts draw at most this many outlets, those with the
 * most analysed articles: past eight, colours repeat and lines tangle. The
 * table above has every outlet.
 */
const MAX_SERIES = 8;

/** The heatmap shows the agencies credited by the most articles. */
const MAX_AGENCIES = 14;

/** One row of the outlets table: the sourcing and framing of one outlet. */
interface OutletRow {
  outlet: string;
  sourcing: OutletSourcing | null;
  framing: OutletFraming | null;
}

/** The library with the dashboard's selection, narrowed to one outlet. */
function libraryRoute(filter: ArticleFilter, outlet: string, extra: Partial<ArticleFilter> = {}): string | null {
  if (outlet === NO_OUTLET) return null;
  return route("library", { ...filter, outlets: [outlet], ...extra });
}

function count(n: number): string {
  return Number(n).toLocaleString();
}

function signed(value: number | null): string {
  if (value === null) return "—";
  const rounded = value.toFixed(2);
  return value > 0 ? `+${rounded}` : rounded.replace("-", "−");
}

/** A link when there is somewhere to go, the bare text otherwise. */
function linkOr(href: string | null, text: string, title?: string): Node {
  return href ? h("a", { href: `#/${href}`, title: title ?? null }, text) : document.createTextNode(text);
}

export async function renderDashboard({ root, params }: ViewContext): Promise<void> {
  const filter = filterFrom(params);
  const go = (next: ArticleFilter) => navigate(route("dashboard", next));
  const [controls, dashboard] = await Promise.all([filterControls(filter, go), call("dashboard", filter)]);

  root.appendChild(h("header", { class: "toolbar" }, h("h1", {}, "Outlets"), controls));

  const analysed = dashboard.framing.reduce((sum, f) => sum + Number(f.articles), 0);
  if (dashboard.sourcing.length === 0 && analysed === 0) {
    root.appendChild(
      hasFilter(filter)
        ? empty("Nothing analysed in this selection", `No analysed article matches ${describeFilter(filter).join(", ")}.`, "Change or clear the filters above.")
        : empty(
            "Nothing analysed yet",
            h("p", {}, "Import articles in the ", h("a", { href: "#/library" }, "Library"), ", then they are analysed automatically."),
            "Each outlet then gets a row here: whom it quotes, how much of it is state media or anonymous, which wire agencies it credits, and its tone.",
          ),
    );
    return;
  }

  const rows = outletRows(dashboard);
  const attributions = dashboard.sourcing.reduce((sum, s) => sum + Number(s.attributions), 0);
  const selection = describeFilter(filter);
  root.appendChild(
    h(
      "p",
      { class: "summary" },
      `${rows.length} outlet${rows.length === 1 ? "" : "s"} · ${count(analysed)} analysed articles · ${count(attributions)} attributions`,
      selection.length ? ` · ${selection.join(", ")}` : "",
      ". Every number, bar and cell opens the attributions or articles behind it.",
    ),
  );

  root.appendChild(h("h2", {}, "By outlet"));
  root.appendChild(outletsTable(rows, filter));

  const charts = h("div", { class: "charts" });
  // Every chart lists the outlets in the table's order, so one outlet is in
  // the same place in each.
  const order = rows.map((r) => r.outlet);
  charts.append(
    sourcingMix(dashboard, filter, order),
    stateAndAnonymous(dashboard, filter, order),
    wireHeatmap(dashboard, filter, order),
    toneDistribution(dashboard, filter, rows),
    timeline(dashboard, filter, rows),
  );
  root.appendChild(charts);
}

/** Outlets in one order for every table and chart: most analysed articles first. */
function outletRows(dashboard: Dashboard): OutletRow[] {
  const byName = new Map<string, OutletRow>();
  const row = (outlet: string) => {
    let found = byName.get(outlet);
    if (!found) byName.set(outlet, (found = { outlet, sourcing: null, framing: null }));
    return found;
  };
  for (const f of dashboard.framing) row(f.outlet).framing = f;
  for (const s of dashboard.sourcing) row(s.outlet).sourcing = s;
  return [...byName.values()].sort(
    (a, b) => Number(b.framing?.articles ?? 0) - Number(a.framing?.articles ?? 0) || a.outlet.localeCompare(b.outlet),
  );
}

function outletsTable(rows: OutletRow[], filter: ArticleFilter): HTMLTableElement {
  const evidence = (row: OutletRow, extra: { source_type?: string; stance?: string }) =>
    evidenceRoute({ filter, outlet_name: row.outlet, ...extra });
  const columns: Column<OutletRow>[] = [
    {
      key: "outlet",
      label: "Outlet",
      value: (r) => r.outlet,
      cell: (r) => linkOr(libraryRoute(filter, r.outlet), r.outlet, `The articles of ${r.outlet} in the library`),
    },
    {
      key: "articles",
      label: "Articles",
      numeric: true,
      title: "Analysed articles in the selection",
      value: (r) => Number(r.framing?.articles ?? 0),
    },
    {
      key: "attributions",
      label: "Attributions",
      numeric: true,
      title: "Every attribution the outlet makes; the denominator of the shares that follow",
      value: (r) => Number(r.sourcing?.attributions ?? 0),
      cell: (r) => linkOr(evidence(r, {}), count(Number(r.sourcing?.attributions ?? 0))),
    },
    {
      key: "state_media",
      label: "State media",
      numeric: true,
      title: "Share of the outlet's attributions citing state media",
      value: (r) => r.sourcing?.state_media_share ?? null,
      cell: (r) => (r.sourcing ? linkOr(evidence(r, { source_type: "state_media" }), percent(r.sourcing.state_media_share)) : "—"),
    },
    {
      key: "anonymous",
      label: "Anonymous",
      numeric: true,
      title: "Share of the outlet's attributions citing anonymous sources",
      value: (r) => r.sourcing?.anonymous_share ?? null,
      cell: (r) => (r.sourcing ? linkOr(evidence(r, { source_type: "anonymous" }), percent(r.sourcing.anonymous_share)) : "—"),
    },
    {
      key: "distancing",
      label: "Distancing",
      numeric: true,
      title: "Share of the outlet's attributions whose cue keeps a distance (“claimed”, “alleged”)",
      value: (r) => r.framing?.distancing_share ?? null,
      cell: (r) => (r.framing ? linkOr(evidence(r, { stance: "distancing" }), percent(r.framing.distancing_share)) : "—"),
    },
    {
      key: "hedges",
      label: "Hedges /1,000 words",
      numeric: true,
      title: "Hedging words (“reportedly”, “may”) per 1,000 words of the outlet's articles",
      value: (r) => r.framing?.hedges_per_1000_words ?? null,
      cell: (r) => (r.framing ? r.framing.hedges_per_1000_words.toFixed(1) : "—"),
    },
    {
      key: "loaded",
      label: "Loaded /1,000 words",
      numeric: true,
      title: "Loaded terms (“regime”, “terrorists”) per 1,000 words of the outlet's articles",
      value: (r) => r.framing?.loaded_per_1000_words ?? null,
      cell: (r) => (r.framing ? r.framing.loaded_per_1000_words.toFixed(1) : "—"),
    },
    {
      key: "tone",
      label: "Mean tone",
      numeric: true,
      title: "The mean tone of the outlet's articles, from −1 (negative) to +1 (positive)",
      value: (r) => r.framing?.tone ?? null,
      cell: (r) => signed(r.framing?.tone ?? null),
    },
  ];
  return sortableTable(rows, columns, { label: "Outlets", sort: "articles", descending: true, class: "outlets" });
}

/** Items of outlets in the given order; outlets not in it go last, by name. */
function inOrder<T extends { outlet: string }>(items: T[], order: string[]): T[] {
  const rank = (o: string) => {
    const i = order.indexOf(o);
    return i < 0 ? order.length : i;
  };
  return [...items].sort((a, b) => rank(a.outlet) - rank(b.outlet) || a.outlet.localeCompare(b.outlet));
}

function leftOut(n: number): string {
  return n > 0 ? ` ${n} outlet${n === 1 ? "" : "s"} with fewer articles ${n === 1 ? "is" : "are"} left out; the table above has ${n === 1 ? "it" : "them"}.` : "";
}

function outletAxis(theme: Theme, outlets: string[], label?: (outlet: string) => string): ChartOption["yAxis"] {
  return {
    type: "category",
    data: outlets,
    inverse: true,
    ...axisStyle(theme),
    axisTick: { show: false },
    axisLabel: { color: theme.fg, width: 160, overflow: "truncate", lineHeight: 15, formatter: label },
  };
}

function shareAxis(theme: Theme, max?: number): ChartOption["xAxis"] {
  return { type: "value", min: 0, max, ...axisStyle(theme), axisLabel: { color: theme.fg, formatter: (v: number) => `${Math.round(v * 100)}%` } };
}

/** Sourcing mix: each outlet's attributions split by source type, as shares. */
function sourcingMix(dashboard: Dashboard, filter: ArticleFilter, order: string[]): HTMLElement {
  const outlets = inOrder(dashboard.sourcing, order);
  const names = outlets.map((o) => o.outlet);
  // One series per source type present, in the one order every view uses.
  const types = SOURCE_TYPES.filter((t) => outlets.some((o) => o.types.some((s) => s.source_type === t.type && s.attributions > 0)));
  const cell = (outlet: OutletSourcing, type: string) => outlet.types.find((s) => s.source_type === type) ?? null;
  return chartCard({
    name: "sourcing-mix-by-outlet",
    title: "Sourcing mix by outlet",
    denominator: "Share of each outlet's attributions, by source type; n = the outlet's attributions.",
    note: "Click a segment to read those attributions.",
    height: Math.max(200, outlets.length * 36 + 50 + 24 * Math.ceil(types.length / 5)),
    option: (theme) => ({
      ...baseOption(theme),
      grid: { left: 10, right: 16, top: 10, bottom: 24 * Math.ceil(types.length / 5) + 16, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: shareAxis(theme, 1),
      yAxis: outletAxis(theme, names, (name) => {
        const outlet = outlets.find((o) => o.outlet === name);
        return `${name}\nn = ${count(Number(outlet?.attributions ?? 0))}`;
      }),
      tooltip: {
        ...baseOption(theme).tooltip,
        trigger: "item",
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = pointOf(p);
          const outlet = outlets[dataIndex];
          const type = types[seriesIndex];
          const share = cell(outlet, type.type);
          return tooltipHtml(
            `${outlet.outlet}: ${type.label}`,
            `${count(Number(share?.attributions ?? 0))} of ${count(Number(outlet.attributions))} attributions (${percent(share?.share ?? 0)})`,
          );
        },
      },
      series: types.map((type) => ({
        type: "bar",
        name: type.label,
        stack: "mix",
        barMaxWidth: 22,
        itemStyle: { color: type.colour },
        emphasis: { focus: "series" },
        data: outlets.map((o) => cell(o, type.type)?.share ?? 0),
      })),
    }),
    onClick: (e: ChartClick) => {
      const outlet = outlets[e.dataIndex];
      const type = types[e.seriesIndex ?? 0];
      if (outlet && type) navigate(evidenceRoute({ filter, outlet_name: outlet.outlet, source_type: type.type }));
    },
  });
}

/** State media and anonymous sources side by side: the two shares most asked about. */
function stateAndAnonymous(dashboard: Dashboard, filter: ArticleFilter, order: string[]): HTMLElement {
  const outlets = inOrder(dashboard.sourcing, order);
  const kinds = SOURCE_TYPES.filter((t) => t.type === "state_media" || t.type === "anonymous");
  const shareOf = (o: OutletSourcing, type: string) => (type === "state_media" ? o.state_media_share : o.anonymous_share);
  const highest = Math.max(0.05, ...outlets.flatMap((o) => [o.state_media_share, o.anonymous_share]));
  return chartCard({
    name: "state-media-and-anonymous-by-outlet",
    title: "State media and anonymous sources",
    denominator: "Share of each outlet's attributions citing state media, and citing anonymous sources.",
    note: "Click a bar to read those attributions.",
    height: Math.max(200, outlets.length * 42 + 70),
    option: (theme) => ({
      ...baseOption(theme),
      grid: { left: 10, right: 40, top: 10, bottom: 40, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      // The axis ends a little past the largest share, so small shares stay visible.
      xAxis: shareAxis(theme, Math.min(1, Math.ceil(highest * 10) / 10)),
      yAxis: outletAxis(theme, outlets.map((o) => o.outlet)),
      tooltip: {
        ...baseOption(theme).tooltip,
        trigger: "item",
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = pointOf(p);
          const outlet = outlets[dataIndex];
          const kind = kinds[seriesIndex];
          const n = outlet.types.find((t) => t.source_type === kind.type)?.attributions ?? 0;
          return tooltipHtml(`${outlet.outlet}: ${kind.label}`, `${count(Number(n))} of ${count(Number(outlet.attributions))} attributions (${percent(shareOf(outlet, kind.type))})`);
        },
      },
      series: kinds.map((kind) => ({
        type: "bar",
        name: kind.label,
        barMaxWidth: 14,
        itemStyle: { color: kind.colour },
        label: { show: true, position: "right", color: theme.fg, fontSize: 11, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? percent(Number(p.value)) : "") },
        data: outlets.map((o) => shareOf(o, kind.type)),
      })),
    }),
    onClick: (e: ChartClick) => {
      const outlet = outlets[e.dataIndex];
      const kind = kinds[e.seriesIndex ?? 0];
      if (outlet && kind) navigate(evidenceRoute({ filter, outlet_name: outlet.outlet, source_type: kind.type }));
    },
  });
}

/** Which wire agencies each outlet credits, as a share of its articles. */
function wireHeatmap(dashboard: Dashboard, filter: ArticleFilter, order: string[]): HTMLElement {
  const { cells } = dashboard.credits;
  const outlets = inOrder(dashboard.credits.outlets, order);
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.agency, (totals.get(c.agency) ?? 0) + Number(c.articles));
  const agencies = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_AGENCIES)
    .map(([agency]) => agency);
  const names = outlets.map((o) => o.outlet);
  const title = "Wire agencies credited by outlet";
  const denominator = "Share of each outlet's analysed articles that credit the agency at least once (datelines, wire and photo credits).";
  if (agencies.length === 0 || names.length === 0) {
    return h(
      "section",
      { class: "chart-card", "aria-label": title },
      h("h2", {}, title),
      h("div", { class: "denominator" }, denominator),
      h("p", { class: "empty-chart" }, "No article in this selection credits a wire agency."),
    );
  }
  const find = (outlet: string, agency: string) => cells.find((c) => c.outlet === outlet && c.agency === agency) ?? null;
  const data: [number, number, number][] = [];
  names.forEach((outlet, y) => agencies.forEach((agency, x) => data.push([x, y, find(outlet, agency)?.share ?? 0])));
  const highest = Math.max(...data.map((d) => d[2]), 0.01);
  const more = totals.size - agencies.length;
  return chartCard({
    name: "wire-agencies-by-outlet",
    title,
    denominator,
    note: `Click a cell to open the outlet's articles crediting that agency.${more > 0 ? ` ${more} less credited agencies are left out.` : ""}`,
    height: Math.max(220, names.length * 34 + 110),
    option: (theme) => ({
      ...baseOption(theme),
      grid: { left: 10, right: 16, top: 10, bottom: 50, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      legend: { show: false },
      xAxis: { type: "category", data: agencies, ...axisStyle(theme), splitArea: { show: false }, axisLabel: { color: theme.fg, rotate: agencies.length > 3 ? 30 : 0, width: 120, overflow: "truncate", interval: 0 } },
      yAxis: outletAxis(theme, names),
      visualMap: {
        type: "continuous",
        min: 0,
        max: highest,
        calculable: false,
        orient: "horizontal",
        right: 10,
        bottom: 0,
        itemHeight: 120,
        itemWidth: 10,
        text: [percent(highest), "0%"],
        textStyle: { color: theme.muted },
        inRange: { color: [theme.bg, theme.accent] },
      },
      tooltip: {
        ...baseOption(theme).tooltip,
        trigger: "item",
        formatter: (p: unknown) => {
          const { dataIndex } = pointOf(p);
          const [x, y] = data[dataIndex];
          const outlet = outlets[y];
          const c = find(outlet.outlet, agencies[x]);
          return tooltipHtml(
            `${outlet.outlet} credits ${agencies[x]}`,
            `in ${count(Number(c?.articles ?? 0))} of ${count(Number(outlet.articles))} analysed articles (${percent(c?.share ?? 0)})`,
          );
        },
      },
      series: [
        {
          type: "heatmap",
          name: "Share of articles crediting the agency",
          data,
          itemStyle: { borderColor: theme.rule, borderWidth: 1 },
          label: {
            show: true,
            color: theme.fg,
            textBorderColor: theme.bg,
            textBorderWidth: 2,
            fontSize: 11,
            formatter: (p: { value: unknown }) => {
              const share = (p.value as number[])[2];
              return share > 0 ? `${Math.round(share * 100)}%` : "";
            },
          },
        },
      ],
    }),
    onClick: (e: ChartClick) => {
      const cell = data[e.dataIndex];
      const target = cell ? libraryRoute(filter, names[cell[1]], { agency: agencies[cell[0]] }) : null;
      if (target) navigate(target);
    },
  });
}

const TONE_BINS = Array.from({ length: 10 }, (_, i) => {
  const from = -1 + i * 0.2;
  const fmt = (v: number) => (Math.abs(v) < 1e-9 ? "0" : v.toFixed(1).replace("-", "−"));
  return `${fmt(from)} to ${fmt(from + 0.2)}`;
});

/** How each outlet's articles spread over the tone scale, as shares of its scored articles. */
function toneDistribution(dashboard: Dashboard, filter: ArticleFilter, rows: OutletRow[]): HTMLElement {
  const order = rows.map((r) => r.outlet);
  const byOutlet = new Map<string, number[]>();
  for (const bin of dashboard.tone) {
    const bins = byOutlet.get(bin.outlet) ?? new Array<number>(10).fill(0);
    bins[bin.bin] += Number(bin.articles);
    byOutlet.set(bin.outlet, bins);
  }
  const all = order.filter((o) => byOutlet.has(o));
  const outlets = all.slice(0, MAX_SERIES);
  const totals = outlets.map((o) => (byOutlet.get(o) ?? []).reduce((a, b) => a + b, 0));
  return chartCard({
    name: "tone-by-outlet",
    title: "Tone of articles by outlet",
    denominator: "Share of each outlet's scored articles in each tenth of the tone scale, from −1 (negative) to +1 (positive).",
    note: `Click a point to open the outlet's articles in the library.${leftOut(all.length - outlets.length)}`,
    height: 320,
    option: (theme) => ({
      ...baseOption(theme),
      grid: { left: 10, right: 16, top: 16, bottom: 24 * Math.ceil(outlets.length / 4) + 20, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "category", data: TONE_BINS, ...axisStyle(theme), axisLabel: { color: theme.fg, interval: 0, rotate: 30, fontSize: 11 }, name: "mean article tone", nameLocation: "middle", nameGap: 44 },
      yAxis: { type: "value", min: 0, ...axisStyle(theme), axisLabel: { color: theme.fg, formatter: (v: number) => `${Math.round(v * 100)}%` } },
      legend: { ...baseOption(theme).legend, icon: undefined, data: outlets },
      tooltip: {
        ...baseOption(theme).tooltip,
        trigger: "item",
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = pointOf(p);
          const outlet = outlets[seriesIndex];
          const n = byOutlet.get(outlet)?.[dataIndex] ?? 0;
          return tooltipHtml(outlet, `${count(n)} of ${count(totals[seriesIndex])} scored articles (${percent(n / Math.max(1, totals[seriesIndex]))})`, `with a mean tone from ${TONE_BINS[dataIndex]}`);
        },
      },
      series: outlets.map((outlet, i) => ({
        type: "line",
        name: outlet,
        symbol: outletSymbol(i),
        symbolSize: 8,
        itemStyle: { color: outletColour(i) },
        lineStyle: { width: 2, color: outletColour(i) },
        data: (byOutlet.get(outlet) ?? []).map((n) => n / Math.max(1, totals[i])),
      })),
    }),
    onClick: (e: ChartClick) => {
      const outlet = outlets[e.seriesIndex ?? 0];
      const target = outlet ? libraryRoute(filter, outlet) : null;
      if (target) navigate(target);
    },
  });
}

/** Analysed articles per period and outlet: when each outlet covered the selection. */
function timeline(dashboard: Dashboard, filter: ArticleFilter, rows: OutletRow[]): HTMLElement {
  const { period, points } = dashboard.timeline;
  const starts = [...new Set(points.map((p) => p.start))].sort();
  const ends = new Map(points.map((p) => [p.start, p.end]));
  const present = new Set(points.map((p) => p.outlet));
  const all = [...rows.map((r) => r.outlet).filter((o) => present.has(o)), ...[...present].filter((o) => !rows.some((r) => r.outlet === o)).sort()];
  const outlets = all.slice(0, MAX_SERIES);
  const counts = new Map(points.map((p) => [`${p.outlet}\u0000${p.start}`, Number(p.articles)]));
  const at = (outlet: string, d: string) => counts.get(`${outlet}\u0000${d}`) ?? 0;
  const per = { day: "day", week: "week", month: "month" }[period];
  const title = `Articles per ${per} by outlet`;
  const denominator = `Count of analysed articles published each ${per}${period === "week" ? " (Monday to Sunday)" : ""}, not a share; undated articles are left out. Longer selections are counted by week or by month.`;
  const days = starts;
  const label = (start: string) => (period === "day" ? start : period === "month" ? start.slice(0, 7) : `${start} to ${ends.get(start)}`);
  // Long periods get a slider to zoom into a few weeks.
  const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86_400_000;
  const zoom = span > 45;
  const legend = 24 * Math.ceil(outlets.length / 4) + 16;
  // Every series has every day (zero where the outlet published nothing),
  // so that the stacked bars line up on the time axis.
  return chartCard({
    name: `articles-per-${per}-by-outlet`,
    title,
    denominator,
    note: `Drag the handles under the chart to zoom into a period. Click a bar to open that outlet's articles of that ${per} in the library.${leftOut(all.length - outlets.length)}`,
    height: 320 + (zoom ? ZOOM_HEIGHT : 0),
    option: (theme) => ({
      ...baseOption(theme),
      grid: { left: 10, right: 16, top: 16, bottom: legend + (zoom ? ZOOM_HEIGHT : 0), outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      dataZoom: zoom ? [zoomSlider(theme, legend + 4)] : undefined,
      xAxis: { type: "time", ...axisStyle(theme), splitLine: { show: false } },
      yAxis: { type: "value", minInterval: 1, ...axisStyle(theme) },
      legend: { ...baseOption(theme).legend, data: outlets },
      tooltip: {
        ...baseOption(theme).tooltip,
        trigger: "item",
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = pointOf(p);
          const outlet = outlets[seriesIndex];
          const d = days[dataIndex];
          const total = outlets.reduce((sum, o) => sum + at(o, d), 0);
          return [`<strong>${escapeHtml(label(d))}</strong>`, escapeHtml(`${outlet}: ${at(outlet, d)} article${at(outlet, d) === 1 ? "" : "s"}`), escapeHtml(`all outlets: ${total}`)].join("<br>");
        },
      },
      series: outlets.map((outlet, i) => ({
        type: "bar",
        name: outlet,
        stack: "day",
        barMaxWidth: 18,
        itemStyle: { color: outletColour(i) },
        data: days.map((d) => [d, at(outlet, d)]),
      })),
    }),
    onClick: (e: ChartClick) => {
      const outlet = outlets[e.seriesIndex ?? 0];
      const d = days[e.dataIndex];
      const target = outlet && d ? libraryRoute(filter, outlet, { since: d, until: ends.get(d) ?? d }) : null;
      if (target) navigate(target);
    },
  });
}
