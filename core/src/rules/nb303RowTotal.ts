import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { checkSums } from './sumCheck';

/** Invariant 3: every row of section 三 adds up across the six applicant columns to its 总计. */
export const nb303RowTotal: Rule = {
  code: 'NB303',
  title: {
    zh: '三、每行：自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计',
    en: 'Section 三, every row: the six applicant columns add up to 总计',
  },
  check: (context) => checkSums(context, 'NB303', M.sumMismatch),
};
