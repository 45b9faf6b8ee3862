/**
 * One sentence per event of a linked case, in Chinese and English: who (by official name, from the agency
 * directory), did what, on which step and rule. Used by the supervision timeline and the audit report.
 * Free text typed by a person (a reason, a message) is quoted as typed; enumerated values are translated.
 */
import { ALL_RULES, ruleTexts, type PeriodKind, type Rule } from '@casebridge/legal-time';
import { agencyDirectory, type AgencyDirectory, type Bilingual, type Lang } from './agency-directory';
import { formatDueShort, formatInstant } from './time-format';

export interface EventLike {
  type: string;
  payload?: unknown;
  producer: { agencyId: string; kind?: string };
}

const RULES = new Map<string, Rule>(ALL_RULES.map((r) => [r.id, r]));

/**
 * How the period of a rule's variant is counted (legal-time PeriodKind): 'deadline' — the act is due by the end;
 * 'minimum' — the period must run out before the next act (announcements "≥ 30 days"), so its end is the earliest
 * moment, not a deadline; 'lead-time' — counted back from a future event. Unknown rules and variants: 'deadline'.
 */
export function periodKindOf(ruleId: string | null | undefined, variant?: string | null): PeriodKind {
  const rule = ruleId ? RULES.get(ruleId) : undefined;
  const v = rule?.variants.find((x) => x.name === (variant ?? 'standard')) ?? rule?.variants[0];
  return v?.kind ?? 'deadline';
}

/**
 * Keyed steps whose act is not the rule's own (deadlines.md names the rule by its first act): a joint meeting's
 * decision under `joint-supervision` (key `decision:<id>`; a round's review is keyed by the agency), and a
 * recipient's acknowledgement of a notification of an obvious crime (`notification.suspected-crime`, keyed by the
 * recipient, while the rule's own act is the enforcement agency's notice). Matched by key prefix, first match wins.
 */
const KEYED_STEP_TITLES: Readonly<Record<string, readonly { keyPrefix: string; titles: Bilingual }[]>> = {
  'joint-supervision': [
    { keyPrefix: 'decision:', titles: { zh: '落实联席会议决定事项', en: 'Carry out a decision of the joint meeting' } },
  ],
  'notification.suspected-crime': [
    {
      keyPrefix: '',
      titles: {
        zh: '确认收到明显涉嫌犯罪的案情通报',
        en: 'Acknowledge the notification of an obvious crime found in an inspection',
      },
    },
  ],
};

/**
 * The title in `lang` of a rule ("公安机关在移送书回执上签字"), or of one keyed step of it when the key names an act
 * of its own (KEYED_STEP_TITLES: a joint meeting's decision, a notification's acknowledgement); the id for an
 * unknown rule.
 */
export function ruleTitle(ruleId: string | null | undefined, lang: Lang, stepKey?: string | null): string {
  if (!ruleId) return '';
  if (stepKey) {
    const keyed = KEYED_STEP_TITLES[ruleId]?.find((k) => stepKey.startsWith(k.keyPrefix));
    if (keyed) return keyed.titles[lang];
  }
  const rule = RULES.get(ruleId);
  return rule ? ruleTexts(rule, lang).title : ruleId;
}

