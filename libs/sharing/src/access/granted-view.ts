import { DomainError } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { CaseAccessContext } from './case-access';
import type { RecordLookup } from './own-or-granted';
import { REDACTED } from './record-lookup';

/**
 * A RecordLookup over an entity whose owning office is in `ownerField` (e.g. `procuratorateAgencyId` of a PIL case,
 * `courtAgencyId` of a court case) and whose id is unique: its linked case and owner, or null (404).
 */
export function lookupOwnedBy<E extends ObjectLiteral & { linkedCaseId: string }>(
  entity: EntityTarget<E>,
  idField: keyof E & string,
  ownerField: keyof E & string,
): RecordLookup {
  return async (manager, id) => {
    const row = await manager.findOneBy(entity, { [idField]: id } as FindOptionsWhere<E>);
    return row ? { linkedCaseId: row.linkedCaseId, ownerAgencyId: String(row[ownerField]) } : null;
  };
}

/**
 * The record a query handler behind @OwnOrGranted({ lookup }) answers: the caller's own, or — with a grant — the
 * record of the owner the guard found; anything else (no record, another office's without a grant) is the route's
 * own 404, the same whether the record exists or not. `ownerOf` names the owning office of a row.
 */
export function ownOrGrantedRecord<T>(
  record: T | null,
  ownerOf: (r: T) => string,
  officer: OfficerClaims,
  access: CaseAccessContext | undefined,
  notFound: { code: string; message: string },
): T {
  const owner = record === null ? null : ownerOf(record);
  const mayRead =
    owner !== null &&
    (owner === officer.agencyId ||
      (access?.basis === 'granted' && access.ownerAgencyId !== null && owner === access.ownerAgencyId));
  if (!mayRead) throw new DomainError(notFound.code, 'not-found', notFound.message);
  return record!;
}

/**
 * What a granted reader does not see of a response, as paths: `a.b` a field (nested), `a.[].b` a field of each element
 * of an array. The value at a path is redacted whole: each string in it becomes REDACTED (`[redacted]`) — except a
 * date (`2027-03-31`) or an instant (`2026-12-01T02:00:00.000Z`), which is no personal detail and stays, as numbers,
 * booleans and nulls do (counts, flags) — and arrays keep their length: the shape of the response is unchanged, and
 * a granted reader still sees when each redacted entry (a meeting, a restoration record) happened.
 */
export type RedactionPaths = readonly string[];

/** A calendar day or an ISO-8601 instant, the whole string (not a date inside text). */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function redactValue(v: unknown): unknown {
  if (typeof v === 'string') return DATE_OR_INSTANT.test(v) ? v : REDACTED;
  if (Array.isArray(v)) return v.map(redactValue);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, redactValue(x)]));
  return v;
}

function redactAt(value: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0) return redactValue(value);
  if (value === null || value === undefined || typeof value !== 'object') return value;
  const [head, ...rest] = segments;
  if (head === '[]') return Array.isArray(value) ? value.map((v) => redactAt(v, rest)) : value;
  const o = value as Record<string, unknown>;
  return head! in o ? { ...o, [head!]: redactAt(o[head!], rest) } : value;
}

/** The response with every path of `paths` redacted (see RedactionPaths). */
export function redactPaths<V>(view: V, paths: RedactionPaths): V {
  return paths.reduce<unknown>((v, p) => redactAt(v, p.split('.')), view) as V;
}

/**
 * A response as the reader may see it: whole for its own office (a party), redacted by `paths` for an office that
 * reads it through a grant (need-to-know, issue 12). Each route documents its paths beside its response.
 */
export function grantedRead<V>(view: V, access: CaseAccessContext | undefined, paths: RedactionPaths): V {
  return access?.basis === 'granted' ? redactPaths(view, paths) : view;
}

/** Of a timeline, a granted reader sees when and by whom only (what happened may name the parties). */
export const TIMELINE_REDACTED: RedactionPaths = ['timeline.[].what', 'timeline.[].note'];

/** How a query handler reads one record behind @OwnOrGranted({ lookup }): its owner, its 404, its view, its redaction. */
export interface GrantedReadSpec<T, V> {
  ownerOf: (record: T) => string;
  notFound: { code: string; message: string };
  view: (record: T) => V;
  redacted: RedactionPaths;
}

/**
 * The response of a one-record query route: the record found (`found`), the caller's own or read through a grant
 * (else the route's 404), as its view, redacted for a granted reader (ownOrGrantedRecord + grantedRead).
 */
export async function readOwnOrGranted<T, V>(
  found: Promise<T | null>,
  officer: OfficerClaims,
  access: CaseAccessContext | undefined,
  spec: GrantedReadSpec<T, V>,
): Promise<V> {
  const record = ownOrGrantedRecord(await found, spec.ownerOf, officer, access, spec.notFound);
  return grantedRead(spec.view(record), access, spec.redacted);
}
