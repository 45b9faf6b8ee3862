import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OpenPilCaseRequest } from './open-case';

const errors = (body: object) =>
  validateSync(plainToInstance(OpenPilCaseRequest, body)).flatMap((e) => Object.values(e.constraints ?? {}));

// Kept case (session 5 trial): a civil PIL naming a respondent agency was accepted (201).
describe('POST /pil-cases: a respondent agency only for an administrative PIL', () => {
  it.each(['civil', 'criminal-incidental-civil'])('%s with a respondent is refused, naming the field', (kind) => {
    expect(errors({ kind, respondentAgencyId: 'enforcement:210100', facts: '倾倒危险废物' })).toEqual([
      'respondentAgencyId names the agency of an administrative PIL; a civil PIL has no respondent agency: leave it out',
    ]);
  });
  it('administrative with its respondent, civil without one: accepted', () => {
    expect(errors({ kind: 'administrative', respondentAgencyId: 'enforcement:210100', facts: '未依法查处' })).toEqual(
      [],
    );
    expect(errors({ kind: 'civil', facts: '倾倒危险废物' })).toEqual([]);
  });
});
