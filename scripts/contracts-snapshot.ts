// Records new event versions in libs/contracts/src/compat/schema-snapshot.json (never rewrites a
// published one: changing a published shape needs a new version and an upcaster).
//   npm run contracts:snapshot
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_EVENT_DEFINITIONS } from '@casebridge/contracts';
import { compatibilityProblems, extendSnapshot, type Snapshot } from '../libs/contracts/src/compat/schema-fingerprint';

const file = path.resolve(__dirname, '../libs/contracts/src/compat/schema-snapshot.json');
const before: Snapshot = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Snapshot) : {};
const { snapshot, added } = extendSnapshot(ALL_EVENT_DEFINITIONS, before);
writeFileSync(file, JSON.stringify(snapshot, null, 2) + '\n');
process.stdout.write(added.length ? `recorded: ${added.join(', ')}\n` : 'nothing new\n');
const problems = compatibilityProblems(ALL_EVENT_DEFINITIONS, snapshot);
if (problems.length) {
  process.stderr.write(`contracts compatibility problems:\n- ${problems.join('\n- ')}\n`);
  process.exit(1);
}
