/**
 * Audit builds its ledger's consumer group itself (it keeps each envelope's wire form), outside MessagingModule.
 * Kept case (new-user round): audit's /health said nothing about that consumer and /metrics had no lag for it,
 * so a stalled ledger looked healthy. Now both report the ledger group like every other app's consumer.
 */
import { eventually, TestSystem } from '../support/system';

describe('audit: the ledger consumer in /health and /metrics', () => {
  const sys = new TestSystem(['audit']);
  beforeAll(() => sys.start(), 240_000);
  afterAll(() => sys.stop(), 60_000);

  it('/health names the ledger consumer group and its status; /metrics gives its lag per topic', async () => {
    const group = `casebridge-audit.${sys.suffix}`;
    const health = await eventually(
      async () => {
        const r = await fetch(`${sys.url('audit')}/health`);
        return {
          code: r.status,
          body: (await r.json()) as { details: { kafka?: { consumer?: { groupId: string; status: string } } } },
        };
      },
      (h) => h.code === 200 && h.body.details.kafka?.consumer?.status === 'consuming',
      'audit ledger consumer consuming',
    );
    expect(health.body.details.kafka?.consumer?.groupId).toBe(group);

    const metrics = await (await fetch(`${sys.url('audit')}/metrics`)).text();
    const lag = metrics.split('\n').filter((l) => l.startsWith('casebridge_consumer_lag{'));
    // one line per topic the ledger reads (every agency topic and the deadlines topic), each for the ledger group
    expect(lag.length).toBeGreaterThanOrEqual(5);
    for (const line of lag) expect(line).toContain(`group="${group}"`);
  });
});
