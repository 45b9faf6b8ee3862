import { ApplicationFailure } from '@temporalio/common';
import { eventRegistry, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { chineseDaysCalendar, createDeadlineEngine, createHolidayCalendar } from '@casebridge/legal-time';
import { CaseActivities, createCaseActivities, deadlineEventId } from './case-activities';
import type { DeadlineEventSpec } from './case-activities.contracts';

const engine = createDeadlineEngine({ calendar: chineseDaysCalendar() });

class Sink {
  readonly calls: IntegrationEventEnvelope[][] = [];
  async publish(envelopes: IntegrationEventEnvelope[]): Promise<void> {
    this.calls.push(envelopes);
  }
}

const spec = (over: Partial<DeadlineEventSpec> = {}): DeadlineEventSpec => ({
  kind: 'started',
  workflowId: 'transfer-01a22400-0000-7000-8000-000000000001',
  linkedCaseId: '01a22400-0000-7000-8000-000000000003',
  subjectId: '01a22400-0000-7000-8000-000000000001',
  stepId: '01a22400-0000-7000-8000-000000000001/transfer.filing-review',
  ruleId: 'transfer.filing-review',
  variant: 'standard',
  owingAgencyId: 'police:210100',
  startedAt: '2025-09-30T10:00:00+08:00',
  dueAt: '2025-10-10T00:00:00+08:00',
  lastDay: '2025-10-09',
  revision: 0,
  at: '2025-09-30T02:00:05.000Z',
  explain: { countingMode: 'calendar-days' },
  ...over,
});

async function failureOf(p: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await p;
  } catch (e) {
    return e as ApplicationFailure;
  }
  throw new Error('expected a failure');
}

