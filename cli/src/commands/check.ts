/**
 * `nianbao check FILE|DIR|- …`: every report on its own, then across reports (carry-over and stocks between
 * consecutive years of one agency, 同比 statements, duplicates) through the core's workspace index; several files
 * end with a summary by rule. `--format json` is the machine-readable shape, `--format csv` one row per finding
 * for a spreadsheet.
 */
import type { Diagnostic, Lang } from '../../../core/src/index';
import { UsageError, jobsOption, parseArgs } from '../args';
import { checkInputs } from '../checkInputs';
import { CSV_START, csvLine, findingRow, findingsHeader } from '../formatCsv';
import { formatFileHuman } from '../formatHuman';
import { toJsonFile } from '../formatJson';
import { formatSummaryHuman, summarise } from '../formatSummary';
import type { CliIo } from '../io';
import { strings } from '../strings';

const FORMATS = new Set(['human', 'json', 'csv']);

export async function check(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['--format', '--lang', '--jobs']), new Set(['--format', '--lang', '--jobs']));
  const format = args.options.get('--format') ?? 'human';
  if (!FORMATS.has(format)) throw new UsageError(s.badFormat);
  const jobs = jobsOption(args.options.get('--jobs'), s.badJobs);
  if (args.positionals.length === 0) throw new UsageError(s.noInputs);

  const run = await checkInputs(args.positionals, io, s, jobs);
  if (typeof run === 'number') return run;
  const { index, checked } = run;

  const all: Diagnostic[] = [];
  // JSON and CSV are written as they are made, in pieces (JSON with the same bytes as one JSON.stringify).
  let pending = '';
  const write = (piece: string): void => {
    pending += piece;
    if (pending.length >= 65536) {
      io.stdout(pending);
      pending = '';
    }
  };
  if (format === 'json') write('{"version":1,"files":[');
  if (format === 'csv') write(CSV_START + csvLine(findingsHeader(lang)));
  let first = true;
  for await (const { file, diagnostics, text } of run.results()) {
    for (const d of diagnostics) all.push(d);
    if (format === 'json') {
      write(`${first ? '' : ','}${JSON.stringify(toJsonFile(file.name, text, diagnostics, lang))}`);
      first = false;
    } else if (format === 'csv') {
      if (diagnostics.length === 0) continue;
      const facts = index.facts(file.name);
      for (const row of toJsonFile(file.name, text, diagnostics, lang).diagnostics)
        write(csvLine(findingRow(file.name, facts?.agency, facts?.year, row, lang)));
    } else if (diagnostics.length > 0) {
      io.stdout(formatFileHuman(file.name, text, diagnostics, lang, io.color, run.textOf));
    }
  }
  const summary = summarise(index.stats(), checked.length, all);

  if (format === 'json') {
    // Exactly the documented shape: consumers derive totals from `files`.
    write(']}\n');
    io.stdout(pending);
  } else if (format === 'csv') {
    io.stdout(pending);
  } else if (checked.length > 0) {
    if (checked.length > 1) io.stdout(formatSummaryHuman(summary, lang));
    const clean = summary.errors + summary.warnings + summary.information === 0;
    io.stdout(
      `${clean ? s.summaryClean(checked.length) : s.summary(summary.errors, summary.warnings, summary.information, checked.length)}\n`,
    );
  }
  if (run.unreadable > 0 && format === 'human') io.stderr(`${s.unreadableCount(run.unreadable)}\n`);
  if (run.unreadable > 0 || (run.found === 0 && run.emptyDirs.length > 0)) return 2;
  return summary.errors > 0 ? 1 : 0;
}
