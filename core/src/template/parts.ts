/**
 * Building blocks shared by the two editions. Only what is printed identically in both lives here; each
 * edition file states its own differences explicitly.
 */
import type {
  Column,
  GroupNode,
  HeaderGroup,
  MetaNode,
  RowNode,
  TableLayout,
  TemplateNode,
  TextNode,
  ValueKind,
} from './types';

/** The title reads `<机关><年度>年政府信息公开工作年度报告` in both editions. */
export const TITLE_SUFFIX = '年政府信息公开工作年度报告';

/** A section group printed as a table. */
export function tableSection(section: GroupNode, table: TableLayout): GroupNode {
  return { ...section, table };
}

/** Section 二 in both editions: sub-tables opened by a caption row, each with the header 信息内容. */
export const ACTIVE_TABLE: TableLayout = { kind: 'captioned', labelHeader: { zh: '信息内容', en: 'Information' } };

export function col(
  id: string,
  name: string,
  short: string,
  en: string,
  kind: ValueKind = 'count',
  printed = name,
): Column {
  return kind === 'amount'
    ? { id, name, short, printed, kind, unit: '万元', en }
    : { id, name, short, printed, kind, en };
}

interface NodeInit {
  id: string;
  key: string;
  en: string;
  ordinal?: string;
  printed?: string;
  basis?: string[];
}

export function row(init: NodeInit, columns: readonly Column[]): RowNode {
  return {
    kind: 'row',
    id: init.id,
    key: init.key,
    printed: init.printed ?? init.key,
    ordinal: init.ordinal ?? '',
    en: init.en,
    basis: init.basis ?? [],
    columns,
  };
}

export function group(init: NodeInit, children: readonly TemplateNode[], columns?: readonly Column[]): GroupNode {
  const node: GroupNode = {
    kind: 'group',
    id: init.id,
    key: init.key,
    printed: init.printed ?? init.key,
    ordinal: init.ordinal ?? '',
    en: init.en,
    basis: init.basis ?? [],
    children,
  };
  return columns ? { ...node, columns } : node;
}

export function text(init: NodeInit): TextNode {
  return {
    kind: 'text',
    id: init.id,
    key: init.key,
    printed: init.printed ?? init.key,
    ordinal: init.ordinal ?? '',
    en: init.en,
    basis: init.basis ?? [],
  };
}

function meta(
  id: string,
  key: string,
  en: string,
  type: MetaNode['type'],
  required: boolean,
  values?: readonly (string | number)[],
): MetaNode {
  const node: MetaNode = { kind: 'meta', id, key, printed: key, ordinal: '', en, basis: [], type, required };
  return values ? { ...node, values } : node;
}

/**
 * The years a report can be for: the 条例 took effect in 2008; the upper bound only keeps out typing slips. A 年度
 * outside is an error (NB208) and the report has no year for anything else (deadlines, the reports around it).
 */
export const YEARS = { min: 2008, max: 2100 } as const;

export function metaFields(editionBasis: string): MetaNode[] {
  return [
    { ...meta('meta.edition', '格式', 'Template edition', 'edition', true, [2019, 2021]), basis: [editionBasis] },
    meta('meta.agency', '机关', 'Agency', 'string', true),
    meta('meta.year', '年度', 'Report year', 'year', true),
    { ...meta('meta.published', '发布日期', 'Publication date', 'date', false), basis: ['art49'] },
    {
      ...meta('meta.agencyType', '机关类型', 'Agency type', 'agencyType', false, ['人民政府', '部门']),
      basis: ['art49', 'art50.4'],
    },
  ];
}

/** Sections 一, 五 and 六 are narrative text in both editions. */
export function overviewSection(basis: string[]): TextNode {
  return text({ id: 'overview', key: '总体情况', ordinal: '一、', en: 'Overview', basis });
}

export function problemsSection(): TextNode {
  return text({
    id: 'problems',
    key: '存在的主要问题及改进情况',
    ordinal: '五、',
    en: 'Main problems and improvements',
    basis: ['art50.4'],
  });
}

export function otherSection(basis: string[]): TextNode {
  return text({ id: 'other', key: '其他需要报告的事项', ordinal: '六、', en: 'Other matters to report', basis });
}

