/**
 * The generated parts of the README (both languages) and of docs/: the complete format reference (from the template
 * model, the statute texts and the code registry; docs/format.md), the table of codes (README.md in Chinese,
 * README.en.md in English), the README's 30-second start and a real `nianbao check` example (docs/cli.md), both
 * the CLI's own output on real text. Each lives between `<!-- name:start -->` and `<!-- name:end -->` markers; the
 * rest is written by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  allCodes,
  displayLabel,
  STATUTE,
  TEMPLATES,
  templateIndex,
  writeSkeleton,
} from '../../core/src/index';
import type { Column, Edition, TemplateNode } from '../../core/src/index';
import { formatFileHuman } from '../../cli/src/formatHuman';
import { strings } from '../../cli/src/strings';

const KIND_TEXT: Record<Column['kind'], string> = {
  count: 'count',
  delta: 'signed change',
  amount: 'amount',
};

function columnText(c: Column): string {
  const notes = [c.kind !== 'count' ? KIND_TEXT[c.kind] : '', c.unit ? c.unit : ''].filter((n) => n);
  return notes.length ? `${c.printed} (${notes.join(', ')})` : c.printed;
}

function columnsText(columns: readonly Column[]): string {
  return columns.map(columnText).join(', ');
}

function cite(node: TemplateNode): string {
  const cites = node.basis.map((id) => STATUTE[id]?.cite).filter((c): c is string => !!c && c.startsWith('《条例》'));
  return cites.length ? ` — ${cites.join('、')}` : '';
}

/** What the printed table shows when it differs from the key: the ordinal, the full label. */
function printedNote(node: TemplateNode): string {
  const shown = displayLabel(node);
  return shown !== node.key ? ` — printed 「${shown}」` : '';
}

function outline(node: TemplateNode, depth: number, tableColumns: readonly Column[] | undefined, out: string[]): void {
  const pad = '  '.repeat(depth);
  const key = `\`${node.key}\``;
  switch (node.kind) {
    case 'meta':
      return;
    case 'text':
      out.push(`${pad}- ${key}${printedNote(node)}: narrative text (a \`|\` block)${cite(node)}`);
      return;
    case 'row': {
      const shape =
        node.columns.length === 1
          ? `one number: ${columnText(node.columns[0])}`
          : tableColumns &&
              tableColumns.length === node.columns.length &&
              tableColumns.every((c, i) => c === node.columns[i])
            ? `row of ${node.columns.length}`
            : `[${columnsText(node.columns)}]`;
      out.push(`${pad}- ${key}${printedNote(node)}: ${shape}${cite(node)}`);
      return;
    }
    case 'group': {
      const columns =
        node.columns && node.columns.length > 1 && node.columns !== tableColumns ? node.columns : undefined;
      const head = columns ? `; every row: [${columnsText(columns)}]` : '';
      out.push(`${pad}- ${key}${printedNote(node)}${head}${cite(node)}`);
      for (const child of node.children) outline(child, depth + 1, columns ?? tableColumns, out);
      return;
    }
  }
}

function editionSection(edition: Edition): string[] {
  const model = TEMPLATES[edition];
  const years = model.years.to
    ? `report years ${model.years.from}–${model.years.to}`
    : `report years ${model.years.from} onward`;
  const out = [
    `### ${edition} edition: ${model.documentTitle}, ${model.document} (${years}; \`格式: ${edition}\`)`,
    '',
  ];
  for (const node of model.root.children) outline(node, 0, undefined, out);
  return [...out, ''];
}

function metaTable(): string[] {
  const out = ['| key | required | value |', '|---|---|---|'];
  for (const node of TEMPLATES[2021].root.children) {
    if (node.kind !== 'meta') continue;
    const value =
      node.type === 'edition'
        ? '`2019` or `2021` (a number): the template edition'
        : node.type === 'year'
          ? 'the report year, e.g. `2024`'
          : node.type === 'date'
            ? 'publication date `YYYY-MM-DD` (checked against the 第四十九条 deadline)'
            : node.type === 'agencyType'
              ? `${(node.values ?? []).map((v) => `\`${v}\``).join(' or ')}: decides the 第四十九条 deadline and the 第五十条（四） content`
              : 'the agency’s full name';
    out.push(`| \`${node.key}\` | ${node.required ? 'yes' : 'no'} | ${value} |`);
  }
  return out;
}

/** Where the editions differ, by YAML path: what only one has, and what both have in another shape. */
function differences(): string[] {
  const a = templateIndex(2019);
  const b = templateIndex(2021);
  const shown = (path: string): string => `\`${path.split('\u0000').join(' › ')}\``;
  const only = (from: typeof a, other: typeof a): string[] =>
    from.nodes
      // A group the other edition lacks stands for its rows.
      .filter(
        (n) =>
          !other.byPath.has(n.path.join('\u0000')) &&
          (n.path.length === 1 || other.byPath.has(n.path.slice(0, -1).join('\u0000'))),
      )
      .map((n) => shown(n.path.join('\u0000')));
  const changed: string[] = [];
  for (const x of a.nodes) {
    const path = x.path.join('\u0000');
    const y = b.byPath.get(path);
    if (!y) continue;
    if (x.node.kind !== y.node.kind)
      changed.push(`- ${shown(path)}: a ${kindName(x.node)} in 2019, a ${kindName(y.node)} in 2021`);
    else if (
      x.node.kind === 'row' &&
      y.node.kind === 'row' &&
      columnsText(x.node.columns) !== columnsText(y.node.columns)
    ) {
      changed.push(`- ${shown(path)}: 2019 [${columnsText(x.node.columns)}]; 2021 [${columnsText(y.node.columns)}]`);
    }
  }
  return [
    `- Only in 2019: ${only(a, b).join(', ')}.`,
    `- Only in 2021: ${only(b, a).join(', ')}.`,
    '- In both, shaped differently:',
    ...changed.map((l) => `  ${l}`),
  ];
}

