/**
 * Repairs of syntax errors whose correction the text decides, offered only when the repaired text parses without
 * syntax errors (`parse`, the core's own parser, is the judge):
 * - a flow collection (`[7, 2, 9`) not closed on its line: the closing brackets go after its last value;
 * - a quoted scalar not closed on its line: the quote goes at the end of the line, before a trailing comment;
 * - tabs used for indentation: spaces instead. How wide a tab was meant to be is not in the text, so every
 *   width an editor might have shown (the file's step, 2, 4, 8) is tried; the repair is offered when the widths
 *   that read best (fewest findings) all give the same report, and then in the file's own step.
 * Only the parser's first error is known at a time, so a repair counts as parsing cleanly when the errors after
 * it are repaired the same way (two unclosed rows are two fixes, each offered).
 */
import { analyze } from '../analyze';
import { parse } from '../syntax/parse';
import { syntaxRepairOf } from '../syntax/repairable';
import type { SyntaxRepair } from '../syntax/repairable';
import { toJson } from '../syntax/toJson';
import { indentStep } from './insertMissing';
import { applyEdits } from './textEdit';
import type { TextEdit } from './textEdit';

/** At most this many further repairs are made to see that a text parses cleanly. */
const MAX_FOLLOWING = 8;
const TAB_WIDTHS = [2, 4, 8];

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  let end = nl < 0 ? text.length : nl;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/** `]` and `}` for the flow collections left open on the line of `at`, inserted after its last value. */
function closeFlowEdits(text: string, at: number): TextEdit[] | undefined {
  const { start, end } = lineBounds(text, at);
  const line = text.slice(start, end);
  const open: string[] = [];
  let quote: string | undefined;
  let stop = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      stop = i;
      break;
    } else if (c === '[' || c === '{') open.push(c === '[' ? ']' : '}');
    else if (c === ']' || c === '}') {
      if (open.pop() !== c) return undefined;
    }
  }
  if (quote || open.length === 0) return undefined;
  let insertAt = stop;
  while (insertAt > 0 && /\s/.test(line[insertAt - 1])) insertAt--;
  return [{ start: start + insertAt, end: start + insertAt, newText: open.reverse().join('') }];
}

/** The quote that opens at `at`, closed at the end of its line (before a trailing comment). */
function closeQuoteEdits(text: string, at: number): TextEdit[] | undefined {
  const quote = text[at];
  if (quote !== '"' && quote !== "'") return undefined;
  const { start, end } = lineBounds(text, at);
  const line = text.slice(start, end);
  const from = at - start + 1;
  const rest = line.slice(from);
  // The same quote inside the text would have closed it: that is another kind of mistake.
  if (quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'/.test(rest.replace(/''/g, ''))) return undefined;
  const comment = /\s#/.exec(rest);
  let close = comment ? from + comment.index : line.length;
  while (close > from && /\s/.test(line[close - 1])) close--;
  if (close === from) return undefined;
  // A backslash at the end would escape the new quote.
  if (quote === '"' && /(?:^|[^\\])\\(?:\\\\)*$/.test(line.slice(from, close))) return undefined;
  return [{ start: start + close, end: start + close, newText: quote }];
}

/** The leading whitespace of a line with tabs expanded to tab stops `width` apart. */
function expandTabs(ws: string, width: number): string {
  let column = 0;
  for (const c of ws) column = c === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
  return ' '.repeat(column);
}

const BLOCK_SCALAR_HEADER = /(?:^|[:-]\s+)(?:[!&][^\s]*\s+)*[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * Lines that indent with tabs, each with the range of its leading whitespace. A tab after the space
 * indentation of a block scalar's text is part of the text (YAML allows it there) and stays.
 */
function tabIndentedLines(text: string): { start: number; end: number; ws: string }[] {
  const out: { start: number; end: number; ws: string }[] = [];
  let block: number | undefined;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    const ws = /^[ \t]*/.exec(line)?.[0] ?? '';
    const spaces = /^ */.exec(ws)?.[0].length ?? 0;
    const blank = line.trim() === '';
    if (block !== undefined && !blank && spaces <= block) block = undefined;
    if (!blank && ws.includes('\t') && block === undefined) out.push({ start, end: start + ws.length, ws });
    if (block === undefined && !line.trimStart().startsWith('#') && BLOCK_SCALAR_HEADER.test(line)) block = ws.length;
    start = end + 1;
  }
  return out;
}

function tabIndentEdits(text: string): TextEdit[] | undefined {
  const lines = tabIndentedLines(text);
  if (lines.length === 0) return undefined;
  const step = indentStep(parse(text));
  const widths = [...new Set([step, ...TAB_WIDTHS])];
  const readings: { width: number; edits: TextEdit[]; findings: number; tree: string }[] = [];
  for (const width of widths) {
    const edits = lines.map((l) => ({ start: l.start, end: l.end, newText: expandTabs(l.ws, width) }));
    const settled = settle(applyEdits(text, edits), MAX_FOLLOWING, false);
    if (settled === undefined) continue;
    const analysis = analyze(settled);
    readings.push({
      width,
      edits,
      findings: analysis.diagnostics.length,
      tree: JSON.stringify(toJson(analysis.doc.root)),
    });
  }
  if (readings.length === 0) return undefined;
  const fewest = Math.min(...readings.map((r) => r.findings));
  const best = readings.filter((r) => r.findings === fewest);
  if (best.some((r) => r.tree !== best[0].tree)) return undefined;
  return (best.find((r) => r.width === step) ?? best[0]).edits;
}

function repairEdits(text: string, repair: SyntaxRepair, at: number, tabs: boolean): TextEdit[] | undefined {
  switch (repair) {
    case 'closeFlow':
      return closeFlowEdits(text, at);
    case 'closeQuote':
      return closeQuoteEdits(text, at);
    case 'tabIndent':
      return tabs ? tabIndentEdits(text) : undefined;
  }
}

/**
 * The text once its syntax errors are repaired one after another (at most `rounds` repairs), or undefined when an
 * error has no repair. `tabs`: whether tab indentation may be repaired on the way (not while choosing a width).
 */
function settle(text: string, rounds: number, tabs: boolean): string | undefined {
  let current = text;
  for (let round = 0; ; round++) {
    const error = parse(current).errors.find((e) => e.kind === 'syntax');
    if (!error) return current;
    if (round >= rounds) return undefined;
    const repair = syntaxRepairOf(current, error);
    const edits = repair ? repairEdits(current, repair, error.start, tabs) : undefined;
    if (!edits || edits.length === 0) return undefined;
    current = applyEdits(current, edits);
  }
}

/** The edits of one syntax repair, or undefined when it does not decide the text (see above). */
export function repairSyntaxEdits(text: string, repair: SyntaxRepair, at: number): TextEdit[] | undefined {
  const edits = repairEdits(text, repair, at, true);
  if (!edits || edits.length === 0) return undefined;
  return settle(applyEdits(text, edits), MAX_FOLLOWING, true) === undefined ? undefined : edits;
}
