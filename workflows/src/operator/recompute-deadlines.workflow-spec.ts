/**
 * Loading a year's official holiday calendar moves the due dates of running workflows (issue #9 item 11,
 * acceptance 4), on Temporal's time-skipping server with the real worker, activities and bridge.
 *
 * The year is the first one after the server's current year that chinese-days does not carry (2027 while
 * the clock reads 2026), so the test neither expires with the wall clock nor breaks when chinese-days
 * ships the year. Its "official" file is synthetic: the statutory floor's Spring Festival (除夕–初三)
 * stretched to 除夕–初六, as State Council arrangements do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chineseDaysCalendar, statutoryFloorYear, type DeadlineEngine } from '@casebridge/legal-time';
import { serviceDeadlineEngine } from '@casebridge/legal-time/node';
import { createTimeSkippingEnv } from '@casebridge/testing/temporal';
import { TransferDriver, startCaseTestKit, testDeadlineEngine, type CaseTestKit } from '../testing/workflow-test-kit';
import { recomputeOpenDeadlines } from './recompute-deadlines';

const FILING_REVIEW = 'transfer.filing-review';

/** The worker's engine; replacing `current` stands for restarting the worker with CASEBRIDGE_CALENDAR_FILE. */
let current: DeadlineEngine = testDeadlineEngine();
const workerEngine: DeadlineEngine = {
  get ruleBook() {
    return current.ruleBook;
  },
  get calendar() {
    return current.calendar;
  },
  compute: (request) => current.compute(request),
  startClock: (request) => current.startClock(request),
  restoreClock: (state) => current.restoreClock(state),
};

let kit: CaseTestKit;
let dir: string;

beforeAll(async () => {
  kit = await startCaseTestKit(await createTimeSkippingEnv(), { engine: workerEngine });
  dir = mkdtempSync(path.join(tmpdir(), 'calendar-'));
});
afterAll(async () => {
  await kit?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

it('an official calendar loaded for the year moves a provisional due date, and the workflow publishes it', async () => {
  let year = new Date(await kit.now()).getUTCFullYear() + 1;
  while (chineseDaysCalendar().covers(year)) year += 1;
  const floor = statutoryFloorYear(year);
  const springFestival = floor.holidays
    .map((h) => (typeof h === 'string' ? { date: h } : h))
    .filter((h) => h.name?.startsWith('Spring Festival'))
    .map((h) => h.date);
  const [eve] = springFestival; // 除夕; the floor holds 除夕 … 正月初三
  expect(springFestival).toHaveLength(4);

  // The police sign the receipt on 除夕: transfer.filing-review (3 days) ends on 正月初三, a holiday.
  const d = new TransferDriver(kit);
  const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  const before = addDays(eve!, -2);
  await d.crimeSuspected(at(before, 9));
  await d.teamReported(at(before, 10));
  await d.headDecided('approved', at(before, 11));
  await d.sent(at(before, 12));
  await d.receiptSigned(at(eve!, 10));
  const provisional = (await d.state()).openSteps.find((s) => s.ruleId === FILING_REVIEW)!;
  const expectedFloor = current.compute({ rule: FILING_REVIEW, from: at(eve!, 10) });
  expect(provisional.dueAt).toBe(expectedFloor.dueAt);
  expect(provisional.explain?.provisionalYears).toEqual([year]);
  expect(expectedFloor.explain.shifts[0]?.from).toBe(springFestival[3]); // 正月初三 shifted

  // The operator's file: the official arrangement (here synthetic) with Spring Festival 除夕 … 初六.
  const official = {
    year,
    source: `synthetic ${year} arrangement for the test`,
    holidays: [
      ...floor.holidays,
      ...[4, 5, 6].map((n) => ({ date: addDays(eve!, n), name: 'Spring Festival (春节)' })),
    ],
    makeUpWorkdays: [],
  };
  const file = path.join(dir, `${year}.json`);
  writeFileSync(file, JSON.stringify(official));
  const years = [{ year, source: official.source }];

  // Signalled before the worker has the year: nothing moves, the step is reported failed.
  const early = await recomputeOpenDeadlines(kit.client, { years, workflowIds: [d.workflowId], reason: 'early' });
  expect(early.complete).toBe(false);
  expect(early.workflows[0]).toMatchObject({ status: 'partly-failed' });
  expect(early.workflows[0]!.result!.failed.map((f) => f.code)).toContain('CALENDAR_YEAR_NOT_LOADED');
  expect(early.moved).toEqual([]);
  expect((await d.state()).openSteps.find((s) => s.ruleId === FILING_REVIEW)!.dueAt).toBe(provisional.dueAt);

  // The worker runs with CASEBRIDGE_CALENDAR_FILE=<file> (the services' loader), then the operator loads again.
  current = serviceDeadlineEngine({ CASEBRIDGE_CALENDAR_FILE: file });
  const report = await recomputeOpenDeadlines(kit.client, {
    years,
    workflowIds: [d.workflowId],
    reason: `State Council ${year} notice`,
  });
  const expected = current.compute({ rule: FILING_REVIEW, from: at(eve!, 10) });
  expect(expected.provisionalYears).toBeUndefined();
  expect(Date.parse(expected.dueAt)).toBeGreaterThan(Date.parse(provisional.dueAt!));
  expect(report.complete).toBe(true);
  expect(report.moved).toContainEqual(
    expect.objectContaining({
      workflowId: d.workflowId,
      stepId: `${d.transferId}/${FILING_REVIEW}`,
      previousDueAt: provisional.dueAt,
      dueAt: expected.dueAt,
      lastDay: expected.lastDay,
    }),
  );

  const step = (await d.state()).openSteps.find((s) => s.ruleId === FILING_REVIEW)!;
  expect(step.dueAt).toBe(expected.dueAt);
  expect(step.explain?.provisionalYears).toBeUndefined();
  // Inboxes and supervision learn it from a new deadline.started of the same step.
  const started = await d.published('deadline.started', FILING_REVIEW, 2);
  expect(started.map((e) => e.payload.dueAt)).toEqual([provisional.dueAt, expected.dueAt]);

  // The same request again changes nothing.
  const again = await recomputeOpenDeadlines(kit.client, {
    years,
    workflowIds: [d.workflowId],
    requestId: report.requestId,
  });
  expect(again.moved).toEqual(report.moved);
  expect(kit.sink.of(d.transferId, { type: 'deadline.started', ruleId: FILING_REVIEW })).toHaveLength(2);
});
