/**
 * What a finding carries to a client, through the real server over stdio: related information that lists the
 * nonzero terms only (and says how many zero terms it left out); code actions for a range at column 0 of a line
 * (as Neovim asks) answering for every diagnostic the client sent on that line; NB313's two choices of 机关类型,
 * neither preferred.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, fileUri } from '../support/lspClient';
import { EXAMPLES, FIXTURES } from '../support/paths';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

function read(...path: string[]): string {
  return readFileSync(join(...path), 'utf8');
}

test('related information lists the nonzero terms of a wrong total and says how many zero terms it left out', async () => {
  const text = read(FIXTURES, 'server', 'fixable', 'nb302-result-total.nianbao.yaml');
  const uri = fileUri('related-terms.nianbao.yaml');
  try {
    const diagnostics = await client.open(uri, text);
    const lines = text.split('\n');
    const totalLine = lines.findIndex((l) => /^ {4}总计: \[/.test(l));
    // （七）总计·自然人: the first column of the result rows (those between 本年度办理结果 and its 总计).
    const first = lines.findIndex((l) => l.startsWith('  本年度办理结果:'));
    const firstColumn = lines
      .slice(first + 1, totalLine)
      .map((l) => /: \[(\d+),/.exec(l)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number);
    assert.equal(firstColumn.length, 21, 'the 2021 edition has 21 result rows');
    const zeros = firstColumn.filter((v) => v === 0).length;
    assert.ok(zeros > 0);

    const d = diagnostics.find(
      (x) => x.code === 'NB302' && x.range.start.line === totalLine && x.message.includes('总计·自然人'),
    );
    assert.ok(d, diagnostics.map((x) => x.message).join('\n'));
    const related = d.relatedInformation ?? [];
    const cells = related.slice(0, -1);
    const note = related[related.length - 1];
    // One entry per nonzero term, each pointing at its cell, whose text is that (nonzero) value.
    assert.equal(cells.length, firstColumn.length - zeros);
    for (const r of cells) {
      assert.equal(r.location.uri, uri);
      const { start, end } = r.location.range;
      assert.equal(start.line, end.line);
      const value = lines[start.line].slice(start.character, end.character);
      assert.match(value, /^[1-9]\d*$/, `${r.message}: ${value}`);
      assert.ok(r.message.endsWith(`= ${value}`), r.message);
    }
    assert.equal(note.message, `另有 ${zeros} 项为 0 或空白，未列出`);
    assert.deepEqual(note.location.range, d.range);
  } finally {
    await client.close(uri);
  }
});

test('code actions for a range at column 0 of a line answer for every diagnostic the client sent on that line', async () => {
  // Two cells of one row written as text: two findings on one line, neither at column 0.
  const text = read(EXAMPLES, 'shifan-2024.nianbao.yaml').replace(
    '    予以公开: [38, 5, 0, 1, 1, 1, 46]',
    '    予以公开: [38, "5", 0, 1, 1, "1", 46]',
  );
  const uri = fileUri('column-zero.nianbao.yaml');
  try {
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(
      diagnostics.map((d) => String(d.code)),
      ['NB205', 'NB205'],
    );
    const line = diagnostics[0].range.start.line;
    assert.equal(diagnostics[1].range.start.line, line);
    assert.ok(diagnostics.every((d) => d.range.start.character > 0));
    const atColumnZero = { start: { line, character: 0 }, end: { line, character: 0 } };

    // Neovim's request: the cursor's line from column 0, with the diagnostics of that line.
    const actions = await client.codeActions(uri, atColumnZero, diagnostics);
    const answered = (d: Diagnostic): boolean =>
      actions.some(
        (a) =>
          a.kind === 'quickfix' &&
          (a.diagnostics ?? []).some(
            (x) =>
              x.code === d.code && x.range.start.character === d.range.start.character && x.range.start.line === line,
          ),
      );
    assert.ok(diagnostics.every(answered), actions.map((a) => a.title).join('\n'));
    assert.deepEqual(actions.map((a) => a.title).sort(), ['改写为数字 1', '改写为数字 5']);
    // Applying both leaves the report clean.
    await client.applyEdit(uri, actions[0].edit ?? {});
    const left = await client.diagnosticsFor(uri, client.version(uri));
    const [rest] = left;
    const last = await client.codeActions(uri, atColumnZero, [rest]);
    assert.equal(last.length, 1);
    assert.deepEqual(await client.applyEdit(uri, last[0].edit ?? {}), []);

    // Without the diagnostics the range (column 0) overlaps none of them: nothing to answer for.
    await client.replace(uri, text);
    assert.deepEqual(await client.codeActions(uri, atColumnZero, []), []);
  } finally {
    await client.close(uri);
  }
});

test('NB313 for a name that decides nothing: information, and two choices of 机关类型, neither preferred', async () => {
  const text = read(FIXTURES, 'rules', 'nb313', 'undecided.fail.nianbao.yaml');
  const uri = fileUri('agency-kind.nianbao.yaml');
  try {
    const diagnostics = await client.open(uri, text);
    const d = diagnostics.find((x) => x.code === 'NB313');
    assert.ok(d);
    assert.equal(d.severity, DiagnosticSeverity.Information);
    const actions = (await client.codeActions(uri, d.range, [d])).filter((a) => a.kind === 'quickfix');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred === true]),
      [
        ['这是人民政府（本级）年报（机关类型：人民政府）', false],
        ['这是部门年报（机关类型：部门）', false],
      ],
    );
    for (const a of actions)
      assert.deepEqual(
        a.diagnostics?.map((x) => x.code),
        ['NB313'],
      );
    // As a government's report it is in time; as a department's it is 20 days late (a warning).
    assert.deepEqual(
      (await client.applyEdit(uri, actions[0].edit ?? {})).filter((x) => x.code === 'NB313'),
      [],
    );
    assert.match(client.text(uri), /\n发布日期: 2025-02-20[^\n]*\n机关类型: 人民政府\n/);
    await client.replace(uri, text);
    const again = (await client.diagnosticsFor(uri, client.version(uri))).find((x) => x.code === 'NB313');
    assert.ok(again);
    const [, department] = (await client.codeActions(uri, again.range, [again])).filter((a) => a.kind === 'quickfix');
    const late = (await client.applyEdit(uri, department.edit ?? {})).filter((x) => x.code === 'NB313');
    assert.deepEqual(
      late.map((x) => x.severity),
      [DiagnosticSeverity.Warning],
    );
    assert.match(late[0].message, /迟 20 天/);
  } finally {
    await client.close(uri);
  }
});

test('results that do not add up to a （七）总计 the flow identity confirms: no fix of the total, every fix lowers the errors', async () => {
  const text = read(FIXTURES, 'server', 'fixable', 'nb302-parts-at-fault.nianbao.yaml');
  const uri = fileUri('parts-at-fault.nianbao.yaml');
  try {
    const initial = await client.open(uri, text);
    const errors = (ds: readonly Diagnostic[]): number =>
      ds.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const total = initial.find((d) => d.code === 'NB302');
    assert.ok(total);
    assert.match(total.message, /与「勾稽关系 本年新收 101 \+ 上年结转 5 = （七）总计 102 \+ 结转下年度 4」相符/);
    const offeredOn = async (ds: readonly Diagnostic[]): Promise<CodeAction[]> => {
      const out: CodeAction[] = [];
      for (const d of ds) out.push(...(await client.codeActions(uri, d.range, [d])).filter((a) => a.edit));
      return out;
    };
    const titles = (await offeredOn(initial)).map((a) => a.title);
    assert.ok(titles.length > 0);
    assert.ok(!titles.includes('改为 101'), titles.join('\n'));
    for (const [i, title] of titles.entries()) {
      // Each fix alone, on the fixture as it was (an edit is made for the version it was asked on).
      const now = await client.replace(uri, text);
      const action = (await offeredOn(now))[i];
      assert.equal(action.title, title);
      const after = await client.applyEdit(uri, action.edit ?? {});
      assert.ok(errors(after) < errors(initial), `${title}: ${errors(initial)} → ${errors(after)} errors`);
    }
  } finally {
    await client.close(uri);
  }
});
