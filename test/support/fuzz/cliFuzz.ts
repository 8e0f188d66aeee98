/**
 * The real `bin/nianbao.js` (check, render, next) on edited reports written to disk in any encoding, with damaged
 * bytes: every command exits 0, 1 or 2, never prints a stack trace, says something when it fails, and
 * - `check` agrees with the core: exit 1 exactly when the file has errors (JSON output: the same errors), the
 *   same from standard input;
 * - `render -o` and `next -o` write their file only when they succeed (render: also with problems, exit 1), a
 *   complete one; `next`'s output is well-formed YAML; an existing file is never overwritten without `--force`.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../../cli/src/decodeText';
import { analyze } from '../../../core/src/index';
import { ROOT } from '../paths';
import { STACK_TRACE, damage, encode, onDisk } from './bytes';
import type { ByteDamage, Encoding } from './bytes';
import { applyEdits, baseReport, edit } from './mutations';
import type { Edit } from './mutations';
import type { FuzzTarget } from './runFuzz';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = join(ROOT, 'bin', 'nianbao.js');

export function nianbao(args: readonly string[], stdin: Buffer | string = ''): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What every run of the CLI must satisfy; returns the problem, if any. */
export function wellBehaved(what: string, r: Run): string | undefined {
  if (![0, 1, 2].includes(r.code)) return `${what}: exit code ${r.code}\n${r.stderr.slice(0, 2000)}`;
  if (STACK_TRACE.test(`\n${r.stderr}`) || STACK_TRACE.test(`\n${r.stdout}`))
    return `${what}: a stack trace\n${r.stderr.slice(0, 2000)}`;
  if (r.code !== 0 && !(r.stderr.trim() || r.stdout.trim())) return `${what}: exit ${r.code} without a message`;
  return undefined;
}

export class CliFuzz implements FuzzTarget<[string, Edit[], { encoding: Encoding; damages: ByteDamage[] }, boolean]> {
  readonly name = 'cli';
  private dir = '';
  private files = 0;
  private processes = 0;

  async setup(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-fuzz-'));
  }

  async teardown(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
  }

  counters(): Record<string, number> {
    return { files: this.files, processes: this.processes };
  }

  readonly property = fc.asyncProperty(
    baseReport,
    fc.array(edit({ loneCr: true }), { maxLength: 10 }),
    onDisk,
    fc.boolean(),
    async (base, edits, disk, taken) => this.run(base, edits, disk, taken),
  );

  private cli(args: readonly string[], stdin?: Buffer): Run {
    this.processes++;
    return nianbao(args, stdin);
  }

  private async run(
    base: string,
    edits: readonly Edit[],
    disk: { encoding: Encoding; damages: readonly ByteDamage[] },
    taken: boolean,
  ): Promise<void> {
    const dir = join(this.dir, String(++this.files));
    rmSync(dir, { recursive: true, force: true });
    const bytes = damage(encode(applyEdits(base, edits), disk.encoding), disk.damages);
    const input = join(dir, 'report.nianbao.yaml');
    mkdirSync(dir, { recursive: true });
    writeFileSync(input, bytes);
    let text = decodeText(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const errors = analyze(text).diagnostics.filter((d) => d.severity === 'error').length;
    const problems: string[] = [];
    const fail = (p: string | undefined): void => {
      if (p) problems.push(p);
    };

    const json = this.cli(['check', input, '--format', 'json']);
    fail(wellBehaved('check --format json', json));
    let parsed: { version?: number; files?: { diagnostics: { severity: string }[] }[] } | undefined;
    try {
      parsed = JSON.parse(json.stdout) as typeof parsed;
    } catch {
      fail(`check --format json: not JSON: ${json.stdout.slice(0, 200)}`);
    }
    if (parsed) {
      const reported = (parsed.files ?? []).flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error').length;
      if (parsed.version !== 1 || reported !== errors)
        fail(`check --format json: ${reported} errors, the core finds ${errors}`);
    }
    if (json.code !== (errors > 0 ? 1 : 0)) fail(`check --format json: exit ${json.code} with ${errors} errors`);

    const stdin = this.cli(['check', '-', '--lang', 'en'], bytes);
    fail(wellBehaved('check - (human)', stdin));
    // Standard input is read as UTF-8 (no UTF-16 detection there): only UTF-8 files must agree.
    if (disk.encoding.startsWith('utf8') && stdin.code !== json.code)
      fail(`check -: exit ${stdin.code}, from the file ${json.code}`);

    const html = join(dir, 'out.html');
    const render = this.cli(['render', input, '-o', html]);
    fail(wellBehaved('render -o', render));
    if (render.code === 2 && existsSync(html)) fail('render -o: refused (exit 2), yet wrote its output');
    if (
      render.code !== 2 &&
      !(
        existsSync(html) &&
        readFileSync(html, 'utf8').startsWith('<!DOCTYPE html>') &&
        readFileSync(html, 'utf8').trimEnd().endsWith('</html>')
      )
    ) {
      fail(`render -o: exit ${render.code}, but no complete page written`);
    }

    const next = join(dir, 'next.nianbao.yaml');
    const nextRun = this.cli(['next', input, '-o', next]);
    fail(wellBehaved('next -o', nextRun));
    if (nextRun.code !== 0 && existsSync(next)) fail(`next -o: exit ${nextRun.code}, yet wrote its output`);
    if (nextRun.code === 0) {
      if (!existsSync(next)) fail('next -o: exit 0 without its output');
      else {
        const syntax = analyze(readFileSync(next, 'utf8')).diagnostics.filter((d) => d.code < 'NB110');
        if (syntax.length) fail(`next -o: the new report is not well-formed: ${syntax.map((d) => d.code).join(' ')}`);
      }
    }

    if (taken) {
      // Someone's file where the output would go: refused, untouched.
      const mine = join(dir, 'mine.html');
      writeFileSync(mine, 'my own page\n');
      const refused = this.cli(['render', input, '-o', mine]);
      fail(wellBehaved('render -o (existing file)', refused));
      if (refused.code !== 2 || readFileSync(mine, 'utf8') !== 'my own page\n')
        fail(
          `render -o over an existing file: exit ${refused.code}, file ${JSON.stringify(readFileSync(mine, 'utf8').slice(0, 40))}`,
        );
      const refusedNext = this.cli(['next', input, '-o', mine]);
      fail(wellBehaved('next -o (existing file)', refusedNext));
      if (refusedNext.code !== 2 || readFileSync(mine, 'utf8') !== 'my own page\n')
        fail(`next -o over an existing file: exit ${refusedNext.code}`);
    }
    rmSync(dir, { recursive: true, force: true });
    if (problems.length) throw new Error(problems.join('\n'));
  }
}
