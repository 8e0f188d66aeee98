/** `--format json`: the stable machine-readable shape, 1-based lines and columns. */
import { LineIndex, localize } from '../../core/src/index';
import type { Diagnostic, Lang } from '../../core/src/index';

export interface JsonDiagnostic {
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly path: readonly (string | number)[];
}

export interface JsonFileResult {
  readonly file: string;
  readonly diagnostics: readonly JsonDiagnostic[];
}

export function toJsonFile(file: string, text: string, diagnostics: readonly Diagnostic[], lang: Lang): JsonFileResult {
  const index = new LineIndex(text);
  return {
    file,
    diagnostics: diagnostics.map((d) => {
      const s = index.positionAt(d.range.start);
      const e = index.positionAt(d.range.end);
      return {
        severity: d.severity,
        code: d.code,
        message: localize(d.message, lang),
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        path: [...d.path],
      };
    }),
  };
}
