/** `nianbao render FILE|- [-o OUT.html] [--force]`: the report as a standalone HTML page to publish or print. */
import { localize, notRenderable, renderPage } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { readReportInput, writeOutput } from '../commandFiles';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function render(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const read = await readReportInput(argv, io, s, s.renderNeeds);
  if (typeof read === 'number') return read;
  const { analysis, name, output } = read;

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
