/** Every YAML file below a directory, and the texts of the examples and fixtures the parser tests share. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, FIXTURES } from './paths';

/** Every `.yaml` file below `dir`, in the order the directories list them (seeded property tests index into it). */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

/** Every example's and fixture's path. */
export function exampleAndFixtureFiles(): string[] {
  return [...yamlFiles(EXAMPLES), ...yamlFiles(FIXTURES)];
}

/** Every example's and fixture's text. */
export function exampleAndFixtureTexts(): string[] {
  return exampleAndFixtureFiles().map((f) => readFileSync(f, 'utf8'));
}
