/**
 * JSON Schemas (draft 2020-12) generated from the template model, with Chinese titles and descriptions from the
 * official labels. Committed under `schemas/`; `test/tools/generated.test.ts` fails when they are stale.
 */
import { STATUTE } from '../template/statute';
import { YEARS } from '../template/parts';
import { TEMPLATES, displayLabel } from '../template/templates';
import type { Column, Edition, GroupNode, MetaNode, RowNode, TemplateNode } from '../template/types';

export type JsonSchema = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
export const SCHEMA_BASE = 'https://nianbao.github.io/schemas/';

function basisText(node: TemplateNode): string {
  return node.basis
    .map((id) => STATUTE[id])
    .filter((s) => s !== undefined)
    .map((s) => `${s.cite}：${s.text}`)
    .join('\n');
}

function describe(node: TemplateNode, extra?: string): string {
  return [extra, basisText(node)].filter((s) => s).join('\n');
}

function cellSchema(column: Column): JsonSchema {
  const unit = column.unit ? `（单位：${column.unit}）` : '';
  switch (column.kind) {
    case 'count':
      return {
        title: column.printed,
        description: `${column.name}：非负整数，空白写 null${unit}`,
        type: ['integer', 'null'],
        minimum: 0,
      };
    case 'delta':
      return {
        title: column.printed,
        description: `${column.name}：整数，可为负数，空白写 null`,
        type: ['integer', 'null'],
      };
    case 'amount':
      return {
        title: column.printed,
        description: `${column.name}：非负数${unit}，空白写 null`,
        type: ['number', 'null'],
        minimum: 0,
      };
  }
}

function rowSchema(row: RowNode): JsonSchema {
  const columnList = row.columns.map((c) => c.printed).join('、');
  if (row.columns.length === 1) {
    const cell = cellSchema(row.columns[0]);
    return { ...cell, title: displayLabel(row), description: describe(row, `${row.columns[0].printed}`) };
  }
  return {
    title: displayLabel(row),
    description: describe(row, `依次为：${columnList}`),
    type: 'array',
    prefixItems: row.columns.map(cellSchema),
    minItems: row.columns.length,
    maxItems: row.columns.length,
  };
}

function metaSchema(node: MetaNode): JsonSchema {
  const title = node.printed;
  switch (node.type) {
    case 'edition':
      return {
        title,
        description: describe(
          node,
          '年报格式：2019 = 国办公开办函〔2019〕60号（2019、2020年度）；2021 = 国办公开办函〔2021〕30号（2021年度起）',
        ),
        enum: [2019, 2021],
      };
    case 'string':
      return { title, description: '发布年报的行政机关全称', type: 'string', pattern: '\\S' };
    case 'year':
      return { title, description: '报告所属年度（公历年）', type: 'integer', minimum: YEARS.min, maximum: YEARS.max };
    case 'date':
      return {
        title,
        description: describe(node, '发布日期，格式 YYYY-MM-DD'),
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      };
    case 'agencyType':
      return {
        title,
        description: describe(
          node,
          '人民政府：第四十九条规定的3月31日期限，第五十条（四）须报告考核、评议、责任追究；部门：1月31日期限',
        ),
        enum: ['人民政府', '部门'],
      };
  }
}

function nodeSchema(node: TemplateNode): JsonSchema {
  switch (node.kind) {
    case 'row':
      return rowSchema(node);
    case 'meta':
      return metaSchema(node);
    case 'text':
      return { title: displayLabel(node), description: describe(node), type: ['string', 'null'] };
    case 'group':
      return groupSchema(node);
  }
}

function groupSchema(group: GroupNode): JsonSchema {
  const properties: JsonSchema = {};
  for (const child of group.children) properties[child.key] = nodeSchema(child);
  const required = group.children.filter((c) => c.kind !== 'meta' || c.required).map((c) => c.key);
  const columns = group.columns ? `各行依次为：${group.columns.map((c) => c.printed).join('、')}` : undefined;
  return {
    ...(group.key ? { title: displayLabel(group) } : {}),
    ...(group.key ? { description: describe(group, columns) } : {}),
    type: 'object',
    properties,
    required,
    additionalProperties: false,
  };
}

export function generateEditionSchema(edition: Edition): JsonSchema {
  const model = TEMPLATES[edition];
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE}nianbao-${edition}.schema.json`,
    title: `政府信息公开工作年度报告（${edition}年版格式，${model.document}）`,
    description: `${model.documentTitle}，适用于${model.years.from}${model.years.to ? `—${model.years.to}` : '年起的'}年度报告。`,
    ...groupSchema(model.root),
  };
}

/** One schema for both editions, chosen by `格式`; registered for `*.nianbao.yaml` through `yamlValidation`. */
export function generateCombinedSchema(): JsonSchema {
  const defs: JsonSchema = {};
  for (const edition of [2019, 2021] as const) {
    const { $schema: _s, $id: _i, ...body } = generateEditionSchema(edition);
    defs[`edition${edition}`] = body;
  }
  return {
    $schema: DRAFT,
    $id: `${SCHEMA_BASE}nianbao.schema.json`,
    title: '政府信息公开工作年度报告',
    description: '年报 YAML：格式 2019 = 国办公开办函〔2019〕60号，2021 = 国办公开办函〔2021〕30号',
    type: 'object',
    required: ['格式'],
    properties: { 格式: { title: '格式', enum: [2019, 2021] } },
    if: { properties: { 格式: { const: 2019 } }, required: ['格式'] },
    then: { $ref: '#/$defs/edition2019' },
    else: { $ref: '#/$defs/edition2021' },
    $defs: defs,
  };
}
