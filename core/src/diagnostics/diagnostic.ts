/** The core's diagnostic: offsets, a stable code, both languages, and what a quick fix needs. */
import type { Localized, YamlPath } from '../template/types';

export type Severity = 'error' | 'warning' | 'information';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface RelatedInformation {
  readonly range: Range;
  readonly path: YamlPath;
  readonly message: Localized;
  /** Another document (a cross-year check); absent for the same document. */
  readonly uri?: string;
}

/** What a quick fix does; the server turns it into a minimal text edit. */
export type FixData =
  /** Replace the value node at `range` by `value` (a total, a parsed number, a blank cell filled with 0). */
  | { readonly kind: 'setValue'; readonly value: number; readonly range: Range }
  /** Replace the key at `range` by the official label `key`. */
  | { readonly kind: 'renameKey'; readonly key: string; readonly range: Range }
  /** Insert the missing keys (template ids) of the mapping at `path`, with zeros. */
  | { readonly kind: 'insertMissing'; readonly path: YamlPath; readonly ids: readonly string[] }
  /** Replace the text at `range` by `text` (a number in the narrative, an edition value). */
  | { readonly kind: 'replaceText'; readonly text: string; readonly range: Range };

export interface Diagnostic {
  /** Stable code: NB1xx syntax, NB2xx schema, NB3xx invariants (NB3nn = invariant nn of the reference). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: Localized;
  readonly range: Range;
  /** YAML path of the node at fault: keys and sequence indexes. */
  readonly path: YamlPath;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: FixData;
}

export type Lang = 'zh' | 'en';

export function localize(text: Localized, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
