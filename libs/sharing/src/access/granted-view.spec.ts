import { DomainError } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { grantedRead, ownOrGrantedRecord, redactPaths, TIMELINE_REDACTED } from './granted-view';
import { REDACTED } from './record-lookup';

const view = {
  id: 'p-1',
  view: { summary: '张某非法倾倒', rounds: 1, caseFile: [{ title: '起诉意见书', sha256: 'c'.repeat(64) }], none: null },
  timeline: [{ at: '2026-12-01T00:00:00Z', by: 'police:210100/o-1', what: '移送 张某', note: '电话 139' }],
};
const PATHS = ['view.summary', 'view.caseFile', 'view.none', 'view.missing', ...TIMELINE_REDACTED];

describe('granted views (issue 12)', () => {
  it('redacts the strings at each path, keeps counts, nulls, the shape and everything else', () => {
    const r = redactPaths(view, PATHS);
    expect(r).toEqual({
      id: 'p-1',
      view: { summary: REDACTED, rounds: 1, caseFile: [{ title: REDACTED, sha256: REDACTED }], none: null },
      timeline: [{ at: '2026-12-01T00:00:00Z', by: 'police:210100/o-1', what: REDACTED, note: REDACTED }],
    });
    expect(JSON.stringify(r)).not.toContain('张某');
    expect(view.view.summary).toBe('张某非法倾倒'); // the input is not changed
  });

  // Kept case (session 6 trial): the court's redacted restoration records lost their dates, though README says dates
  // stay; so did EDC meetings, PIL agency actions and organisations — a redacted entry keeps when it happened
  it('keeps dates and instants inside a redacted value, and redacts a date inside text', () => {
    const records = [
      { at: '2026-12-01T02:00:00.000Z', by: 'court:210100/j-1', kind: 'report', percentDone: 30, text: '补植 张某' },
      { at: '2026-12-02T10:30:00+08:00', due: '2027-03-31', text: '2027-03-31 前完成' },
    ];
    expect(redactPaths({ records }, ['records'])).toEqual({
      records: [
        { at: '2026-12-01T02:00:00.000Z', by: REDACTED, kind: REDACTED, percentDone: 30, text: REDACTED },
        { at: '2026-12-02T10:30:00+08:00', due: '2027-03-31', text: REDACTED },
      ],
    });
  });

  it('a party reads the whole view; a granted reader the redacted one', () => {
    const own = { linkedCaseId: 'l', basis: 'own' as const, ownerAgencyId: 'police:210100' };
    const granted = { linkedCaseId: 'l', basis: 'granted' as const, ownerAgencyId: 'police:210100' };
    expect(grantedRead(view, own, PATHS)).toBe(view);
    expect(grantedRead(view, granted, PATHS).view.summary).toBe(REDACTED);
  });

  it('a record: its owner, or a granted reader of that owner; anyone else 404', () => {
    const nf = { code: 'X.NOT_FOUND', message: 'no' };
    const rec = { owner: 'police:210100' };
    const officer = (agencyId: string) => ({ agencyId }) as OfficerClaims;
    const granted = { linkedCaseId: 'l', basis: 'granted' as const, ownerAgencyId: 'police:210100' };
    expect(ownOrGrantedRecord(rec, (r) => r.owner, officer('police:210100'), undefined, nf)).toBe(rec);
    expect(ownOrGrantedRecord(rec, (r) => r.owner, officer('police:210102'), granted, nf)).toBe(rec);
    for (const [r, o, a] of [
      [rec, 'police:210102', undefined],
      [rec, 'police:210102', { ...granted, ownerAgencyId: 'police:210200' }],
      [null, 'police:210100', undefined],
    ] as const)
      expect(() => ownOrGrantedRecord(r, (x) => x.owner, officer(o), a, nf)).toThrow(DomainError);
  });
});
