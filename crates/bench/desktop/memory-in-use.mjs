#!/usr/bin/env node
// Memory of the desktop app while a journalist uses it: the release window,
// driven through tauri-driver and WebKitWebDriver (run it under Xvfb), opens
// a library and then, in turn, the outlets dashboard scrolled through, an
// article with its attributions, the sources list and a search. After each
// step it sums the resident (RSS) and proportional (PSS) memory of the app
// and every process under it (WebKit's web and network processes). A
// benchmark: it prints figures and asserts nothing.
//
//   DISPLAY=:99 node crates/bench/desktop/memory-in-use.mjs target/release/sourcetrace-desktop LIBRARY
//
// RSS counts WebKit's shared libraries once in each process that maps them;
// PSS splits every shared page among the processes that share it, so its
// sum is what the app takes from the machine.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { WindowDriver, until } from "../../../tests/e2e/drivers.mjs";

const [application, library] = process.argv.slice(2);
if (!application || !library) {
  console.error("usage: memory-in-use.mjs SOURCETRACE_DESKTOP LIBRARY");
  process.exit(2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every process under `root`, itself included. */
function tree(root) {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" });
  const rows = out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid, ...comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm.join(" ") }));
  const found = [];
  const walk = (pid) => {
    for (const row of rows.filter((r) => r.ppid === pid)) {
      found.push(row);
      walk(row.pid);
    }
  };
  const self = rows.find((r) => r.pid === root);
  if (self) found.push(self);
  walk(root);
  return found;
}

/** The app's own process, started by WebKitWebDriver under tauri-driver
 *  (the kernel keeps the first 15 bytes of a process's name). */
function appProcess(driverPid) {
  const name = basename(application).slice(0, 15);
  return tree(driverPid).find((r) => r.comm === name);
}

/** Summed RSS and PSS in MB of the app and its children, and each process's. */
function memory(appPid) {
  const field = (pid, name) => {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const m = text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) / 1024 : 0;
  };
  const processes = tree(appPid).map((p) => ({ ...p, rss: field(p.pid, "Rss"), pss: field(p.pid, "Pss") }));
  const sum = (k) => processes.reduce((a, p) => a + p[k], 0);
  return { rss: sum("rss"), pss: sum("pss"), processes };
}

const driver = await WindowDriver.start({ application: resolve(application), library: resolve(library) });
const rows = [];
try {
  const app = await until(() => appProcess(driver.driverProcess.pid), "the app's process");
  // Each step is timed from its first action until its view is ready, as
  // the driver sees it (a WebDriver round trip is a few ms of it).
  let started = Date.now();
  const measure = async (step) => {
    const ms = Date.now() - started;
    // Let WebKit finish drawing and the allocator settle before reading.
    await sleep(2000);
    const m = memory(app.pid);
    rows.push({ step, ...m });
    const each = m.processes.map((p) => `${p.comm} ${p.rss.toFixed(0)}/${p.pss.toFixed(0)}`).join(", ");
    console.log(
      `${step.padEnd(40)} ${String(ms).padStart(6)} ms  RSS ${m.rss.toFixed(0).padStart(4)} MB  PSS ${m.pss.toFixed(0).padStart(4)} MB  (${each})`,
    );
    started = Date.now();
  };
  console.log(`library: ${library}; first view painted ${driver.firstView} ms after start`);
  console.log("(per process: RSS/PSS in MB)");
  await measure("library open, first view");

  await driver.goto("dashboard");
  await driver.waitFor('main[data-view="dashboard"] .chart-card', { timeout: 60000 });
  // Every chart draws as it comes near the screen: scroll each into view
  // and wait until it has drawn.
  await driver.evaluate(`async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (const card of document.querySelectorAll('main[data-view="dashboard"] .chart-card')) {
      card.scrollIntoView();
      for (let i = 0; i < 600 && !(card.querySelector("canvas, svg") || card.querySelector(".empty-chart")); i++) await frame();
    }
    scrollTo(0, 0);
    return true;
  }`);
  await measure("dashboard open, every chart drawn");

  /** Opens `route`, waits for `ready` to show, and measures. */
  const visit = async (route, ready, step) => {
    await driver.goto(route);
    await driver.waitFor(ready, { timeout: 60000 });
    await measure(step);
  };
  await driver.goto("library");
  await driver.waitFor("table.articles td.title a", { timeout: 60000 });
  await driver.click("table.articles td.title a");
  await driver.waitFor(".article .text", { timeout: 60000 });
  await measure("an article open with its attributions");
  await visit("sources", 'main[data-view="sources"] .view table tbody tr', "sources list open");
  await visit("library?search=according%20to", "table.articles td.title a", "library searched for a common phrase");
  await visit("dashboard", 'main[data-view="dashboard"] .chart-card', "dashboard open again");
} finally {
  await driver.close();
}
const peak = rows.reduce((a, r) => (r.pss > a.pss ? r : a), rows[0]);
if (peak) console.log(`highest PSS sum: ${peak.pss.toFixed(0)} MB (${peak.step}); goal: under 300 MB`);
