/**
 * What a person does with the extension in VS Code (code-server, the packaged .vsix installed), driven with
 * Playwright: open a report from the explorer, read the Problems panel, complete a key by pinyin initials, apply a
 * quick fix from the light bulb, read the status bar. Each step leaves a screenshot in test/e2e/screenshots/.
 * Started by scripts/vscode/runE2e.mjs, which provides code-server and the environment.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

const URL = process.env.E2E_URL ?? '';
const WORKSPACE = process.env.E2E_WORKSPACE ?? '';
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const STATE = process.env.E2E_STATE ?? '';

let context: BrowserContext;
let page: Page;

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(SHOTS, name) });

/** Quick Open (Ctrl+P) a workspace file by name and wait for its editor. */
async function quickOpen(name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}

/** Put the cursor at the end of the first editor line containing `text`. */
async function cursorAtEndOf(text: string): Promise<void> {
  await page.locator('.editor-instance .view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
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
    await page.goto(`${URL}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
  });

  after(async () => {
    await context?.close();
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
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'NB303' }).first();
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /予以公开·总计 应为 \d+（自然人 \d+ .*），实为 \d+，相差 \d+/);
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
    await page.keyboard.press('Control+Shift+M'); // back to the editor
    await cursorAtEndOf('予以公开: [');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: /改为|修正/ }).first();
    await menu.waitFor();
    await shot('03-quick-fix.png');
    const title = (await menu.innerText()).trim();
    await menu.click();
    await page.locator('.markers-panel').waitFor({ state: 'attached' });
    // The fixed line no longer has a problem: the panel's NB303 row for it disappears.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: '予以公开·总计' }).waitFor({ state: 'detached' });
    assert.ok(title.length > 0);
    await shot('04-fixed.png');
  });

  test('completes a missing row by typing its pinyin initials', async () => {
    const source = readFileSync(join(WORKSPACE, 'examples', 'shifan-2024.nianbao.yaml'), 'utf8');
    writeFileSync(join(WORKSPACE, 'typing.nianbao.yaml'), source.replace(/\n {4}予以公开: \[[^\]]*\]/, ''));
    await quickOpen('typing.nianbao.yaml');
    await cursorAtEndOf('本年度办理结果:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('yygk');
    const widget = page.locator('.editor-widget.suggest-widget');
    if (!(await widget.isVisible())) await page.keyboard.press('Control+Space');
    const first = widget.locator('.monaco-list-row').first();
    await widget.locator('.monaco-list-row', { hasText: '予以公开' }).first().waitFor();
    assert.match(await first.innerText(), /予以公开/, 'the wanted key is first');
    await shot('05-completion.png');
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-line', { hasText: /予以公开:/ }).first().waitFor();
    await shot('06-completed.png');
  });
});
