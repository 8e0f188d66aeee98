/**
 * The template model: the statutory table format of one edition as data.
 *
 * Everything that knows about the report's shape (JSON Schemas, binding of a parsed YAML tree, invariants,
 * completions, hovers, inlay hints, rendering, import) reads it from here, so a label exists exactly once.
 */

export type Edition = 2019 | 2021;
export const EDITIONS: readonly Edition[] = [2019, 2021];

/** A string in both UI languages. Chinese is the default for every user-facing text. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

/** What a numeric cell holds; decides invariant 5 (sign and integrality) and the unit shown. */
export type ValueKind = 'count' | 'delta' | 'amount';

export interface Column {
  /** Stable identifier used by invariants and across editions (e.g. `natural`, `total`). */
  readonly id: string;
  /** Name used in messages, hovers and inlay hints (e.g. `自然人`, `本年收费金额`). */
  readonly name: string;
  /** One or two characters for the compact inlay hints (`自` for 自然人); unique among the row's columns. */
  readonly short: string;
  /** Header text exactly as printed in the template. */
  readonly printed: string;
  readonly kind: ValueKind;
  /** Unit of an amount; the YAML value is always in this unit. */
  readonly unit?: '万元';
  readonly en: string;
}

/** A reference to an article of the 条例 (or another document) whose text lives in `statute.ts`. */
export type BasisId = string;

interface NodeBase {
  /** Stable identifier, shared by the two editions where the meaning is the same. */
  readonly id: string;
  /** YAML key: the printed label without ordinal prefix and without 部分公开's counting note. */
  readonly key: string;
  /** The label exactly as printed in the template (without ordinal). */
  readonly printed: string;
  /** Ordinal as printed before the label: `一、`, `（三）`, `3.`; empty when the template prints none. */
  readonly ordinal: string;
  readonly en: string;
  /** Statutory basis: ids into `STATUTE`. */
  readonly basis: readonly BasisId[];
}

/** A table row: a flow sequence of `columns.length` values, or a plain number when there is one column. */
export interface RowNode extends NodeBase {
  readonly kind: 'row';
  readonly columns: readonly Column[];
}

/** A mapping of child nodes in template order (a section, a sub-table, a row group). */
export interface GroupNode extends NodeBase {
  readonly kind: 'group';
  readonly children: readonly TemplateNode[];
  /** The columns shared by the rows below (for the column comment above a table and for completions). */
  readonly columns?: readonly Column[];
  /** For a section printed as a table: how the template prints it (rendering and import read it). */
  readonly table?: TableLayout;
}

/** A printed header cell over several columns (`申请人情况`, `法人或其他组织`). */
export interface HeaderGroup {
  readonly printed: string;
  readonly en: string;
  /** Sub-headers and columns, left to right; the leaves are the rows' columns in order. */
  readonly children: readonly (HeaderGroup | Column)[];
}

/**
 * How a section's table is printed. Everything else about the grid (rowspans, colspans, the number of label
 * columns and header rows) follows from the node tree and the columns.
 */
export type TableLayout =
  /**
   * Section 二: one table of sub-tables; each child group opens with a caption row (its printed label), then a
   * header row (`labelHeader` and its columns), then its rows. A single value column spans the table's width.
   */
  | { readonly kind: 'captioned'; readonly labelHeader: Localized }
  /**
   * Section 三: rows below a multi-level column header; `corner` is printed in the top-left block that spans
   * the label columns and the header rows.
   */
  | { readonly kind: 'matrix'; readonly corner: Localized; readonly header: HeaderGroup }
  /** Section 四: the rows laid side by side in one printed row, under headers built from their labels. */
  | { readonly kind: 'band' };

/** A narrative section: a string (usually a literal block scalar). */
export interface TextNode extends NodeBase {
  readonly kind: 'text';
}

export type MetaType = 'edition' | 'string' | 'year' | 'date' | 'agencyType';

/** A scalar field at the top of the report (格式, 机关, 年度, …). */
export interface MetaNode extends NodeBase {
  readonly kind: 'meta';
  readonly type: MetaType;
  readonly required: boolean;
  /** Allowed values for enumerations, in the order they are offered. */
  readonly values?: readonly (string | number)[];
}

export type TemplateNode = RowNode | GroupNode | TextNode | MetaNode;

export interface TemplateModel {
  readonly edition: Edition;
  /** The issuing document, e.g. `国办公开办函〔2021〕30号`. */
  readonly document: string;
  readonly documentTitle: string;
  /** Report years this edition applies to (inclusive); `to` undefined = still current. */
  readonly years: { readonly from: number; readonly to?: number };
  /** What follows `<机关><年度>` in the report's title: `年政府信息公开工作年度报告`. */
  readonly titleSuffix: string;
  /** The root mapping: meta fields then the six sections, in template order. */
  readonly root: GroupNode;
}

export type YamlPath = readonly (string | number)[];
