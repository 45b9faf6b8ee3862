import { entry, withEntry } from './timeline';

describe('withEntry: every view lists its timeline in event time', () => {
  const a = entry('explanation required', 'procuratorate', '2026-11-20T02:00:00.000Z');
  const b = entry('police explained', 'police', '2026-11-21T02:00:00.000Z');
  const c = entry('notice to file', 'procuratorate', '2026-11-22T02:00:00.000Z');

  it('given an event learnt after a later one, it is placed before it (issue #9 item 6)', () => {
    expect(withEntry([a, c], b).map((e) => e.what)).toEqual([
      'explanation required',
      'police explained',
      'notice to file',
    ]);
  });

  it('compares instants, not strings: offsets do not reorder', () => {
    const sameInstantOtherOffset = entry('received', 'police', '2026-11-21T10:00:00.000+08:00');
    expect(withEntry([a, c], sameInstantOtherOffset).map((e) => e.what)).toEqual([
      'explanation required',
      'received',
      'notice to file',
    ]);
  });

  it('equal times keep arrival order, and the input is not mutated', () => {
    const tl = [a, b];
    const b2 = entry('police explained again', 'police', b.at);
    expect(withEntry(tl, b2).map((e) => e.what)).toEqual([
      'explanation required',
      'police explained',
      'police explained again',
    ]);
    expect(tl).toHaveLength(2);
  });
});
