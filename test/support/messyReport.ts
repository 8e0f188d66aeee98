/**
 * A report as a person might type it: the same values in any layout YAML allows — keys in any order, two to four
 * spaces per level, rows as flow sequences with odd spacing, over several lines or as block sequences, quoted keys,
 * comments and blank lines anywhere, CRLF. For the formatter's property tests.
 */
import fc from 'fast-check';
import { TEMPLATES } from '../../core/src/index';
import type { ReportData, TemplateNode } from '../../core/src/index';

export interface MessyStyle {
  /** Comments and blank lines anywhere they may go. */
  readonly decorate: boolean;
  readonly crlf: boolean;
}

const COMMENTS = ['# 注：按原文录入', '# TODO 核对', '#无空格', '# 含 # 号', '# 自然人, 商业企业'];

/** The report `data` as a person might type it: same values, any layout YAML allows. */
export function messyReport(data: ReportData, g: fc.GeneratorValue, style: MessyStyle): string {
  // Every style choice drawn by fast-check (`fc.gen()`), so that a failure shrinks to the fewest odd choices.
  const rand = (): number => g(fc.double, { min: 0, max: 1, maxExcluded: true, noNaN: true });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number): boolean => rand() < p;
  const out: string[] = [];
  const comment = (indent: string): void => {
    if (!style.decorate) return;
    if (chance(0.08)) out.push('');
    if (chance(0.08)) out.push(`${chance(0.3) ? '' : indent}${pick(COMMENTS)}`);
  };
  const trailing = (): string =>
    style.decorate && chance(0.1) ? `${' '.repeat(1 + Math.floor(rand() * 5))}${pick(COMMENTS)}` : '';
  const shuffled = <T>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const number = (v: number | null): string => (v === null ? pick(['null', '~']) : String(v));
  const sep = (): string => pick([',', ', ', ' ,', ' , ', ',  ']);
  const row = (key: string, values: readonly (number | null)[], indent: string, step: string): void => {
    const kind = values.length === 1 ? 'scalar' : pick(['flow', 'flow', 'spaced', 'lines', 'block']);
    // A tab after the colon is YAML, but js-yaml refuses it before a flow sequence ("deficient indentation").
    const colon = pick([': ', ':  ']);
    if (kind === 'scalar') out.push(`${indent}${key}${pick([': ', ':  ', ':\t'])}${number(values[0])}${trailing()}`);
    else if (kind === 'flow') out.push(`${indent}${key}${colon}[${values.map(number).join(sep())}]${trailing()}`);
    else if (kind === 'spaced') out.push(`${indent}${key}${colon}[ ${values.map(number).join(sep())} ]${trailing()}`);
    else if (kind === 'lines') {
      out.push(`${indent}${key}:`);
      out.push(`${indent}${step}[${values.map(number).join(',\n' + indent + step + ' ')}]${trailing()}`);
    } else {
      out.push(`${indent}${key}:${trailing()}`);
      const itemIndent = chance(0.5) ? indent : `${indent}${step}`;
      for (const v of values) out.push(`${itemIndent}- ${number(v)}`);
    }
  };
  const node = (n: TemplateNode, indent: string): void => {
    const key = style.decorate && chance(0.05) ? `"${n.key}"` : n.key;
    comment(indent);
    switch (n.kind) {
      case 'meta': {
        const value =
          n.id === 'meta.edition'
            ? String(data.edition)
            : n.id === 'meta.agency'
              ? data.agency
              : n.id === 'meta.year'
                ? String(data.year)
                : n.id === 'meta.published'
                  ? data.published
                  : data.agencyType;
        if (value !== undefined) out.push(`${indent}${key}: ${value}${trailing()}`);
        return;
      }
      case 'text': {
        const text = data.texts?.[n.id] ?? '';
        out.push(`${indent}${key}: |${trailing()}`);
        for (const line of text.replace(/\n$/, '').split('\n')) out.push(line ? `${indent}  ${line}` : '');
        return;
      }
      case 'row':
        row(key, data.rows?.[n.id] ?? n.columns.map(() => 0), indent, pick(['  ', '   ', '    ']));
        return;
      case 'group': {
        out.push(`${indent}${key}:${trailing()}`);
        const step = pick(['  ', '   ', '    ']);
        for (const child of shuffled(n.children)) node(child, `${indent}${step}`);
        if (style.decorate && chance(0.1)) out.push(`${indent}${step}${pick(COMMENTS)}`);
      }
    }
  };
  if (style.decorate && chance(0.5)) out.push(pick(COMMENTS), '');
  for (const n of shuffled(TEMPLATES[data.edition].root.children)) node(n, '');
  return `${out.join(style.crlf ? '\r\n' : '\n')}${style.crlf ? '\r\n' : '\n'}`;
}
