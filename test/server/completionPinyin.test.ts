/**
 * Every row key of both editions, completed from pinyin initials, full pinyin and the Chinese key at its place in
 * a half-typed report whose siblings are all still missing: after VS Code's filtering the right key comes first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITIONS, templateIndex, writeSkeleton } from '../../core/src/index';
import type { Edition } from '../../core/src/index';
import { PINYIN } from '../../core/src/template/pinyin.generated';
import { LspClient, fileUri } from '../support/lspClient';
import { vscodeFilter } from '../support/vscodeFilter';

/** The skeleton with every child line of `parentPath` removed and `typed` on a line of its own in their place. */
function halfTyped(
  edition: Edition,
  parentPath: readonly string[],
  typed: string,
): { text: string; line: number; character: number } {
  const lines = writeSkeleton(edition, edition === 2019 ? 2020 : 2024, '测试机关').split('\n');
  let from = 0;
  let indent = -2;
  for (const key of parentPath) {
    indent += 2;
    from = lines.findIndex((l, i) => i >= from && l.startsWith(`${' '.repeat(indent)}${key}:`));
    assert.ok(from >= 0, `${key} not in skeleton`);
  }
  let to = from + 1;
  while (to < lines.length && (lines[to].trim() === '' || lines[to].length - lines[to].trimStart().length > indent))
    to++;
  const childIndent = ' '.repeat(indent + 2);
  const out = [...lines.slice(0, from + 1), `${childIndent}${typed}`, ...lines.slice(to)];
  return { text: out.join('\n'), line: from + 1, character: childIndent.length + typed.length };
}

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

const uri = fileUri('pinyin.nianbao.yaml');
let opened = false;

async function topKey(text: string, line: number, character: number): Promise<string | undefined> {
  if (!opened) {
    await client.open(uri, text);
    opened = true;
  } else {
    client.sendChange(uri, [{ text }]);
  }
  const items = await client.completion(uri, { line, character });
  const shown = vscodeFilter(items, text.split('\n')[line], character);
  const first = shown[0]?.textEdit?.newText;
  return first?.slice(0, first.indexOf(':'));
}

for (const edition of EDITIONS) {
  describe(`${edition} edition: every row key`, () => {
    const rows = templateIndex(edition).rows;
    test(`has ${rows.length} rows, each with pinyin`, () => {
      assert.ok(rows.length > 30);
      for (const row of rows) assert.ok(PINYIN[row.node.key], row.node.key);
    });
    for (const row of rows) {
      const key = row.node.key;
      const parent = row.path.slice(0, -1);
      const [full, initials] = PINYIN[key];
      test(`${parent.join(' › ')} › ${key}: "${initials}", "${full}", "${key}"`, async () => {
        for (const typed of [initials, full, key]) {
          const { text, line, character } = halfTyped(edition, parent, typed);
          assert.equal(await topKey(text, line, character), key, `typing "${typed}"`);
        }
      });
    }
  });
}
