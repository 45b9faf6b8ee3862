/**
 * attack #13: the approver of a 30-day review extension was free text (approvedBy: "someone-else" with a head's
 * token). The approver is the caller: the token's officer id is recorded; a different approvedBy is refused.
 */
import { DomainError } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import type { PoliceUnitOfWork } from '../../police-unit-of-work';
import { ExtendReviewRequest } from './extend-review.request.dto';
import { ExtendReviewCommand } from './extend-review.command';
import { ExtendReviewHandler } from './extend-review.handler';

const head: OfficerClaims = {
  sub: 'pol-head-wang',
  agencyId: 'police:210100',
  agencyKind: 'police',
  region: '210100',
  roles: ['officer', 'head'],
};

function run(request: ExtendReviewRequest, officer: OfficerClaims = head) {
  const published: { payload: Record<string, unknown> }[] = [];
  const transfer = { id: 't-1', linkedCaseId: 'l-1', reviewVariant: 'standard', timeline: [] };
  const tx = { publish: (e: { payload: Record<string, unknown> }) => (published.push(e), e) };
  const uow = {
    act: async (_o: unknown, _id: string, _what: string, fn: (t: unknown, tx: unknown) => void) => fn(transfer, tx),
  } as unknown as PoliceUnitOfWork;
  return Promise.resolve()
    .then(() => new ExtendReviewHandler(uow).execute(new ExtendReviewCommand(officer, 't-1', request)))
    .then(() => published);
}

describe('review extension: the approver is the caller', () => {
  it('approvedBy "someone-else" with a head\'s token: 400 TRANSFER.APPROVER_NOT_CALLER, nothing published', async () => {
    const e = await run({ variant: 'major-complex', approvedBy: 'someone-else', reasons: 'r' }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'TRANSFER.APPROVER_NOT_CALLER', kind: 'invalid' });
    expect((e as Error).message).toMatch(/must be you.*pol-head-wang.*not someone-else/);
  });

  it("approvedBy left out, or the caller's own id: the token's officer id is recorded", async () => {
    for (const approvedBy of [undefined, 'pol-head-wang']) {
      const [event] = await run({ variant: 'major-complex', reasons: 'r', ...(approvedBy ? { approvedBy } : {}) });
      expect(event!.payload).toMatchObject({ variant: 'major-complex', approvedBy: 'pol-head-wang' });
    }
  });

  it('a 7-day verification extension carries no approver', async () => {
    const [event] = await run({ variant: 'verification', reasons: 'r' }, { ...head, roles: ['officer'] });
    expect(event!.payload).not.toHaveProperty('approvedBy');
    await expect(run({ variant: 'verification', approvedBy: 'pol-head-wang', reasons: 'r' })).rejects.toMatchObject({
      code: 'TRANSFER.APPROVER_NOT_CALLER',
    });
  });
});
