/**
 * Random report-like YAML documents for the parser property test: block mappings and sequences, plain, quoted
 * and block scalars, flow sequences and mappings (on one line or several), empty values, tags and anchors,
 * comments everywhere a comment may go, LF or CRLF line ends. Every document generated is valid YAML 1.2.
 */
import fc from 'fast-check';

type Value =
  | { readonly k: 'inline'; readonly text: string }
  | { readonly k: 'empty' }
  | { readonly k: 'multiline'; readonly quote: '' | "'" | '"'; readonly lines: readonly string[] }
  | { readonly k: 'block'; readonly header: string; readonly lines: readonly string[]; readonly trailingBlank: number }
  | {
      readonly k: 'flow';
      readonly props: string;
      readonly items: readonly string[];
      readonly open: '[' | '{';
      readonly multiline: boolean;
      readonly trailingComma: boolean;
    }
  | { readonly k: 'map'; readonly props: string; readonly entries: readonly Entry[] }
  | { readonly k: 'seq'; readonly props: string; readonly items: readonly Item[]; readonly sameIndent: boolean };

interface Entry {
  readonly key: string;
  readonly value: Value;
  readonly comment: string | null;
  readonly commentLine: string | null;
}

interface Item {
  readonly value: Value;
  readonly comment: string | null;
}

/** Keys of the root besides the anchor definitions `锚点` and `另一个`. */
const KEYS = [
  '',
  '格式',
  '机关',
  '年度',
  '予以公开',
  '部分公开',
  '危及“三安全一稳定”',
  '行政复议',
  'key',
  'a b',
  '第二十条第（一）项',
  '2021',
  'null',
];
const WORDS = [
  '自然人',
  '商业企业',
  'abc',
  '某某市某某区人民政府',
  '示范 文字',
  'x-y',
  'a#b',
  'a:b',
  "it's",
  '2025-01-20',
  '（一）主动公开',
];
const NUMBERS = ['0', '12', '-3', '3.5', '3020.782', '1e3', '0x1F', '0o17', '.inf', '-.inf', '+7', '007'];
const SPECIAL = ['null', '~', 'true', 'False', 'NULL'];
const CHARS = [
  'a',
  'b',
  ' ',
  '中',
  '文',
  '#',
  ':',
  ',',
  '-',
  '“',
  '”',
  '（',
  '）',
  '1',
  '.',
  '!',
  '&',
  '*',
  '[',
  ']',
  '{',
  '}',
];

const word = fc.constantFrom(...WORDS);
const plain = fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...SPECIAL), word);
const chars = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((a) => a.join(''));
const singleQuoted = fc
  .array(fc.oneof(fc.constantFrom(...CHARS), fc.constant("''"), fc.constant('"')), { maxLength: 10 })
  .map((a) => `'${a.join('')}'`);
const doubleQuoted = fc
  .array(fc.oneof(fc.constantFrom(...CHARS), fc.constantFrom('\\"', '\\\\', '\\n', '\\t', '\\u4e2d', "'")), {
    maxLength: 10,
  })
  .map((a) => `"${a.join('')}"`);
const scalarProps = fc.constantFrom('', '', '', '!!str ', '!!int ', '&a ', '&b !!str ');
/** Properties of a collection; an alias `*a` refers to the anchor the document always defines first. */
const collectionProps = (tag: string): fc.Arbitrary<string> =>
  fc.constantFrom('', '', '', '&c ', `${tag} `, `&d ${tag} `);

/** An inline scalar; `!!int` only before something that is an integer. */
const inlineScalar = fc.oneof(
  { weight: 4, arbitrary: plain.map((text) => ({ k: 'inline' as const, text })) },
  { weight: 2, arbitrary: singleQuoted.map((text) => ({ k: 'inline' as const, text })) },
  { weight: 2, arbitrary: doubleQuoted.map((text) => ({ k: 'inline' as const, text })) },
  { weight: 1, arbitrary: fc.constantFrom('*a', '*b').map((text) => ({ k: 'inline' as const, text })) },
  {
    weight: 1,
    arbitrary: fc.tuple(scalarProps, fc.oneof(plain, singleQuoted, doubleQuoted)).map(([p, t]) => ({
      k: 'inline' as const,
      text: p.includes('!!int') && !/^[-+]?\d+$/.test(t) ? `${p.replace('!!int ', '')}${t}` : `${p}${t}`,
    })),
  },
);