// ---- Section 三: the application table (identical in both editions except （六）其他处理) ----

export const APPLICANT_COLUMNS: readonly Column[] = [
  col('natural', '自然人', '自', 'Natural persons'),
  col('commercial', '商业企业', '商', 'Commercial enterprises'),
  col('research', '科研机构', '科', 'Research institutions'),
  col('publicInterest', '社会公益组织', '益', 'Public-interest organisations'),
  col('legalService', '法律服务机构', '法', 'Legal service institutions'),
  col('otherOrg', '其他', '其', 'Other organisations'),
  col('total', '总计', '总', 'Total'),
];

const A = APPLICANT_COLUMNS;

/** 申请人情况 over 自然人 | 法人或其他组织 (five kinds) | 总计, as printed above the value columns of section 三. */
export const APPLICANT_HEADER: HeaderGroup = {
  printed: '申请人情况',
  en: 'Applicants',
  children: [
    A[0],
    { printed: '法人或其他组织', en: 'Legal persons or other organisations', children: A.slice(1, 6) },
    A[6],
  ],
};

/** The rule printed in section 三's top-left block. */
export const APPLICATIONS_RULE = {
  zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  en: '(In every column: item one plus item two equals item three plus item four)',
};

function aRow(id: string, key: string, en: string, ordinal: string, basis: string[] = [], printed?: string): RowNode {
  return row({ id: `applications.${id}`, key, en, ordinal, basis, ...(printed ? { printed } : {}) }, A);
}

function aGroup(
  id: string,
  key: string,
  en: string,
  ordinal: string,
  children: RowNode[],
  basis: string[] = [],
): GroupNode {
  return group({ id: `applications.${id}`, key, en, ordinal, basis }, children, A);
}

/** The application table; `other` is （六）其他处理, the one place where the editions differ. */
export function applicationsSection(other: RowNode | GroupNode): GroupNode {
  const r = 'results';
  const table: TableLayout = { kind: 'matrix', corner: APPLICATIONS_RULE, header: APPLICANT_HEADER };
  return tableSection(
    group(
      {
        id: 'applications',
        key: '收到和处理政府信息公开申请情况',
        ordinal: '三、',
        en: 'Requests received and handled',
        basis: ['art50.2'],
      },
      [
        aRow('newReceived', '本年新收政府信息公开申请数量', 'New requests received this year', '一、'),
        aRow('carriedOver', '上年结转政府信息公开申请数量', 'Requests carried over from last year', '二、'),
        group(
          { id: `applications.${r}`, key: '本年度办理结果', ordinal: '三、', en: 'Results this year' },
          [
            aRow(`${r}.granted`, '予以公开', 'Disclosed', '（一）', ['art36.1-2']),
            aRow(
              `${r}.partial`,
              '部分公开',
              'Partially disclosed (counted only here when split)',
              '（二）',
              ['art37'],
              '部分公开（区分处理的，只计这一情形，不计其他情形）',
            ),
            aGroup(
              `${r}.refused`,
              '不予公开',
              'Not disclosed',
              '（三）',
              [
                aRow(`${r}.refused.stateSecret`, '属于国家秘密', 'State secret', '1.', ['art14']),
                aRow(
                  `${r}.refused.prohibitedByLaw`,
                  '其他法律行政法规禁止公开',
                  'Prohibited by other laws and regulations',
                  '2.',
                  ['art14'],
                ),
                aRow(
                  `${r}.refused.threeSecurity`,
                  '危及“三安全一稳定”',
                  'Endangers the "three securities and one stability"',
                  '3.',
                  ['art14'],
                ),
                aRow(`${r}.refused.thirdParty`, '保护第三方合法权益', "Protects third parties' lawful rights", '4.', [
                  'art15',
                ]),
                aRow(
                  `${r}.refused.internalAffairs`,
                  '属于三类内部事务信息',
                  'Internal affairs information (three kinds)',
                  '5.',
                  ['art16.1'],
                ),
                aRow(`${r}.refused.processInfo`, '属于四类过程性信息', 'Process information (four kinds)', '6.', [
                  'art16.2',
                ]),
                aRow(`${r}.refused.enforcementFiles`, '属于行政执法案卷', 'Administrative enforcement files', '7.', [
                  'art16.2',
                ]),
                aRow(`${r}.refused.queryMatters`, '属于行政查询事项', 'Administrative query matters', '8.', [
                  'art36.7',
                ]),
              ],
              ['art36.3'],
            ),
            aGroup(`${r}.unable`, '无法提供', 'Cannot be provided', '（四）', [
              aRow(`${r}.unable.notHeld`, '本机关不掌握相关政府信息', 'Not held by this agency', '1.', ['art36.4-5']),
              aRow(`${r}.unable.needsCreation`, '没有现成信息需要另行制作', 'Would have to be newly created', '2.', [
                'art38',
              ]),
              aRow(`${r}.unable.unclear`, '补正后申请内容仍不明确', 'Still unclear after correction', '3.', ['art30']),
            ]),
            aGroup(`${r}.notProcessed`, '不予处理', 'Not processed', '（五）', [
              aRow(`${r}.notProcessed.petition`, '信访举报投诉类申请', 'Petitions, reports and complaints', '1.', [
                'art39.1',
              ]),
              aRow(`${r}.notProcessed.repeated`, '重复申请', 'Repeated requests', '2.', ['art36.6']),
              aRow(`${r}.notProcessed.publications`, '要求提供公开出版物', 'Requests for public publications', '3.', [
                'art39.2',
              ]),
              aRow(
                `${r}.notProcessed.excessive`,
                '无正当理由大量反复申请',
                'Massive repeated requests without good reason',
                '4.',
                ['art35'],
              ),
              aRow(
                `${r}.notProcessed.confirmation`,
                '要求行政机关确认或重新出具已获取信息',
                'Requests to confirm or re-issue information already obtained',
                '5.',
              ),
            ]),
            other,
            aRow(`${r}.total`, '总计', 'Total', '（七）'),
          ],
          A,
        ),
        aRow('carriedForward', '结转下年度继续办理', 'Carried forward to next year', '四、'),
      ],
      A,
    ),
    table,
  );
}

