/**
 * `nianbao summary DIR|FILE … -o OUT.xlsx|OUT.csv [--force]`: the evaluator's table — one row per report (file, 机关,
 * 年度, 格式, the key figures, its errors and warnings), sorted by 机关 and 年度; in a workbook a second sheet lists
 * every finding as `check --format csv` does. A CSV holds the first table only.
 */
import { KEY_FIGURES, figureValue } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { checkInputs } from '../checkInputs';
import { refuseOutput, writeOutput } from '../commandFiles';
import type { Output } from '../commandFiles';
import { CSV_START, csvLine, findingRow, findingsHeader } from '../formatCsv';
import type { CsvValue } from '../formatCsv';
import { toJsonFile } from '../formatJson';
import type { CliIo } from '../io';
import { strings } from '../strings';
import { xlsxBytes } from '../writeXlsx';

interface ReportRow {
  readonly key: string;
  readonly year: number;
  readonly file: string;
  readonly values: CsvValue[];
}

export async function summary(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['-o', '--output', '--lang']), new Set(['-o', '--output', '--force', '--lang']));
  const path = args.options.get('-o') ?? args.options.get('--output');
  if (args.positionals.length === 0 || path === undefined) throw new UsageError(s.summaryNeeds);
  const kind = /\.xlsx$/i.test(path) ? 'xlsx' : /\.csv$/i.test(path) ? 'csv' : undefined;
  if (!kind) throw new UsageError(s.summaryNeeds);
  const output: Output = { path, force: args.flags.has('--force'), canForce: true };
  // An existing output is refused before anything is read.
  const refused = refuseOutput('-', output, io, s);
  if (refused !== undefined) return refused;

  const run = await checkInputs(args.positionals, io, s);
  if (typeof run === 'number') return run;
  const reports: ReportRow[] = [];
  const findings: CsvValue[][] = [];
  for await (const { file, diagnostics, text } of run.results()) {
    const facts = run.index.facts(file.name);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    reports.push({
      key: facts?.agencyKey ?? '',
      year: facts?.year ?? 0,
      file: file.name,
      values: [
        file.name,
        facts?.agency,
        facts?.year,
        facts?.agency !== undefined || facts?.year !== undefined ? facts?.edition : undefined,
        ...KEY_FIGURES.map((f) => (facts ? figureValue(facts, f) : undefined)),
        errors,
        warnings,
      ],
    });
    if (kind === 'xlsx' && diagnostics.length > 0)
      for (const d of toJsonFile(file.name, text, diagnostics, lang).diagnostics)
        findings.push(findingRow(file.name, facts?.agency, facts?.year, d, lang));
  }
  // By agency (as the index compares names), then year, then file.
  reports.sort((a, b) => a.key.localeCompare(b.key, 'zh-CN') || a.year - b.year || (a.file < b.file ? -1 : 1));
  const header = [
    ...s.summaryColumns.slice(0, 4),
    ...KEY_FIGURES.map((f) => f.label[lang]),
    ...s.summaryColumns.slice(4),
  ];
  const rows = reports.map((r) => r.values);
  let content: string | Buffer;
  if (kind === 'csv') {
    content = CSV_START + csvLine(header) + rows.map(csvLine).join('');
  } else {
    content = await xlsxBytes([
      {
        name: s.summarySheets[0],
        header,
        rows,
        widths: [28, 24, 6, 6, ...KEY_FIGURES.map(() => 10), 6, 6],
      },
      { name: s.summarySheets[1], header: findingsHeader(lang), rows: findings, widths: [28, 24, 6, 7, 6, 80, 6, 40] },
    ]);
  }
  const failed = writeOutput(output, content, io, s);
  if (failed !== undefined) return failed;
  if (kind === 'csv') io.stderr(`${s.summaryCsvNote}\n`);
  if (run.unreadable > 0) io.stderr(`${s.unreadableCount(run.unreadable)}\n`);
  return run.unreadable > 0 || (run.found === 0 && run.emptyDirs.length > 0) ? 2 : 0;
}
