/** `nianbao next FILE|- [-o OUT] [--force]`: next year's report skeleton for the same agency. */
import { analyze, localize, nextYearReport } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { inputName, readInputText, refuseOutput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function next(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['-o', '--output', '--lang']), new Set(['-o', '--output', '--force', '--lang']));
  if (args.positionals.length !== 1) throw new UsageError(s.nextNeeds);
  const input = args.positionals[0];
  const output: Output = { path: args.options.get('-o') ?? args.options.get('--output'), force: args.flags.has('--force'), canForce: true };
  const refused = refuseOutput(input, output, io, s);
  if (refused !== undefined) return refused;
  const text = await readInputText(input, io, s);
  if (typeof text === 'number') return text;
  const name = inputName(input, s);
  const analysis = analyze(text);
  const result = nextYearReport(analysis.report);
  if (!result.ok) {
    // Failure writes nothing: no output file, nothing on standard output.
    io.stderr(`${name}: ${localize(result.message, lang)}\n`);
    return 1;
  }
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) io.stderr(`${s.nextInputErrors(name, errors)}\n`);
  return writeOutput(output, result.text, io, s) ?? 0;
}
