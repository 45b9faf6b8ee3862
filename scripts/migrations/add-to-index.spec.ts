import { addToIndex } from './generate';

/** Kept case: a one-entry list on one line (as prettier writes it) got the new class glued to the old without a comma. */
describe('addToIndex: the generated migration is listed last, one entry per line', () => {
  const header = "import type { MigrationInterface } from 'typeorm';\nimport { A1 } from './1-A';\n";

  it.each([
    ['one line', `${header}\nexport const MIGRATIONS: (new () => MigrationInterface)[] = [A1];\n`],
    ['one per line', `${header}\nexport const MIGRATIONS: (new () => MigrationInterface)[] = [\n  A1,\n];\n`],
  ])('%s', (_, source) => {
    expect(addToIndex(source, 'B2', './2-B')).toBe(
      `${header}import { B2 } from './2-B';\n\nexport const MIGRATIONS: (new () => MigrationInterface)[] = [\n  A1,\n  B2,\n];\n`,
    );
  });
});
