// Shared chart setup: ECharts, tree-shaken to the charts the views draw, a
// theme read from the page's CSS variables, a card with its title, its
// denominator and its export buttons, and the life cycle of every chart
// (drawn once its card is on the page, resized with it, disposed with it).
//
// Library text (outlet, agency and source names) reaches charts only as
// data: axis labels and legends are drawn as canvas or SVG text, and every
// tooltip formatter here and in the views escapes what it puts into the
// tooltip's HTML with `escapeHtml`.

import * as echarts from "echarts/core";
import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";
import { saveChart } from "./ipc";
import { h, errorBox } from "./dom";

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  AriaComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a click on a bar, a cell or a point tells the view. */
export type ChartClick = echarts.ECElementEvent;

/** The page's colours, so a chart looks like the text around it. */
export interface Theme {
  bg: string;
  fg: string;
  muted: string;
  rule: string;
  panel: string;
  accent: string;
}

/** Reads the current theme (light or dark, as the system says) from CSS. */
export function pageTheme(): Theme {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bg: read("--bg", "#fbfaf7"),
    fg: read("--fg", "#1d1d1b"),
    muted: read("--muted", "#6b6b66"),
    rule: read("--rule", "#d9d6cf"),
    panel: read("--panel", "#f2f0ea"),
    accent: read("--accent", "#1f4e79"),
  };
}

/**
 * The light theme, whatever the system's: an exported chart goes into an
 * editor's document or a printed page, where a dark background would be
 * out of place. The values are those of `:root` in style.css.
 */
export const PRINT_THEME: Theme = {
  bg: "#ffffff",
  fg: "#1d1d1b",
  muted: "#6b6b66",
  rule: "#d9d6cf",
  panel: "#f2f0ea",
  accent: "#1f4e79",
};

/**
 * Colours for outlets, which are not source types: the Okabe–Ito palette,
 * safe for colour-blind readers. Lines also get a symbol of their own so
 * that colour is never the only cue.
 */
