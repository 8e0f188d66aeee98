/**
 * Invariant 11: 五 is not empty or 无; a people's government reports on 考核、评议、责任追究 (第五十条（四）) — in 五,
 * 六 or 一 (many report them under 监督保障 in the overview).
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { Rule } from './rule';

/** What counts as saying nothing: 无, 暂无, 没有, 略, /, — with or without a full stop. */
const NOTHING = /^(?:无|暂无|没有|略|无此项|本年度无|\/|—+|-+|－+|\s)*[。.]?$/;

/** 第五十条（四）: each aspect and the words that cover it. */
const ASPECTS: readonly (readonly [name: string, re: RegExp])[] = [
  ['工作考核', /考核|考评|绩效/],
  ['社会评议', /评议|社会评价|群众评价|满意度/],
  ['责任追究', /责任追究|追责|问责|追究责任|追究.{0,6}责任/],
];

export const nb311Problems: Rule = {
  code: 'NB311',
  title: {
    zh: '五、存在的主要问题及改进情况 不为空或“无”；人民政府的年报报告工作考核、社会评议和责任追究结果情况',
    en: "Section 五 is not empty or 无; a people's government's report covers appraisal, public review and accountability",
  },
  severity: 'warning',
  check({ report }) {
    const problems = report.texts.get('problems');
    if (!problems) return [];
    const key = problems.pair.key;
    const path = [key.kind === 'scalar' ? key.text : '存在的主要问题及改进情况'];
    const text = problems.text.trim();
    if (problems.node && problems.node.kind !== 'scalar') return []; // the schema says it should be text
    const out: Diagnostic[] = [];
    if (NOTHING.test(text)) {
      const node = problems.node && text ? problems.node : key;
      out.push({
        code: 'NB311',
        severity: 'warning',
        message: M.problemsEmpty(),
        range: { start: node.start, end: node.end },
        path,
      });
      return out;
    }
    if (report.meta.get('meta.agencyType')?.value !== '人民政府') return out;
    // Often reported under 一、总体情况 (监督保障): any section of the report counts.
    const covered = ['overview', 'problems', 'other'].map((id) => report.texts.get(id)?.text ?? '').join('\n');
    const missing = ASPECTS.filter(([, re]) => !re.test(covered)).map(([name]) => name);
    if (missing.length > 0) {
      out.push({
        code: 'NB311',
        severity: 'warning',
        message: M.problemsMissingReview(missing),
        range: { start: key.start, end: key.end },
        path,
      });
    }
    return out;
  },
};
