import {
  computeStepStatus,
  idleThresholdMs,
  percentileCont,
  warningLeadMs,
  type StepFacts,
  type StepStatus,
  type StuckReason,
} from './status';

const H = 3_600_000;
const D = 24 * H;
const T0 = new Date('2026-11-23T02:00:00.000Z'); // Monday 10:00 Asia/Shanghai

function step(ruleId: string, periodMs: number, extra: Partial<StepFacts> = {}): StepFacts {
  return {
    ruleId,
    since: T0,
    dueAt: new Date(T0.getTime() + periodMs),
    warnedAt: null,
    missedAt: null,
    closedAt: null,
    ...extra,
  };
}
const at = (ms: number): Date => new Date(T0.getTime() + ms);

describe('step status (on-time / warning / overdue / stuck) at a given now', () => {
  const cases: [string, StepFacts, number, StepStatus, StuckReason[]][] = [
    // transfer.receipt: policy default 24 hours (R310 art 7; E17 art 7); warning lead ⅓ of 24 h = 8 h
    ['transfer.receipt just sent', step('transfer.receipt', 24 * H), 1 * H, 'on-time', []],
    ['transfer.receipt 15 h in (9 h left)', step('transfer.receipt', 24 * H), 15 * H, 'on-time', []],
    ['transfer.receipt 17 h in (7 h left < 8 h lead)', step('transfer.receipt', 24 * H), 17 * H, 'warning', []],
    ['transfer.receipt exactly due', step('transfer.receipt', 24 * H), 24 * H, 'overdue', ['overdue', 'no-receipt']],
    [
      'transfer.receipt 3 days late: no receipt',
      step('transfer.receipt', 24 * H),
      4 * D,
      'overdue',
      ['overdue', 'no-receipt'],
    ],
    // transfer.filing-review: 3 days (E17 art 9): lead 24 h
    ['transfer.filing-review day 1', step('transfer.filing-review', 3 * D), 1 * D, 'on-time', []],
    [
      'transfer.filing-review workflow warned early',
      step('transfer.filing-review', 3 * D, { warnedAt: at(D) }),
      1 * D + H,
      'warning',
      [],
    ],
    [
      'transfer.filing-review missed by the workflow (its clock ran ahead)',
      step('transfer.filing-review', 3 * D, { missedAt: at(D) }),
      D,
      'overdue',
      ['overdue'],
    ],
    [
      'transfer.filing-review past due by the wall clock (worker down)',
      step('transfer.filing-review', 3 * D),
      3 * D + 1,
      'overdue',
      ['overdue'],
    ],
    // supervision.police-file: 15 days (JR arts 563–564): lead capped at 24 h
    ['supervision.police-file 13.5 days in', step('supervision.police-file', 15 * D), 13.5 * D, 'on-time', []],
    ['supervision.police-file 14.5 days in', step('supervision.police-file', 15 * D), 14.5 * D, 'warning', []],
    // transfer.copy-to-procuratorate: simultaneous (E17 art 6): due at once, no lead
    [
      'transfer.copy-to-procuratorate open after the send',
      step('transfer.copy-to-procuratorate', 0),
      1,
      'overdue',
      ['overdue'],
    ],
    // closed steps
    [
      'transfer.receipt signed (closed)',
      step('transfer.receipt', 24 * H, { closedAt: at(2 * H) }),
      5 * D,
      'closed',
      [],
    ],
  ];
  it.each(cases)('%s', (_name, facts, nowOffset, status, reasons) => {
    const r = computeStepStatus(facts, { now: at(nowOffset) });
    expect(r.status).toBe(status);
    expect(r.stuckReasons).toEqual(reasons);
    expect(r.stuck).toBe(reasons.length > 0);
  });

  it('waitingOnReceipt marks open transfer.receipt steps only', () => {
    expect(computeStepStatus(step('transfer.receipt', 24 * H), { now: at(H) }).waitingOnReceipt).toBe(true);
    expect(computeStepStatus(step('transfer.filing-review', 3 * D), { now: at(H) }).waitingOnReceipt).toBe(false);
    expect(
      computeStepStatus(step('transfer.receipt', 24 * H, { closedAt: at(H) }), { now: at(H) }).waitingOnReceipt,
    ).toBe(false);
  });

  it('nextChangeAt is the next moment time alone changes the status (warning, then due)', () => {
    const s = step('transfer.receipt', 24 * H);
    expect(computeStepStatus(s, { now: at(H) }).nextChangeAt).toEqual(at(16 * H));
    expect(computeStepStatus(s, { now: at(17 * H) }).nextChangeAt).toEqual(at(24 * H));
    expect(computeStepStatus(s, { now: at(25 * H) }).nextChangeAt).toBeNull();
  });
});

