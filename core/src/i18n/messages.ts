/**
 * Every diagnostic message of the core, in Chinese and English side by side. English sentences keep the
 * report's Chinese labels, because those are the keys the reader has to find in the file.
 */
import type { Localized } from '../template/types';

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Six decimals is the most a 万元 amount carries in practice; drop binary noise beyond that.
  return String(Math.round(n * 1e6) / 1e6);
}

export interface Term {
  readonly label: string;
  readonly value: number;
  readonly sign?: 1 | -1;
}

/** `予以公开 5 + 部分公开 3 − 总计 4`; zero terms are left out, all-zero gives `0`. */
export function arithmetic(terms: readonly Term[]): string {
  const shown = terms.filter((t) => t.value !== 0);
  if (shown.length === 0) return '0';
  return shown
    .map((t, i) => {
      const op = t.sign === -1 ? ' − ' : i === 0 ? '' : ' + ';
      return `${op}${t.label} ${fmt(t.value)}`;
    })
    .join('')
    .replace(/^ − /, '−');
}

/**
 * The parsers word their errors in English; a Chinese reader gets the same finding in Chinese, by the `yaml`
 * package's error code or, for js-yaml's verdicts, by its wording. Unknown errors keep the parser's words.
 */
function syntaxZh(detail: string, code: string | undefined): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return '不能用制表符（Tab）缩进，请改用空格';
    case 'BAD_INDENT':
      if (/flow sequence/i.test(detail)) return '方括号 [ 没有闭合（缺少 ]），或换行后的缩进不够';
      if (/flow map/i.test(detail)) return '花括号 { 没有闭合（缺少 }），或换行后的缩进不够';
      if (/block scalar lines/i.test(detail)) return '多行文字中这一行的缩进比第一行少：请与第一行对齐';
      return '缩进不正确：同一层的各项应从同一列开始';
    case 'MISSING_CHAR':
      if (/quote/i.test(detail)) return '引号没有闭合';
      if (/\]/.test(detail)) return '方括号 [ 没有闭合（缺少 ]）';
      if (/\}/.test(detail)) return '花括号 { 没有闭合（缺少 }）';
      if (/map values/i.test(detail)) return '键后面缺少冒号：键和值之间要写「: 」（冒号后加一个空格）';
      return `缺少字符（${detail}）`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return '一行里出现了两个「键: 值」；文字中含有「: 」时请给文字加引号';
    case 'MULTILINE_IMPLICIT_KEY':
      return '键必须写在同一行（可能缺少冒号，或缩进不对）';
    case 'UNEXPECTED_TOKEN':
      return `多余的符号（${detail}）`;
    case 'BAD_DQ_ESCAPE':
      return '双引号内的反斜杠转义无效；要写反斜杠请写 \\\\，或改用单引号';
    case 'BAD_SCALAR_START':
      return '以 @ 或 ` 开头的文字需要加引号';
    case 'BLOCK_IN_FLOW':
      return '方括号或花括号内不能换成块格式书写';
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return '锚点（&）或标签（!）的写法不正确';
    case 'KEY_OVER_1024_CHARS':
      return '键太长（超过 1024 个字符），可能缺少换行或冒号';
    case 'BAD_DIRECTIVE':
      return '无效的 YAML 指令（以 % 开头的行）';
    case undefined:
      break;
    default:
      return detail;
  }
  if (/tab characters/i.test(detail)) return '不能用制表符（Tab）缩进，请改用空格';
  if (/end of the stream or a document separator is expected/i.test(detail)) {
    return '这里的内容不属于上文的结构（检查缩进，或是否把「键: 值」与列表「- 」混在了同一层）';
  }
  if (/within a flow collection/i.test(detail)) return '方括号或花括号没有闭合';
  if (/missed comma between flow collection entries/i.test(detail)) return '方括号内的各项之间缺少逗号';
  if (/multiline key may not be an implicit key|implicit key/i.test(detail))
    return '键必须写在同一行（可能缺少冒号，或缩进不对）';
  if (/unidentified alias/i.test(detail)) return '锚点引用（*）没有对应的锚点（&）';
  if (/non-printable characters/i.test(detail)) return '文件含有不可打印的控制字符';
  if (/deficient indentation|bad indentation/i.test(detail)) return '缩进不正确';
  if (/escape sequence/i.test(detail)) return '双引号内的反斜杠转义无效';
  if (/end of the stream within a (?:double|single) quoted scalar/i.test(detail)) return '引号没有闭合';
  return detail;
}

