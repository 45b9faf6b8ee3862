import { randomUUID } from 'node:crypto';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { legalTime } from './legal';
import {
  EXPECTATION_RULES,
  expectationDeltas,
  foldExpectation,
  isOutstanding,
  orphansOf,
  type ExpectationState,
} from './reconciliation';

type Ev = Pick<IntegrationEventEnvelope, 'type' | 'eventId' | 'occurredAt' | 'payload'>;
const ev = (type: string, occurredAt: string, payload: Record<string, unknown>): Ev => ({
  type,
  eventId: randomUUID(),
  occurredAt,
  payload,
});

/** Folds events (in any order) into expectation states with their windows, as the projection does. */
function evaluate(events: Ev[], now: string): Map<string, ExpectationState & { ruleId: string | null }> {
  const states = new Map<string, ExpectationState & { ruleId: string | null }>();
  for (const e of events) {
    for (const d of expectationDeltas(e)) {
      const s = states.get(d.key) ?? { openedAt: null, fulfilledAt: null, dueAt: null, ruleId: d.rule.ruleId };
      const next = { ...s, ...foldExpectation(s, d) };
      if (d.action === 'open' && next.openedAt === d.at) {
        next.dueAt =
          d.rule.windowMs !== undefined
            ? new Date(d.at.getTime() + d.rule.windowMs)
            : new Date(
                legalTime.compute({
                  rule: d.rule.ruleId!,
                  variant: d.rule.variant === 'from-subject' ? 'standard' : d.rule.variant,
                  from: d.at,
                }).dueAtEpochMs,
              );
      }
      states.set(d.key, next);
    }
  }
  void now;
  return states;
}
const outstanding = (events: Ev[], now: string, stepMissed = false): string[] =>
  [...evaluate(events, now).entries()]
    .filter(([, s]) => isOutstanding(s, new Date(now), stepMissed))
    .map(([k]) => k.split(':')[0]!)
    .sort();

const T = 'a8c2a5f4-3e7b-4b4a-9d2f-1c1d1e1f1a1b';
const S = 'b8c2a5f4-3e7b-4b4a-9d2f-1c1d1e1f1a1b';
// Monday 2026-11-23 10:00 Asia/Shanghai
const SENT = ev('transfer.sent', '2026-11-23T02:00:00.000Z', {
  transferId: T,
  fromAgencyId: 'enforcement:210100',
  toAgencyId: 'police:210100',
  copyToAgencyId: 'procuratorate:210100',
});
const RECEIPT = (at: string) => ev('transfer.receipt-signed', at, { transferId: T, receiptNumber: 'R-1' });

