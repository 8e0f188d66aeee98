/**
 * Completion lists at cursor positions, as VS Code shows them after filtering by `filterText`
 * (test/support/vscodeFilter.ts), and what accepting an item does to the report.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, Position } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, snippetToPlain } from '../../core/src/index';
import { fixtures } from '../support/fixtures';
import { LspClient, fileUri } from '../support/lspClient';
import { vscodeFilter } from '../support/vscodeFilter';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

const BASE = (fixtures('server/fixable').find((f) => f.name.endsWith('nb304-appeal-total.nianbao.yaml'))?.text ?? '')
  .replace('行政复议: [2, 1, 0, 1, 5]', '行政复议: [2, 1, 0, 1, 4]')
  .replace('复议后起诉: [0, 0, 0, 1, 0]', '复议后起诉: [0, 0, 0, 1, 1]')
  .replace(/ +# expect:.*$/gm, '');

let counter = 0;
const CURSOR = '‸';

/** Open `text` where `‸` marks the cursor; the shown items (VS Code's filtering) and the raw list. */
async function completeAt(
  marked: string,
): Promise<{ shown: CompletionItem[]; items: CompletionItem[]; text: string; position: Position; uri: string }> {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = fileUri(`completion-${++counter}.nianbao.yaml`);
  await client.open(uri, text);
  const doc = TextDocument.create(uri, 'nianbao', 1, text);
  const position = doc.positionAt(offset);
  const items = await client.completion(uri, position);
  const lineText = text.split('\n')[position.line];
  return { shown: vscodeFilter(items, lineText, position.character), items, text, position, uri };
}

/** The text after accepting `item` with every placeholder at its default. */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit);
  const doc = TextDocument.create('x:', 'nianbao', 1, text);
  return TextDocument.applyEdits(doc, [{ range: edit.range, newText: snippetToPlain(edit.newText) }]);
}

function keyOf(item: CompletionItem): string {
  const text = item.textEdit?.newText ?? item.label;
  const colon = text.indexOf(':');
  return colon < 0 ? text : text.slice(0, colon);
}

function without(text: string, ...lines: string[]): string {
  let out = text;
  for (const line of lines) {
    assert.ok(out.includes(`${line}\n`), line);
    out = out.replace(`${line}\n`, '');
  }
  return out;
}

