/** A small argument parser: `--name value`, `--name=value`, `-o value`, flags, and positionals. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
}

export class UsageError extends Error {}

/** `valued`: options that take a value; everything else starting with `-` is a flag. */
export function parseArgs(
  argv: readonly string[],
  valued: ReadonlySet<string>,
  known: ReadonlySet<string>,
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) throw new UsageError(name);
    if (valued.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(name);
      options.set(name, value);
    } else {
      flags.add(name);
    }
  }
  return { positionals, options, flags };
}

/** `--jobs N`: a whole number of threads, at least 1 (absent: every core); `message` says so when it is not. */
export function jobsOption(value: string | undefined, message: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(message);
  return Number(value);
}
