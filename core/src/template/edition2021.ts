/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: report years 2021 onward. */
import {
  ACTIVE_TABLE,
  TITLE_SUFFIX,
  appealsSection,
  applicationsSection,
  col,
  group,
  metaFields,
  otherResultsGroup,
  otherSection,
  overviewSection,
  problemsSection,
  row,
  tableSection,
} from './parts';
import type { TemplateModel } from './types';

const STOCK = [
  col('issued', '本年制发件数', '发', 'Issued this year'),
  col('repealed', '本年废止件数', '废', 'Repealed this year'),
  col('inForce', '现行有效件数', '现', 'In force'),
];
const DECISIONS = [col('decisions', '本年处理决定数量', '决', 'Decisions this year')];
const FEES = [
  col('feeAmount', '本年收费金额', '额', 'Fees collected this year', 'amount', '本年收费金额（单位：万元）'),
];

export const EDITION_2021: TemplateModel = {
  edition: 2021,
  document: '国办公开办函〔2021〕30号',
  documentTitle: '《中华人民共和国政府信息公开工作年度报告格式》',
  years: { from: 2021 },
  titleSuffix: TITLE_SUFFIX,
  root: group({ id: 'root', key: '', en: 'Report' }, [
    ...metaFields('tpl2021'),
    overviewSection(['overview2021']),
    tableSection(
      group(
        { id: 'active', key: '主动公开政府信息情况', ordinal: '二、', en: 'Proactive disclosure', basis: ['art50.1'] },
        [
          group(
            { id: 'active.art20_1', key: '第二十条第（一）项', en: 'Article 20 (1)', basis: ['art20.1'] },
            [
              row({ id: 'active.art20_1.rules', key: '规章', en: 'Rules' }, STOCK),
              row(
                { id: 'active.art20_1.normative', key: '行政规范性文件', en: 'Administrative normative documents' },
                STOCK,
              ),
            ],
            STOCK,
          ),
          group(
            { id: 'active.art20_5', key: '第二十条第（五）项', en: 'Article 20 (5)', basis: ['art20.5'] },
            [row({ id: 'active.art20_5.licensing', key: '行政许可', en: 'Administrative licensing' }, DECISIONS)],
            DECISIONS,
          ),
          group(
            { id: 'active.art20_6', key: '第二十条第（六）项', en: 'Article 20 (6)', basis: ['art20.6'] },
            [
              row({ id: 'active.art20_6.penalty', key: '行政处罚', en: 'Administrative penalties' }, DECISIONS),
              row({ id: 'active.art20_6.enforcement', key: '行政强制', en: 'Administrative enforcement' }, DECISIONS),
            ],
            DECISIONS,
          ),
          group(
            { id: 'active.art20_8', key: '第二十条第（八）项', en: 'Article 20 (8)', basis: ['art20.8'] },
            [row({ id: 'active.art20_8.fees', key: '行政事业性收费', en: 'Administrative fees' }, FEES)],
            FEES,
          ),
        ],
      ),
      ACTIVE_TABLE,
    ),
    applicationsSection(otherResultsGroup()),
    appealsSection(),
    problemsSection(),
    otherSection(['art50.5', 'other2021', 'fees']),
  ]),
};
