// The shell: navigation between views by the address's hash (so Back works
// and a view can be linked), the jobs panel, and keyboard shortcuts.
// Views live in views/*.ts; each renders into the <main> element.

import "./style.css";
import { call, chooseAndImport, CommandError, onDrop, reportFirstPaint, uploadFiles } from "./ipc";
import { h, clear, errorBox } from "./dom";
import type { JobStatus } from "./generated/types";
import { renderLibrary } from "./views/library";
import { renderArticle } from "./views/article";
import { renderStories } from "./views/stories";
import { renderSources } from "./views/sources";
import { renderEvidence } from "./views/evidence";

/** What a view gets: where to draw, and the route's parameters. */
export interface ViewContext {
  root: HTMLElement;
  params: URLSearchParams;
  /** The part of the route after the view's name: `#/article/12` gives "12". */
  rest: string;
}

type View = (ctx: ViewContext) => Promise<void> | void;

const views: Record<string, View> = {
  library: renderLibrary,
  article: renderArticle,
  // The dashboard, with ECharts, is its own chunk: most of the bundle is
  // the charts, and the first view (the library) needs none of them, so the
  // window paints before that code is even parsed.
  dashboard: async (context) => (await import("./views/dashboard")).renderDashboard(context),
  stories: renderStories,
  sources: renderSources,
  evidence: renderEvidence,
};

const root = document.getElementById("view") as HTMLElement;
let rendering = 0;

/** Goes to a route such as `article/12` or `evidence?outlet_name=CGTN`. */
export function navigate(route: string): void {
  const target = `#/${route}`;
  if (location.hash === target) void render();
  else location.hash = target;
}

async function render(): Promise<void> {
  const token = ++rendering;
  const hash = location.hash.replace(/^#\/?/, "") || "library";
  const [path, query = ""] = hash.split("?", 2);
  const [name, ...rest] = path.split("/");
  const view = views[name] ?? renderLibrary;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-view]")) {
    const current = link.dataset.view === name || (name === "article" && link.dataset.view === "library");
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clear(root);
  root.appendChild(h("p", { class: "loading" }, "Loading…"));
  const staging = h("div", { class: "view" });
  try {
    await view({ root: staging, params: new URLSearchParams(query), rest: rest.join("/") });
  } catch (e) {
    clear(staging);
    staging.appendChild(errorBox(e));
  }
  // A slower earlier render must not overwrite a newer one.
  if (token !== rendering) return;
  clear(root);
  root.appendChild(staging);
  root.dataset.view = name;
  void refreshStatus();
  document.dispatchEvent(new CustomEvent("sourcetrace:rendered", { detail: name }));
}

// Jobs: a compact panel in the sidebar with a progress bar and a Cancel
// button for each running job, and the problems of the last finished one.
const jobsPanel = document.getElementById("jobs") as HTMLElement;
const watched = new Map<number, JobStatus>();

export function watchJob(job: JobStatus): void {
  watched.set(job.id, job);
  drawJobs();
  void pollJobs();
}

let polling = false;
async function pollJobs(): Promise<void> {
  if (polling) return;
  polling = true;
  try {
    while ([...watched.values()].some((j) => !j.finished)) {
      await new Promise((r) => setTimeout(r, 250));
      for (const job of [...watched.values()].filter((j) => !j.finished)) {
        const status = await call("job", { id: job.id });
        watched.set(job.id, status);
        if (status.finished) {
          document.dispatchEvent(new CustomEvent("sourcetrace:job-finished", { detail: status }));
          void refreshStatus();
          // An import or analysis changes what the views show; an export
          // changes nothing, so it must not redraw the view under the user.
          const name = (root.dataset.view ?? "library") as string;
          if (status.kind !== "export" && ["library", "dashboard", "stories", "sources"].includes(name)) void render();
        }
      }
      drawJobs();
    }
  } finally {
    polling = false;
  }
}

function drawJobs(): void {
  clear(jobsPanel);
  const shown = [...watched.values()].slice(-3);
  for (const job of shown) {
    const total = Number(job.total);
    const done = Number(job.done);
    const counts = job.counts.map(([name, n]) => `${n} ${name}`).join(" · ");
    const box = h(
      "div",
      { class: `job ${job.finished ? "finished" : "running"}`, "data-job": job.id },
      h("div", { class: "job-title" }, `${job.kind === "import" ? "Import" : job.kind === "export" ? "Export" : "Analysis"} — ${job.stage}`),
      h("progress", { max: total > 0 ? total : 1, value: total > 0 ? done : job.finished ? 1 : 0 }),
      h("div", { class: "job-counts" }, counts),
      !job.finished &&
        h("button", { class: "link", onclick: () => void call("cancel_job", { id: job.id }).then((s) => watched.set(s.id, s)) }, "Cancel"),
      job.error && h("div", { class: "error" }, job.error.message),
      job.problems.length > 0 &&
        h(
          "details",
          {},
          h("summary", {}, `${job.problems.length + Number(job.more_problems)} file(s) not imported`),
          h("ul", { class: "problems" }, ...job.problems.map((p) => h("li", {}, h("code", {}, p.origin), ": ", p.reason))),
        ),
      job.finished && h("button", { class: "link", onclick: () => (watched.delete(job.id), drawJobs()) }, "Dismiss"),
    );
    jobsPanel.appendChild(box);
  }
}

const statusLine = document.getElementById("status") as HTMLElement;
export async function refreshStatus(): Promise<void> {
  try {
    const info = await call("library_info");
    statusLine.textContent = `${info.articles} articles · analysis v${info.analysis_version}`;
    statusLine.title = info.path;
  } catch (e) {
    statusLine.textContent = e instanceof CommandError ? e.message : String(e);
  }
}

/** Starts an import from the file dialog (or the browser's picker). */
export async function importFromDialog(folders: boolean): Promise<void> {
  const job = await chooseAndImport(folders);
  if (job) watchJob(job);
}

onDrop({
  paths: (paths) => void call("import_paths", { paths, outlet: null, collection: null }).then(watchJob, showError),
  files: (files) => void uploadFiles(files).then(watchJob, showError),
});

function showError(e: unknown): void {
  jobsPanel.prepend(errorBox(e));
}

// Keys: g l / g o / g s / g r go to views, / focuses search. The article
// view adds j/k and e itself.
let lastKey = "";
document.addEventListener("keydown", (e) => {
  const target = e.target as HTMLElement;
  if (target.closest("input, textarea, select, [contenteditable]") || e.ctrlKey || e.metaKey || e.altKey) return;
  if (lastKey === "g") {
    const routes: Record<string, string> = { l: "library", o: "dashboard", s: "stories", r: "sources" };
    if (routes[e.key]) {
      navigate(routes[e.key]);
      e.preventDefault();
    }
    lastKey = "";
    return;
  }
  if (e.key === "/") {
    const search = document.querySelector<HTMLInputElement>("input[type=search]");
    if (search) {
      search.focus();
      e.preventDefault();
    }
  }
  lastKey = e.key;
});

window.addEventListener("hashchange", () => void render());
void render().then(() => {
  // The view is in the DOM; the next frame is its first paint.
  requestAnimationFrame(() => requestAnimationFrame(reportFirstPaint));
});
void refreshStatus();
void call("jobs").then((jobs) => jobs.forEach(watchJob));
