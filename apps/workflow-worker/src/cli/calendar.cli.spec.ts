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
    const partial = { ...year2027, holidays: year2027.holidays.filter((h) => (typeof h === 'string' ? h : h.date) !== '2027-10-01') };
    expect(checkYear(partial).floorHolidaysWorked).toEqual(['2027-10-01']);
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
