import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { checkSums } from './sumCheck';

/** Invariant 4: in section 四, each group's 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. */
export const nb304AppealTotal: Rule = {
  code: 'NB304',
  title: {
    zh: '四、行政复议、未经复议直接起诉、复议后起诉：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
    en: 'Section 四, each group: upheld + corrected + other + pending = total',
  },
  check: (context) => checkSums(context, 'NB304', M.sumMismatch),
};
