/** Invariant 10: 六 reports on 信息处理费 when fees were charged or a request ended for unpaid fees. */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { M } from '../i18n/messages';
import type { BoundReport } from '../model/bindReport';
import { quantityValue } from '../narrative/quantities';
import { displayLabel } from '../template/templates';
import type { Localized } from '../template/types';
import type { Rule } from './rule';

/** 收取信息处理费…元 with an amount above zero, or 收取了信息处理费; not 未收取 / 不收取 / 免收. */
const CHARGED =
  /(?<![未不没免无])(?:收取|收缴|征收)(?:了)?[^。；;，,]{0,12}?信息处理费[^。；;]{0,12}?(\d+(?:\.\d+)?)\s*(?:万元|元)|(?<![未不没免无])收取了[^。；;，,]{0,8}信息处理费|信息处理费[^。；;，,]{0,6}?(\d+(?:\.\d+)?)\s*(?:万元|元)/;
const MENTIONS = /信息处理费|处理费/;

function chargedQuote(text: string): string | undefined {
  const m = CHARGED.exec(text);
  if (!m) return undefined;
  const amount = m[1] ?? m[2];
  if (amount !== undefined && Number(amount) === 0) return undefined;
  const before = text.slice(Math.max(0, m.index - 4), m.index);
  if (/[未不没免无]|未曾|没有/.test(before)) return undefined;
  return m[0];
}

function reason(report: BoundReport): Localized | undefined {
  const unpaid = quantityValue(report, 'unpaidFees');
  if (unpaid && unpaid.value > 0) return M.feesUnpaidRows(unpaid.value);
  for (const id of ['overview', 'problems'] as const) {
    const quote = chargedQuote(report.texts.get(id)?.text ?? '');
    if (quote) {
      const placed = report.template.byId.get(id);
      return M.feesCharged(placed ? displayLabel(placed.node) : id, quote);
    }
  }
  return undefined;
}

export const nb310FeeMention: Rule = {
  code: 'NB310',
  title: {
    zh: '收取信息处理费或因未缴费终止处理（2021年版三（六）2）时，六、其他需要报告的事项 说明信息处理费情况',
    en: 'When fees were charged or requests ended for unpaid fees (2021 三（六）2), section 六 reports on 信息处理费',
  },
  severity: 'warning',
  check({ report }) {
    const other = report.texts.get('other');
    if (!other || MENTIONS.test(other.text)) return [];
    const why = reason(report);
    if (!why) return [];
    const node = other.node && !(other.node.kind === 'scalar' && other.node.empty) ? other.node : other.pair.key;
    const d: Diagnostic = {
      code: 'NB310',
      severity: 'warning',
      message: M.feesNotMentioned(why),
      range: { start: node.start, end: node.end },
      path: [other.pair.key.kind === 'scalar' ? other.pair.key.text : '其他需要报告的事项'],
    };
    return [d];
  },
};
