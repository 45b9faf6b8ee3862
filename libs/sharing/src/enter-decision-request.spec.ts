import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnterDecisionRequest, unknownAgencies } from './commands';

/** sharedWith is checked against the agency directory (issue 12): an office nobody runs is refused with its id. */
describe('EnterDecisionRequest.sharedWith', () => {
  const errors = (sharedWith: unknown) =>
    validateSync(plainToInstance(EnterDecisionRequest, { sharedWith })).flatMap((e) =>
      Object.values(e.constraints ?? {}),
    );

  it('offices of the directory pass', () => {
    expect(errors(['police:210100', 'procuratorate:210102', 'court:210100'])).toEqual([]);
  });

  it('an id the directory does not list (a generated name, or a division that does not exist) is refused, named', () => {
    expect(unknownAgencies(['police:210100', 'police:219999', 'court:210400'])).toEqual([
      'police:219999',
      'court:210400',
    ]);
    const [message] = errors(['police:210100', 'police:219999']);
    expect(message).toContain('sharedWith names no agency of the agency directory: police:219999');
  });
});
