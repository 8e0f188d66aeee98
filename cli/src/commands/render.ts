/** `nianbao render FILE|- [-o OUT.html] [--force]`: the report as a standalone HTML page to publish or print. */
import { analyze, localize, notRenderable, renderPage } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { inputName, readInputText, refuseOutput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function render(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['-o', '--output', '--lang']), new Set(['-o', '--output', '--force', '--lang']));
  if (args.positionals.length !== 1) throw new UsageError(s.renderNeeds);
  const input = args.positionals[0];
  const output: Output = { path: args.options.get('-o') ?? args.options.get('--output'), force: args.flags.has('--force'), canForce: true };
  const refused = refuseOutput(input, output, io, s);
  if (refused !== undefined) return refused;
  const text = await readInputText(input, io, s);
  if (typeof text === 'number') return text;

  const name = inputName(input, s);
  const analysis = analyze(text);
  const notReport = notRenderable(analysis);
  if (notReport) {
    io.stderr(`${s.renderNotReport(name, notReport.reason ? localize(notReport.reason.message, lang) : '')}\n`);
    return 2;
  }
  const page = renderPage(analysis);
  const failed = writeOutput(output, page.html, io, s);
  if (failed !== undefined) return failed;
  const { error, warning } = page.counts;
  if (error || warning) io.stderr(`${s.renderProblems(name, error, warning)}\n`);
  return error > 0 ? 1 : 0;
}