export const M = {
  // ---- NB1xx syntax ----
  /** `code`: the recovering parser's error code; `detail`: a parser's English wording. */
  syntax: (detail: string, code?: string): Localized => ({
    zh: `YAML 语法错误：${syntaxZh(detail, code)}`,
    en: `YAML syntax error: ${detail}`,
  }),
  syntaxUnrecovered: (detail: string): Localized => ({
    zh: `YAML 语法错误：${syntaxZh(detail, undefined)}。文件很大，修正此处后才能检查其余内容`,
    en: `YAML syntax error: ${detail}. The file is very large: the rest is checked once this is fixed`,
  }),
  duplicateKey: (key: string): Localized => ({
    zh: `键「${key}」重复出现；每个键在同一层只能出现一次`,
    en: `Duplicate key "${key}": a key may appear only once at one level`,
  }),
  duplicateKeyFirst: (key: string): Localized => ({
    zh: `「${key}」第一次出现在这里`,
    en: `First occurrence of "${key}"`,
  }),
  tag: (tag: string): Localized => ({
    zh: `不支持标签 ${tag}：年报只使用 YAML 1.2 核心模式（数字、文本、null）`,
    en: `Tag ${tag} is not supported: reports use the YAML 1.2 core schema only (numbers, text, null)`,
  }),
  alias: (name: string): Localized => ({
    zh: `不支持锚点引用 *${name}：请直接写出数值`,
    en: `Alias *${name} is not supported: write the values out`,
  }),
  anchorHere: (name: string): Localized => ({ zh: `锚点 &${name} 标记的值`, en: `The value anchor &${name} marks` }),
  multiDocument: (): Localized => ({
    zh: '一个文件只能包含一份年报（发现多个 YAML 文档 ---）',
    en: 'A file holds one report only (found several YAML documents ---)',
  }),
  tooDeep: (): Localized => ({
    zh: '嵌套层级过深，不是年报的结构；未检查此文件',
    en: 'Nesting is far too deep for a report; the file was not checked',
  }),
  tooLarge: (units: number, limit: number): Localized => ({
    zh: `文件过大（约 ${Math.round(units / 1e4)} 万个字符，上限约 ${Math.round(limit / 1e4)} 万个），未检查`,
    en: `File too large (${(units / 1e6).toFixed(1)} million characters, limit ${(limit / 1e6).toFixed(1)} million); not checked`,
  }),
  tooLargeFile: (bytes: number, limit: number): Localized => ({
    zh: `文件过大（${(bytes / 1048576).toFixed(1)} MB，超过 ${(limit / 1048576).toFixed(0)} MB 的文件不读取），未检查`,
    en: `File too large (${(bytes / 1048576).toFixed(1)} MB; files over ${(limit / 1048576).toFixed(0)} MB are not read); not checked`,
  }),
  tooManyItems: (items: number, limit: number): Localized => ({
    zh: `文件的结构过大（约 ${items.toLocaleString('en')} 项，上限 ${limit.toLocaleString('en')} 项），不是年报的结构；未检查此文件`,
    en: `The file has far too many items for a report (about ${items.toLocaleString('en')}, limit ${limit.toLocaleString('en')}); not checked`,
  }),
  tooManyAliases: (aliases: number, limit: number): Localized => ({
    zh: `文件含有 ${aliases} 个锚点引用（*名称），超过上限 ${limit} 个；年报不使用锚点，请直接写出数值。未检查此文件`,
    en: `The file has ${aliases} aliases (*name), over the limit of ${limit}; reports use no anchors, write the values out. Not checked`,
  }),
  binary: (): Localized => ({
    zh: '这不是文本文件（含有二进制内容），无法作为年报检查',
    en: 'This is not a text file (binary content); it cannot be checked as a report',
  }),
  utf16: (): Localized => ({
    zh: '文件是 UTF-16 编码：请另存为 UTF-8 编码后再检查',
    en: 'The file is encoded in UTF-16: save it as UTF-8 and check again',
  }),
  notUtf8: (): Localized => ({
    zh: '文件不是 UTF-8 编码（可能是 GBK/GB18030）：请另存为 UTF-8 编码后再检查',
    en: 'The file is not UTF-8 (perhaps GBK/GB18030): save it as UTF-8 and check again',
  }),
  empty: (): Localized => ({
    zh: '文件为空：请先写入「格式」「机关」「年度」，或用“新建年报”（命令行：nianbao init）生成完整框架',
    en: 'The file is empty: start with 格式, 机关 and 年度, or create a skeleton with "New report" (command line: nianbao init)',
  }),

  // ---- NB2xx schema ----
  notMapping: (): Localized => ({
    zh: '年报应为键值结构（格式: 2021、机关: …、年度: …）',
    en: 'A report is a mapping of keys (格式: 2021, 机关: …, 年度: …)',
  }),
  unknownKey: (key: string, where: string, suggestion: string | undefined): Localized => ({
    zh: `「${where}」下没有「${key}」这一项${suggestion ? `；是否应为「${suggestion}」？` : ''}`,
    en: `"${key}" is not an item of ${where}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
  }),
  emptyKey: (where: string, suggestion?: string): Localized => ({
    zh: `「${where}」下有一项缺少键名（冒号前为空）${suggestion ? `；按其数值是否应为「${suggestion}」？` : ''}`,
    en: `An item under ${where} has no key (nothing before the colon)${suggestion ? `; by its values, did you mean "${suggestion}"?` : ''}`,
  }),
  keyNotText: (): Localized => ({
    zh: '键应为文字（模板中的标签），不能是列表或键值结构',
    en: 'A key must be text (a label of the template), not a list or a mapping',
  }),
  moreUnknownKeys: (where: string, count: number, first: string): Localized => ({
    zh: `「${where}」下还有 ${count} 个不属于模板的项（从「${first}」起），未逐一列出`,
    en: `${count} more keys under ${where} are not items of the template (from "${first}" on); not listed one by one`,
  }),
  tooManyProblems: (count: number, listed: number): Localized => ({
    zh: `另有 ${count} 个问题未列出（只列出前 ${listed} 个）；请先修正上面的问题`,
    en: `${count} more problems are not listed (only the first ${listed}); fix the ones above first`,
  }),
  missingKeys: (where: string, labels: readonly string[]): Localized => ({
    // Labels carry their own 、 (`一、总体情况`), so each is quoted.
    zh: `「${where}」缺少 ${labels.length} 项：${labels.map((l) => `「${l}」`).join('、')}`,
    en: `${where} is missing ${labels.length} item${labels.length > 1 ? 's' : ''}: ${labels.map((l) => `"${l}"`).join(', ')}`,
  }),
  expectedRow: (label: string, columns: readonly string[]): Localized => ({
    zh: `「${label}」应为一行 ${columns.length} 个数：[${columns.join(', ')}]`,
    en: `"${label}" should be a row of ${columns.length} numbers: [${columns.join(', ')}]`,
  }),
  expectedNumber: (label: string): Localized => ({ zh: `「${label}」应为一个数`, en: `"${label}" should be a number` }),
  expectedMapping: (label: string, count: number): Localized => ({
    zh: `「${label}」应包含 ${count} 项（按模板逐项填写）`,
    en: `"${label}" should contain ${count} items (one per template line)`,
  }),
  expectedText: (label: string): Localized => ({ zh: `「${label}」应为文字`, en: `"${label}" should be text` }),
  rowLength: (label: string, columns: readonly string[], actual: number): Localized => ({
    zh: `「${label}」应有 ${columns.length} 个数（${columns.join('、')}），实有 ${actual} 个`,
    en: `"${label}" needs ${columns.length} values (${columns.join(', ')}), has ${actual}`,
  }),
  numberAsText: (cell: string, text: string, value: number): Localized => ({
    zh: `${cell} 写成了文字 "${text}"，应为数字 ${fmt(value)}`,
    en: `${cell} is written as text "${text}"; it should be the number ${fmt(value)}`,
  }),
  placeholderCell: (cell: string, text: string): Localized => ({
    zh: `「${cell}」写成了 "${text}"：没有发生请填 0；确实空白请写 null（按 0 计）`,
    en: `"${cell}" is written "${text}": write 0 if there were none, or null for a blank cell (counts as 0)`,
  }),
  /** `yuan`: the amount as printed in 元, when it was converted to the column's 万元. */
  cellWithUnit: (cell: string, text: string, value: number, unit: string | undefined, yuan?: number): Localized => ({
    zh: `「${cell}」写成了 "${text}"：${unit ? `金额以${unit}为单位，` : ''}${yuan !== undefined ? `${fmt(yuan)} 元 = ${fmt(value)} 万元，` : ''}只写数字，应为 ${fmt(value)}`,
    en: `"${cell}" is written "${text}": ${unit ? `amounts are in ${unit}; ` : ''}${yuan !== undefined ? `${fmt(yuan)} 元 = ${fmt(value)} 万元; ` : ''}write the number only, ${fmt(value)}`,
  }),
  blankCell: (cell: string): Localized => ({
    zh: `${cell} 为空白，按 0 计；若确为 0 请填 0`,
    en: `${cell} is blank and counts as 0; write 0 if it is 0`,
  }),
  blankBalance: (cell: string, value: number): Localized => ({
    zh: `${cell} 为空白；按勾稽关系（第一项加第二项之和，等于第三项加第四项之和）应为 ${fmt(value)}`,
    en: `${cell} is blank; by the printed rule (items 1 + 2 = items 3 + 4) it should be ${fmt(value)}`,
  }),
  blankRow: (row: string): Localized => ({
    zh: `「${row}」整行空白，按 0 计；若确为 0 请填 0`,
    en: `The whole row "${row}" is blank and counts as 0; write 0s if they are 0`,
  }),
  blankTable: (table: string, cells: number): Localized => ({
    zh: `「${table}」的 ${cells} 个单元格全部空白，按 0 计；若确为 0 请填 0`,
    en: `All ${cells} cells of "${table}" are blank and count as 0; write 0s if they are 0`,
  }),
  blankTotalRow: (row: string, values: string, last: string, terms: string): Localized => ({
    zh: `「${row}」整行空白，而它合计的各项已填写：应为 ${values}（${last}：${terms}）`,
    en: `The whole row "${row}" is blank while the cells it adds up are filled: it should be ${values} (${last}: ${terms})`,
  }),
  blankTotal: (cell: string, expected: number, terms: string): Localized => ({
    zh: `${cell} 不能空白，应为 ${fmt(expected)}（${terms}）`,
    en: `${cell} must not be blank; it should be ${fmt(expected)} (${terms})`,
  }),
  badEdition: (): Localized => ({
    zh: '「格式」应为 2019（国办公开办函〔2019〕60号）或 2021（国办公开办函〔2021〕30号）',
    en: '格式 must be 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号)',
  }),
  badYear: (): Localized => ({ zh: '「年度」应为公历年份，如 2024', en: '年度 must be a calendar year such as 2024' }),
  badDate: (): Localized => ({
    zh: '「发布日期」应写成 YYYY-MM-DD，如 2025-01-20',
    en: '发布日期 must be written YYYY-MM-DD, e.g. 2025-01-20',
  }),
  badAgencyType: (): Localized => ({
    zh: '「机关类型」应为「人民政府」或「部门」',
    en: '机关类型 must be 人民政府 or 部门',
  }),
  emptyAgency: (): Localized => ({ zh: '「机关」不能为空', en: '机关 must not be empty' }),
  agencyNotText: (): Localized => ({
    zh: '「机关」应为机关名称（文字），如 某某市某某区人民政府',
    en: "机关 must be the agency's name (text), e.g. 某某市某某区人民政府",
  }),
  editionQuoted: (written: string): Localized => ({
    zh: `「格式」应写数字 ${written}，不加引号`,
    en: `格式 must be the number ${written}, without quotes`,
  }),

  // ---- NB3xx invariants ----
  sumMismatch: (cell: string, expected: number, terms: string, actual: number): Localized => {
    const diff = fmt(Math.abs(actual - expected));
    return {
      zh: `${cell} 应为 ${fmt(expected)}（${terms}），实为 ${fmt(actual)}，相差 ${diff}`,
      en: `${cell} should be ${fmt(expected)} (${terms}), is ${fmt(actual)}, off by ${diff}`,
    };
  },
  balanceMismatch: (cell: string, expected: number, terms: string, actual: number): Localized => {
    const diff = fmt(Math.abs(actual - expected));
    return {
      zh: `${cell} 应为 ${fmt(expected)}（${terms}），实为 ${fmt(actual)}，相差 ${diff}；勾稽关系：第一项加第二项之和，等于第三项加第四项之和`,
      en: `${cell} should be ${fmt(expected)} (${terms}), is ${fmt(actual)}, off by ${diff}; the printed rule: items 1 + 2 = items 3 + 4`,
    };
  },
  /** A total whose change would break a relation that holds: the mistake is in a part. */
  sumHeld: (cell: string, held: Localized): Localized => ({
    zh: `；${cell} 与「${held.zh}」相符，改动它会破坏这一关系，故不提供修改总计的快速修复：请核对各加数`,
    en: `; ${cell} agrees with ${held.en}, and changing it would break that, so no fix of the total is offered: check the terms it adds up`,
  }),
  /** The printed rule of section 三 with one column's values. */
  flowIdentity: (received: string, carried: string, total: string, forward: string): Localized => ({
    zh: `勾稽关系 本年新收 ${received} + 上年结转 ${carried} = （七）总计 ${total} + 结转下年度 ${forward}`,
    en: `the printed rule new ${received} + carried over ${carried} = total ${total} + carried forward ${forward}`,
  }),
  zeroTermsLeftOut: (count: number): Localized => ({
    zh: `另有 ${count} 项为 0 或空白，未列出`,
    en: `${count} more term(s) are 0 or blank (not listed)`,
  }),
  negative: (cell: string, value: number): Localized => ({
    zh: `${cell} 为 ${fmt(value)}：件数、金额不能为负数`,
    en: `${cell} is ${fmt(value)}: counts and amounts cannot be negative`,
  }),
  notInteger: (cell: string, value: number): Localized => ({
    zh: `${cell} 为 ${fmt(value)}：件数应为整数`,
    en: `${cell} is ${fmt(value)}: a count must be a whole number`,
  }),
  editionYear: (year: number, edition: number, expected: number, document: string): Localized => ({
    zh: `${year}年度报告应使用 ${expected} 年版格式（${document}），此处写的是 ${edition}`,
    en: `A ${year} report must use the ${expected} template (${document}); this says ${edition}`,
  }),
  yearTooEarly: (year: number): Localized => ({
    zh: `${year}年度早于现行年报格式（2019年起适用），无法按模板检查`,
    en: `${year} predates the report templates (from 2019 on); it cannot be checked against them`,
  }),
  foreignKey: (key: string, edition: number, other: number, counterpart: string | undefined): Localized => ({
    zh: `「${key}」是 ${other} 年版格式的项目，本报告为 ${edition} 年版${counterpart ? `，应为「${counterpart}」` : '，应删除'}`,
    en: `"${key}" belongs to the ${other} template but this report uses ${edition}${counterpart ? `; use "${counterpart}"` : '; remove it'}`,
  }),
  foreignShape: (label: string, edition: number, other: number, columns: readonly string[]): Localized => ({
    zh: `「${label}」按 ${other} 年版格式填写；${edition} 年版应为 ${columns.length === 1 ? `一个数（${columns[0]}）` : `[${columns.join(', ')}]`}`,
    en: `"${label}" follows the ${other} template; the ${edition} template expects ${columns.length === 1 ? `one number (${columns[0]})` : `[${columns.join(', ')}]`}`,
  }),
  narrativeMismatch: (
    section: string,
    label: Localized,
    stated: string,
    unit: string,
    table: string,
    how: string,
    howEn: string,
  ): Localized => ({
    zh: `${section}中「${label.zh}」写作 ${stated}${unit}，表格为 ${table}${unit === '元' || unit === '万元' || unit === '亿元' ? unit : ''}（${how}）`,
    en: `${section} states ${label.en} as ${stated} ${unit}; the table gives ${table}${unit === '元' || unit === '万元' || unit === '亿元' ? ` ${unit}` : ''} (${howEn})`,
  }),
  narrativeAllZero: (cells: string): Localized => ({
    zh: `${cells} 均为 0`,
    en: `${cells}: all 0`,
  }),
  narrativeBlankTotals: (cells: string): Localized => ({
    zh: `${cells} 空白，按本行各列之和计`,
    en: `${cells} blank, read as the sum of its row`,
  }),
  /** The table's cells for a stated figure are all blank: never stated as 0. */
  narrativeMismatchBlank: (
    section: string,
    label: Localized,
    stated: string,
    unit: string,
    cells: Localized,
    many: boolean,
  ): Localized => ({
    zh: `${section}中「${label.zh}」写作 ${stated}${unit}，表格中 ${cells.zh} ${many ? '均' : ''}为空白，未填数字`,
    en: `${section} states ${label.en} as ${stated} ${unit}; the table's ${many ? 'cells are' : 'cell is'} blank (${cells.en})`,
  }),
  narrativeClaimBlank: (label: Localized, cells: Localized, many: boolean): Localized => ({
    zh: `「${label.zh}」表格中 ${cells.zh} ${many ? '均' : ''}为空白`,
    en: `${label.en}: the table's ${many ? 'cells are' : 'cell is'} blank (${cells.en})`,
  }),
  narrativeWholeRow: (row: string): Localized => ({ zh: `${row}（整行）`, en: `${row}, whole row` }),
  narrativeClaim: (label: Localized, table: string, how: string, howEn: string): Localized => ({
    zh: `「${label.zh}」表格为 ${table}（${how}）`,
    en: `${label.en}: the table gives ${table} (${howEn})`,
  }),
  narrativeOutcome: (section: string, words: string, parts: readonly Localized[]): Localized => ({
    zh: `${section}中写「${words}」，与表格不符：${parts.map((p) => p.zh).join('；')}`,
    en: `${section} says "${words}", which the table contradicts: ${parts.map((p) => p.en).join('; ')}`,
  }),
  outcomeNotAllUpheld: (label: Localized, upheld: number, total: number): Localized => ({
    zh: `「${label.zh}」表格中结果维持 ${fmt(upheld)} 件，总计 ${fmt(total)} 件`,
    en: `${label.en}: the table has ${fmt(upheld)} upheld of ${fmt(total)}`,
  }),
  narrativeMismatchMany: (section: string, stated: string, unit: string, parts: readonly Localized[]): Localized => ({
    zh: `${section}中写作 ${stated}${unit}，与表格不符：${parts.map((p) => p.zh).join('；')}`,
    en: `${section} states ${stated} ${unit}, which the table contradicts: ${parts.map((p) => p.en).join('; ')}`,
  }),
  feesNotMentioned: (reason: Localized): Localized => ({
    zh: `「六、其他需要报告的事项」应说明收取信息处理费的情况：${reason.zh}（2021年版格式：收取信息处理费情况在六中报告；国办函〔2020〕109号）`,
    en: `Section 六 must report on information processing fees (信息处理费): ${reason.en} (2021 template: fees are reported in 六; 国办函〔2020〕109号)`,
  }),
  feesUnpaidRows: (count: number): Localized => ({
    zh: `三、（六）2. 申请人逾期未按收费通知要求缴纳费用的有 ${fmt(count)} 件`,
    en: `三（六）2 counts ${fmt(count)} request(s) ended for unpaid fees`,
  }),
  feesCharged: (section: string, quote: string): Localized => ({
    zh: `${section}提到收取信息处理费（「${quote}」）`,
    en: `${section} mentions charging fees ("${quote}")`,
  }),
  problemsEmpty: (): Localized => ({
    zh: '「五、存在的主要问题及改进情况」不能为空或只写“无”：应写明本年度工作中存在的主要问题和改进措施（《条例》第五十条）',
    en: "Section 五 must not be empty or just 无: state this year's main problems and the improvements (条例 art. 50)",
  }),
  problemsMissingReview: (missing: readonly string[]): Localized => ({
    zh: `人民政府的年报应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项），未见：${missing.join('、')}`,
    en: `A people's government's report must cover work appraisal, public review and accountability (条例 art. 50 (4)); not found: ${missing.join(', ')}`,
  }),
  lateReport: (
    date: string,
    year: number,
    month: number,
    kind: string,
    days: number,
    inferred: boolean,
  ): Localized => ({
    zh: `发布日期 ${date} 晚于《条例》第四十九条规定的期限（${kind}：${year}年${month}月31日前），迟 ${days} 天${inferred ? `；按机关名称推定为${kind}，如不同请填写「机关类型」` : ''}`,
    en: `Published ${date}, after the 条例 art. 49 deadline (${kind === '人民政府' ? "people's government" : 'department'}: by ${year}-0${month}-31), ${days} day(s) late${inferred ? '; the agency type was inferred from the name, set 机关类型 if it differs' : ''}`,
  }),

  lateEither: (date: string, year: number, days: number): Localized => ({
    zh: `发布日期 ${date} 晚于《条例》第四十九条规定的期限：部门为${year}年1月31日前，人民政府为${year}年3月31日前，按后者也迟 ${days} 天`,
    en: `Published ${date}, after the 条例 art. 49 deadlines (departments: by ${year}-01-31; people's governments: by ${year}-03-31), ${days} day(s) late even by the later one`,
  }),
  lateIfDepartment: (date: string, year: number, days: number): Localized => ({
    zh: `发布日期 ${date}：如为部门年报，晚于《条例》第四十九条规定的期限（${year}年1月31日前）${days} 天；如为人民政府年报（含管委会等报告本区域的年报），未超期（${year}年3月31日前）。机关名称不能判断是哪一种，请填写「机关类型」`,
    en: `Published ${date}: ${days} day(s) after the 条例 art. 49 deadline if this is a department's report (by ${year}-01-31), in time if it is a people's government's report (by ${year}-03-31; also an area's management committee). The name does not say which: set 机关类型`,
  }),

  // ---- cross-report (invariants 6–8, duplicates) ----
  carryOverMismatch: (
    cell: string,
    expected: number,
    year: number,
    file: string,
    previousCell: string,
    actual: number,
  ): Localized => ({
    zh: `${cell} 应为 ${fmt(expected)}：${year}年度年报（${file}）的「${previousCell}」为 ${fmt(expected)}，本年实为 ${fmt(actual)}`,
    en: `${cell} should be ${fmt(expected)}: ${previousCell} in the ${year} report (${file}) is ${fmt(expected)}; this year says ${fmt(actual)}`,
  }),
  previousYearCell: (year: number, cell: string, value: string): Localized => ({
    zh: `${year}年度：${cell} = ${value}`,
    en: `${year}: ${cell} = ${value}`,
  }),
  stockMismatch: (
    cell: string,
    expected: number,
    terms: string,
    year: number,
    file: string,
    actual: number,
  ): Localized => ({
    zh: `${cell} 应为 ${fmt(expected)}（${terms}；上年数取自${year}年度年报 ${file}），实为 ${fmt(actual)}；如本年清理后重新核定了件数，请在总体情况中说明`,
    en: `${cell} should be ${fmt(expected)} (${terms}; last year's figure from the ${year} report ${file}), is ${fmt(actual)}; if a review re-baselined the count, say so in 总体情况`,
  }),
  itemsMismatch: (
    cell: string,
    expected: number,
    terms: string,
    year: number,
    file: string,
    actual: number,
  ): Localized => ({
    zh: `${cell} 应为 ${fmt(expected)}（${year}年度年报 ${file}：${terms}），实为 ${fmt(actual)}`,
    en: `${cell} should be ${fmt(expected)} (the ${year} report ${file}: ${terms}), is ${fmt(actual)}`,
  }),
  yearOnYearMismatch: (
    section: string,
    phrase: string,
    label: Localized,
    now: Localized,
    year: number,
    file: string,
    before: Localized,
    actual: Localized,
  ): Localized => ({
    zh: `${section}中「${phrase}」与表格不符：${label.zh}本年为 ${now.zh}，${year}年度年报（${file}）为 ${before.zh}，${actual.zh}`,
    en: `"${phrase}" in ${section} does not match the tables: ${label.en} is ${now.en} this year and ${before.en} in the ${year} report (${file}): ${actual.en}`,
  }),
  yearOnYearActual: (kind: 'percent' | 'points' | 'count' | 'flat', change: number, unit: string): Localized => {
    const up = change > 0;
    const size = fmt(Math.abs(change));
    if (change === 0) return { zh: '实为持平', en: 'no change' };
    switch (kind) {
      case 'percent':
        return { zh: `实为${up ? '增长' : '下降'} ${size}%`, en: `${up ? 'an increase' : 'a decrease'} of ${size}%` };
      case 'points':
        return {
          zh: `实为${up ? '上升' : '下降'} ${size} 个百分点`,
          en: `${up ? 'up' : 'down'} ${size} percentage points`,
        };
      default:
        return {
          zh: `实为${up ? '增加' : '减少'} ${size}${unit}`,
          en: `${up ? 'an increase' : 'a decrease'} of ${size} ${unit}`.trimEnd(),
        };
    }
  },
  /** `101`, `1256.38万元`, `46（占办结的 45.1%）`. */
  yearOnYearValue: (
    value: string,
    unit: string,
    share?: { readonly value: string; readonly base: Localized },
  ): Localized => ({
    zh: `${value}${unit}${share ? `（占${share.base.zh}的 ${share.value}%）` : ''}`,
    en: `${value}${unit ? ` ${unit}` : ''}${share ? ` (${share.value}% of ${share.base.en})` : ''}`,
  }),
  previousYearQuantity: (year: number, label: Localized, value: string): Localized => ({
    zh: `${year}年度：${label.zh} = ${value}`,
    en: `${year}: ${label.en} = ${value}`,
  }),
  duplicateReport: (agency: string, year: number, others: readonly string[]): Localized => ({
    zh: `${others.join('、')} 也是「${agency}」${year}年度的年报；同一机关同一年度只能有一份`,
    en: `${others.join(', ')} is also the ${year} report of 「${agency}」; an agency has one report per year`,
  }),
  duplicateReportOther: (file: string): Localized => ({ zh: `另一份：${file}`, en: `The other one: ${file}` }),

  // ---- next year's skeleton ----
  nextNeedsKey: (): Localized => ({
    zh: '无法生成下一年度年报：文件缺少有效的「机关」或「年度」',
    en: "Cannot build next year's report: the file lacks a valid 机关 or 年度",
  }),
  nextNoEdition: (year: number): Localized => ({
    zh: `无法生成 ${year} 年度年报：没有适用的年报格式`,
    en: `Cannot build a ${year} report: no template edition applies`,
  }),
  nextUnreadable: (cell: string): Localized => ({
    zh: `无法生成下一年度年报：「${cell}」缺失或无法读取，不能带入下一年度`,
    en: `Cannot build next year's report: ${cell} is missing or unreadable and cannot be carried over`,
  }),
  nextHeader: (year: number, previous: number): Localized => ({
    zh: `${year}年度年报框架，由${previous}年度年报生成：「上年结转政府信息公开申请数量」取自${previous}年度「结转下年度继续办理」，存量数据已带入；\n「结转下年度继续办理」暂与上年结转相同，其余数字和文字请按本年实际填写。`,
    en: `${year} report skeleton built from the ${previous} report: requests carried over come from ${previous}'s carried-forward row, stocks are carried over;\ncarried forward equals carried over until you fill in this year's figures.`,
  }),
  nextStockFrom2019: (year: number): Localized => ({
    zh: `现行有效件数暂取${year}年度「对外公开总数量」，请核定`,
    en: `in force taken from ${year}'s 对外公开总数量; please verify`,
  }),

  editionInferred: (edition: number): Localized => ({
    zh: `暂按 ${edition} 年版格式检查`,
    en: `checked against the ${edition} template for now`,
  }),
};

