// Two ways to drive the same UI, behind one small interface, so every
// journey runs unchanged in the real desktop window (tauri-driver and
// WebKitWebDriver, over W3C WebDriver) and in headless Chromium against
// `sourcetrace serve` (playwright-core).
//
// The interface: goto(route), waitFor(css, {text, timeout}), click(css,
// {text}), count(css), text(css), evaluate(fnSource, ...args),
// command(name, args), screenshot(path), close().

import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `probe` returns a truthy value, or fails with `what`. */
export async function until(probe, what, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
}

// In-page helpers, sent as source so both drivers run the same code. Each
// finds elements by CSS and, optionally, by the text they contain.
const FIND = `(css, text) => [...document.querySelectorAll(css)].filter((el) => text === undefined || text === null || el.textContent.includes(text))`;

class Common {
  async waitFor(css, { text, timeout } = {}) {
    await until(async () => (await this.count(css, text)) > 0, `${css}${text ? ` containing "${text}"` : ""}`, timeout);
  }
  async count(css, text) {
    return this.evaluate(`(css, text) => (${FIND})(css, text).length`, css, text ?? null);
  }
  async text(css) {
    return this.evaluate(`(css) => (document.querySelector(css) || {}).textContent || ""`, css);
  }
  async goto(route) {
    await this.evaluate(`(route) => { location.hash = "#/" + route; }`, route);
    await sleep(50);
  }
  /** Sets a form field as a person would, firing the events views listen to. */
  async fill(css, value) {
    await this.evaluate(
      `(css, value) => { const el = document.querySelector(css); el.value = value;
        el.dispatchEvent(new Event("input", { bubbles: true })); el.dispatchEvent(new Event("change", { bubbles: true })); }`,
      css,
      value,
    );
  }
  /** Waits for a job started by a command to finish, and returns its status. */
  async job(status) {
    return until(async () => {
      const s = await this.command("job", { id: status.id });
      return s.finished ? s : null;
    }, `job ${status.id}`, 120000);
  }
}

