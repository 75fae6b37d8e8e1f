// Corrections in place: the journalist is the editor of record. A changed
// type or name, or a deleted false attribution, is stored as a human
// decision, survives re-analysis, and counts in every tally and export.

import { call } from "../ipc";
import { h, append, clear, errorBox } from "../dom";
import { SOURCE_TYPES } from "../generated/types";
import type { ArticleAnalysis, AttributionRecord } from "../generated/types";

/**
 * The edit form for one attribution. `done` is called after a correction
 * is stored, to redraw the article with its new analysis (attribution ids
 * change when an article is re-analysed, so the caller reloads).
 */
export function correctionControls(record: AttributionRecord, done: (analysis: ArticleAnalysis) => void): HTMLElement {
  const message = h("div", { class: "message", "aria-live": "polite" });
  const source = record.source;
  const type = h("select", { "aria-label": "Source type", disabled: !source },
    ...SOURCE_TYPES.map((t) => h("option", { value: t.type, selected: t.type === (source?.type ?? "unknown") }, t.label)));
  const name = h("input", { type: "text", value: source?.canonical ?? "", "aria-label": "Canonical source name", disabled: !source });
  const country = h("input", { type: "text", value: source?.country ?? "", maxlength: 2, size: 3, "aria-label": "Country (two letters)", disabled: !source });

  async function send(change: { source_type?: string | null; canonical?: string | null; country?: string | null; delete?: boolean }): Promise<void> {
    clear(message);
    try {
      done(await call("correct", { attribution_id: record.id, source_type: null, canonical: null, country: null, delete: false, ...change }));
    } catch (e) {
      append(message, errorBox(e));
    }
  }

  function save(): void {
    if (!source) return;
    const change: { source_type?: string; canonical?: string; country?: string } = {};
    if (type.value !== source.type) change.source_type = type.value;
    if (name.value.trim() && name.value.trim() !== source.canonical) change.canonical = name.value.trim();
    if (country.value.trim() && country.value.trim().toUpperCase() !== (source.country ?? "")) change.country = country.value.trim();
    if (Object.keys(change).length === 0) {
      clear(message);
      append(message, "Nothing changed.");
      return;
    }
    void send(change);
  }

  const history = h("div", { class: "corrections" });
  if (record.corrected) {
    const ids = record.corrected.corrections;
    append(history,
      h("p", {}, "A person changed: ",
        record.corrected.changes.map((c) => `${c.field} ${c.machine ?? "—"} → ${c.human ?? "—"}`).join("; ")),
      ...ids.map((id) => h("button", { class: "link", onclick: async () => {
        try {
          done(await call("undo_correction", { id }));
        } catch (e) {
          append(message, errorBox(e));
        }
      } }, `Undo correction #${id}`)));
  }

  return h("details", { class: "edit", open: record.corrected !== undefined && record.corrected !== null },
    h("summary", {}, "Correct this attribution (e)"),
    source
      ? h("div", { class: "fields" },
        h("label", {}, "Type ", type), " ",
        h("label", {}, "Name ", name), " ",
        h("label", {}, "Country ", country), " ",
        h("button", { onclick: save }, "Save"))
      : h("p", { class: "hint" }, "This attribution names no source; you can only delete it."),
    h("p", {}, h("button", { class: "secondary", onclick: () => {
      if (confirm("Delete this attribution? It will no longer count anywhere. You can undo this.")) void send({ delete: true });
    } }, "Not an attribution — delete")),
    history,
    message,
  );
}
