import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRuleBook } from '../rules/rule-book';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CLI = 'libs/legal-time/src/cli/deadline.cli.ts';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'America/New_York' }, // results must not depend on the machine time zone
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectUsageError(r: ReturnType<typeof run>, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

jest.setTimeout(30000);

describe('deadline CLI', () => {
  it('transfer.filing-review from Tue 2025-09-30: one JSON object, shifted past National Day to 10-09', () => {
    const r = run('--rule', 'transfer.filing-review', '--from', '2025-09-30T10:00:00+08:00');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      rule: 'transfer.filing-review',
      variant: 'standard',
      from: '2025-09-30T10:00:00+08:00',
      lastDay: '2025-10-09',
      dueAt: '2025-10-10T00:00:00+08:00',
      explain: {
        countingMode: 'calendar-days',
        rawEnd: '2025-10-03',
        shifts: [{ from: '2025-10-03', to: '2025-10-09' }],
      },
    });
    expect(out.basis).toContainEqual({ source: 'R310', article: 'art 8' });
  });

  it('transfer.filing-review --variant major-complex: 09-26 + 30 = Sun 10-26 → Mon 10-27', () => {
    const out = JSON.parse(
      run(
        '--rule',
        'transfer.filing-review',
        '--variant',
        'major-complex',
        '--from',
        '2025-09-26T10:00:00+08:00',
        '--compact',
      ).stdout,
    );
    expect(out.lastDay).toBe('2025-10-27');
  });

  it('unknown rule: exit 2 with the nearest ids', () => {
    expectUsageError(
      run('--rule', 'transfer.filing-revew', '--from', '2025-09-30T10:00:00+08:00'),
      /transfer\.filing-review/,
    );
  });

  it('try-findings #16: an unknown rule like nothing known suggests nothing unrelated and points to --list', () => {
    const r = run('--rule', 'nope', '--from', '2025-09-30T10:00:00+08:00');
    expectUsageError(r, /unknown rule "nope"; no rule has a similar id \(every rule: deadline --list\)/);
    expect(r.stderr).not.toMatch(/did you mean/);
    expectUsageError(
      run('--rule', 'filing-revew', '--from', '2025-09-30T10:00:00+08:00'),
      /did you mean: transfer\.filing-review/,
    );
  });

  it('unknown variant: exit 2 with the valid ones', () => {
    expectUsageError(
      run('--rule', 'transfer.filing-review', '--variant', 'huge', '--from', '2025-09-30T10:00:00+08:00'),
      /standard, verification, major-complex/,
    );
  });

  it.each([
    ['2025-09-30T10:00:00', /missing UTC offset/],
    ['2025-02-30T10:00:00+08:00', /no such day/],
    ['yesterday', /invalid instant/],
  ])('malformed --from %s: exit 2', (from, message) => {
    expectUsageError(run('--rule', 'transfer.filing-review', '--from', from), message);
  });

  it('missing arguments and unknown options: exit 2', () => {
    expectUsageError(run('--from', '2025-09-30T10:00:00+08:00'), /--rule is required/);
    expectUsageError(run('--rule', 'transfer.filing-review', '--frm', 'x'), /Unknown option/);
  });

  it('--list prints every rule', () => {
    const r = run('--list');
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    expect(ids).toEqual(createRuleBook().ids);
  });

  // Issue #9 acceptance 4 (and items 11-12): floor counting only on request, flagged.
  it.each([
    ['transfer.reconsideration-request', '2026-12-30T10:00:00+08:00', '2027-01-05'], // New Year's Day skipped
    ['pil.agency-reply', '2026-12-08T09:00:00+08:00', '2027-02-09'], // 2027-02-08 is 正月初三
  ])('%s from %s --provisional: lastDay %s, 2027 listed as provisional; strict without it', (rule, from, lastDay) => {
    const r = run('--rule', rule, '--from', from, '--provisional', '--compact');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lastDay).toBe(lastDay);
    expect(out.provisionalYears).toEqual([2027]);
    expectUsageError(
      run('--rule', rule, '--from', from),
      /year 2027 .*: give the year's official arrangement with --calendar <json file>, or pass --provisional/,
    );
    expect(run('--rule', rule, '--from', from).stderr).not.toMatch(/withYear/);
  });

  it('--help describes every option', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const option of ['--rule', '--from', '--variant', '--calendar', '--provisional', '--compact', '--list']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('transfer.head-decision into 2027: refused without calendar data, counted with --calendar', () => {
    expectUsageError(run('--rule', 'transfer.head-decision', '--from', '2026-12-30T10:00:00+08:00'), /year 2027/);
    const dir = mkdtempSync(path.join(tmpdir(), 'legal-time-'));
    try {
      const file = path.join(dir, 'cal.json');
      // Synthetic data for the test, not the official 2027 arrangement.
      writeFileSync(file, JSON.stringify({ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: 'test' }));
      const r = run('--rule', 'transfer.head-decision', '--from', '2026-12-30T10:00:00+08:00', '--calendar', file);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).lastDay).toBe('2027-01-04'); // Sat 01-02 → Mon 01-04
      writeFileSync(file, '{ not json');
      expectUsageError(
        run('--rule', 'transfer.head-decision', '--from', '2026-12-30T10:00:00+08:00', '--calendar', file),
        /calendar file/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
