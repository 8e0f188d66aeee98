/** Everything the CLI touches outside itself, so that tests run it in-process with fakes of nothing but I/O. */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './writeFileAtomic';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Standard input as bytes, for inputs whose encoding is not known in advance (import of GBK pages). */
  readonly readStdinBytes?: () => Promise<Uint8Array>;
  readonly readFile: (path: string) => Buffer;
  /** A file's size in bytes without reading it (undefined when it cannot be examined: reading it then says why). */
  readonly fileSize?: (path: string) => number | undefined;
  readonly isDirectory: (path: string) => boolean;
  readonly listDirectory: (path: string) => string[];
  /**
   * A directory's entries with whether each is a directory, as far as listing it tells (undefined: ask
   * `isDirectory`, as for a symbolic link): walking ten thousand files then costs no call per file.
   */
  readonly listEntries?: (path: string) => { readonly path: string; readonly directory: boolean | undefined }[];
  /**
   * Writes a whole file or nothing. Refuses an existing file (EEXIST) unless `overwrite` is set, which only an
   * explicit user action (`--force`, a save dialog's confirmation) may do.
   */
  readonly writeFile: (path: string, content: string | Uint8Array, options?: { readonly overwrite?: boolean }) => void;
  readonly exists: (path: string) => boolean;
  /** Creates a directory (and its parents) for a batch's outputs. */
  readonly makeDirectory?: (path: string) => void;
  /** Colours in human output. */
  readonly color: boolean;
}

/** How the process itself reads a file: the same functions on a worker thread read the same file. */
export const DISK: Pick<CliIo, 'readFile' | 'fileSize'> = {
  readFile: (path) => readFileSync(path),
  fileSize: (path) => {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
};

/**
 * Whether the io reads the real file system with the process's own functions: a worker thread may then read a
 * file itself (a test's io that counts or changes reads keeps every read on the main thread, through it).
 */
export function readsDisk(io: Pick<CliIo, 'readFile' | 'fileSize'>): boolean {
  return io.readFile === DISK.readFile && io.fileSize === DISK.fileSize;
}

async function stdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => (await stdinBytes()).toString('utf8'),
    readStdinBytes: stdinBytes,
    ...DISK,
    isDirectory: (p) => statSync(p).isDirectory(),
    listDirectory: (p) => readdirSync(p).map((n) => join(p, n)),
    listEntries: (p) =>
      readdirSync(p, { withFileTypes: true }).map((e) => ({
        path: join(p, e.name),
        directory: e.isSymbolicLink() || e.isDirectory() === e.isFile() ? undefined : e.isDirectory(),
      })),
    writeFile: (p, c, options) => writeFileAtomic(p, c, options?.overwrite === true),
    makeDirectory: (p) => void mkdirSync(p, { recursive: true }),
    exists: (p) => {
      try {
        statSync(p);
        return true;
      } catch {
        return false;
      }
    },
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}
