import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  agencyDirectory,
  AgencyDirectoryError,
  BUILT_IN_DIRECTORY_FILE,
  createAgencyDirectory,
} from './agency-directory';
import { describeEvent } from './event-sentences';
import { formatDue, formatInstant, relativeTo } from './time-format';

describe('agency directory', () => {
  const dir = agencyDirectory({});

  it('names the offices of the tests and docs officially, in both languages', () => {
    expect(dir.source).toBe(BUILT_IN_DIRECTORY_FILE);
    expect(dir.names('enforcement:210100')).toEqual({
      zh: '沈阳市生态环境局',
      en: 'Shenyang Municipal Ecology and Environment Bureau',
    });
    expect(dir.name('police:210100', 'zh')).toBe('沈阳市公安局');
    expect(dir.name('procuratorate:210100', 'zh')).toBe('沈阳市人民检察院');
    expect(dir.name('court:210100', 'zh')).toBe('沈阳市中级人民法院');
    expect(dir.name('police:210200', 'zh')).toBe('大连市公安局');
    expect(dir.name('enforcement:210300', 'zh')).toBe('鞍山市生态环境局');
    expect(dir.name('procuratorate:210000', 'zh')).toBe('辽宁省人民检察院');
    expect(dir.name('court:000000', 'en')).toBe("Supreme People's Court");
    expect(dir.lookup('police:210102')).toMatchObject({
      kind: 'police',
      division: '210102',
      level: 'county',
      name: { zh: '沈阳市公安局和平分局' },
    });
  });

  it('generates a name from the division code for an id not in the file', () => {
    expect(dir.lookup('police:210400')).toMatchObject({
      generated: true,
      level: 'city',
      name: { zh: '辽宁省行政区划 210400 公安机关', en: 'Public security office of division 210400 (Liaoning)' },
    });
    expect(dir.lookup('court:990100')?.name.zh).toBe('行政区划 990100 人民法院');
    expect(dir.name('workflow', 'zh')).toBe('期限流程引擎');
    expect(dir.lookup('nobody')).toBeNull();
    expect(dir.name('nobody', 'zh')).toBe('nobody');
  });

  it('reads an operator file named by CASEBRIDGE_AGENCY_DIRECTORY and names the bad entry of a broken one', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'dir-'));
    const file = path.join(d, 'agencies.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'casebridge.agency-directory.v1',
        divisions: [],
        agencies: [
          {
            id: 'police:210100',
            kind: 'police',
            division: '210100',
            level: 'city',
            name: { zh: '测试公安局', en: 'Test PSB' },
          },
        ],
      }),
    );
    const own = agencyDirectory({ CASEBRIDGE_AGENCY_DIRECTORY: file });
    expect(own.name('police:210100', 'zh')).toBe('测试公安局');
    expect(() =>
      createAgencyDirectory(
        {
          format: 'casebridge.agency-directory.v1',
          agencies: [{ id: 'police:21', kind: 'police', division: '21', name: { zh: 'x', en: 'x' } }],
        },
        'f.json',
      ),
    ).toThrow(
      new AgencyDirectoryError(
        'agency directory f.json: agencies[0].id "police:21" is not <kind>:<6-digit division code>',
      ),
    );
  });

  it('sentences name agencies through the directory, never by raw id', () => {
    const s = describeEvent(
      {
        type: 'transfer.sent',
        producer: { agencyId: 'enforcement:210100' },
        payload: {
          fromAgencyId: 'enforcement:210100',
          toAgencyId: 'police:210100',
          copyToAgencyId: 'procuratorate:210100',
        },
      },
      dir,
    );
    expect(s.zh).toBe('沈阳市生态环境局将案件移送沈阳市公安局，抄送沈阳市人民检察院');
    expect(s.en).toContain('Shenyang Municipal Public Security Bureau');
    const started = describeEvent(
      {
        type: 'deadline.started',
        producer: { agencyId: 'workflow' },
        payload: {
          ruleId: 'transfer.filing-review',
          owingAgencyId: 'police:210100',
          dueAt: '2026-12-02T16:00:00.000Z',
          lastDay: '2026-12-02',
        },
      },
      dir,
    );
    expect(started.zh).toBe(
      '期限「公安机关对移送案件作出是否立案的决定」开始计算，义务机关沈阳市公安局，届满 2026年12月2日 24:00',
    );
    expect(started.zh).not.toMatch(/police:|2026年12月3日/);
  });
});

describe('time as a person reads it (Beijing time)', () => {
  it('a day-counted due date is its last day ending at 24:00, never 00:00 of the next day', () => {
    expect(formatDue('2026-12-02T16:00:00.000Z', 'zh')).toBe('2026年12月2日 24:00 前');
    expect(formatDue('2026-12-03T00:00:00+08:00', 'en')).toBe('by 24:00 on 2 Dec 2026');
    expect(formatDue('2026-12-02T03:30:00.000Z', 'zh')).toBe('2026年12月2日 11:30 前');
  });
  it('instants in Beijing time, seconds on request; relative time in days or hours', () => {
    expect(formatInstant('2026-12-01T22:05:09.000Z', 'zh', { seconds: true })).toBe('2026年12月2日 06:05:09');
    expect(formatInstant('2026-12-01T22:05:09.000Z', 'en')).toBe('2 Dec 2026, 06:05');
    const now = new Date('2026-11-30T10:00:00Z');
    expect(relativeTo('2026-12-02T16:00:00Z', now, 'zh')).toBe('还剩 2 天');
    expect(relativeTo('2026-11-30T07:00:00Z', now, 'zh')).toBe('已逾期 3 小时');
    expect(relativeTo('2026-11-27T07:00:00Z', now, 'en')).toBe('3 days overdue');
  });
});
