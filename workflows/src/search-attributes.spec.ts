import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from './search-attributes';
import { CaseWorkflowSignals, DEADLINE_RECOMPUTATIONS_QUERY, OPEN_STEPS_QUERY } from './shared/deadline.contracts';

// The README's "Finding your way" is where a newcomer looks for these names: keep it in step with the code.
describe("README documents the workflows' search attributes, signals and queries", () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

  it.each(SEARCH_ATTRIBUTE_DEFINITIONS.map((d) => [d.name, d.type]))('%s (%s)', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });

  it('every signal and query', () => {
    for (const name of [...Object.values(CaseWorkflowSignals), OPEN_STEPS_QUERY, DEADLINE_RECOMPUTATIONS_QUERY]) {
      expect(readme).toContain(`\`${name}\``);
    }
  });
});
