// Building DOM without markup strings. Text from the library (titles,
// article text, outlet names) only ever goes into text nodes, so an
// imported `<img onerror=...>` is shown as the characters it is.

import { SOURCE_TYPES } from "./generated/types";
import type { SourceType } from "./generated/types";

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** An element with attributes, event handlers (`onclick`...) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value as EventListener);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 1000) / 10}%`;
}

export function day(published: string | null | undefined): string {
  return published ? published.slice(0, 10) : "undated";
}

export function typeInfo(type: string): { type: SourceType; label: string; colour: string } {
  return SOURCE_TYPES.find((t) => t.type === type) ?? SOURCE_TYPES[SOURCE_TYPES.length - 1];
}

/** A colour swatch with its label beside it: colour is never the only cue. */
export function typeBadge(type: string): HTMLElement {
  const info = typeInfo(type);
  return h("span", { class: `badge type-${info.type}` }, h("span", { class: "swatch", "aria-hidden": "true" }), info.label);
}

/** An empty state that says what to do next. */
export function empty(title: string, ...lines: Child[]): HTMLElement {
  return h("div", { class: "empty" }, h("h2", {}, title), ...lines.map((l) => (typeof l === "string" ? h("p", {}, l) : l)));
}

export function errorBox(e: unknown): HTMLElement {
  const message = e instanceof Error ? e.message : String(e);
  return h("div", { class: "error", role: "alert" }, message);
}

/**
 * Maps code-point offsets (what the analysis reports) to UTF-16 offsets
 * (what JavaScript strings use), so highlights land on the right
 * characters after an emoji or a character outside the BMP.
 */
export function codePointIndex(text: string): (cp: number) => number {
  const offsets: number[] = [];
  let utf16 = 0;
  for (const ch of text) {
    offsets.push(utf16);
    utf16 += ch.length;
  }
  offsets.push(utf16);
  return (cp: number) => offsets[Math.max(0, Math.min(cp, offsets.length - 1))];
}

/** The `SNIPPET_START`/`SNIPPET_END` markers of a search snippet as <mark>. */
export function snippet(text: string): HTMLElement {
  const out = h("span", { class: "snippet" });
  const parts = text.split(/([\u0002\u0003])/);
  let marking = false;
  for (const part of parts) {
    if (part === "\u0002") marking = true;
    else if (part === "\u0003") marking = false;
    else if (part) append(out, marking ? h("mark", {}, part) : part);
  }
  return out;
}
