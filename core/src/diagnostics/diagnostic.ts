/** The core's diagnostic: offsets, a stable code, both languages, and what a quick fix needs. */
import type { SyntaxRepair } from '../syntax/repairable';
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
  /**
   * Insert the missing keys (template ids) of the mapping at `path`, with zeros; `agencyType` is the value of a
   * `机关类型` to insert (the author's choice between the two, offered as two fixes).
   */
  | {
      readonly kind: 'insertMissing';
      readonly path: YamlPath;
      readonly ids: readonly string[];
      readonly agencyType?: '人民政府' | '部门';
    }
  /** Replace the text at `range` by `text` (a number in the narrative, an edition value). */
  | { readonly kind: 'replaceText'; readonly text: string; readonly range: Range }
  /**
   * Comment out every line from the line of `range.start` to the line of `range.end` (a later duplicate key, a
   * second document, a key that cannot be a label): nothing is lost, the text stays in the file as comments.
   */
  | { readonly kind: 'commentOut'; readonly range: Range }
  /**
   * Repair a syntax error whose correction the text decides (`core/src/edits/repairSyntax.ts`): close a flow
   * collection or a quote on its line, indent with spaces instead of tabs. `at` is where the error was found.
   */
  | { readonly kind: 'repairSyntax'; readonly repair: SyntaxRepair; readonly at: number }
  /** Remove the custom tag at `range` and keep the value at `path`, when that value then reads correctly. */
  | { readonly kind: 'dropTag'; readonly range: Range; readonly path: YamlPath }
  /** Replace the alias at `range` by the text of the node its anchor `name` marks. */
  | { readonly kind: 'expandAlias'; readonly range: Range; readonly name: string }
  /** Replace the scalar at `range` (`无`) by the rows of the table at `path`, with zeros. */
  | { readonly kind: 'fillTable'; readonly range: Range; readonly path: YamlPath }
  /**
   * Write the row at `path`, given as the other edition's sub-rows (2019 （六）其他处理 as 2021's three), as their
   * sum; the sub-rows stay as comments.
   */
  | { readonly kind: 'sumRows'; readonly path: YamlPath }
  /** Write 0 into every blank cell NB206 reports, of the table with this template id or of the whole report. */
  | { readonly kind: 'fillBlanks'; readonly table?: string };

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
  /** Further fixes, each its own action: the other choices when the text does not decide between them. */
  readonly fixes?: readonly FixData[];
}

export type Lang = 'zh' | 'en';

export function localize(text: Localized, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
