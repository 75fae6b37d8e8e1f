// One article: its text with every attribution highlighted in the colour of
// its source type, and beside it the selected attribution (cue, source,
// type, canonical name, stance, the rules that decided it, the chain), the
// scores with their formulas, credits, reuse and tone by sentence.
// Keys: j/k move between attributions, Enter opens the source, e edits.

import { call } from "../ipc";
import { h, append, clear, codePointIndex, day, empty, errorBox, percent, typeBadge, typeInfo } from "../dom";
import type { ArticleAnalysis, ArticleView, AttributionRecord, Share } from "../generated/types";
import { navigate, type ViewContext } from "../main";
import { correctionControls } from "./corrections";

type Role = "cue" | "source" | "content" | "passage";
interface Mark {
  start: number;
  end: number;
  role: Role;
  index: number;
}
const rank: Record<Role, number> = { cue: 0, source: 1, content: 2, passage: 3 };

export async function renderArticle({ root, rest, params }: ViewContext): Promise<void> {
  const id = Number(rest);
  if (!Number.isInteger(id) || id <= 0) {
    root.appendChild(empty("No article chosen", "Open an article from the Library."));
    return;
  }
  const view = await call("article", { id });
  const { article, analysis } = view;
  const records = analysis.attributions;

  const meta = h("div", { class: "meta" },
    [article.outlet ?? "No outlet", day(article.published), article.byline, `${article.word_count} words`].filter(Boolean).join(" · "),
    article.url && h("div", { class: "url" }, h("code", {}, article.url)),
    article.collections.length > 0 && h("div", {}, "Collections: ", article.collections.join(", ")),
  );
  const text = h("div", { class: "text", "aria-label": "Article text" });
  const side = h("aside", { class: "side", "aria-label": "Attribution details" });
  const detail = h("section", { class: "panel detail", "aria-live": "polite" });
  const list = h("ul", { class: "attribution-list", role: "listbox", "aria-label": "Attributions" });

  root.appendChild(h("header", { class: "toolbar" },
    h("button", { class: "secondary", onclick: () => history.back() }, "← Back"),
    h("h1", {}, article.title ?? "(untitled)")));
  root.appendChild(meta);
  if (!analysis.analysis) {
    root.appendChild(h("div", { class: "error" }, "This article has not been analysed yet. ",
      h("button", { class: "link", onclick: () => void call("analyze", { force: false }).then(() => navigate(`article/${id}`)) }, "Analyse now")));
  } else if (!analysis.current) {
    root.appendChild(h("p", { class: "hint" }, "This analysis was made with older rules or lexicons; the library re-analyses it on the next run."));
  }
  root.appendChild(legend(records));
  root.appendChild(h("div", { class: "article" }, text, side));
  // A passage another view points at (a blindspot), given in code points.
  const start = Number(params.get("start"));
  const end = Number(params.get("end"));
  const passage = params.has("start") && end > start ? { start, end } : null;
  drawText(text, article.text, records, passage);

  // The side: the selected attribution, the list, then the panels.
  side.appendChild(detail);
  side.appendChild(h("section", { class: "panel" }, h("h2", {}, `Attributions (${records.length})`), list));
  records.forEach((r, i) => {
    list.appendChild(h("li", { role: "option", "data-index": i, tabindex: -1, onclick: () => select(i) },
      typeBadge(r.source?.type ?? "unknown"), " ", h("strong", {}, r.cue.text), " — ", r.source?.canonical ?? r.source?.text ?? "no source",
      r.corrected && h("span", { class: "human", title: "Corrected by a person" }, "edited")));
  });
  if (records.length === 0) list.appendChild(h("li", {}, "No attributions found."));
  side.appendChild(scoresPanel(view));
  side.appendChild(creditsPanel(view));
  side.appendChild(framingPanel(view));
  side.appendChild(tonePanel(view));
  const reuse = h("section", { class: "panel" }, h("h2", {}, "Reuse"), h("p", { class: "loading" }, "Looking for shared passages…"));
  side.appendChild(reuse);
  void call("article_reuse", { id }).then((r) => {
    clear(reuse);
    append(reuse, h("h2", {}, "Reuse"));
    if (r.matches.length === 0) {
      reuse.appendChild(h("p", {}, "No passages shared with other articles in the library."));
      return;
    }
    reuse.appendChild(h("p", {}, `${percent(r.reused_share)} of this text also appears elsewhere`, r.syndicated ? " — republished wire copy." : "."));
    reuse.appendChild(h("ul", {}, ...r.matches.map((m) => h("li", {},
      h("a", { href: `#/article/${m.id}` }, m.title ?? `#${m.id}`), ` (${m.outlet ?? "no outlet"}, ${day(m.published)}): ${percent(m.share)} shared`,
      m.other_is_origin ? " — the likely origin" : "",
      h("ul", {}, ...m.passages.slice(0, 3).map((p) => h("li", { class: "hint" }, `“${p.text.slice(0, 160)}${p.text.length > 160 ? "…" : ""}” (${p.words} words)`)))))));
  }, (e) => (clear(reuse), append(reuse, h("h2", {}, "Reuse"), errorBox(e))));

  let current = -1;
  function select(index: number, scroll = true): void {
    if (index < 0 || index >= records.length) return;
    current = index;
    for (const el of text.querySelectorAll(".attr.active")) el.classList.remove("active");
    const marks = text.querySelectorAll<HTMLElement>(`.attr[data-index="${index}"]`);
    marks.forEach((el) => el.classList.add("active"));
    for (const li of list.querySelectorAll("li")) li.setAttribute("aria-selected", String(li.dataset.index === String(index)));
    if (scroll) marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
    list.querySelector<HTMLElement>(`li[data-index="${index}"]`)?.scrollIntoView({ block: "nearest" });
    clear(detail);
    // Re-analysis gives every attribution a new id, so the same one is
    // found again by its cue.
    const cue = records[index].cue;
    drawDetail(detail, records, index, (updated) => {
      const again = updated.attributions.find((a) => a.cue.start === cue.start && a.cue.end === cue.end);
      navigate(`article/${id}${again ? `?attribution=${again.id}` : ""}`);
    });
  }
  text.addEventListener("click", (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>(".attr");
    if (mark) select(Number(mark.dataset.index), false);
  });
  text.addEventListener("mouseover", (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>(".attr");
    if (mark && current < 0) select(Number(mark.dataset.index), false);
  });

  const keys = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") select(Math.min(records.length - 1, current + 1));
    else if (e.key === "k") select(Math.max(0, current - 1));
    else if (e.key === "Enter" && current >= 0 && records[current].source_id !== null) navigate(`sources/${records[current].source_id}`);
    else if (e.key === "e" && current >= 0) detail.querySelector<HTMLElement>("select, input")?.focus();
    else return;
    e.preventDefault();
  };
  document.addEventListener("keydown", keys);
  window.addEventListener("hashchange", () => document.removeEventListener("keydown", keys), { once: true });

  const wanted = Number(params.get("attribution"));
  const first = records.findIndex((r) => r.id === wanted);
  if (first >= 0) requestAnimationFrame(() => select(first));
  else if (records.length > 0) select(0, false);
  else detail.appendChild(h("p", {}, "Nothing in this article is attributed to a source."));
  if (passage) requestAnimationFrame(() => text.querySelector(".passage")?.scrollIntoView({ block: "center" }));
}

