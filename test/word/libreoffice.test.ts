/**
 * The Word export opened by a real word processor: LibreOffice converts each document to PDF headless (one
 * process, a private profile), and the PDF is read back with poppler's pdftotext. Both examples (the 2019-edition
 * seed report and the 2021 example, with its signature), a report with blank cells, one with a syntax error, one
 * full of hostile text, and both examples with narratives of many lengths: each converts without a warning, on A4
 * pages, the title on page 1, every table value in order, blanks blank, and no page ending on a heading, a caption
 * or a table's header row or left nearly empty. Screenshots of the seed's page 1 and of its application table's page
 * go to docs/ with NIANBAO_SCREENSHOTS=docs (always to out/screenshots).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyze, officialDocument } from '../../core/src/index';
import type { Edition, OfficialDocument } from '../../core/src/index';
import { writeDocx } from '../../word/src/writeDocx';
import { screenshotPaths } from '../support/browser';
import { convertToPdf } from '../support/libreoffice';
import type { Conversion } from '../support/libreoffice';
import { badPageEnds, withLongerNarrative } from '../support/pageBreaks';
import { isA4, lines, pdfPages, readingOrder } from '../support/pdfText';
import type { PdfPage } from '../support/pdfText';
import { EXAMPLES, FIXTURES } from '../support/paths';

interface Case {
  readonly name: string;
  readonly edition: Edition;
  readonly text: string;
  readonly signature?: boolean;
  /** Page breaks judged too (the reports whose narrative is prose, not fixtures). */
  readonly breaks?: boolean;
}

const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
const SEED = read(EXAMPLES, 'caozhen-2020.nianbao.yaml');
const SHIFAN = read(EXAMPLES, 'shifan-2024.nianbao.yaml');
const HOSTILE = ['{ PAGE }', 'HYPERLINK "https://evil.example/x"', '<w:fldSimple w:instr="PAGE"/>', ']]>&amp;<!--'];

const CASES: Case[] = [
  { name: 'caozhen-2020', edition: 2019, text: SEED, breaks: true },
  { name: 'shifan-2024', edition: 2021, text: SHIFAN, signature: true, breaks: true },
  { name: 'blank-cells', edition: 2021, text: read(FIXTURES, 'rules', 'nb206', '2021-blank-cell.fail.nianbao.yaml') },
  {
    name: 'blank-total-2019',
    edition: 2019,
    text: read(FIXTURES, 'rules', 'nb207', '2019-blank-total.fail.nianbao.yaml'),
  },
  { name: 'syntax-error', edition: 2021, text: read(FIXTURES, 'rules', 'nb101', 'syntax.fail.nianbao.yaml') },
  {
    name: 'hostile',
    edition: 2021,
    text: SHIFAN.replace(/^(总体情况: \|\n)/m, `$1${HOSTILE.map((h) => `  ${h}\n\n`).join('')}`),
  },
  ...[4, 8, 12, 16, 20, 24, 28, 32, 36].flatMap((n): Case[] => [
    { name: `caozhen-2020-more-${n}`, edition: 2019, text: withLongerNarrative(SEED, n), breaks: true },
    { name: `shifan-2024-more-${n}`, edition: 2021, text: withLongerNarrative(SHIFAN, n), breaks: true },
  ]),
];

const NUMBER = /^[+-]?[\d,]*\d(?:\.\d+)?$/;

/** The values the document's tables print, in reading order (row by row, left to right), blanks left out. */
function tableValues(doc: OfficialDocument): string[] {
  return doc.blocks.flatMap((b) =>
    b.kind === 'table'
      ? b.rows.flatMap((r) => r.cells.filter((c) => c.kind === 'value' && c.text).map((c) => c.text))
      : [],
  );
}

/** The page without its foot: the page number stands below the 版心 (whose bottom is 35 mm up). */
function body(page: PdfPage): PdfPage {
  const bottom = page.height - (35 / 25.4) * 72;
  return { ...page, words: page.words.filter((w) => w.yMin < bottom) };
}

/** The numbers printed between the heading of section 二 and that of section 五: the tables' values. */
function printedValues(pages: readonly PdfPage[]): string[] {
  const words = readingOrder(pages.map(body));
  const from = words.indexOf('二、主动公开政府信息情况');
  const to = words.lastIndexOf('五、存在的主要问题及改进情况');
  assert.ok(from >= 0 && to > from, 'the headings of sections 二 and 五');
  return words.slice(from, to).filter((w) => NUMBER.test(w));
}

let dir: string;
let conversion: Conversion;
const docs = new Map<string, OfficialDocument>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-libreoffice-'));
  const files: string[] = [];
  for (const c of CASES) {
    const doc = officialDocument(analyze(c.text), { signature: c.signature });
    docs.set(c.name, doc);
    const file = join(dir, `${c.name}.docx`);
    writeFileSync(file, await writeDocx(doc));
    files.push(file);
  }
  conversion = convertToPdf(files, dir);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const pdfOf = (name: string): string => {
  const pdf = conversion.pdfs.get(join(dir, `${name}.docx`));
  assert.ok(pdf, `${name}: no PDF (${conversion.stdout})`);
  return pdf;
};

