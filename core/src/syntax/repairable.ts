/**
 * Which syntax errors a quick fix can repair from the text alone (the repair itself is in
 * `core/src/edits/repairSyntax.ts`): a flow collection or a quoted scalar left open on its line, and tabs used
 * for indentation. Classified by the recovering parser's error code, js-yaml's wording, and the error's line.
 */
import type { SyntaxError } from './tree';

export type SyntaxRepair = 'closeFlow' | 'closeQuote' | 'tabIndent';

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl < 0 ? text.length : nl);
}

export function syntaxRepairOf(text: string, error: SyntaxError): SyntaxRepair | undefined {
  if (error.kind !== 'syntax') return undefined;
  const { detail, code } = error;
  if (code === 'TAB_AS_INDENT' || /tab characters/i.test(detail) || /^ *\t/.test(lineAt(text, error.start)))
    return 'tabIndent';
  if ((code === 'MISSING_CHAR' && /quote/i.test(detail)) || /within a (?:double|single) quoted scalar/i.test(detail))
    return 'closeQuote';
  if (
    (code === 'BAD_INDENT' && /flow (?:sequence|map)/i.test(detail)) ||
    (code === 'MISSING_CHAR' && /[\]}]/.test(detail)) ||
    /within a flow collection/i.test(detail)
  ) {
    return 'closeFlow';
  }
  return undefined;
}
