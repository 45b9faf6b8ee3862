import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import type { TrialEvent } from '@casebridge/flows';
import { followTrial, type TrialFollower } from './trial-follow';

const courtCaseId = '0197a1c2-0000-7000-8000-000000000001';
const sourceId = '0197a1c2-0000-7000-8000-000000000002';
let n = 0;
const env = <E extends TrialEvent>(type: E['type'], payload: E['payload'], court = 'court:210100') =>
  ({
    eventId: `0197a1c2-0000-7000-8000-0000000001${String(++n).padStart(2, '0')}`,
    type,
    version: 1,
    occurredAt: new Date(Date.parse('2026-12-01T02:00:00Z') + n * 60_000).toISOString(),
    recordedAt: new Date().toISOString(),
    linkedCaseId: sourceId,
    producer: { kind: 'court', agencyId: court },
    actor: { officerId: 'judge-1' },
    payload,
  }) as unknown as E & IntegrationEventEnvelope;

const received = (id = courtCaseId) =>
  env<Extract<TrialEvent, { type: 'court.case-received' }>>('court.case-received', {
    courtCaseId: id,
    source: 'pil',
    sourceId,
    track: 'administrative',
    plaintiffAgencyId: 'procuratorate:210100',
    pilKind: 'administrative',
  });
const docketed = (court?: string) =>
  env<Extract<TrialEvent, { type: 'court.case-docketed' }>>(
    'court.case-docketed',
    { courtCaseId, docketNumber: '(2026)辽01行初1号', track: 'administrative', procedure: 'ordinary', sourceId },
    court,
  );

describe('followTrial: a record that went to court follows its trial', () => {
  const fresh = (): TrialFollower => ({ courtCaseId: null, trial: null, timeline: [] });

  it('court.case-received ties the record to the court case; later events of that court move the trial view', () => {
    const row = fresh();
    expect(followTrial(row, received())).toEqual({ applied: true });
    expect(row).toMatchObject({ courtCaseId, trial: { phase: 'received', courtAgencyId: 'court:210100' } });
    expect(followTrial(row, docketed())).toEqual({ applied: true });
    expect(row.trial).toMatchObject({ phase: 'docketed', docketNumber: '(2026)辽01行初1号' });
    expect(row.timeline.map((t) => t.what)).toEqual([
      'court:210100 received the case (court.docket: docket within 7 days)',
      'docketed by court:210100, (2026)辽01行初1号 (ordinary procedure)',
    ]);
  });

  it('ignores another court, a second court case, and events before the court received it', () => {
    expect(followTrial(fresh(), docketed())).toMatchObject({ applied: false });
    const row = fresh();
    followTrial(row, received());
    expect(followTrial(row, docketed('court:210200'))).toMatchObject({ applied: false });
    expect(followTrial(row, received('0197a1c2-0000-7000-8000-000000000009'))).toMatchObject({ applied: false });
    expect(row.trial!.phase).toBe('received');
    expect(row.timeline).toHaveLength(1);
  });
});
