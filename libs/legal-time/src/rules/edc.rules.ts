/** deadlines.md § "Ecological damage compensation (生态环境损害赔偿磋商)". */
import { Rule, days } from './types';

export const EDC_RULES: readonly Rule[] = [
  {
    id: 'edc.consultation',
    section: 'edc',
    title: 'Ecological damage compensation consultation (磋商)',
    actor: 'claimant-agency',
    coActors: ['liable-party'],
    who: 'claimant agency ↔ liable party',
    trigger: 'service of the written consultation notice',
    periodText: 'unverified: 90 days, at most 3 meetings',
    variants: [
      { name: 'standard', period: days(90), description: 'unverified default: consultation concluded within 90 days' },
    ],
    onExpiry: 'failed → damage compensation suit',
    basis: [{ source: 'EDCR22', article: 'article not confirmed' }],
    basisText: '生态环境损害赔偿管理规定 (2022)',
    status: 'unverified',
    custody: false,
    maxRounds: 3,
    notes: ['at most 3 consultation meetings (maxRounds); unverified'],
  },
  {
    id: 'edc.confirmation-announcement',
    section: 'edc',
    title: 'Announcement before judicial confirmation of a compensation agreement',
    actor: 'court',
    who: 'court',
    trigger: 'application for judicial confirmation of an agreement',
    periodText: '≥30 days announcement',
    variants: [
      {
        name: 'standard',
        period: days(30),
        kind: 'minimum',
        description: 'announce for at least 30 days before confirming',
      },
    ],
    onExpiry: '—',
    basis: [{ source: 'EDC', article: 'art 20' }],
    basisText: 'EDC art 20',
    status: 'statutory',
    custody: false,
  },
];
