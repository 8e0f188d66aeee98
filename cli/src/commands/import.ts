/** `nianbao import FILE|- [-o OUT.nianbao.yaml]`: a published report (HTML page or text) as report YAML. */
import { IMPORT_MESSAGES, MAX_IMPORT_BYTES, importReport, localize } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { readLimited } from '../readLimited';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function importCommand(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const names = new Set(['-o', '--output', '--lang']);
  const args = parseArgs(argv, names, names);
  if (args.positionals.length !== 1) throw new UsageError(s.importNeeds);
  const [input] = args.positionals;
  const output = args.options.get('-o') ?? args.options.get('--output');
  // Refuse before reading anything: the user's file stays as it is.
  if (output !== undefined && io.exists(output)) {
    io.stderr(`${s.outputExists(output)}\n`);
    return 2;
  }

  const name = input === '-' ? s.stdinName : input;
  let source: string | Uint8Array;
  try {
    const read = input === '-' ? undefined : readLimited(io, input, MAX_IMPORT_BYTES);
    if (read && 'tooLarge' in read) {
      // Refused unread, as the importer refuses such an input.
      io.stderr(`${s.importFailed(name)}${localize(IMPORT_MESSAGES.tooLarge(read.tooLarge, MAX_IMPORT_BYTES), lang)}\n`);
      return 1;
    }
    source = read === undefined ? (io.readStdinBytes ? await io.readStdinBytes() : await io.readStdin()) : read.bytes;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(input === '-' ? s.stdinName : input, e.code ?? e.message)}\n`);
    return 2;
  }

  const result = importReport(source);
  if (!result.ok) {
    io.stderr(`${s.importFailed(name)}${localize(result.error, lang)}\n`);
    return 1;
  }
  for (const note of result.notes) io.stderr(`${localize(note, lang)}\n`);
  if (output !== undefined) {
    try {
      io.writeFile(output, result.yaml);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      io.stderr(`${e.code === 'EEXIST' ? s.outputExists(output) : s.unwritable(output, e.code ?? e.message)}\n`);
      return 2;
    }
  } else {
    io.stdout(result.yaml);
  }
  io.stderr(`${s.importSummary(name, result.data.edition, result.fuzzy.length, result.unplaced.length, result.missing.length, output)}\n`);
  return 0;
}