const MAPS: Record<string, Record<string, Bilingual>> = {
  outcome: {
    filed: { zh: '立案', en: 'filed' },
    'not-filed': { zh: '不予立案', en: 'not filed' },
    'returned-for-penalty': { zh: '退回作行政处罚', en: 'returned for an administrative penalty' },
    upheld: { zh: '维持不予立案', en: 'non-filing upheld' },
    reversed: { zh: '撤销原决定，立案', en: 'reversed: filed' },
    met: { zh: '按期完成', en: 'met' },
    late: { zh: '逾期完成', en: 'late' },
    moot: { zh: '无需办理', en: 'moot' },
    suspended: { zh: '中止计算', en: 'suspended' },
    indicted: { zh: '提起公诉', en: 'indicted' },
    'not-prosecuted': { zh: '不起诉', en: 'not prosecuted' },
    corrected: { zh: '已纠正', en: 'corrected' },
    'partly-corrected': { zh: '部分纠正', en: 'partly corrected' },
    'not-corrected': { zh: '未纠正', en: 'not corrected' },
    completed: { zh: '已完成', en: 'completed' },
    'not-completed': { zh: '未完成', en: 'not completed' },
  },
  ground: {
    'not-filed': { zh: '不予立案', en: 'not filed' },
    'upheld-on-reconsideration': { zh: '复议维持不予立案', en: 'non-filing upheld on reconsideration' },
    'decision-overdue': { zh: '逾期未作立案决定', en: 'filing decision overdue' },
    'own-motion': { zh: '依职权监督', en: 'on its own motion' },
  },
  material: {
    'transfer-letter': { zh: '移送书及材料清单', en: 'transfer letter' },
    'investigation-report': { zh: '调查报告', en: 'investigation report' },
    'inspection-record': { zh: '勘验检查笔录', en: 'inspection record' },
    'seized-items-list': { zh: '涉案物品清单', en: 'list of seized items' },
    audiovisual: { zh: '视听资料', en: 'audiovisual material' },
    'monitoring-report': { zh: '监测报告', en: 'monitoring report' },
    'penalty-decision': { zh: '行政处罚决定书', en: 'penalty decision' },
    other: { zh: '其他材料', en: 'other material' },
  },
  pilKind: {
    administrative: { zh: '行政公益诉讼', en: 'administrative' },
    civil: { zh: '民事公益诉讼', en: 'civil' },
    'criminal-incidental-civil': { zh: '刑事附带民事公益诉讼', en: 'criminal-incidental civil' },
  },
  track: {
    criminal: { zh: '刑事', en: 'criminal' },
    civil: { zh: '民事', en: 'civil' },
    administrative: { zh: '行政', en: 'administrative' },
  },
  source: {
    prosecution: { zh: '起诉书', en: 'an indictment' },
    pil: { zh: '公益诉讼起诉', en: 'a public-interest suit' },
    'edc-suit': { zh: '生态环境损害赔偿诉讼', en: 'a damage compensation suit' },
    'edc-confirmation': { zh: '赔偿协议司法确认申请', en: 'an application to confirm a compensation agreement' },
  },
  notice: {
    'suspected-crime': { zh: '涉嫌犯罪线索', en: 'suspected crime' },
    development: { zh: '案件进展', en: 'case development' },
  },
  variant: {
    standard: { zh: '一般期限', en: 'standard' },
    verification: { zh: '需要查证线索，7 日', en: 'leads need verification, 7 days' },
    'major-complex': { zh: '重大复杂案件，30 日', en: 'major or complex case, 30 days' },
    extended: { zh: '延长', en: 'extended' },
    urgent: { zh: '紧急情形', en: 'urgent' },
    simplified: { zh: '简易程序', en: 'simplified procedure' },
  },
  interval: {
    P7D: { zh: '每 7 天', en: 'every 7 days' },
    P14D: { zh: '每 14 天', en: 'every 14 days' },
    P1M: { zh: '每月', en: 'monthly' },
  },
};

/** Chinese and English sentence of one event. */
export function describeEvent(e: EventLike, dir: AgencyDirectory = agencyDirectory()): Bilingual {
  return { zh: sentence(e, 'zh', dir), en: sentence(e, 'en', dir) };
}

