/** One line per event for the cross-agency case timeline, in Chinese and English. */
import type { IntegrationEventEnvelope } from '@casebridge/contracts';

/** An instant as Beijing time, e.g. 2026-11-24 10:00 (UTC+8) — due dates in the timeline read as the law counts them. */
export function beijing(iso: unknown): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return String(iso ?? '');
  const d = new Date(ms + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} (UTC+8)`;
}

export interface Summary { en: string; zh: string }

const OUTCOME_ZH: Record<string, string> = { filed: '立案', 'not-filed': '不予立案', 'returned-for-penalty': '退回作行政处罚' };
const CLOSE_ZH: Record<string, string> = { met: '按期完成', late: '逾期完成', moot: '无需办理', suspended: '中止计算' };

export function summarize(e: Pick<IntegrationEventEnvelope, 'type' | 'payload' | 'producer'>): Summary {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const s = (k: string): string => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
  const who = e.producer.agencyId;
  switch (e.type) {
    case 'case.registered': return { en: `${who} registered case ${s('caseNumber')} (${s('violation')})`, zh: `${who} 立案 ${s('caseNumber')}（${s('violation')}）` };
    case 'evidence.attached': return { en: `${who} attached evidence ${s('fileName')} (${s('kind')})`, zh: `${who} 附加证据 ${s('fileName')}（${s('kind')}）` };
    case 'penalty.clock-changed': return { en: `penalty clock ${s('state')}: ${s('reason')}`, zh: `行政处罚期限${p.state === 'suspended' ? '中止' : '恢复'}：${s('reason')}` };
    case 'transfer.crime-suspected': return { en: `${who} found facts meeting criminal thresholds (transfer.team-report)`, zh: `${who} 发现涉嫌犯罪事实（transfer.team-report）` };
    case 'transfer.team-reported': return { en: `case team reported in writing (transfer.head-decision starts)`, zh: `办案组书面报告（开始 transfer.head-decision）` };
    case 'transfer.head-decided': return { en: `head ${s('decision')} the transfer`, zh: `负责人${p.decision === 'approved' ? '批准' : '不批准'}移送` };
    case 'transfer.sent': return { en: `${s('fromAgencyId')} sent the transfer to ${s('toAgencyId')}, copy to ${s('copyToAgencyId')}`, zh: `${s('fromAgencyId')} 移送至 ${s('toAgencyId')}，抄送 ${s('copyToAgencyId')}` };
    case 'transfer.receipt-signed': return { en: `${who} signed the receipt ${s('receiptNumber')}`, zh: `${who} 签收回执 ${s('receiptNumber')}` };
    case 'transfer.forwarded': return p.mode === 'forwarded'
      ? { en: `${who} forwarded the case to ${s('toAgencyId')} (not competent)`, zh: `${who} 转送 ${s('toAgencyId')}（无管辖权）` }
      : { en: `${who} returned the case as outside its competence`, zh: `${who} 以不属管辖退回` };
    case 'transfer.materials-requested': return { en: `${who} asked for missing materials: ${Array.isArray(p.missing) ? p.missing.join(', ') : ''}`, zh: `${who} 要求补充材料：${Array.isArray(p.missing) ? p.missing.join('、') : ''}` };
    case 'transfer.materials-supplemented': return { en: `${who} supplemented materials`, zh: `${who} 补充移送材料` };
    case 'transfer.review-extended': return { en: `${who} extended the filing review (${s('variant')})`, zh: `${who} 延长立案审查期限（${s('variant')}）` };
    case 'transfer.filing-decided': return { en: `${who} decided: ${s('outcome')}${p.policeCaseNumber ? ` ${s('policeCaseNumber')}` : ''}`, zh: `${who} 决定：${OUTCOME_ZH[s('outcome')] ?? s('outcome')}${p.policeCaseNumber ? ` ${s('policeCaseNumber')}` : ''}` };
    case 'transfer.reconsideration-requested': return { en: `${who} asked the police to reconsider`, zh: `${who} 申请复议` };
    case 'transfer.reconsideration-decided': return { en: `${who} reconsideration: ${s('outcome')}`, zh: `${who} 复议决定：${p.outcome === 'upheld' ? '维持' : '撤销，立案'}` };
    case 'transfer.items-handed-over': return { en: `${who} handed over seized items`, zh: `${who} 移交涉案物品` };
    case 'transfer.procuratorate-opinion': return { en: `${who} told ${s('enforcementAgencyId')} to transfer the case (检察意见)`, zh: `${who} 检察意见：要求 ${s('enforcementAgencyId')} 移送` };
    case 'filing-supervision.requested': return { en: `${who} asked ${s('procuratorateAgencyId')} for filing supervision (${s('ground')})`, zh: `${who} 提请 ${s('procuratorateAgencyId')} 立案监督（${s('ground')}）` };
    case 'filing-supervision.opened': return { en: `${who} opened filing supervision`, zh: `${who} 受理立案监督` };
    case 'filing-supervision.explanation-required': return { en: `${who} required the police to explain not filing`, zh: `${who} 要求公安说明不立案理由` };
    case 'filing-supervision.explained': return { en: `${who} explained why it did not file`, zh: `${who} 说明不立案理由` };
    case 'filing-supervision.reasons-accepted': return { en: `${who} found the police reasons valid`, zh: `${who} 认为不立案理由成立` };
    case 'filing-supervision.filing-notice-issued': return { en: `${who} issued a notice to file ${s('noticeNumber')}`, zh: `${who} 发出通知立案书 ${s('noticeNumber')}` };
    case 'filing-supervision.correction-issued': return { en: `${who} issued a correction notice`, zh: `${who} 发出纠正违法通知书` };
    case 'filing-supervision.chaser-issued': return { en: `${who} issued a chaser (催办函)`, zh: `${who} 发出催办函` };
    case 'deadline.started': return { en: `clock ${s('ruleId')} started for ${s('owingAgencyId')}, due ${beijing(p.dueAt)}`, zh: `期限 ${s('ruleId')} 开始计算，义务机关 ${s('owingAgencyId')}，届满 ${beijing(p.dueAt)}` };
    case 'deadline.warning': return { en: `clock ${s('ruleId')} near: due ${beijing(p.dueAt)}`, zh: `期限 ${s('ruleId')} 即将届满：${beijing(p.dueAt)}` };
    case 'deadline.missed': return { en: `clock ${s('ruleId')} ran out (${s('owingAgencyId')})`, zh: `期限 ${s('ruleId')} 已逾期（${s('owingAgencyId')}）` };
    case 'deadline.closed': return { en: `clock ${s('ruleId')} closed: ${s('outcome')}`, zh: `期限 ${s('ruleId')} 结束：${CLOSE_ZH[s('outcome')] ?? s('outcome')}` };
    case 'supervision.pressed': return { en: `supervisor pressed ${s('owingAgencyId')} (催办): ${s('message')}`, zh: `督办人员催办 ${s('owingAgencyId')}：${s('message')}` };
    case 'supervision.escalated': return { en: `supervisor escalated to ${s('toLevel')}: ${s('message')}`, zh: `督办人员报请上级 ${s('toLevel')}：${s('message')}` };
    case 'supervision.joint-listed': return { en: `listed for joint supervision (review every ${s('reviewInterval')}): ${s('reason')}`, zh: `列入联合督办（复核周期 ${s('reviewInterval')}）：${s('reason')}` };
    case 'prosecution.transferred': return { en: `${who} transferred the case for prosecution (prosecution.review)`, zh: `${who} 移送审查起诉` };
    case 'prosecution.returned-for-investigation': return { en: `returned for supplementary investigation, round ${s('round')}`, zh: `退回补充侦查（第 ${s('round')} 次）` };
    case 'prosecution.decided': return { en: `prosecution decision: ${s('outcome')}`, zh: `审查起诉决定：${s('outcome') === 'indicted' ? '提起公诉' : '不起诉'}` };
    case 'pil.case-opened': return { en: `public-interest litigation case opened (${s('kind')})`, zh: `公益诉讼立案（${s('kind')}）` };
    case 'pil.recommendation-served': return { en: `procuratorial recommendation ${s('documentNumber')} served on ${s('agencyId')}`, zh: `向 ${s('agencyId')} 送达检察建议 ${s('documentNumber')}` };
    case 'pil.agency-replied': return { en: `${who} replied to the recommendation: ${s('outcome')}`, zh: `${who} 回复检察建议：${s('outcome')}` };
    case 'pil.announcement-published': return { en: `pre-suit announcement published (${s('channel')})`, zh: `发布诉前公告（${s('channel')}）` };
    case 'pil.suit-filed': return { en: `public-interest suit filed with ${s('courtAgencyId')}`, zh: `向 ${s('courtAgencyId')} 提起公益诉讼` };
    case 'court.case-docketed': return { en: `court docketed case ${s('docketNumber')} (${s('track')})`, zh: `法院立案 ${s('docketNumber')}` };
    case 'court.hearing-scheduled': return { en: `hearing scheduled at ${beijing(e.payload && (e.payload as Record<string, unknown>).hearingAt)}`, zh: `开庭时间 ${beijing(e.payload && (e.payload as Record<string, unknown>).hearingAt)}` };
    case 'court.judgment-rendered': return { en: `judgment rendered: ${s('summary')}`, zh: `作出判决：${s('summary')}` };
    case 'sharing.information-shared': return { en: `${who} shared "${s('decision')}"`, zh: `${who} 共享信息「${s('decision')}」` };
    case 'notification.case-notified': return { en: `${who} notified case developments (${s('kind')})`, zh: `${who} 案情通报（${s('kind')}）` };
    case 'notification.acknowledged': return { en: `${who} acknowledged a case notification`, zh: `${who} 确认收到案情通报` };
    case 'consultation.requested': return { en: `${who} asked ${s('consultedAgencyId')} for a written consultation`, zh: `${who} 向 ${s('consultedAgencyId')} 书面咨询` };
    case 'consultation.replied': return { en: `${who} replied to a consultation`, zh: `${who} 答复案件咨询` };
    default: return { en: `${e.type} by ${who}`, zh: `${e.type}（${who}）` };
  }
}
