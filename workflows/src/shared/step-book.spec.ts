import type { ComputedDeadlineView } from '../activities/case-activities.contracts';
import { DEFAULT_DEADLINE_CONFIG } from './deadline.contracts';
import { StepBook, type NewStep, type StepState } from './step-book';

const SUBJECT = '01a22400-0000-7000-8000-00000000000a';
const T0 = Date.parse('2025-09-22T01:00:00.000Z');
const H = 3_600_000;
const D = 24 * H;
const at = (ms: number): string => new Date(ms).toISOString();

function book(): StepBook {
  return new StepBook({
    workflowId: 'wf-1',
    subjectId: SUBJECT,
    linkedCaseId: 'case-1',
    config: { ...DEFAULT_DEADLINE_CONFIG },
  });
}

/** A due date `days` after the step's start (what computeDeadline would answer). */
function due(step: StepState, days: number, variant = step.variant): ComputedDeadlineView {
  const ms = Date.parse(step.since) + days * D;
  return {
    ruleId: step.ruleId,
    variant,
    from: step.since,
    dueAt: at(ms),
    dueAtEpochMs: ms,
    lastDay: at(ms).slice(0, 10),
    onExpiry: 'supervisor warning',
    basis: 'E17 art 34',
    ruleStatus: 'statutory',
    explain: { days },
    suspended: false,
  };
}

function open(b: StepBook, spec: Partial<NewStep> & { ruleId: string }, days = 7): StepState {
  const step = b.create({ role: 'police', owingAgencyId: 'police:210100', from: at(T0), variant: 'standard', ...spec });
  b.add(step, due(step, days));
  return step;
}

