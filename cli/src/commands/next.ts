/** `nianbao next FILE|- [-o OUT] [--force]`: next year's report skeleton for the same agency. */
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, analyze, localize, nextYearReport, tooLargeAnalysis } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { decodeText } from '../decodeText';
import { readLimited } from '../readLimited';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function next(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['-o', '--output', '--lang']), new Set(['-o', '--output', '--force', '--lang']));
  if (args.positionals.length !== 1) throw new UsageError(s.nextNeeds);
  const input = args.positionals[0];
  const output = args.options.get('-o') ?? args.options.get('--output');
  const force = args.flags.has('--force');
  if (output !== undefined && input !== '-' && resolve(output) === resolve(input)) {
    io.stderr(`${s.renderSameFile}\n`);
    return 2;
  }
  if (output !== undefined && !force && io.exists(output)) {
    io.stderr(`${s.renderExists(output)}\n`);
    return 2;
  }
  const name = input === '-' ? '<stdin>' : input;
  let text: string;
  let tooLarge: number | undefined;
  try {
    const read = input === '-' ? undefined : readLimited(io, input, MAX_FILE_BYTES);
    if (read && 'tooLarge' in read) tooLarge = read.tooLarge;
    text = read === undefined ? await io.readStdin() : 'tooLarge' in read ? '' : decodeText(read.bytes);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(name, e.code ?? e.message)}\n`);
    return 2;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const analysis = tooLarge === undefined ? analyze(text) : tooLargeAnalysis(tooLarge);
  // A text that was not checked at all (too large, too deep, binary, unreadable YAML): its own finding says why.
  const refused = analysis.doc.root ? undefined : analysis.diagnostics.find((d) => d.severity === 'error');
  if (refused) {
    io.stderr(`${name}: ${localize(refused.message, lang)}\n`);
    return 1;
  }
  const result = nextYearReport(analysis.report);
  if (!result.ok) {
    // Failure writes nothing: no output file, nothing on standard output.
    io.stderr(`${name}: ${localize(result.message, lang)}\n`);
    return 1;
  }
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) io.stderr(`${s.nextInputErrors(name, errors)}\n`);
  if (output === undefined) {
    io.stdout(result.text);
    return 0;
  }
  try {
    io.writeFile(output, result.text, { overwrite: force });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${e.code === 'EEXIST' ? s.renderExists(output) : s.renderCannotWrite(output, e.code ?? e.message)}\n`);
    return 2;
  }
  io.stderr(`${s.renderWritten(output)}\n`);
  return 0;
}
