/**
 * Hostile report files, each built on the fly (deterministically) and what it must end with: one clear finding
 * (or its capped list), never a crash, a hang or an unbounded allocation. Measured through the core, the CLI and the
 * server by the tests beside this file.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ALIASES } from '../../../core/src/index';
import { EXAMPLES } from '../paths';

export interface HostileCase {
  readonly name: string;
  /** What it is, for the printed measurements and the README. */
  readonly what: string;
  readonly bytes: () => Buffer;
  /** `nianbao check`'s exit code: 1 when the findings include an error. */
  readonly exit?: 0 | 1;
  /** The codes the analysis must report (counted), checked on every channel. */
  readonly expect: (codes: readonly string[]) => string | undefined;
}

const SEED_2021 = (): string => readFileSync(join(EXAMPLES, 'shifan-2024.nianbao.yaml'), 'utf8');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

function count(codes: readonly string[], code: string): number {
  return codes.filter((c) => c === code).length;
}

/** Level n holds `width` aliases of level n−1: "billion laughs" (`width`^`levels` lols once expanded). */
function laughs(levels: number, width: number): string {
  const names = Array.from({ length: levels }, (_, i) => `l${i}`);
  const lines = [`${names[0]}: &${names[0]} [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(width)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `${SEED_2021()}${lines.join('\n')}\n`;
}

/** Deterministic bytes (a linear congruential generator). */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const HOSTILE: readonly HostileCase[] = [
  {
    name: 'alias-bomb',
    what: 'billion laughs: 9 levels of 9 aliases each (9^9 = 387,420,489 strings once expanded), appended to a report',
    bytes: () => utf8(laughs(9, 9)),
    // Never expanded: each of the 72 aliases is its own NB104, the report is still checked.
    expect: (codes) => (count(codes, 'NB104') === 72 ? undefined : `${count(codes, 'NB104')} NB104, expected 72`),
  },
  {
    name: 'alias-bomb-wide',
    what: `billion laughs past the alias limit: 12 levels of 12 aliases (132 aliases > ${MAX_ALIASES})`,
    bytes: () => utf8(laughs(12, 12)),
    expect: (codes) =>
      codes.join(' ') === 'NB104' ? undefined : `${codes.join(' ')}, expected one NB104 (too many aliases)`,
  },
  {
    name: 'deep-nesting',
    what: 'a value nested 10,000 levels deep (flow sequences and mappings alternating), in a report',
    bytes: () =>
      utf8(SEED_2021().replace('    行政许可: 1523', `    行政许可: ${'[{a: '.repeat(5000)}1${'}]'.repeat(5000)}`)),
    expect: (codes) => (codes.join(' ') === 'NB106' ? undefined : `${codes.join(' ')}, expected NB106`),
  },
  {
    name: 'deep-nesting-block',
    what: 'block sequences nested 10,000 levels deep on one line (`- - - … x`)',
    bytes: () => utf8(`${'- '.repeat(10_000)}x\n`),
    expect: (codes) => (codes.join(' ') === 'NB106' ? undefined : `${codes.join(' ')}, expected NB106`),
  },
  {
    name: 'file-50mb',
    what: 'a 50 MB report (its 总体情况 one long narrative of Chinese text)',
    bytes: () => {
      const line = `  ${'本年度主动公开政府信息，依法答复各类申请。'.repeat(20)}\n`;
      const seed = SEED_2021();
      const at = seed.indexOf('总体情况: |\n') + '总体情况: |\n'.length;
      const head = utf8(seed.slice(0, at));
      const tail = utf8(seed.slice(at));
      const filler = utf8(line);
      const lines = Math.ceil((50 * 1024 * 1024 - head.length - tail.length) / filler.length);
      return Buffer.concat([head, Buffer.alloc(filler.length * lines, filler), tail]);
    },
    expect: (codes) => (codes.join(' ') === 'NB107' ? undefined : `${codes.join(' ')}, expected NB107`),
  },
  {
    name: 'line-1mb-row',
    what: 'a 1 MB single line: a table row of 350,000 values',
    bytes: () =>
      utf8(SEED_2021().replace('  行政复议: [2, 1, 0, 1, 4]', `  行政复议: [${Array(350_000).fill('1').join(', ')}]`)),
    expect: (codes) =>
      codes.includes('NB204') ? undefined : `${codes.join(' ')}, expected NB204 (a row of the wrong length)`,
  },
  {
    name: 'line-1mb-quote',
    what: 'a 1 MB single line: a quoted 机关 that never closes',
    bytes: () => utf8(SEED_2021().replace(/^机关: .*$/m, `机关: "${'示范市临江区人民政府'.repeat(35_000)}`)),
    expect: (codes) => (codes.join(' ') === 'NB101' ? undefined : `${codes.join(' ')}, expected one NB101`),
  },
  {
    name: 'line-1mb-narrative',
    what: 'a 1 MB single line of narrative full of figures (收到申请…件, 予以公开…件, Chinese numerals)',
    exit: 0,
    bytes: () =>
      utf8(
        SEED_2021().replace(
          '总体情况: |\n',
          `总体情况: |\n  ${'共收到申请101件，予以公开十七件，一百零一'.repeat(17_500)}\n`,
        ),
      ),
    expect: (codes) =>
      codes.includes('NB309') && codes[codes.length - 1] === 'NB110'
        ? undefined
        : `${codes.slice(0, 5).join(' ')}…, expected NB309 findings capped by NB110`,
  },
  {
    name: 'duplicate-keys',
    what: '5,000 duplicate keys (格式 again and again) after a report',
    bytes: () => utf8(`${SEED_2021()}${Array(5000).fill('格式: 2021').join('\n')}\n`),
    expect: (codes) =>
      count(codes, 'NB102') === 1000 && codes[codes.length - 1] === 'NB110'
        ? undefined
        : `${count(codes, 'NB102')} NB102, expected 1000 and NB110`,
  },
  {
    name: 'custom-tags',
    what: 'custom tags: !!js/function, !!binary, !!python/object/apply, !<tag:…js/undefined>, !ruby/object, on values, keys and collections',
    bytes: () =>
      utf8(
        SEED_2021()
          .replace(
            /^机关: .*$/m,
            `机关: !!js/function "function () { require('fs').writeFileSync('/tmp/nianbao-pwned', 'pwned'); }"`,
          )
          .replace(
            '    行政许可: 1523',
            '    行政许可: !!binary R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5OTk6enp56enmleECcgggoBADs=',
          )
          .replace(
            '  行政复议: [2, 1, 0, 1, 4]',
            '  行政复议: !!python/object/apply:os.system ["touch /tmp/nianbao-pwned"]',
          )
          .concat('!<tag:yaml.org,2002:js/undefined> 键: !ruby/object:Gem::Installer {i: x}\n'),
      ),
    expect: (codes) =>
      count(codes, 'NB103') === 5 ? undefined : `${count(codes, 'NB103')} NB103 in ${codes.join(' ')}, expected 5`,
  },
  {
    name: 'binary',
    what: 'a binary file: the Node.js executable’s first 2 MB, named *.nianbao.yaml',
    bytes: () => {
      const out = Buffer.alloc(2 * 1024 * 1024);
      const fd = openSync(process.execPath, 'r');
      const n = readSync(fd, out, 0, out.length, 0);
      closeSync(fd);
      return out.subarray(0, n);
    },
    expect: (codes) => (codes.join(' ') === 'NB108' ? undefined : `${codes.join(' ')}, expected NB108`),
  },
  {
    name: 'binary-noise',
    what: '1 MB of random bytes',
    bytes: () => noise(1024 * 1024, 7),
    expect: (codes) => (codes.join(' ') === 'NB108' ? undefined : `${codes.join(' ')}, expected NB108`),
  },
];

export function hostileCase(name: string): HostileCase {
  const found = HOSTILE.find((c) => c.name === name);
  if (!found) throw new Error(`no hostile case ${name}`);
  return found;
}

/** Where something would have been written had a tag been executed. */
export const PWNED = '/tmp/nianbao-pwned';

/** Every channel's measurement must stay under this (a generous bound; the figures are printed). */
export const MEMORY_BOUND_MB = 1024;

/**
 * The time bound, in CPU time of the process under test (never wall-clock time, which other jobs on the machine
 * stretch): generous against the figures printed (all under a second here), tight against a blow-up — an alias
 * expanded or a quadratic scan of these inputs takes minutes.
 */
export const CPU_BOUND_MS = 20_000;

/** `NB104×72 NB201` */
export function summarise(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c}×${n}` : c)).join(' ') || 'no findings';
}
