// The folder the editor suites open: copies of the examples, of one agency's series and of the broken fixtures (the suites edit and save
// files, so never the repository's own).
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function reportFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? reportFiles(path) : /\.nianbao\.ya?ml$/.test(name) ? [path] : [];
  });
}

export function assembleWorkspace(dest) {
  mkdirSync(dest, { recursive: true });
  cpSync(join(ROOT, 'examples'), join(dest, 'examples'), { recursive: true });
  // One agency over five years, across the edition change, with 同比 statements: the year-over-year commands.
  cpSync(join(ROOT, 'test', 'fixtures', 'rules', 'nb314', 'yoy.fail'), join(dest, 'series'), { recursive: true });
  const fixtures = join(dest, 'fixtures');
  cpSync(join(ROOT, 'test', 'fixtures', 'server'), fixtures, { recursive: true });
  // Most fixtures are variations of one example (same 机关 and 年度). In one workspace the server's index would
  // rightly report them as duplicates of each other (NB320), so each copy gets an agency of its own; the line
  // stays where it was, and with it every `# expect:` marker.
  for (const file of reportFiles(fixtures)) {
    const text = readFileSync(file, 'utf8');
    const renamed = text.replace(
      /^(机关:[ \t]*)(\S[^#\n]*?)([ \t]*(?:#.*)?)$/m,
      (_, key, agency, rest) => `${key}${agency}（${basename(file).replace(/\.nianbao\.ya?ml$/, '')}）${rest}`,
    );
    if (renamed !== text) writeFileSync(file, renamed);
  }
  return dest;
}
