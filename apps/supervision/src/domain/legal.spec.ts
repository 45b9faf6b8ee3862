import { ruleInfo } from './legal';

const ASCII = /^[\x20-\x7e]+$/;

describe('ruleInfo: a step’s rule as the console shows it', () => {
  it('names each source of the legal basis once, with the title of the abbreviation in each language', () => {
    const info = ruleInfo('transfer.head-decision')!;
    expect(info.basisText).toBe('R310 art 5(2); E17 art 5');
    expect(info.sources.map((s) => [s.abbreviation, s.titles.zh])).toEqual([
      ['R310', '《行政执法机关移送涉嫌犯罪案件的规定》 (State Council Decree 310, 2020 revision)'],
      ['E17', '《环境保护行政执法与刑事司法衔接工作办法》 (环环监〔2017〕17号)'],
    ]);
    // the console's English mode shows no Chinese (console e2e): the English titles are ASCII
    expect(info.sources.map((s) => s.titles.en)).toEqual([
      expect.stringMatching(/^Provisions on the Transfer of Suspected Criminal Cases/),
      expect.stringMatching(/^Measures for Linking Environmental Administrative Enforcement/),
    ]);
  });

  it('every rule of the book has a title in both languages for each of its sources; an unknown rule id is null', () => {
    for (const id of [
      'transfer.receipt',
      'prosecution.review',
      'pil.agency-reply',
      'edc.consultation',
      'court.docket',
    ]) {
      const info = ruleInfo(id)!;
      expect(info.sources.length).toBeGreaterThan(0);
      for (const s of info.sources) {
        expect(s.titles.zh).toMatch(/\S/);
        expect(s.titles.en).toMatch(ASCII);
      }
    }
    expect(ruleInfo('no.such-rule')).toBeNull();
  });
});
