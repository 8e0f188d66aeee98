/** The indentation-based reading of a report being typed (core/src/assist/cursorContext.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cursorContext } from '../../../core/src/index';

const CURSOR = '‸';

function at(marked: string) {
  const offset = marked.indexOf(CURSOR);
  return cursorContext(marked.replace(CURSOR, ''), offset);
}

const DOC = `# 注释
格式: 2021
总体情况: |
  第一段：有冒号的文字: 不是键
  ${CURSOR}
收到和处理政府信息公开申请情况:   # 列
  本年度办理结果:
    予以公开: [1, 0, 0, 0, 0, 0, 1]
`;

describe('cursorContext', () => {
  test('a line inside a block scalar is narrative', () => {
    assert.equal(at(DOC).kind, 'none');
  });

  test('a new key under a mapping: its path and the keys already there, wherever they are', () => {
    const ctx = at(
      DOC.replace(`  ${CURSOR}\n`, '').replace('  本年度办理结果:\n', `  本年度办理结果:\n    bf${CURSOR}\n`),
    );
    assert.equal(ctx.kind, 'key');
    assert.deepEqual(ctx.parentPath, ['收到和处理政府信息公开申请情况', '本年度办理结果']);
    assert.deepEqual([...ctx.present], ['予以公开']);
    assert.equal(ctx.typed, 'bf');
    assert.equal(ctx.indent, 4);
    assert.equal(ctx.step, 2);
    assert.equal(ctx.keyOnly, false);
  });

  test('the indentation decides the level', () => {
    const text = DOC.replace(`  ${CURSOR}\n`, '');
    const root = at(`${text}${CURSOR}`);
    assert.deepEqual(
      [root.kind, root.parentPath, [...root.present]],
      ['key', [], ['格式', '总体情况', '收到和处理政府信息公开申请情况']],
    );
    const section = at(`${text}  ${CURSOR}`);
    assert.deepEqual(section.parentPath, ['收到和处理政府信息公开申请情况']);
    assert.deepEqual([...section.present], ['本年度办理结果']);
  });

  test('a value after `key:`', () => {
    const ctx = at(`格式: 20${CURSOR}21\n`);
    assert.equal(ctx.kind, 'value');
    assert.equal(ctx.key, '格式');
    assert.equal(ctx.typed, '20');
    assert.deepEqual(ctx.replace, { start: 4, end: 8 });
  });

  test('a key on a line that already has a value is completed alone', () => {
    const ctx = at(`格式: 2021\n收到和处理政府信息公开申请情况:\n  本年${CURSOR}新收: [1]\n`);
    assert.equal(ctx.kind, 'key');
    assert.equal(ctx.keyOnly, true);
    assert.equal(ctx.typed, '本年');
    const text = `格式: 2021\n收到和处理政府信息公开申请情况:\n  本年新收: [1]\n`;
    assert.equal(text.slice(ctx.replace.start, ctx.replace.end), '本年新收');
  });

  test('comments, sequences and open brackets are no place for a key', () => {
    assert.equal(at(`# 格式${CURSOR}\n`).kind, 'none');
    assert.equal(at(`格式: 2021 # 注${CURSOR}\n`).kind, 'none');
    assert.equal(at(`a: [1,\n  2${CURSOR}\n`).kind, 'none');
  });

  test('an unclosed bracket does not swallow the lines after it', () => {
    const ctx = at(
      `收到和处理政府信息公开申请情况:\n  本年度办理结果:\n    予以公开: [1, 0\n    部分公开: [0]\n    bygk${CURSOR}\n`,
    );
    assert.deepEqual([ctx.kind, ctx.parentPath], ['key', ['收到和处理政府信息公开申请情况', '本年度办理结果']]);
    assert.deepEqual([...ctx.present].sort(), ['予以公开', '部分公开'].sort());
  });

  test('an indentation step of four spaces is noticed', () => {
    assert.equal(
      at(`主动公开政府信息情况:\n    第二十条第（一）项:\n        规章: [0, 0, 0]\n        ${CURSOR}`).step,
      4,
    );
  });

  test('an empty file, or one of comments, with the line being typed', () => {
    assert.equal(at(CURSOR).emptyDocument, true);
    assert.equal(at(`# 说明\n\nnb${CURSOR}`).emptyDocument, true);
    assert.equal(at(`格式: 2021\n${CURSOR}`).emptyDocument, false);
  });
});
