/**
 * What a person does with the extension in VS Code (code-server, the packaged .vsix installed), driven with
 * Playwright: meet the walkthrough on the first start, open a report from the explorer, read the Problems panel,
 * complete a key by pinyin initials, apply a quick fix from the light bulb, read the status bar, open the preview
 * beside the report and watch it follow an edit, import a published report, check the workspace, export the page
 * and find it in the Explorer. Each step leaves a screenshot in test/client/e2e/screenshots/ (the walkthrough's images,
 * cropped to the part of the window they show, in test/client/e2e/screenshots/walkthrough/).
 * Started by scripts/vscode/runE2e.mjs, which provides code-server and the environment.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';

const URL = process.env.E2E_URL ?? '';
const ROOT = join(__dirname, '..', '..', '..', '..');
const WORKSPACE = process.env.E2E_WORKSPACE ?? '';
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const STATE = process.env.E2E_STATE ?? '';

const FIXABLE = join('fixtures', 'fixable', 'nb303-row-total.nianbao.yaml');

let context: BrowserContext;
let page: Page;

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(SHOTS, name) });

/** A walkthrough image: the smallest rectangle around the workbench parts given (editor area, panel …). */
async function partShot(name: string, selectors: readonly string[]): Promise<void> {
  const boxes = [];
  for (const selector of selectors) {
    const box = await page.locator(selector).first().boundingBox();
    if (box) boxes.push(box);
  }
  assert.ok(boxes.length > 0, `none of ${selectors.join(', ')} is visible`);
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - x;
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - y;
  mkdirSync(join(SHOTS, 'walkthrough'), { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'walkthrough', name), clip: { x, y, width, height } });
}

/**
 * Run a command from the palette (F1) by typing part of its title. `next`: what the command shows in the same quick
 * input widget (a save dialog), which then counts as the palette accepted.
 */
async function runCommand(typed: string, title: RegExp, next?: Locator): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${typed}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await acceptQuickInput(input, next);
}

/** Quick Open (Ctrl+P) a workspace file by name and wait for its editor. */
async function quickOpen(name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await acceptQuickInput(input);
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}

