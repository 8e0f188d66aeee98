/**
 * The one input and the optional output of `render`, `next` and `import`: refusing an output that is the input or
 * that exists (unless the command allows `--force` and it was given) before anything is read, reading the input as
 * text or bytes with a clear message, and writing the output whole or not at all.
 */
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, analyze, tooLargeAnalysis } from '../../core/src/index';
import type { Analysis } from '../../core/src/index';
import { UsageError, parseArgs } from './args';
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

/** A file past the size limit, not read: its size in bytes. */
export interface TooLarge {
  readonly tooLarge: number;
}

export type LimitedRead = { readonly bytes: Buffer } | TooLarge;

/**
 * A file's bytes, or its size when it is larger than `maxBytes`: a file past the limit is not read at all (its
 * size says enough), so that a 50 MB file costs nothing but its refusal. Read errors are thrown as `readFile` throws.
 */
export function readLimited(io: Pick<CliIo, 'readFile' | 'fileSize'>, path: string, maxBytes: number): LimitedRead {
  const size = io.fileSize?.(path);
  if (size !== undefined && size > maxBytes) return { tooLarge: size };
  return { bytes: io.readFile(path) };
}

/** Report text as the core reads it: a leading BOM dropped. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A report file's text (decoded, a BOM dropped), or its size past MAX_FILE_BYTES, unread. Read errors are thrown. */
export function readReportFile(io: CliIo, path: string): string | TooLarge {
  const read = readLimited(io, path, MAX_FILE_BYTES);
  return 'tooLarge' in read ? read : withoutBom(decodeText(read.bytes));
}

/**
 * The input's bytes (files and standard input alike), or an exit code after saying why it cannot be read, or — for a
 * file larger than `maxBytes` — its size, unread.
 */
export async function readInputBytes(
  input: string,
  io: CliIo,
  s: Strings,
  maxBytes = Infinity,
): Promise<Uint8Array | string | number | TooLarge> {
  try {
    if (input === '-') return io.readStdinBytes ? await io.readStdinBytes() : await io.readStdin();
    const read = readLimited(io, input, maxBytes);
    return 'tooLarge' in read ? read : read.bytes;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(inputName(input, s), e.code ?? e.message)}\n`);
    return 2;
  }
}

/** The input as report text (UTF-8, a BOM dropped), or an exit code, or its size past MAX_FILE_BYTES (unread). */
export async function readInputText(input: string, io: CliIo, s: Strings): Promise<string | number | TooLarge> {
  const read = await readInputBytes(input, io, s, MAX_FILE_BYTES);
  if (typeof read === 'number' || (typeof read === 'object' && 'tooLarge' in read)) return read;
  return withoutBom(typeof read === 'string' ? read : decodeText(read));
}

/**
 * `content` to the output file (whole or not at all) or to standard output; an exit code on failure. Bytes (a Word
 * document, a spreadsheet) are only ever written to a file: the caller refuses them without `-o`.
 */
export function writeOutput(output: Output, content: string | Uint8Array, io: CliIo, s: Strings): number | undefined {
  if (output.path === undefined) {
    if (typeof content !== 'string') throw new Error('binary output needs a file');
    io.stdout(content);
    return undefined;
  }
  try {
    io.writeFile(output.path, content, { overwrite: output.force });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(
      `${e.code === 'EEXIST' ? s.outputExists(output.path, output.canForce) : s.unwritable(output.path, e.code ?? e.message)}\n`,
    );
    return 2;
  }
  io.stderr(`${s.written(output.path)}\n`);
  return undefined;
}

/** What `render` and `next` start from: their one report, analysed, its name for messages, and their output. */
export interface ReportInput {
  readonly analysis: Analysis;
  readonly name: string;
  readonly output: Output;
  /** The command's own options (`extra`), as given. */
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

/** Options a command takes beyond `-o`, `--force` and `--lang`: `valued` ones take a value, `flags` do not. */
export interface ExtraOptions {
  readonly valued?: readonly string[];
  readonly flags?: readonly string[];
  /** Checks the options before anything is read; a message makes it a usage error. */
  readonly check?: (
    options: ReadonlyMap<string, string>,
    flags: ReadonlySet<string>,
    output: Output,
  ) => string | undefined;
}

/**
 * Reads the arguments `FILE|- [-o OUT] [--force]`, refuses a forbidden output before reading anything, and analyses
 * the input; an exit code when it stops there (the message written). `usage`: the message for a wrong argument count.
 */
export async function readReportInput(
  argv: readonly string[],
  io: CliIo,
  s: Strings,
  usage: string,
  extra: ExtraOptions = {},
): Promise<ReportInput | number> {
  const valued = ['-o', '--output', '--lang', ...(extra.valued ?? [])];
  const args = parseArgs(argv, new Set(valued), new Set([...valued, '--force', ...(extra.flags ?? [])]));
  if (args.positionals.length !== 1) throw new UsageError(usage);
  const input = args.positionals[0];
  const output: Output = {
    path: args.options.get('-o') ?? args.options.get('--output'),
    force: args.flags.has('--force'),
    canForce: true,
  };
  const wrong = extra.check?.(args.options, args.flags, output);
  if (wrong !== undefined) throw new UsageError(wrong);
  const refused = refuseOutput(input, output, io, s);
  if (refused !== undefined) return refused;
  const text = await readInputText(input, io, s);
  if (typeof text === 'number') return text;
  // A file past the size limit is refused unread: its one finding (NB107) says so.
  const analysis = typeof text === 'string' ? analyze(text) : tooLargeAnalysis(text.tooLarge);
  return { analysis, name: inputName(input, s), output, options: args.options, flags: args.flags };
}
