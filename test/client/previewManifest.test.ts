/**
 * The preview's place in the manifest: its commands (stable ids, Chinese titles as the issue names them), the
 * editor title button and Ctrl+K V / Cmd+K V on report files as the Markdown preview has them, the menus, the
 * serializer's activation event; every contributed command is registered by the client.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PREVIEW_COMMANDS, PREVIEW_VIEW_TYPE } from '../../client/src/preview/previewIds';
import { ROOT } from '../support/paths';

interface Command {
  command: string;
  title: string;
  icon?: string;
}
interface MenuItem {
  command: string;
  when?: string;
  group?: string;
  alt?: string;
}
interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when?: string;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsZh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const commands = pkg.contributes.commands as Command[];
const menus = pkg.contributes.menus as Record<string, MenuItem[]>;
const keybindings = pkg.contributes.keybindings as Keybinding[];

const title = (id: string, table: Record<string, string>): string => {
  const c = commands.find((x) => x.command === id);
  assert.ok(c, id);
  return table[c.title.replace(/%/g, '')];
};

test('the preview commands: ids, titles in both languages, icons', () => {
  assert.equal(title('nianbao.showPreviewToSide', nlsZh), '打开侧边预览');
  assert.equal(title('nianbao.showPreview', nlsZh), '打开预览');
  assert.equal(title('nianbao.exportHtml', nlsZh), '导出为 HTML');
  // English titles carry the Chinese one, so that typing 预览 finds them in an English VS Code too.
  assert.equal(title('nianbao.showPreviewToSide', nls), 'Open Preview to the Side (打开侧边预览)');
  assert.equal(title('nianbao.showPreview', nls), 'Open Preview (打开预览)');
  assert.equal(title('nianbao.exportHtml', nls), 'Export as HTML (导出为 HTML)');
  assert.equal(title('nianbao.exportDocx', nlsZh), '导出为 Word（.docx）');
  assert.equal(title('nianbao.exportDocx', nls), 'Export as Word (.docx) (导出为 Word)');
  assert.equal(commands.find((c) => c.command === 'nianbao.exportDocx')?.icon, '$(file-text)');
  assert.equal(commands.find((c) => c.command === 'nianbao.showPreviewToSide')?.icon, '$(open-preview)');
});

test('the editor title button on report files opens the preview to the side (Alt: in place); both exports on the preview and in the report’s title menu', () => {
  const title = menus['editor/title'];
  const side = title.find((m) => m.command === 'nianbao.showPreviewToSide');
  assert.deepEqual(side, {
    command: 'nianbao.showPreviewToSide',
    alt: 'nianbao.showPreview',
    when: 'editorLangId == nianbao && !notebookEditorFocused',
    group: 'navigation',
  });
  // Both exports on the preview's toolbar, and in the report editor's title menu (its "…").
  for (const id of ['nianbao.exportHtml', 'nianbao.exportDocx']) {
    const onPreview = title.filter((m) => m.command === id && m.group === 'navigation');
    assert.deepEqual(
      onPreview.map((m) => m.when),
      [`activeWebviewPanelId == '${PREVIEW_VIEW_TYPE}'`],
      id,
    );
    assert.ok(
      title.some(
        (m) =>
          m.command === id &&
          m.when === 'editorLangId == nianbao && !notebookEditorFocused' &&
          m.group !== 'navigation',
      ),
      `${id} in the report editor's title menu`,
    );
  }
  for (const id of ['nianbao.showPreview', 'nianbao.exportHtml', 'nianbao.exportDocx']) {
    assert.ok(
      menus['explorer/context'].some((m) => m.command === id && m.when === 'resourceLangId == nianbao'),
      id,
    );
  }
});

test('Ctrl+K V / Cmd+K V opens the preview to the side in a report, Ctrl+Shift+V in place, as for Markdown', () => {
  const when = 'editorLangId == nianbao && !notebookEditorFocused';
  assert.deepEqual(
    keybindings.find((k) => k.command === 'nianbao.showPreviewToSide'),
    { command: 'nianbao.showPreviewToSide', key: 'ctrl+k v', mac: 'cmd+k v', when },
  );
  assert.deepEqual(
    keybindings.find((k) => k.command === 'nianbao.showPreview'),
    { command: 'nianbao.showPreview', key: 'ctrl+shift+v', mac: 'cmd+shift+v', when },
  );
});

test('a restored window brings the preview back: the serializer’s activation event', () => {
  assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`));
});

test('every contributed command and menu item is registered by the client; palette entries only for reports', () => {
  const code: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts')) code.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'client', 'src'));
  const source = code.join('\n');
  const registered = new Set<string>([...source.matchAll(/registerCommand\(\s*'([\w.]+)'/g)].map((m) => m[1]));
  for (const [key, id] of Object.entries(PREVIEW_COMMANDS)) {
    if (source.includes(`registerCommand(PREVIEW_COMMANDS.${key},`)) registered.add(id);
  }
  for (const c of commands) assert.ok(registered.has(c.command), `${c.command} is registered`);
  const declared = new Set(commands.map((c) => c.command));
  for (const [menu, items] of Object.entries(menus)) {
    for (const item of items) assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
  }
  for (const k of keybindings) assert.ok(declared.has(k.command), k.command);
  for (const id of ['nianbao.showPreviewToSide', 'nianbao.showPreview', 'nianbao.exportHtml', 'nianbao.exportDocx']) {
    const entry = menus.commandPalette.find((m) => m.command === id);
    assert.match(entry?.when ?? '', /editorLangId == nianbao/, id);
  }
});
