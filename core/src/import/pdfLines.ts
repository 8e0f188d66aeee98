/**
 * A PDF's text, as positioned items (what a PDF library extracts: a string, where its baseline starts, its width
 * and font size), as lines. The order items come in means nothing — PDF producers write text in any order — so
 * everything is read from where it stands: items on one baseline make a line, wide gaps split it into cells.
 *
 * Table sections are read again as rows (`tableLines`): text fragments that wrap inside a cell are stacked into
 * one block when the template says the joined text goes on (a label or header word starts that way); a block that
 * matches a row label is a row, and a number belongs to the one row whose block stands beside it vertically. A
 * number beside no row label, or beside two, is reported and left out — never given to a neighbour. Its column is
 * decided later from the header's horizontal positions (`columnMap.ts`).
 */
import { normaliseLabel } from '../template/nearestLabel';
import { readCell } from './readCell';
import { displayOf, headerText, isGroupLabel, isRowEntry, withoutGroupLabels } from './readTables';
import type { Cell, Line, SourceDocument } from './sourceLines';
import { headerWords, matchLabel, sectionLabels } from './templateLabels';

export interface PdfItem {
  readonly text: string;
  /** Left end of the baseline, in points from the page's left edge. */
  readonly x: number;
  /** Baseline height above the page's bottom edge, in points (PDF's own orientation). */
  readonly y: number;
  readonly width: number;
  /** Font size in points. */
  readonly size: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
}

/** An item placed on the whole document, top to bottom: pages stacked (or a run of them, a fragment). */
interface Glyph {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline, downwards from the top of the first page. */
  readonly base: number;
  readonly size: number;
  readonly page: number;
}

/**
 * CJK radicals that PDF fonts map glyphs to instead of the ideographs they look like (⺠ for 民, ⻓ for 长), from
 * Unicode's EquivalentUnifiedIdeograph.txt (U+2E81–U+2EF3, ideographs of the basic plane); the Kangxi radicals
 * (⼈ for 人) NFKC maps by itself.
 */
const RADICALS = new Map(
  (
    '2E81:5382 2E82:4E5B 2E83:4E5A 2E84:4E59 2E85:4EBB 2E86:5182 2E88:5200 2E89:5202 2E8A:535C 2E8B:353E ' +
    '2E8C:5C0F 2E8D:5C0F 2E8E:5140 2E8F:5C23 2E90:5C22 2E92:5DF3 2E93:5E7A 2E94:5F51 2E95:5F50 2E96:5FC4 ' +
    '2E97:5FC3 2E98:624C 2E99:6535 2E9B:65E1 2E9C:65E5 2E9D:6708 2E9E:6B7A 2E9F:6BCD 2EA0:6C11 2EA1:6C35 ' +
    '2EA2:6C3A 2EA3:706C 2EA4:722B 2EA5:722B 2EA6:4E2C 2EA7:725B 2EA8:72AD 2EA9:738B 2EAB:76EE 2EAC:793A ' +
    '2EAD:793B 2EAF:7CF9 2EB0:7E9F 2EB1:7F53 2EB2:7F52 2EB3:34C1 2EB4:5197 2EB6:7F8A 2EB9:8002 2EBA:8080 ' +
    '2EBB:807F 2EBC:8089 2EBE:8279 2EBF:8279 2EC0:8279 2EC1:864E 2EC2:8864 2EC3:8980 2EC4:897F 2EC5:89C1 ' +
    '2EC6:89D2 2EC8:8BA0 2EC9:8D1D 2ECB:8F66 2ECC:8FB6 2ECD:8FB6 2ECE:8FB6 2ECF:9091 2ED0:9485 2ED1:9577 ' +
    '2ED2:9578 2ED3:957F 2ED4:95E8 2ED6:961D 2ED7:96E8 2ED8:9752 2ED9:97E6 2EDA:9875 2EDB:98CE 2EDC:98DE ' +
    '2EDD:98DF 2EDF:98E0 2EE0:9963 2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C 2EE6:9E1F 2EE7:5364 2EE8:9EA6 ' +
    '2EE9:9EC4 2EEA:9EFE 2EEB:6589 2EEC:9F50 2EED:6B6F 2EEE:9F7F 2EEF:7ADC 2EF0:9F99 2EF1:9F9C 2EF2:4E80 ' +
    '2EF3:9F9F'
  )
    .split(' ')
    .map((pair) => pair.split(':').map((h) => String.fromCharCode(Number.parseInt(h, 16))) as [string, string]),
);

