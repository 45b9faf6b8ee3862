import { CaseRegistered, createEnvelope, type CaseRegisteredV1 } from '@casebridge/contracts';
import type { OutboxTransaction, PublishInput } from './transactional-outbox';
import { publishAs } from './publish-as';

function fakeTx(): { tx: OutboxTransaction; inputs: PublishInput<object>[] } {
  const inputs: PublishInput<object>[] = [];
  const tx = {
    manager: undefined as never,
    afterCommit: () => undefined,
    publish: <P extends object>(input: PublishInput<P>) => {
      inputs.push(input);
      const { agencyId, ...rest } = input;
      return createEnvelope<P>({
        ...rest,
        producer: { kind: 'enforcement', agencyId: agencyId ?? 'enforcement:210100' },
      });
    },
  } satisfies OutboxTransaction;
  return { tx, inputs };
}

const payload: CaseRegisteredV1 = {
  caseId: '0190f7a2-7d3c-7c1e-9a4b-2b6f1d0e8c11',
  caseNumber: 'N-1',
  region: '210100',
  party: { name: '某公司', creditCode: '91210100MA0QC4KX38' },
  violation: '超标排放',
  discoveredAt: '2025-11-01T08:00:00.000Z',
};

describe('publishAs', () => {
  it('takes type and version from the definition, the actor from the claims and the agency of the officer', () => {
    const { tx, inputs } = fakeTx();
    const e = publishAs(
      tx,
      { sub: 'officer-7', agencyId: 'enforcement:210200' },
      CaseRegistered,
      'a1b2c3d4-0000-4000-8000-000000000001',
      payload,
      { occurredAt: '2025-11-02T01:00:00Z' },
    );
    expect(inputs[0]).toMatchObject({
      type: 'case.registered',
      version: 1,
      linkedCaseId: 'a1b2c3d4-0000-4000-8000-000000000001',
      actor: { officerId: 'officer-7' },
      agencyId: 'enforcement:210200',
      occurredAt: '2025-11-02T01:00:00Z',
      causationId: null,
    });
    expect(e.producer).toEqual({ kind: 'enforcement', agencyId: 'enforcement:210200' });
    expect(e.correlationId).toBe(e.eventId);
  });

  it('chains correlation and causation from the event it reacts to', () => {
    const { tx } = fakeTx();
    const cause = {
      eventId: '0190f7a2-0000-7000-8000-0000000000aa',
      correlationId: '0190f7a2-0000-7000-8000-0000000000bb',
    };
    const e = publishAs(tx, { sub: 'system:intake' }, CaseRegistered, cause.eventId, payload, { causedBy: cause });
    expect(e).toMatchObject({
      correlationId: cause.correlationId,
      causationId: cause.eventId,
      producer: { agencyId: 'enforcement:210100' },
    });
  });
});
