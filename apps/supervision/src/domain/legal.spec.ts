import { ruleInfo } from './legal';

describe('ruleInfo: a step’s rule as the console shows it', () => {
  it('names each source of the legal basis once, with the title of the abbreviation (deadlines.md)', () => {
    const info = ruleInfo('transfer.head-decision')!;
    expect(info.basisText).toBe('R310 art 5(2); E17 art 5');
    expect(info.sources).toEqual([
      {
        abbreviation: 'R310',
        title: '《行政执法机关移送涉嫌犯罪案件的规定》 (State Council Decree 310, 2020 revision)',
      },
      { abbreviation: 'E17', title: '《环境保护行政执法与刑事司法衔接工作办法》 (环环监〔2017〕17号)' },
    ]);
  });

  it('every rule of the book has a title for each of its sources; an unknown rule id is null', () => {
    for (const id of [
      'transfer.receipt',
      'prosecution.review',
      'pil.agency-reply',
      'edc.consultation',
      'court.docket',
    ]) {
      const info = ruleInfo(id)!;
      expect(info.sources.length).toBeGreaterThan(0);
      for (const s of info.sources) expect(s.title).toMatch(/\S/);
    }
    expect(ruleInfo('no.such-rule')).toBeNull();
  });
});
