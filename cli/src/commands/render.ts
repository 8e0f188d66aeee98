/**
 * `nianbao render FILE|- [-o OUT.html|OUT.docx] [--format html|docx] [--signature] [--force]`: the report as a
 * standalone HTML page to publish, or as a Word document in the official document format (GB/T 9704-2012). The
 * format is `--format`, else the output's extension; a Word document is only written to a file.
 */
import { extname } from 'node:path';
import { localize, notRenderable, officialDocument, renderPage } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { readReportInput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import type { CliIo } from '../io';
import type { Strings } from '../strings';
import { strings } from '../strings';

type Format = 'html' | 'docx';

function formatOf(options: ReadonlyMap<string, string>, output: Output): Format {
  const given = options.get('--format');
  if (given === 'html' || given === 'docx') return given;
  return output.path !== undefined && extname(output.path).toLowerCase() === '.docx' ? 'docx' : 'html';
}

function checkOptions(s: Strings) {
  return (options: ReadonlyMap<string, string>, _flags: ReadonlySet<string>, output: Output): string | undefined => {
    const given = options.get('--format');
    if (given !== undefined && given !== 'html' && given !== 'docx') return s.badRenderFormat;
    if (formatOf(options, output) === 'docx' && output.path === undefined) return s.docxNeedsOutput;
    return undefined;
  };
}

export async function render(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const read = await readReportInput(argv, io, s, s.renderNeeds, {
    valued: ['--format'],
    flags: ['--signature'],
    check: checkOptions(s),
  });
  if (typeof read === 'number') return read;
  const { analysis, name, output } = read;

  const notReport = notRenderable(analysis);
  if (notReport) {
    io.stderr(`${s.renderNotReport(name, notReport.reason ? localize(notReport.reason.message, lang) : '')}\n`);
    return 2;
  }
  const format = formatOf(read.options, output);
  let content: string | Uint8Array;
  if (format === 'docx') {
    // Loaded on first use: the Word writer (and the docx library) costs nothing to the other commands' start.
    const { writeDocx } = await import('../../../word/src/writeDocx');
    content = await writeDocx(officialDocument(analysis, { signature: read.flags.has('--signature') }));
  } else {
    content = renderPage(analysis).html;
  }
  const failed = writeOutput(output, content, io, s);
  if (failed !== undefined) return failed;
  const error = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warning = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  if (error || warning)
    io.stderr(`${(format === 'docx' ? s.renderDocxProblems : s.renderProblems)(name, error, warning)}\n`);
  return error > 0 ? 1 : 0;
}
