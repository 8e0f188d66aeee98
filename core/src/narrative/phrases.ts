/**
 * The wording the extractor understands, as data: which phrases name which table quantity, which units a count
 * of that kind is stated in, and which words make a number something other than this year's table figure.
 * Every entry is exercised by the corpora in test/fixtures/narrative/.
 */

/** A phrase naming a quantity of section 三 directly (no subject needed). */
export interface ApplicationPhrase {
  readonly re: RegExp;
  readonly id: string;
  /** Names two quantities at once (予以公开及部分公开); not used when a list is stated 分别. */
  readonly combined?: boolean;
  /** A more specific quantity replaces its parent when both are named (因国家秘密不予公开 → stateSecret). */
  readonly parent?: string;
}

const sub = (re: string, id: string, parent: string): ApplicationPhrase => ({ re: new RegExp(re, 'g'), id, parent });
const app = (re: string, id: string): ApplicationPhrase => ({ re: new RegExp(re, 'g'), id });

export const APPLICATION_PHRASES: readonly ApplicationPhrase[] = [
  app('上一?年度?(?:结转|遗留|未办结)|(?:结转|转)(?:至|到|入)本年度?|从上一?年度?结转', 'carriedOver'),
  app('办结|办理完毕|答复完毕|已答复|予以答复|作出答复|处理完毕|完成答复|办理完成|已办理', 'handled'),
  // 答复政府信息公开申请805件, 办理政府信息依申请公开13件: the verb with the thing handled after it.
  app('(?:公开)?答复(?:政府信息公开)?申请|办理[^，,。；;、\\d]{0,24}?申请', 'handled'),
  app('予以公开|同意公开|全部公开|准予公开', 'granted'),
  app('部分公开|部分予以公开|区分处理', 'partial'),
  {
    ...app(
      '(?:予以|同意|全部|准予)?公开(?:及|和|与|、|以及|或)部分(?:予以)?公开|全部或部分(?:予以)?公开',
      'grantedOrPartial',
    ),
    combined: true,
  },
  app('不予(?:以)?公开|不公开', 'refused'),
  app('无法提供|不能提供', 'unable'),
  app('不予处理|不作处理', 'notProcessed'),
  app('其他(?:方式)?处理', 'otherHandling'),
  app(
    '结转(?:至|到|入)?(?:下一?年度?|次年|\\d{4}年度?)|转(?:至|到|入)(?:下一?年度?|次年)|跨年度?办理|尚未办结|正在办理|仍在办理',
    'carriedForward',
  ),
  sub('国家秘密', 'stateSecret', 'refused'),
  sub('法律、?行政法规禁止|法律法规禁止', 'prohibitedByLaw', 'refused'),
  sub('三安全一稳定|国家安全、公共安全、经济安全(?:和|、)社会稳定', 'threeSecurity', 'refused'),
  sub('第三方合法权益', 'thirdParty', 'refused'),
  sub('内部事务', 'internalAffairs', 'refused'),
  sub('过程性+信息', 'processInfo', 'refused'),
  sub('行政执法案卷|执法案卷', 'enforcementFiles', 'refused'),
  sub('行政查询事项|查询事项', 'queryMatters', 'refused'),
  sub('不掌握', 'notHeld', 'unable'),
  sub('另行制作|没有现成信息', 'needsCreation', 'unable'),
  sub('(?:申请)?内容仍不明确|仍不明确', 'unclear', 'unable'),
  sub('信访(?:、|和)?举报(?:、|和)?投诉|信访举报|举报投诉', 'petition', 'notProcessed'),
  sub('重复申请', 'repeated', 'notProcessed'),
  sub('公开出版物', 'publications', 'notProcessed'),
  sub('大量反复|大量、反复', 'excessive', 'notProcessed'),
  sub('确认或重新出具|重新出具', 'confirmation', 'notProcessed'),
  sub('逾期不补正|未(?:按期|按时)?补正', 'overdueCorrection', 'otherHandling'),
  sub('(?:逾期)?未(?:按收费通知(?:要求)?)?缴纳(?:信息处理)?费用?|逾期未缴费', 'unpaidFees', 'otherHandling'),
];

