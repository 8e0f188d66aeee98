/**
 * Every diagnostic code with its severity and what it means, for documentation (the code tables of the README and
 * docs/format.md are generated from this) and for tooling that lists the checks. The rules' codes (single-report and across reports)
 * come from the rules themselves.
 */
import { YEAR_PAIR_RULES, nb320DuplicateReport } from './allCrossRules';
import { RULES } from './allRules';
import type { Localized } from '../template/types';
import type { Severity } from '../diagnostics/diagnostic';

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly title: Localized;
  /** Also reported as information where the rule cannot decide (NB313 without a kind of body). */
  readonly alsoInformation?: boolean;
}

/** Codes reported by the parsers and the schema, which are not rules of their own. */
const BUILT_IN: readonly CodeInfo[] = [
  {
    code: 'NB101',
    severity: 'error',
    title: {
      zh: 'YAML 语法错误（标在出错处；未闭合的引号、括号标在开始处）',
      en: 'YAML syntax error (at the error; an unclosed quote or bracket where it opens)',
    },
  },
  {
    code: 'NB102',
    severity: 'error',
    title: {
      zh: '同一层的键重复（第一次出现的值参与检查）',
      en: 'Duplicate key at one level (the first occurrence is checked)',
    },
  },
  {
    code: 'NB103',
    severity: 'error',
    title: { zh: '不支持的标签：只用 YAML 1.2 核心模式', en: 'Unsupported tag: YAML 1.2 core schema only' },
  },
  {
    code: 'NB104',
    severity: 'error',
    title: {
      zh: '不支持锚点引用（*名称）：请直接写出数值（超过 100 个时整个文件不检查）',
      en: 'Aliases (*name) are not supported: write the values out (past 100, the file is not checked)',
    },
  },
  {
    code: 'NB105',
    severity: 'error',
    title: { zh: '一个文件只能有一份年报（一个 YAML 文档）', en: 'One report (one YAML document) per file' },
  },
  {
    code: 'NB106',
    severity: 'error',
    title: { zh: '嵌套过深，不是年报的结构，未检查', en: 'Nesting far too deep for a report; not checked' },
  },
  {
    code: 'NB107',
    severity: 'error',
    title: {
      zh: '文件过大（超过约 1678 万个字符或 100 万项），未检查',
      en: 'File too large (over 16.8 million characters or a million items); not checked',
    },
  },
  {
    code: 'NB108',
    severity: 'error',
    title: {
      zh: '不是 UTF-8 文本（二进制、UTF-16、GBK 等），未检查',
      en: 'Not UTF-8 text (binary, UTF-16, GBK, …); not checked',
    },
  },
  { code: 'NB109', severity: 'error', title: { zh: '文件为空（或只有注释）', en: 'Empty file (or only comments)' } },
  {
    code: 'NB110',
    severity: 'information',
    title: { zh: '问题过多，只列出前 1000 个', en: 'Too many problems: only the first 1000 are listed' },
  },
  {
    code: 'NB201',
    severity: 'error',
    title: {
      zh: '模板中没有这一项（标在键上，并给出最接近的正式标签）',
      en: 'Not an item of the template (on the key, with the nearest official label)',
    },
  },
  {
    code: 'NB202',
    severity: 'error',
    title: { zh: '缺少模板中的项（标在上一级的键上）', en: 'Items of the template are missing (on the parent key)' },
  },
  {
    code: 'NB203',
    severity: 'error',
    title: {
      zh: '值的类型不对（应为一个数、一行数、文字或分项）',
      en: 'Wrong kind of value (a number, a row, text or a mapping was expected)',
    },
  },
  {
    code: 'NB204',
    severity: 'error',
    title: {
      zh: '一行中数的个数与列数不符（这一行不参与勾稽核对）',
      en: 'A row has the wrong number of values (it is left out of the sums)',
    },
  },
  {
    code: 'NB208',
    severity: 'error',
    title: {
      zh: '格式、机关、年度、发布日期或机关类型的取值不对',
      en: 'Invalid 格式, 机关, 年度, 发布日期 or 机关类型',
    },
  },
];

/** All codes in code order. */
export function allCodes(): readonly CodeInfo[] {
  const rules: CodeInfo[] = [...RULES, ...YEAR_PAIR_RULES, nb320DuplicateReport].map((r) => ({
    code: r.code,
    severity: 'severity' in r && r.severity ? r.severity : 'error',
    title: r.title,
    ...('alsoInformation' in r && r.alsoInformation ? { alsoInformation: true } : {}),
  }));
  return [...BUILT_IN, ...rules].sort((a, b) => a.code.localeCompare(b.code));
}
