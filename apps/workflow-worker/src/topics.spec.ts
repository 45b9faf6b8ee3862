import { eventRegistry, Topics } from '@casebridge/contracts';
import { BRIDGED_EVENT_TYPES } from './bridge.consumer';
import { WORKER_CONSUMED_TOPICS } from './topics';

describe('the worker consumes', () => {
  it("every agency topic, the court's included, and the supervisors' (joint supervision)", () => {
    expect([...WORKER_CONSUMED_TOPICS].sort()).toEqual(
      [Topics.court, Topics.enforcement, Topics.police, Topics.procuratorate, Topics.supervision].sort(),
    );
  });

  it('the topic of every producer of every event a registered workflow listens to', () => {
    const missing = BRIDGED_EVENT_TYPES.flatMap((type) => {
      const def = eventRegistry.latestOf(type);
      if (!def) return [`${type}: no contract`];
      return def.producers.filter((p) => !WORKER_CONSUMED_TOPICS.includes(Topics[p])).map((p) => `${type} from ${p}`);
    });
    expect(missing).toEqual([]);
  });
});
