/**
 * Report fixtures with their expected diagnostics written next to the line they mark: a trailing
 * `# expect: NB303 NB302` comment lists the codes of the diagnostics that start on that line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readExpectations } from './expectations';
import { FIXTURES } from './paths';

export interface Fixture {
  /** Path below test/fixtures. */
  readonly name: string;
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    // A series (`test/fixtures/rules/<code>/<what>.(pass|fail)/`) is marked as a whole, its reports checked together
    // (test/core/rules/fixtures.test.ts); one of its reports alone does not have the findings marked in it.
    if (statSync(path).isDirectory()) {
      if (!/\.(pass|fail)$/.test(entry)) walk(path, out);
    } else if (/\.nianbao\.ya?ml$/.test(entry)) out.push(path);
  }
}

/**
 * Every report fixture under test/fixtures/<dir> (recursively, not into a series); none when the directory does not
 * exist.
 */
export function fixtures(dir: string): Fixture[] {
  const paths: string[] = [];
  walk(join(FIXTURES, dir), paths);
  return paths.map((path) => ({
    name: relative(FIXTURES, path),
    path,
    uri: pathToFileURL(path).toString(),
    text: readFileSync(path, 'utf8'),
  }));
}

/** `line code` pairs (0-based lines) from the fixture's expectations (`test/support/expectations.ts`), sorted. */
export function expectedMarkers(text: string): string[] {
  return readExpectations(text)
    .map((e) => `${e.line - 1} ${e.code}`)
    .sort();
}

/** The same pairs for diagnostics as published. */
export function actualMarkers(
  diagnostics: readonly { range: { start: { line: number } }; code?: string | number }[],
): string[] {
  return diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`).sort();
}
