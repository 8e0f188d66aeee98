/**
 * The server's own strings (code action titles, command results) through `@vscode/l10n`: English in the code,
 * Chinese from the same `l10n/bundle.l10n.zh-cn.json` the VS Code client uses. The core's messages carry both
 * languages themselves.
 */
import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../core/src/index';

const BUNDLE = 'bundle.l10n.zh-cn.json';
let current: Lang | undefined;

/** dist/server.js (bundled) or out/server/src/l10n.js (compiled): the bundle lives in l10n/ at the package root. */
function bundlePath(): string | undefined {
  for (const up of [['..'], ['..', '..', '..']]) {
    const candidate = join(__dirname, ...up, 'l10n', BUNDLE);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function useLanguage(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  const path = lang === 'zh' ? bundlePath() : undefined;
  if (path) l10n.config({ fsPath: path });
  else l10n.config({ contents: {} });
}

export const t = l10n.t;
