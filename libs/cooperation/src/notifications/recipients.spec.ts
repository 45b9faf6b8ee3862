import { DomainError } from '@casebridge/contracts';
import { recipientsOf } from './notification.commands';

/** Kept cases (attack round 4): police:999999, another region's police, a court and recipients + broadcast were taken. */
describe('recipientsOf: whom an office may notify', () => {
  const refused = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as DomainError).message;
    }
    throw new Error('not refused');
  };

  it('the named counterparts of the region, or every counterpart of the division with broadcast', () => {
    expect(recipientsOf('enforcement:210100', { recipients: ['police:210100', 'procuratorate:210100'] })).toEqual([
      'police:210100',
      'procuratorate:210100',
    ]);
    expect(recipientsOf('enforcement:210100', { broadcast: true })).toEqual(['police:210100', 'procuratorate:210100']);
  });

  it.each([['police:999999'], ['police:210200'], ['court:210100']])('refuses %s, naming it', (r) => {
    expect(refused(() => recipientsOf('enforcement:210100', { recipients: ['police:210100', r] }))).toMatch(
      new RegExp(`^${r}: notify enforcement, police or procuratorate offices of your region`),
    );
  });

  it('refuses recipients together with broadcast, and the own office', () => {
    expect(
      refused(() => recipientsOf('enforcement:210100', { recipients: ['police:210100'], broadcast: true })),
    ).toMatch(/either recipients or broadcast/);
    expect(refused(() => recipientsOf('enforcement:210100', { recipients: ['enforcement:210100'] }))).toMatch(
      /your own office/,
    );
  });
});
