/** Expand the command line's inputs: a directory means every `*.nianbao.yaml` / `*.nianbao.yml` under it. */
import type { CliIo } from './io';

export const REPORT_FILE = /\.nianbao\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

export interface Input {
  readonly name: string;
  /** Undefined for standard input. */
  readonly path?: string;
}

/** Whether a path is a directory; a path that cannot be examined is treated as a file, whose read then fails. */
function isDirectory(io: CliIo, path: string): boolean {
  try {
    return io.isDirectory(path);
  } catch {
    return false;
  }
}

/**
 * Files in a stable order. A path that does not exist or cannot be examined is listed as a file, so that
 * reading it reports it and the other inputs are still checked; a directory that cannot be listed throws.
 */
export function collectFiles(inputs: readonly string[], io: CliIo): { files: Input[]; emptyDirs: string[] } {
  const files: Input[] = [];
  const emptyDirs: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push({ name: '<stdin>' });
      continue;
    }
    if (!isDirectory(io, input)) {
      files.push({ name: input, path: input });
      continue;
    }
    const found: string[] = [];
    const list = (dir: string): { path: string; directory: boolean | undefined }[] =>
      io.listEntries
        ? io.listEntries(dir).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        : io
            .listDirectory(dir)
            .sort()
            .map((path) => ({ path, directory: undefined }));
    const walk = (dir: string): void => {
      for (const { path: entry, directory } of list(dir)) {
        const base = entry.slice(entry.lastIndexOf('/') + 1);
        if (directory ?? isDirectory(io, entry)) {
          if (!SKIP_DIRS.has(base) && !base.startsWith('.')) walk(entry);
        } else if (REPORT_FILE.test(base)) {
          found.push(entry);
        }
      }
    };
    walk(input);
    if (found.length === 0) emptyDirs.push(input);
    for (const f of found) files.push({ name: f, path: f });
  }
  return { files, emptyDirs };
}