describe('StepBook', () => {
  it('runs one rule several times at once, one step per key, each with its own owner', () => {
    const b = book();
    const police = open(b, { ruleId: 'sharing.platform-entry', key: 'decision-1' });
    const court = open(b, {
      ruleId: 'sharing.platform-entry',
      key: 'decision-2',
      owingAgencyId: 'court:210100',
      owner: { kind: 'agency', agencyId: 'court:210100' },
    });
    const org = open(
      b,
      {
        ruleId: 'court.co-plaintiff-window',
        key: 'org-7',
        role: 'procuratorate',
        owingAgencyId: 'procuratorate:210100',
        owner: { kind: 'party', role: 'eligible-organisation', name: '中华环保联合会' },
      },
      30,
    );

    expect([police.stepId, court.stepId, org.stepId]).toEqual([
      `${SUBJECT}/sharing.platform-entry@decision-1`,
      `${SUBJECT}/sharing.platform-entry@decision-2`,
      `${SUBJECT}/court.co-plaintiff-window@org-7`,
    ]);
    expect(b.openStepViews().map((v) => [v.stepKey, v.owner, v.owingAgencyId])).toEqual([
      ['decision-1', { kind: 'agency', agencyId: 'police:210100' }, 'police:210100'],
      ['decision-2', { kind: 'agency', agencyId: 'court:210100' }, 'court:210100'],
      ['org-7', { kind: 'party', role: 'eligible-organisation', name: '中华环保联合会' }, 'procuratorate:210100'],
    ]);
    expect(b.isOpen('sharing.platform-entry')).toBe(true);
    expect(b.isOpen('sharing.platform-entry', 'decision-2')).toBe(true);
    expect(b.isOpen('sharing.platform-entry', 'decision-3')).toBe(false);
    // the unkeyed step of the rule is another step: none is open
    expect(b.find('sharing.platform-entry')).toBeUndefined();

    // closing one key leaves the others running
    expect(b.close(b.find('sharing.platform-entry', 'decision-2')!, at(T0 + 2 * D), undefined)).toBe('met');
    expect(b.openStepViews().map((v) => v.stepKey)).toEqual(['decision-1', 'org-7']);
    expect(b.closedSteps()).toEqual([
      expect.objectContaining({
        stepId: court.stepId,
        stepKey: 'decision-2',
        owner: { kind: 'agency', agencyId: 'court:210100' },
        outcome: 'met',
      }),
    ]);

    // every deadline event names the key and the owner
    const events = b.takePending(T0 + 2 * D);
    expect(events.map((e) => [e.kind, e.stepKey, e.owner?.kind, e.owingAgencyId])).toEqual([
      ['started', 'decision-1', 'agency', 'police:210100'],
      ['started', 'decision-2', 'agency', 'court:210100'],
      ['started', 'org-7', 'party', 'procuratorate:210100'],
      ['closed', 'decision-2', 'agency', 'court:210100'],
    ]);
    expect(events.every((e) => e.at === at(T0 + 2 * D))).toBe(true);
    expect(b.takePending(T0 + 3 * D)).toEqual([]);
  });

  it('counts rounds per (rule, key); unkeyed steps keep the ids they always had', () => {
    const b = book();
    const first = open(b, { ruleId: 'transfer.materials-supplement' });
    b.close(first, at(T0 + D), undefined);
    const second = open(b, { ruleId: 'transfer.materials-supplement' });
    const keyed = open(b, { ruleId: 'transfer.materials-supplement', key: 'q1' });
    expect([first.stepId, second.stepId, keyed.stepId]).toEqual([
      `${SUBJECT}/transfer.materials-supplement`,
      `${SUBJECT}/transfer.materials-supplement#2`,
      `${SUBJECT}/transfer.materials-supplement@q1`,
    ]);
    // an unkeyed step publishes no stepKey (the shape of the events it always published) and owes as its agency
    const [started] = b.takePending(T0);
    expect(started).not.toHaveProperty('stepKey');
    expect(started!.owner).toEqual({ kind: 'agency', agencyId: 'police:210100' });
  });

  it('warns at most a third of the period before the due instant, then marks the miss once; the earliest due first', () => {
    const b = book();
    const week = open(b, { ruleId: 'consultation.written-reply', key: 'question-1' }); // 7 days: warned 24 h before
    const day = open(b, { ruleId: 'consultation.written-reply', key: 'question-2' }, 1); // 1 day: warned 8 h before
    b.takePending(T0);
    expect(b.nextWakeAtMs()).toBe(T0 + D - 8 * H);
    expect(b.nextWakeSummary()).toBe(
      `consultation.written-reply@question-2 warning ${at(T0 + D - 8 * H)} (police:210100)`,
    );

    expect(b.fireDue(T0 + D - 8 * H)).toEqual([]);
    expect(b.takePending(T0 + D - 8 * H).map((e) => [e.kind, e.stepKey])).toEqual([['warning', 'question-2']]);
    expect(b.nextWakeAtMs()).toBe(T0 + D);

    expect(b.fireDue(T0 + D)).toEqual([{ ruleId: 'consultation.written-reply', key: 'question-2' }]);
    expect(b.fireDue(T0 + D + H)).toEqual([]); // missed once
    expect(b.missedSteps()).toEqual([day.stepId]);
    expect(b.openStepViews().map((v) => [v.stepKey, v.status])).toEqual([
      ['question-2', 'overdue'],
      ['question-1', 'running'],
    ]);

    // opened late: missed without a warning
    expect(b.fireDue(T0 + 8 * D)).toEqual([{ ruleId: 'consultation.written-reply', key: 'question-1' }]);
    expect(b.takePending(T0 + 8 * D).map((e) => e.kind)).toEqual(['missed', 'missed']);
    expect(week.missed).toBe(true);
    expect(b.searchAttributeValues()).toMatchObject({ ruleId: 'consultation.written-reply', overdue: true });
  });

  it('suspends and resumes one key without touching the others; a moved due date re-arms the warning', () => {
    const b = book();
    const a = open(
      b,
      { ruleId: 'edc.consultation', key: 'liable-1', owner: { kind: 'party', role: 'liable-party' } },
      90,
    );
    open(b, { ruleId: 'edc.consultation', key: 'liable-2', owner: { kind: 'party', role: 'liable-party' } }, 90);
    b.takePending(T0);
    expect(b.checkSuspend('nope')).toEqual({ code: 'STEP_NOT_OPEN', message: 'no open step nope' });
    const checked = b.checkSuspend(a.stepId);
    expect(checked).toBe(a);
    b.suspend(a, at(T0 + 10 * D), 'meeting postponed');
    expect(b.checkSuspend(a.stepId)).toMatchObject({ code: 'ALREADY_SUSPENDED' });
    expect(b.openStepViews().map((v) => [v.stepKey, v.status])).toEqual([
      ['liable-1', 'suspended'],
      ['liable-2', 'running'],
    ]);
    expect(b.takePending(T0 + 10 * D).map((e) => [e.kind, e.outcome, e.stepKey])).toEqual([
      ['closed', 'suspended', 'liable-1'],
    ]);

    // resume 20 days later: the due date moves by 20 days, revision + 1 each time
    b.fireDue(T0 + 89 * D); // liable-2 warned
    b.changeClock(a, { type: 'resumed', at: b.clockInstant(a, at(T0 + 30 * D)) }, due(a, 110));
    expect(a).toMatchObject({ suspended: false, revision: 2, dueAt: at(T0 + 110 * D) });
    const events = b.takePending(T0 + 30 * D);
    expect(events.map((e) => [e.kind, e.stepKey, e.revision])).toEqual([
      ['warning', 'liable-2', 0],
      ['started', 'liable-1', 2],
    ]);
    expect(b.checkResume(a.stepId)).toMatchObject({ code: 'NOT_SUSPENDED' });
    // a clock event before the last one is clamped to it
    expect(b.clockInstant(a, at(T0))).toBe(at(T0 + 30 * D));
  });

  it('reads steps of snapshots taken before keys and owners existed', () => {
    const b = book();
    const step = open(b, { ruleId: 'transfer.receipt' });
    const old = JSON.parse(JSON.stringify(b.snapshot())) as ReturnType<StepBook['snapshot']>;
    delete old.steps[0]!.owner;
    delete old.steps[0]!.key;
    const restored = new StepBook(
      { workflowId: 'wf-1', subjectId: SUBJECT, linkedCaseId: 'case-1', config: { ...DEFAULT_DEADLINE_CONFIG } },
      old,
    );
    expect(restored.find('transfer.receipt')?.stepId).toBe(step.stepId);
    expect(restored.openStepViews()[0]).toMatchObject({
      stepKey: null,
      owner: { kind: 'agency', agencyId: 'police:210100' },
    });
    restored.closeAll(at(T0 + D));
    expect(restored.closedSteps()).toEqual([expect.objectContaining({ stepId: step.stepId, outcome: 'moot' })]);
    expect(restored.takePending(T0 + D)).toEqual([
      expect.objectContaining({
        kind: 'closed',
        owner: { kind: 'agency', agencyId: 'police:210100' },
        outcome: 'moot',
      }),
    ]);
  });
});