const OUTLET_COLOURS = ["#E69F00", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#7f7f7f"];
const OUTLET_SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect", "emptyCircle"];

export function outletColour(index: number): string {
  return OUTLET_COLOURS[index % OUTLET_COLOURS.length];
}

export function outletSymbol(index: number): string {
  return OUTLET_SYMBOLS[index % OUTLET_SYMBOLS.length];
}

/** Escapes text for the HTML of a tooltip. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tooltip's lines as HTML: the first is the heading, each string is
 * escaped, so a name like `<img onerror=…>` shows as those characters.
 */
export function tooltipHtml(heading: string, ...lines: string[]): string {
  return [`<strong>${escapeHtml(heading)}</strong>`, ...lines.map(escapeHtml)].join("<br>");
}

/** The options every chart shares: fonts, text colours, a quiet tooltip. */
export function baseOption(theme: Theme): ChartOption {
  return {
    backgroundColor: "transparent",
    animation: false,
    aria: { enabled: true, decal: { show: false } },
    textStyle: { color: theme.fg, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif", fontSize: 12 },
    tooltip: {
      confine: true,
      backgroundColor: theme.bg,
      borderColor: theme.rule,
      textStyle: { color: theme.fg, fontSize: 12 },
      extraCssText: "box-shadow: none; border-radius: 2px;",
    },
    legend: { bottom: 0, type: "plain", textStyle: { color: theme.fg }, itemWidth: 12, itemHeight: 12, icon: "rect" },
  };
}

/** An axis in the page's colours. */
export function axisStyle(theme: Theme) {
  return {
    axisLine: { lineStyle: { color: theme.muted } },
    axisTick: { lineStyle: { color: theme.muted } },
    axisLabel: { color: theme.fg },
    splitLine: { lineStyle: { color: theme.rule } },
    nameTextStyle: { color: theme.muted },
  };
}

export interface ChartSpec {
  /** The file name of an export, without extension: "sourcing-mix". */
  name: string;
  title: string;
  /** What the figures are shares or counts of, said under the title. */
  denominator: string;
  /** Builds the option for a theme; called again when the theme changes. */
  option: (theme: Theme) => ChartOption;
  /** Height of the drawing in pixels. */
  height: number;
  onClick?: (event: ChartClick) => void;
  /** A line under the chart: how to read it, or what a click opens. */
  note?: string;
}

interface Entry {
  spec: ChartSpec;
  el: HTMLElement;
  chart: echarts.ECharts | null;
  observer: ResizeObserver;
  /** The chart is on screen or about to be, so it is worth drawing. */
  near: boolean;
}

const entries = new Set<Entry>();
const entryOf = new WeakMap<Element, Entry>();

/**
 * Charts are drawn when they come within half a screen of the viewport.
 * Drawing the five charts of the outlets dashboard took most of its
 * opening time, while the first screen of a large library is its table;
 * a chart further down is drawn as the reader scrolls towards it.
 */
const approach = new IntersectionObserver(
  (records) => {
    for (const record of records) {
      const entry = entryOf.get(record.target);
      if (!entry || !record.isIntersecting) continue;
      entry.near = true;
      approach.unobserve(record.target);
      mount(entry);
    }
  },
  { rootMargin: "50% 0px" },
);

/** Draws the chart once its element has a size and is near the viewport, and resizes it after. */
function mount(entry: Entry): void {
  if (entry.el.clientWidth === 0 || !entry.near) return;
  if (!entry.chart) {
    entry.chart = echarts.init(entry.el, null, { renderer: "canvas" });
    entry.chart.setOption(entry.spec.option(pageTheme()));
    const click = entry.spec.onClick;
    if (click) entry.chart.on("click", (e) => click(e as ChartClick));
  } else {
    entry.chart.resize();
  }
}

function dispose(entry: Entry): void {
  entry.observer.disconnect();
  approach.unobserve(entry.el);
  entry.chart?.dispose();
  entries.delete(entry);
}

/**
 * Disposes the charts of views that are gone. A view is built off the page
 * and attached when its data has arrived, so a chart that was never drawn
 * is only stale once a render has finished without it on the page.
 */
function sweep(includeUndrawn: boolean): void {
  for (const entry of [...entries]) {
    if (!entry.el.isConnected && (entry.chart || includeUndrawn)) dispose(entry);
  }
}

document.addEventListener("sourcetrace:rendered", () => sweep(true));
// The shell clears the old view synchronously on `hashchange`; waiting a
// task lets it do so before the charts that were on it are disposed.
window.addEventListener("hashchange", () => setTimeout(() => sweep(false), 0));
// A change of the system's theme redraws every chart in the new colours.
window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
  for (const entry of entries) entry.chart?.setOption(entry.spec.option(pageTheme()), { notMerge: true });
});

/**
 * An export of a chart: a copy drawn off the page in the print theme, with
 * its title and denominator inside the image, so that a PNG pasted into a
 * memo still says what it shows and of what.
 */
