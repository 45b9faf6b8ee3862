import { Subject, lastValueFrom, toArray } from 'rxjs';
import { changeVisibleTo, LiveUpdates } from './live-updates';
import type { ChangeFeed } from './change-feed';
import type { ProjectionChange } from './change-feed';

describe('live updates are scoped like the list', () => {
  const change = (scopeKeys: string[]): ProjectionChange => ({
    kind: 'event',
    linkedCaseId: 'c',
    stepIds: [],
    scopeKeys,
  });
  it.each([
    [['21', '2101', '210100'], '210100', true],
    [['21', '2101', '210100'], '210200', false],
    [['21', '2101', '210102'], '210100', true],
    [['21', '2102', '210200'], '210000', true],
    [[], '210100', false],
    [[], '000000', true],
  ])('change with keys %j → supervisor %s: %s', (keys, region, visible) => {
    expect(changeVisibleTo(change(keys), region)).toBe(visible);
  });
});

describe('the stream ends when the token expires (attack-findings #6)', () => {
  it('delivers changes before exp, then `expired`, then completes; a change after exp is not delivered', async () => {
    const changes$ = new Subject<ProjectionChange>();
    const live = new LiveUpdates({ changes$ } as unknown as ChangeFeed);
    const all = lastValueFrom(live.stream('210100', new Date(Date.now() + 200), 20).pipe(toArray()));
    const change = (linkedCaseId: string): ProjectionChange => ({
      kind: 'event',
      linkedCaseId,
      stepIds: [],
      scopeKeys: ['21', '2101', '210100'],
    });
    changes$.next(change('before'));
    await new Promise((r) => setTimeout(r, 300));
    changes$.next(change('after'));
    const messages = await all; // completes: the stream ended at exp
    expect(messages.map((m) => m.type)).toEqual(['hello', 'change', 'expired']);
    expect(JSON.stringify(messages)).not.toContain('after');
  });
});
