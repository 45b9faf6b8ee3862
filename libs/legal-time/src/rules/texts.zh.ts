/**
 * Chinese texts of every rule, beside the English ones in the *.rules.ts tables, with the same structure
 * (title, who, trigger, periodText, onExpiry, statuteSays, suspendedWhile, and a description — plus the
 * approver — per variant). Statute abbreviations (E17, R310, CPL …) stay as in deadlines.md; articles read
 * "第 N 条". rule-texts.spec.ts checks that every rule and every variant has both languages.
 */
import type { RuleTexts } from './rule-texts';

export const RULE_TEXTS_ZH: Readonly<Record<string, RuleTexts>> = {
  'transfer.team-report': {
    title: '办案组书面报告涉嫌犯罪', who: '执法机关办案组（两名以上执法人员）', trigger: '案件事实达到刑事追诉标准',
    periodText: '立即——政策默认 3 个工作日', statuteSays: '应当立即', onExpiry: '提醒督办人员',
    variants: { standard: { description: '“立即”的政策默认值：3 个工作日内书面报告' } },
  },
  'transfer.head-decision': {
    title: '执法机关正职负责人决定是否批准移送', who: '执法机关正职负责人', trigger: '收到办案组书面报告',
    periodText: '3 日', onExpiry: '逾期：责令限期移送，追究负责人责任',
    variants: { standard: { description: '3 日内作出批准或不批准的决定；不批准的，理由存档' } },
  },
  'transfer.handover': {
    title: '向公安机关移送案件及所需材料', who: '执法机关', trigger: '负责人批准移送',
    periodText: '24 小时', onExpiry: '逾期：责令限期移送，追究负责人责任',
    variants: { standard: { description: '批准后 24 小时内移送' } },
  },
  'transfer.copy-to-procuratorate': {
    title: '将移送书抄送人民检察院', who: '执法机关', trigger: '移送案件',
    periodText: '与移送同时', onExpiry: '检察机关可以进行监督',
    variants: { standard: { description: '移送的同时抄送' } },
  },
  'transfer.receipt': {
    title: '公安机关在移送书回执上签字', who: '公安机关', trigger: '移送书送达',
    periodText: '立即签收回执——政策默认 24 小时', statuteSays: '应当在移送书回执上签字', onExpiry: '检察机关立案监督',
    variants: { standard: { description: '“立即”的政策默认值：24 小时' } },
  },
  'transfer.forward-or-return': {
    title: '不属本机关管辖的，公安机关转送或退回', who: '公安机关', trigger: '签收后发现不属本机关管辖',
    periodText: '24 小时；书面通知并抄送检察机关', onExpiry: '—',
    variants: { standard: { description: '24 小时内转送有管辖权的机关或退回，书面通知执法机关并抄送检察机关' } },
  },
  'transfer.materials-notice': {
    title: '公安机关通知补充材料', who: '公安机关', trigger: '受案后发现材料不全',
    periodText: '24 小时（不得以材料不全为由不接受移送）', onExpiry: '—',
    variants: { standard: { description: '24 小时内告知执法机关需补充的材料；不得因此拒绝接受案件' } },
  },
  'transfer.materials-supplement': {
    title: '执法机关补充移送材料', who: '执法机关', trigger: '收到公安机关补充材料通知',
    periodText: '3 日', onExpiry: '—',
    variants: { standard: { description: '3 日内补充' } },
  },
  'transfer.filing-review': {
    title: '公安机关对移送案件作出是否立案的决定', who: '公安机关', trigger: '受案',
    periodText: '3 日；需要查证线索的 7 日；重大复杂案件经县级以上公安机关负责人批准 30 日', onExpiry: '执法机关应当提请检察机关立案监督',
    variants: {
      standard: { description: '受案后 3 日内决定' },
      verification: { description: '需要查证线索的：7 日' },
      'major-complex': { description: '重大、复杂案件经批准：30 日', approvalBy: '县级以上公安机关负责人' },
    },
  },
  'transfer.decision-notice': {
    title: '公安机关通知立案或不予立案决定', who: '公安机关', trigger: '作出立案或不予立案决定',
    periodText: '3 日；抄送检察机关；不予立案的说明理由并退回案卷', onExpiry: '—',
    variants: { standard: { description: '3 日内书面通知执法机关并抄送检察机关；不予立案的，说明理由并退回案卷材料' } },
  },
  'transfer.items-handover': {
    title: '执法机关移交涉案物品', who: '执法机关', trigger: '收到公安机关立案通知',
    periodText: '3 日（查封扣押的涉案物品）', onExpiry: '—',
    variants: { standard: { description: '3 日内移交查封、扣押的涉案物品' } },
  },
  'transfer.reconsideration-request': {
    title: '执法机关对不予立案决定提请复议', who: '执法机关', trigger: '收到不予立案通知',
    periodText: '3 个工作日（R310：3 日）——也可直接提请立案监督', onExpiry: '复议权利丧失',
    variants: {
      standard: { description: 'E17 第 11 条：3 个工作日（环境案件适用 E17）' },
      r310: { description: 'R310 第 9 条：3 日（非环境案件）' },
    },
  },
  'transfer.reconsideration-decision': {
    title: '公安机关作出复议决定', who: '公安机关', trigger: '收到复议申请',
    periodText: '3 个工作日（R310：3 日）', onExpiry: '—',
    variants: {
      standard: { description: 'E17 第 11 条：3 个工作日（环境案件适用 E17）' },
      r310: { description: 'R310 第 9 条：3 日（非环境案件）' },
    },
  },
  'transfer.supervision-request': {
    title: '执法机关提请检察机关立案监督', who: '执法机关', trigger: '公安机关复议维持不予立案决定',
    periodText: '3 日', onExpiry: '—',
    variants: { standard: { description: '3 日内提请立案监督' } },
  },
  'transfer.after-procuratorate-opinion': {
    title: '执法机关依检察意见移送案件', who: '执法机关', trigger: '收到要求移送的检察意见',
    periodText: '3 日', onExpiry: '—',
    variants: { standard: { description: '3 日内移送' } },
  },
  'transfer.return-for-penalty': {
    title: '公安机关将案件退回作行政处罚（反向移送）', who: '公安机关', trigger: '认为不构成犯罪但应予行政处罚',
    periodText: '及时——政策默认 3 日；抄送检察机关', statuteSays: '及时', onExpiry: '—',
    variants: { standard: { description: '“及时”的政策默认值：3 日；抄送检察机关' } },
  },
  'penalty.decision-period': {
    title: '作出行政处罚决定', who: '执法机关', trigger: '行政案件立案',
    periodText: '90 日，案件在公安机关办理期间中止计算', onExpiry: '—', suspendedWhile: '案件已移送公安机关且未退回（E17 第 16 条）',
    variants: { standard: { description: '立案之日起 90 日内作出决定' } },
  },
  'supervision.request-review': {
    title: '检察机关审查执法机关提请立案监督的请求', who: '检察机关', trigger: '收到执法机关提请立案监督的材料',
    periodText: '政策默认 7 日内决定立案监督或书面答复执法机关（未经核实：未查到明确条文）', statuteSays: '未查到规定期限的条文',
    onExpiry: '提醒督办人员',
    variants: { standard: { description: '政策默认值（未经核实）：7 日内启动立案监督，或向提请机关说明理由' } },
  },
  'supervision.police-explain': {
    title: '公安机关说明不立案（或逾期未决定）理由', who: '公安机关', trigger: '收到要求说明不立案理由通知书',
    periodText: '7 日', onExpiry: '检察机关发出纠正意见或通知立案',
    variants: { standard: { description: '7 日内书面说明理由' } },
  },
  'supervision.tell-agency': {
    title: '检察机关告知执法机关不立案理由成立', who: '检察机关', trigger: '认为公安机关不立案理由成立',
    periodText: '10 日', onExpiry: '—',
    variants: { standard: { description: '10 日内告知提请监督的执法机关' } },
  },
  'supervision.police-file': {
    title: '公安机关依通知立案书立案', who: '公安机关', trigger: '收到通知立案书',
    periodText: '15 日', onExpiry: '发出纠正违法通知书，并报上一级检察机关',
    variants: { standard: { description: '15 日内立案并送达立案决定书' } },
  },
  'supervision.investigation-chaser': {
    title: '检察机关对监督立案的侦查进行催办', who: '检察机关', trigger: '公安机关经监督立案',
    periodText: '立案后 3 个月未侦查终结的发出催办函', onExpiry: '—',
    variants: { standard: { description: '立案后 3 个月仍未侦查终结：发出催办函' } },
  },
  'prosecution.review': {
    title: '检察机关审查起诉', who: '检察机关', trigger: '案件移送审查起诉',
    periodText: '1 个月；重大复杂案件延长 15 日', onExpiry: '—',
    variants: {
      standard: { description: '1 个月内作出决定' },
      extended: { description: '重大、复杂案件：1 个月加 15 日', approvalBy: '检察机关内部批准（CPL 第 172 条未规定批准人，未核实）' },
    },
  },
  'prosecution.supplementary-investigation': {
    title: '公安机关补充侦查', who: '公安机关', trigger: '退回补充侦查',
    periodText: '每次 1 个月，以二次为限；二次补充侦查后仍证据不足的，作出不起诉决定', onExpiry: '—',
    variants: { standard: { description: '每次补充侦查：1 个月' } },
  },
  'prosecution.nonprosecution-notice': {
    title: '检察机关将不起诉决定通知执法机关', who: '检察机关', trigger: '作出不起诉决定',
    periodText: '3 日内通知执法机关（可附提出行政处罚的检察意见）', onExpiry: '—',
    variants: { standard: { description: '3 日内通知执法机关，可附提出行政处罚的检察意见' } },
  },
  'sharing.platform-entry': {
    title: '在信息共享平台录入决定', who: '各机关', trigger: '对联动案件作出的每项决定',
    periodText: '7 日内录入信息共享平台', onExpiry: '提醒督办人员',
    variants: { standard: { description: '7 日内录入决定' } },
  },
  'notification.suspected-crime': {
    title: '检查中发现明显犯罪的，通报公安机关', who: '执法机关', trigger: '检查中发现明显涉嫌犯罪',
    periodText: '及时——政策默认 24 小时（公安机关可以开展初查）', statuteSays: '及时', onExpiry: '—',
    variants: { standard: { description: '“及时”的政策默认值：24 小时' } },
  },
  'consultation.written-reply': {
    title: '书面答复双向案件咨询', who: '被咨询机关', trigger: '收到书面咨询',
    periodText: '7 日', onExpiry: '—',
    variants: { standard: { description: '7 日内书面答复' } },
  },
  'joint-supervision': {
    title: '联合督办复核', who: '公安机关、检察机关、执法机关', trigger: '重大案件列入联合督办',
    periodText: '政策：复核周期逐案确定', onExpiry: '—',
    variants: { standard: { description: '复核周期由督办人员逐案确定（或配置默认值）' } },
  },
  'pil.recommendation-filing': {
    title: '检察建议报上一级检察机关备案', who: '检察机关', trigger: '检察建议书送达',
    periodText: '5 日内报上一级检察机关备案', onExpiry: '—',
    variants: { standard: { description: '5 日内报上级备案' } },
  },
  'pil.agency-reply': {
    title: '行政机关依诉前检察建议履职并书面回复', who: '行政机关（如生态环境执法机关）', trigger: '收到诉前检察建议',
    periodText: '2 个月；损害继续扩大等紧急情形 15 日', onExpiry: '未纠正的，检察机关可以提起行政公益诉讼',
    variants: {
      standard: { description: '2 个月内依法履职并书面回复' },
      urgent: { description: '国家利益或社会公共利益损害继续扩大：15 日' },
    },
  },
  'pil.civil-announcement': {
    title: '民事公益诉讼诉前公告', who: '检察机关', trigger: '发布诉前公告',
    periodText: '30 日（刑事附带民事公益诉讼同样适用）', onExpiry: '无适格主体起诉的，检察机关可以起诉',
    variants: { standard: { description: '公告期满 30 日后检察机关方可起诉（刑事附带民事公益诉讼同样适用）' } },
  },
  'pil.admin-suit-decision': {
    title: '检察机关决定是否提起行政公益诉讼', who: '检察机关', trigger: '行政机关回复期限届满',
    periodText: '未核实，默认 2 个月；不起诉的，7 日内将终结决定送达行政机关', onExpiry: '—',
    variants: {
      standard: { description: '未核实的默认值：2 个月内决定' },
      'closing-notice': { description: '未核实的默认值：7 日内将终结审查决定送达行政机关' },
    },
  },
  'pil.civil-suit-decision': {
    title: '检察机关决定是否提起民事公益诉讼', who: '检察机关', trigger: '公告期满',
    periodText: '未核实，默认 3 个月', onExpiry: '—',
    variants: { standard: { description: '未核实的默认值：3 个月内决定' } },
  },
  'court.docket': {
    title: '登记立案或裁定不予受理', who: '人民法院', trigger: '收到起诉状（或补正后的起诉状）',
    periodText: '7 日内立案或裁定不予受理', onExpiry: '可以上诉或向上一级法院投诉',
    variants: { standard: { description: '7 日内立案或裁定不予受理' } },
  },
  'court.serve-complaint': {
    title: '送达检察机关民事公益诉讼起诉书', who: '人民法院', trigger: '检察机关提起的民事公益诉讼立案',
    periodText: '5 日', onExpiry: '—',
    variants: { standard: { description: '5 日内送达起诉书' } },
  },
  'court.notify-agency': {
    title: '书面告知相关行政主管部门公益诉讼立案', who: '人民法院', trigger: '公益诉讼立案',
    periodText: '10 日内书面告知相关行政主管部门', onExpiry: '—',
    variants: { standard: { description: '10 日内书面告知' } },
  },
  'court.co-plaintiff-window': {
    title: '适格组织申请参加民事公益诉讼', who: '适格组织', trigger: '法院公告社会组织或机关提起的民事公益诉讼',
    periodText: '30 日内申请参加诉讼', onExpiry: '逾期申请的不予准许',
    variants: { standard: { description: '公告之日起 30 日内申请参加' } },
  },
  'court.hearing-notice': {
    title: '出庭通知书送达检察机关及其答复', who: '人民法院 → 检察机关', trigger: '确定开庭日期',
    periodText: '开庭三日前送达；检察机关 3 日内答复', onExpiry: '—',
    variants: {
      standard: { description: '开庭三日前送达出庭通知书' },
      'procuratorate-answer': { description: '检察机关收到通知书后 3 日内送达派员出庭通知书' },
    },
  },
  'court.settlement-announcement': {
    title: '公益诉讼和解或调解协议公告', who: '人民法院', trigger: '达成和解或调解协议',
    periodText: '公告不少于 30 日后方可确认', onExpiry: '—',
    variants: { standard: { description: '公告不少于 30 日；期满后方可出具调解书' } },
  },
  'court.trial-civil': {
    title: '民事案件审理期限', who: '人民法院', trigger: '立案',
    periodText: '6 个月（经院长批准可延长 6 个月）；简易程序 3 个月（可延长 1 个月）', onExpiry: '—',
    variants: {
      standard: { description: '普通程序：6 个月（CivPL 第 152 条）' },
      extended: { description: '普通程序延长 6 个月：共 12 个月（CivPL 第 152 条）', approvalBy: '本院院长' },
      simplified: { description: '简易程序：3 个月（CivPL 第 164 条）' },
      'simplified-extended': { description: '简易程序延长 1 个月：共 4 个月（CivPL 第 164 条）', approvalBy: '本院院长' },
    },
  },
  'court.trial-administrative': {
    title: '行政案件审理期限', who: '人民法院', trigger: '立案',
    periodText: '6 个月；简易程序 45 日', onExpiry: '—',
    variants: {
      standard: { description: '普通程序：6 个月（ALL 第 81 条）' },
      simplified: { description: '简易程序：45 日（ALL 第 83 条）' },
    },
  },
  'court.trial-criminal': {
    title: '刑事公诉案件审理期限', who: '人民法院', trigger: '受理',
    periodText: '2 个月，至迟 3 个月；经批准可再延长 3 个月（含附带民事诉讼）', onExpiry: '—',
    variants: {
      standard: { description: '受理后 2 个月内宣判' },
      'outer-limit': { description: '至迟不超过三个月' },
      extended: { description: '可能判处死刑、附带民事诉讼或 CPL 第 158 条情形：在 3 个月基础上延长 3 个月，共 6 个月', approvalBy: '上一级人民法院' },
    },
  },
  'edc.consultation': {
    title: '生态环境损害赔偿磋商', who: '赔偿权利人指定的部门与赔偿义务人', trigger: '送达磋商书面通知',
    periodText: '未核实：90 日，磋商不超过 3 次', onExpiry: '磋商不成的，提起生态环境损害赔偿诉讼',
    variants: { standard: { description: '未核实的默认值：90 日内结束磋商' } },
  },
  'edc.confirmation-announcement': {
    title: '赔偿协议司法确认前公告', who: '人民法院', trigger: '申请司法确认赔偿协议',
    periodText: '公告不少于 30 日', onExpiry: '—',
    variants: { standard: { description: '确认前公告不少于 30 日' } },
  },
};
