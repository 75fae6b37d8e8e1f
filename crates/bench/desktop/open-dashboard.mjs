#!/usr/bin/env node
// How long the outlets dashboard takes to open on a library, in headless
// Chromium against `sourcetrace serve`: from the click on "Outlets" until
// every chart has drawn, and the `dashboard` command alone. Prints p50 and
// p95 over the runs. A benchmark: it prints figures and asserts nothing.
//
//   node crates/bench/desktop/open-dashboard.mjs target/release/sourcetrace LIBRARY [RUNS]

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

const [binary, library, runsArg] = process.argv.slice(2);
if (!binary || !library) {
  console.error("usage: open-dashboard.mjs SOURCETRACE LIBRARY [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg ?? 10);
const server = spawn(binary, ["--library", library, "serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
const [line] = await once(createInterface({ input: server.stdout }), "line");
const base = line.trim();
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: process.env.SOURCETRACE_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(base);
  await page.waitForSelector("main .view");
  const opened = [];
  const command = [];
  for (let i = 0; i <= runs; i++) {
    await page.evaluate(() => (location.hash = "#/library"));
    await page.waitForSelector('main[data-view="library"]');
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      location.hash = "#/dashboard";
      // Drawn: the view is in place and every chart card has its canvas.
      await new Promise((resolve) => {
        const check = () => {
          const cards = document.querySelectorAll('main[data-view="dashboard"] .chart-card');
          const drawn = document.querySelectorAll('main[data-view="dashboard"] .chart-card canvas');
          if (cards.length > 0 && drawn.length >= cards.length - document.querySelectorAll(".empty-chart").length) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      return performance.now() - t0;
    });
    const cmd = await page.evaluate(async () => {
      const t0 = performance.now();
      const r = await fetch("api/dashboard", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      await r.json();
      return performance.now() - t0;
    });
    // The first run warms SQLite's page cache and the JIT; it is not counted.
    if (i > 0) {
      opened.push(ms);
      command.push(cmd);
    }
  }
  const info = await page.evaluate(async () => (await fetch("api/library_info", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).json());
  console.log(`dashboard on ${info.articles} articles, ${runs} runs after one warm-up:`);
  console.log(`  open the view until every chart is drawn: p50 ${quantile(opened, 0.5).toFixed(0)} ms, p95 ${quantile(opened, 0.95).toFixed(0)} ms`);
  console.log(`  the dashboard command alone (HTTP round trip): p50 ${quantile(command, 0.5).toFixed(0)} ms, p95 ${quantile(command, 0.95).toFixed(0)} ms`);
} finally {
  await browser.close();
  server.kill();
}
