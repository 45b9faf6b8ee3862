import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { RecordLookup } from './own-or-granted';

/**
 * A RecordLookup over an entity with `linkedCaseId` and `agencyId` (the office that holds the row): the caller's own
 * row when it has one, else the row `current` picks (e.g. the police office that holds a forwarded transfer now),
 * else the first. Up to 20 rows per id are read (one per office the record went through).
 */
export function lookupBy<E extends ObjectLiteral & { linkedCaseId: string; agencyId: string }>(
  entity: EntityTarget<E>,
  idField: keyof E & string,
  current: (row: E) => boolean = () => true,
): RecordLookup {
  return async (manager, id, callerAgencyId) => {
    const rows = await manager.find(entity, { where: { [idField]: id } as FindOptionsWhere<E>, take: 20 });
    const row = rows.find((r) => r.agencyId === callerAgencyId) ?? rows.find(current) ?? rows[0];
    return row ? { linkedCaseId: row.linkedCaseId, ownerAgencyId: row.agencyId } : null;
  };
}

/** What a granted reader sees in place of a party's personal details (field-level redaction). */
export const REDACTED = '[redacted]';

/** A party as a reader entitled to the case number only sees it. */
export function redactParty<P extends Record<string, unknown>>(party: P): { [K in keyof P]: string } {
  return Object.fromEntries(Object.keys(party).map((k) => [k, REDACTED])) as { [K in keyof P]: string };
}