describe('computeDeadline activity', () => {
  const activities = createCaseActivities({ engine, sink: new Sink() });

  it('transfer.filing-review from Tue 2025-09-30 10:00: 3 Oct is a holiday → last day 9 Oct', async () => {
    const d = await activities.computeDeadline({ ruleId: 'transfer.filing-review', from: '2025-09-30T10:00:00+08:00' });
    expect(d).toMatchObject({
      ruleId: 'transfer.filing-review',
      variant: 'standard',
      dueAt: '2025-10-10T00:00:00+08:00',
      lastDay: '2025-10-09',
      onExpiry: 'enforcement shall ask procuratorate for filing supervision',
      basis: 'E17 art 9, 12; R310 art 8, 17',
      suspended: false,
    });
  });

  it('replays suspensions and extensions with legal-time DeadlineClock (same start)', async () => {
    const events = [
      {
        type: 'extended' as const,
        at: '2025-09-30T04:00:00.000Z',
        fromVariant: 'standard',
        toVariant: 'major-complex',
        approvedBy: '局长',
      },
      { type: 'suspended' as const, at: '2025-10-09T02:00:00.000Z' },
      { type: 'resumed' as const, at: '2025-10-11T02:00:00.000Z' },
    ];
    const d = await activities.computeDeadline({
      ruleId: 'transfer.filing-review',
      from: '2025-09-30T10:00:00+08:00',
      events,
    });
    const expected = engine
      .startClock({ rule: 'transfer.filing-review', at: '2025-09-30T10:00:00+08:00' })
      .extend('major-complex', '局长', events[0].at)
      .suspend(events[1].at)
      .resume(events[2].at)
      .deadline();
    expect(d).toMatchObject({ variant: 'major-complex', dueAt: expected.dueAt, suspended: false });
  });

  it('a year without an official calendar, counted provisionally, is flagged in the result and its explanation', async () => {
    const provisional = createCaseActivities({
      engine: createDeadlineEngine({ uncoveredYears: 'provisional' }),
      sink: new Sink(),
    });
    const d = await provisional.computeDeadline({
      ruleId: 'transfer.reconsideration-request',
      from: '2099-03-02T10:00:00+08:00',
    });
    expect(d.provisionalYears).toEqual([2099]);
    expect(d.explain.provisionalYears).toEqual([2099]);
  });

  it('requireCalendarYears: refuses (non-retryable CALENDAR_YEAR_NOT_LOADED) until the worker carries the year from that source', async () => {
    const input = {
      ruleId: 'transfer.reconsideration-request',
      from: '2026-12-30T10:00:00+08:00',
      requireCalendarYears: [{ year: 2027, source: 'notice' }],
    };
    const floor = createDeadlineEngine({ uncoveredYears: 'provisional' });
    const refused = createCaseActivities({ engine: floor, sink: new Sink() }).computeDeadline(input);
    await expect(refused).rejects.toMatchObject({ type: 'CALENDAR_YEAR_NOT_LOADED', nonRetryable: true });
    const other = floor.calendar.withYear({ year: 2027, holidays: [], makeUpWorkdays: [], source: 'an older file' });
    await expect(
      createCaseActivities({ engine: createDeadlineEngine({ calendar: other }), sink: new Sink() }).computeDeadline(
        input,
      ),
    ).rejects.toThrow(/other calendar data \("an older file"\) for 2027/);
    const loaded = createDeadlineEngine({
      calendar: floor.calendar.withYear({ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: 'notice' }),
    });
    const d = await createCaseActivities({ engine: loaded, sink: new Sink() }).computeDeadline(input);
    expect(d.lastDay).toBe('2027-01-05');
    expect(d.provisionalYears).toBeUndefined();
    expect(d.explain.calendar).toContain('2027: notice');
  });

  it('a suspended clock answers with the due date projected at its last event', async () => {
    const d = await activities.computeDeadline({
      ruleId: 'transfer.filing-review',
      from: '2025-09-30T10:00:00+08:00',
      events: [{ type: 'suspended', at: '2025-10-01T02:00:00.000Z' }],
    });
    expect(d.suspended).toBe(true);
  });

  it('legal rejections are non-retryable (APPROVAL_REQUIRED, UNKNOWN_RULE); a missing calendar year is retryable', async () => {
    const approval = await failureOf(
      activities.computeDeadline({
        ruleId: 'transfer.filing-review',
        from: '2025-09-30T10:00:00+08:00',
        events: [
          { type: 'extended', at: '2025-09-30T04:00:00.000Z', fromVariant: 'standard', toVariant: 'major-complex' },
        ],
      }),
    );
    expect(approval).toMatchObject({ type: 'APPROVAL_REQUIRED', nonRetryable: true });
    const unknown = await failureOf(
      activities.computeDeadline({ ruleId: 'transfer.filing-reveiw', from: '2025-09-30T10:00:00+08:00' }),
    );
    expect(unknown).toMatchObject({ type: 'UNKNOWN_RULE', nonRetryable: true });
    const bad = await failureOf(activities.computeDeadline({ ruleId: 'transfer.filing-review', from: 'yesterday' }));
    expect(bad).toMatchObject({ type: 'CASE_ACTIVITY.INVALID_INPUT', nonRetryable: true });

    const noCalendar = createCaseActivities({
      engine: createDeadlineEngine({ calendar: createHolidayCalendar([]) }),
      sink: new Sink(),
    });
    const calendar = await failureOf(
      noCalendar.computeDeadline({ ruleId: 'transfer.filing-review', from: '2025-09-30T10:00:00+08:00' }),
    );
    expect(calendar).toMatchObject({ type: 'CALENDAR_NOT_COVERED', nonRetryable: false });
  });
});