/**
 * Kangxi radicals whose NFKC form is the traditional ideograph while simplified Chinese fonts draw the simplified
 * one with the same glyph (⼾ is 户 in a report, not 戶).
 */
const SIMPLIFIED_KANGXI = new Map([
  ['\u2f3e', '\u6237'],
  ['\u2fad', '\u9752'],
]);

/** A PDF's text as a reader sees it: radicals as ideographs, no soft hyphens or zero-width characters. */
export function cleanPdfText(text: string): string {
  return text
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS.get(c) ?? c)
    .replace(/[\u2f00-\u2fdf]/g, (c) => SIMPLIFIED_KANGXI.get(c) ?? c.normalize('NFKC'))
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Baselines closer than this share a line (× font size). */
const SAME_LINE = 0.45;
/** A gap this wide (× font size) separates cells of a line that is otherwise text. */
const WIDE_GAP = 1.5;
/** Inside a table, a gap this wide (× font size) separates cells (cell padding and borders are a few points). */
const CELL_GAP = 0.35;

const LATIN = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

function glyphsOf(pages: readonly PdfPage[]): Glyph[][] {
  let offset = 0;
  return pages.map((page, index) => {
    const glyphs: Glyph[] = [];
    for (const item of page.items) {
      const text = cleanPdfText(item.text);
      if (text.trim() === '' || !Number.isFinite(item.x + item.y + item.width + item.size) || item.size <= 0) continue;
      glyphs.push({
        text: text.trim(),
        x0: item.x,
        x1: item.x + Math.max(0, item.width),
        base: offset + (page.height - item.y),
        size: item.size,
        page: index,
      });
    }
    offset += Math.max(page.height, 1);
    return glyphs;
  });
}

/** Glyphs grouped by baseline, each group left to right. */
function baselines(glyphs: readonly Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: Glyph[][] = [];
  let current: Glyph[] = [];
  let base = 0;
  for (const g of sorted) {
    if (current.length && Math.abs(g.base - base) <= SAME_LINE * Math.max(g.size, current[0].size)) {
      current.push(g);
      base = current.reduce((s, c) => s + c.base, 0) / current.length;
      continue;
    }
    if (current.length) lines.push(current);
    current = [g];
    base = g.base;
  }
  if (current.length) lines.push(current);
  return lines.map((line) => line.sort((a, b) => a.x0 - b.x0));
}

/** A run of glyphs on one baseline without a wide gap: the text of one cell's line, or a piece of it. */
type Fragment = Glyph;

function join(a: string, b: string, gap: number, size: number): string {
  return LATIN.test(a) && LATIN_START.test(b) && gap > 0.2 * size ? `${a} ${b}` : `${a}${b}`;
}

