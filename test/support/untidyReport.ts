/**
 * A report as someone might have typed it: four spaces a level for keys and rows (the narrative's lines as they
 * were), rows as `[ a ,b ]`, 年度 before 格式. The same values; the formatter puts it back.
 */
export function untidyReport(text: string): string {
  const lines = text
    .split('\n')
    // Keys and rows one level = four spaces; the narrative's lines (no ASCII colon) as they were.
    .map((l) => (/^ +[^\s#][^:]*:(\s|$)/.test(l) ? l.replace(/^( +)/, '$1$1') : l))
    .map((l) => l.replace(/\[(.*)\]$/, (_, inner: string) => `[ ${inner.split(', ').join(' ,')} ]`));
  const year = lines.findIndex((l) => l.startsWith('年度:'));
  const [yearLine] = lines.splice(year, 1);
  lines.splice(1, 0, yearLine);
  return lines.join('\n');
}
