/**
 * The production build (`npm run build`, swc with .swcrc.build.json) resolves the `@casebridge/*` aliases at
 * build time. Its alias table must be the type checker's (tsconfig.json `paths`): a lib added to one and not
 * the other type-checks and passes every test run from the sources, yet the compiled services crash at start
 * with "Cannot find module '@casebridge/…'" (found when `npm start` failed for @casebridge/directory).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
interface Configs {
  compilerOptions: { paths: Record<string, string[]> };
  jsc: { paths: Record<string, string[]> };
}
const json = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8')) as Configs;

describe('build configuration (.swcrc.build.json)', () => {
  it('maps exactly the path aliases of tsconfig.json', () => {
    const tsPaths = json('tsconfig.json').compilerOptions.paths;
    const swcPaths = json('.swcrc.build.json').jsc.paths;
    expect(Object.keys(tsPaths).length).toBeGreaterThan(0);
    expect(swcPaths).toEqual(tsPaths);
  });

  it('every lib under libs/ has its alias (a new lib cannot be forgotten in both files)', () => {
    const libs = readdirSync(path.join(root, 'libs')).filter((l) =>
      existsSync(path.join(root, 'libs', l, 'src/index.ts')),
    );
    const tsPaths = json('tsconfig.json').compilerOptions.paths;
    for (const lib of libs) expect(tsPaths[`@casebridge/${lib}`]).toEqual([`./libs/${lib}/src`]);
  });
});
