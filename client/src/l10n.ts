/**
 * The client's strings: `vscode.l10n` (VS Code's display language, bundle `l10n/bundle.l10n.zh-cn.json`), unless
 * the `nianbao.language` setting forces Chinese or English; then the same bundle is read directly.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

let zhBundle: Record<string, string> | undefined;
let bundleDir: string | undefined;

export function initL10n(context: vscode.ExtensionContext): void {
  bundleDir = vscode.Uri.joinPath(context.extensionUri, 'l10n').fsPath;
}

function zh(): Record<string, string> {
  if (!zhBundle) {
    try {
      zhBundle = JSON.parse(readFileSync(`${bundleDir}/bundle.l10n.zh-cn.json`, 'utf8')) as Record<string, string>;
    } catch {
      zhBundle = {};
    }
  }
  return zhBundle;
}

function format(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) =>
    args[Number(i)] === undefined ? whole : String(args[Number(i)]),
  );
}

export function configuredLanguage(): 'auto' | 'zh' | 'en' {
  const value = vscode.workspace.getConfiguration('nianbao').get<string>('language', 'auto');
  return value === 'zh' || value === 'en' ? value : 'auto';
}

export function t(message: string, ...args: (string | number)[]): string {
  switch (configuredLanguage()) {
    case 'en':
      return format(message, args);
    case 'zh':
      return format(zh()[message] ?? message, args);
    default:
      return vscode.l10n.t(message, ...args);
  }
}
