import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { checkSums } from './sumCheck';

/** Invariant 1, the rule printed in section 三: 一 + 二 = 三（七）总计 + 四, in every column. */
export const nb301Balance: Rule = {
  code: 'NB301',
  title: {
    zh: '三、每列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理',
    en: 'Section 三, every column: new + carried over = total handled + carried forward',
  },
  check: (context) => checkSums(context, 'NB301', M.balanceMismatch),
};
