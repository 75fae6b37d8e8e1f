#!/usr/bin/env node
// End-to-end journeys of a journalist, run in the real desktop window
// (`--window`, under Xvfb, through tauri-driver) or in headless Chromium
// against `sourcetrace serve` (`--web`). Screenshots of every view go to
// target/e2e/<mode>/. Exits non-zero on the first failed check.
//
//   node tests/e2e/journeys.mjs --web    target/debug/sourcetrace
//   node tests/e2e/journeys.mjs --window target/debug/sourcetrace-desktop

import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile, readdir, readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ChromiumDriver, WindowDriver, until } from "./drivers.mjs";

const [mode, binary] = process.argv.slice(2);
if (!["--web", "--window"].includes(mode) || !binary) {
  console.error("usage: journeys.mjs --web PATH/TO/sourcetrace | --window PATH/TO/sourcetrace-desktop");
  process.exit(2);
}
const name = mode.slice(2);
const shots = resolve("target/e2e", name);
// Screenshots of an earlier run must not pass for this one's.
await rm(shots, { recursive: true, force: true });
const work = await mkdtemp(join(tmpdir(), "sourcetrace-e2e-"));
const library = join(work, "library.sqlite");

// The sample article the project started from, when the shared folder is
// here; otherwise a short article written for this test with the same
// patterns (state media relaying a video, an official, a media report).
const sampleDir = resolve("../shared/samples");
let sample = null;
if (existsSync(sampleDir)) {
  const file = (await readdir(sampleDir)).find((f) => f.endsWith(".txt"));
  if (file) sample = join(sampleDir, file);
}
if (!sample) {
  console.log("e2e: ../shared/samples is absent; using a generated article with the same patterns");
  sample = join(work, "sample.txt");
  await writeFile(
    sample,
    "Putin and Biden may meet in person\n\nRussian media reported on Sunday that the two leaders could meet next year. " +
      "TASS News Agency reported, citing a short video released on state TV channel Rossiya 1, that Putin would like that. " +
      '"We\'ll definitely meet," Putin said. Kremlin spokesman Dmitry Peskov said it was a question for the future.\n',
  );
}
// Text that would run if it were ever treated as markup.
const hostile = join(work, "hostile.txt");
await writeFile(
  hostile,
  'Hostile markup test <img src=x onerror="window.__pwned=1">\n\n' +
    'The ministry said on Monday that <script>window.__pwned=2</script> and <img src=x onerror="window.__pwned=3"> ' +
    'were found in the page, according to officials. <a href="javascript:window.__pwned=4">click</a>\n',
);

// The window's file dialogs answer with this folder (the app's test seam,
// SOURCETRACE_TEST_DIALOG_FOLDER): WebDriver cannot click in GTK dialogs.
const saved = join(work, "saved");
await mkdir(saved);
const started = Date.now();
const driver =
  name === "web"
    ? await ChromiumDriver.start({ binary, library })
    : await WindowDriver.start({ application: resolve(binary), library, env: { SOURCETRACE_TEST_DIALOG_FOLDER: saved } });
const results = [];
async function step(title, body) {
  const t0 = Date.now();
  try {
    await body();
    results.push(`ok   ${title} (${Date.now() - t0} ms)`);
    console.log(`e2e ${name}: ok   ${title}`);
  } catch (e) {
    console.log(`e2e ${name}: FAIL ${title}\n${e.stack ?? e}`);
    await driver.screenshot(join(shots, "failure.png")).catch(() => {});
    await driver.close();
    process.exit(1);
  }
}

