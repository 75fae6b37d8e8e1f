#!/usr/bin/env node
// How long the outlets dashboard takes to open on a library, in headless
// Chromium against `sourcetrace serve`: from the click on "Outlets" until
// its first screen is drawn (the charts on it included), then until every
// chart has drawn with the page scrolled through, and the `dashboard`
// command alone. Prints p50 and
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
  const everyChart = [];
  const command = [];
  for (let i = 0; i <= runs; i++) {
    await page.evaluate(() => (location.hash = "#/library"));
    await page.waitForSelector('main[data-view="library"]');
    const [ms, all] = await page.evaluate(async () => {
      const t0 = performance.now();
      location.hash = "#/dashboard";
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const cards = () => [...document.querySelectorAll('main[data-view="dashboard"] .chart-card')];
      const drawn = (card) => card.querySelector("canvas") || card.querySelector(".empty-chart");
      // Open: the view is in place and every chart card on the first
      // screen has drawn (charts further down draw as they come near).
      for (;;) {
        const list = cards();
        const onScreen = list.filter((c) => c.getBoundingClientRect().top < innerHeight);
        if (list.length > 0 && onScreen.every(drawn)) break;
        await frame();
      }
      await frame();
      const open = performance.now() - t0;
      // Then every chart: the page is scrolled to the end, and each chart
      // draws as it comes near.
      for (const card of cards()) {
        card.scrollIntoView();
        while (!drawn(card)) await frame();
      }
      await frame();
      const every = performance.now() - t0;
      scrollTo(0, 0);
      return [open, every];
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
      everyChart.push(all);
      command.push(cmd);
    }
  }
  const info = await page.evaluate(async () => (await fetch("api/library_info", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).json());
  console.log(`dashboard on ${info.articles} articles, ${runs} runs after one warm-up:`);
  console.log(`  open the view until its first screen is drawn: p50 ${quantile(opened, 0.5).toFixed(0)} ms, p95 ${quantile(opened, 0.95).toFixed(0)} ms`);
  console.log(`  and scrolled through until every chart is drawn: p50 ${quantile(everyChart, 0.5).toFixed(0)} ms, p95 ${quantile(everyChart, 0.95).toFixed(0)} ms`);
  console.log(`  the dashboard command alone (HTTP round trip): p50 ${quantile(command, 0.5).toFixed(0)} ms, p95 ${quantile(command, 0.95).toFixed(0)} ms`);
} finally {
  await browser.close();
  server.kill();
}
