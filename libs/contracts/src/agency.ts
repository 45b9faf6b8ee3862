/** The four kinds of agency that work a linked case together (flows.md, "The agencies"). */
export const AGENCY_KINDS = ['enforcement', 'police', 'procuratorate', 'court'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Producers that are not agencies: the workflow engine and the supervision console. */
export const SYSTEM_PRODUCERS = ['workflow', 'supervision', 'audit'] as const;
export type SystemProducer = (typeof SYSTEM_PRODUCERS)[number];
export type ProducerKind = AgencyKind | SystemProducer;

export function isAgencyKind(value: unknown): value is AgencyKind {
  return typeof value === 'string' && (AGENCY_KINDS as readonly string[]).includes(value);
}

/**
 * An agency is one office in one region: `<kind>:<region code>`, e.g. `police:210100` (Shenyang police).
 * A transfer goes to the counterpart at the same level unless a jurisdiction map says otherwise.
 */
export type AgencyId = `${AgencyKind}:${string}`;
export const AGENCY_ID_PATTERN = /^(enforcement|police|procuratorate|court):\d{6}$/;

export function agencyId(kind: AgencyKind, region: string): AgencyId {
  const id = `${kind}:${region}` as AgencyId;
  if (!AGENCY_ID_PATTERN.test(id)) throw new Error(`invalid agency id ${id}: region must be a 6-digit division code`);
  return id;
}

export function parseAgencyId(id: string): { kind: AgencyKind; region: string } {
  if (!AGENCY_ID_PATTERN.test(id)) throw new Error(`invalid agency id '${id}' (expected e.g. police:210100)`);
  const [kind, region] = id.split(':') as [AgencyKind, string];
  return { kind, region };
}

/** The kind part of an agency id (`police:210100` → `police`). */
export function agencyIdKind(id: string): AgencyKind {
  return parseAgencyId(id).kind;
}
