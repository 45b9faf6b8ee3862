/**
 * The transfer's reconciliation expectations (supervision, GET /reconciliation): which act obliges whom,
 * within which period, and which act answers it. Read through the registry (transferFlow.supervision).
 */
import { stringField as str, type ExpectationRule } from '../kit';

const DAY = 86_400_000;

export const TRANSFER_EXPECTATIONS: readonly ExpectationRule[] = [
  {
    id: 'receipt',
    ruleId: 'transfer.receipt',
    basis: 'R310 art 7; E17 art 7',
    subject: 'transferId',
    title: { en: 'transfer sent, no receipt (回执) signed', zh: '已移送，未签回执' },
    opens: [
      { type: 'transfer.sent', owedBy: (p) => str(p.toAgencyId) },
      { type: 'transfer.forwarded', when: (p) => p.mode === 'forwarded', owedBy: (p) => str(p.toAgencyId) },
    ],
    fulfils: [{ type: 'transfer.receipt-signed' }, { type: 'transfer.forwarded', when: (p) => p.mode === 'returned' }],
  },
  {
    id: 'filing-decision',
    ruleId: 'transfer.filing-review',
    variant: 'from-subject',
    basis: 'E17 arts 9, 12; R310 arts 8, 17',
    subject: 'transferId',
    title: { en: 'receipt signed, no filing decision', zh: '已签收，未作出立案决定' },
    opens: [{ type: 'transfer.receipt-signed', owedBy: 'receiver' }],
    fulfils: [{ type: 'transfer.filing-decided' }, { type: 'transfer.forwarded' }],
  },
  {
    id: 'materials-supplement',
    ruleId: 'transfer.materials-supplement',
    basis: 'GA art 180; E17 art 8',
    subject: 'transferId',
    title: { en: 'materials requested, none supplemented', zh: '要求补充材料，未补充' },
    opens: [{ type: 'transfer.materials-requested', owedBy: 'sender' }],
    fulfils: [{ type: 'transfer.materials-supplemented' }],
  },
  {
    id: 'reconsideration-decision',
    ruleId: 'transfer.reconsideration-decision',
    basis: 'E17 art 11; R310 art 9',
    subject: 'transferId',
    title: { en: 'reconsideration requested, no decision', zh: '申请复议，未作复议决定' },
    opens: [{ type: 'transfer.reconsideration-requested', owedBy: 'receiver' }],
    fulfils: [{ type: 'transfer.reconsideration-decided' }],
  },
  {
    id: 'filing-supervision-opened',
    ruleId: null,
    windowMs: 7 * DAY,
    basis: 'E17 art 12 (no statutory period: console policy, 7 days)',
    subject: 'transferId',
    title: { en: 'filing supervision requested, not opened', zh: '提请立案监督，未受理' },
    opens: [{ type: 'filing-supervision.requested', owedBy: (p) => str(p.procuratorateAgencyId) }],
    fulfils: [{ type: 'filing-supervision.opened' }],
  },
];
