/**
 * The extension's static parts: manifest contributions point at files that exist, every user-facing string has
 * both languages (package.nls, the l10n bundle of the client and the server), and the grammar marks the keys.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, writeSkeleton } from '../../core/src/index';
import { OFFICIAL_KEY_SCOPE, officialKeys } from '../../tools/src/grammar';
import { parseDocument } from 'yaml';
import { ROOT } from '../support/paths';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsZh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (entry.endsWith('.ts')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

test('every %placeholder% of package.json has an English and a Chinese text', () => {
  const used = new Set([...JSON.stringify(pkg).matchAll(/%([\w.]+)%/g)].map((m) => m[1]));
  assert.ok(used.has('extension.description') && used.has('command.newReport'));
  for (const key of used) {
    assert.ok(nls[key], `package.nls.json: ${key}`);
    assert.ok(nlsZh[key], `package.nls.zh-cn.json: ${key}`);
  }
  assert.deepEqual(Object.keys(nls).sort(), Object.keys(nlsZh).sort());
  assert.deepEqual(
    Object.keys(nls).filter((k) => !used.has(k)),
    [],
    'no unused entries',
  );
  assert.equal(nlsZh['command.newReport'], '新建年报');
  assert.equal(nlsZh['command.checkWorkspace'], '检查工作区中的所有年报');
  assert.equal(nlsZh['command.nextYearReport'], '生成下一年度年报');
  assert.equal(nlsZh['command.importReport'], '导入已发布的年报（网页、PDF、Word、文本）');
});

test('every string the client and the server localize has a Chinese translation, and no other is kept', () => {
  const code = [...sources(join(ROOT, 'client', 'src')), ...sources(join(ROOT, 'server', 'src'))].join('\n');
  const used = new Set([...code.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'")));
  assert.ok(used.size > 20);
  for (const message of used) {
    assert.ok(bundle[message], `l10n/bundle.l10n.zh-cn.json lacks "${message}"`);
    const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
    assert.deepEqual(placeholders(bundle[message]), placeholders(message), `placeholders of "${message}"`);
  }
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !used.has(k)),
    [],
    'stale bundle entries',
  );
});

test('package.json has no key twice (JSON.parse would silently keep the last one, e.g. after a merge)', () => {
  const doc = parseDocument(readFileSync(join(ROOT, 'package.json'), 'utf8'), { uniqueKeys: true });
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
});

test('the commands of the workspace index: next year from a report, import from web pages, PDFs, .docx and text files', () => {
  const menus = pkg.contributes.menus as Record<string, { command: string; when?: string }[]>;
  const where = (id: string): string[] =>
    Object.keys(menus)
      .filter((m) => menus[m].some((x) => x.command === id))
      .sort();
  assert.deepEqual(where('nianbao.nextYearReport'), ['commandPalette', 'editor/context', 'explorer/context']);
  assert.deepEqual(where('nianbao.importReport'), ['explorer/context', 'file/newFile']);
  const importWhen = menus['explorer/context'].find((m) => m.command === 'nianbao.importReport')?.when ?? '';
  const ext = new RegExp(/=~ \/(.*)\/i$/.exec(importWhen)?.[1] ?? '$^', 'i');
  assert.ok(['.html', '.HTM', '.txt', '.shtml'].every((e) => ext.test(e)) && !ext.test('.yaml'), importWhen);
  // PDFs and Word documents too; not what the importer refuses (an old binary .doc or .wps) nor look-alikes.
  for (const e of ['.pdf', '.PDF', '.docx', '.Docx']) assert.ok(ext.test(e), `${e} in ${importWhen}`);
  for (const e of ['.doc', '.wps', '.pdfx', '.docm', '.xlsx']) assert.ok(!ext.test(e), `${e} in ${importWhen}`);
  assert.match(importWhen, /^resourceScheme == file && resourceExtname =~ /);
});

test('contributions: language, grammar, schemas, commands, configuration; files exist', () => {
  const c = pkg.contributes;
  assert.equal(pkg.main, './dist/client.js');
  assert.equal(pkg.l10n, './l10n');
  // onStartupFinished: the walkthrough opens the first time the extension runs (the server starts only for a report).
  assert.deepEqual(pkg.activationEvents, [
    'onLanguage:nianbao',
    'onLanguage:yaml',
    'onWebviewPanel:nianbao.preview',
    'onStartupFinished',
  ]);
  const language = c.languages[0];
  assert.deepEqual([language.id, language.extensions], ['nianbao', ['.nianbao.yaml', '.nianbao.yml']]);
  const firstLine = new RegExp(language.firstLine);
  assert.ok(
    firstLine.test('格式: 2021') &&
      firstLine.test('\uFEFF格式: 2019') &&
      !firstLine.test('# 格式: 2021') &&
      !firstLine.test('机关: 格式:'),
  );
  for (const path of [
    language.configuration,
    c.grammars[0].path,
    c.yamlValidation[0].url,
    pkg.bin['nianbao-language-server'],
  ]) {
    assert.ok(existsSync(join(ROOT, path)), path);
  }
  JSON.parse(readFileSync(join(ROOT, language.configuration), 'utf8'));
  assert.deepEqual(
    c.commands.map((x: { command: string }) => x.command),
    [
      'nianbao.showPreviewToSide',
      'nianbao.showPreview',
      'nianbao.exportHtml',
      'nianbao.exportDocx',
      'nianbao.newReport',
      'nianbao.checkWorkspace',
      'nianbao.restartServer',
      'nianbao.nextYearReport',
      'nianbao.importReport',
      'nianbao.openExample',
      'nianbao.compareWithPrevious',
      'nianbao.showTrends',
    ],
  );
  assert.deepEqual(Object.keys(c.configuration.properties), [
    'nianbao.language',
    'nianbao.inlayHints.columnNames',
    'nianbao.docx.signature',
    'nianbao.trace.server',
  ]);
  const columnNames = c.configuration.properties['nianbao.inlayHints.columnNames'];
  assert.deepEqual([columnNames.enum, columnNames.default], [['short', 'full', 'cursorRow', 'off'], 'short']);
  assert.ok(existsSync(join(ROOT, language.icon.light)) && existsSync(join(ROOT, language.icon.dark)), 'file icon');
  assert.equal(c.configuration.properties['nianbao.docx.signature'].default, false);
  assert.equal(pkg.engines.vscode, '^1.100.0');
});

test('the grammar marks every official key and only those, as YAML keys otherwise', () => {
  const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'nianbao.tmLanguage.json'), 'utf8'));
  assert.equal(grammar.scopeName, 'source.nianbao');
  const official = new RegExp(grammar.repository['official-key'].match);
  const key = new RegExp(grammar.repository.key.match);
  const block = new RegExp(grammar.repository['block-scalar'].begin);
  assert.equal(grammar.repository['official-key'].captures[2].name, OFFICIAL_KEY_SCOPE);
  for (const edition of [2019, 2021] as const) {
    const text = writeSkeleton(edition, edition === 2019 ? 2020 : 2024, '某机关');
    assert.ok(analyze(text).doc.root, 'parses');
    for (const line of text.split('\n').filter((l) => /^\s*[^\s#].*:(\s|$)/.test(l))) {
      const m = official.exec(line) ?? block.exec(line);
      assert.ok(m, `official key on "${line}"`);
      assert.ok(officialKeys().includes(m[2]), line);
    }
  }
  assert.equal(official.exec('  予以公示: [0]'), null);
  assert.equal(key.exec('  予以公示: [0]')?.[2], '予以公示');
  assert.equal(official.exec('  予以公开x: [0]'), null, 'a key is official only as a whole');
  for (const pattern of grammar.repository.scalar.patterns) if (pattern.match) new RegExp(pattern.match);
  const numeric = new RegExp(grammar.repository.scalar.patterns[0].match, 'g');
  assert.deepEqual('[38, 5, -1, 3020.782]'.match(numeric), ['38', '5', '-1', '3020.782']);
});

test('a report gets no ambiguous-character boxes (full-width ，；（） on every line), invisible characters still marked', () => {
  const defaults = pkg.contributes.configurationDefaults['[nianbao]'];
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
  assert.equal(defaults['editor.unicodeHighlight.nonBasicASCII'], false);
  assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], true);
  assert.equal(defaults['editor.defaultFormatter'], `${pkg.publisher}.${pkg.name}`);
  assert.equal(Object.keys(pkg.contributes.configurationDefaults).length, 1, 'other YAML keeps its settings');
});

test('every command is found in the palette by typing 年报 and by its Chinese title, in either display language', () => {
  for (const command of pkg.contributes.commands as { title: string; category: string }[]) {
    const key = (placeholder: string): string => placeholder.replace(/^%|%$/g, '');
    const zh = `${nlsZh[key(command.category)]}: ${nlsZh[key(command.title)]}`;
    const en = `${nls[key(command.category)]}: ${nls[key(command.title)]}`;
    assert.match(zh, /年报/, zh);
    assert.match(en, /年报/, en);
    // The English title names the command in Chinese too (预览, 导出, 新建 …), so typing it finds the command.
    const chinese = nlsZh[key(command.title)].replace(/工作区中的|从网页或文本|HTML/g, '').slice(0, 2);
    assert.ok(en.includes(chinese), `${en} lacks ${chinese}`);
  }
});

test('the walkthrough: five steps, each with an image that exists and a command link in both languages', () => {
  const [walkthrough] = pkg.contributes.walkthroughs as {
    id: string;
    title: string;
    steps: { id: string; title: string; description: string; media: { image: string; altText: string } }[];
  }[];
  assert.equal(walkthrough.id, 'nianbao.start');
  const key = (placeholder: string): string => placeholder.replace(/^%|%$/g, '');
  assert.equal(nlsZh[key(walkthrough.title)], '年报入门');
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ['newReport', 'problems', 'preview', 'import', 'checkWorkspace'],
  );
  const ours = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  for (const step of walkthrough.steps) {
    assert.ok(existsSync(join(ROOT, step.media.image)), step.media.image);
    assert.ok(nls[key(step.media.altText)] && nlsZh[key(step.media.altText)], `alt text of ${step.id}`);
    for (const texts of [nls, nlsZh]) {
      const description = texts[key(step.description)];
      const links = [...description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id}: no command link in "${description}"`);
      for (const id of links) assert.ok(ours.has(id) || id.startsWith('workbench.'), `${step.id}: ${id}`);
    }
  }
  // The images ship in the .vsix; so does the example the first step opens.
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!media\/\*\*$/m);
  assert.match(ignore, /^!examples\/\*\.nianbao\.yaml$/m);
});

test('the .vsix page: README links are kept relative and what they point at ships in the package', () => {
  assert.match(pkg.scripts.package, /--no-rewrite-relative-links/);
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  const shipped = (path: string): boolean =>
    ignore.split('\n').some((line) => {
      if (!line.startsWith('!')) return false;
      const pattern = line.slice(1).replace(/\./g, '\\.').replace(/\*\*/g, '.+').replace(/\*/g, '[^/]+');
      return new RegExp(`^${pattern}$`).test(path);
    });
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const targets = [...readme.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t));
  assert.ok(targets.includes('docs/editor-preview.png') && targets.includes('README.en.md'));
  for (const target of targets) assert.ok(shipped(target), `${target} is not in the .vsix`);
});
