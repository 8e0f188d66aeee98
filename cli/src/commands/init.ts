/** `nianbao init --edition 2019|2021 --year Y --agency NAME`: a complete skeleton on stdout. */
import { editionForYear, isEdition, writeSkeleton } from '../../../core/src/index';
import type { Lang } from '../../../core/src/index';
import { UsageError, parseArgs } from '../args';
import type { CliIo } from '../io';
import { strings } from '../strings';

export function init(argv: readonly string[], io: CliIo, lang: Lang): number {
  const s = strings(lang);
  const names = new Set(['--edition', '--year', '--agency', '--lang']);
  const args = parseArgs(argv, names, names);
  const edition = Number(args.options.get('--edition'));
  const year = Number(args.options.get('--year'));
  const agency = (args.options.get('--agency') ?? '').trim();
  if (!isEdition(edition) || !Number.isInteger(year) || !agency || args.positionals.length > 0)
    throw new UsageError(s.initNeeds);
  const expected = editionForYear(year);
  if (expected === undefined || expected !== edition)
    throw new UsageError(s.initMismatch(year, edition, expected ?? 2019));
  io.stdout(writeSkeleton(edition, year, agency));
  return 0;
}
