/** Human output: `file:line:column: severity code message`, then a code frame with a caret under the range. */
import { LineIndex, localize } from '../../core/src/index';
import type { Diagnostic, Lang } from '../../core/src/index';
import { strings } from './strings';

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** The text of another input (for related locations in other files), by the name it was given under. */
export type TextOf = (uri: string) => string | undefined;

export function formatFileHuman(
  file: string,
  text: string,
  diagnostics: readonly Diagnostic[],
  lang: Lang,
  color: boolean,
  textOf: TextOf = () => undefined,
): string {
  const c = (k: keyof typeof COLORS, s: string): string => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  const sev = strings(lang).severity;
  const index = new LineIndex(text);
  const out: string[] = [];
  for (const d of diagnostics) {
    const start = index.positionAt(d.range.start);
    const end = index.positionAt(d.range.end);
    out.push(
      `${c('bold', `${file}:${start.line + 1}:${start.character + 1}`)}: ${c(d.severity, sev[d.severity])} ${c('dim', d.code)} ${localize(d.message, lang)}`,
    );
    if (text.length === 0 || index.lineCount === 0) continue;
    const gutter = String(start.line + 2).length;
    const first = Math.max(0, start.line - 1);
    for (let line = first; line <= Math.min(start.line + 1, index.lineCount - 1); line++) {
      const body = index.lineText(line);
      const shown = body.length > 160 ? `${body.slice(0, 160)}…` : body;
      const mark = line === start.line ? '>' : ' ';
      out.push(c('dim', `${mark} ${String(line + 1).padStart(gutter)} | `) + shown);
      if (line === start.line) {
        const lead = displayWidth(body.slice(0, start.character));
        const lastChar = end.line === start.line ? end.character : body.length;
        const span = Math.max(1, displayWidth(body.slice(start.character, Math.min(lastChar, 160))));
        out.push(c('dim', `  ${' '.repeat(gutter)} | `) + ' '.repeat(lead) + c(d.severity, '^'.repeat(span)));
      }
    }
    // A finding that rests on another file (last year's report, a duplicate) says where to look.
    for (const r of d.related ?? []) {
      if (r.uri === undefined) continue;
      const other = textOf(r.uri);
      const at =
        other === undefined
          ? ''
          : (() => {
              const p = new LineIndex(other).positionAt(r.range.start);
              return `:${p.line + 1}:${p.character + 1}`;
            })();
      out.push(c('dim', `  = ${strings(lang).seeAlso} ${r.uri}${at} `) + localize(r.message, lang));
    }
    out.push('');
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