describe('reconciliation (a): sent but never acknowledged or acted on', () => {
  const cases: [string, Ev[], string, string[]][] = [
    // transfer.receipt: 24 h policy window from the next whole hour (R310 art 7; E17 art 7)
    ['transfer.receipt: sent, no receipt, window open', [SENT], '2026-11-24T01:59:00.000Z', []],
    ['transfer.receipt: sent, no receipt past the window', [SENT], '2026-11-24T02:00:00.000Z', ['receipt']],
    [
      'transfer.receipt: receipt signed late still acknowledges',
      [SENT, RECEIPT('2026-11-25T02:00:00.000Z')],
      '2026-11-26T02:00:00.000Z',
      [],
    ],
    // transfer.filing-review: 3 days from Wed 11-25 end on Sat 11-28, a rest day → Mon 11-30 24:00 (deadlines.md counting)
    [
      'transfer.filing-review: received, no decision on the shifted last day',
      [SENT, RECEIPT('2026-11-25T02:00:00.000Z')],
      '2026-11-30T15:59:00.000Z',
      [],
    ],
    [
      'transfer.filing-review: received, no decision after the shifted last day',
      [SENT, RECEIPT('2026-11-25T02:00:00.000Z')],
      '2026-11-30T16:00:00.000Z',
      ['filing-decision'],
    ],
    [
      'transfer.receipt: receipt consumed before the send (cross-topic order)',
      [RECEIPT('2026-11-23T03:00:00.000Z'), SENT],
      '2026-11-24T12:00:00.000Z',
      [],
    ],
    [
      'transfer.forward-or-return: forwarded, the new office owes the receipt',
      [
        SENT,
        ev('transfer.forwarded', '2026-11-23T04:00:00.000Z', {
          transferId: T,
          mode: 'forwarded',
          toAgencyId: 'police:210200',
          reasons: 'x',
        }),
      ],
      '2026-11-24T06:00:00.000Z',
      ['receipt'],
    ],
    [
      'transfer.forward-or-return: returned, nothing owed',
      [SENT, ev('transfer.forwarded', '2026-11-23T04:00:00.000Z', { transferId: T, mode: 'returned', reasons: 'x' })],
      '2026-11-30T06:00:00.000Z',
      [],
    ],
    // transfer.filing-review: 3 days after the receipt (E17 art 9)
    [
      'transfer.filing-review: received, decided',
      [
        SENT,
        RECEIPT('2026-11-23T03:00:00.000Z'),
        ev('transfer.filing-decided', '2026-11-24T03:00:00.000Z', {
          transferId: T,
          outcome: 'filed',
          policeCaseNumber: 'P-1',
        }),
      ],
      '2026-12-10T00:00:00.000Z',
      [],
    ],
    // transfer.materials-supplement: 3 days (GA art 180; E17 art 8)
    [
      'transfer.materials-supplement: requested, none supplied',
      [
        SENT,
        RECEIPT('2026-11-23T03:00:00.000Z'),
        ev('transfer.materials-requested', '2026-11-23T05:00:00.000Z', {
          transferId: T,
          missing: ['inspection-record'],
          note: '',
        }),
      ],
      '2026-11-26T16:00:00.000Z',
      ['filing-decision', 'materials-supplement'],
    ],
    [
      'transfer.materials-supplement: requested twice, supplied once in between',
      [
        SENT,
        ev('transfer.materials-requested', '2026-11-23T05:00:00.000Z', { transferId: T, missing: ['other'], note: '' }),
        ev('transfer.materials-supplemented', '2026-11-23T06:00:00.000Z', { transferId: T, items: [] }),
        ev('transfer.materials-requested', '2026-11-23T07:00:00.000Z', { transferId: T, missing: ['other'], note: '' }),
        RECEIPT('2026-11-23T03:00:00.000Z'),
      ],
      '2026-11-27T00:00:00.000Z',
      ['filing-decision', 'materials-supplement'],
    ],
    // filing-supervision.requested → opened: console policy 7 days (E17 art 12 sets none)
    [
      'E17 art 12: filing supervision requested, not opened after 7 days',
      [
        ev('filing-supervision.requested', '2026-11-23T02:00:00.000Z', {
          transferId: T,
          procuratorateAgencyId: 'procuratorate:210100',
          ground: 'not-filed',
          reasons: 'x',
        }),
      ],
      '2026-11-30T02:00:00.000Z',
      ['filing-supervision-opened'],
    ],
    [
      'E17 art 12: filing supervision requested and opened',
      [
        ev('filing-supervision.requested', '2026-11-23T02:00:00.000Z', {
          transferId: T,
          procuratorateAgencyId: 'procuratorate:210100',
          ground: 'not-filed',
          reasons: 'x',
        }),
        ev('filing-supervision.opened', '2026-11-24T02:00:00.000Z', {
          supervisionId: S,
          transferId: T,
          policeAgencyId: 'police:210100',
          enforcementAgencyId: 'enforcement:210100',
          ground: 'not-filed',
        }),
      ],
      '2026-12-30T02:00:00.000Z',
      [],
    ],
    // supervision.police-explain: 7 days (JR arts 559–562)
    [
      'supervision.police-explain: explanation required, none given',
      [
        ev('filing-supervision.explanation-required', '2026-11-23T02:00:00.000Z', {
          supervisionId: S,
          transferId: T,
          question: 'why',
        }),
      ],
      '2026-12-01T00:00:00.000Z',
      ['police-explain'],
    ],
    // supervision.police-file: 15 days (JR arts 563–564)
    [
      'supervision.police-file: notice to file, police filed',
      [
        ev('filing-supervision.filing-notice-issued', '2026-11-23T02:00:00.000Z', {
          supervisionId: S,
          transferId: T,
          noticeNumber: 'N-1',
        }),
        ev('transfer.filing-decided', '2026-11-25T02:00:00.000Z', {
          transferId: T,
          outcome: 'filed',
          policeCaseNumber: 'P',
          supervisionId: S,
        }),
      ],
      '2026-12-30T00:00:00.000Z',
      [],
    ],
    [
      'supervision.police-file: notice to file, police refused again',
      [
        ev('filing-supervision.filing-notice-issued', '2026-11-23T02:00:00.000Z', {
          supervisionId: S,
          transferId: T,
          noticeNumber: 'N-1',
        }),
        ev('transfer.filing-decided', '2026-11-25T02:00:00.000Z', {
          transferId: T,
          outcome: 'not-filed',
          reasons: 'x',
          supervisionId: S,
        }),
      ],
      '2026-12-30T00:00:00.000Z',
      ['police-file'],
    ],
  ];
  it.each(cases)('%s', (_n, events, now, expected) => {
    expect(outstanding(events, now)).toEqual(expected);
    // order-independent: the same events consumed in reverse give the same answer
    expect(outstanding([...events].reverse(), now)).toEqual(expected);
  });

  it('transfer.receipt reported missed by the workflow counts at once (its clock may run ahead, e.g. time skipping)', () => {
    expect(outstanding([SENT], '2026-11-23T03:00:00.000Z', true)).toEqual(['receipt']);
  });

  it('every rule cites a rule id of deadlines.md or states its policy window', () => {
    for (const r of EXPECTATION_RULES) {
      if (r.ruleId) expect(legalTime.ruleBook.has(r.ruleId)).toBe(true);
      else expect(r.windowMs).toBeGreaterThan(0);
      expect(r.basis).not.toBe('');
    }
  });
});

