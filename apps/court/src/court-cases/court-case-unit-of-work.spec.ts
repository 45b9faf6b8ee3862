/**
 * The court's unit of work judges whether an act concerns the kind of case before its phase. Kept case (session 6
 * trial): the agency notice of a criminal case answered "possible when docketed", which sent the officer to wait for
 * a phase in which the notice still does not apply (court.notify-agency: public-interest suits only).
 * The transaction is a stand-in here (no PostgreSQL): only the order of the checks is under test.
 */
import type { OfficerClaims } from '@casebridge/auth';
import type { TransactionalOutbox } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from './court-case-unit-of-work';
import type { CourtCase } from './court-case.entity';
import { CourtErrorCodes, type CourtCasePhase } from './court-case.machine';

const COURT = 'court:210100';
const officer = { sub: 'judge-1', agencyId: COURT, agencyKind: 'court', region: '210100', roles: ['officer'] };

function unitOver(c: Partial<CourtCase>): CourtCaseUnitOfWork {
  const tx = {
    manager: { findOne: () => Promise.resolve({ courtAgencyId: COURT, ...c }), save: () => Promise.resolve() },
  };
  const outbox = { run: (fn: (t: typeof tx) => Promise<unknown>) => fn(tx) } as unknown as TransactionalOutbox;
  return new CourtCaseUnitOfWork(outbox);
}

describe('CourtCaseUnitOfWork: the kind of case before the phase', () => {
  const criminal = { source: 'prosecution', track: 'criminal', pilKind: null } as const;

  it.each(['received', 'docketed', 'judged'] as CourtCasePhase[])(
    'the agency notice of a criminal case (%s) is refused as not applying to a criminal case, and nothing runs',
    async (phase) => {
      const change = jest.fn();
      await expect(
        unitOver({ ...criminal, phase, previousPhase: null }).act(
          officer as OfficerClaims,
          'c-1',
          'notify-agency',
          change,
        ),
      ).rejects.toMatchObject({
        code: CourtErrorCodes.notApplicable,
        message: expect.stringMatching(
          /^You cannot notify the competent agency here: .*public-interest suit only.* — this is a criminal case, whatever its phase\.$/,
        ) as unknown,
      });
      expect(change).not.toHaveBeenCalled();
    },
  );

  it('a civil public-interest suit not yet docketed is still told when the notice is possible', async () => {
    const civil = { source: 'pil', track: 'civil', pilKind: 'civil', phase: 'received', previousPhase: null } as const;
    await expect(
      unitOver(civil).act(officer as OfficerClaims, 'c-1', 'notify-agency', jest.fn()),
    ).rejects.toMatchObject({
      code: CourtErrorCodes.outOfOrder,
      message: expect.stringMatching(/possible when docketed/) as unknown,
    });
  });

  it('a docketed civil public-interest suit may be notified', async () => {
    const civil = {
      source: 'pil',
      track: 'civil',
      pilKind: 'civil',
      phase: 'docketed',
      previousPhase: 'received',
    } as const;
    await expect(unitOver(civil).act(officer as OfficerClaims, 'c-1', 'notify-agency', () => 'done')).resolves.toBe(
      'done',
    );
  });
});
