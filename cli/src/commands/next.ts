/** `nianbao next FILE|- [-o OUT] [--force]`: next year's report skeleton for the same agency. */
import { localize, nextYearReport } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { readReportInput, writeOutput } from '../commandFiles';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function next(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const read = await readReportInput(argv, io, s, s.nextNeeds);
  if (typeof read === 'number') return read;
  const { analysis, name, output } = read;
  // A text that was not checked at all (too large, too deep, binary, unreadable YAML): its own finding says why.
  const unchecked = analysis.doc.root ? undefined : analysis.diagnostics.find((d) => d.severity === 'error');
  if (unchecked) {
    io.stderr(`${name}: ${localize(unchecked.message, lang)}\n`);
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
  return writeOutput(output, result.text, io, s) ?? 0;
}
