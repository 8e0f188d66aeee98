/**
 * The preview webview's page: `media/preview.html` with its placeholders filled — a fresh nonce for the one style
 * sheet and the one script (both from the extension's media folder), the resource URIs and the title. Nothing
 * here knows VS Code, so the browser tests load exactly this output.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shell's file in the media folder. */
export const SHELL_FILE = 'preview.html';
export const SCRIPT_FILE = 'preview.js';
export const STYLE_FILE = 'preview.css';

export interface ShellValues {
  /** Base64 nonce, new for every page. */
  readonly nonce: string;
  /** Webview URIs of `media/preview.css` and `media/preview.js`. */
  readonly styleUri: string;
  readonly scriptUri: string;
  /** The document title (plain text; escaped here). */
  readonly title: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/** 128 random bits, base64: what the CSP's `'nonce-…'` and the tags' `nonce` attribute carry. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** A page template of the media folder: the preview's (also the comparison's) by default, or the trends page's. */
export function readShell(mediaDir: string, file = SHELL_FILE): string {
  return readFileSync(join(mediaDir, file), 'utf8');
}

/** The shell template with every `{{name}}` replaced by its value, HTML-escaped; an unknown name is an error. */
export function previewShell(template: string, values: ShellValues & { readonly [name: string]: string }): string {
  // A nonce outside base64 could end the CSP's quoted source or the attribute: refuse it rather than escape it.
  if (!NONCE.test(values.nonce)) throw new Error('the preview nonce must be base64 of at least 12 random bytes');
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = (values as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'string') throw new Error(`no value for {{${name}}} in the preview shell`);
    return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
  });
}