const flowItem = fc.oneof(
  plain,
  singleQuoted,
  doubleQuoted,
  fc.constant('[1, 2]'),
  fc.constant('{a: 1}'),
  fc.constant('[]'),
  fc.constant('*a'),
);
const flowValue = fc.record({
  k: fc.constant('flow' as const),
  props: collectionProps('!!seq'),
  open: fc.constantFrom('[' as const, '[' as const, '{' as const),
  items: fc.array(flowItem, { maxLength: 7 }),
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
});

const blockLine = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.array(fc.oneof(word, chars), { minLength: 1, maxLength: 4 }).map((a) => a.join(' ').trim() || 'x'),
  },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: word.map((w) => `  ${w}`) },
  { weight: 1, arbitrary: fc.constant('# not a comment inside a block') },
);
const blockValue = fc.record({
  k: fc.constant('block' as const),
  header: fc.constantFrom('|', '>', '|-', '|+', '>-', '>+', '|2', '|-2'),
  lines: fc.array(blockLine, { maxLength: 5 }),
  trailingBlank: fc.nat({ max: 2 }),
});

const comment = fc.option(fc.constantFrom('注释', 'comment', '自然人, 商业企业', '# twice', ''), {
  nil: null,
  freq: 3,
});

/** A scalar continued on further lines (folded into one line when read). */
const multilineScalar = fc.record({
  k: fc.constant('multiline' as const),
  quote: fc.constantFrom('' as const, "'" as const, '"' as const),
  lines: fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constant('') }), {
    minLength: 2,
    maxLength: 4,
  }),
});

const { value } = fc.letrec<{ value: Value; map: Value; seq: Value }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'yaml' },
    { weight: 5, arbitrary: inlineScalar },
    { weight: 1, arbitrary: fc.constant({ k: 'empty' as const }) },
    { weight: 1, arbitrary: multilineScalar },
    { weight: 2, arbitrary: blockValue },
    { weight: 3, arbitrary: flowValue },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') },
  ),
  map: fc
    .uniqueArray(
      fc.record({
        key: fc.oneof(
          fc.constantFrom(...KEYS),
          fc.constantFrom(...KEYS).map((k) => `"${k}"`),
          fc.constantFrom(...KEYS).map((k) => `'${k}'`),
        ),
        value: tie('value'),
        comment,
        commentLine: comment,
      }),
      { minLength: 1, maxLength: 4, selector: (e) => e.key.replace(/^["']|["']$/g, '') },
    )
    .chain((entries) => collectionProps('!!map').map((props) => ({ k: 'map' as const, props, entries }))),
  seq: fc
    .record({
      items: fc.array(fc.record({ value: tie('value'), comment }), { minLength: 1, maxLength: 4 }),
      sameIndent: fc.boolean(),
      props: collectionProps('!!seq'),
    })
    .map(({ items, sameIndent, props }) => ({ k: 'seq' as const, props, items, sameIndent })),
}));

function trailing(c: string | null): string {
  return c === null ? '' : ` # ${c}`;
}

function renderFlow(v: Extract<Value, { k: 'flow' }>, indent: number): string {
  return `${v.open === '[' ? v.props : v.props.replace('!!seq', '!!map')}${flowBody(v, indent)}`;
}

function flowBody(v: Extract<Value, { k: 'flow' }>, indent: number): string {
  const close = v.open === '[' ? ']' : '}';
  const items = v.open === '[' ? v.items : v.items.map((item, i) => `k${i}: ${item}`);
  if (items.length === 0) return `${v.open}${close}`;
  const tail = v.trailingComma ? ',' : '';
  if (!v.multiline) return `${v.open}${items.join(', ')}${tail}${close}`;
  // Continuation lines must be indented more than the key the collection belongs to.
  const pad = ' '.repeat(indent + 2);
  return `${v.open}\n${items.map((item) => `${pad}${item}`).join(',\n')}${tail}\n${pad}${close}`;
}