function legend(records: AttributionRecord[]): HTMLElement {
  const used = new Set(records.map((r) => r.source?.type ?? "unknown"));
  return h("div", { class: "legend", "aria-label": "Source types in this article" },
    ...[...used].map((t) => typeBadge(t)),
    h("span", { class: "hint" }, "Underlined: cue · shaded: source · tinted: what was said"));
}

/** Paragraphs of the text, with every span wrapped in a mark of its attribution. */
function drawText(container: HTMLElement, text: string, records: AttributionRecord[], passage: { start: number; end: number } | null): void {
  const toUtf16 = codePointIndex(text);
  const marks: Mark[] = [];
  if (passage) marks.push({ ...passage, role: "passage", index: -1 });
  records.forEach((r, index) => {
    marks.push({ start: r.cue.start, end: r.cue.end, role: "cue", index });
    if (r.source) marks.push({ start: r.source.start, end: r.source.end, role: "source", index });
    for (const c of r.content) marks.push({ start: c.start, end: c.end, role: "content", index });
  });
  const utf16Marks = marks
    .map((m) => ({ ...m, start: toUtf16(m.start), end: toUtf16(m.end) }))
    .filter((m) => m.end > m.start);
  // Cut the text at every paragraph break and span boundary; each piece is
  // drawn with the most specific span covering it (a cue over a source over
  // content, the shorter of two of the same kind), so nested attributions
  // stay visible.
  const cuts = new Set<number>([0, text.length]);
  for (const m of utf16Marks) cuts.add(m.start).add(m.end);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let paragraph = h("p");
  container.appendChild(paragraph);
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    if (piece === "\n") {
      if (paragraph.childNodes.length) {
        paragraph = h("p");
        container.appendChild(paragraph);
      }
      continue;
    }
    const covering = utf16Marks.filter((m) => m.start <= from && m.end >= to);
    if (covering.length === 0) {
      paragraph.appendChild(document.createTextNode(piece));
      continue;
    }
    covering.sort((a, b) => rank[a.role] - rank[b.role] || a.end - a.start - (b.end - b.start));
    const top = covering[0];
    if (top.role === "passage") {
      paragraph.appendChild(h("mark", { class: "passage" }, piece));
      continue;
    }
    const record = records[top.index];
    const type = record.source?.type ?? "unknown";
    const inPassage = covering.some((m) => m.role === "passage") ? " in-passage" : "";
    paragraph.appendChild(h("span", {
      class: `attr ${top.role} type-${type}${inPassage}`, "data-index": top.index,
      title: `${record.cue.text} — ${record.source?.canonical ?? "no source"} (${typeInfo(type).label})`,
    }, piece));
  }
}

