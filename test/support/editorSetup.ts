/**
 * What the tests of other editors share: the setup snippet exactly as docs/other-editors.md gives it (between its
 * `<!-- name:start -->` and `<!-- name:end -->` markers), a workspace of a consistent series with one year's
 * carry-over broken, and a `PATH` on which `nianbao-language-server` is this checkout's bin.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT, SERIES } from './paths';

export const DOC = join(ROOT, 'docs', 'other-editors.md');

/** The fenced code block between the doc's markers for `name`. */
export function documentedSetup(name: string): string {
  const doc = readFileSync(DOC, 'utf8');
  const m = new RegExp(`<!-- ${name}:start -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${name}:end -->`).exec(doc);
  assert.ok(m, `docs/other-editors.md has no ${name} block`);
  return m[1];
}

export interface EditorWorkspace {
  readonly root: string;
  /** The workspace folder (it holds `.git`, as a project would). */
  readonly folder: string;
  /** This year's report, whose 上年结转 总计 disagrees with last year's 结转下年度继续办理 (NB306). */
  readonly report: string;
  readonly lastYear: string;
  /** `PATH` with `nianbao-language-server` first. */
  readonly path: string;
}

export function editorWorkspace(prefix: string): EditorWorkspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(root, 'reports');
  mkdirSync(join(folder, '.git'), { recursive: true });
  const series = SERIES.consistent;
  for (const name of readdirSync(series)) copyFileSync(join(series, name), join(folder, name));
  const report = join(folder, 'eco-2022.nianbao.yaml');
  const text = readFileSync(report, 'utf8');
  const broken = text.replace(
    '上年结转政府信息公开申请数量: [2, 1, 0, 2, 0, 1, 6]',
    '上年结转政府信息公开申请数量: [2, 1, 0, 2, 0, 1, 7]',
  );
  assert.notEqual(broken, text);
  writeFileSync(report, broken);
  const bin = join(root, 'bin');
  mkdirSync(bin);
  symlinkSync(join(ROOT, 'bin', 'nianbao-language-server.js'), join(bin, 'nianbao-language-server'));
  return {
    root,
    folder,
    report,
    lastYear: join(folder, 'eco-2021.nianbao.yaml'),
    path: `${bin}${delimiter}${process.env.PATH ?? ''}`,
  };
}
