/** `nianbao render FILE|- [-o OUT.html] [--force]`: the report as a standalone HTML page to publish or print. */
import { resolve } from 'node:path';
import { MAX_FILE_BYTES, analyze, notRenderable, renderPage, tooLargeAnalysis } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { localize } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import { decodeText } from '../decodeText';
import { readLimited } from '../readLimited';
import type { CliIo } from '../io';
import { strings } from '../strings';

export async function render(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const s = strings(lang);
  const args = parseArgs(argv, new Set(['-o', '--output', '--lang']), new Set(['-o', '--output', '--force', '--lang']));
  if (args.positionals.length !== 1) throw new UsageError(s.renderNeeds);
  const input = args.positionals[0];
  const output = args.options.get('-o') ?? args.options.get('--output');
  const force = args.flags.has('--force');
  if (output !== undefined && input !== '-' && resolve(output) === resolve(input)) {
    io.stderr(`${s.renderSameFile}\n`);
    return 2;
  }
  if (output !== undefined && !force && io.exists(output)) {
    io.stderr(`${s.renderExists(output)}\n`);
    return 2;
  }

  let text: string;
  let tooLarge: number | undefined;
  try {
    const read = input === '-' ? undefined : readLimited(io, input, MAX_FILE_BYTES);
    if (read && 'tooLarge' in read) tooLarge = read.tooLarge;
    text = read === undefined ? await io.readStdin() : 'tooLarge' in read ? '' : decodeText(read.bytes);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr(`${s.unreadable(input === '-' ? '<stdin>' : input, e.code ?? e.message)}\n`);
    return 2;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const analysis = tooLarge === undefined ? analyze(text) : tooLargeAnalysis(tooLarge);
  const name = input === '-' ? '<stdin>' : input;
  const refused = notRenderable(analysis);
  if (refused) {
    io.stderr(`${s.renderNotReport(name, refused.reason ? localize(refused.reason.message, lang) : '')}\n`);
    return 2;
  }

  const page = renderPage(analysis);
  if (output === undefined) {
    io.stdout(page.html);
  } else {
    try {
      io.writeFile(output, page.html, { overwrite: force });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      io.stderr(`${e.code === 'EEXIST' ? s.renderExists(output) : s.renderCannotWrite(output, e.code ?? e.message)}\n`);
      return 2;
    }
    io.stderr(`${s.renderWritten(output)}\n`);
  }
  const { error, warning } = page.counts;
  if (error || warning) io.stderr(`${s.renderProblems(name, error, warning)}\n`);
  return error > 0 ? 1 : 0;
}
