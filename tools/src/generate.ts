/** `npm run generate`: write the files derived from the template model. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles } from './generators';

const root = join(__dirname, '..', '..', '..');
let changed = 0;
for (const file of generatedFiles()) {
  const target = join(root, file.path);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === file.content) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  changed++;
  console.log(`wrote ${file.path}`);
}
console.log(changed ? `${changed} generated file(s) updated` : 'generated files are up to date');
