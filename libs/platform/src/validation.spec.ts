/**
 * Pieces of the validation vocabulary (the route-wide checks are in apps/request-dtos.spec.ts). Kept case (attack
 * round of this session): a press message of one zero-width space was accepted and reached the police inbox as an
 * invisible press, while " " was refused.
 */
import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { AbsentWhen, IsText } from './validation';

class Note {
  @IsText(200) message!: string;
}

class Target {
  mode!: 'forwarded' | 'returned';
  @AbsentWhen((o: Target) => o.mode === 'returned', 'toAgencyId must be left out when returning') toAgencyId?: string;
}

const errors = (cls: new () => object, body: object) =>
  validateSync(plainToInstance(cls, body)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IsText', () => {
  it.each([[' '], ['\u200b'], [' \u200b\u200c\u200d\ufeff\u2060 '], ['\u00ad'], ['\t\n']])(
    'refuses text that shows nothing (%j)',
    (message) => {
      expect(errors(Note, { message })).toEqual(['message must not be empty']);
    },
  );

  it.each([['请立即签收'], ['a\u200bb'], ['x ']])('takes text that shows something (%j)', (message) => {
    expect(errors(Note, { message })).toEqual([]);
  });
});

describe('AbsentWhen', () => {
  it('refuses the field where it must be left out, and only there', () => {
    expect(errors(Target, { mode: 'returned', toAgencyId: 'police:210200' })).toEqual([
      'toAgencyId must be left out when returning',
    ]);
    expect(errors(Target, { mode: 'returned' })).toEqual([]);
    expect(errors(Target, { mode: 'forwarded', toAgencyId: 'police:210200' })).toEqual([]);
  });
});
