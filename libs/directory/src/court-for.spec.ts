import { DomainError, OUTSIDE_JURISDICTION } from '@casebridge/contracts';
import { createAgencyDirectory } from './agency-directory';
import BUILT_IN from './agencies.json';
import { courtOfSender } from './court-for';

describe('courtOfSender (the court a PIL suit, indictment or EDC hand-over names, by the directory’s map)', () => {
  it('names the court the built-in map gives the sender’s region, as the court’s intake will hold it', () => {
    expect(courtOfSender('procuratorate:210300')).toBe('court:210100'); // Anshan → Shenyang (集中管辖)
    expect(courtOfSender('enforcement:210300')).toBe('court:210100');
    expect(courtOfSender('procuratorate:210200')).toBe('court:210200'); // not in the map: the same level
  });

  it('lets a city office name a district court of its own city, not one the map gives elsewhere', () => {
    expect(courtOfSender('procuratorate:210100', 'court:210102')).toBe('court:210102');
    expect(() => courtOfSender('procuratorate:210300', 'court:210302')).toThrow(/outside your jurisdiction/);
    expect(() => courtOfSender('procuratorate:210100', 'court:210202')).toThrow(/outside your jurisdiction/);
  });

  it('refuses a court the map does not allow with 404 AGENCY.OUTSIDE_JURISDICTION naming the competent one', () => {
    const refused = (() => {
      try {
        courtOfSender('procuratorate:210300', 'court:210300');
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: OUTSIDE_JURISDICTION, kind: 'not-found' });
    expect((refused as Error).message).toMatch(/court:210300 is outside your jurisdiction: .* go to court:210100/);
  });

  it('reads the map of the directory it is given', () => {
    const dir = createAgencyDirectory({ ...BUILT_IN, jurisdiction: [] });
    expect(courtOfSender('procuratorate:210300', undefined, dir)).toBe('court:210300');
    expect(courtOfSender('procuratorate:210300', 'court:210300', dir)).toBe('court:210300');
  });
});
