/**
 * Fast path: js-yaml's event stream (exact source offsets, no intermediate document) into the syntax tree.
 * Returns undefined when js-yaml rejects the text or the text needs what only the recovering parser
 * reports precisely (several documents); the caller then runs `parseRecover`.
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { afterIndicator, blockIndicator, blockScalarRange, flowEnd, skipTrivia } from './geometry';
import { MAX_ALIASES, MAX_DEPTH } from './limits';
import { normaliseTag, resolveScalar } from './resolveScalar';
import type { AliasNode, MapNode, PairNode, ScalarNode, ScalarStyle, SeqNode, YamlNode } from './tree';

export { MAX_DEPTH } from './limits';

interface MapFrame {
  kind: 'map';
  start: number;
  flow: boolean;
  items: PairNode[];
  key: YamlNode | null;
  tag?: string;
  tagRange?: [number, number];
  anchor?: string;
}

interface SeqFrame {
  kind: 'seq';
  start: number;
  flow: boolean;
  items: YamlNode[];
  tag?: string;
  tagRange?: [number, number];
  anchor?: string;
}

type Frame = MapFrame | SeqFrame;

const STYLES: Record<number, ScalarStyle> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded',
};

export type FastResult =
  | { readonly ok: true; readonly root: YamlNode | null }
  | {
      readonly ok: false;
      readonly reason: 'syntax' | 'tooDeep' | 'multiDocument' | 'tooManyAliases';
      readonly position: number;
      readonly detail: string;
    };

interface Props {
  tag?: string;
  tagRange?: [number, number];
  anchor?: string;
}

/** Shared by every node without a tag or an anchor (nearly all of them): nothing to allocate or copy. */
const NO_PROPS: Props = Object.freeze({});

function props(text: string, e: { tagStart: number; tagEnd: number; anchorStart: number; anchorEnd: number }): Props {
  if (e.tagStart < 0 && e.anchorStart < 0) return NO_PROPS;
  const p: Props = {};
  if (e.tagStart >= 0) {
    p.tag = normaliseTag(text.slice(e.tagStart, e.tagEnd));
    p.tagRange = [e.tagStart, e.tagEnd];
  }
  if (e.anchorStart >= 0) p.anchor = text.slice(e.anchorStart, e.anchorEnd).replace(/^&/, '');
  return p;
}

