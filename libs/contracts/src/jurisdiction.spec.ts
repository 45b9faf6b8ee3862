import { competentCourtIn, courtFor, withinJurisdiction } from './jurisdiction';

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

describe('competentCourtIn (集中管辖: which court hears the environmental cases of a region)', () => {
  const map = { '210300': 'court:210100', '220000': 'court:220100' };
  it.each([
    ['210300', 'court:210100'], // the map gives Anshan to the Shenyang court
    ['procuratorate:210300', 'court:210100'], // an agency id counts by its region
    ['210302', 'court:210100'], // a county inside a mapped city
    ['220200', 'court:220100'], // a province-wide entry
    ['210100', 'court:210100'], // not in the map: the same-level court
    ['enforcement:210200', 'court:210200'],
  ])('%s → %s', (input, expected) => {
    expect(competentCourtIn(map, input)).toBe(expected);
  });
  it('refuses something that is no region', () => {
    expect(() => competentCourtIn(map, 'x')).toThrow(/not a division code/);
  });
});

describe('courtFor (the court a sender names: one rule, built on the environmental court map)', () => {
  const courts = { '210300': 'court:210100', '220000': 'court:220100' };
  it.each([
    // default: the court the map gives the actor's region (集中管辖), else the same-level court
    ['procuratorate:210300', undefined, 'court:210100'],
    ['enforcement:220200', undefined, 'court:220100'],
    ['procuratorate:210100', undefined, 'court:210100'],
    ['procuratorate:210200', undefined, 'court:210200'],
    // asked: the map's court is allowed across regions; the same-region court it moved the cases from is not
    ['procuratorate:210300', 'court:210100', 'court:210100'],
    ['procuratorate:210300', 'court:210300', null],
    ['procuratorate:210100', 'court:210200', null], // another region the map does not give it
    ['procuratorate:210200', 'court:210100', null],
    // a lower court of the actor's own city, when the map leaves that district's cases with it
    ['procuratorate:210100', 'court:210102', 'court:210102'],
    ['enforcement:210100', 'court:210102', 'court:210102'],
    ['procuratorate:210300', 'court:210302', null], // the map gives Anshan's districts to the Shenyang court
    ['procuratorate:210102', 'court:210100', null], // a district office before the court above: not by this rule
    ['procuratorate:210100', 'court:210202', null], // a district of another city
    ['procuratorate:210000', 'court:210102', null], // lower levels of the same city only
  ])('%s asking %s → %s', (actor, asked, expected) => {
    expect(courtFor(actor, asked, courts)).toBe(expected);
  });
  it('is null for an actor that is no agency id', () => {
    expect(courtFor('organisation', undefined, courts)).toBeNull();
  });
});

describe('withinJurisdiction with the environmental court map (a court target judged by the map)', () => {
  it.each([
    ['procuratorate:210100', 'court:210102', {}, true], // a district court of its own city
    ['procuratorate:210100', 'court:210102', { '210100': 'court:210100' }, false], // the map keeps the city's cases
    ['procuratorate:210100', 'court:210202', {}, false], // another region
    ['procuratorate:210300', 'court:210100', { '210300': 'court:210100' }, true], // 集中管辖 across regions
    ['procuratorate:210300', 'court:210300', { '210300': 'court:210100' }, false], // the map moved the cases away
    ['procuratorate:210100', 'enforcement:210102', {}, false], // only courts: other agencies stay at the same level
  ])('%s → %s (courts %j): %s', (actor, target, courts, expected) => {
    expect(withinJurisdiction(actor, target, undefined, courts)).toBe(expected);
  });
  it('without the map a lower court is refused, as before', () => {
    expect(withinJurisdiction('procuratorate:210100', 'court:210102')).toBe(false);
  });
});
