/** Hover text from the real server: keys with their place and statutory basis, numbers with their invariants. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { fixtures } from '../support/fixtures';
import { LspClient, fileUri, positionOf } from '../support/lspClient';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

const ROW_TOTAL = fixtures('server/fixable').find((f) => f.name.endsWith('nb303-row-total.nianbao.yaml'));

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents;
  assert.ok(typeof contents === 'object' && 'kind' in contents && contents.kind === 'markdown');
  return contents.value;
}

describe('hover', () => {
  const uri = fileUri('hover.nianbao.yaml');
  before(async () => {
    assert.ok(ROW_TOTAL);
    await client.open(uri, ROW_TOTAL.text);
  });

  test('a group key: printed label, place, what it holds, statutory basis', async () => {
    const text = client.text(uri);
    const hover = await client.hover(uri, positionOf(text, '    不予公开:', 6));
    assert.equal(
      markdown(hover),
      [
        '**（三）不予公开**',
        '2021年版（国办公开办函〔2021〕30号）　三、收到和处理政府信息公开申请情况 › 三、本年度办理结果',
        '含 8 项；各行依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计',
        '依据：',
        '- **《条例》第三十六条第（三）项**：行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由。',
      ].join('\n\n'),
    );
    assert.deepEqual(hover?.range, { start: positionOf(text, '不予公开:'), end: positionOf(text, '不予公开:', 4) });
  });

  test('a row key: its columns', async () => {
    const value = markdown(await client.hover(uri, positionOf(client.text(uri), '危及“三安全一稳定”', 2)));
    assert.match(value, /^\*\*3\.危及“三安全一稳定”\*\*/);
    assert.match(value, /一行 7 个数：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计/);
    assert.match(value, /《条例》第十四条/);
  });

  test('a meta key and a table caption', async () => {
    assert.match(
      markdown(await client.hover(uri, { line: 1, character: 0 })),
      /^\*\*格式\*\*[^]*年报格式：2019 或 2021[^]*国办公开办函〔2021〕30号/,
    );
    const caption = markdown(await client.hover(uri, positionOf(client.text(uri), '第二十条第（八）项', 1)));
    assert.match(caption, /\*\*《条例》第二十条第（八）项\*\*：行政事业性收费项目及其依据、标准/);
  });

  test('a number: its column and the invariants it enters, with the values they check', async () => {
    const text = client.text(uri);
    const cell = markdown(await client.hover(uri, positionOf(text, '予以公开: [38', 7)));
    assert.equal(
      cell,
      [
        '**自然人**（第 1 列，共 7 列）',
        '三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （一）予以公开',
        '件数：非负整数',
        '勾稽关系：',
        [
          '- 计入 （一）予以公开·总计：应为 46（自然人 38 + 商业企业 5 + 社会公益组织 1 + 法律服务机构 1 + 其他 1）✗ 表中为 47　总计 = 各类申请人之和',
          '- 计入 （七）总计·自然人：应为 87（予以公开 38 + 部分公开 7 + 其他法律行政法规禁止公开 1 + 保护第三方合法权益 3 + 属于三类内部事务信息 2 + 属于四类过程性信息 4 + 属于行政执法案卷 1 + 属于行政查询事项 2 + 本机关不掌握相关政府信息 17 + 没有现成信息需要另行制作 3 + 补正后申请内容仍不明确 1 + 信访举报投诉类申请 4 + 重复申请 2 + 要求行政机关确认或重新出具已获取信息 1 + 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1）✓　（七）总计 = 各项办理结果之和',
        ].join('\n'),
      ].join('\n\n'),
    );
  });

  test('a wrong total: the value it should have', async () => {
    const text = client.text(uri);
    const total = markdown(await client.hover(uri, positionOf(text, '1, 1, 1, 47]', 9)));
    assert.match(total, /^\*\*总计\*\*（第 7 列，共 7 列）/);
    assert.match(
      total,
      /- 本格应为 46（自然人 38 \+ 商业企业 5 \+ 社会公益组织 1 \+ 法律服务机构 1 \+ 其他 1）✗ 表中为 47/,
    );
    assert.match(total, /- 计入 （七）总计·总计：应为 103/);
  });

  test('a carried-forward cell: the printed balance rule', async () => {
    const text = client.text(uri);
    const value = markdown(await client.hover(uri, positionOf(text, '结转下年度继续办理: [3', 12)));
    assert.match(
      value,
      /本格应为 3（一、本年新收政府信息公开申请数量 86 \+ 二、上年结转政府信息公开申请数量 4 − （七）总计 87）✓　勾稽关系：第一项加第二项之和，等于第三项加第四项之和/,
    );
  });

  test('an amount and a single-number row', async () => {
    const text = client.text(uri);
    assert.match(
      markdown(await client.hover(uri, positionOf(text, '1256.38', 2))),
      /^\*\*本年收费金额（单位：万元）\*\*[^]*金额：非负数（单位：万元）/,
    );
    assert.match(
      markdown(await client.hover(uri, positionOf(text, '1523'))),
      /^\*\*本年处理决定数量\*\*\n\n二、主动公开政府信息情况 › 第二十条第（五）项 › 行政许可/,
    );
  });

  test('nothing on narrative text, comments or unknown keys', async () => {
    const text = client.text(uri);
    assert.equal(await client.hover(uri, positionOf(text, '区政府坚持')), null);
    assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
    const other = fileUri('hover-unknown.nianbao.yaml');
    await client.open(other, text.replace('    部分公开:', '    部分公示:'));
    assert.equal(await client.hover(other, positionOf(client.text(other), '部分公示', 1)), null);
  });

  test('in English when the editor is', async () => {
    const en = await LspClient.start({ locale: 'en' });
    try {
      assert.ok(ROW_TOTAL);
      await en.open(uri, ROW_TOTAL.text);
      const value = markdown(await en.hover(uri, positionOf(ROW_TOTAL.text, '1, 1, 1, 47]', 9)));
      assert.match(value, /^\*\*总计\*\* — Total \(column 7 of 7\)/);
      assert.match(
        value,
        /This cell should be 46 \(自然人 38 \+ 商业企业 5 \+ 社会公益组织 1 \+ 法律服务机构 1 \+ 其他 1\) ✗ the table says 47/,
      );
    } finally {
      await en.stop();
    }
  });
});
