import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TRANSFER_PHASES } from './transfer.machine';

// The README lists the phases of the enforcement view (GET /transfers): keep it in step with the machine.
describe('README lists every transfer phase of the enforcement view', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
  it.each([...TRANSFER_PHASES])('%s', (phase) => {
    expect(readme).toContain(`\`${phase}\``);
  });
});
