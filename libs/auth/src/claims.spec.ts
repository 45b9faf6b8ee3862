/**
 * attack #4: a token whose officer id (sub) the event contracts refuse (over 128 characters, a NUL) passed the guard
 * and failed as a 500 on commands. claimsProblem accepts an officer id only if an event's actor may carry it.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ActorRef } from '@casebridge/contracts';
import { buildClaims, claimsProblem } from './claims';

const claims = (sub: string) => ({ ...buildClaims({ agencyId: 'enforcement:210100', roles: ['officer'] }), sub });
const contractAccepts = (officerId: string) => validateSync(plainToInstance(ActorRef, { officerId })).length === 0;

describe('claimsProblem: the officer id (sub) is one the event contracts accept', () => {
  it.each([
    ['129 characters', 'e'.repeat(129), /longer than 128/],
    ['a NUL', 'e-001\u0000', /control, invisible or markup characters/],
    ['a line break', 'e-001\nforged line', /control, invisible or markup characters/],
    ['a right-to-left override (reads as another name)', '\u202Eadmin', /invisible/],
    ['a zero-width space', 'e-\u200b001', /invisible/],
    ['a lone surrogate', 'a\ud800', /invisible/],
    ['markup', '<script>alert(1)</script>', /markup/],
    ['blank', '   ', /blank/],
  ])('refuses a sub with %s', (_, sub, message) => {
    expect(claimsProblem(claims(sub))).toMatch(message);
  });

  it('accepts ordinary ids, Chinese names and 128 characters', () => {
    for (const sub of ['e-001', 'enforcement-210100-officer', '王警官', 'x'.repeat(128), 'user@example.gov.cn'])
      expect(claimsProblem(claims(sub))).toBeNull();
  });

  it('kind: every sub claimsProblem accepts is an actor id the envelope contract accepts', () => {
    const samples = [
      'a',
      'x'.repeat(128),
      'x'.repeat(129),
      '\u0000',
      'a\u0000b',
      '\t',
      ' a ',
      '王',
      '\u007f',
      'a\u2028b',
      '😀'.repeat(64),
      '😀'.repeat(65),
    ];
    for (const sub of samples) {
      if (claimsProblem(claims(sub)) === null) expect([sub, contractAccepts(sub)]).toEqual([sub, true]);
    }
  });
});
