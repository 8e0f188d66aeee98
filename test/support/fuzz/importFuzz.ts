/**
 * The importer on damaged published reports: the HTML and text fixtures (UTF-8 and GBK) with tags, table cells,
 * spans, entities, charsets, headings and numbers inserted, parts deleted or repeated, bytes flipped and cut.
 * - In-process (`importReport`): never throws; a success is well-formed report YAML (no syntax finding), a failure
 *   has a message in both languages.
 * - Through `bin/nianbao.js import -o`: exit 0 and the file is exactly the importer's YAML, or exit 1, a message and
 *   no file; never a stack trace.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, importReport } from '../../../core/src/index';
import { FIXTURES } from '../paths';
import { byteDamage, damage } from './bytes';
import type { ByteDamage } from './bytes';
import { nianbao, wellBehaved } from './cliFuzz';
import type { FuzzTarget } from './runFuzz';
import { SECTION_TITLES } from '../sectionTitles';

const IMPORT = join(FIXTURES, 'import');
const SOURCES: readonly { readonly name: string; readonly bytes: Buffer }[] = readdirSync(IMPORT)
  .filter((n) => /\.(html|txt)$/.test(n))
  .map((name) => ({ name, bytes: readFileSync(join(IMPORT, name)) }));

const HTML_PIECES = [
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '<td rowspan="3">',
  '<td colspan="7">',
  '<td rowspan="99999">',
  '<td colspan="1000">',
  '<td rowspan="0" colspan="0">',
  '<td rowspan="-1">',
  '<br>',
  '<p>',
  '</p>',
  '<p class="MsoNormal">',
  '<o:p></o:p>',
  '&nbsp;',
  '&#xD800;',
  '&#0;',
  '&#x110000;',
  '&amp;',
  '&lt;script&gt;',
  '<script>alert(1)</script>',
  '<meta charset="gbk">',
  '<meta charset="utf-16">',
  '<meta charset="x-unknown">',
  '<!--',
  '-->',
  '<![endif]-->',
  '<![CDATA[',
  '<span style="mso-spacerun:yes">',
  '</span>',
  '<div>',
  '</div>',
];
const TEXT_PIECES = [
  ...SECTION_TITLES,
  '（一）予以公开',
  '（三）不予公开',
  '1.属于国家秘密',
  '总计',
  '自然人',
  '（单位：元）',
  '元',
  '万元',
  '/',
  '—',
  '　',
  '\t',
  '\n',
  '\r\n',
  '0',
  '12',
  '3,020.782',
  '75394432.52元',
  '-5',
  '十七',
  '2020年',
  '某县人民政府2023年政府信息公开工作年度报告',
  '发布时间：2024-01-20',
];

type SourceEdit =
  | { readonly kind: 'insert'; readonly fraction: number; readonly text: string }
  | { readonly kind: 'delete'; readonly fraction: number; readonly length: number }
  | { readonly kind: 'repeat'; readonly fraction: number; readonly length: number; readonly times: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const sourceEdit: fc.Arbitrary<SourceEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      fraction,
      text: fc
        .array(fc.constantFrom(...HTML_PIECES, ...TEXT_PIECES), { minLength: 1, maxLength: 4 })
        .map((p) => p.join('')),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), fraction, length: fc.integer({ min: 1, max: 4000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      fraction,
      length: fc.integer({ min: 1, max: 2000 }),
      times: fc.integer({ min: 2, max: 20 }),
    }),
  },
);

/** Source edits on the bytes (as latin1, so that a GBK page is edited without decoding it). */
function editSource(bytes: Buffer, edits: readonly SourceEdit[]): Buffer {
  let s = bytes.toString('latin1');
  for (const e of edits) {
    const at = Math.floor(e.fraction * (s.length + 1));
    if (e.kind === 'insert') s = s.slice(0, at) + Buffer.from(e.text, 'utf8').toString('latin1') + s.slice(at);
    else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
    else s = s.slice(0, at) + s.slice(at, at + e.length).repeat(e.times) + s.slice(at + e.length);
  }
  return Buffer.from(s, 'latin1');
}

export const damagedSource = fc.record({
  source: fc.nat(SOURCES.length - 1),
  edits: fc.array(sourceEdit, { maxLength: 8 }),
  damages: fc.oneof(
    { weight: 3, arbitrary: fc.constant([] as ByteDamage[]) },
    { weight: 1, arbitrary: fc.array(byteDamage, { minLength: 1, maxLength: 3 }) },
  ),
  /** Hand the importer text (as pasted) instead of bytes (as read from a file). */
  asText: fc.boolean(),
});

export type DamagedSource = { source: number; edits: SourceEdit[]; damages: ByteDamage[]; asText: boolean };

export function sourceBytes(d: DamagedSource): Buffer {
  return damage(editSource(SOURCES[d.source].bytes, d.edits), d.damages);
}

/** The importer's promise for any input; returns the problem, if any. */
export function checkImport(input: string | Uint8Array): string | undefined {
  const result = importReport(input);
  if (!result.ok) return result.error.zh.trim() && result.error.en.trim() ? undefined : 'a refusal without a message';
  const syntax = analyze(result.yaml).diagnostics.filter((d) => d.code < 'NB110');
  if (syntax.length)
    return `the imported YAML is not well-formed: ${syntax.map((d) => `${d.code} ${d.message.en}`).join('; ')}`;
  return undefined;
}

export class ImportCoreFuzz implements FuzzTarget<[DamagedSource]> {
  readonly name = 'import-core';
  private pages = 0;
  async setup(): Promise<void> {}
  async teardown(): Promise<void> {}
  counters(): Record<string, number> {
    return { pages: this.pages };
  }
  readonly property = fc.asyncProperty(damagedSource, async (d) => {
    this.pages++;
    const bytes = sourceBytes(d);
    const problem = checkImport(d.asText ? bytes.toString('utf8') : new Uint8Array(bytes));
    if (problem) throw new Error(`${SOURCES[d.source].name}: ${problem}`);
  });
}

export class ImportCliFuzz implements FuzzTarget<[DamagedSource]> {
  readonly name = 'import-cli';
  private dir = '';
  private pages = 0;
  async setup(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'nianbao-import-fuzz-'));
  }
  async teardown(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
  }
  counters(): Record<string, number> {
    return { pages: this.pages, processes: this.pages };
  }
  readonly property = fc.asyncProperty(damagedSource, async (d) => {
    const n = ++this.pages;
    const bytes = sourceBytes(d);
    const ext = SOURCES[d.source].name.endsWith('.html') ? 'html' : 'txt';
    const input = join(this.dir, `page-${n}.${ext}`);
    const output = join(this.dir, `page-${n}.nianbao.yaml`);
    writeFileSync(input, bytes);
    try {
      const run = nianbao(['import', input, '-o', output]);
      const problem = wellBehaved('import -o', run);
      if (problem) throw new Error(problem);
      const expected = importReport(new Uint8Array(bytes));
      if (run.code === 0) {
        if (!expected.ok) throw new Error('import: exit 0, the importer refuses');
        if (!existsSync(output) || readFileSync(output, 'utf8') !== expected.yaml)
          throw new Error('import: exit 0, but the file is not the importer’s YAML');
      } else if (run.code === 1) {
        if (expected.ok) throw new Error(`import: exit 1, the importer succeeds\n${run.stderr}`);
        if (existsSync(output)) throw new Error('import: failed, yet wrote a file');
      } else {
        throw new Error(`import: exit ${run.code}\n${run.stderr}`);
      }
    } finally {
      rmSync(input, { force: true });
      rmSync(output, { force: true });
    }
  });
}