/** A line's glyphs as fragments, split where the gap is wider than `gap` × font size. */
function fragments(line: readonly Glyph[], gap: number): Fragment[] {
  const out: Fragment[] = [];
  let cur: { text: string; x0: number; x1: number; base: number; size: number; page: number; n: number } | undefined;
  for (const g of line) {
    const space = cur ? g.x0 - cur.x1 : 0;
    // A label's ordinal often starts right after another cell's text: a smaller gap splits there.
    const ordinal = /^[（(\d]/.test(g.text) && space > 0.2 * g.size;
    if (cur && space <= gap * Math.max(g.size, cur.size) && !(gap < WIDE_GAP && ordinal)) {
      cur.text = join(cur.text, g.text, space, g.size);
      cur.x1 = Math.max(cur.x1, g.x1);
      cur.base = (cur.base * cur.n + g.base) / (cur.n + 1);
      cur.n++;
      continue;
    }
    if (cur) out.push(cur);
    cur = { text: g.text, x0: g.x0, x1: g.x1, base: g.base, size: g.size, page: g.page, n: 1 };
  }
  if (cur) out.push(cur);
  return out.map(({ text, x0, x1, base, size, page }) => ({ text, x0, x1, base, size, page }));
}

const PAGE_NUMBER = /^[-—–_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[-—–_\s]*$/;

/**
 * A page number marked as one — between dashes (GB/T 9704's "— 1 —"), 第1页, 1/3 — which official documents print
 * about 7 mm below the text block, higher than a plain number's margin.
 */
const MARKED_PAGE_NUMBER =
  /^\s*(?:[-—–_]\s*\d{1,4}\s*[-—–_]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})\s*$/;

/** A page number in the top or bottom margin. */
function furniture(line: readonly Glyph[], pageTop: number, pageHeight: number): boolean {
  const text = line.map((g) => g.text).join('');
  const at = (line[0].base - pageTop) / pageHeight;
  if (!PAGE_NUMBER.test(text)) return false;
  return at < 0.08 || at > 0.92 || ((at < 0.15 || at > 0.85) && MARKED_PAGE_NUMBER.test(text));
}

interface PageLine {
  readonly cells: Cell[];
  readonly glyphs: Glyph[];
  readonly page: number;
  readonly size: number;
}

/** Starts a section (一、…) rather than going on with the paragraph above. */
const SECTION_START = /^[一二三四五六七八九十]+、/;

/**
 * Lines of running text joined into paragraphs: a line that reaches the right margin goes on in the next one when
 * that one starts at the left margin (a new paragraph is indented, or follows a short line), also across a page
 * break. Table rows (several cells) and headings are never joined.
 */
function paragraphs(lines: readonly PageLine[]): PageLine[] {
  const margins = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.cells.length !== 1) continue;
    const m = margins.get(l.page) ?? { left: Infinity, right: -Infinity };
    m.left = Math.min(m.left, l.cells[0].x0 ?? Infinity);
    m.right = Math.max(m.right, l.cells[0].x1 ?? -Infinity);
    margins.set(l.page, m);
  }
  const out: PageLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const ok =
      prev &&
      prev.cells.length === 1 &&
      l.cells.length === 1 &&
      Math.abs(prev.size - l.size) < 0.5 &&
      !SECTION_START.test(l.cells[0].text);
    if (ok) {
      const pm = margins.get(prev.page);
      const lm = margins.get(l.page);
      const lastBase = prev.glyphs[prev.glyphs.length - 1].base;
      const pitch = l.glyphs[0].base - lastBase;
      const close = l.page !== prev.page || (pitch > 0 && pitch <= 2.2 * l.size);
      const full = pm !== undefined && (prev.cells[0].x1 ?? 0) >= pm.right - 2 * l.size;
      const flush = lm !== undefined && Math.abs((l.cells[0].x0 ?? 0) - lm.left) <= 0.6 * l.size;
      if (close && full && flush) {
        const a = prev.cells[0];
        const b = l.cells[0];
        out[out.length - 1] = {
          cells: [
            {
              text: join(a.text, b.text, 1, l.size),
              inherited: false,
              x0: Math.min(a.x0 ?? 0, b.x0 ?? 0),
              x1: Math.max(a.x1 ?? 0, b.x1 ?? 0),
            },
          ],
          glyphs: [...prev.glyphs, ...l.glyphs],
          page: l.page,
          size: l.size,
        };
        continue;
      }
    }
    out.push(l);
  }
  return out;
}

/** The document's lines, with the glyphs behind each (for reading its tables as rows). */
export function pdfDocument(pages: readonly PdfPage[]): SourceDocument {
  const behind = new Map<Line, readonly Glyph[]>();
  const pageLines: PageLine[] = [];
  let top = 0;
  glyphsOf(pages).forEach((glyphs, p) => {
    const height = Math.max(pages[p].height, 1);
    for (const line of baselines(glyphs)) {
      if (furniture(line, top, height)) continue;
      const cells: Cell[] = fragments(line, WIDE_GAP).map((f) => ({
        text: f.text,
        inherited: false,
        x0: f.x0,
        x1: f.x1,
      }));
      pageLines.push({ cells, glyphs: line, page: p, size: Math.max(...line.map((g) => g.size)) });
    }
    top += height;
  });
  const lines: Line[] = [];
  for (const l of paragraphs(pageLines)) {
    const out: Line = { cells: l.cells, row: l.cells.length > 1, scope: [], positioned: true };
    behind.set(out, l.glyphs);
    lines.push(out);
  }
  let tables = 0;
  return {
    lines,
    title: '',
    kind: 'pdf',
    tableLines: (section, sectionId) =>
      tableRows(
        section.flatMap((l) => behind.get(l) ?? []),
        sectionId,
        tables++,
      ),
  };
}

interface Block {
  readonly fragments: Fragment[];
  text: string;
  readonly x0: number;
  x1: number;
  readonly top: number;
  bottom: number;
  readonly size: number;
}