function drawDetail(panel: HTMLElement, records: AttributionRecord[], index: number, relink: (updated: ArticleAnalysis) => void): void {
  const r = records[index];
  const source = r.source;
  const hops: AttributionRecord[] = [];
  for (let at: AttributionRecord | undefined = r; at && hops.length < 10; at = at.via === null ? undefined : records[at.via]) hops.push(at);
  append(panel,
    h("h2", {}, `Attribution ${index + 1} of ${records.length}`),
    h("dl", {},
      h("dt", {}, "Cue"), h("dd", {}, h("strong", {}, r.cue.text), ` (${r.cue_class.replace("_", " ")}, ${r.kind.replace("_", " ")})`),
      h("dt", {}, "Source"), h("dd", {}, source ? source.text : "none named"),
      h("dt", {}, "Type"), h("dd", {}, typeBadge(source?.type ?? "unknown"), r.corrected && h("span", { class: "human", title: "A person corrected this" }, "human decision")),
      h("dt", {}, "Canonical"), h("dd", {}, source ? (r.source_id !== null ? h("a", { href: `#/sources/${r.source_id}` }, source.canonical) : source.canonical) : "—"),
      h("dt", {}, "Country"), h("dd", {}, source?.country ?? "—"),
      h("dt", {}, "Stance"), h("dd", {}, r.stance),
      h("dt", {}, "Said"), h("dd", {}, r.content.map((c) => c.text).join(" … ") || "—"),
    ),
    h("h3", {}, hops.length > 1 ? `Chain: ${r.depth} hops to the outlet` : "Chain"),
    h("ol", { class: "chain" }, ...hops.reverse().map((hop) => h("li", {}, typeBadge(hop.source?.type ?? "unknown"), " ", hop.source?.canonical ?? hop.source?.text ?? "unnamed", ` — “${hop.cue.text}”`)),
      h("li", { class: "hint" }, "the outlet")),
    h("h3", {}, "Why"),
    h("ul", { class: "why" }, ...r.evidence.map((e) => h("li", {}, h("strong", {}, e.step), ": ", e.rule))),
    correctionControls(r, relink),
  );
}

function shareLine(label: string, share: Share): HTMLElement {
  return h("div", { title: share.formula }, `${label}: ${percent(share.value)} (${share.numerator} of ${share.denominator})`);
}

