/** Outline, folding and inlay hints from the real server, and the settings that switch hints off. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, fileUri } from '../support/lspClient';
import { EXAMPLES } from '../support/paths';

const TEXT = readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
const LINES = TEXT.split('\n');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } };

let client: LspClient;
const uri = fileUri('features.nianbao.yaml');
before(async () => {
  client = await LspClient.start();
  await client.open(uri, TEXT);
});
after(async () => {
  await client.stop();
});

function outlineText(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} [${s.kind}]${s.detail ? ` ${s.detail}` : ''}`,
    ...outlineText(s.children ?? [], depth + 1),
  ]);
}

describe('outline', () => {
  test('sections, tables, row groups and rows, named as printed', async () => {
    const symbols = await client.symbols(uri);
    const lines = outlineText(symbols);
    assert.deepEqual(lines.slice(0, 9), [
      '格式 [7] 2021',
      '机关 [7] 示范市临江区人民政府',
      '年度 [7] 2024',
      '发布日期 [7] 2025-03-20',
      '机关类型 [7] 人民政府',
      `一、总体情况 [15] ${lines[5].split('] ')[1]}`,
      '二、主动公开政府信息情况 [3]',
      '  第二十条第（一）项 [23]',
      '    规章 [18] [0, 0, 0]',
    ]);
    assert.ok(lines.includes('  三、本年度办理结果 [5]'));
    assert.ok(lines.includes('    （三）不予公开 [5]'));
    assert.ok(lines.includes('      3.危及“三安全一稳定” [18] [0, 0, 0, 0, 0, 0, 0]'));
    assert.ok(lines.includes('四、政府信息公开行政复议、行政诉讼情况 [3]'));
    const section = symbols.find((s) => s.name === '三、收到和处理政府信息公开申请情况');
    assert.ok(section);
    assert.equal(
      section.selectionRange.start.line,
      LINES.indexOf(
        '收到和处理政府信息公开申请情况:   # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计',
      ),
    );
    assert.equal(
      section.range.end.line,
      LINES.findIndex((l) => l.startsWith('  结转下年度继续办理:')),
    );
  });
});

describe('folding', () => {
  test('every multi-line mapping and narrative block, and comment runs', async () => {
    const ranges = await client.folding(uri);
    const at = (prefix: string): number => LINES.findIndex((l) => l.startsWith(prefix));
    const find = (line: number) => ranges.find((r) => r.startLine === line);
    assert.deepEqual(find(at('主动公开政府信息情况:')), {
      startLine: at('主动公开政府信息情况:'),
      endLine: at('    行政事业性收费:'),
    });
    assert.deepEqual(find(at('    不予公开:')), {
      startLine: at('    不予公开:'),
      endLine: at('      属于行政查询事项:'),
    });
    const overview = find(at('总体情况: |'));
    assert.ok(overview && overview.endLine > overview.startLine + 3);
    assert.equal(ranges.filter((r) => r.kind === 'comment').length, 0);
    const other = fileUri('folding-comments.nianbao.yaml');
    await client.open(other, `# 一\n# 二\n# 三\n${TEXT}`);
    assert.deepEqual(
      (await client.folding(other)).filter((r) => r.kind === 'comment'),
      [{ startLine: 0, endLine: 3, kind: 'comment' }],
    );
  });
});

/** Switch `nianbao.inlayHints.columnNames` as VS Code sends a configuration change. */
function columnNames(value: unknown): Promise<void> {
  return client.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { nianbao: { inlayHints: { columnNames: value } } },
  });
}