try {
  console.log(`e2e ${name}: first view painted ${driver.firstView} ms after start`);

  await step("an empty library says what to do", async () => {
    await driver.waitFor(".empty h2", { text: "Your library is empty" });
    await driver.screenshot(join(shots, "01-library-empty.png"));
  });

  await step("import the sample and a hostile article, in the background", async () => {
    const job = await driver.command("import_paths", { paths: [sample, hostile] });
    const done = await driver.job(job);
    assert.equal(done.error, null, JSON.stringify(done.error));
    const imported = done.counts.find(([k]) => k === "imported")?.[1];
    assert.equal(imported, 2, `imported ${imported}: ${JSON.stringify(done)}`);
    await driver.goto("library");
    await driver.waitFor("table.articles tbody tr");
    assert.equal(await driver.count("table.articles tbody tr"), 2);
    await driver.screenshot(join(shots, "02-library.png"));
  });

  await step("the sample's attributions are highlighted with the right types", async () => {
    await driver.click("table.articles td.title a", { text: "Putin" });
    await driver.waitFor(".article .text .attr");
    // "Russian media reported": other media; TASS: state media; Putin: an official.
    await driver.waitFor(".attr.source.type-media", { text: "Russian media" });
    await driver.waitFor(".attr.source.type-state_media", { text: "TASS" });
    await driver.waitFor(".attr.type-official");
    assert.ok((await driver.count(".attribution-list li")) >= 4);
    // The empty-article note is for articles with no attribution only.
    const panel = await driver.text(".article aside");
    assert.ok(panel.includes("Attribution 1 of") && !panel.includes("Nothing in this article is attributed"), panel);
    await driver.screenshot(join(shots, "03-article.png"));
  });

  await step("hostile markup in an article is shown as text and never runs", async () => {
    await driver.goto("library");
    await driver.click("table.articles td.title a", { text: "Hostile" });
    await driver.waitFor(".article .text p");
    const text = await driver.text(".article .text");
    assert.ok(text.includes("<script>window.__pwned=2</script>"), text);
    assert.ok(text.includes('<img src=x onerror="window.__pwned=3">'), text);
    assert.equal(await driver.count(".article img, .article script, .article a[href^='javascript']"), 0);
    assert.equal(await driver.evaluate("() => window.__pwned === undefined"), true, "an injected script ran");
    await driver.screenshot(join(shots, "04-hostile.png"));
  });

  await step("correcting a source type changes the tallies", async () => {
    const page = await driver.command("articles", { filter: { search: "Putin" } });
    const article = page.rows[0];
    const before = article.state_media_share;
    const view = await driver.command("article", { id: article.id });
    const media = view.analysis.attributions.find((a) => a.source?.type === "media");
    assert.ok(media, "the sample has an attribution to other media");
    await driver.goto(`article/${article.id}?attribution=${media.id}`);
    await driver.waitFor(".detail h2");
    await driver.evaluate(`() => { document.querySelector(".detail details.edit").open = true; }`);
    await driver.fill(".detail select[aria-label='Source type']", "state_media");
    await driver.click(".detail button", { text: "Save" });
    await driver.waitFor(".detail .human", { text: "human decision", timeout: 20000 });
    await driver.screenshot(join(shots, "05-article-corrected.png"));
    const after = (await driver.command("articles", { filter: { search: "Putin" } })).rows[0].state_media_share;
    assert.ok(after > before, `state-media share ${before} → ${after}`);
    const board = await driver.command("dashboard", {});
    const outlet = board.sourcing.find((o) => o.outlet === (article.outlet ?? "(no outlet)"));
    assert.ok(outlet.state_media_share > 0, "the dashboard counts the correction");
  });

  await step("the outlets dashboard opens its evidence from a bar", async () => {
    await driver.goto("dashboard");
    const chart = '.chart-card[aria-label="Sourcing mix by outlet"] .chart';
    // Charts are drawn as they come near the screen.
    await driver.waitFor(chart);
    await driver.evaluate(`() => document.querySelector('${chart}').scrollIntoView({ block: "center" })`);
    await driver.waitFor(`${chart} canvas`);
    await new Promise((r) => setTimeout(r, 800)); // the bars grow in
    await driver.screenshot(join(shots, "06-dashboard.png"));
    // The bars are normalized, so each outlet's bar spans the plot; try
    // points down its middle until one lands on a segment.
    let opened = false;
    for (const fy of [0.15, 0.25, 0.35, 0.45, 0.55, 0.65]) {
      await driver.clickAt(chart, 0.55, fy);
      await new Promise((r) => setTimeout(r, 300));
      if ((await driver.evaluate("() => location.hash")).startsWith("#/evidence")) {
        opened = true;
        break;
      }
    }
    assert.ok(opened, "clicking the sourcing-mix bars opened no evidence");
    await driver.waitFor("table.evidence tbody tr");
    assert.ok((await driver.count("table.evidence tbody tr")) > 0);
    await driver.screenshot(join(shots, "07-evidence.png"));
  });

  if (name === "window") {
    await step("export the library to XLSX and an HTML report through the export dialog", async () => {
      await driver.goto("library");
      await driver.click("button", { text: "Export…" });
      await driver.waitFor("dialog.export");
      await driver.screenshot(join(shots, "10-export-dialog.png"));
      await driver.click("dialog.export button", { text: "Choose where to save…" });
      const xlsx = join(saved, "sourcetrace-export.xlsx");
      await until(async () => (await stat(xlsx).catch(() => null))?.size > 0, "the XLSX export", 60000);
      assert.equal((await readFile(xlsx)).subarray(0, 2).toString(), "PK", "an XLSX file is a zip");
      // The report is of a search (which finds the sample and the hostile
      // article): the dialog and the report say so.
      await driver.goto("library?search=Putin%20OR%20Hostile");
      await driver.waitFor("table.articles tbody tr");
      await driver.click("button", { text: "Export…" });
      await driver.waitFor("dialog.export");
      assert.match(await driver.text("dialog.export p"), /matching “Putin OR Hostile”/, "the dialog names the selection");
      await driver.evaluate(`() => { document.querySelector("dialog.export input[value=html]").checked = true; }`);
      await driver.click("dialog.export button", { text: "Choose where to save…" });
      const report = join(saved, "sourcetrace-report.html");
      await until(async () => (await stat(report).catch(() => null))?.size > 0, "the HTML report", 60000);
      const html = await readFile(report, "utf8");
      assert.ok(html.includes("<svg") && html.includes("TASS"), "the report has its charts and evidence");
      assert.ok(html.includes("matching &quot;Putin OR Hostile&quot;"), "the report names its selection");
      assert.ok(!html.includes('<img src=x onerror="window.__pwned=3">'), "hostile text is escaped in the report");
      // Both export jobs finish before the next journey starts.
      await until(async () => (await driver.count(".job.running")) === 0, "the export jobs to finish", 60000);
      await driver.waitFor(".job.finished");
      await driver.screenshot(join(shots, "11-export-done.png"));
    });

    await step("save a chart as PNG through the save dialog", async () => {
      await driver.goto("dashboard");
      await driver.waitFor('.chart-card[aria-label="Sourcing mix by outlet"]');
      await driver.evaluate(`() => document.querySelector('.chart-card[aria-label="Sourcing mix by outlet"]').scrollIntoView()`);
      await driver.waitFor('.chart-card[aria-label="Sourcing mix by outlet"] canvas');
      await driver.click('.chart-card[aria-label="Sourcing mix by outlet"] button', { text: "Save PNG" });
      const png = await until(async () => (await readdir(saved)).find((f) => f.endsWith(".png")), "the saved PNG", 20000);
      const bytes = await readFile(join(saved, png));
      assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    });
  }

  await step("stories and sources", async () => {
    await driver.goto("stories");
    await driver.waitFor("main .view h1");
    await driver.screenshot(join(shots, "08-stories.png"));
    await driver.goto("sources");
    await driver.waitFor("main .view table, main .view .empty");
    await driver.screenshot(join(shots, "09-sources.png"));
  });

  if (name === "web") {
    // The window's drops arrive as paths from Tauri, which WebDriver cannot
    // produce; a page in a browser gets the files themselves, as here.
    await step("a file dropped on the page is imported", async () => {
      await driver.goto("library");
      await driver.waitFor("table.articles tbody tr");
      await driver.evaluate(`() => {
        const dropped = new DataTransfer();
        dropped.items.add(new File(["Dropped harbour article\\n\\nThe port minister said on Monday that the harbour would reopen.\\n"], "dropped.txt", { type: "text/plain" }));
        window.dispatchEvent(new DragEvent("drop", { dataTransfer: dropped, bubbles: true, cancelable: true }));
      }`);
      await until(
        async () => (await driver.command("articles", { filter: { search: "Dropped" } })).total === 1,
        "the dropped file in the library",
        30000,
      );
      await driver.goto("library?search=Dropped");
      await driver.waitFor("table.articles td.title a", { text: "Dropped harbour article" });
      await driver.screenshot(join(shots, "12-dropped.png"));
    });
  }

  if (driver.consoleErrors?.length) throw new Error(`errors in the page: ${driver.consoleErrors.join("\n")}`);
} finally {
  await driver.close();
}
console.log(`e2e ${name}: ${results.length} journeys passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${shots}`);
void until;
