/**
 * `nianbao check FILE|DIR|- …`: every report on its own, then across reports (carry-over and stocks between
 * consecutive years of one agency, duplicates) through the core's workspace index; several files end with a
 * summary by rule.
 */
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, ReportIndex, tooLargeAnalysis } from '../../../core/src/index';
import type { Diagnostic, Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { collectFiles } from '../collectFiles';
import type { Input } from '../collectFiles';
import { formatFileHuman } from '../formatHuman';
import { toJsonFile } from '../formatJson';
import type { JsonFileResult } from '../formatJson';
import { formatSummaryHuman, summarise } from '../formatSummary';
import type { CliIo } from '../io';
import { decodeText } from '../decodeText';
import { readLimited } from '../commandFiles';
import { strings } from '../strings';

/** The same file named twice (`check dir dir/a.nianbao.yaml`) is one report, not a duplicate. */
function distinct(files: readonly Input[]): Input[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = f.path === undefined ? '<stdin>' : resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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
  const index = new ReportIndex();
  const texts = new Map<string, string>();
  for (const file of distinct(inputs.files)) {
    let text: string;
    try {
      const read = file.path === undefined ? undefined : readLimited(io, file.path, MAX_FILE_BYTES);
      if (read && 'tooLarge' in read) {
        // Refused unread: its one finding (NB107) says how large it is.
        texts.set(file.name, '');
        index.set(file.name, '', tooLargeAnalysis(read.tooLarge));
        continue;
      }
      text = read === undefined ? await io.readStdin() : decodeText(read.bytes);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      io.stderr(`${s.unreadable(file.name, e.code ? s.reason(e.code) : e.message)}\n`);
      unreadable++;
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    texts.set(file.name, text);
    index.set(file.name, text);
  }

  const all: Diagnostic[] = [];
  const json: JsonFileResult[] = [];
  for (const [name, text] of texts) {
    const diagnostics = index.diagnostics(name);
    all.push(...diagnostics);
    if (format === 'json') json.push(toJsonFile(name, text, diagnostics, lang));
    else io.stdout(formatFileHuman(name, text, diagnostics, lang, io.color, (uri) => texts.get(uri)));
  }
  const summary = summarise(index.stats(), texts.size, all);

  if (format === 'json') {
    // Exactly the documented shape: consumers derive totals from `files`.
    io.stdout(`${JSON.stringify({ version: 1, files: json })}\n`);
  } else if (texts.size > 0) {
    if (texts.size > 1) io.stdout(formatSummaryHuman(summary, lang));
    const clean = summary.errors + summary.warnings + summary.information === 0;
    io.stdout(`${clean ? s.summaryClean(texts.size) : s.summary(summary.errors, summary.warnings, summary.information, texts.size)}\n`);
  }
  if (unreadable > 0 && format === 'human') io.stderr(`${s.unreadableCount(unreadable)}\n`);
  if (unreadable > 0 || (inputs.files.length === 0 && inputs.emptyDirs.length > 0)) return 2;
  return summary.errors > 0 ? 1 : 0;
}
