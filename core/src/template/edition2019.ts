/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: report years 2019 and 2020. */
import {
  ACTIVE_TABLE,
  TITLE_SUFFIX,
  appealsSection,
  applicationsSection,
  col,
  group,
  metaFields,
  otherResultsRow,
  otherSection,
  overviewSection,
  problemsSection,
  row,
  tableSection,
} from './parts';
import type { TemplateModel } from './types';

const DOCUMENTS = [
  col('made', '本年新制作数量', '作', 'Newly made this year'),
  col('published', '本年新公开数量', '公', 'Newly published this year'),
  col('totalPublished', '对外公开总数量', '总', 'Total published'),
];
const ITEMS = [
  col('previousItems', '上一年项目数量', '上', 'Items last year'),
  col('change', '本年增/减', '增减', 'Change this year', 'delta'),
  col('decisions', '处理决定数量', '决', 'Decisions'),
];
const FEE_ITEMS = ITEMS.slice(0, 2);
const PROCUREMENT = [
  col('procurementItems', '采购项目数量', '项', 'Procurement projects'),
  col('procurementAmount', '采购总金额', '额', 'Total procurement amount', 'amount', '采购总金额（单位：万元）'),
];

export const EDITION_2019: TemplateModel = {
  edition: 2019,
  document: '国办公开办函〔2019〕60号',
  documentTitle: '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
  years: { from: 2019, to: 2020 },
  titleSuffix: TITLE_SUFFIX,
  root: group({ id: 'root', key: '', en: 'Report' }, [
    ...metaFields('tpl2019'),
    overviewSection([]),
    tableSection(
      group(
        { id: 'active', key: '主动公开政府信息情况', ordinal: '二、', en: 'Proactive disclosure', basis: ['art50.1'] },
        [
          group(
            { id: 'active.art20_1', key: '第二十条第（一）项', en: 'Article 20 (1)', basis: ['art20.1'] },
            [
              row({ id: 'active.art20_1.rules', key: '规章', en: 'Rules' }, DOCUMENTS),
              row({ id: 'active.art20_1.normative', key: '规范性文件', en: 'Normative documents' }, DOCUMENTS),
            ],
            DOCUMENTS,
          ),
          group(
            { id: 'active.art20_5', key: '第二十条第（五）项', en: 'Article 20 (5)', basis: ['art20.5'] },
            [
              row({ id: 'active.art20_5.licensing', key: '行政许可', en: 'Administrative licensing' }, ITEMS),
              row(
                {
                  id: 'active.art20_5.otherServices',
                  key: '其他对外管理服务事项',
                  en: 'Other external management services',
                },
                ITEMS,
              ),
            ],
            ITEMS,
          ),
          group(
            { id: 'active.art20_6', key: '第二十条第（六）项', en: 'Article 20 (6)', basis: ['art20.6'] },
            [
              row({ id: 'active.art20_6.penalty', key: '行政处罚', en: 'Administrative penalties' }, ITEMS),
              row({ id: 'active.art20_6.enforcement', key: '行政强制', en: 'Administrative enforcement' }, ITEMS),
            ],
            ITEMS,
          ),
          group(
            { id: 'active.art20_8', key: '第二十条第（八）项', en: 'Article 20 (8)', basis: ['art20.8'] },
            [row({ id: 'active.art20_8.fees', key: '行政事业性收费', en: 'Administrative fees' }, FEE_ITEMS)],
            FEE_ITEMS,
          ),
          group(
            { id: 'active.art20_9', key: '第二十条第（九）项', en: 'Article 20 (9)', basis: ['art20.9'] },
            [
              row(
                { id: 'active.art20_9.procurement', key: '政府集中采购', en: 'Centralised government procurement' },
                PROCUREMENT,
              ),
            ],
            PROCUREMENT,
          ),
        ],
      ),
      ACTIVE_TABLE,
    ),
    applicationsSection(otherResultsRow()),
    appealsSection(),
    problemsSection(),
    otherSection(['art50.5']),
  ]),
};
