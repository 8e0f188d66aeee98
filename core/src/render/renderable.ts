/**
 * Whether an analysed text holds a report to publish. The export (CLI `render`, the editor's 导出为 HTML) refuses
 * input that does not: unreadable bytes, an over-large or over-deep text, an empty file, or a top level that is
 * not a mapping of keys. The preview shows whatever there is, so only the export asks.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { RenderInput } from './renderReport';

/** Findings after which there is no report to show (too deep, too large, binary, empty). */
const FATAL = new Set(['NB106', 'NB107', 'NB108', 'NB109']);

export interface NotRenderable {
  /** The finding that explains it; absent when the text parses but its top level is not a mapping. */
  readonly reason?: Diagnostic;
}

/** `undefined` when `input` can be exported as a page; otherwise why not. */
export function notRenderable(input: RenderInput): NotRenderable | undefined {
  const fatal = input.diagnostics.find((d) => FATAL.has(d.code));
  if (fatal) return { reason: fatal };
  if (!input.doc.root || input.doc.root.kind !== 'map') return {};
  return undefined;
}
