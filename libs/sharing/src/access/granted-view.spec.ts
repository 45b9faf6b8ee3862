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
