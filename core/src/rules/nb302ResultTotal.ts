import { M } from '../i18n/messages';
import type { Rule } from './rule';
import { checkSums } from './sumCheck';

/** Invariant 2: in every column, （七）总计 is the sum of all numbered result rows （一）…（六）. */
export const nb302ResultTotal: Rule = {
  code: 'NB302',
  title: {
    zh: '三、每列：（一）至（六）各项之和 = （七）总计',
    en: 'Section 三, every column: the result rows (1)–(6) add up to (7) total',
  },
  check: (context) => checkSums(context, 'NB302', M.sumMismatch),
};
