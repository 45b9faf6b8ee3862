import { withinJurisdiction } from './jurisdiction';

describe('withinJurisdiction (one rule for every act addressed to another agency)', () => {
  it.each([
    ['procuratorate:210200', 'enforcement:210300', undefined, false], // issue 13 finding 2
    ['procuratorate:210100', 'enforcement:210100', undefined, true],
    ['enforcement:210100', 'police:210100', undefined, true],
    ['enforcement:210100', 'police:210102', undefined, false], // a county is not the counterpart of a city office
    ['enforcement:210100', 'police:000000', undefined, false],
    ['procuratorate:210100', 'x', undefined, false],
    ['organisation', 'enforcement:210100', undefined, false],
    ['court:210100', 'procuratorate:210300', { 'court:210100': ['procuratorate:210300'] }, true],
    ['court:210100', 'procuratorate:210400', { 'court:210100': ['procuratorate:210300'] }, false],
    ['procuratorate:210300', 'court:210100', { 'court:210100': ['procuratorate:210300'] }, false], // a map entry is directed
  ])('%s → %s (map %j): %s', (actor, target, map, expected) => {
    expect(withinJurisdiction(actor, target, map)).toBe(expected);
  });
});