/** `dual`: a row in one edition and a row group in the other (（六）其他处理). */
type Kind = 'row' | 'dual' | 'group' | 'caption' | 'header' | 'other';

/** Every label and header word a section prints, normalised, for "does the text go on like this?". */
const vocabularies = new Map<string, string[]>();
function vocabulary(sectionId: string): string[] {
  const cached = vocabularies.get(sectionId);
  if (cached) return cached;
  const words = new Set<string>();
  for (const entry of sectionLabels(sectionId).entries) for (const l of entry.labels) words.add(normaliseLabel(l));
  for (const w of headerWords(sectionId)) words.add(normaliseLabel(w.text));
  const list = [...words].filter((w) => w !== '');
  vocabularies.set(sectionId, list);
  return list;
}

function goesOn(text: string, words: readonly string[]): boolean {
  const n = normaliseLabel(text);
  return words.some((w) => w.startsWith(n));
}

function complete(text: string, sectionId: string): boolean {
  const set = sectionLabels(sectionId);
  const hit = matchLabel(withoutGroupLabels(text, set) ?? text, set);
  if (hit && !hit.fuzzy) return true;
  const words = headerWords(sectionId);
  return words.some((w) => normaliseLabel(w.text) === normaliseLabel(text));
}

function aligned(a: Block, f: Fragment): boolean {
  const tol = 0.8 * Math.max(a.size, f.size);
  return (
    Math.abs(a.x0 - f.x0) <= tol ||
    Math.abs(a.x1 - f.x1) <= tol ||
    Math.abs((a.x0 + a.x1) / 2 - (f.x0 + f.x1) / 2) <= tol
  );
}

/**
 * Text fragments of one cell, wrapped over lines, stacked into blocks, guided by the section's vocabulary. A cell
 * broken by a page break goes on at the top of the next page: the table's last line on one page and its first on
 * the next count as adjacent.
 */
function stack(texts: readonly Fragment[], sectionId: string): Block[] {
  const words = vocabulary(sectionId);
  const blocks: Block[] = [];
  const firstBase = new Map<number, number>();
  const lastBase = new Map<number, number>();
  for (const f of texts) {
    firstBase.set(f.page, Math.min(firstBase.get(f.page) ?? Infinity, f.base));
    lastBase.set(f.page, Math.max(lastBase.get(f.page) ?? -Infinity, f.base));
  }
  const acrossPages = (last: Fragment, f: Fragment): boolean =>
    f.page === last.page + 1 &&
    Math.abs(last.base - (lastBase.get(last.page) ?? 0)) <= SAME_LINE * last.size &&
    Math.abs(f.base - (firstBase.get(f.page) ?? 0)) <= SAME_LINE * f.size;
  for (const f of [...texts].sort((a, b) => a.base - b.base || a.x0 - b.x0)) {
    let above: Block | undefined;
    for (const b of blocks) {
      const last = b.fragments[b.fragments.length - 1];
      const dy = f.base - last.base;
      // The rest of a justified line of the cell, beyond a gap wider than between cells of tighter tables.
      const sameLine =
        Math.abs(dy) <= SAME_LINE * f.size &&
        f.x0 >= last.x1 &&
        f.x0 - last.x1 <= 2.5 * f.size &&
        f.x1 <= b.x1 + 0.8 * f.size &&
        b.fragments.length > 1;
      const near = (dy > SAME_LINE * f.size && dy <= 1.9 * Math.max(f.size, b.size)) || acrossPages(last, f);
      if (sameLine && goesOn(join(b.text, f.text, 0, f.size), words)) {
        above = b;
        break;
      }
      if (!near || !aligned(b, f)) continue;
      if (!above || last.base > above.fragments[above.fragments.length - 1].base) above = b;
    }
    if (above) {
      const joined = join(above.text, f.text, 0, f.size);
      const onward = goesOn(joined, words);
      const ordinal = STARTS_LABEL.test(f.text);
      if (onward || (!ordinal && !complete(above.text, sectionId) && !goesOn(f.text, words))) {
        above.fragments.push(f);
        above.text = joined;
        above.x1 = Math.max(above.x1, f.x1);
        above.bottom = f.base + 0.15 * f.size;
        continue;
      }
    }
    blocks.push({
      fragments: [f],
      text: f.text,
      x0: f.x0,
      x1: f.x1,
      top: f.base - 0.85 * f.size,
      bottom: f.base + 0.15 * f.size,
      size: f.size,
    });
  }
  return blocks;
}

