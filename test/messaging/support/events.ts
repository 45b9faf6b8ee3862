import { randomBytes, randomUUID } from 'node:crypto';
import { createEnvelope, type IntegrationEventEnvelope } from '@casebridge/contracts';

/** Valid payloads of a few contract events, for messaging tests. */
export const payloads = {
  caseRegistered: (
    caseId: string = randomUUID(),
    caseNumber = `沈环罚〔2025〕${Math.floor(Math.random() * 1000)}号`,
  ) => ({
    caseId,
    caseNumber,
    region: '210100',
    party: { name: '某化工有限公司', creditCode: '91210100MA0QC4KX38' },
    violation: '超标排放含重金属废水',
    discoveredAt: '2025-11-01T08:00:00.000Z',
  }),
  evidenceAttached: (caseId: string, sizeBytes: number, evidenceId: string = randomUUID()) => ({
    caseId,
    evidenceId,
    kind: 'monitoring-report',
    fileName: `监测报告-${sizeBytes}.pdf`,
    sha256: randomBytes(32).toString('hex'),
    sizeBytes,
    custody: [],
  }),
  transferHeadDecided: (transferId: string = randomUUID()) => ({ transferId, decision: 'approved' }),
};

export const ENFORCEMENT = { kind: 'enforcement', agencyId: 'enforcement:210100' } as const;
export const ACTOR = { officerId: 'officer-7' };

/** A complete envelope as an enforcement agency would put it on the wire. */
export function enforcementEnvelope<P extends object>(
  type: string,
  linkedCaseId: string,
  payload: P,
): IntegrationEventEnvelope<P> {
  return createEnvelope({ type, version: 1, linkedCaseId, producer: ENFORCEMENT, actor: ACTOR, payload });
}
