/**
 * What a rendered element says of its place in the report for the editor (the preview's and the comparison's clicks
 * reveal it), and the findings on it as its tooltip lines.
 */
import type { Diagnostic, Lang, Range } from '../diagnostics/diagnostic';
import { localize } from '../diagnostics/diagnostic';
import type { YamlPath } from '../template/types';
import { escapeHtml } from './escapeHtml';

/** ` data-path="…"`, and ` data-start="…" data-end="…"` when the range is known. */
export function sourceAttributes(path: YamlPath, range: Range | undefined): string {
  const at = ` data-path="${escapeHtml(JSON.stringify(path))}"`;
  return range ? `${at} data-start="${range.start}" data-end="${range.end}"` : at;
}

/** One line per finding, its code and message: the text a marked cell's tooltip adds. */
export function findingLines(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return diagnostics.map((d) => `${d.code} ${localize(d.message, lang)}`).join('\n');
}
