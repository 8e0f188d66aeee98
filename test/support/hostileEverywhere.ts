/**
 * A report with hostile markup in every place a string can go, generated from the template model so that no field
 * is forgotten: every meta field, every narrative, every cell of every row, a foreign key (and its value) inside every
 * group and at the top, and — in the `shapes` variant — every section and sub-table replaced by a string. Each
 * payload names its field (`f17`), so a payload that ever runs says where it came from.
 */
import { TEMPLATES } from '../../core/src/index';
import type { Edition, TemplateNode } from '../../core/src/index';

function vectors(id: string, k: number): string {
  const all = [
    `<img src="/loaded/${id}" onerror="window.__pwned='${id}'">`,
    `"><script>window.__pwned='${id}'</script>`,
    `</style></title><svg onload="window.__pwned='${id}'">`,
    `javascript:window.__pwned='${id}' <a href="command:workbench.action.quit">${id}</a>`,
    `{{nonce}} {{scriptUri}} <iframe src="/loaded/${id}"></iframe>`,
    `' onmouseover='window.__pwned="${id}"' <base href="/loaded/${id}/">`,
  ];
  return `${all[k % all.length]} ${all[(k + 1) % all.length]}`;
}

export interface HostileDocument {
  readonly text: string;
  /** How many fields carry a payload. */
  readonly fields: number;
}

/**
 * `edition`: which template's keys; `meta`: also 格式 and 年度 (fields a number is expected in) hostile;
 * `shapes`: every group written as a string instead of its mapping.
 */
export function hostileEverywhere(
  edition: Edition,
  options: { meta?: boolean; shapes?: boolean } = {},
): HostileDocument {
  let n = 0;
  const payload = (): string => {
    const id = `f${n++}`;
    return JSON.stringify(vectors(id, n));
  };
  const lines: string[] = [];
  const write = (node: TemplateNode, indent: string): void => {
    switch (node.kind) {
      case 'meta':
        if (!options.meta && (node.type === 'edition' || node.type === 'year'))
          lines.push(`${indent}${node.key}: ${node.type === 'edition' ? edition : edition === 2019 ? 2020 : 2024}`);
        else lines.push(`${indent}${node.key}: ${payload()}`);
        return;
      case 'text':
        lines.push(`${indent}${node.key}: ${payload()}`);
        return;
      case 'row':
        lines.push(
          node.columns.length === 1
            ? `${indent}${node.key}: ${payload()}`
            : `${indent}${node.key}: [${node.columns.map(() => payload()).join(', ')}]`,
        );
        return;
      case 'group':
        if (options.shapes) {
          lines.push(`${indent}${node.key}: ${payload()}`);
          return;
        }
        lines.push(`${indent}${node.key}:`);
        for (const child of node.children) write(child, `${indent}  `);
        lines.push(`${indent}  ${payload()}: ${payload()}`);
        return;
    }
  };
  for (const node of TEMPLATES[edition].root.children) write(node, '');
  lines.push(`${payload()}: ${payload()}`);
  return { text: `${lines.join('\n')}\n`, fields: n };
}

/** The four documents the suites that render a report run: both editions, fields and keys, and every shape. */
export function hostileVariants(): readonly (readonly [string, HostileDocument])[] {
  return [
    ['2021, every value, cell and key', hostileEverywhere(2021)],
    ['2019, every value, cell and key, 格式 and 年度 too', hostileEverywhere(2019, { meta: true })],
    ['2021, every section and sub-table a string', hostileEverywhere(2021, { shapes: true })],
    ['2019, every section and sub-table a string', hostileEverywhere(2019, { shapes: true, meta: true })],
  ];
}