/** Messages of the importer (`nianbao import`, the editor's import command); zh also goes into the output's comments. */
export const IMPORT_MESSAGES = {
  notText: (): Localized => ({
    zh: '输入不是文本或网页（含有二进制内容），无法导入',
    en: 'The input is not text or a web page (binary content); nothing was imported',
  }),
  empty: (): Localized => ({ zh: '输入为空，无法导入', en: 'The input is empty; nothing was imported' }),
  docxNoText: (): Localized => ({
    zh: '这个 Word 文档（.docx）中没有任何文字（段落和表格的单元格都是空的），无法导入',
    en: 'This Word document (.docx) holds no text at all (its paragraphs and table cells are all empty); nothing was imported',
  }),
  pdfNotExtracted: (): Localized => ({
    zh: '这是 PDF 文件：请用 nianbao import 或编辑器的“导入年报”命令导入（它们会先读出 PDF 中的文字）',
    en: 'This is a PDF file: import it with nianbao import or the editor’s import command (they read the PDF’s text first)',
  }),
  pdfScanned: (pages: number): Localized => ({
    zh: `这份 PDF（${pages} 页）没有文字层，是扫描图像，无法读取其中的文字（不做文字识别）：请找到原文的网页、Word 文档或可复制文字的 PDF`,
    en: `This PDF (${pages} page(s)) has no text layer: it is a scanned image whose text cannot be read (no OCR is done); find the report as a web page, a Word document or a PDF whose text can be copied`,
  }),
  pdfEncrypted: (): Localized => ({
    zh: '这份 PDF 有打开密码，无法读取：请取消密码后再导入',
    en: 'This PDF needs a password to open; remove the password, then import it',
  }),
  pdfDamaged: (detail: string): Localized => ({
    zh: `PDF 文件已损坏或不是有效的 PDF，无法读取（${detail}）`,
    en: `The PDF is damaged or not a valid PDF and cannot be read (${detail})`,
  }),
  pdfLimit: (what: string, limit: string): Localized => ({
    zh: `PDF 超出导入上限（${what}，上限 ${limit}），不像一份年报，未导入`,
    en: `The PDF is past an import limit (${what}, limit ${limit}); it does not look like a report, nothing was imported`,
  }),
  oldWord: (): Localized => ({
    zh: '这是旧版 Word/WPS 文件（.doc/.wps），无法直接读取：请在 Word 或 WPS 中另存为 .docx 或网页后再导入',
    en: 'This is an old Word/WPS file (.doc/.wps), which cannot be read: save it as .docx or as a web page in Word or WPS, then import that',
  }),
  zipNotDocx: (): Localized => ({
    zh: '这是一个压缩包，但不是 Word 文档（.docx）；未导入',
    en: 'This is a zip archive but not a Word document (.docx); nothing was imported',
  }),
  docxDamaged: (): Localized => ({
    zh: 'Word 文档（.docx）已损坏，无法读取；未导入',
    en: 'The Word document (.docx) is damaged and cannot be read; nothing was imported',
  }),
  docxDtd: (): Localized => ({
    zh: 'Word 文档（.docx）中含有文档类型定义（DTD），Word 从不写入这种内容，出于安全考虑拒绝读取；未导入',
    en: 'The Word document (.docx) carries a document type definition (DTD), which Word never writes; refused for safety, nothing was imported',
  }),
  docxTooManyEntries: (): Localized => ({
    zh: `Word 文档（.docx）中的文件数量超过上限，不像真正的 Word 文档；未导入`,
    en: 'The Word document (.docx) holds more files than the limit allows; it does not look like a real Word document, nothing was imported',
  }),
  docxTooLarge: (): Localized => ({
    zh: 'Word 文档（.docx）解压后超过 64 MB 上限（可能是压缩炸弹）；未导入',
    en: 'The Word document (.docx) inflates past the 64 MB limit (perhaps a zip bomb); nothing was imported',
  }),
  docxEncrypted: (): Localized => ({
    zh: 'Word 文档（.docx）已加密，无法读取：请在 Word 中取消密码后再导入',
    en: 'The Word document (.docx) is encrypted: remove its password in Word, then import it',
  }),
  tooLarge: (size: number, limit: number): Localized => ({
    zh: `输入过大（${(size / 1048576).toFixed(1)} MB，上限 ${(limit / 1048576).toFixed(0)} MB），不是一份年报的网页或文本，未导入`,
    en: `The input is too large (${(size / 1048576).toFixed(1)} MB, limit ${(limit / 1048576).toFixed(0)} MB) for a report's page or text; nothing was imported`,
  }),
  noTitle: (): Localized => ({
    zh: '没有找到年报标题和年度（如“2020年政府信息公开工作年度报告”）：这似乎不是政府信息公开工作年度报告，未导入',
    en: 'No report title with a year (such as “2020年政府信息公开工作年度报告”) was found: this does not look like a government information disclosure annual report; nothing was imported',
  }),
  tooFewSections: (found: readonly string[]): Localized => ({
    zh: `只找到 ${found.length} 个部分标题${found.length ? `（${found.join('、')}）` : ''}，年报应有“一、总体情况”至“六、其他需要报告的事项”六个部分；无法按年报格式导入`,
    en: `Only ${found.length} section heading(s) found${found.length ? ` (${found.join(', ')})` : ''}; a report has six sections, “一、总体情况” to “六、其他需要报告的事项”; nothing was imported`,
  }),
  noValues: (): Localized => ({
    zh: '找到了年报的部分标题，但表格中没有任何可读的数值（表格可能是图片或已损坏），未导入',
    en: 'The section headings were found but the tables hold no readable value (they may be images or broken); nothing was imported',
  }),
  imported: (agency: string, year: number, edition: number, document: string): Localized => ({
    zh: `${agency || '（机关未知）'} ${year} 年政府信息公开工作年度报告，由 nianbao import 从已发布原文导入（${edition}年版格式，${document}）。`,
    en: `${agency || '(agency unknown)'} ${year} report, imported by nianbao import from the published text (${edition} template, ${document}).`,
  }),
  verbatim: (): Localized => ({
    zh: '数值按原文照录，未作任何更正；空白、“/”“—”写作 null。请与原文核对。',
    en: 'Values are copied as printed, never corrected; blank, “/” and “—” cells are null. Check against the source.',
  }),
  fuzzyHeading: (): Localized => ({
    zh: '以下标签按近似匹配（原文 → 模板），请核对：',
    en: 'Labels matched approximately (printed → template); please check:',
  }),
  fuzzy: (section: string, printed: string, label: string): Localized => ({
    zh: `${section}「${printed}」→「${label}」`,
    en: `${section} “${printed}” → “${label}”`,
  }),
  unplacedHeading: (): Localized => ({
    zh: '以下内容无法放入模板，未导入：',
    en: 'Not imported, could not be placed in the template:',
  }),
  unplaced: (section: string, text: string, reason: Localized): Localized => ({
    zh: `${section}「${text}」：${reason.zh}`,
    en: `${section} “${text}”: ${reason.en}`,
  }),
  missingHeading: (): Localized => ({
    zh: '原文中没有找到以下内容（数值写作 null）：',
    en: 'Not found in the source (values written as null):',
  }),
  missing: (section: string, label: string): Localized => ({
    zh: `${section}「${label}」`,
    en: `${section} “${label}”`,
  }),
  mixedLayout: (part: string, printed: number, edition: number): Localized => ({
    zh: `「${part}」按原文所用的 ${printed} 年版格式导入，与本报告的 ${edition} 年版格式混用；nianbao check 会逐项指出`,
    en: `“${part}” is imported in the ${printed} layout it was printed in, mixed with this report's ${edition} template; nianbao check points out each item`,
  }),
  oldLayout: (year: number, printed: number, expected: number): Localized => ({
    zh: `原文为 ${year} 年度，应使用 ${expected} 年版格式，但表格按 ${printed} 年版格式印制；按原文导入，「格式」写作 ${printed}`,
    en: `The report is for ${year} and should use the ${expected} template, but its tables follow the ${printed} layout; imported as printed, 格式 is ${printed}`,
  }),
  agencyMissing: (): Localized => ({
    zh: '原文中没有找到发布机关，「机关」留空',
    en: 'No agency found in the source; 机关 is left empty',
  }),
  publishedFromSignature: (date: string): Localized => ({
    zh: `原文没有标明发布日期，「发布日期」取自文末落款日期 ${date}`,
    en: `The source labels no publication date; 发布日期 is the date under the closing signature, ${date}`,
  }),
  sectionMissing: (label: string): Localized => ({
    zh: `原文中没有找到「${label}」这一部分`,
    en: `The section “${label}” was not found in the source`,
  }),
  converted: (column: string, printed: string, value: string): Localized => ({
    zh: `${column}原文印作 ${printed}，已由元换算为万元：${value}`,
    en: `${column} printed as ${printed}; converted from 元 to 万元: ${value}`,
  }),
  // Reasons a printed item was not placed.
  noRow: (): Localized => ({ zh: '模板中没有对应的行', en: 'no such row in the template' }),
  rowUnclear: (near?: { readonly rows: readonly string[]; readonly beside: boolean }): Localized => {
    if (!near || near.rows.length === 0)
      return {
        zh: '从它在页面上的位置无法确定属于哪一行（不在任何行标签旁，或同时靠近两行），未导入',
        en: 'which row it belongs to cannot be told from where it stands on the page (beside no row label, or near two); not imported',
      };
    const zh = near.rows.map((r) => `「${r}」`).join(near.beside ? '、' : '与');
    const en = near.rows.map((r) => `“${r}”`).join(near.beside ? ', ' : ' and ');
    return near.beside
      ? {
          zh: `从它在页面上的位置无法确定属于哪一行（同时靠近 ${zh}），未导入，这几行的空白单元格请对照原文核对`,
          en: `which row it belongs to cannot be told from where it stands on the page (near ${en} at once); not imported: check those rows' blank cells against the source`,
        }
      : {
          zh: `从它在页面上的位置无法确定属于哪一行（不在任何行标签旁，位于 ${zh} 之间），未导入，这两行的空白单元格请对照原文核对`,
          en: `which row it belongs to cannot be told from where it stands on the page (beside no row label, between ${en}); not imported: check those rows' blank cells against the source`,
        };
  },
  subtotal: (): Localized => ({
    zh: '模板中此项没有合计行，合计数未导入',
    en: 'the template has no subtotal row here; the subtotal was not imported',
  }),
  duplicate: (): Localized => ({
    zh: '此行重复出现，只导入第一次出现的数值',
    en: 'the row appears again; only its first occurrence was imported',
  }),
  cellCount: (printed: number, columns: number): Localized => ({
    zh: `印有 ${printed} 个数值，模板此行有 ${columns} 列，无法确定对应关系，整行写作 null`,
    en: `${printed} values printed but the template row has ${columns} columns; they cannot be matched, the row is null`,
  }),
  extraCells: (columns: number, extra: string): Localized => ({
    zh: `模板此行只有 ${columns} 列，其后印有的 ${extra} 未导入`,
    en: `the template row has ${columns} columns; ${extra} printed after them was not imported`,
  }),
  columnsUnclear: (values: string): Localized => ({
    zh: `${values} 在表中的位置不能唯一对应模板的列（跨列、不在任何列下或同列有两个数值），整行写作 null`,
    en: `${values} cannot be matched one-to-one to the template's columns (straddling columns, under no column, or two values in one column); the row is null`,
  }),
  cellMissing: (columns: number): Localized => ({
    zh: `此行的单元格比表头少，表头的 ${columns} 列下没有单元格，其余数值可能已经左移，无法确定哪一列缺失，整行写作 null`,
    en: `the row has fewer cells than its header: ${columns} of the header's columns have no cell under them, so the other values may have moved left and the missing column cannot be told; the row is null`,
  }),
  noColumns: (): Localized => ({
    zh: '表头的列位置无法读出，数值不能按位置对应到列（空白单元格在 PDF 中不印任何内容，不能按个数对应），整行写作 null',
    en: 'where the header puts the columns could not be read, so the values cannot be matched to columns by position (a blank cell prints nothing in a PDF, so their count says nothing); the row is null',
  }),
  notNumber: (column: string): Localized => ({
    zh: `「${column}」不是数字，写作 null`,
    en: `“${column}” is not a number; written as null`,
  }),
  otherLayout: (): Localized => ({
    zh: '与本报告所用格式的同一位置冲突（两版格式混用），未导入',
    en: 'conflicts with the layout used for this part of the report (mixed editions); not imported',
  }),
  signature: (): Localized => ({
    zh: '文末署名和日期，不属于本部分正文（日期未标明为发布日期，未填入「发布日期」）',
    en: 'the closing signature and date, not part of this section (the date is not labelled as the publication date, so 发布日期 is not set)',
  }),
  notTable: (): Localized => ({
    zh: '表格部分中的文字，模板没有对应位置',
    en: 'text inside a table section; the template has no place for it',
  }),
  appealCount: (printed: number): Localized => ({
    zh: `印有 ${printed} 个数值，应为 15 个（行政复议 5 个、行政诉讼 10 个），无法确定对应关系`,
    en: `${printed} values printed, 15 expected (5 for review, 10 for litigation); they cannot be matched`,
  }),
};
