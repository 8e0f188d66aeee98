// The folder the editor suites open: copies of the examples and of the broken fixtures (the suites edit and save
// files, so never the repository's own).
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function assembleWorkspace(dest) {
  mkdirSync(dest, { recursive: true });
  cpSync(join(ROOT, 'examples'), join(dest, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'server'), join(dest, 'fixtures'), { recursive: true });
  return dest;
}