test('LibreOffice converts every document, without a warning', () => {
  assert.equal(conversion.status, 0, conversion.stdout);
  assert.deepEqual(conversion.warnings, []);
  assert.equal(conversion.pdfs.size, CASES.length);
});

for (const c of CASES.filter((c) => !c.name.includes('-more-'))) {
  describe(c.name, () => {
    test('A4 pages; the title on page 1; every table value in order, blanks blank', () => {
      const pages = pdfPages(pdfOf(c.name));
      assert.ok(pages.every(isA4), 'A4');
      const doc = docs.get(c.name)!;
      const first = lines(pages[0])
        .map((l) => l.map((w) => w.text).join(''))
        .join('');
      assert.ok(first.includes(doc.title.replace('年政府', '').slice(0, 6)), 'the agency on page 1');
      assert.ok(first.includes('年政府信息公开工作年度报告'), 'the title on page 1');
      const expected = tableValues(doc);
      assert.ok(expected.length > 20);
      assert.deepEqual(
        printedValues(pages),
        expected.filter((v) => NUMBER.test(v)),
      );
      if (c.breaks) assert.deepEqual(badPageEnds(pages.map(body), c.edition), []);
    });
  });
}

test('narratives of many lengths: no page ends on a heading, a caption or a header row, none is nearly empty', () => {
  const problems = CASES.filter((c) => c.name.includes('-more-')).flatMap((c) =>
    badPageEnds(pdfPages(pdfOf(c.name)).map(body), c.edition).map((p) => `${c.name}: ${p}`),
  );
  assert.deepEqual(problems, []);
});

test('blank cells print nothing: the rows of the fixture with blanks hold only the values given', () => {
  const pages = pdfPages(pdfOf('blank-cells'));
  // The line of a row's values: where its label starts (a long label wraps within its cell, the values centred
  // beside its first or second line).
  const valuesOf = (label: string) => {
    const all = pages.flatMap((p) => lines(p));
    const at = all.findIndex((l) => l.some((w) => w.text.startsWith(label)));
    assert.ok(at >= 0, label);
    return [all[at], all[at + 1]].flatMap((l) => l.map((w) => w.text).filter((t) => NUMBER.test(t)));
  };
  assert.deepEqual(valuesOf('行政强制'), []);
  assert.deepEqual(valuesOf('1.属于国家秘密'), []);
  assert.deepEqual(valuesOf('2.其他法律行政法规'), ['1', '0', '0', '0', '1']);
});

test('hostile text reads back as the text written', () => {
  const text = readingOrder(pdfPages(pdfOf('hostile'))).join(' ');
  for (const h of HOSTILE) assert.ok(text.includes(h) || text.replace(/ /g, '').includes(h.replace(/ /g, '')), h);
});

test('the signature closes the 2021 example: the agency, then 2025年3月20日', () => {
  const pages = pdfPages(pdfOf('shifan-2024'));
  const last = lines(pages[pages.length - 1]).map((l) => l.map((w) => w.text).join(''));
  const at = last.indexOf('示范市临江区人民政府');
  assert.ok(at >= 0, last.join(' / '));
  assert.equal(last[at + 1].replace(/\s/g, ''), '2025年3月20日');
});

test('page numbers "— N —": right on odd pages, left on even ones', () => {
  const pages = pdfPages(pdfOf('caozhen-2020'));
  assert.ok(pages.length >= 3);
  pages.forEach((page, i) => {
    const foot = lines(page).at(-1)!;
    assert.deepEqual(
      foot.map((w) => w.text),
      ['—', String(i + 1), '—'],
    );
    const centre = (foot[0].xMin + foot[2].xMax) / 2;
    assert.ok(i % 2 === 0 ? centre > page.width / 2 : centre < page.width / 2, `page ${i + 1}`);
  });
});

test('screenshots: page 1 and the page of the application table', () => {
  const pdf = pdfOf('caozhen-2020');
  const pages = pdfPages(pdf);
  const table = pages.findIndex((p) => p.words.some((w) => w.text === '三、收到和处理政府信息公开申请情况')) + 1;
  assert.ok(table > 1);
  for (const [page, name] of [
    [1, 'docx-caozhen-2020-page1.png'],
    [table, 'docx-caozhen-2020-applications.png'],
  ] as const) {
    const base = join(dir, `shot-${page}`);
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '80', '-png', '-singlefile', pdf, base]);
    for (const path of screenshotPaths(name)) {
      mkdirSync(dirname(path), { recursive: true });
      copyFileSync(`${base}.png`, path);
    }
  }
});
