import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  // published codes (national enterprise credit information publicity system) and the standard's own example
  it.each([
    '91350100M000100Y43',
    '91110000802100433B',
    '911100001000128855',
    '91310000775785552L',
    '91210100MA0Y6J5X2U',
  ])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it.each([
    ['912101001234567890', /wrong check character: the 18th should be L/], // try-findings #13
    ['91210100MA0Y6J5X9Z', /has "Z" at position 18/], // try-findings #13
    ['91210100MA0Y6J5X2K', /the 18th should be U/],
    ['9121010', /18 characters long/],
    ['91A10100MA0Y6J5X2U', /administrative division code/],
    ['91210100ma0y6j5x2u', /"m" at position 9/],
  ])('refuses %s', (code, message) => {
    expect(creditCodeProblem(code)).toMatch(message);
  });

  it('computes the check character', () => expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3'));
});
