/**
 * The disk edge of the workspace index: which files are reports, walking the workspace folders, reading a report's
 * text, and one spelling per file URI. The core never touches the file system; this is where bytes become text.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_FILE_BYTES } from '../../../core/src/index';

/** `*.nianbao.yaml` / `*.nianbao.yml`, as the CLI collects them. */
export const REPORT_FILE = /\.nianbao\.ya?ml$/i;
/** The same for watchers and file operations (VS Code glob syntax). */
export const REPORT_GLOB = '**/*.{nianbao.yaml,nianbao.yml}';

/**
 * Files larger than the core's MAX_FILE_BYTES are not read: they are longer than the core's limit whatever they
 * hold, and would only be refused (NB107) after costing their size in memory several times over. They get the same
 * NB107 without being read.
 */
export { MAX_FILE_BYTES };

/** A report file as read: its text, or its size when it is too large to read. */
export type ReportFile = { readonly text: string } | { readonly tooLarge: number };

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Folders never walked: dependencies and hidden folders (.git, .vscode …). */
export function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * One spelling per file: editors percent-encode paths differently (`(` or `%28`, `c:` or `c%3A`), and a report
 * indexed twice under two spellings would be a duplicate of itself. Other schemes (untitled:) stay as given.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The workspace folder holding `path` when the index should know the file (not in a skipped folder). */
export function folderOf(path: string, folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    const rel = relative(folder, path);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) continue;
    const parts = rel.split(sep);
    if (parts.slice(0, -1).some(skippedFolder)) continue;
    return folder;
  }
  return undefined;
}

/** Every report file under `dir`, depth first in name order; unreadable folders are passed over. */
export async function* walkReports(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links are not followed: a link to a parent folder would never end.
    if (entry.isDirectory()) {
      if (!skippedFolder(entry.name)) yield* walkReports(path);
    } else if (entry.isFile() && REPORT_FILE.test(entry.name)) {
      yield path;
    }
  }
}

/**
 * A report file's text (UTF-8, a BOM dropped as editors drop it), or its size when it is past `MAX_FILE_BYTES`;
 * undefined when it is gone or unreadable.
 */
export async function readReportText(path: string, maxBytes = MAX_FILE_BYTES): Promise<ReportFile | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    if (info.size > maxBytes) return { tooLarge: info.size };
    return { text: decoder.decode(await handle.readFile()) };
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
