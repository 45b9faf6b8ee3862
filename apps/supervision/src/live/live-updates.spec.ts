import { changeVisibleTo } from './live-updates';
import type { ProjectionChange } from './change-feed';

describe('live updates are scoped like the list', () => {
  const change = (scopeKeys: string[]): ProjectionChange => ({ kind: 'event', linkedCaseId: 'c', stepIds: [], scopeKeys });
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