function scoresPanel(view: ArticleView): HTMLElement {
  const scores = view.analysis.analysis?.scores;
  if (!scores) return h("section", { class: "panel" }, h("h2", {}, "Scores"), h("p", {}, "Not analysed yet."));
  const t = scores.transparency;
  return h("section", { class: "panel" },
    h("h2", {}, "Scores"),
    h("div", { class: "transparency", title: t.formula }, h("strong", {}, `Transparency ${t.score === null ? "—" : Math.round(t.score)}`), " / 100"),
    h("details", {}, h("summary", {}, "How it is computed"), h("p", { class: "hint" }, t.formula),
      h("ul", {}, ...t.parts.map((p) => h("li", {}, `#${p.attribution + 1}: ${p.weight >= 0 ? "+" : ""}${Math.round(p.weight * 100) / 100} — ${p.reason}`)))),
    shareLine("State media", scores.state_media_share),
    shareLine("Anonymous", scores.anonymous_share),
    shareLine("Second-hand", scores.second_hand_share),
    shareLine("Direct quotes", scores.direct_quote_share),
    h("div", {}, `Deepest chain: ${scores.deepest_chain.depth} · Distinct sources: ${scores.distinct_sources.length}`),
  );
}

function creditsPanel(view: ArticleView): HTMLElement {
  return h("section", { class: "panel" }, h("h2", {}, "Credits"),
    view.credits.length === 0 ? h("p", {}, "No wire, photo or dateline credits.")
      : h("ul", {}, ...view.credits.map((c) => h("li", {}, h("strong", {}, c.credited), ` — ${c.kind.replace(/_/g, " ")}`, c.place ? ` (${c.place})` : "", h("div", { class: "hint" }, `“${c.text}”`)))));
}

function framingPanel(view: ArticleView): HTMLElement {
  const f = view.framing.framing;
  if (!f) return h("section", { class: "panel" }, h("h2", {}, "Framing"), h("p", {}, "Not analysed yet."));
  return h("section", { class: "panel" }, h("h2", {}, "Framing"),
    h("div", {}, "Verb stance: ", f.stances.map((s) => `${s.stance} ${s.count}`).join(" · ")),
    h("div", {}, `Hedges: ${f.hedges.length} (${Math.round(f.hedge_rate * 10) / 10} per 1,000 words)`, f.hedges.length ? ` — ${[...new Set(f.hedges.map((x) => x.text))].slice(0, 8).join(", ")}` : ""),
    h("div", {}, `Loaded terms: ${f.loaded.length} (${Math.round(f.loaded_rate * 10) / 10} per 1,000 words)`, f.loaded.length ? ` — ${[...new Set(f.loaded.map((x) => x.text))].slice(0, 8).join(", ")}` : ""));
}

function tonePanel(view: ArticleView): HTMLElement {
  const tone = view.tone;
  const rows = tone.sentences.map((s) =>
    h("li", { title: s.terms.map((t) => `${t.text}: ${Math.round(t.contribution * 100) / 100}${t.negated ? " (negated)" : ""}`).join(", ") || "no tone words" },
      h("span", { class: `tone-bar ${s.score >= 0 ? "tone-pos" : "tone-neg"}` }),
      ` ${s.score >= 0 ? "+" : ""}${Math.round(s.score * 100) / 100} `,
      h("span", { class: "hint" }, s.text.slice(0, 90) + (s.text.length > 90 ? "…" : ""))),
  );
  // Bar widths are set through the style object, which the content
  // security policy allows, rather than through style attributes.
  tone.sentences.forEach((s, i) => {
    const bar = rows[i].querySelector<HTMLElement>(".tone-bar");
    if (bar) bar.style.width = `${Math.max(2, Math.round(Math.abs(s.score) * 60))}px`;
  });
  return h("section", { class: "panel" }, h("h2", {}, "Tone by sentence"),
    h("div", {}, `${tone.label} overall (${Math.round(tone.score * 100) / 100}, ${tone.engine}): ${tone.positive} positive, ${tone.neutral} neutral, ${tone.negative} negative sentences`),
    h("ol", { class: "tone-list" }, ...rows),
    tone.entities.length > 0 && h("div", {}, h("h3", {}, "Toward"), h("ul", {}, ...tone.entities.slice(0, 8).map((e) => h("li", {}, `${e.name}: ${e.score === null ? "—" : Math.round(e.score * 100) / 100} (${e.sentences.length} sentences)`)))));
}