/** The 1-based line of a workspace file that contains `text` (read from disk, as the editor shows it). */
function lineOf(file: string, text: string): { line: number; column: number } {
  const lines = readFileSync(join(WORKSPACE, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `${text} not in ${file}`);
  return { line: i + 1, column: lines[i].indexOf(text) };
}

/** Go to Line (Ctrl+G): the cursor at the start of `line`, scrolled into view. */
async function goToLine(line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  // Ctrl+G opens Quick Open with the `:` (go to line) prefix; keep it.
  await input.fill(`:${line}`);
  await page.locator('.quick-input-widget input.input[aria-label*="' + String(line) + '"]').waitFor();
  await acceptQuickInput(input);
}

/**
 * Enter in a quick input, again if the widget was still settling the typed value when the first one arrived
 * (under load the first Enter can be swallowed); waits on the widget closing, not on time.
 */
async function acceptQuickInput(input: Locator, next?: Locator): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Enter');
    try {
      // The widget is reused by what the command opens next: it may never be seen hidden, and another Enter would
      // accept that too.
      const hidden = input.waitFor({ state: 'hidden', timeout: 5_000 });
      await (next ? Promise.any([hidden, next.waitFor({ state: 'visible', timeout: 5_000 })]) : hidden);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Cursor to the end of the line of `file` that contains `text`. */
async function cursorAtEndOf(file: string, text: string): Promise<void> {
  const { line } = lineOf(file, text);
  await goToLine(line);
  await page.keyboard.press('End');
  // Settled before the next key: a cursor still moving cancels the code actions Ctrl+. asks for ("No code actions").
  const column = readFileSync(join(WORKSPACE, file), 'utf8').split('\n')[line - 1].replace(/\r$/, '').length + 1;
  await page
    .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column}(?!\d)`) })
    .first()
    .waitFor();
}

/**
 * Type `replacement` over the text at the place of the first `find` on the line of `file` that contains `line`
 * (positions from the saved file: unsaved edits of the same length keep them), as a person would.
 */
async function typeOver(file: string, line: string, find: string, replacement: string): Promise<void> {
  const { line: n } = lineOf(file, line);
  const text = readFileSync(join(WORKSPACE, file), 'utf8').split('\n')[n - 1];
  const column = text.indexOf(find);
  await goToLine(n);
  for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < find.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type(replacement);
}

describe('the extension in VS Code, as a person uses it', { skip: !URL && 'run through npm run test:e2e' }, () => {
  before(async () => {
    context = await chromium.launchPersistentContext(join(STATE, 'e2e-chromium'), {
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: JSON.parse(process.env.E2E_CHROMIUM_ARGS ?? '[]') as string[],
      env: { ...process.env, XDG_CONFIG_HOME: join(STATE, 'e2e-chromium'), XDG_CACHE_HOME: join(STATE, 'e2e-cache') },
      viewport: { width: 1440, height: 900 },
    });
    context.setDefaultTimeout(60_000);
    page = context.pages()[0] ?? (await context.newPage());
    // A published report as text, for the import (in the folder before the window opens, as a user's would be).
    writeFileSync(
      join(WORKSPACE, 'published-2022.txt'),
      readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'pdf-2022.txt'), 'utf8'),
    );
    await page.goto(`${URL}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
  });

  after(async () => {
    await context?.close();
  });

  test('the first start opens the walkthrough, 年报入门, five steps each with an image and a command', async () => {
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-category', { hasText: '年报入门' }).first().waitFor();
    // The workbench's language is English here: each step by its title in either language.
    for (const step of [/Start a report|新建/, /problems|问题/, /Preview|预览/, /Import|导入/, /Check every|检查/]) {
      await walkthrough.locator('.getting-started-step', { hasText: step }).first().waitFor({ state: 'attached' });
    }
    await walkthrough.locator('.getting-started-media img').first().waitFor();
    await shot('00-walkthrough.png');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W');
    await walkthrough.waitFor({ state: 'detached' });
  });

  test('opens a report from the explorer and sees its errors in the Problems panel', async () => {
    const explorer = page.locator('.explorer-folders-view');
    for (const folder of ['fixtures', 'fixable']) {
      await explorer.locator('.monaco-list-row', { hasText: folder }).first().click();
    }
    await explorer.locator('.monaco-list-row', { hasText: 'nb303-row-total.nianbao.yaml' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'nb303-row-total.nianbao.yaml' }).waitFor();
    await page.locator('.editor-instance .view-lines', { hasText: '予以公开' }).waitFor();
    await shot('01-explorer-open.png');
    await page.keyboard.press('Control+Shift+M');
    // The whole workspace's problems are listed (the server indexes every report); show this file's only.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.fill('nb303-row-total');
    // A problem row (not the file's row) whose message is the row-total arithmetic.
    const row = page.locator('.markers-panel .monaco-list-row[aria-label*="·总计 应为"]').first();
    await row.waitFor();
    const text = (await row.getAttribute('aria-label')) ?? '';
    assert.match(text, /·总计 应为 \d+（.+），实为 \d+，相差 \d+/);
    await shot('02-problems.png');
  });

  test('the status bar shows the edition, year and problem counts in Chinese', async () => {
    const item = page.locator('.statusbar-item', { hasText: /年版/ }).first();
    await item.waitFor();
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /2021\s*年版/);
    assert.match(text, /2024/);
  });

  test('applies a quick fix from the light bulb', async () => {
    await page.locator('.editor-instance').first().click();
    await cursorAtEndOf(FIXABLE, '予以公开: [');
    await page.keyboard.press('Control+.');
    const widget = page.locator('.action-widget');
    try {
      await widget.locator('.monaco-list-row', { hasText: /改为/ }).first().waitFor();
    } catch (error) {
      await shot('failed-quick-fix.png');
      throw error;
    }
    await shot('03-quick-fix.png');
    await partShot('quick-fix.png', ['.part.editor', '.part.panel']);
    // As a person does with the keyboard: move to the fix, Enter applies it.
    let title = '';
    for (let i = 0; i < 6; i++) {
      title = (
        await widget
          .locator('.monaco-list-row.focused')
          .innerText()
          .catch(() => '')
      ).trim();
      if (/改为/.test(title)) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.match(title, /改为/);
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await page.locator('.markers-panel').waitFor({ state: 'attached' });
    // The fixed line no longer has a problem: the panel's NB303 row for it disappears.
    await page.keyboard.press('Control+Shift+M');
    await page
      .locator('.markers-panel .monaco-list-row[aria-label*="予以公开·总计"]')
      .first()
      .waitFor({ state: 'detached' });
    assert.ok(title.length > 0);
    await shot('04-fixed.png');
  });

  test('completes a missing row by typing its pinyin initials', async () => {
    const source = readFileSync(join(WORKSPACE, 'examples', 'shifan-2024.nianbao.yaml'), 'utf8');
    // Another agency's report, so that the workspace index does not see a second report of the example's agency.
    const text = source
      .replace(/\n {4}予以公开: \[[^\]]*\]/, '')
      .replace('机关: 示范市临江区人民政府', '机关: 示范市临江区人民政府办公室');
    writeFileSync(join(WORKSPACE, 'typing.nianbao.yaml'), text);
    await quickOpen('typing.nianbao.yaml');
    await cursorAtEndOf('typing.nianbao.yaml', '本年度办理结果:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('yygk');
    const widget = page.locator('.editor-widget.suggest-widget');
    if (!(await widget.isVisible())) await page.keyboard.press('Control+Space');
    const first = widget.locator('.monaco-list-row').first();
    await widget.locator('.monaco-list-row', { hasText: '予以公开' }).first().waitFor();
    assert.match(await first.innerText(), /予以公开/, 'the wanted key is first');
    await shot('05-completion.png');
    await partShot('new-report.png', ['.part.editor']);
    await page.keyboard.press('Enter');
    await page
      .locator('.editor-instance .view-line', { hasText: /予以公开:/ })
      .first()
      .waitFor();
    await shot('06-completed.png');
  });

  test('opens the preview to the side: the table with the error cell marked, following edits', async () => {
    const report = join('examples', 'shifan-2024.nianbao.yaml');
    await quickOpen('shifan-2024.nianbao.yaml');
    // A slip in a total, not saved: the preview shows it on its cell.
    await typeOver(report, '行政复议: [', '1, 4]', '1, 5]');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('V');
    // webview = iframe.webview (host page) > iframe#active-frame (the extension's page)
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('table').first().waitFor();
    const marked = frame.locator('td.nb-error[title*="行政复议·总计"]').first();
    await marked.waitFor();
    assert.match((await marked.getAttribute('title')) ?? '', /行政复议·总计 应为 4/);
    assert.equal((await marked.innerText()).trim(), '5');
    assert.ok((await frame.locator('.nb-summary .nb-problem').count()) > 0, 'the summary lists the problems');
    await shot('07-preview.png');
    await partShot('preview.png', ['.part.editor']);
    // Correct it in the editor: the page follows without a save and the mark goes.
    await typeOver(report, '行政复议: [', '1, 4]', '1, 4]');
    await frame.locator('td.nb-error[title*="行政复议·总计"]').waitFor({ state: 'detached' });
    await frame.locator('.nb-summary .nb-problem').first().waitFor({ state: 'detached' });
    await shot('08-preview-updated.png');
  });
  test('imports a published report from the editor: a new unsaved report, the importer’s notes on top', async () => {
    // The preview beside the editor is not part of this picture (closing edited reports would ask to save them).
    await runCommand('Close Editors in Other Groups', /Close Editors in Other Groups/);
    await quickOpen('published-2022.txt');
    // The command's choice opens in the palette's own widget: seeing it is the palette accepted (waiting for the
    // widget to hide instead, a loaded machine pressed Enter again and that chose for us).
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: '从当前编辑器导入' }).first();
    await runCommand('导入年报', /导入年报/, pick);
    await pick.click();
    await page.locator('.tabs-container .tab.active', { hasText: '示范县卫生健康委员会-2022.nianbao.yaml' }).waitFor();
    await page.locator('.editor-instance .view-lines', { hasText: '由 nianbao import 从已发布原文导入' }).waitFor();
    await page.locator('.notifications-toasts .notification-toast', { hasText: /导入/ }).first().waitFor();
    await shot('09-import.png');
    await partShot('import.png', ['.part.editor']);
  });

  test('checks every report of the workspace into the Problems panel', async () => {
    await runCommand('检查所有年报', /检查所有年报|检查工作区中的所有年报/);
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: /已检查 \d+ 份年报/ })
      .first()
      .waitFor();
    await page.keyboard.press('Control+Shift+M');
    // Reports nobody opened are listed: one of the fixtures, found through the panel's filter.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.fill('nb304-appeal');
    await page.locator('.markers-panel .monaco-list-row[aria-label*="行政复议·总计 应为"]').first().waitFor();
    await filter.fill('');
    await page.locator('.markers-panel .monaco-list-row').nth(5).waitFor();
    await shot('10-check-workspace.png');
    await partShot('check-workspace.png', ['.part.editor', '.part.panel']);
  });

  test('exports the page; in VS Code in the browser the message offers the Explorer, not a browser it cannot reach', async () => {
    await quickOpen('caozhen-2020.nianbao.yaml');
    // code-server's own save dialog: a quick input holding the suggested path, titled 将 … 导出为 HTML; Enter accepts it.
    const input = page.locator('.quick-input-widget input.input[aria-label*="将 caozhen-2020.nianbao.yaml"]');
    await runCommand('导出为 HTML', /导出为 HTML/, input);
    await input.waitFor({ state: 'visible' });
    await acceptQuickInput(input);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: '已导出' }).first();
    await toast.waitFor();
    assert.equal(await toast.locator('.monaco-button', { hasText: '在浏览器中打开' }).count(), 0);
    await toast.locator('.monaco-button', { hasText: '在资源管理器中显示' }).click();
    await page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: 'caozhen-2020.html' }).waitFor();
    await shot('11-export-revealed.png');
  });
  test('the README’s picture: the report and its live preview, the wrong total marked where the cursor is', async () => {
    const report = join('examples', 'shifan-2024.nianbao.yaml');
    // Its editor is still open from the preview test (Quick Open would also list the closed preview by that name).
    const tab = page
      .locator('.tabs-container .tab', { hasText: 'shifan-2024.nianbao.yaml' })
      .filter({ hasNotText: '预览' });
    if ((await tab.count()) > 0) await tab.first().click();
    else await quickOpen('shifan-2024.nianbao.yaml');
    await page.locator('.tabs-container .tab.active', { hasText: 'shifan-2024.nianbao.yaml' }).waitFor();
    await typeOver(report, '行政复议: [', '1, 4]', '1, 5]');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('V');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('td.nb-error[title*="行政复议·总计"]').first().waitFor();
    // The report and its preview alone: no panel, no side bar; the cursor on the wrong total, its cell in view.
    await page.keyboard.press('Control+J');
    await page.keyboard.press('Control+B');
    await goToLine(lineOf(report, '行政复议: [').line);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await frame.locator('td.nb-error.nb-cursor[title*="行政复议·总计"]').waitFor();
    // No tooltip of the tab clicked last (the mouse rests below the text), no notifications of the earlier steps.
    await runCommand('Clear All Notifications', /Clear All Notifications/);
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden' });
    await page.mouse.move(300, 820);
    await page.locator('.monaco-hover, .custom-hover').first().waitFor({ state: 'hidden' });
    await shot('readme-preview.png');
  });
});
