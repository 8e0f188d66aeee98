/** `nianbao check FILE|DIR|- …` */
import { analyze } from '../../../core/src/index';
import type { Diagnostic, Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { collectFiles } from '../collectFiles';
import { formatFileHuman } from '../formatHuman';
import { toJsonFile } from '../formatJson';
import type { JsonFileResult } from '../formatJson';
import type { CliIo } from '../io';
import { decodeText } from '../decodeText';
import { strings } from '../strings';

export async function check(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['--format', '--lang']), new Set(['--format', '--lang']));
  const format = args.options.get('--format') ?? 'human';
  if (format !== 'human' && format !== 'json') throw new UsageError(s.badFormat);
  if (args.positionals.length === 0) throw new UsageError(s.noInputs);

  let inputs;
  try {
    inputs = collectFiles(args.positionals, io);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(e.path ?? String(args.positionals), e.code ? s.reason(e.code) : e.message)}\n`);
    return 2;
  }
  for (const dir of inputs.emptyDirs) io.stderr(`${s.noReports(dir)}\n`);

  let unreadable = 0;
  let checked = 0;
  const counts = { error: 0, warning: 0, information: 0 };
  const json: JsonFileResult[] = [];
  for (const file of inputs.files) {
    let text: string;
    try {
      text = file.path === undefined ? await io.readStdin() : decodeText(io.readFile(file.path));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      io.stderr(`${s.unreadable(file.name, e.code ? s.reason(e.code) : e.message)}\n`);
      unreadable++;
      continue;
    }
    checked++;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const diagnostics: readonly Diagnostic[] = analyze(text).diagnostics;
    for (const d of diagnostics) counts[d.severity]++;
    if (format === 'json') json.push(toJsonFile(file.name, text, diagnostics, lang));
    else io.stdout(formatFileHuman(file.name, text, diagnostics, lang, io.color));
  }

  if (format === 'json') {
    io.stdout(`${JSON.stringify({ version: 1, files: json })}\n`);
  } else if (checked > 0) {
    const clean = counts.error + counts.warning + counts.information === 0;
    io.stdout(`${clean ? s.summaryClean(checked) : s.summary(counts.error, counts.warning, counts.information, checked)}\n`);
  }
  if (unreadable > 0 && format === 'human') io.stderr(`${s.unreadableCount(unreadable)}\n`);
  if (unreadable > 0 || (inputs.files.length === 0 && inputs.emptyDirs.length > 0)) return 2;
  return counts.error > 0 ? 1 : 0;
}
