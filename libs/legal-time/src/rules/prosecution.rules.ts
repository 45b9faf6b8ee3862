/** deadlines.md § "Prosecution (police → procuratorate → court)". */
import { Rule, composite, days, months } from './types';

export const PROSECUTION_RULES: readonly Rule[] = [
  {
    id: 'prosecution.review',
    section: 'prosecution',
    title: 'Procuratorate reviews the case for prosecution (审查起诉)',
    actor: 'procuratorate',
    who: 'procuratorate',
    trigger: 'case transferred for prosecution (移送审查起诉)',
    periodText: '1 month; +15 days major/complex',
    variants: [
      { name: 'standard', period: months(1), description: 'decide within 1 month' },
      {
        name: 'extended',
        // One period of 1 month + 15 days counted from the transfer; holiday extension on the final day only.
        period: composite(months(1), days(15)),
        requiresApproval: true,
        approvalBy: 'procuratorate internal approval (CPL art 172 names no approver; not verified)',
        description: 'major or complex case: 1 month + 15 days',
      },
    ],
    onExpiry: '—',
    basis: [{ source: 'CPL', article: 'art 172' }],
    basisText: 'CPL art 172',
    status: 'statutory',
    custody: false,
    notes: [
      'the period restarts when a case returns from supplementary investigation (CPL art 175) — start a new clock',
      'CPL art 172 also has 10/15-day periods for guilty-plea (认罪认罚) cases; not in deadlines.md, not encoded',
    ],
  },
  {
    id: 'prosecution.supplementary-investigation',
    section: 'prosecution',
    title: 'Police complete a supplementary investigation (补充侦查)',
    actor: 'police',
    who: 'police',
    trigger: 'returned for supplementary investigation',
    periodText: '1 month per round, at most 2 rounds; after 2 rounds with insufficient evidence → non-prosecution',
    variants: [{ name: 'standard', period: months(1), description: 'each round: 1 month' }],
    onExpiry: '—',
    basis: [{ source: 'CPL', article: 'art 175' }],
    basisText: 'CPL art 175',
    status: 'statutory',
    custody: false,
    maxRounds: 2,
    notes: ['after 2 rounds with insufficient evidence the procuratorate decides not to prosecute'],
  },
  {
    id: 'prosecution.nonprosecution-notice',
    section: 'prosecution',
    title: 'Procuratorate notifies enforcement of a non-prosecution decision',
    actor: 'procuratorate',
    coActors: ['enforcement'],
    who: 'procuratorate',
    trigger: 'non-prosecution decision',
    periodText: '3 days to notify enforcement (may add a 检察意见 proposing a penalty)',
    variants: [
      {
        name: 'standard',
        period: days(3),
        description: 'notify enforcement within 3 days, possibly with a 检察意见 proposing a penalty',
      },
    ],
    onExpiry: '—',
    basis: [{ source: 'E17', article: 'art 18' }],
    basisText: 'E17 art 18',
    status: 'statutory',
    custody: false,
  },
];
