/**
 * `nianbao compare FROM TO [--format human|json|html] [-o OUT] [--force]`: two reports side by side — every cell
 * in both with the change and the ratio, the narrative sections sentence by sentence, and the findings between the
 * years when TO is the year after FROM for the same 机关.
 */
import {
  analyze,
  compareReports,
  notRenderable,
  localize,
  renderComparisonPage,
  tooLargeAnalysis,
} from '../../../core/src/index';
import type { Analysis, Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { inputName, readInputText, refuseOutput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import { comparisonJson, formatComparisonHuman } from '../formatCompare';
import type { CliIo } from '../io';
import { strings } from '../strings';

const FORMATS = new Set(['human', 'json', 'html']);

export async function compare(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(
    argv,
    new Set(['--format', '-o', '--output', '--lang']),
    new Set(['--format', '-o', '--output', '--force', '--lang']),
  );
  if (args.positionals.length !== 2) throw new UsageError(s.compareNeeds);
  const format = args.options.get('--format') ?? 'human';
  if (!FORMATS.has(format)) throw new UsageError(s.compareFormat);
  const [fromPath, toPath] = args.positionals;
  if (fromPath === '-' && toPath === '-') throw new UsageError(s.compareNeeds);
  const output: Output = {
    path: args.options.get('-o') ?? args.options.get('--output'),
    force: args.flags.has('--force'),
    canForce: true,
  };
  for (const input of [fromPath, toPath]) {
    const refused = refuseOutput(input, output, io, s);
    if (refused !== undefined) return refused;
  }
  const analyses: Analysis[] = [];
  for (const input of [fromPath, toPath]) {
    const text = await readInputText(input, io, s);
    if (typeof text === 'number') return text;
    const analysis = typeof text === 'string' ? analyze(text) : tooLargeAnalysis(text.tooLarge);
    const notReport = notRenderable(analysis);
    if (notReport) {
      io.stderr(
        `${s.compareNotReport(inputName(input, s), notReport.reason ? localize(notReport.reason.message, lang) : '')}\n`,
      );
      return 2;
    }
    analyses.push(analysis);
  }
  const [from, to] = analyses;
  const fromName = inputName(fromPath, s);
  const toName = inputName(toPath, s);
  const comparison = compareReports({ uri: fromName, analysis: from }, { uri: toName, analysis: to });
  let content: string;
  if (format === 'json') content = `${JSON.stringify(comparisonJson(comparison, to.doc.text, lang))}\n`;
  else if (format === 'html') content = renderComparisonPage({ comparison, to: to.report }, { lang }).html;
  else content = formatComparisonHuman(comparison, to.doc.text, lang, io.color);
  const failed = writeOutput(output, content, io, s);
  if (failed !== undefined) return failed;
  return comparison.findings.some((d) => d.severity === 'error') ? 1 : 0;
}
