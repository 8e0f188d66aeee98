/**
 * What a cell written in words says, as published reports print them (E8, E11): a placeholder for a blank
 * (`/`, `—`, `无`), or a number with its unit (`35件`, `251000元`, `1256.38万元`). Such a cell is not read as a
 * number (the sums through it are skipped); the schema finding says what to write instead.
 */
import { parseNumberText } from './parseNumberText';

export type CellText =
  { readonly kind: 'placeholder' } | { readonly kind: 'withUnit'; readonly value: number; readonly unit: string };

const PLACEHOLDER = /^(?:[/／\\]|[—–\-－─]+|无|空|空白|[×xX])$/;
const WITH_UNIT = /^([-－]?[\d０-９][\d０-９,，.．]*)\s*(万元|元|件|个|项|次|条)$/;

export function readCellText(text: string): CellText | undefined {
  const t = text.trim();
  if (PLACEHOLDER.test(t)) return { kind: 'placeholder' };
  const m = WITH_UNIT.exec(t);
  if (!m) return undefined;
  const value = parseNumberText(m[1]);
  return value === undefined ? undefined : { kind: 'withUnit', value, unit: m[2] };
}