export function parseFast(text: string): FastResult {
  let events: Event[];
  // A syntax error is an answer here, not a fault: its reason and position are read, never its stack, and capturing
  // one is half of what js-yaml's exception costs (a broken report takes this path once per analysis).
  const engine = Error as ErrorConstructor & { stackTraceLimit?: number };
  const stackTraceLimit = engine.stackTraceLimit;
  engine.stackTraceLimit = 0;
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    const e = error as { reason?: unknown; mark?: { position?: unknown }; message?: unknown };
    const detail = typeof e.reason === 'string' ? e.reason : String(e.message ?? error);
    const position = typeof e.mark?.position === 'number' ? e.mark.position : 0;
    return { ok: false, reason: /depth|nest/i.test(detail) ? 'tooDeep' : 'syntax', position, detail };
  } finally {
    engine.stackTraceLimit = stackTraceLimit;
  }

  // Before any tree is built: a document of more aliases than MAX_ALIASES is refused at the first one past it.
  let aliases = 0;
  for (const e of events) {
    if (e.type === EVENT_ID.ALIAS && ++aliases > MAX_ALIASES) {
      return {
        ok: false,
        reason: 'tooManyAliases',
        position: Math.max(0, e.anchorStart - 1),
        detail: String(events.filter((x) => x.type === EVENT_ID.ALIAS).length),
      };
    }
  }

  const stack: Frame[] = [];
  let root: YamlNode | null = null;
  let documents = 0;
  // End of the last token consumed: where the search for a block indicator or an empty value's colon starts.
  let lastEnd = 0;

  const attach = (node: YamlNode): void => {
    lastEnd = node.end;
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
    } else if (top.kind === 'seq') {
      top.items.push(node);
    } else if (top.key === null) {
      top.key = node;
    } else {
      top.items.push({ key: top.key, value: node, start: top.key.start, end: node.end });
      top.key = null;
    }
  };

  const scalar = (e: ScalarEvent): ScalarNode => {
    const style = STYLES[e.style] ?? 'plain';
    const p = props(text, e);
    // Right after the indicator that introduced this value (`key:` or `- `), when there is one.
    const top = stack[stack.length - 1];
    let introduced = -1;
    if (top?.kind === 'map' && top.key !== null) introduced = afterIndicator(text, top.key.end, ':');
    else if (top?.kind === 'seq' && !top.flow)
      introduced = afterIndicator(text, top.items.length ? lastEnd : top.start, '-');
    const from = Math.max(lastEnd, introduced, p.tagRange ? p.tagRange[1] : -1, e.anchorEnd);
    let start: number;
    let end: number;
    let empty = false;
    if (
      e.valueStart < 0 &&
      top?.kind === 'map' &&
      top.key === null &&
      !top.flow &&
      !p.tagRange &&
      p.anchor === undefined
    ) {
      // An absent key (`: value`): zero length at its colon.
      start = skipTrivia(text, top.items.length ? lastEnd : top.start);
      end = start;
      empty = true;
    } else if (e.valueStart < 0) {
      // An absent value: zero length right after the indicator that introduced it.
      start = p.tagRange || p.anchor !== undefined || introduced < 0 ? from : introduced;
      end = start;
      empty = true;
    } else if (style === 'single' || style === 'double') {
      start = e.valueStart - 1;
      end = e.valueEnd + 1;
    } else if (style === 'literal' || style === 'folded') {
      [start, end] = blockScalarRange(text, blockIndicator(text, from), e.valueEnd);
    } else {
      start = e.valueStart;
      end = e.valueEnd;
    }
    const decoded = e.valueStart < 0 ? '' : getScalarValue(text, e);
    const node: ScalarNode = {
      kind: 'scalar',
      style,
      text: decoded,
      value: resolveScalar(decoded, style, p.tag),
      empty,
      start,
      end,
    };
    return p === NO_PROPS ? node : { ...node, ...p };
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1)
          return { ok: false, reason: 'multiDocument', position: lastEnd, detail: 'several documents' };
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const flow = e.style === 2;
        const p = props(text, e);
        const frame: Frame =
          e.type === EVENT_ID.MAPPING
            ? {
                kind: 'map',
                start: e.start,
                flow,
                items: [],
                key: null,
                tag: p.tag,
                tagRange: p.tagRange,
                anchor: p.anchor,
              }
            : { kind: 'seq', start: e.start, flow, items: [], tag: p.tag, tagRange: p.tagRange, anchor: p.anchor };
        stack.push(frame);
        if (flow) lastEnd = e.start + 1;
        break;
      }
      case EVENT_ID.SCALAR:
        attach(scalar(e));
        break;
      case EVENT_ID.ALIAS: {
        // js-yaml's alias range may leave out the `*`; the canonical range includes it.
        const start =
          text[e.anchorStart] !== '*' && text[e.anchorStart - 1] === '*' ? e.anchorStart - 1 : e.anchorStart;
        const alias: AliasNode = {
          kind: 'alias',
          name: text.slice(start, e.anchorEnd).replace(/^\*/, ''),
          start,
          end: e.anchorEnd,
        };
        attach(alias);
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (!frame) break; // closes the document
        attach(finish(text, frame, lastEnd));
        break;
      }
    }
  }
  // A document of nothing (`---` alone) is empty, as the recovering parser reads it.
  const only = root as YamlNode | null;
  if (only?.kind === 'scalar' && only.empty && only.tag === undefined && only.anchor === undefined)
    return { ok: true, root: null };
  return { ok: true, root };
}

function finish(text: string, frame: Frame, lastEnd: number): MapNode | SeqNode {
  let node: MapNode | SeqNode;
  if (frame.kind === 'map') {
    const end = frame.flow ? flowEnd(text, lastEnd, '}') : (frame.items[frame.items.length - 1]?.end ?? frame.start);
    node = { kind: 'map', flow: frame.flow, items: frame.items, start: frame.start, end };
  } else {
    const end = frame.flow ? flowEnd(text, lastEnd, ']') : (frame.items[frame.items.length - 1]?.end ?? frame.start);
    node = { kind: 'seq', flow: frame.flow, items: frame.items, start: frame.start, end };
  }
  // Tags and anchors are rare: only those nodes carry the properties (both parsers build the same shapes).
  if (frame.tag === undefined && frame.anchor === undefined) return node;
  return {
    ...node,
    ...(frame.tag ? { tag: frame.tag, tagRange: frame.tagRange } : {}),
    ...(frame.anchor !== undefined ? { anchor: frame.anchor } : {}),
  };
}
