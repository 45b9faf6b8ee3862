/**
 * issue #10: who may do an act is the transfer flow's data (libs/flows ENFORCEMENT_ACTS: agency kind and roles),
 * enforced by the one unit of work at runtime, not only by a route's @Roles. The handlers are called directly,
 * past every route guard, over an in-memory transaction (no database: what is judged here is the caller).
 */
import { DomainError, ErrorCodes } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import type { TransactionalOutbox } from '@casebridge/messaging';
import { HeadDecideCommand } from './commands/head-decide/head-decide.command';
import { HeadDecideHandler } from './commands/head-decide/head-decide.handler';
import { TeamReportCommand } from './commands/team-report/team-report.command';
import { TeamReportHandler } from './commands/team-report/team-report.handler';
import { Transfer } from './transfer.entity';
import { TransferUnitOfWork } from './transfer-unit-of-work';

const officer = (agencyKind: OfficerClaims['agencyKind'], roles: OfficerClaims['roles']): OfficerClaims => ({
  sub: `${agencyKind}-${roles.join('-') || 'none'}`,
  agencyId: 'enforcement:210100', // the record's own agency: only the kind and the roles differ
  agencyKind,
  region: '210100',
  roles,
});

function world(phase: Transfer['phase']) {
  const transfer = Object.assign(new Transfer(), {
    id: 't-1',
    caseId: 'c-1',
    linkedCaseId: 'l-1',
    agencyId: 'enforcement:210100',
    phase,
    previousPhase: null,
    phaseAt: null,
    thresholdFacts: ['t3'],
    timeline: [],
  });
  const published: string[] = [];
  const saved: unknown[] = [];
  const tx = {
    manager: {
      findOne: async (entity: unknown) => (entity === Transfer ? transfer : null), // no case: no penalty clock to move
      existsBy: async () => false, // no non-prosecution notice came back for the transfer
      save: async (r: unknown) => saved.push(r),
    },
    publish: (e: { type: string }) => (published.push(e.type), e),
  };
  let transactions = 0;
  const outbox = {
    run: async <T>(fn: (t: typeof tx) => Promise<T>) => (transactions++, fn(tx)),
  } as unknown as TransactionalOutbox;
  return { uow: new TransferUnitOfWork(outbox), transfer, published, saved, transactions: () => transactions };
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
}

describe('the transfer flow decides who may act (mayAct in the unit of work)', () => {
  it('refuses the head decision to an officer without the head role, though the handler is reached directly', async () => {
    const w = world('reported');
    const err = await refusal(
      new HeadDecideHandler(w.uow).execute(
        new HeadDecideCommand(officer('enforcement', ['officer']), 't-1', { decision: 'approved' }),
      ),
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: ErrorCodes.actNotAllowed,
      kind: 'forbidden',
      details: { act: 'head-decision', allowedAgencyKind: 'enforcement', allowedRoles: ['head'] },
    });
    // refused before anything was locked, changed or published
    expect([w.transactions(), w.transfer.phase, w.published, w.saved]).toEqual([0, 'reported', [], []]);
  });

  it('refuses an act of the enforcement agency to another agency kind, whatever its roles', async () => {
    const w = world('suspected');
    const err = await refusal(
      new TeamReportHandler(w.uow).execute(
        new TeamReportCommand(officer('police', ['officer', 'head']), 't-1', {
          teamOfficerIds: ['a', 'b'],
          summary: 'report',
        }),
      ),
    );
    expect(err).toMatchObject({ code: ErrorCodes.actNotAllowed, kind: 'forbidden' });
    expect([w.transfer.phase, w.published]).toEqual(['suspected', []]);
  });

  it('lets the acts through that the flow allows: the head decides, an officer reports', async () => {
    const head = world('reported');
    await new HeadDecideHandler(head.uow).execute(
      new HeadDecideCommand(officer('enforcement', ['officer', 'head']), 't-1', { decision: 'approved' }),
    );
    expect([head.transfer.phase, head.published]).toEqual(['approved', ['transfer.head-decided']]);

    const team = world('suspected');
    await new TeamReportHandler(team.uow).execute(
      new TeamReportCommand(officer('enforcement', ['officer']), 't-1', { teamOfficerIds: ['a', 'b'], summary: 'r' }),
    );
    expect([team.transfer.phase, team.published]).toEqual(['reported', ['transfer.team-reported']]);
  });

  it('judges the caller before the phase: a refused caller never learns the act is out of order', async () => {
    const w = world('sent'); // head-decision is out of order here, but the officer may not do it at all
    const err = await refusal(
      new HeadDecideHandler(w.uow).execute(
        new HeadDecideCommand(officer('enforcement', ['officer']), 't-1', { decision: 'refused', reasons: 'r' }),
      ),
    );
    expect(err.code).toBe(ErrorCodes.actNotAllowed);
  });
});