describe('publishDeadlineEvents activity', () => {
  it('publishes contract-valid envelopes in one sink call, with ids derived from (workflowId, stepId, kind, dueAt, revision)', async () => {
    const sink = new Sink();
    const activities = new CaseActivities({ engine, sink });
    const specs = [
      spec(),
      spec({ kind: 'warning' }),
      spec({ kind: 'missed', onExpiry: 'enforcement shall ask procuratorate for filing supervision' }),
      spec({ kind: 'closed', outcome: 'late' }),
    ];
    const result = await activities.publishDeadlineEvents(specs);
    expect(sink.calls).toHaveLength(1);
    const envelopes = sink.calls[0]!;
    expect(envelopes.map((e) => `${e.type}@v${e.version}`)).toEqual([
      'deadline.started@v3',
      'deadline.warning@v3',
      'deadline.missed@v4',
      'deadline.closed@v3',
    ]);
    for (const e of envelopes) expect(eventRegistry.decode(JSON.stringify(e))).toMatchObject({ ok: true });
    expect(envelopes.map((e) => e.producer)).toEqual(Array(4).fill({ agencyId: 'workflow', kind: 'workflow' }));
    expect(result.eventIds).toEqual(specs.map((s) => deadlineEventId(s)));
    expect(envelopes[2]!.payload).toEqual({
      stepId: specs[0]!.stepId,
      subjectId: specs[0]!.subjectId,
      ruleId: 'transfer.filing-review',
      variant: 'standard',
      owingAgencyId: 'police:210100',
      dueAt: '2025-10-10T00:00:00+08:00',
      onExpiry: 'enforcement shall ask procuratorate for filing supervision',
      // a spec recorded before owners existed: owed by its owing agency, no step key
      owner: { kind: 'agency', agencyId: 'police:210100' },
    });
    expect(new Set(envelopes.map((e) => e.correlationId)).size).toBe(1);
  });

  it('every deadline event carries the step key and the owner (an agency or a party)', async () => {
    const sink = new Sink();
    const activities = new CaseActivities({ engine, sink });
    const owner = { kind: 'party' as const, role: 'eligible-organisation' as const, name: '中华环保联合会' };
    const keyed = {
      stepId: `${spec().subjectId}/court.co-plaintiff-window@org-1`,
      ruleId: 'court.co-plaintiff-window',
      stepKey: 'org-1',
      owner,
      owingAgencyId: 'procuratorate:210100',
    };
    await activities.publishDeadlineEvents([
      spec(keyed),
      spec({ ...keyed, kind: 'warning' }),
      spec({ ...keyed, kind: 'missed' }),
      spec({ ...keyed, kind: 'closed', outcome: 'met' }),
    ]);
    expect(
      sink.calls[0]!.map((e) => [
        e.type,
        (e.payload as Record<string, unknown>).stepKey,
        (e.payload as Record<string, unknown>).owner,
      ]),
    ).toEqual([
      ['deadline.started', 'org-1', owner],
      ['deadline.warning', 'org-1', owner],
      ['deadline.missed', 'org-1', owner],
      ['deadline.closed', 'org-1', owner],
    ]);
  });

  it('a retried call publishes the same ids (the outbox dedupes them); another revision or outcome gets another id', async () => {
    const sink = new Sink();
    const activities = new CaseActivities({ engine, sink });
    await activities.publishDeadlineEvents([spec()]);
    await activities.publishDeadlineEvents([spec()]);
    expect(sink.calls[0]![0]!.eventId).toBe(sink.calls[1]![0]!.eventId);
    expect(deadlineEventId(spec({ revision: 1 }))).not.toBe(deadlineEventId(spec()));
    expect(deadlineEventId(spec({ kind: 'closed', outcome: 'suspended' }))).not.toBe(
      deadlineEventId(spec({ kind: 'closed', outcome: 'met' })),
    );
  });

  it('an event that fails its contract is not retried and nothing is published', async () => {
    const sink = new Sink();
    const activities = new CaseActivities({ engine, sink });
    const failure = await failureOf(activities.publishDeadlineEvents([spec(), spec({ subjectId: 'not-a-uuid' })]));
    expect(failure).toMatchObject({ type: 'CASE_ACTIVITY.INVALID_DEADLINE_EVENT', nonRetryable: true });
    expect(sink.calls).toEqual([]);
  });
});