function kindName(node: TemplateNode): string {
  return node.kind === 'row' ? 'row' : node.kind === 'group' ? 'group of rows' : node.kind;
}

function codeTable(): string[] {
  const out = ['| code | severity | 含义 | meaning |', '|---|---|---|---|'];
  for (const c of allCodes())
    out.push(
      `| ${c.code} | ${c.severity} | ${c.title.zh.replace(/\|/g, '\\|')} | ${c.title.en.replace(/\|/g, '\\|')} |`,
    );
  return out;
}

export function formatReference(): string {
  const invariants = allCodes().filter((c) => /^NB3/.test(c.code));
  const lines = [
    '## Format reference',
    '',
    '_Generated from the template model (`core/src/template/`) by `npm run generate`; do not edit by hand._',
    '',
    'A report is one UTF-8 YAML file named `*.nianbao.yaml` (or `.yml`), one YAML document, YAML 1.2 core schema',
    '(no custom tags, no anchors or aliases). Keys are the labels printed in the template, without their ordinal',
    '(一、 （一） 1.) and without 部分公开’s counting note; the order of keys is free. A table row is a flow sequence',
    'of its values in the column order below; a row with a single value column is a plain number.',
    '',
    '- **count**: a non-negative integer. **signed change** (本年增/减): an integer, may be negative.',
    '  **amount**: a non-negative number in 万元 (decimals allowed; write `3020.782`, not `"3,020.782"`).',
    '- **`null`** (or `~`, or nothing after the colon) is a cell left blank as printed: it counts as 0 in every sum',
    '  and is a warning (NB206: write 0 if it is 0). A blank 总计 while the cells it adds up are filled is an',
    '  error (NB207). A whole row may be `null` (all blank). A narrative section may be empty or `null`.',
    '- Numbers written as text (`"12"`, `"3,020.782"`, full-width `１２`) are errors (NB205) that still count',
    '  with the number they denote.',
    '- Amounts are always written in 万元, also where a published report printed 元 (`75394432.52元` is',
    '  `7539.443252`); `nianbao import` converts them.',
    '- `npx nianbao init --edition 2021 --year 2024 --agency 某某区人民政府` prints a complete skeleton of zeros;',
    '  `examples/` holds a filled report of each edition.',
    '',
    '### Top-level fields (both editions)',
    '',
    ...metaTable(),
    '',
    ...editionSection(2019),
    ...editionSection(2021),
    '### Where the editions differ',
    '',
    ...differences(),
    '',
    '### Invariants checked (勾稽关系)',
    '',
    ...invariants.map((r) => `- **${r.code}** (${r.severity}) ${r.title.zh} — ${r.title.en}`),
    '',
    'NB301–NB313: invariant 1–13 of the table of invariants in the domain reference (report-templates.md);',
    'NB306–NB308, NB314 (同比 statements against last year’s tables) and NB320 compare the reports given together',
    '(or open in the editor).',
    '',
    '### Diagnostic codes',
    '',
    ...codeTable(),
    '',
  ];
  return lines.join('\n');
}

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '提示' };

/** The table of codes for the README: code, severity and meaning in one language. */
export function codesTable(lang: 'zh' | 'en'): string {
  const out =
    lang === 'zh' ? ['| 代码 | 级别 | 含义 |', '|---|---|---|'] : ['| code | severity | meaning |', '|---|---|---|'];
  for (const c of allCodes()) {
    const severity = lang === 'zh' ? (SEVERITY_ZH[c.severity] ?? c.severity) : c.severity;
    out.push(`| ${c.code} | ${severity} | ${c.title[lang].replace(/\|/g, '\\|')} |`);
  }
  return out.join('\n');
}

/** The README's 30-second start: a report skeleton from `init`, then `check` on it, as the two commands print. */
export const QUICK_START = {
  edition: 2021,
  year: 2024,
  agency: '示范区人民政府',
  file: '示范区-2024.nianbao.yaml',
} as const;

export function quickStart(): string {
  const { edition, year, agency, file } = QUICK_START;
  const text = writeSkeleton(edition, year, agency);
  const check = checkOutput(file, text);
  return [
    '```console',
    `$ npx nianbao init --edition ${edition} --year ${year} --agency ${agency} > ${file}`,
    `$ npx nianbao check ${file}`,
    `${check.stdout}\`\`\``,
  ].join('\n');
}

/** What `nianbao check FILE` prints for one file, and its exit code. */
function checkOutput(file: string, text: string): { stdout: string; code: number } {
  const s = strings('zh');
  const { diagnostics } = analyze(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const info = diagnostics.length - errors - warnings;
  const summary = diagnostics.length ? s.summary(errors, warnings, info, 1) : s.summaryClean(1);
  return { stdout: `${formatFileHuman(file, text, diagnostics, 'zh', false)}${summary}\n`, code: errors ? 1 : 0 };
}

/** `nianbao check` on real files, formatted by the CLI's own functions exactly as the command prints them. */
export function cliExample(root: string, files: readonly string[]): string {
  const blocks: string[] = [];
  for (const file of files) {
    const { stdout, code } = checkOutput(file, readFileSync(join(root, file), 'utf8'));
    blocks.push(`\`\`\`console\n$ npx nianbao check ${file}\n${stdout}$ echo $?\n${code}\n\`\`\``);
  }
  return blocks.join('\n\n');
}

/** `text` with the part between the markers of `name` replaced by `body`. */
export function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`no ${start} … ${end} markers`);
  return `${text.slice(0, i + start.length)}\n${body.trimEnd()}\n${text.slice(j)}`;
}