describe('keys', () => {
  test('only the keys still missing at that place, in template order, labelled with ordinals', async () => {
    const text = without(
      BASE,
      '      属于国家秘密: [0, 0, 0, 0, 0, 0, 0]',
      '      危及“三安全一稳定”: [0, 0, 0, 0, 0, 0, 0]',
    );
    const marked = text.replace('      其他法律行政法规禁止公开:', '      ‸\n      其他法律行政法规禁止公开:');
    const { shown } = await completeAt(marked);
    assert.deepEqual(
      shown.map((i) => i.label),
      ['1.属于国家秘密', '3.危及“三安全一稳定”'],
    );
    assert.equal(shown[1].detail, '一行 7 个数：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计');
    const doc = shown[1].documentation;
    assert.ok(doc && typeof doc === 'object' && doc.kind === 'markdown');
    assert.match(doc.value, /《条例》第十四条/);
    assert.match(doc.value, /公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息/);
    assert.match(doc.value, /三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （三）不予公开/);
  });

  test('the issue examples: yygk → 予以公开, bygk → 不予公开, among every result row', async () => {
    const lines = BASE.split('\n');
    const from = lines.indexOf('  本年度办理结果:');
    const to = lines.indexOf('  结转下年度继续办理: [3, 0, 0, 0, 1, 0, 4]');
    for (const [typed, label] of [
      ['yygk', '（一）予以公开'],
      ['bygk', '（三）不予公开'],
      ['bufen', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
      ['不予', '（三）不予公开'],
      ['wftg', '（四）无法提供'],
      ['zj', '（七）总计'],
    ]) {
      const marked = [...lines.slice(0, from + 1), `    ${typed}‸`, ...lines.slice(to)].join('\n');
      const { shown } = await completeAt(marked);
      assert.equal(shown[0]?.label, label, typed);
    }
  });

  test('sections at the top level, with the whole-section snippet; accepting it leaves the report clean', async () => {
    const text = BASE.replace(/政府信息公开行政复议、行政诉讼情况:[^]*?(?=存在的主要问题)/, '');
    const marked = text.replace('存在的主要问题及改进情况:', 'zfxxgkxz‸\n存在的主要问题及改进情况:');
    const { shown, text: plain } = await completeAt(marked);
    assert.equal(shown[0].label, '四、政府信息公开行政复议、行政诉讼情况');
    const snippet = shown.find((i) => i.kind === 15 && i.label === '四、政府信息公开行政复议、行政诉讼情况');
    assert.ok(snippet, 'whole-section snippet');
    assert.equal(snippet.labelDetails?.description, '整表（填 0）');
    const after = accept(plain, snippet);
    assert.match(
      after,
      /政府信息公开行政复议、行政诉讼情况: {2,}# 结果维持, 结果纠正, 其他结果, 尚未审结, 总计\n {2}行政复议: \[0, 0, 0, 0, 0\]\n {2}行政诉讼:\n {4}未经复议直接起诉: \[0, 0, 0, 0, 0\]\n/,
    );
    assert.deepEqual(
      analyze(after).diagnostics.map((d) => d.code),
      [],
    );
  });

  test('a row: accepting writes the key and a row of zeros at the right indentation', async () => {
    const text = without(
      BASE,
      '    部分公开: [0, 0, 0, 0, 0, 0, 0]'.replace('[0, 0, 0, 0, 0, 0, 0]', '[7, 2, 0, 0, 0, 0, 9]'),
    );
    const marked = text.replace('    不予公开:', '    bfgk‸\n    不予公开:');
    const { shown, text: plain } = await completeAt(marked);
    assert.equal(keyOf(shown[0]), '部分公开');
    assert.equal(shown[0].textEdit?.newText, '部分公开: [${1:0}, ${2:0}, ${3:0}, ${4:0}, ${5:0}, ${6:0}, ${7:0}]$0');
    assert.equal(shown[0].insertTextFormat, 2);
    const after = accept(plain, shown[0]);
    assert.ok(after.includes('\n    部分公开: [0, 0, 0, 0, 0, 0, 0]\n    不予公开:'));
  });

  test('a sub-table key opens its mapping and asks for the next completion', async () => {
    const text = BASE.replace(/ {2}第二十条第（八）项:.*\n.*\n/, '');
    const marked = text.replace('收到和处理政府信息公开申请情况:', '  destdbx‸\n收到和处理政府信息公开申请情况:');
    const { shown, text: plain } = await completeAt(marked);
    assert.equal(shown[0].label, '第二十条第（八）项');
    assert.equal(shown[0].textEdit?.newText, '第二十条第（八）项:\n    $0');
    assert.equal(shown[0].command?.command, undefined, 'no retrigger unless the client asked for it');
    const table = shown.find((i) => i.kind === 15);
    assert.ok(table);
    const after = accept(plain, table);
    assert.ok(
      after.includes(
        '  第二十条第（八）项:             # 本年收费金额（单位：万元）\n    行政事业性收费: 0\n收到和处理',
      ),
      after,
    );
    assert.deepEqual(
      analyze(after).diagnostics.map((d) => d.code),
      [],
    );
  });

  test('on a line that already has a value only the key is replaced', async () => {
    const marked = BASE.replace('    予以公开: [38, 5, 0, 1, 1, 1, 46]', '    yy‸gk: [38, 5, 0, 1, 1, 1, 46]').replace(
      '    部分公开: [7',
      '    部分公开x: [7',
    );
    const { shown, text } = await completeAt(marked);
    assert.equal(shown[0].textEdit?.newText, '予以公开');
    assert.ok(accept(text, shown[0]).includes('    予以公开: [38, 5, 0, 1, 1, 1, 46]\n'));
  });

  test('a half-typed document with a syntax error above still completes by indentation', async () => {
    const text = without(BASE, '      属于行政查询事项: [2, 0, 0, 0, 0, 0, 2]').replace(
      '予以公开: [38, 5, 0, 1, 1, 1, 46]',
      '予以公开: [38, 5, 0, 1, 1, 1, 46',
    );
    const marked = text.replace('    无法提供:', '      syxzcx‸\n    无法提供:');
    const { shown } = await completeAt(marked);
    assert.equal(shown[0]?.label, '8.属于行政查询事项');
  });

  test('nothing inside narrative text or comments', async () => {
    const inText = await completeAt(BASE.replace('  本年度，区政府', '  本年度，‸区政府'));
    assert.deepEqual(inText.items, []);
    const inComment = await completeAt(BASE.replace('# 测试', '# 测‸试'));
    assert.deepEqual(inComment.items, []);
  });
});

describe('values', () => {
  test("格式: the editions, the report's own first", async () => {
    const { shown } = await completeAt(BASE.replace('格式: 2021', '格式: ‸'));
    assert.deepEqual(
      shown.map((i) => i.label),
      ['2021', '2019'],
    );
    assert.equal(shown[0].detail, '国办公开办函〔2021〕30号（2021年度起）');
  });

  test('机关类型: 人民政府 or 部门, by pinyin too', async () => {
    const all = await completeAt(BASE.replace('机关类型: 人民政府', '机关类型: ‸'));
    assert.deepEqual(
      all.shown.map((i) => i.label),
      ['人民政府', '部门'],
    );
    const byPinyin = await completeAt(BASE.replace('机关类型: 人民政府', '机关类型: bm‸'));
    assert.deepEqual(
      byPinyin.shown.map((i) => i.label),
      ['部门'],
    );
  });

  test("a row's value: a row of zeros", async () => {
    const { shown, text } = await completeAt(BASE.replace('行政复议: [2, 1, 0, 1, 4]', '行政复议: ‸'));
    assert.equal(shown[0].label, '[0, 0, 0, 0, 0]');
    assert.ok(accept(text, shown[0]).includes('  行政复议: [0, 0, 0, 0, 0]\n'));
  });
});

describe('an empty file', () => {
  test('offers the whole report skeleton of each edition, complete but for the narrative once accepted', async () => {
    const { shown, text } = await completeAt('‸');
    assert.deepEqual(
      shown.slice(0, 2).map((i) => i.label),
      ['年报框架（2021年版）', '年报框架（2019年版）'],
    );
    for (const item of shown.slice(0, 2)) {
      const report = accept(text, item);
      assert.match(report, /^格式: 20(19|21) /);
      assert.match(report, /机关: 机关全称\n/);
      // Complete but for the narrative: only the empty 五 is left to write (NB311, a warning).
      assert.deepEqual(
        analyze(report).diagnostics.map((d) => `${d.code} ${d.severity}`),
        ['NB311 warning'],
        item.label,
      );
    }
    const typed = await completeAt('nb‸');
    assert.equal(typed.shown[0].label, '年报框架（2021年版）');
  });
});

describe('clients', () => {
  test('without snippet support the items insert plain text; VS Code gets the retrigger command', async () => {
    const plain = await LspClient.start({ capabilities: {}, initializationOptions: { retriggerCompletion: true } });
    try {
      const uri = fileUri('plain.nianbao.yaml');
      const text = BASE.replace(/ {2}第二十条第（八）项:.*\n.*\n/, '').replace(
        '收到和处理政府信息公开申请情况:',
        '  \n收到和处理政府信息公开申请情况:',
      );
      await plain.open(uri, text);
      const line = text.split('\n').indexOf('  ');
      const items = await plain.completion(uri, { line, character: 2 });
      assert.ok(items.length > 0);
      for (const item of items) {
        assert.equal(item.insertTextFormat, 1);
        assert.ok(!/\$\{|\$0/.test(item.textEdit?.newText ?? ''), item.textEdit?.newText);
      }
      const caption = items.find((i) => i.label === '第二十条第（八）项' && i.kind !== 15);
      assert.equal(caption?.command?.command, 'editor.action.triggerSuggest');
    } finally {
      await plain.stop();
    }
  });
});
