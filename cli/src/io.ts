/** Everything the CLI touches outside itself, so that tests run it in-process with fakes of nothing but I/O. */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Standard input as bytes, for inputs whose encoding is not known in advance (import of GBK pages). */
  readonly readStdinBytes?: () => Promise<Uint8Array>;
  readonly readFile: (path: string) => Buffer;
  readonly isDirectory: (path: string) => boolean;
  readonly listDirectory: (path: string) => string[];
  readonly writeFile: (path: string, content: string) => void;
  readonly exists: (path: string) => boolean;
  /** Colours in human output. */
  readonly color: boolean;
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
    readFile: (p) => readFileSync(p),
    isDirectory: (p) => statSync(p).isDirectory(),
    listDirectory: (p) => readdirSync(p).map((n) => join(p, n)),
    writeFile: (p, c) => {
      // Exclusive create: a command never overwrites an existing file.
      writeFileSync(p, c, { flag: 'wx' });
    },
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