/** A label as printed, its ordinal kept (`(六)其他处理`, `1.申请人…`): width, spaces, quotes and `1、` evened out. */
function printedForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”‘’'"]/g, '"')
    .replace(/^(\d+)[.．、]/, '$1.');
}

/** Every row and group label of a section with its ordinal, as `printedForm` writes it. */
const printedVocabularies = new Map<string, string[]>();
function printedLabels(sectionId: string): string[] {
  const cached = printedVocabularies.get(sectionId);
  if (cached) return cached;
  const words = new Set<string>();
  for (const entry of sectionLabels(sectionId).entries)
    for (const placed of entry.placed.values())
      for (const label of entry.labels) words.add(printedForm(`${placed.node.ordinal}${label}`));
  const list = [...words];
  printedVocabularies.set(sectionId, list);
  return list;
}

const STARTS_LABEL = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、]|[一二三四五六七八九十]+、)/;

/**
 * Adjacent text fragments of one line that are parts of one label or header word: a cell's text justified across a
 * narrow cell (Word justifies Chinese text) leaves gaps wider than between cells of tighter tables. They are joined
 * when the joined text occurs in the section's vocabulary, and never before an ordinal (a new label starts there).
 */
function joinSplitLabels(line: Fragment[], sectionId: string): Fragment[] {
  const words = vocabulary(sectionId);
  const out: Fragment[] = [];
  for (const f of line) {
    const prev = out[out.length - 1];
    if (
      prev &&
      readCell(prev.text).kind !== 'number' &&
      readCell(f.text).kind !== 'number' &&
      f.x0 - prev.x1 < 1.2 * f.size &&
      !STARTS_LABEL.test(f.text)
    ) {
      const joined = normaliseLabel(`${prev.text}${f.text}`);
      // After an ordinal a label starts: the joined text must be how one of the section's labels begins with that
      // ordinal (normalising drops ordinals, and （六） beside the last line of the row label wrapped next to it
      // would otherwise join as 申请).
      const fits = STARTS_LABEL.test(prev.text)
        ? printedLabels(sectionId).some((w) => w.startsWith(printedForm(`${prev.text}${f.text}`)))
        : joined === '' || words.some((w) => w.includes(joined));
      if (fits) {
        out[out.length - 1] = { ...prev, text: `${prev.text}${f.text}`, x1: f.x1 };
        continue;
      }
    }
    out.push(f);
  }
  return out;
}

function kindOf(text: string, sectionId: string, labelArea: boolean): { kind: Kind; id?: string; label?: string } {
  const set = sectionLabels(sectionId);
  if (!labelArea) {
    // Over the values stand only column headers (其他 there is the column, not the row 3.其他).
    const header = headerText(text, headerWords(sectionId), () => undefined);
    return { kind: header !== undefined && header.length > 0 ? 'header' : 'other' };
  }
  const own = withoutGroupLabels(text, set) ?? text;
  const hit = matchLabel(own, set);
  if (hit && isRowEntry(hit.entry)) {
    const group = [...hit.entry.placed.values()].some((p) => p.node.kind === 'group');
    return { kind: group ? 'dual' : 'row', id: hit.entry.id, label: displayOf(hit.entry) };
  }
  if (isGroupLabel(text, set)) return { kind: 'group' };
  if (hit && hit.entry.id.split('.').length === 2 && sectionId === 'active') return { kind: 'caption' };
  const header = headerText(text, headerWords(sectionId), () => undefined);
  if (header !== undefined && header.length > 0) return { kind: 'header' };
  return { kind: 'other' };
}

function cellOf(text: string, x0: number, x1: number): Cell {
  return { text, inherited: false, x0, x1 };
}

/**
 * A table section's rows from where its text stands: captions, header lines (header words overlapping vertically
 * make one line), one line per row label with the numbers beside it, and what could not be tied to one row.
 */