function sentence(e: EventLike, lang: Lang, dir: AgencyDirectory): string {
  const p = (e.payload && typeof e.payload === 'object' ? e.payload : {}) as Record<string, unknown>;
  const s = (k: string): string => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
  const zh = lang === 'zh';
  const who = dir.name(e.producer.agencyId, lang);
  const ag = (k: string) => dir.name(s(k) || null, lang);
  const m = (map: string, k: string) => MAPS[map]![s(k)]?.[lang] ?? s(k);
  const rule = (k = 'ruleId') =>
    s(k) ? `${zh ? '「' : '“'}${ruleTitle(s(k), lang, k === 'ruleId' ? s('stepKey') : null)}${zh ? '」' : '”'}` : '';
  const at = (k: string) => formatInstant(s(k), lang);
  const quote = (k: string) => (s(k) ? (zh ? `：${s(k)}` : `: ${s(k)}`) : '');
  const list = (k: string) =>
    Array.isArray(p[k])
      ? (p[k] as unknown[]).map((x) => MAPS.material![String(x)]?.[lang] ?? String(x)).join(zh ? '、' : ', ')
      : '';
  switch (e.type) {
    case 'case.registered':
      return zh
        ? `${who}对 ${s('caseNumber')} 立案（${s('violation')}）`
        : `${who} registered case ${s('caseNumber')} (${s('violation')})`;
    case 'evidence.attached':
      return zh
        ? `${who}附加证据 ${s('fileName')}（${m('material', 'kind')}）`
        : `${who} attached evidence ${s('fileName')} (${m('material', 'kind')})`;
    case 'penalty.clock-changed':
      return p.state === 'suspended'
        ? zh
          ? '案件移送公安机关办理，行政处罚期限中止计算（E17 第 16 条）'
          : `the penalty clock was suspended: ${s('reason') || 'the case is with the police (E17 art 16)'}`
        : zh
          ? '案件回到执法机关，行政处罚期限恢复计算'
          : `the penalty clock resumed: ${s('reason') || 'the case is back with the agency'}`;
    case 'transfer.crime-suspected':
      return zh ? `${who}发现案件事实达到刑事追诉标准` : `${who} found facts meeting the criminal thresholds`;
    case 'transfer.team-reported':
      return zh
        ? `${who}办案组书面报告涉嫌犯罪，报负责人审批`
        : `${who}: the case team reported the suspected crime in writing to the head`;
    case 'transfer.head-decided':
      return zh
        ? `${who}负责人${p.decision === 'approved' ? '批准' : '不批准'}移送`
        : `${who}: the head ${p.decision === 'approved' ? 'approved' : 'refused'} the transfer`;
    case 'transfer.sent':
      return zh
        ? `${ag('fromAgencyId')}将案件移送${ag('toAgencyId')}，抄送${ag('copyToAgencyId')}`
        : `${ag('fromAgencyId')} transferred the case to ${ag('toAgencyId')}, copy to ${ag('copyToAgencyId')}`;
    case 'transfer.receipt-signed':
      return zh ? `${who}签收移送回执 ${s('receiptNumber')}` : `${who} signed the receipt ${s('receiptNumber')}`;
    case 'transfer.forwarded':
      return p.mode === 'forwarded'
        ? zh
          ? `${who}以不属本机关管辖为由转送${ag('toAgencyId')}`
          : `${who} forwarded the case to ${ag('toAgencyId')} (not competent)`
        : zh
          ? `${who}以不属本机关管辖为由退回案件`
          : `${who} returned the case as outside its competence`;
    case 'transfer.materials-requested':
      return zh ? `${who}要求补充材料：${list('missing')}` : `${who} asked for missing materials: ${list('missing')}`;
    case 'transfer.materials-supplemented':
      return zh ? `${who}补充移送材料` : `${who} supplemented the materials`;
    case 'transfer.review-extended':
      return zh
        ? `${who}延长立案审查期限（${m('variant', 'variant')}）`
        : `${who} extended the filing review (${m('variant', 'variant')})`;
    case 'transfer.filing-decided':
      return zh
        ? `${who}决定${m('outcome', 'outcome')}${p.policeCaseNumber ? `，案号 ${s('policeCaseNumber')}` : ''}`
        : `${who} decided: ${m('outcome', 'outcome')}${p.policeCaseNumber ? `, case ${s('policeCaseNumber')}` : ''}`;
    case 'transfer.reconsideration-requested':
      return zh ? `${who}提请公安机关复议不予立案决定` : `${who} asked the police to reconsider not filing`;
    case 'transfer.reconsideration-decided':
      return zh
        ? `${who}作出复议决定：${m('outcome', 'outcome')}`
        : `${who} decided on reconsideration: ${m('outcome', 'outcome')}`;
    case 'transfer.items-handed-over':
      return zh ? `${who}移交涉案物品` : `${who} handed over the seized items`;
    case 'transfer.procuratorate-opinion':
      return zh
        ? `${who}发出检察意见，要求${ag('enforcementAgencyId')}移送案件`
        : `${who} told ${ag('enforcementAgencyId')} to transfer the case (procuratorial opinion)`;
    case 'filing-supervision.requested':
      return zh
        ? `${who}提请${ag('procuratorateAgencyId')}立案监督（${m('ground', 'ground')}）`
        : `${who} asked ${ag('procuratorateAgencyId')} for filing supervision (${m('ground', 'ground')})`;
    case 'filing-supervision.opened':
      return zh
        ? `${who}受理立案监督（${m('ground', 'ground')}）`
        : `${who} opened filing supervision (${m('ground', 'ground')})`;
    case 'filing-supervision.explanation-required':
      return zh ? `${who}要求公安机关说明不立案理由` : `${who} required the police to explain not filing`;
    case 'filing-supervision.explained':
      return zh ? `${who}书面说明不立案理由` : `${who} explained in writing why it did not file`;
    case 'filing-supervision.reasons-accepted':
      return zh ? `${who}认为不立案理由成立` : `${who} found the police reasons valid`;
    case 'filing-supervision.filing-notice-issued':
      return zh ? `${who}发出通知立案书 ${s('noticeNumber')}` : `${who} issued a notice to file ${s('noticeNumber')}`;
    case 'filing-supervision.correction-issued':
      return zh ? `${who}发出纠正违法通知书` : `${who} issued a correction notice`;
    case 'filing-supervision.chaser-issued':
      return zh ? `${who}发出催办函` : `${who} issued a chaser letter`;
    case 'deadline.started':
      return zh
        ? `期限${rule()}开始计算，义务机关${ag('owingAgencyId')}，届满 ${dueText(s('dueAt'), s('lastDay'), 'zh')}`
        : `clock ${rule()} started for ${ag('owingAgencyId')}, due ${dueText(s('dueAt'), s('lastDay'), 'en')}`;
    case 'deadline.warning':
      return zh
        ? `期限${rule()}即将届满：${dueText(s('dueAt'), s('lastDay'), 'zh')}`
        : `clock ${rule()} near its end: due ${dueText(s('dueAt'), s('lastDay'), 'en')}`;
    case 'deadline.missed':
      return zh
        ? `期限${rule()}已届满，${ag('owingAgencyId')}逾期未办理`
        : `clock ${rule()} ran out: ${ag('owingAgencyId')} has not acted`;
    case 'deadline.closed':
      return zh
        ? `期限${rule()}结束：${m('outcome', 'outcome')}`
        : `clock ${rule()} closed: ${m('outcome', 'outcome')}`;
    case 'supervision.pressed':
      if (s('pressingAgencyId'))
        return zh
          ? `${ag('pressingAgencyId')}督办人员催办${ag('owingAgencyId')}${quote('message')}`
          : `a supervisor of ${ag('pressingAgencyId')} pressed ${ag('owingAgencyId')}${quote('message')}`;
      return zh
        ? `督办人员催办${ag('owingAgencyId')}${quote('message')}`
        : `a supervisor pressed ${ag('owingAgencyId')}${quote('message')}`;
    case 'supervision.escalated':
      return zh
        ? `督办人员报请${ag('toLevel')}督办${quote('message')}`
        : `a supervisor escalated to ${ag('toLevel')}${quote('message')}`;
    case 'supervision.joint-listed':
      return zh
        ? `列入联合督办（复核周期${m('interval', 'reviewInterval')}）${quote('reason')}`
        : `listed for joint supervision (review ${m('interval', 'reviewInterval')})${quote('reason')}`;
    case 'prosecution.transferred':
      return zh ? `${who}将案件移送审查起诉` : `${who} transferred the case for prosecution`;
    case 'prosecution.returned-for-investigation':
      return zh
        ? `退回补充侦查（第 ${s('round')} 次）`
        : `returned for supplementary investigation, round ${s('round')}`;
    case 'prosecution.review-extended':
      return zh
        ? `${who}延长审查起诉期限十五日（重大复杂案件）`
        : `${who} extended the prosecution review by 15 days (major or complex case)`;
    case 'prosecution.resubmitted':
      return zh
        ? `${who}补充侦查完毕（第 ${s('round')} 次），重新移送审查起诉`
        : `${who} re-submitted the case after supplementary investigation, round ${s('round')}`;
    case 'prosecution.nonprosecution-notified':
      return zh
        ? `${who}将不起诉决定告知${ag('enforcementAgencyId')}`
        : `${who} notified ${ag('enforcementAgencyId')} of the non-prosecution`;
    case 'prosecution.decided':
      return zh
        ? `${who}作出审查起诉决定：${m('outcome', 'outcome')}`
        : `${who} decided on prosecution: ${m('outcome', 'outcome')}`;
    case 'pil.case-opened':
      return zh
        ? `${who}公益诉讼立案（${m('pilKind', 'kind')}）`
        : `${who} opened a public-interest litigation case (${m('pilKind', 'kind')})`;
    case 'pil.recommendation-served':
      return zh
        ? `${who}向${ag('agencyId')}送达检察建议 ${s('documentNumber')}`
        : `${who} served procuratorial recommendation ${s('documentNumber')} on ${ag('agencyId')}`;
    case 'pil.agency-replied':
      return zh
        ? `${who}书面回复检察建议：${m('outcome', 'outcome')}`
        : `${who} replied to the recommendation: ${m('outcome', 'outcome')}`;
    case 'pil.announcement-published':
      return zh ? `${who}发布诉前公告` : `${who} published the pre-suit announcement`;
    case 'pil.suit-filed':
      return zh
        ? `${who}向${ag('courtAgencyId')}提起公益诉讼`
        : `${who} filed a public-interest suit with ${ag('courtAgencyId')}`;
    case 'pil.investigation-recorded':
      return zh ? `${who}记录公益诉讼案件调查核实情况` : `${who} recorded the findings of its investigation`;
    case 'pil.recommendation-filed':
      return zh
        ? `${who}将检察建议报${ag('upperProcuratorateAgencyId')}备案`
        : `${who} filed the recommendation with ${ag('upperProcuratorateAgencyId')}`;
    case 'pil.agency-action-recorded':
      return zh
        ? `${who}记录落实检察建议的措施${quote('action')}`
        : `${who} recorded an action on the recommendation${quote('action')}`;
    case 'pil.closing-decided':
      return zh ? `${who}决定终结案件，不提起诉讼` : `${who} decided to close the case without suing`;
    case 'pil.closing-decision-served':
      return zh
        ? `${who}向${ag('agencyId')}送达终结审查决定书 ${s('documentNumber')}`
        : `${who} served the closing decision ${s('documentNumber')} on ${ag('agencyId')}`;
    case 'pil.organisation-assessed': {
      const org = (p.organisation as { name?: unknown } | undefined)?.name;
      const name = typeof org === 'string' ? org : '';
      return p.eligible === true
        ? zh
          ? `${who}审查认定社会组织${name}具备起诉资格`
          : `${who} found the organisation ${name} eligible to sue`
        : zh
          ? `${who}审查认定社会组织${name}不具备起诉资格`
          : `${who} found the organisation ${name} not eligible to sue`;
    }
    case 'pil.suit-supported':
      return zh
        ? `${who}支持${s('organisationName')}向${ag('courtAgencyId')}提起公益诉讼`
        : `${who} supports the suit of ${s('organisationName')} before ${ag('courtAgencyId')}`;
    case 'pil.clock-changed':
      return p.state === 'suspended'
        ? zh
          ? '同一行为的生态环境损害赔偿磋商进行中，民事公益诉讼期限中止计算'
          : `the civil public-interest clock stopped: ${s('reason')}`
        : zh
          ? '生态环境损害赔偿磋商结束，民事公益诉讼期限恢复计算'
          : `the civil public-interest clock runs again: ${s('reason')}`;
    case 'edc.consultation-opened':
      return zh
        ? `${who}向赔偿义务人送达磋商告知书 ${s('noticeNumber')}`
        : `${who} served the consultation notice ${s('noticeNumber')} on the liable party`;
    case 'edc.meeting-held':
      return zh ? `${who}举行第 ${s('round')} 次赔偿磋商` : `${who} held consultation meeting ${s('round')}`;
    case 'edc.consultation-agreed':
      return zh ? `${who}与赔偿义务人达成赔偿协议` : `${who} reached a compensation agreement with the liable party`;
    case 'edc.consultation-failed':
      return zh ? `${who}与赔偿义务人磋商不成` : `${who}: the consultation with the liable party failed`;
    case 'edc.confirmation-applied':
      return zh
        ? `${who}就生态环境损害赔偿协议向${ag('courtAgencyId')}申请司法确认`
        : `${who} applied to ${ag('courtAgencyId')} for judicial confirmation of the damage compensation agreement`;
    case 'edc.suit-filed':
      return zh
        ? `${who}磋商不成，向${ag('courtAgencyId')}提起生态环境损害赔偿诉讼`
        : `${who} sued for ecological damage compensation before ${ag('courtAgencyId')} after the consultation failed`;
    case 'court.case-docketed':
      return zh
        ? `${who}立案，案号 ${s('docketNumber')}（${m('track', 'track')}）`
        : `${who} docketed case ${s('docketNumber')} (${m('track', 'track')})`;
    case 'court.hearing-scheduled':
      return zh ? `${who}确定开庭时间 ${at('hearingAt')}` : `${who} scheduled the hearing at ${at('hearingAt')}`;
    case 'court.judgment-rendered':
      return zh ? `${who}作出判决${quote('summary')}` : `${who} rendered judgment${quote('summary')}`;
    case 'court.case-received':
      return zh
        ? `${who}收到${ag('plaintiffAgencyId')}的${m('source', 'source')}（${m('track', 'track')}）`
        : `${who} received ${m('source', 'source')} of ${ag('plaintiffAgencyId')} (${m('track', 'track')})`;
    case 'court.case-not-accepted':
      return zh
        ? `${who}裁定不予受理${s('forwardedTo') ? `，移送${ag('forwardedTo')}` : ''}${quote('reasons')}`
        : `${who} ruled not to accept the case${s('forwardedTo') ? `, forwarded to ${ag('forwardedTo')}` : ''}${quote('reasons')}`;
    case 'court.complaint-served':
      return zh ? `${who}向${s('servedOn')}送达起诉书` : `${who} served the complaint on ${s('servedOn')}`;
    case 'court.agency-notified':
      return zh
        ? `${who}书面告知${ag('agencyId')}公益诉讼立案（${s('noticeNumber')}）`
        : `${who} notified ${ag('agencyId')} in writing of the suit (${s('noticeNumber')})`;
    case 'court.co-plaintiff-announced':
      return zh ? `${who}公告案件受理，征集共同原告` : `${who} announced the suit for co-plaintiffs`;
    case 'court.settlement-announced':
      return zh ? `${who}公告调解、和解协议${quote('summary')}` : `${who} announced the settlement${quote('summary')}`;
    case 'court.settlement-approved':
      return zh ? `${who}公告期满，出具调解书` : `${who} approved the settlement after its announcement`;
    case 'court.confirmation-announced':
      return zh ? `${who}公告赔偿协议，拟司法确认` : `${who} announced the compensation agreement before confirmation`;
    case 'court.agreement-confirmed':
      return zh ? `${who}司法确认赔偿协议` : `${who} confirmed the compensation agreement`;
    case 'court.trial-extended':
      return zh
        ? `${who}经批准延长审理期限（${s('approvedBy')}）`
        : `${who} extended the trial period with the approval of ${s('approvedBy')}`;
    case 'court.restoration-reported':
      return zh
        ? `${who}记录生态修复进展，完成 ${s('percentDone')}%`
        : `${who} recorded restoration progress, ${s('percentDone')}% done`;
    case 'court.restoration-verified':
      return zh
        ? `${who}验收生态修复：${m('outcome', 'outcome')}`
        : `${who} verified the restoration: ${m('outcome', 'outcome')}`;
    case 'sharing.information-shared':
      return zh
        ? `${who}在信息共享平台录入决定（${s('decisionKind')}）`
        : `${who} entered a decision on the shared platform (${s('decisionKind')})`;
    case 'sharing.decision-recorded':
      return zh
        ? `${who}作出应录入信息共享平台的决定（${s('decisionKind')}）`
        : `${who} made a decision to enter on the shared platform (${s('decisionKind')})`;
    case 'sharing.content-delivered':
      return zh ? `${who}向有权查阅的机关送达共享内容` : `${who} delivered shared content to the entitled agencies`;
    case 'sharing.data-read':
      return zh
        ? `${ag('readerAgencyId')}查阅了${ag('ownerAgencyId')}共享的信息`
        : `${ag('readerAgencyId')} read information shared by ${ag('ownerAgencyId')}`;
    case 'notification.case-notified':
      return zh
        ? `${who}通报案情（${m('notice', 'kind')}）`
        : `${who} notified case developments (${m('notice', 'kind')})`;
    case 'notification.acknowledged':
      return zh ? `${who}确认收到案情通报` : `${who} acknowledged a case notification`;
    case 'consultation.requested':
      return zh
        ? `${who}向${ag('consultedAgencyId')}书面咨询`
        : `${who} asked ${ag('consultedAgencyId')} for a written consultation`;
    case 'consultation.replied':
      return zh ? `${who}书面答复案件咨询` : `${who} replied to a consultation`;
    case 'notification.inquiry-opened':
      return zh
        ? `${who}就通报的涉嫌犯罪线索开展初查`
        : `${who} opened a preliminary inquiry on a notified suspected crime`;
    case 'supervision.joint-meeting-recorded':
      return zh ? `联席会议纪要已记录（第${s('round')}轮）` : `joint meeting minutes recorded (round ${s('round')})`;
    case 'joint-supervision.progress-reported':
      return zh
        ? `${who}报告联合督办进展（第${s('round')}轮）${quote('progress')}`
        : `${who} reported joint-supervision progress (round ${s('round')})${quote('progress')}`;
    case 'joint-supervision.decision-done':
      return zh
        ? `${who}完成联席会议议定事项${quote('note')}`
        : `${who} carried out a joint-meeting decision${quote('note')}`;
    default:
      return zh ? `${who}：${e.type}` : `${who}: ${e.type}`;
  }
}

/** A due date as a person reads it: a day-counted one as its last day ending at 24:00 (see time-format.ts). */
function dueText(dueAt: string, lastDay: string, lang: Lang): string {
  return formatDueShort(dueAt, lastDay || null, lang);
}
