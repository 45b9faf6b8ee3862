/**
 * Pieces of the validation vocabulary (the route-wide checks are in apps/request-dtos.spec.ts). Kept case (attack
 * round of this session): a press message of one zero-width space was accepted and reached the police inbox as an
 * invisible press, while " " was refused.
 */
import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { AbsentWhen, IsInstantWithOffset, IsText } from './validation';

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

class Custody {
  @IsInstantWithOffset({ notInFuture: true }) at!: string;
}
class Hearing {
  @IsInstantWithOffset() at!: string;
}

describe('IsInstantWithOffset', () => {
  const badInstant = 'at must be a date and time with its offset, such as 2025-09-20T10:30:00+08:00';
  it.each([['2025-09-20T10:30:00-00:00'], ['2025-09-20T10:30:00'], ['2025-09-20'], ['2025-02-30T10:00:00Z']])(
    'refuses %j (no offset, "-00:00" = offset unknown, or no such day)',
    (at) => {
      expect(errors(Hearing, { at })).toEqual([badInstant]);
      expect(errors(Custody, { at })).toEqual([badInstant]);
    },
  );

  it('notInFuture refuses an instant beyond a minute from now, with its own message; the past passes', () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(errors(Custody, { at: inAnHour })).toEqual(['at lies in the future; enter when it actually happened']);
    expect(errors(Hearing, { at: inAnHour })).toEqual([]);
    expect(errors(Custody, { at: '2025-09-20T10:30:00+08:00' })).toEqual([]);
    expect(errors(Custody, { at: new Date().toISOString() })).toEqual([]);
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
