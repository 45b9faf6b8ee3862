/**
 * "Own or granted" (issue 12): the guard lets the owner and a granted office through and answers 404
 * SHARING.NOT_FOUND to anyone else, before the handler reads anything.
 */
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { refusalOf } from './refusal.test-helper';
import type { CaseAccess, CaseAccessContext } from './case-access';
import { OwnOrGranted, OwnOrGrantedGuard, type RecordLookup } from './own-or-granted';

const LC = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c11';
const T = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c99';

function access(table: Record<string, CaseAccessContext['basis']>, grantedBy = 'enforcement:210100'): CaseAccess {
  const ctx = (agencyId: string, basis: CaseAccessContext['basis'] | undefined): CaseAccessContext | null =>
    basis ? { linkedCaseId: LC, basis, ownerAgencyId: basis === 'own' ? agencyId : grantedBy } : null;
  return {
    basis: async (agencyId: string) => ctx(agencyId, table[agencyId]),
    granted: async (agencyId: string) => ctx(agencyId, table[agencyId] === 'granted' ? 'granted' : undefined),
    manager: {} as never,
  } as unknown as CaseAccess;
}

class Routes {
  @OwnOrGranted()
  byCase(): void {}
  @OwnOrGranted({
    param: 'transferId',
    lookup: (async (_m, id) =>
      id === T ? { linkedCaseId: LC, ownerAgencyId: 'police:210100' } : null) as RecordLookup,
  })
  byRecord(): void {}
  @OwnOrGranted({ query: 'linkedCaseId' })
  list(): void {}
}

function context(
  handler: keyof Routes,
  agencyId: string,
  params: Record<string, string>,
  query: Record<string, unknown> = {},
) {
  const req: Record<string, unknown> = { officer: { agencyId, sub: 'o-1' }, params, query };
  const ctx = {
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, req };
}

describe('OwnOrGrantedGuard', () => {
  const guard = new OwnOrGrantedGuard(
    new Reflector(),
    access({ 'police:210100': 'own', 'police:210102': 'granted', 'police:210103': 'own' }),
  );

  it('the owner and a granted office pass, with what they were found to be', async () => {
    const own = context('byCase', 'police:210100', { linkedCaseId: LC });
    expect(await guard.canActivate(own.ctx)).toBe(true);
    expect(own.req.caseAccess).toEqual({ linkedCaseId: LC, basis: 'own', ownerAgencyId: 'police:210100' });
    const granted = context('byCase', 'police:210102', { linkedCaseId: LC });
    expect(await guard.canActivate(granted.ctx)).toBe(true);
    expect(granted.req.caseAccess).toMatchObject({ basis: 'granted', ownerAgencyId: 'enforcement:210100' });
  });

  it('a path id that is not an id is left to the route pipe (400), never looked up', async () => {
    const bad = context('byCase', 'police:210200', { linkedCaseId: 'not-an-id' });
    expect(await guard.canActivate(bad.ctx)).toBe(true);
    expect(bad.req.caseAccess).toBeUndefined();
  });

  it('anyone else: 404 SHARING.NOT_FOUND, whether the case exists or not', async () => {
    expect(await refusalOf(guard.canActivate(context('byCase', 'police:210200', { linkedCaseId: LC }).ctx))).toBe(
      'not-found SHARING.NOT_FOUND',
    );
  });

  it('a record route: its owner passes, a granted office reads it as the owner’s data, a missing record is 404', async () => {
    const own = context('byRecord', 'police:210100', { transferId: T });
    expect(await guard.canActivate(own.ctx)).toBe(true);
    const granted = context('byRecord', 'police:210102', { transferId: T });
    expect(await guard.canActivate(granted.ctx)).toBe(true);
    expect(granted.req.caseAccess).toEqual({ linkedCaseId: LC, basis: 'granted', ownerAgencyId: 'police:210100' });
    // an office that owns the linked case (a record of its own on it) but not this record reads it like a granted one
    const caseOwner = context('byRecord', 'police:210103', { transferId: T });
    expect(await guard.canActivate(caseOwner.ctx)).toBe(true);
    expect(caseOwner.req.caseAccess).toEqual({ linkedCaseId: LC, basis: 'granted', ownerAgencyId: 'police:210100' });
    expect(await refusalOf(guard.canActivate(context('byRecord', 'police:210200', { transferId: T }).ctx))).toBe(
      'not-found SHARING.NOT_FOUND',
    );
    expect(await refusalOf(guard.canActivate(context('byRecord', 'police:210100', { transferId: LC }).ctx))).toBe(
      'not-found SHARING.NOT_FOUND',
    );
  });

  it('a list route (query): no filter passes with no access context; a filter is checked like a path id', async () => {
    const plain = context('list', 'police:210200', {});
    expect(await guard.canActivate(plain.ctx)).toBe(true);
    expect(plain.req.caseAccess).toBeUndefined();
    const granted = context('list', 'police:210102', {}, { linkedCaseId: LC });
    expect(await guard.canActivate(granted.ctx)).toBe(true);
    expect(granted.req.caseAccess).toMatchObject({ basis: 'granted' });
    expect(await refusalOf(guard.canActivate(context('list', 'police:210200', {}, { linkedCaseId: LC }).ctx))).toBe(
      'not-found SHARING.NOT_FOUND',
    );
    const twice = context('list', 'police:210200', {}, { linkedCaseId: [LC, LC] });
    expect(await guard.canActivate(twice.ctx)).toBe(true); // not one id: the query pipe's 400
  });
});
