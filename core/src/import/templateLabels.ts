/**
 * The labels an importer looks for, all read from the template model of both editions (so that a page printed
 * in the other edition's layout is recognised and imported as printed): section headings, sub-table captions,
 * row and group labels, and the header vocabulary of each table.
 */
import { nearestLabel, normaliseLabel } from '../template/nearestLabel';
import { TEMPLATES, templateIndex } from '../template/templates';
import type { PlacedNode } from '../template/templates';
import { EDITIONS } from '../template/types';
import type { Edition, GroupNode, HeaderGroup, TemplateNode } from '../template/types';

/** One label of a template node, with the editions that print it there. */
export interface LabelEntry {
  readonly id: string;
  readonly labels: readonly string[];
  /** The node in each edition that has this id with these labels. */
  readonly placed: ReadonlyMap<Edition, PlacedNode>;
}

export interface LabelHit {
  readonly entry: LabelEntry;
  readonly distance: number;
  readonly fuzzy: boolean;
}

export interface LabelSet {
  readonly entries: readonly LabelEntry[];
  readonly exact: ReadonlyMap<string, readonly LabelEntry[]>;
}

function labelsOf(node: TemplateNode): string[] {
  return [...new Set([node.printed, node.key])];
}

export function labelSet(entries: readonly LabelEntry[]): LabelSet {
  const exact = new Map<string, LabelEntry[]>();
  for (const entry of entries) {
    for (const label of entry.labels) {
      const key = normaliseLabel(label);
      const list = exact.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      exact.set(key, list);
    }
  }
  return { entries, exact };
}

/** Entries for nodes of both editions chosen by `pick`, merged where id and labels agree. */
function collect(pick: (placed: PlacedNode) => boolean): LabelEntry[] {
  const byKey = new Map<string, { id: string; labels: string[]; placed: Map<Edition, PlacedNode> }>();
  for (const edition of EDITIONS) {
    for (const placed of templateIndex(edition).nodes) {
      if (!pick(placed)) continue;
      const labels = labelsOf(placed.node);
      const key = `${placed.node.id}\u0000${labels.map(normaliseLabel).sort().join('\u0000')}`;
      const entry = byKey.get(key) ?? { id: placed.node.id, labels, placed: new Map<Edition, PlacedNode>() };
      entry.placed.set(edition, placed);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

/** The exact match after normalisation when it is unambiguous, else the nearest label within the threshold. */
export function matchLabel(text: string, set: LabelSet): LabelHit | undefined {
  const exact = set.exact.get(normaliseLabel(text));
  if (exact && exact.length === 1) return { entry: exact[0], distance: 0, fuzzy: false };
  if (exact && exact.length > 1) return undefined;
  const hit = nearestLabel(text, set.entries, (e) => e.labels);
  return hit ? { entry: hit.item, distance: hit.distance, fuzzy: hit.fuzzy } : undefined;
}

/** The six sections (identical titles in both editions), in order. */
export function sectionNodes(): readonly TemplateNode[] {
  return TEMPLATES[2021].root.children.filter((n) => n.kind !== 'meta');
}

const sectionCache = new Map<string, LabelSet>();

/** Row and group labels below a section (`active`, `applications`, `appeals`), both editions. */
export function sectionLabels(sectionId: string): LabelSet {
  const cached = sectionCache.get(sectionId);
  if (cached) return cached;
  const set = labelSet(collect((p) => p.node.id.startsWith(`${sectionId}.`)));
  sectionCache.set(sectionId, set);
  return set;
}

/** A column name printed in a table header, with the editions whose template prints it in that section. */
export interface HeaderWord {
  readonly text: string;
  readonly editions: ReadonlySet<Edition>;
  /** Position among the value columns of its table, for columns. */
  readonly columnIndex?: number;
}

const headerCache = new Map<string, readonly HeaderWord[]>();

/** What a section's table layout prints besides column names: `信息内容`, the 勾稽关系 rule, header groups. */
function tableHeadings(section: GroupNode): string[] {
  const table = section.table;
  if (!table) return [];
  if (table.kind === 'captioned') return [table.labelHeader.zh];
  if (table.kind === 'band') return [];
  const out = [table.corner.zh];
  const visit = (group: HeaderGroup): void => {
    out.push(group.printed);
    for (const child of group.children) if ('children' in child) visit(child);
  };
  visit(table.header);
  return out;
}

/**
 * Everything a section's table header may print: column names (as printed and short), the headings of the
 * section (`信息内容`, `申请人情况`, …), and for section 四 the row and group labels, which head its columns.
 */
export function headerWords(sectionId: string): readonly HeaderWord[] {
  const cached = headerCache.get(sectionId);
  if (cached) return cached;
  const words = new Map<string, { text: string; editions: Set<Edition>; columnIndex?: number }>();
  const add = (text: string, edition: Edition, columnIndex?: number): void => {
    const key = normaliseLabel(text);
    const word = words.get(key) ?? {
      text,
      editions: new Set<Edition>(),
      ...(columnIndex !== undefined ? { columnIndex } : {}),
    };
    word.editions.add(edition);
    words.set(key, word);
  };
  for (const edition of EDITIONS) {
    const section = TEMPLATES[edition].root.children.find((n) => n.id === sectionId);
    if (!section || section.kind !== 'group') continue;
    for (const heading of tableHeadings(section)) add(heading, edition);
    const groups: GroupNode[] = [section];
    for (const placed of templateIndex(edition).nodes) {
      if (placed.node.id.startsWith(`${sectionId}.`) && placed.node.kind === 'group') groups.push(placed.node);
      if (sectionId === 'appeals' && placed.node.id.startsWith('appeals.')) add(placed.node.key, edition);
    }
    for (const group of groups) {
      group.columns?.forEach((column, i) => {
        add(column.printed, edition, i);
        add(column.name, edition, i);
      });
    }
  }
  const list = [...words.values()];
  headerCache.set(sectionId, list);
  return list;
}