/** 收到 … 申请: the verb of receiving, the noun checked separately (it may follow the number). */
export const RECEIVED_VERB = /新收|收到|受理|接收|接到|收悉|共收/g;
export const RECEIVED_NOUN = /申请/;
/** Words that make a 收到…申请 count something narrower than 三、一 (a channel, an applicant type, a topic). */
export const RECEIVED_VETO =
  /复议|诉讼|信访|投诉|举报|咨询|留言|来信|来访|建议|提案|网上|网络|在线|线上|信函|当面|现场|传真|邮件|电话|自然人|法人|企业|公民|组织|机构|个人|律师|媒体|涉及|有关|关于|针对|重复|补正|转办|转交/;
/** Words that make 办结 a subset (on time, on the spot). */
export const HANDLED_VETO = /逾期|超期|延期|延长|按时|按期|当场|当日|即时|提前/;

/** A subject (what is counted) and a measure (which column) for sections 二 and 四. */
export interface SubjectPhrase {
  readonly re: RegExp;
  readonly id: string;
  readonly parent?: string;
}

const subject = (re: string, id: string, parent?: string): SubjectPhrase => ({
  re: new RegExp(re, 'g'),
  id,
  ...(parent ? { parent } : {}),
});

export const APPEAL_SUBJECTS: readonly SubjectPhrase[] = [
  subject('行政复议', 'review'),
  subject('行政诉讼|提起诉讼|起诉|诉讼', 'litigation'),
  subject(
    '未经(?:行政)?复议直接(?:提起(?:行政)?诉讼|起诉)|直接(?:提起(?:行政)?诉讼|起诉)',
    'litigationDirect',
    'litigation',
  ),
  subject('(?:经)?(?:行政)?复议后(?:提起(?:行政)?诉讼|起诉)', 'litigationAfterReview', 'litigation'),
];
export const APPEAL_MEASURES: readonly SubjectPhrase[] = [
  subject('结果维持|被?维持', 'upheld'),
  subject('结果纠正|被?纠正', 'corrected'),
  subject('其他结果', 'otherResult'),
  subject('尚未审结|未审结|尚在审理|正在审理|审理中', 'pending'),
];
/** The agency as a review body or a party at a hearing: not the table's cases. */
export const APPEAL_VETO =
  /受理|作出|办理|审查|收到|主持|出庭|应诉|调解|办案|参加|旁听|(?<!正在|尚在)审理(?!中)|复议机关|复议机构/;

export const DOC_SUBJECTS: readonly SubjectPhrase[] = [
  subject('(?:行政)?规范性文件', 'normative'),
  subject('(?:政府|部门)?规章', 'rules'),
  subject('规章(?:和|及|、|与|以及)(?:行政)?规范性文件', 'rulesAndNormative'),
];
export const DOC_MEASURES: readonly SubjectPhrase[] = [
  subject('制发|制定|出台|印发|新制作|新制定', 'issued'),
  subject('废止|宣布失效|失效', 'repealed'),
  subject('现行有效|现有有效|现有', 'inForce'),
  subject('新公开', 'newlyPublished'),
  subject('对外公开总数量?|累计公开', 'totalPublished'),
];
export const DOC_VETO =
  /修改|修订|审查|备案|清理|解读|评估|征求意见|合法性|起草|草案|宣传|计划|拟|报送|报备|审核|会签|论证|听证|公示|目录|政策文件|其他文件/;

export const DECISION_SUBJECTS: readonly SubjectPhrase[] = [
  subject('行政许可', 'licensing'),
  subject('行政处罚', 'penalty'),
  subject('行政强制', 'enforcement'),
];
export const DECISION_NOUN = /决定/;
export const DECISION_VETO = /公开|公示|上网|发布|信息|撤销|复议|诉讼|听证|变更|纠正|案卷|事项|网上/;

export const FEE_SUBJECT = /行政事业性收费|收费金额/g;
export const FEE_VETO = /信息处理费|处理费|减免|退还|退费|罚没|罚款|项目/;

export const PROCUREMENT_SUBJECT = /政府集中采购|集中采购|政府采购|采购总金额|采购项目数量/g;
export const PROCUREMENT_VETO = /计划|预算|意向|公告|合同/;

