// The only module that talks to the outside: Tauri's IPC in the desktop
// app, or the same commands over HTTP in the web mode (`sourcetrace serve`).
// Every view calls `call()` with a command name from the generated
// `Commands` map, so a renamed field in Rust is a type error here.

import type { Commands, ExportRequest, JobStatus, ReportRequest } from "./generated/types";

interface TauriGlobal {
  core: { invoke<T>(cmd: string, args?: Record<string, unknown>): Promise<T> };
  event: {
    listen<T>(event: string, handler: (e: { payload: T }) => void): Promise<() => void>;
  };
}

declare global {
  interface Window {
    __TAURI__?: TauriGlobal;
  }
}

const tauri: TauriGlobal | undefined = window.__TAURI__;

/** True inside the desktop window, false in a browser. */
export const inDesktop = tauri !== undefined;

/** An error a command returned: a stable code and a sentence for people. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function asCommandError(e: unknown): CommandError {
  if (e instanceof CommandError) return e;
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    return new CommandError(String((e as { code: unknown }).code), String((e as { message: unknown }).message));
  }
  return new CommandError("io", e instanceof Error ? e.message : String(e));
}

export type Args<K extends keyof Commands> = Commands[K]["args"];
export type Result<K extends keyof Commands> = Commands[K]["result"];

/**
 * Runs a command. Arguments the command gives defaults for may be left
 * out; the Rust side fills them in.
 */
export async function call<K extends keyof Commands>(
  command: K,
  args: Partial<Args<K>> = {},
): Promise<Result<K>> {
  if (tauri) {
    try {
      return await tauri.core.invoke<Result<K>>("call", { command, args });
    } catch (e) {
      throw asCommandError(e);
    }
  }
  let response: Response;
  try {
    response = await fetch(`api/${command}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(args),
      credentials: "same-origin",
    });
  } catch (e) {
    throw new CommandError("io", `The Sourcetrace server did not answer (${e}). Is \`sourcetrace serve\` still running?`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw asCommandError(body ?? { code: "io", message: `The server answered ${response.status}` });
  }
  return body as Result<K>;
}

/** Files and folders dropped on the window (desktop) or page (browser). */
export function onDrop(handlers: { paths(paths: string[]): void; files(files: File[]): void }): void {
  if (tauri) {
    // The webview hands dropped files to Tauri, which gives their paths;
    // the page itself never sees their contents.
    void tauri.event.listen<{ paths: string[] }>("tauri://drag-drop", (e) => {
      if (e.payload.paths?.length) handlers.paths(e.payload.paths);
    });
    return;
  }
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) handlers.files(files);
  });
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Uploads files picked or dropped in a browser. */
export async function uploadFiles(files: File[], collection?: string): Promise<JobStatus> {
  const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await base64(f) })));
  return call("import_files", { files: encoded, collection: collection ?? null, outlet: null });
}

/**
 * Asks for files or folders to import: the system dialog in the desktop
 * app, a file picker in a browser. Resolves to the started job, or null
 * when the user cancelled.
 */
export async function chooseAndImport(folders: boolean): Promise<JobStatus | null> {
  if (tauri) {
    try {
      return await tauri.core.invoke<JobStatus | null>("import_dialog", { folders });
    } catch (e) {
      throw asCommandError(e);
    }
  }
  const input = document.createElement("input");
  input.type = "file";
  input.multiple = true;
  if (folders) input.webkitdirectory = true;
  const files = await new Promise<File[]>((resolve) => {
    input.addEventListener("change", () => resolve(Array.from(input.files ?? [])));
    input.addEventListener("cancel", () => resolve([]));
    input.click();
  });
  return files.length ? uploadFiles(files) : null;
}

/**
 * Saves a chart. In the desktop app Rust shows the save dialog and writes
 * the file, so a page can never choose where files go; in a browser it is
 * an ordinary download.
 */
export async function saveChart(name: string, format: "png" | "svg", dataUrl: string): Promise<string | null> {
  if (tauri) {
    try {
      return await tauri.core.invoke<string | null>("save_chart", { name, format, dataUrl });
    } catch (e) {
      throw asCommandError(e);
    }
  }
  const link = document.createElement("a");
  link.href = dataUrl;
  link.download = `${name}.${format}`;
  link.click();
  return link.download;
}

/**
 * Exports data or a report to a file the user picks in the save dialog.
 * Resolves to the export job, or null when the user cancelled. Only the
 * desktop app can do this; the web mode's users run `sourcetrace export`.
 */
export async function exportWithDialog(
  request: ExportRequest | null,
  report: ReportRequest | null,
  pdf: boolean,
): Promise<JobStatus | null> {
  if (!tauri) {
    throw new CommandError(
      "invalid_input",
      "Exports are saved by the desktop app or `sourcetrace export`; the web mode does not write files.",
    );
  }
  try {
    return await tauri.core.invoke<JobStatus | null>("export_dialog", { request, report, pdf });
  } catch (e) {
    throw asCommandError(e);
  }
}

/** Tells the desktop app the first view is on screen (start-up timing). */
export function reportFirstPaint(): void {
  if (tauri) void tauri.core.invoke("first_paint").catch(() => {});
}
