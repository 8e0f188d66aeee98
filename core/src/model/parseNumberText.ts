/**
 * The number a text denotes when someone typed or pasted a number as a string: `"3,020.782"`, `"12"`,
 * full-width digits `"１２"`. Undefined when the text is not just a number.
 */
const FULL_WIDTH = /[０-９，．－]/g;
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function parseNumberText(text: string): number | undefined {
  const t = text
    .trim()
    .replace(FULL_WIDTH, (c) =>
      c === '，' ? ',' : c === '．' ? '.' : c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    );
  if (PLAIN.test(t)) return Number(t);
  if (GROUPED.test(t)) return Number(t.replace(/,/g, ''));
  return undefined;
}