describe('idle rule: open longer than the p95 of closed steps of the same rule (≥ 20 samples)', () => {
  const timing = (samples: number, p95Ms: number) => ({ samples, p95Ms });
  // transfer.filing-review, 30-day major-complex variant (E17 art 9): the clock is far away, but such
  // steps usually close within 5 days — a step open for 6 days is stuck before it is overdue.
  const major = step('transfer.filing-review', 30 * D);
  const cases: [string, number, { samples: number; p95Ms: number } | null, StepStatus, StuckReason[]][] = [
    ['no statistics yet', 6 * D, null, 'on-time', []],
    ['19 samples: too few to judge', 6 * D, timing(19, 5 * D), 'on-time', []],
    ['20 samples, younger than p95', 4 * D, timing(20, 5 * D), 'on-time', []],
    ['20 samples, older than p95', 6 * D, timing(20, 5 * D), 'stuck', ['idle-p95']],
    ['500 samples, older than p95', 5 * D + 1, timing(500, 5 * D), 'stuck', ['idle-p95']],
    [
      'older than p95 and overdue: overdue wins the colour, both reasons listed',
      31 * D,
      timing(20, 5 * D),
      'overdue',
      ['overdue', 'idle-p95'],
    ],
  ];
  it.each(cases)('transfer.filing-review: %s', (_n, nowOffset, t, status, reasons) => {
    const r = computeStepStatus(major, { now: at(nowOffset), timing: t, minSamples: 20 });
    expect(r.status).toBe(status);
    expect(r.stuckReasons).toEqual(reasons);
  });

  it('the idle threshold is the p95 once there are enough samples', () => {
    expect(idleThresholdMs(null)).toBeNull();
    expect(idleThresholdMs({ samples: 19, p95Ms: 10 })).toBeNull();
    expect(idleThresholdMs({ samples: 20, p95Ms: 10 })).toBe(10);
    expect(idleThresholdMs({ samples: 5, p95Ms: 10 }, 5)).toBe(10);
  });

  it('nextChangeAt includes the moment the step turns idle', () => {
    const r = computeStepStatus(major, { now: at(D), timing: timing(20, 5 * D) });
    expect(r.nextChangeAt).toEqual(at(5 * D));
  });

  it('percentileCont matches PostgreSQL percentile_cont (linear interpolation)', () => {
    expect(percentileCont([], 0.95)).toBeNull();
    expect(percentileCont([7], 0.95)).toBe(7);
    // 1..20: position 0.95·19 = 18.05 → 19 + 0.05·(20 − 19)
    expect(
      percentileCont(
        Array.from({ length: 20 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBeCloseTo(19.05, 10);
    expect(percentileCont([10, 0, 5], 0.5)).toBe(5);
  });

  it("warning lead is 24 h, at most a third of the period (the workflows' default)", () => {
    expect(warningLeadMs(T0, at(24 * H))).toBe(8 * H); // transfer.receipt
    expect(warningLeadMs(T0, at(3 * D))).toBe(24 * H); // transfer.filing-review
    expect(warningLeadMs(T0, at(15 * D))).toBe(24 * H); // supervision.police-file
    expect(warningLeadMs(T0, at(0))).toBe(0); // transfer.copy-to-procuratorate
  });
});