function renderBlock(v: Extract<Value, { k: 'block' }>, indent: number, after: string): string[] {
  const explicit = /\d/.exec(v.header);
  const pad = ' '.repeat(indent + (explicit ? Number(explicit[0]) : 2));
  // Without an indentation indicator the first non-empty line decides the indentation, so it must not start
  // with a space; with one, anything goes.
  const lines = v.lines.map((l, i) => (!explicit && v.lines.slice(0, i).every((p) => p === '') ? l.trimStart() : l));
  return [
    `${v.header}${after}`,
    ...lines.map((l) => (l === '' ? '' : `${pad}${l}`)),
    ...Array.from({ length: v.trailingBlank }, () => ''),
  ];
}

/** Properties on the line of the key or dash, before the collection on the following lines. */
function props(p: string): string {
  return p ? ` ${p.trimEnd()}` : '';
}

/** Lines of `value` placed after `prefix` (a `key:` or `-`) at `indent`. */
function renderValue(v: Value, indent: number, prefix: string, c: string | null): string[] {
  switch (v.k) {
    case 'inline':
      return [`${prefix} ${v.text}${trailing(c)}`];
    case 'empty':
      return [`${prefix}${trailing(c)}`];
    case 'multiline': {
      // A plain scalar cannot start or end with an empty line; quoted ones can hold them.
      const lines = v.quote
        ? v.lines.map((l) => (v.quote === "'" ? l.replace(/'/g, "''") : l))
        : [...v.lines.filter((l) => l !== ''), 'end'];
      const pad = ' '.repeat(indent + 2);
      // The closing quote's line, like every continuation, is indented more than the key.
      const body = lines.map((l, i) => (i === 0 || (l === '' && i < lines.length - 1) ? l : `${pad}${l}`));
      body[0] = `${prefix} ${v.quote}${body[0]}`;
      body[body.length - 1] += `${v.quote}${trailing(c)}`;
      return body;
    }
    case 'block': {
      const [head, ...rest] = renderBlock(v, indent, trailing(c));
      return [`${prefix} ${head}`, ...rest];
    }
    case 'flow':
      return `${prefix} ${renderFlow(v, indent)}${trailing(c)}`.split('\n');
    case 'map':
      return [`${prefix}${props(v.props)}${trailing(c)}`, ...renderMap(v, indent + 2)];
    case 'seq':
      return [
        `${prefix}${props(v.props)}${trailing(c)}`,
        ...renderSeq(v, v.sameIndent && prefix.trimStart() !== '-' ? indent : indent + 2),
      ];
  }
}

function renderMap(v: Extract<Value, { k: 'map' }>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const e of v.entries) {
    if (e.commentLine !== null) out.push(`${pad}# ${e.commentLine}`);
    out.push(...renderValue(e.value, indent, `${pad}${e.key}:`, e.comment));
  }
  return out;
}

function renderSeq(v: Extract<Value, { k: 'seq' }>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const item of v.items) out.push(...renderValue(item.value, indent, `${pad}-`, item.comment));
  return out;
}

export interface GeneratedYaml {
  readonly text: string;
}

/** A whole document: a block mapping at the root, optional markers and comments, LF or CRLF. */
export const reportLikeYaml: fc.Arbitrary<string> = fc
  .record({
    root: value.filter((v) => v.k === 'map'),
    header: comment,
    footer: comment,
    markers: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map(({ root, header, footer, markers, crlf }) => {
    const lines = [
      ...(header !== null ? [`# ${header}`] : []),
      ...(markers ? ['---'] : []),
      // The anchors that aliases refer to, defined before any alias.
      '锚点: &a 1',
      '另一个: &b [x, y]',
      ...renderMap({ ...(root as Extract<Value, { k: 'map' }>), props: '' }, 0),
      ...(markers ? ['...'] : []),
      ...(footer !== null ? [`# ${footer}`] : []),
    ];
    const text = `${lines.join('\n')}\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