/** Headless Debian Chromium against the web mode. */
export class ChromiumDriver extends Common {
  static async start({ binary, library, chromium = process.env.SOURCETRACE_CHROMIUM || "/usr/bin/chromium" }) {
    const server = spawn(binary, ["--library", library, "serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
    const [line] = await Promise.race([
      once(createInterface({ input: server.stdout }), "line"),
      once(server, "exit").then(([code]) => Promise.reject(new Error(`sourcetrace serve exited with ${code}`))),
    ]);
    const base = line.trim();
    const { chromium: playwright } = await import("playwright-core");
    const browser = await playwright.launch({
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const driver = new ChromiumDriver();
    Object.assign(driver, { server, browser, page, base, consoleErrors: [] });
    page.on("pageerror", (e) => driver.consoleErrors.push(String(e)));
    page.on("dialog", (d) => d.accept());
    const started = Date.now();
    await page.goto(base);
    await page.waitForSelector("main .view");
    driver.firstView = Date.now() - started;
    return driver;
  }
  name = "chromium";
  async evaluate(fn, ...args) {
    // The function's source is part of the expression, not passed to
    // eval, which the app's content security policy forbids.
    return this.page.evaluate(`(${fn})(...${JSON.stringify(args)})`);
  }
  async click(css, { text } = {}) {
    await this.waitFor(css, { text });
    const locator = text === undefined ? this.page.locator(css) : this.page.locator(css, { hasText: text });
    await locator.first().click();
  }
  /** Clicks at a point of an element given as fractions of its box. */
  async clickAt(css, fx, fy) {
    const box = await this.page.locator(css).first().boundingBox();
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  }
  async command(name, args = {}) {
    return this.evaluate(
      `async (name, args) => { const r = await fetch("api/" + name, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(args) });
        const body = await r.json(); if (!r.ok) throw new Error(body.message); return body; }`,
      name,
      args,
    );
  }
  async screenshot(path) {
    await mkdir(dirname(path), { recursive: true });
    await this.page.screenshot({ path, fullPage: false });
  }
  async close() {
    await this.browser?.close();
    this.server?.kill();
  }
}

/** The real desktop window through tauri-driver (WebKitWebDriver). */
export class WindowDriver extends Common {
  static async start({ application, library, port = 4444, env = {} }) {
    const tauriDriver = process.env.TAURI_DRIVER || "tauri-driver";
    // Its own process group, so that WebKitWebDriver dies with it; a
    // leftover one keeps its port and breaks the next run. The app inherits
    // this environment.
    const driverProcess = spawn(tauriDriver, ["--port", String(port), "--native-port", String(port + 1)], {
      stdio: "inherit",
      detached: true,
      env: { ...process.env, ...env },
    });
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/status`)).ok, "tauri-driver", 30000);
    const driver = new WindowDriver();
    Object.assign(driver, { driverProcess, base });
    process.on("exit", () => driver.killDriver());
    try {
      const started = Date.now();
      const session = await driver.request("POST", "/session", {
        capabilities: { alwaysMatch: { "tauri:options": { application, args: ["--library", library] } } },
      });
      driver.session = session.sessionId;
      await driver.waitFor("main .view", { timeout: 30000 });
      driver.firstView = Date.now() - started;
      return driver;
    } catch (e) {
      await driver.close();
      throw e;
    }
  }
  name = "window";
  async request(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok || json.value?.error) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
    return json.value;
  }
  async evaluate(fn, ...args) {
    // An async script, so that in-page promises (commands) can be awaited.
    return this.request("POST", `/session/${this.session}/execute/async`, {
      // The function's source is part of the script, not passed to eval,
      // which the app's content security policy forbids.
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn})(...arguments[0])).then(
          (value) => done({ ok: true, value }), (e) => done({ ok: false, error: String(e && e.message || e) }));`,
      args: [args],
    }).then((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
  }
  async click(css, { text } = {}) {
    await this.waitFor(css, { text });
    // Marks the element in the page, then clicks it with a real WebDriver
    // click so that focus and pointer events are those of a person.
    const marked = await this.evaluate(
      `(css, text) => { const el = (${FIND})(css, text ?? undefined)[0]; if (!el) return false;
        document.querySelectorAll("[data-e2e-target]").forEach((e) => e.removeAttribute("data-e2e-target"));
        el.setAttribute("data-e2e-target", "1"); el.scrollIntoView({ block: "center" }); return true; }`,
      css,
      text ?? null,
    );
    if (!marked) throw new Error(`nothing to click: ${css} ${text ?? ""}`);
    const found = await this.request("POST", `/session/${this.session}/element`, { using: "css selector", value: "[data-e2e-target]" });
    const element = Object.values(found)[0];
    await this.request("POST", `/session/${this.session}/element/${element}/click`, {});
  }
  /** Clicks at a point of an element given as fractions of its box, with
   *  W3C pointer actions (offsets are from the element's centre). */
  async clickAt(css, fx, fy) {
    const box = await this.evaluate(
      `(css) => { const el = document.querySelector(css); el.scrollIntoView({ block: "center" });
        document.querySelectorAll("[data-e2e-target]").forEach((e) => e.removeAttribute("data-e2e-target"));
        el.setAttribute("data-e2e-target", "1"); const r = el.getBoundingClientRect(); return { width: r.width, height: r.height }; }`,
      css,
    );
    const found = await this.request("POST", `/session/${this.session}/element`, { using: "css selector", value: "[data-e2e-target]" });
    const origin = found;
    await this.request("POST", `/session/${this.session}/actions`, {
      actions: [{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", origin, x: Math.round(box.width * (fx - 0.5)), y: Math.round(box.height * (fy - 0.5)) },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ],
      }],
    });
    await this.request("DELETE", `/session/${this.session}/actions`).catch(() => {});
  }
  async command(name, args = {}) {
    return this.evaluate(
      `async (name, args) => { try { return await window.__TAURI__.core.invoke("call", { command: name, args }); }
        catch (e) { throw new Error(e.message || JSON.stringify(e)); } }`,
      name,
      args,
    );
  }
  async screenshot(path) {
    // The X server's own picture of the screen, not WebKitWebDriver's: the
    // app runs without WebKit's accelerated compositing (to save memory),
    // and WebKitWebDriver drops its connection when asked for a screenshot
    // of such a window. What X shows is also what a person sees, dialogs
    // included.
    await mkdir(dirname(path), { recursive: true });
    const { stdout } = await promisify(execFile)("xwd", ["-root", "-silent"], { encoding: "buffer", maxBuffer: 64 << 20 });
    await writeFile(path, xwdToPng(stdout));
  }
  async close() {
    if (this.session) await this.request("DELETE", `/session/${this.session}`).catch(() => {});
    this.session = null;
    this.killDriver();
  }
  killDriver() {
    try {
      process.kill(-this.driverProcess.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

/** A PNG of an X window dump (`xwd`) of a TrueColor screen of depth 24, in
 *  the ZPixmap format with 24 or 32 bits a pixel, which is what Xvfb gives. */
export function xwdToPng(xwd) {
  const field = (i) => xwd.readUInt32BE(i * 4);
  const [headerSize, format, depth, width, height] = [field(0), field(2), field(3), field(4), field(5)];
  const [byteOrder, bitsPerPixel, bytesPerLine, colors] = [field(7), field(11), field(12), field(19)];
  const masks = [field(14), field(15), field(16)];
  if (format !== 2 || depth < 24 || (bitsPerPixel !== 24 && bitsPerPixel !== 32)) {
    throw new Error(`xwd: only 24-bit ZPixmap screens are read (format ${format}, depth ${depth}, ${bitsPerPixel} bits a pixel)`);
  }
  const bytes = bitsPerPixel / 8;
  const shift = (mask) => 31 - Math.clz32(mask & -mask);
  const [rs, gs, bs] = masks.map(shift);
  const pixels = headerSize + colors * 12;
  // Each PNG row starts with its filter type (0, none), then RGB.
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const out = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      const at = pixels + y * bytesPerLine + x * bytes;
      const v = byteOrder === 0 ? xwd.readUIntLE(at, bytes) : xwd.readUIntBE(at, bytes);
      raw[out + 1 + x * 3] = (v >>> rs) & 0xff;
      raw[out + 2 + x * 3] = (v >>> gs) & 0xff;
      raw[out + 3 + x * 3] = (v >>> bs) & 0xff;
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
