import { competentCourt, createAgencyDirectory, environmentalJurisdiction } from './agency-directory';
import BUILT_IN from './agencies.json';

describe('environmental jurisdiction (集中管辖) from the directory', () => {
  it('the built-in Liaoning example sends Anshan’s cases to the Shenyang court; others stay at the same level', () => {
    expect(competentCourt('procuratorate:210300')).toBe('court:210100');
    expect(competentCourt('210302')).toBe('court:210100');
    expect(competentCourt('procuratorate:210200')).toBe('court:210200');
    expect(competentCourt('220200')).toBe('court:220100');
  });

  it('reads only environmental rows naming a division and a court', () => {
    const dir = createAgencyDirectory({
      ...BUILT_IN,
      jurisdiction: [
        { from: '210300', to: 'court:210100', matter: 'environmental' },
        { from: '210200', to: 'court:210100', matter: 'maritime' },
        { from: 'x', to: 'court:210100', matter: 'environmental' },
      ],
    });
    expect(environmentalJurisdiction(dir)).toEqual({ '210300': 'court:210100' });
    expect(competentCourt('210200', dir)).toBe('court:210200');
  });
});
