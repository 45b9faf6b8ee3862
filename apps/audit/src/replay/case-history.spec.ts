import { CASE_A, envelope, MemoryLedger } from '../testing/ledger-fixtures';
import { toHistoryItem, upcastFast } from './case-history';

describe('case history items', () => {
  const l = new MemoryLedger();
  const v1 = l.append(
    envelope(CASE_A, {
      type: 'deadline.missed',
      version: 1,
      producer: { agencyId: 'workflow', kind: 'workflow' },
      officerId: 'system:workflow',
      payload: { ruleId: 'transfer.filing-review', owingAgencyId: 'police:210100', dueAt: '2026-11-23T16:00:00.000Z' },
      occurredAt: '2026-11-23T16:00:01.000Z',
      recordedAt: '2026-11-23T16:00:01.005Z',
    }),
  );

  it('show who, both clocks, the original version and the upcast current form', () => {
    const h = toHistoryItem(v1);
    expect(h).toMatchObject({
      caseSeq: 1,
      type: 'deadline.missed',
      who: { producer: { agencyId: 'workflow', kind: 'workflow' }, officerId: 'system:workflow' },
      occurredAt: '2026-11-23T16:00:01.000Z',
      recordedAt: '2026-11-23T16:00:01.005Z',
      originalVersion: 1,
      currentVersion: 4,
      upcast: true,
      payload: {
        stepId: `${CASE_A}/transfer.filing-review`,
        subjectId: CASE_A,
        variant: 'standard',
        ruleId: 'transfer.filing-review',
      },
      originalPayload: { ruleId: 'transfer.filing-review' },
    });
    expect(upcastFast(v1.envelope as never)).toEqual({ version: 4, payload: h.payload });
  });

  it('keep an event that no longer decodes, with the reason', () => {
    const odd = l.append(
      envelope(CASE_A, { type: 'no.such-event', payload: { x: 1 }, occurredAt: '2026-11-23T16:00:02.000Z' }),
    );
    expect(toHistoryItem(odd)).toMatchObject({
      upcast: false,
      payload: { x: 1 },
      upcastError: expect.stringMatching(/^unknown-event/),
    });
  });
});
