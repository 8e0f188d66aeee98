/** How a template node is described to a reader (completion documentation, hovers): place, shape, statutory basis. */
import { STATUTE } from '../template/statute';
import { TEMPLATES, displayLabel, nodeAtPath } from '../template/templates';
import type { PlacedNode } from '../template/templates';
import type { Column, Edition, Localized, TemplateNode } from '../template/types';

/** `三、收到和处理政府信息公开申请情况 › 三、本年度办理结果`: the labels of the nodes above `path`. */
export function breadcrumb(edition: Edition, path: readonly string[]): string {
  const labels: string[] = [];
  for (let i = 1; i < path.length; i++) {
    const placed = nodeAtPath(edition, path.slice(0, i));
    labels.push(placed ? displayLabel(placed.node) : path[i - 1]);
  }
  return labels.join(' › ');
}

export function columnList(columns: readonly Column[]): string {
  return columns.map((c) => c.printed).join('、');
}

const META_SHAPE: Readonly<Record<string, Localized>> = {
  edition: { zh: '年报格式：2019 或 2021', en: 'Template edition: 2019 or 2021' },
  string: { zh: '发布年报的行政机关全称', en: 'Full name of the publishing agency' },
  year: { zh: '报告所属年度（公历年）', en: 'Report year (calendar year)' },
  date: { zh: '发布日期，写成 YYYY-MM-DD', en: 'Publication date, YYYY-MM-DD' },
  agencyType: {
    zh: '人民政府 或 部门（决定发布期限与第五十条第（四）项的要求）',
    en: '人民政府 or 部门 (decides the deadline and the art. 50 (4) content)',
  },
};

/** What the node holds: a row of N numbers (and which), a mapping of N items, text, a meta value. */
export function shapeOf(node: TemplateNode): Localized {
  switch (node.kind) {
    case 'row': {
      if (node.columns.length === 1) {
        const c = node.columns[0];
        return { zh: `一个数：${c.printed}`, en: `One number: ${c.printed} (${c.en})` };
      }
      const list = columnList(node.columns);
      return {
        zh: `一行 ${node.columns.length} 个数：${list}`,
        en: `A row of ${node.columns.length} numbers: ${list}`,
      };
    }
    case 'group': {
      const cols = node.columns ? columnList(node.columns) : '';
      return {
        zh: `含 ${node.children.length} 项${cols ? `；各行依次为：${cols}` : ''}`,
        en: `${node.children.length} items${cols ? `; each row: ${cols}` : ''}`,
      };
    }
    case 'text':
      return { zh: '文字部分（多行文字，写在 | 之后）', en: 'Narrative (multi-line text after |)' };
    case 'meta':
      return META_SHAPE[node.type];
  }
}

/** `**《条例》第三十六条第（三）项**：…` for each statutory basis of the node. */
export function basisMarkdown(node: TemplateNode): string[] {
  return node.basis
    .map((id) => STATUTE[id])
    .filter((s) => s !== undefined)
    .map((s) => `**${s.cite}**：${s.text}`);
}

/** Markdown documentation of a template node: where it sits, what it holds, its statutory basis. */
export function nodeDocumentation(edition: Edition, placed: PlacedNode): Localized {
  const { node } = placed;
  const place = breadcrumb(edition, placed.path);
  const model = TEMPLATES[edition];
  const shape = shapeOf(node);
  const basis = basisMarkdown(node);
  const zh = [
    `${edition}年版（${model.document}）${place ? `　${place}` : ''}`,
    shape.zh,
    ...(basis.length ? ['依据：', ...basis.map((b) => `- ${b}`)] : []),
  ];
  const en = [
    `${edition} template (${model.document})${place ? `  ${place}` : ''}`,
    `${node.en}. ${shape.en}`,
    ...(basis.length ? ['Basis:', ...basis.map((b) => `- ${b}`)] : []),
  ];
  return { zh: zh.join('\n\n'), en: en.join('\n\n') };
}
