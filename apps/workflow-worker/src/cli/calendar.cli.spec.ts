import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { statutoryFloorYear } from '@casebridge/legal-time';
import { checkYear, main } from './calendar.cli';

describe('calendar CLI', () => {
  // A synthetic arrangement shaped like the State Council's (NOT the official 2027 notice): the floor,
  // Spring Festival stretched to 02-05..02-11, Saturday 02-20 worked.
  const year2027 = {
    year: 2027,
    source: 'synthetic test arrangement',
    holidays: [...statutoryFloorYear(2027).holidays, '2027-02-09', '2027-02-10', '2027-02-11'],
    makeUpWorkdays: ['2027-02-20'],
  };

  it('check: the days that differ from the statutory floor', () => {
    expect(checkYear(year2027)).toEqual({
      year: 2027,
      source: 'synthetic test arrangement',
      replacesBuiltIn: false,
      extraDaysOff: ['2027-02-09', '2027-02-10', '2027-02-11'],
      makeUpWorkdays: ['2027-02-20'],
      floorHolidaysWorked: [],
    });
  });

  it('check: a file that forgets a statutory holiday shows it', () => {
    const partial = {
      ...year2027,
      holidays: year2027.holidays.filter((h) => (typeof h === 'string' ? h : h.date) !== '2027-10-01'),
    };
    expect(checkYear(partial).floorHolidaysWorked).toEqual(['2027-10-01']);
  });

  it('try-findings #15: a file turning statutory holidays into working days: loud warning, exit 4 unless confirmed; load refuses', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calendar-cli-'));
    try {
      // the tester's file: New Year and Spring Festival only
      const file = path.join(dir, 'try-cal-2027.json');
      writeFileSync(
        file,
        JSON.stringify({
          year: 2027,
          holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
          makeUpWorkdays: [],
        }),
      );
      const out: string[] = [];
      const warnings: string[] = [];
      expect(
        await main(
          ['check', '--file', file],
          (t) => out.push(t),
          (t) => warnings.push(t),
        ),
      ).toBe(4);
      expect(warnings.join('\n')).toMatch(
        /WARNING: the 2027 file makes statutory holidays working days: .*2027-10-01.*--allow-holidays-worked/,
      );
      expect(JSON.parse(out[0]!).years[0].floorHolidaysWorked).toContain('2027-10-01');
      expect(
        await main(
          ['check', '--file', file, '--allow-holidays-worked'],
          () => undefined,
          (t) => warnings.push(t),
        ),
      ).toBe(0);
      expect(
        await main(
          ['load', '--file', file],
          () => undefined,
          () => undefined,
        ),
      ).toBe(4); // refused before connecting anywhere
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad file reports every problem, not only the first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calendar-cli-'));
    try {
      const bad = path.join(dir, 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify({ ...year2027, holidays: [...year2027.holidays, '2027-02-30'], makeUpWorkdays: ['2027-02-22'] }),
      );
      const error = await main(['check', '--file', bad]).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(error).toMatch(/invalid holiday date "2027-02-30"/);
      expect(error).toMatch(/make-up workday 2027-02-22 is not a Saturday or Sunday/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage errors and invalid files are refused before anything is signalled', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calendar-cli-'));
    try {
      const bad = path.join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ ...year2027, makeUpWorkdays: ['2027-02-22'] })); // a Monday
      await expect(main(['load', '--file', bad])).rejects.toThrow(/not a Saturday or Sunday/);
      await expect(main(['load'])).rejects.toThrow(/--file/);
      await expect(main(['frobnicate', '--file', bad])).rejects.toThrow(/check or load/);
      const out: string[] = [];
      expect(await main(['--help'], (t) => out.push(t))).toBe(0);
      expect(out.join('\n')).toMatch(/CASEBRIDGE_CALENDAR_FILE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