describe('inlay hints', () => {
  test('by default the short column name before every value of a row, the full name as its tooltip', async () => {
    const hints = await client.inlayHints(uri, WHOLE);
    const line = LINES.findIndex((l) => l.startsWith('  本年新收政府信息公开申请数量:'));
    const onLine = hints.filter((h) => h.position.line === line);
    assert.deepEqual(
      onLine.map((h) => `${String(h.label)}${h.tooltip}`),
      ['自:自然人', '商:商业企业', '科:科研机构', '益:社会公益组织', '法:法律服务机构', '其:其他', '总:总计'],
    );
    const appeal = LINES.findIndex((l) => l.startsWith('  行政复议:'));
    assert.deepEqual(
      hints.filter((h) => h.position.line === appeal).map((h) => h.label),
      ['维:', '纠:', '其:', '未:', '总:'],
    );
  });

  test("full names with `full` (and `cursorRow`, which the VS Code client narrows to the cursor's row)", async () => {
    await columnNames('full');
    const hints = await client.inlayHints(uri, WHOLE);
    const line = LINES.findIndex((l) => l.startsWith('  本年新收政府信息公开申请数量:'));
    const onLine = hints.filter((h) => h.position.line === line);
    assert.deepEqual(
      onLine.map((h) => [h.label, LINES[line].slice(h.position.character).match(/^\d+/)?.[0]]),
      [
        ['自然人:', '86'],
        ['商业企业:', '9'],
        ['科研机构:', '0'],
        ['社会公益组织:', '1'],
        ['法律服务机构:', '3'],
        ['其他:', '2'],
        ['总计:', '101'],
      ],
    );
    assert.ok(onLine.every((h) => h.paddingRight === true));
    const single = LINES.findIndex((l) => l.startsWith('    行政许可:'));
    assert.equal(hints.filter((h) => h.position.line === single).length, 0, 'a single number needs no name');
    const rows = LINES.filter((l) => /: \[/.test(l));
    const values = rows.reduce((n, l) => n + (l.match(/,/g)?.length ?? 0) + 1, 0);
    assert.equal(hints.length, values);
  });

  test('`cursorRow` gets the full names; other editors have no cursor to narrow them to', async () => {
    await columnNames('cursorRow');
    const line = LINES.findIndex((l) => l.startsWith('  行政复议:'));
    const hints = await client.inlayHints(uri, { start: { line, character: 0 }, end: { line, character: 200 } });
    assert.equal(hints[0].label, '结果维持:');
    await columnNames('full');
  });

  test('only within the requested range', async () => {
    const line = LINES.findIndex((l) => l.startsWith('  行政复议:'));
    const hints = await client.inlayHints(uri, { start: { line, character: 0 }, end: { line, character: 200 } });
    assert.deepEqual(
      hints.map((h) => h.label),
      ['结果维持:', '结果纠正:', '其他结果:', '尚未审结:', '总计:'],
    );
  });

  test('switched off by the setting, and back on; true and false (the earlier form) read as full and off', async () => {
    await columnNames('off');
    assert.deepEqual(await client.inlayHints(uri, WHOLE), []);
    // The client says it can refresh inlay hints: the server asks it to after each change of the setting.
    const refreshes = (): number => client.requests.filter((r) => r.method === 'workspace/inlayHint/refresh').length;
    const before = refreshes();
    await columnNames('short');
    assert.ok((await client.inlayHints(uri, WHOLE)).length > 100);
    assert.ok(refreshes() > before, 'workspace/inlayHint/refresh asked after the setting changed');
    await columnNames(false);
    assert.deepEqual(await client.inlayHints(uri, WHOLE), []);
    await columnNames(true);
    assert.equal((await client.inlayHints(uri, WHOLE))[0].label, '本年制发件数:');
    await columnNames('nonsense');
    assert.equal((await client.inlayHints(uri, WHOLE))[0].label, '本年制发件数:', 'an unknown value changes nothing');
  });

  test('initialization options in either shape: { settings: {…} } or { settings: { nianbao: {…} } }', async () => {
    for (const initializationOptions of [
      { settings: { inlayHints: { columnNames: 'off' } } },
      { settings: { nianbao: { inlayHints: { columnNames: 'off' } } } },
      { nianbao: { inlayHints: { columnNames: 'off' } } },
    ]) {
      const other = await LspClient.start({ initializationOptions });
      try {
        await other.open(uri, TEXT);
        assert.deepEqual(await other.inlayHints(uri, WHOLE), [], JSON.stringify(initializationOptions));
      } finally {
        await other.stop();
      }
    }
    const english = await LspClient.start({ initializationOptions: { settings: { nianbao: { language: 'en' } } } });
    try {
      const diagnostics = await english.open(uri, TEXT.replace('[2, 1, 0, 1, 4]', '[2, 1, 0, 1, 5]'));
      assert.ok(
        diagnostics.some((d) => /should be 4/.test(d.message)),
        diagnostics.map((d) => d.message).join('\n'),
      );
    } finally {
      await english.stop();
    }
  });
});