function tableRows(glyphs: readonly Glyph[], sectionId: string, id: number): Line[] {
  const table = 10_000 + id;
  const texts: Fragment[] = [];
  const numbers: Fragment[] = [];
  const blanks: Fragment[] = [];
  for (const line of baselines(glyphs)) {
    for (const f of joinSplitLabels(fragments(line, CELL_GAP), sectionId)) {
      const kind = readCell(f.text).kind;
      (kind === 'number' ? numbers : kind === 'blank' ? blanks : texts).push(f);
    }
  }
  // Row labels, captions and group labels start left of the numbers; what starts further right is a header. A
  // blank mark (无, —) left of every number is a piece of a label (无法提供 broken across a narrow cell).
  const valuesFrom = Math.min(...numbers.map((v) => v.x0));
  const values = [...numbers];
  for (const b of blanks) (b.x0 >= valuesFrom - 0.5 * b.size ? values : texts).push(b);
  const classified = stack(texts, sectionId).map((b) => ({
    block: b,
    ...kindOf(b.text, sectionId, b.x0 < valuesFrom - 0.5 * b.size),
  }));
  // A label that is a row in one edition and a group in the other is a group when its sub-rows are printed.
  const ids = classified.filter((b) => b.kind === 'row').map((b) => b.id ?? '');
  const blocks = classified.map((b) =>
    b.kind === 'dual' ? { ...b, kind: (ids.some((id) => id.startsWith(`${b.id}.`)) ? 'group' : 'row') as Kind } : b,
  );
  const bands = blocks.filter((b) => b.kind !== 'group' && b.kind !== 'other');
  const assigned = new Map<Block, Fragment[]>();
  const loose: Fragment[] = [];
  const nearOf = new Map<Fragment, NonNullable<Line['near']>>();
  const rowBands = bands.filter((b) => b.kind === 'row');
  for (const v of values) {
    const y = v.base - 0.35 * v.size;
    const m = 0.45 * v.size;
    const near = bands.filter(({ block }) => block.top - m <= y && y <= block.bottom + m);
    const row = near.length === 1 && near[0].kind === 'row' ? near[0].block : undefined;
    if (row) {
      assigned.set(row, [...(assigned.get(row) ?? []), v]);
      continue;
    }
    loose.push(v);
    // Its note names the rows it may belong to: those it stands beside, else the nearest above and below.
    const beside = near.filter((b) => b.kind === 'row');
    const above = rowBands.filter((b) => b.block.bottom < y).sort((a, b) => b.block.bottom - a.block.bottom)[0];
    const below = rowBands.filter((b) => b.block.top > y).sort((a, b) => a.block.top - b.block.top)[0];
    const rows = (beside.length ? beside : [above, below]).flatMap((b) => (b?.label ? [b.label] : []));
    nearOf.set(v, { rows, beside: beside.length > 0 });
  }

  const out: { y: number; line: Line }[] = [];
  const emit = (y: number, cells: Cell[], near?: Line['near']): void => {
    out.push({ y, line: { cells, row: true, scope: [], table, positioned: true, ...(near ? { near } : {}) } });
  };
  // Header words whose blocks overlap vertically are one header line, left to right.
  const headers = blocks.filter((b) => b.kind === 'header').map((b) => b.block);
  headers.sort((a, b) => a.top - b.top);
  let band: Block[] = [];
  let bandBottom = -Infinity;
  const flush = (): void => {
    if (band.length)
      emit(
        band[0].top,
        [...band].sort((a, b) => a.x0 - b.x0).map((b) => cellOf(b.text, b.x0, b.x1)),
      );
    band = [];
  };
  for (const h of headers) {
    if (band.length && h.top > bandBottom) flush();
    band.push(h);
    bandBottom = Math.max(bandBottom === -Infinity ? h.bottom : bandBottom, h.bottom);
  }
  flush();
  for (const { block, kind } of blocks) {
    if (kind === 'caption' || kind === 'other') emit(block.top, [cellOf(block.text, block.x0, block.x1)]);
    if (kind !== 'row') continue;
    const own = (assigned.get(block) ?? []).sort((a, b) => a.x0 - b.x0);
    emit(block.top, [cellOf(block.text, block.x0, block.x1), ...own.map((v) => cellOf(v.text, v.x0, v.x1))]);
  }
  // Numbers beside no row label: section 四's one row of values; anywhere else, reported.
  const leftover = [...loose].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  if (sectionId === 'appeals') {
    if (leftover.length)
      emit(
        leftover[0].base,
        leftover.map((v) => cellOf(v.text, v.x0, v.x1)),
      );
  } else {
    for (const v of leftover) emit(v.base, [cellOf(v.text, v.x0, v.x1)], nearOf.get(v));
  }
  return out.sort((a, b) => a.y - b.y).map((o) => o.line);
}
