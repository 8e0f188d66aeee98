/** `nianbao import FILE|- [-o OUT.nianbao.yaml]`: a published report (HTML page or text) as report YAML. */
import { IMPORT_MESSAGES, MAX_IMPORT_BYTES, importReport, localize } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { inputName, readInputBytes, refuseOutput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function importCommand(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const names = new Set(['-o', '--output', '--lang']);
  const args = parseArgs(argv, names, names);
  if (args.positionals.length !== 1) throw new UsageError(s.importNeeds);
  const [input] = args.positionals;
  const output: Output = {
    path: args.options.get('-o') ?? args.options.get('--output'),
    force: false,
    canForce: false,
  };
  // Refuse before reading anything: the user's file stays as it is.
  const refused = refuseOutput(input, output, io, s);
  if (refused !== undefined) return refused;
  const name = inputName(input, s);
  const source = await readInputBytes(input, io, s, MAX_IMPORT_BYTES);
  if (typeof source === 'number') return source;
  if (typeof source === 'object' && 'tooLarge' in source) {
    // Refused unread, as the importer refuses such an input.
    io.stderr(
      `${s.importFailed(name)}${localize(IMPORT_MESSAGES.tooLarge(source.tooLarge, MAX_IMPORT_BYTES), lang)}\n`,
    );
    return 1;
  }

  const result = importReport(source);
  if (!result.ok) {
    io.stderr(`${s.importFailed(name)}${localize(result.error, lang)}\n`);
    return 1;
  }
  for (const note of result.notes) io.stderr(`${localize(note, lang)}\n`);
  const failed = writeOutput(output, result.yaml, io, s);
  if (failed !== undefined) return failed;
  io.stderr(
    `${s.importSummary(name, result.data.edition, result.fuzzy.length, result.unplaced.length, result.missing.length, output.path)}\n`,
  );
  return 0;
}
