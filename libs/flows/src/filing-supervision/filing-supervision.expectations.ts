/**
 * Filing supervision's reconciliation expectations (supervision, GET /reconciliation). Read through the
 * registry (filingSupervisionFlow.supervision).
 */
import type { ExpectationRule } from '../kit';

export const FILING_SUPERVISION_EXPECTATIONS: readonly ExpectationRule[] = [
  {
    id: 'police-explain',
    ruleId: 'supervision.police-explain',
    basis: 'JR arts 559–562; GA art 182',
    subject: 'supervisionId',
    title: { en: 'explanation required, none given', zh: '要求说明不立案理由，未说明' },
    opens: [{ type: 'filing-supervision.explanation-required', owedBy: 'receiver' }],
    fulfils: [{ type: 'filing-supervision.explained' }],
  },
  {
    id: 'police-file',
    ruleId: 'supervision.police-file',
    basis: 'JR arts 563–564; GA art 182',
    subject: 'transferId',
    title: { en: 'notice to file issued, police did not file', zh: '已通知立案，公安未立案' },
    opens: [{ type: 'filing-supervision.filing-notice-issued', owedBy: 'receiver' }],
    fulfils: [{ type: 'transfer.filing-decided', when: (p) => p.outcome === 'filed' }],
  },
];
