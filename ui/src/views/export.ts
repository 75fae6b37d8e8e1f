// The export dialog: the current selection out as data (CSV, XLSX, JSON,
// JSONL, every row, no caps) or as a report (HTML or PDF). The file is
// chosen in the system's save dialog and written by a background job whose
// progress shows in the sidebar.

import { exportWithDialog, inDesktop } from "../ipc";
import { h, append, clear, errorBox } from "../dom";
import type { ArticleFilter, ExportFormat, ExportTable } from "../generated/types";
import { watchJob } from "../main";
import { describeFilter } from "../filters";

const TABLES: { table: ExportTable; label: string }[] = [
  { table: "articles", label: "Articles, with their scores" },
  { table: "attributions", label: "Attributions: spans, cue, source, type, country, stance, chain, corrections" },
  { table: "sources", label: "Sources across the library" },
  { table: "credits", label: "Credits: wire, photo, datelines" },
  { table: "reuse", label: "Reused passages" },
  { table: "tallies", label: "Outlet tallies: the outlet × agency credit matrix" },
  { table: "stories", label: "Story comparisons: each outlet's sourcing of each story" },
];

type Choice = ExportFormat | "html" | "pdf";

/** Opens the dialog for the selection `filter`. */
export function openExportDialog(filter: ArticleFilter): void {
  const selection = describeFilter(filter).join(", ") || "the whole library";
  const message = h("div", { class: "message", "aria-live": "polite" });
  const formats: { value: Choice; label: string }[] = [
    { value: "xlsx", label: "Excel workbook (.xlsx): one sheet per table, with a chart of the tallies" },
    { value: "csv", label: "CSV: one file per table, in a folder you choose" },
    { value: "json", label: "JSON" },
    { value: "jsonl", label: "JSON lines" },
    { value: "html", label: "Report (.html): method, charts, sources, chains and evidence, in one file" },
    { value: "pdf", label: "Report (.pdf): the same report, printed" },
  ];
  const formatInputs = formats.map((f, i) =>
    h("label", { class: "choice" }, h("input", { type: "radio", name: "export-format", value: f.value, checked: i === 0 }), " ", f.label));
  const tableInputs = TABLES.map((t) =>
    h("label", { class: "choice" }, h("input", { type: "checkbox", value: t.table, checked: true }), " ", t.label));
  const title = h("input", { type: "text", value: "Sourcing report", "aria-label": "Report title" });

  const dialog = h("dialog", { class: "export", "aria-label": "Export" },
    h("h2", {}, "Export"),
    h("p", {}, "Selection: ", h("strong", {}, selection), ". Every row is exported; corrections you made are included."),
    h("fieldset", {}, h("legend", {}, "Format"), ...formatInputs),
    h("fieldset", { class: "tables" }, h("legend", {}, "Tables (data formats)"), ...tableInputs),
    h("label", { class: "report-title" }, "Report title ", title),
    !inDesktop && h("p", { class: "hint" }, "The web mode does not write files. In the desktop app this opens a save dialog; on the command line use `sourcetrace export` or `sourcetrace report`."),
    message,
    h("div", { class: "actions" },
      h("button", { onclick: () => void start() }, "Choose where to save…"),
      h("button", { class: "secondary", onclick: () => close() }, "Cancel")),
  );
  function close(): void {
    dialog.close();
    dialog.remove();
  }
  async function start(): Promise<void> {
    clear(message);
    const format = (dialog.querySelector<HTMLInputElement>("input[name=export-format]:checked")?.value ?? "xlsx") as Choice;
    try {
      let job;
      if (format === "html" || format === "pdf") {
        job = await exportWithDialog(null, { title: title.value.trim() || "Sourcing report", filter }, format === "pdf");
      } else {
        const tables = tableInputs
          .map((l) => l.querySelector("input") as HTMLInputElement)
          .filter((i) => i.checked)
          .map((i) => i.value as ExportTable);
        if (tables.length === 0) {
          append(message, errorBox("Choose at least one table."));
          return;
        }
        job = await exportWithDialog({ tables, format, filter }, null, false);
      }
      if (job) {
        watchJob(job);
        close();
      }
    } catch (e) {
      append(message, errorBox(e));
    }
  }
  document.body.appendChild(dialog);
  dialog.showModal();
}
