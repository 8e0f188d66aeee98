/**
 * Writing a report as a person would: keys in template order, one row per line as a flow sequence, the column
 * names in a comment beside each table's key, narrative as literal blocks. `init`, `next`, import and the
 * skeleton snippet all write through here.
 */
import { resolveScalar } from '../syntax/resolveScalar';
import { TEMPLATES, templateIndex } from '../template/templates';
import type { Edition, GroupNode, RowNode, TemplateNode } from '../template/types';

export interface ReportData {
  readonly edition: Edition;
  readonly agency: string;
  readonly year: number;
  readonly published?: string;
  readonly agencyType?: string;
  /** Narrative by section id (`overview`, `problems`, `other`); absent = empty. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Values by row id, in column order; absent rows are written as zeros. */
  readonly rows?: Readonly<Record<string, readonly (number | null)[]>>;
  /** Comment lines at the top of the file (without `#`). */
  readonly headerComments?: readonly string[];
  /** A comment after a row's value, by row id (without `#`). */
  readonly rowComments?: Readonly<Record<string, string>>;
  /**
   * Nodes written in another edition's shape, by node id: a source that mixes the editions' layouts is imported
   * as printed, so that the checker reports it (NB312). A group takes that edition's children, a row its columns.
   */
  readonly layout?: Readonly<Record<string, Edition>>;
}

/** The display column trailing comments are aligned at (two spaces at least after longer lines). */
const COMMENT_COLUMN = 34;
const EDITION_COMMENT =
  '2019 = 国办公开办函〔2019〕60号（2019、2020年度）；2021 = 国办公开办函〔2021〕30号（2021年度起）';

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/**
 * Characters YAML does not allow anywhere in a stream (controls but tab and line breaks, DEL, C1 controls but NEL,
 * lone surrogates, U+FFFE and U+FFFF): text that holds one is written double-quoted with the character escaped, and a
 * comment shows it as its escape. A published page or a pasted text may hold any of them.
 */