export function otherResultsRow(): RowNode {
  return aRow('results.other', '其他处理', 'Other handling', '（六）');
}

export function otherResultsGroup(): GroupNode {
  const r = 'results.other';
  return aGroup(r, '其他处理', 'Other handling', '（六）', [
    aRow(
      `${r}.overdueCorrection`,
      '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      'Applicant failed to correct in time without good reason; no longer processed',
      '1.',
      ['art30'],
    ),
    aRow(
      `${r}.unpaidFees`,
      '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      'Applicant did not pay the notified fee in time; no longer processed',
      '2.',
      ['art42', 'fees'],
    ),
    aRow(`${r}.other`, '其他', 'Other', '3.'),
  ]);
}

// ---- Section 四: administrative review and litigation (identical in both editions) ----

export const APPEAL_COLUMNS: readonly Column[] = [
  col('upheld', '结果维持', '维', 'Upheld'),
  col('corrected', '结果纠正', '纠', 'Corrected'),
  col('otherResult', '其他结果', '其', 'Other result'),
  col('pending', '尚未审结', '未', 'Pending'),
  col('total', '总计', '总', 'Total'),
];

export function appealsSection(): GroupNode {
  const P = APPEAL_COLUMNS;
  return tableSection(
    group(
      {
        id: 'appeals',
        key: '政府信息公开行政复议、行政诉讼情况',
        ordinal: '四、',
        en: 'Administrative review and litigation',
        basis: ['art50.3', 'art51'],
      },
      [
        row({ id: 'appeals.review', key: '行政复议', en: 'Administrative review' }, P),
        group(
          { id: 'appeals.litigation', key: '行政诉讼', en: 'Administrative litigation' },
          [
            row({ id: 'appeals.litigation.direct', key: '未经复议直接起诉', en: 'Sued directly without review' }, P),
            row({ id: 'appeals.litigation.afterReview', key: '复议后起诉', en: 'Sued after review' }, P),
          ],
          P,
        ),
      ],
      P,
    ),
    { kind: 'band' },
  );
}