async function exportChart(entry: Entry, width: number, format: "png" | "svg"): Promise<string | null> {
  const spec = entry.spec;
  const head = 58;
  const option = spec.option(PRINT_THEME);
  // A zoomed chart is saved as zoomed, without the zoom's slider: the
  // period shown is the one the user chose, and the image stays quiet.
  if (option.dataZoom) {
    const live = entry.chart?.getOption().dataZoom;
    const zooms = Array.isArray(live) ? (live as { start?: number; end?: number }[]) : [];
    option.dataZoom = zooms.map((z) => ({ type: "inside", xAxisIndex: 0, start: z.start, end: z.end }));
    for (const grid of Array.isArray(option.grid) ? option.grid : option.grid ? [option.grid] : []) {
      if (typeof grid.bottom === "number") grid.bottom -= ZOOM_HEIGHT;
    }
  }
  const grids = option.grid === undefined ? [] : Array.isArray(option.grid) ? option.grid : [option.grid];
  for (const grid of grids) {
    grid.top = (typeof grid.top === "number" ? grid.top : 10) + head;
  }
  if (option.visualMap && !Array.isArray(option.visualMap) && typeof option.visualMap.top === "number") {
    option.visualMap.top += head;
  }
  option.title = {
    text: spec.title,
    subtext: spec.denominator,
    left: 8,
    top: 6,
    textStyle: { color: PRINT_THEME.fg, fontSize: 15, fontFamily: "Georgia, 'Times New Roman', serif" },
    subtextStyle: { color: PRINT_THEME.muted, fontSize: 12 },
  };
  option.backgroundColor = PRINT_THEME.bg;
  const height = spec.height + head;
  if (format === "svg") {
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
    try {
      chart.setOption(option);
      const svg = chart.renderToSVGString();
      return saveChart(spec.name, "svg", `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    } finally {
      chart.dispose();
    }
  }
  const div = document.createElement("div");
  const chart = echarts.init(div, null, { renderer: "canvas", width, height });
  try {
    chart.setOption(option);
    return saveChart(spec.name, "png", chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: PRINT_THEME.bg }));
  } finally {
    chart.dispose();
  }
}

/** A chart with its heading, denominator, export buttons and note. */
export function chartCard(spec: ChartSpec): HTMLElement {
  const el = h("div", { class: "chart", style: `height: ${spec.height}px`, role: "img", "aria-label": `${spec.title}: ${spec.denominator}` });
  const entry: Entry = { spec, el, chart: null, observer: new ResizeObserver(() => mount(entry)), near: false };
  entries.add(entry);
  entryOf.set(el, entry);
  const message = h("div", { class: "chart-message", "aria-live": "polite" });
  const save = (format: "png" | "svg") => async () => {
    message.textContent = "";
    try {
      const saved = await exportChart(entry, Math.max(640, el.clientWidth), format);
      if (saved) message.textContent = `Saved ${saved}`;
    } catch (e) {
      message.appendChild(errorBox(e));
    }
  };
  const card = h(
    "section",
    { class: "chart-card", "aria-label": spec.title },
    h("h2", {}, spec.title),
    h("div", { class: "denominator" }, spec.denominator),
    el,
    spec.note && h("p", { class: "hint" }, spec.note),
    h(
      "div",
      { class: "chart-actions" },
      h("button", { class: "secondary", onclick: () => void save("png")() }, "Save PNG"),
      h("button", { class: "secondary", onclick: () => void save("svg")() }, "Save SVG"),
      message,
    ),
  );
  entry.observer.observe(el);
  approach.observe(el);
  return card;
}

/** The room a zoom slider takes under a chart's axis. */
export const ZOOM_HEIGHT = 40;

/** A slider under the time axis to zoom into a period. */
export function zoomSlider(theme: Theme, bottom: number): DataZoomComponentOption {
  return {
    type: "slider",
    xAxisIndex: 0,
    bottom,
    height: 18,
    filterMode: "weakFilter",
    borderColor: theme.rule,
    textStyle: { color: theme.muted },
    fillerColor: "rgba(127, 127, 127, 0.15)",
    handleStyle: { color: theme.accent, borderColor: theme.accent },
    moveHandleStyle: { color: theme.rule },
    dataBackground: { lineStyle: { color: theme.muted }, areaStyle: { color: theme.rule } },
    labelFormatter: (value: number) => new Date(value).toISOString().slice(0, 10),
  };
}

/** The point a tooltip is about: its series and its index in the data. */
export function pointOf(params: unknown): { seriesIndex: number; dataIndex: number } {
  const p = (Array.isArray(params) ? params[0] : params) as { seriesIndex?: number; dataIndex?: number } | undefined;
  return { seriesIndex: p?.seriesIndex ?? 0, dataIndex: p?.dataIndex ?? 0 };
}