describe('reconciliation (b): orphan events', () => {
  const cases: [string, Ev[], string[]][] = [
    ['a police receipt for a transfer never sent', [RECEIPT('2026-11-23T03:00:00.000Z')], ['transfer-sent']],
    ['a police receipt for a sent transfer (any order)', [RECEIPT('2026-11-23T03:00:00.000Z'), SENT], ['transfer']],
    ['a sent transfer never opened (crime-suspected missing)', [SENT], ['transfer']],
    [
      'opened and sent',
      [
        ev('transfer.crime-suspected', '2026-11-22T02:00:00.000Z', {
          transferId: T,
          caseId: S,
          thresholdFacts: ['t1'],
          facts: 'x',
        }),
        SENT,
      ],
      ['case'],
    ],
    [
      'deadline.missed for a step never started',
      [
        ev('deadline.missed', '2026-11-24T02:00:00.000Z', {
          stepId: `${T}/transfer.receipt`,
          subjectId: T,
          ruleId: 'transfer.receipt',
        }),
      ],
      ['step'],
    ],
    [
      'deadline.started then missed',
      [
        ev('deadline.started', '2026-11-23T02:00:00.000Z', { stepId: `${T}/transfer.receipt` }),
        ev('deadline.missed', '2026-11-24T02:00:00.000Z', { stepId: `${T}/transfer.receipt` }),
      ],
      [],
    ],
    [
      'an explanation for a supervision never opened',
      [
        SENT,
        ev('filing-supervision.explained', '2026-11-24T02:00:00.000Z', {
          supervisionId: S,
          transferId: T,
          reasons: 'x',
        }),
      ],
      ['supervision', 'transfer'],
    ],
  ];
  it.each(cases)('%s', (_n, events, kinds) => {
    expect(
      orphansOf(events as never)
        .map((o) => o.ref.kind)
        .sort(),
    ).toEqual(kinds);
  });
});

describe('reconciliation (b): a procuratorial opinion refers to the case as owned (attack-findings #1)', () => {
  const ENF = 'enforcement:210100';
  const L = 'c8c2a5f4-3e7b-4b4a-9d2f-1c1d1e1f1a1b';
  const full = (type: string, producer: string, linkedCaseId: string, payload: Record<string, unknown>) => ({
    ...ev(type, '2026-11-23T02:00:00.000Z', payload),
    linkedCaseId,
    producer: { kind: producer.split(':')[0] as 'enforcement', agencyId: producer },
  });
  const registered = full('case.registered', ENF, L, { caseId: S });
  const opinion = (enforcementAgencyId: string, linkedCaseId: string, caseId: string) =>
    full('transfer.procuratorate-opinion', 'procuratorate:210100', linkedCaseId, {
      transferId: T,
      caseId,
      enforcementAgencyId,
      reasons: 'r',
    });
  const orphanKinds = (events: ReturnType<typeof full>[]) => orphansOf(events).map((o) => `${o.ref.kind} ${o.ref.id}`);

  it('an opinion on the addressee’s own case in its linked case is no orphan', () => {
    expect(orphanKinds([registered, opinion(ENF, L, S)])).toEqual([]);
  });
  it('another agency’s case, a wrong linked case or an unknown case is an orphan (the owner refuses it)', () => {
    expect(orphanKinds([registered, opinion('enforcement:210200', L, S)])).toEqual([
      `case-owner enforcement:210200/${L}/${S}`,
    ]);
    expect(orphanKinds([registered, opinion(ENF, T, S)])).toEqual([`case-owner ${ENF}/${T}/${S}`]);
    expect(orphanKinds([registered, opinion(ENF, L, T)])).toEqual([`case-owner ${ENF}/${L}/${T}`]);
  });
});