/** Units a count of each kind is stated in; `个` is further checked against what follows it. */
export const UNITS = {
  applications: new Set(['件', '宗', '起', '个', '份', '例']),
  appeals: new Set(['件', '宗', '起', '个', '例', '次']),
  documents: new Set(['件', '个', '份', '部', '项', '篇']),
  decisions: new Set(['件', '个', '起', '宗', '项', '份', '例', '次']),
  items: new Set(['个', '项', '件', '批']),
  amounts: new Set(['万元', '亿元', '元']),
} as const;

/** Every unit a number may carry; numbers with other units (年, 月, 号, %) are not counts at all. */
export const ALL_UNITS = [
  '万元',
  '亿元',
  '元',
  '件次',
  '人次',
  '件',
  '宗',
  '起',
  '个',
  '份',
  '例',
  '项',
  '部',
  '条',
  '次',
  '场',
  '期',
  '篇',
  '家',
  '名',
  '人',
  '户',
  '批',
];

/**
 * Words that make a number a comparison, an estimate, a share or another period: never this year's table figure.
 * Checked on the clause before the number and the words after it.
 */
export const GLOBAL_VETO = new RegExp(
  [
    '同比',
    '环比',
    '较上一?年',
    '比上一?年',
    '较去年',
    '比去年',
    '较\\d{4}年',
    '比\\d{4}年',
    '增加',
    '减少',
    '增长',
    '下降',
    '上升',
    '提高',
    '降低',
    '增幅',
    '降幅',
    '持平',
    '占',
    '比例',
    '平均',
    '人均',
    '月均',
    '日均',
    '每月',
    '每周',
    '每年',
    '每季度',
    '每日',
    '超过',
    '不足',
    '不到',
    '将近',
    '大约',
    '约',
    '近',
    '逾(?!期)',
    '左右',
    '以上',
    '以下',
    '以内',
    '去年',
    '前年',
    '上半年',
    '下半年',
    '季度',
    '同期',
    '预计',
    '计划',
    '力争',
    '目标',
    '至少',
    '最多',
    // Figures of a whole region or system, not of the reporting agency's own tables.
    '各部门',
    '各单位',
    '各乡镇',
    '各街道',
    '全市',
    '全区',
    '全县',
    '全省',
    '全州',
    '全旗',
    '下属',
    '所属',
    '系统内',
    '全系统',
    '上一?年(?!度?(?:结转|遗留|未办结))',
  ].join('|'),
);
/** Flows (this year's counts) only: cumulative wording belongs to stocks. */
export const FLOW_VETO = /累计|历年|以来|至今|迄今|截至目前|目前为止/;
/** A month or a part of the year, except the year's end. */
export const MONTH = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月/;
export const YEAR_END = /(?:12|十二)月(?:31|三十一)日|(?:12|十二)月底|年底|年末/g;
export const FOUR_DIGIT_YEAR = /(\d{4})年/g;

/** What may follow a count's unit: nothing, or the thing counted; these say the number counts something else. */
export const RIGHT_VETO =
  /^(?:工作日|日|天|小时|月|年|周|季度|次|余|多|左右|以上|以下|以内|百分点|%|％|人|部门|单位|乡镇|街道|村|社区|栏目|专栏|窗口|网站|平台|批次|类别|方面|领域|环节|问题|会议|培训)|占|同比|较|增|减|比例/;

/** Words that carry no subject: a clause made only of these takes its subject from the clause before. */
export const FILLER =
  /其中|共计|合计|总计|总数|总量|一共|总共|共有|共|数量|件数|分别为|分别是|分别|各|均为|均|都是|都|为|是|达到|达|计|有|全年度|全年|本年度|本年|年内|今年|\d{4}年度?|了|的|已|含|：|:|、|\s/g;

export const RESPECTIVELY = /分别/;
export const EACH = /各|均|都/;
export const SUM = /共|合计|总计|一共|总共|共计/;
/** What may stand between the items of a list that a `共` adds up. */
export const LIST_JOINER = /^(?:、|和|及|与|以及|或|，)$/;
