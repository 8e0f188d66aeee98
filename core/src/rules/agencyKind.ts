/**
 * Which kind of body a report is for, from its 机关类型 or — when that is not given — from its name, only where
 * the name decides it: `…人民政府` is a government, `…人民政府办公室` or `…局` a department of one. The
 * 管理委员会 of a development zone, new area, special zone or scenic area reports for its area, as a government
 * does (by 3月31日), whatever words stand between the zone and the committee (西咸新区开发建设管理委员会). A
 * 管理委员会 / 管委会 that names no zone (长白山管委会) may be either, so it decides nothing; nor does a name that
 * says neither (`…街道办事处`, `…中心` of no known kind).
 */
import type { BoundReport } from '../model/bindReport';

export type AgencyKind = '人民政府' | '部门';

/** A body of a government (its office, research office …): a department, though its name holds 人民政府. */
const GOVERNMENT_BODY = /人民政府.*(?:办公室|办公厅|研究室|参事室|办事处|中心|局|委员会|室|处|所|院)$/;
/** An area's management committee: reports for the area (开发区, 高新区, 新区, 综合实验区 …). */
const AREA =
  /(?:开发区|高新区|新区|实验区|试验区|示范区|园区|保税区|自贸区|度假区|合作区|经济区|港区|工业园|产业园|景区)(?:（[^）]*）|\([^)]*\))?(?:党工委)?(?:管理委员会|管委会|管理局)?$/;
/** A zone an area's committee governs, anywhere in its name (临港新片区, 旅游经济特区, 风景名胜区). */
const ZONE =
  /开发区|高新区|新区|片区|实验区|试验区|示范区|园区|保税区|自贸区|度假区|合作区|经济区|特区|名胜区|风景区|旅游区|港区|工业园|产业园|景区/;
/** An area's committee: what a zone's 管委会 is called. */
const COMMITTEE = /(?:管理委员会|管委会)$/;
/** A government's department that is a 管理委员会 (国有资产监督管理委员会, 城市管理委员会, 住房和城乡建设管理委员会). */
const DEPARTMENT_COMMITTEE = /(?:监督管理|城市管理|城乡建设管理)委员会$/;
/** A department's name ends with the kind of body it is. */
const DEPARTMENT = /(?:局|厅|委员会|委|办公室|办|中心|院|所|站|队|馆|处|署|部|总队|支队|大队)$/;

/** The name without a trailing （本级） / (本级) and spaces. */
function bare(name: string): string {
  return name.replace(/\s+/g, '').replace(/[（(]本级[）)]$/, '');
}

export function agencyKindOfName(name: string): AgencyKind | undefined {
  const n = bare(name);
  if (!n) return undefined;
  if (GOVERNMENT_BODY.test(n)) return '部门';
  if (/人民政府$/.test(n)) return '人民政府';
  if (AREA.test(n)) return '人民政府';
  if (DEPARTMENT_COMMITTEE.test(n)) return '部门';
  // A committee of a zone reports for it; one that names no zone (长白山管委会) is not known to be a department.
  if (COMMITTEE.test(n)) return ZONE.test(n) ? '人民政府' : undefined;
  // A 街道办事处 is the district government's agency for a part of its area: the name does not decide.
  if (/办事处$/.test(n)) return undefined;
  if (DEPARTMENT.test(n)) return '部门';
  return undefined;
}

export interface AgencyKindReading {
  readonly kind: AgencyKind | undefined;
  /** Declared in 机关类型 (else read from the name, or undecided). */
  readonly declared: boolean;
}

export function agencyKindOf(report: BoundReport): AgencyKindReading {
  const declared = report.meta.get('meta.agencyType')?.value;
  if (declared === '人民政府' || declared === '部门') return { kind: declared, declared: true };
  return { kind: agencyKindOfName(report.agency ?? ''), declared: false };
}
