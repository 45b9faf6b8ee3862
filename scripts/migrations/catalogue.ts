/**
 * Every service database and the schema sets it holds: the one list `npm run migrate`,
 * `npm run migration:generate` and the drift test (test/migrations/drift.e2e-spec.ts) read.
 * A new service with a database adds its `schema.ts` here.
 */
import type { SchemaSet, ServiceSchema } from '@casebridge/platform';
import { AUDIT_SCHEMA } from '../../apps/audit/src/schema';
import { COURT_SCHEMA } from '../../apps/court/src/schema';
import { ENFORCEMENT_SCHEMA } from '../../apps/enforcement/src/schema';
import { POLICE_SCHEMA } from '../../apps/police/src/schema';
import { PROCURATORATE_SCHEMA } from '../../apps/procuratorate/src/schema';
import { SUPERVISION_SCHEMA } from '../../apps/supervision/src/schema';
import { WORKFLOW_SCHEMA } from '../../apps/workflow-worker/src/schema';

export const SERVICE_SCHEMAS: readonly ServiceSchema[] = [
  ENFORCEMENT_SCHEMA,
  POLICE_SCHEMA,
  PROCURATORATE_SCHEMA,
  COURT_SCHEMA,
  SUPERVISION_SCHEMA,
  AUDIT_SCHEMA,
  WORKFLOW_SCHEMA,
];

/** Every schema set by name: each service's own set and the shared ones (messaging, agency-inbox). */
export function allSets(): Map<string, SchemaSet> {
  const sets = new Map<string, SchemaSet>();
  for (const service of SERVICE_SCHEMAS) for (const set of service.sets) sets.set(set.name, set);
  return sets;
}

/**
 * The sets whose migrations must have run before a change of `set` can be diffed: a shared set stands
 * alone; a service's own set needs the service's shared sets first.
 */
export function contextOf(setName: string): SchemaSet[] {
  const owner = SERVICE_SCHEMAS.find((s) => s.service === setName);
  if (owner) return owner.sets;
  const set = allSets().get(setName);
  if (!set) throw new Error(`unknown schema set "${setName}"; known: ${[...allSets().keys()].join(', ')}`);
  return [set];
}
