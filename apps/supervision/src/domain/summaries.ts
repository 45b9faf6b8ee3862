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
    default: return { en: `${e.type} by ${who}`, zh: `${e.type}（${who}）` };
  }
}
