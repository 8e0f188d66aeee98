/**
 * The one input and the optional output of `render`, `next` and `import`: refusing an output that is the input or
 * that exists (unless the command allows `--force` and it was given) before anything is read, reading the input as
 * text or bytes with a clear message, and writing the output whole or not at all.
 */
import { resolve } from 'node:path';
import { decodeText } from './decodeText';
import type { CliIo } from './io';
import type { Strings } from './strings';

export interface Output {
  readonly path: string | undefined;
  /** `--force` given: an existing output file may be replaced. */
  readonly force: boolean;
  /** The command offers `--force` (import never overwrites). */
  readonly canForce: boolean;
}

/** An exit code when the output must be refused; undefined when it may be written. */
export function refuseOutput(input: string, output: Output, io: CliIo, s: Strings): number | undefined {
  if (output.path === undefined) return undefined;
  if (input !== '-' && resolve(output.path) === resolve(input)) {
    io.stderr(`${s.outputIsInput}\n`);
    return 2;
  }
  if (!output.force && io.exists(output.path)) {
    io.stderr(`${s.outputExists(output.path, output.canForce)}\n`);
    return 2;
  }
  return undefined;
}

export function inputName(input: string, s: Strings): string {
  return input === '-' ? s.stdinName : input;
}

/** The input's bytes (files and standard input alike), or an exit code after saying why it cannot be read. */
export async function readInputBytes(input: string, io: CliIo, s: Strings): Promise<Uint8Array | string | number> {
  try {
    return input === '-' ? (io.readStdinBytes ? await io.readStdinBytes() : await io.readStdin()) : io.readFile(input);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(inputName(input, s), e.code ?? e.message)}\n`);
    return 2;
  }
}

/** The input as report text (UTF-8, a BOM dropped), or an exit code. */
export async function readInputText(input: string, io: CliIo, s: Strings): Promise<string | number> {
  const read = await readInputBytes(input, io, s);
  if (typeof read === 'number') return read;
  const text = typeof read === 'string' ? read : decodeText(read);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `content` to the output file (whole or not at all) or to standard output; an exit code on failure. */
export function writeOutput(output: Output, content: string, io: CliIo, s: Strings): number | undefined {
  if (output.path === undefined) {
    io.stdout(content);
    return undefined;
  }
  try {
    io.writeFile(output.path, content, { overwrite: output.force });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${e.code === 'EEXIST' ? s.outputExists(output.path, output.canForce) : s.unwritable(output.path, e.code ?? e.message)}\n`);
    return 2;
  }
  io.stderr(`${s.written(output.path)}\n`);
  return undefined;
}
