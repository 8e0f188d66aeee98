// The documents the benchmarks check: the typical report (examples/shifan-2024.nianbao.yaml, 2021 edition), a
// large stress report made from it (every narrative section at least 200 KB of UTF-8, a long comment block before
// every section and table, and the tables as they are), and the typical report with one syntax error.
// All are deterministic; the stress report checks as clean as the typical one (its paragraphs state the same
// figures), so that its check does all the work of a clean report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, utf8 } from './lib.mjs';

export const TYPICAL_PATH = join(ROOT, 'examples', 'shifan-2024.nianbao.yaml');

export function typicalReport() {
  return readFileSync(TYPICAL_PATH, 'utf8');
}

const NARRATIVE_KEYS = ['总体情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
export const NARRATIVE_BYTES = 200 * 1024;
const COMMENT_LINES = 120;

/** A comment block of `lines` lines (about 80 UTF-8 bytes each), like the notes a person keeps above a table. */
function commentBlock(indent, lines, seed) {
  const notes = [
    '填报说明：本表数据来源于政府信息公开申请登记台账，按申请人类型分列，总计列为前六列之和。',
    '核对记录：已与依申请公开办理系统导出数据逐项比对，差异已在备注中说明并经分管负责人确认。',
    'Note: figures reconciled with the request register; totals are the sum of the six applicant columns.',
    '口径说明：同一申请人就同一事项多次申请的，按实际收到的申请件数统计，不合并计算。',
  ];
  const out = [];
  for (let i = 0; i < lines; i++) out.push(`${indent}# ${notes[(i + seed) % notes.length]}`);
  return out;
}

/** The typical report grown into a large one: long narrative sections and long comment blocks. */
export function stressReport(text = typicalReport()) {
  const lines = text.split('\n');
  const out = [];
  let block = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const key = /^(\s*)([^\s#:][^:]*):/.exec(line);
    // A long comment block before every top-level key and every table (mapping) key.
    if (key && (key[1] === '' || /:\s*(?:#.*)?$/.test(line))) out.push(...commentBlock(key[1], COMMENT_LINES, block++));
    out.push(line);
    const narrative = /^([^\s#:][^:]*): \|\s*$/.exec(line);
    if (!narrative || !NARRATIVE_KEYS.includes(narrative[1])) continue;
    const body = [];
    while (i + 1 < lines.length && (lines[i + 1].startsWith('  ') || lines[i + 1].trim() === '')) body.push(lines[++i]);
    while (body.length && body[body.length - 1].trim() === '') body.pop();
    const paragraph = body.join('\n');
    // Bytes of the section's text as the report holds it: without the block's indentation.
    const size = utf8(paragraph.replace(/^ {2}/gm, '')) + 2;
    const grown = [paragraph];
    for (let bytes = size; bytes < NARRATIVE_BYTES; bytes += size) grown.push(paragraph);
    out.push(grown.join('\n\n'));
  }
  return out.join('\n');
}

/** The typical report with one syntax error: a table row whose flow sequence is never closed. */
export function brokenReport(text = typicalReport()) {
  const broken = text.replace('    部分公开: [7, 2, 0, 0, 0, 0, 9]', '    部分公开: [7, 2, 0, 0, 0, 0, 9');
  if (broken === text) throw new Error('the typical report no longer has the row the broken report edits');
  return broken;
}

/** UTF-8 size of each narrative section of a report text (for the record). */
export function narrativeSizes(core, text) {
  const { report } = core.analyze(text);
  const sizes = {};
  for (const [id, t] of report.texts) sizes[id] = utf8(t.text ?? '');
  return sizes;
}
