/** `main(argv, io)`: the whole CLI as a function returning its exit code. */
import type { Lang } from '../../core/src/index';
import { UsageError } from './args';
import { check } from './commands/check';
import { compare } from './commands/compare';
import { importCommand } from './commands/import';
import { init } from './commands/init';
import { next } from './commands/next';
import { render } from './commands/render';
import { summary } from './commands/summary';
import type { CliIo } from './io';
import { strings } from './strings';

export const VERSION = '0.1.0';

/** The language comes from `--lang` anywhere on the line (default Chinese). */
function languageOf(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined) return value === 'en' || value === 'zh' ? value : undefined;
  }
  return 'zh';
}

export type Command = (argv: readonly string[], io: CliIo, lang: Lang) => number | Promise<number>;

/** The commands by name (`nianbao <command> …`). */
export const COMMANDS = new Map<string, Command>([
  ['check', check],
  ['init', init],
  ['import', importCommand],
  ['render', render],
  ['next', next],
  ['compare', compare],
  ['summary', summary],
]);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = languageOf(argv);
  const s = strings(lang ?? 'zh');
  if (lang === undefined) {
    io.stderr(`${s.badLang}\n`);
    return 2;
  }
  // `--lang` may also come before the command (`nianbao --lang en check …`).
  let start = 0;
  while (argv[start] === '--lang' || argv[start]?.startsWith('--lang=')) start += argv[start] === '--lang' ? 2 : 1;
  const [command, ...rest] = argv.slice(start);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(s.usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const run = COMMANDS.get(command);
  if (!run) {
    io.stderr(`${s.unknownCommand(command)} ${s.seeHelp}\n`);
    return 2;
  }
  try {
    return await run(rest, io, lang);
  } catch (error) {
    if (error instanceof UsageError) {
      const text = error.message.startsWith('-') ? s.badOption(error.message) : error.message;
      io.stderr(`${text} ${s.seeHelp}\n`);
      return 2;
    }
    // Never a stack trace: say what failed and where to report it.
    io.stderr(`nianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
