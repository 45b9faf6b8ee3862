/**
 * @MayLinkCase (issue 12): an act names in its body only a linked case its office holds or was granted; any other
 * id is 404 CASE.LINKED_CASE_UNKNOWN before the handler runs; no id opens a new case.
 */
import { Body, type ExecutionContext } from '@nestjs/common';
import { IsString, IsUUID } from 'class-validator';
import { Reflector } from '@nestjs/core';
import { ErrorCodes } from '@casebridge/contracts';
import { refusalOf } from './refusal.test-helper';
import type { CaseAccess } from './case-access';
import { linkedCaseIdsAt, MayLinkCase, MayLinkCaseGuard, mayLinkCaseOf } from './may-link-case';

const HELD = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c11';
const GRANTED = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c22';
const OWN_RECORD = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c33';
const FOREIGN = '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c44';
const OFFICE = 'procuratorate:210100';

const looked: string[] = [];
const access = {
  basis: async (agencyId: string, id: string) => {
    looked.push(id);
    if (agencyId !== OFFICE) return null;
    if (id === HELD) return { linkedCaseId: id, basis: 'own', ownerAgencyId: agencyId };
    if (id === GRANTED) return { linkedCaseId: id, basis: 'granted', ownerAgencyId: 'enforcement:210100' };
    return null;
  },
  manager: {} as never,
} as unknown as CaseAccess;

class ActRequest {
  @IsUUID()
  linkedCaseId!: string;
  @IsString()
  title!: string;
}

class Routes {
  @MayLinkCase('linkedCaseId', {
    holds: async (_m, agencyId, id) => agencyId === OFFICE && id === OWN_RECORD,
  })
  open(): void {}
  @MayLinkCase('origins.linkedCaseId')
  nested(): void {}
  undecorated(): void {}
  @MayLinkCase()
  act(@Body() _body: ActRequest): void {}
}

function context(handler: keyof Routes, body: unknown, agencyId = OFFICE): ExecutionContext {
  const req = { officer: { agencyId, sub: 'o-1' }, body };
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

describe('MayLinkCaseGuard', () => {
  const guard = new MayLinkCaseGuard(new Reflector(), access);
  beforeEach(() => (looked.length = 0));

  it('a case the office holds, was granted, or holds a record of the route on passes', async () => {
    for (const id of [HELD, GRANTED, OWN_RECORD])
      expect(await guard.canActivate(context('open', { linkedCaseId: id }))).toBe(true);
  });

  it('a case the office neither holds nor was granted: 404 CASE.LINKED_CASE_UNKNOWN (the same for any other office)', async () => {
    expect(ErrorCodes.linkedCaseUnknown).toBe('CASE.LINKED_CASE_UNKNOWN');
    expect(await refusalOf(guard.canActivate(context('open', { linkedCaseId: FOREIGN })))).toBe(
      'not-found CASE.LINKED_CASE_UNKNOWN',
    );
    expect(await refusalOf(guard.canActivate(context('open', { linkedCaseId: HELD }, 'procuratorate:220100')))).toBe(
      'not-found CASE.LINKED_CASE_UNKNOWN',
    );
  });

  it('no linked case opens a new one; a value that is not an id is left to the ValidationPipe (400)', async () => {
    for (const body of [{}, undefined, { linkedCaseId: null }, { linkedCaseId: 'x' }, { linkedCaseId: 42 }])
      expect(await guard.canActivate(context('open', body))).toBe(true);
    expect(looked).toEqual([]);
  });

  it('a body the ValidationPipe refuses passes, so a bad field answers 400 before a foreign case answers 404 (trial)', async () => {
    // the trial's case: a foreign linkedCaseId plus a malformed field answered 404
    expect(await guard.canActivate(context('act', { linkedCaseId: FOREIGN, title: 42 }))).toBe(true);
    expect(await guard.canActivate(context('act', { linkedCaseId: FOREIGN, title: 't', extra: 1 }))).toBe(true);
    expect(looked).toEqual([]);
    // the same body with every field right: the link is checked
    expect(await refusalOf(guard.canActivate(context('act', { linkedCaseId: FOREIGN, title: 't' })))).toBe(
      'not-found CASE.LINKED_CASE_UNKNOWN',
    );
    expect(await guard.canActivate(context('act', { linkedCaseId: HELD, title: 't' }))).toBe(true);
  });

  it('checks every id at a nested path (through lists)', async () => {
    expect(
      await guard.canActivate(context('nested', { origins: [{ linkedCaseId: HELD }, { linkedCaseId: GRANTED }] })),
    ).toBe(true);
    expect(
      await refusalOf(
        guard.canActivate(context('nested', { origins: [{ linkedCaseId: HELD }, { linkedCaseId: FOREIGN }] })),
      ),
    ).toBe('not-found CASE.LINKED_CASE_UNKNOWN');
  });

  it('the decorator is readable from the route (for the route walk) and absent elsewhere', () => {
    expect(mayLinkCaseOf(Routes.prototype.open)?.path).toBe('linkedCaseId');
    expect(mayLinkCaseOf(Routes.prototype.undecorated)).toBeUndefined();
  });
});

describe('linkedCaseIdsAt', () => {
  it('reads strings at a dotted path, through objects and lists', () => {
    expect(linkedCaseIdsAt({ a: { b: 'x' } }, 'a.b')).toEqual(['x']);
    expect(linkedCaseIdsAt({ a: [{ b: 'x' }, { b: 'y' }, null, { c: 1 }] }, 'a.b')).toEqual(['x', 'y']);
    expect(linkedCaseIdsAt({ a: { b: ['x', 3] } }, 'a.b')).toEqual(['x']);
    expect(linkedCaseIdsAt('text', 'a')).toEqual([]);
  });
});