const NON_PRINTABLE =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const TO_ESCAPE = new RegExp(`["\\\\\\t\\n\\r\\x85]|${NON_PRINTABLE.source}`, 'g');
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
};

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return (
    ESCAPES[c] ??
    (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/** A double-quoted YAML scalar that reads back as exactly `s`, whatever it holds. */
export function doubleQuoted(s: string): string {
  return `"${s.replace(TO_ESCAPE, escapeChar)}"`;
}

const IN_COMMENT = new RegExp(`[\\r\\n\\x85\\u2028\\u2029]|${NON_PRINTABLE.source}`, 'g');

/** Comment text on one line, with nothing YAML refuses: line breaks and non-printable characters as escapes. */
function commentText(s: string): string {
  return s.replace(IN_COMMENT, escapeChar);
}

/** `line` with a trailing comment (`# …` as written) aligned at the comment column, as every written line has it. */
export function alignComment(line: string, comment: string): string {
  const pad = Math.max(2, COMMENT_COLUMN - displayWidth(line));
  return `${line}${' '.repeat(pad)}${comment}`;
}

function withComment(line: string, comment: string | undefined): string {
  if (!comment) return line;
  return alignComment(line, `# ${commentText(comment)}`);
}

/** Text that YAML would not read back as this plain string: indicators, `: `, ` #`, a trailing colon, breaks. */
const PLAIN_UNSAFE = /^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|:$|\s#|[\r\n\t]|\s$/;

/** A scalar that stays a string when read back: plain when safe, double-quoted otherwise. */
export function yamlString(s: string): string {
  // `2021`, `null`, `.inf`, `0x1F` would be read as something else under the core schema.
  return s === '' || PLAIN_UNSAFE.test(s) || NON_PRINTABLE.test(s) || resolveScalar(s, 'plain', undefined) !== s
    ? doubleQuoted(s)
    : s;
}

export function yamlNumber(v: number | null): string {
  return v === null ? 'null' : String(v);
}

/**
 * A narrative as a literal block that reads back as exactly `text`: the chomping indicator keeps the trailing
 * line breaks as they are, and an explicit indentation indicator is written only when the first line with
 * content starts with white space (or white-space-only lines come before it), which would otherwise be taken
 * for indentation.
 */
function block(key: string, text: string, indent: string): string[] {
  if (!text) return [`${indent}${key}: |`];
  // A literal block has no escapes: text with a character YAML refuses is written double-quoted instead.
  if (NON_PRINTABLE.test(text)) return [`${indent}${key}: ${doubleQuoted(text)}`];
  const body = text.replace(/\r\n?/g, '\n');
  const trimmed = body.replace(/\n+$/, '');
  const breaks = body.length - trimmed.length;
  const chomp = breaks === 0 ? '-' : breaks === 1 && trimmed !== '' ? '' : '+';
  const firstContent = trimmed.split('\n').find((l) => l.trim() !== '');
  const leadingBlank = trimmed.split('\n').findIndex((l) => l !== '' && l.trim() === '');
  const contentAt = trimmed.split('\n').findIndex((l) => l.trim() !== '');
  const indicator =
    /^[ \t]/.test(firstContent ?? trimmed) || (leadingBlank >= 0 && (contentAt < 0 || leadingBlank < contentAt))
      ? '2'
      : '';
  const lines = [`${indent}${key}: |${indicator}${chomp}`];
  for (const line of (chomp === '+' ? body.replace(/\n$/, '') : trimmed).split('\n'))
    lines.push(line ? `${indent}  ${line}` : '');
  return lines;
}

function columnsComment(node: GroupNode): string | undefined {
  return node.columns ? node.columns.map((c) => c.printed).join(', ') : undefined;
}

type Layout = ReportData['layout'];

/** The node as the report's layout has it at this place: its own, or the other edition's with the same id. */
function shapedNode(node: TemplateNode, layout: Layout): TemplateNode {
  const edition = layout?.[node.id];
  return edition === undefined ? node : (templateIndex(edition).byId.get(node.id)?.node ?? node);
}

/** The rows a report of `edition` is written with, in order, each in the shape `layout` gives it. */
export function writtenRows(
  edition: Edition,
  layout?: Layout,
): { readonly node: RowNode; readonly path: readonly string[] }[] {
  const out: { node: RowNode; path: string[] }[] = [];
  const visit = (template: TemplateNode, prefix: readonly string[]): void => {
    const node = shapedNode(template, layout);
    const path = [...prefix, node.key];
    if (node.kind === 'row') out.push({ node, path });
    else if (node.kind === 'group') for (const child of node.children) visit(child, path);
  };
  for (const node of TEMPLATES[edition].root.children) visit(node, []);
  return out;
}

function writeNode(
  template: TemplateNode,
  data: ReportData,
  indent: string,
  out: string[],
  topTable: boolean,
  unit = '  ',
  isSection = indent === '',
): void {
  const node = shapedNode(template, data.layout);
  switch (node.kind) {
    case 'meta': {
      const value =
        node.id === 'meta.edition'
          ? String(data.edition)
          : node.id === 'meta.agency'
            ? yamlString(data.agency)
            : node.id === 'meta.year'
              ? String(data.year)
              : node.id === 'meta.published'
                ? data.published
                : data.agencyType;
      if (value === undefined) return;
      out.push(withComment(`${indent}${node.key}: ${value}`, node.id === 'meta.edition' ? EDITION_COMMENT : undefined));
      return;
    }
    case 'text':
      out.push(...block(node.key, data.texts?.[node.id] ?? '', indent));
      return;
    case 'row': {
      const values = data.rows?.[node.id] ?? node.columns.map(() => 0);
      // A value left out is written as 0; a null (a blank cell, as printed) stays null.
      const cell = (i: number): string => yamlNumber(values[i] === undefined ? 0 : values[i]);
      const written = node.columns.length === 1 ? cell(0) : `[${node.columns.map((_, i) => cell(i)).join(', ')}]`;
      out.push(withComment(`${indent}${node.key}: ${written}`, data.rowComments?.[node.id]));
      return;
    }
    case 'group': {
      // Column names go beside each table, not beside every row group inside it.
      out.push(withComment(`${indent}${node.key}:`, topTable ? columnsComment(node) : undefined));
      for (const child of node.children) {
        const childIsTable =
          isSection && child.kind === 'group' && child.columns !== undefined && node.columns === undefined;
        writeNode(child, data, `${indent}${unit}`, out, childIsTable, unit, false);
      }
      return;
    }
  }
}

export function writeReport(data: ReportData): string {
  const out: string[] = [];
  for (const line of data.headerComments ?? []) out.push(line ? `# ${commentText(line)}` : '#');
  for (const node of TEMPLATES[data.edition].root.children) {
    writeNode(node, data, '', out, node.kind === 'group' && node.columns !== undefined);
  }
  return `${out.join('\n')}\n`;
}

/**
 * One template node written with zeros (a row, a whole sub-table, a section) at `indent`, nested by `unit`,
 * exactly as `writeReport` writes it at that place (`depth` 0 = a section; a table gets its column comment):
 * for inserting missing keys and for the whole-table snippet.
 */
export function writeTemplateNode(
  node: TemplateNode,
  edition: Edition,
  depth: number,
  parentColumns: boolean,
  indent = '',
  unit = '  ',
  meta: { readonly agencyType?: string } = {},
): string[] {
  const out: string[] = [];
  const table = node.kind === 'group' && node.columns !== undefined && (depth === 0 || (depth === 1 && !parentColumns));
  const data = { edition, agency: '', year: 0, ...(meta.agencyType ? { agencyType: meta.agencyType } : {}) };
  writeNode(node, data, indent, out, table, unit, depth === 0);
  return out;
}

/** A complete report of zeros and empty narrative: `nianbao init`, the skeleton snippet, the empty-file fix. */
export function writeSkeleton(edition: Edition, year: number, agency: string): string {
  return writeReport({ edition, year, agency });
}
