import { AGENCY_ID_PATTERN } from './agency';

/**
 * Extra addressing a jurisdiction map grants beyond the own region, as data: acting agency id → the
 * agency ids it may also address (e.g. a court with centralised cross-region jurisdiction over
 * environmental cases, 集中管辖, and the procuratorates and agencies of the regions it serves; flows.md
 * "The agencies"). The agency directory supplies it; without one, only the own region counts.
 */
export type JurisdictionMap = Readonly<Record<string, readonly string[]>>;

/** 404 code of an act addressed to an agency outside the actor's jurisdiction (nothing changes). */
export const OUTSIDE_JURISDICTION = 'AGENCY.OUTSIDE_JURISDICTION';

/**
 * Whether `actorAgencyId` may address `targetAgencyId` (send, copy, issue an opinion to, supervise, sue before):
 * the one rule every cross-agency act uses. True when both are agency ids (`kind:region`) of the same
 * region (flows.md: a transfer goes to the counterpart at the same level), or when the map lists the
 * target for the actor. Anything else — another region, a malformed id — is false.
 *
 * `courts` (the environmental court map, 集中管辖; the agency directory supplies it): when given, a court target is
 * judged by it alone (`courtsOf`): the court that hears the actor's region, or a lower court of the actor's city
 * that hears its own division — the same-region court the map moves the region away from is not one of them.
 */
export function withinJurisdiction(
  actorAgencyId: string,
  targetAgencyId: string,
  map?: JurisdictionMap,
  courts?: EnvironmentalCourtMap,
): boolean {
  if (!AGENCY_ID_PATTERN.test(actorAgencyId) || !AGENCY_ID_PATTERN.test(targetAgencyId)) return false;
  if (map?.[actorAgencyId]?.includes(targetAgencyId)) return true;
  if (courts && targetAgencyId.startsWith('court:')) return courtsOf(courts, actorAgencyId, targetAgencyId);
  return actorAgencyId.split(':')[1] === targetAgencyId.split(':')[1];
}

/**
 * Centralised environmental jurisdiction (集中管辖), as data: division code → the court that hears the
 * environmental cases (criminal, civil and administrative, PIL and EDC) of that division. A key covers its own
 * division and every division inside it (`210300` covers `210302`; `210000` the whole province); the most
 * specific key wins. The agency directory supplies it per province (libs/directory `environmentalJurisdiction`).
 */
export type EnvironmentalCourtMap = Readonly<Record<string, string>>;

/**
 * The court competent for an environmental case of a region (or of the agency that brings it):
 * the court the map gives the region, else the court of the same region (same level, flows.md
 * "The agencies"). `regionOrAgencyId`: a 6-digit division code or an agency id (`procuratorate:210300`).
 * @returns a court agency id such as `court:210100`
 * @throws Error for something that is neither a division code nor an agency id
 */
export function competentCourtIn(map: EnvironmentalCourtMap, regionOrAgencyId: string): string {
  const region = AGENCY_ID_PATTERN.test(regionOrAgencyId) ? regionOrAgencyId.split(':')[1]! : regionOrAgencyId;
  if (!/^\d{6}$/.test(region)) throw new Error(`not a division code or agency id: ${regionOrAgencyId}`);
  // the division itself, then its city (xxxx00), then its province (xx0000)
  const candidates = [region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`];
  for (const c of candidates) {
    const court = map[c];
    if (court) return court;
  }
  return `court:${region}`;
}

/**
 * Whether an environmental case of `actorAgencyId`'s region may go to `court` (both valid agency ids), by the map:
 * - the court the map gives the actor's region (`competentCourtIn`: 集中管辖 across regions, else the same level);
 * - a court of a lower level inside the actor's city (a city office before a district court of its city, e.g.
 *   `procuratorate:210100` → `court:210102`) when the map leaves that district's cases with that court.
 * Other regions are refused, and so is the same-region court when the map gives the region's cases to another one.
 */
function courtsOf(courts: EnvironmentalCourtMap, actorAgencyId: string, court: string): boolean {
  if (court === competentCourtIn(courts, actorAgencyId)) return true;
  const actorRegion = actorAgencyId.split(':')[1]!;
  const courtRegion = court.split(':')[1]!;
  const actorIsCity = actorRegion.endsWith('00') && !actorRegion.endsWith('0000');
  const inActorsCity = courtRegion !== actorRegion && courtRegion.startsWith(actorRegion.slice(0, 4));
  return actorIsCity && inActorsCity && competentCourtIn(courts, courtRegion) === court;
}

/**
 * The court an agency's environmental suit, indictment or application goes to — the one rule every sender uses
 * (the court's intake applies it again, as a guard): `asked` when the map allows it (`withinJurisdiction` with
 * `courts`), else — when nothing was asked — the court the map gives the actor's region (`competentCourtIn`: the
 * court holding centralised environmental jurisdiction, 集中管辖, else the court of the same level; flows.md
 * "The agencies"). `courts`: the directory's environmental court map (libs/directory `environmentalJurisdiction`).
 * null: the asked court is outside the actor's jurisdiction, or the actor is no agency id (the caller answers 404
 * OUTSIDE_JURISDICTION).
 *   courtFor('procuratorate:210300', undefined, { '210300': 'court:210100' }) // 'court:210100'
 *   courtFor('procuratorate:210100', 'court:210102', {})                       // 'court:210102'
 *   courtFor('procuratorate:210100', 'court:210200', {})                       // null
 */
export function courtFor(
  actorAgencyId: string,
  asked: string | undefined,
  courts: EnvironmentalCourtMap,
  map?: JurisdictionMap,
): string | null {
  if (!AGENCY_ID_PATTERN.test(actorAgencyId)) return null;
  const court = asked ?? competentCourtIn(courts, actorAgencyId);
  return withinJurisdiction(actorAgencyId, court, map, courts) ? court : null;
}
