/**
 * Word documents (.docx): random consistent reports of both editions written by the `docx` package in the shapes
 * Word uses (irregular grids: gridSpan, vMerge restart/continue, groups and rows in one cell) import to every value
 * exactly; archives built to hurt — a zip bomb, too many entries, a DTD with entities, broken XML, a password-protected
 * file, an old binary .doc — are refused with their message, within bounds (`test/cli/hostileImport.test.ts`
 * measures them through the real CLI).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { importReport } from '../../../core/src/index';
import type { Edition, ReportData } from '../../../core/src/index';
import { randomReport } from '../../support/randomReport';
import { reportValues } from '../../support/reportValues';
import { seededRandom } from '../../support/wordGrid';
import { wordDocx } from '../../support/wordDocx';
import { hostileDocx } from '../../support/hostile/importInputs';

const RUNS = 60;
const SEED = 1317;

async function roundTrip(report: ReportData, seed: number, inlineGroups: boolean): Promise<void> {
  const bytes = await wordDocx(report, seededRandom(seed), { split: 0.35, misalign: 0.35, inlineGroups });
  const result = importReport(bytes);
  if (!result.ok) assert.fail(result.error.zh);
  assert.equal(result.kind, 'docx');
  assert.deepEqual([result.unplaced, result.missing], [[], []], `seed ${seed}`);
  assert.deepEqual(
    [result.data.agency, result.data.year, result.data.edition],
    [report.agency, report.year, report.edition],
  );
  assert.deepEqual(reportValues(result.yaml).rows, report.rows);
}

for (const edition of [2019, 2021] as Edition[]) {
  test(`.docx on Word's irregular grids → import gives every value back: ${RUNS} random ${edition}-edition reports`, async () => {
    await fc.assert(fc.asyncProperty(randomReport(edition), fc.integer(), fc.boolean(), roundTrip), {
      numRuns: RUNS,
      seed: SEED + edition,
    });
  });
}

const word = (body: string): Uint8Array =>
  zipSync({
    '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
    'word/document.xml': new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });

test("hidden, deleted and field-code text is not the report's; tracked insertions are", () => {
  const p = (runs: string): string => `<w:p>${runs}</w:p>`;
  const r = (text: string, props = ''): string =>
    `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
  const bytes = word(
    p(r('示范县审计局2023年政府信息公开工作年度报告')) +
      p(r('一、总体情况')) +
      p(
        `${r('全年主动公开')}${r('（隐藏）', '<w:vanish/>')}<w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del><w:ins><w:r><w:t>政府信息</w:t></w:r></w:ins><w:r><w:instrText>PAGE</w:instrText></w:r>${r('12条。')}`,
      ) +
      p(r('二、主动公开政府信息情况')) +
      `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc>${p(r('第二十条第（八）项'))}</w:tc><w:tc>${p('')}</w:tc></w:tr><w:tr><w:tc>${p(r('信息内容'))}</w:tc><w:tc>${p(r('本年收费金额（单位：万元）'))}</w:tc></w:tr><w:tr><w:tc>${p(r('行政事业性收费'))}</w:tc><w:tc>${p(r('3.5'))}</w:tc></w:tr></w:tbl>` +
      p(r('三、收到和处理政府信息公开申请情况')) +
      p(r('四、政府信息公开行政复议、行政诉讼情况')),
  );
  const result = importReport(bytes);
  if (!result.ok) assert.fail(result.error.zh);
  const got = reportValues(result.yaml);
  assert.deepEqual(got.texts.overview.trim(), '全年主动公开政府信息12条。');
  assert.deepEqual(got.rows['active.art20_8.fees'], [3.5]);
});

test('a .docx with no text says so (not "输入为空"): an empty body, empty paragraphs, a table of empty cells', () => {
  for (const body of [
    '',
    '<w:p/><w:p><w:r><w:t></w:t></w:r></w:p>',
    '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>',
  ]) {
    const result = importReport(word(body));
    assert.ok(!result.ok, body);
    assert.match(result.error.zh, /^这个 Word 文档（\.docx）中没有任何文字/, body);
    assert.match(result.error.en, /^This Word document \(\.docx\) holds no text/, body);
  }
});

for (const c of hostileDocx()) {
  test(`hostile .docx: ${c.name} — ${c.what}`, () => {
    const started = process.cpuUsage();
    const result = importReport(c.bytes());
    const used = process.cpuUsage(started);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.error.zh, c.zh);
    console.log(`${c.name}: "${result.error.zh}" in ${((used.user + used.system) / 1000).toFixed(0)} ms of CPU`);
  });
}
