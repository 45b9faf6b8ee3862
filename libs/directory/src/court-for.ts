import {
  AGENCY_ID_PATTERN,
  DomainError,
  OUTSIDE_JURISDICTION,
  competentCourtIn,
  courtFor,
} from '@casebridge/contracts';
import { agencyDirectory, environmentalJurisdiction, type AgencyDirectory } from './agency-directory';

/**
 * The court an agency sends its environmental case to (a PIL suit, an indictment, an organisation's supported suit,
 * an EDC suit or confirmation application): `courtFor` with this directory's environmental court map (集中管辖), so
 * the sender's view and its event name the court that will hold the case. `asked`: the court the request names, or
 * undefined for the default (the court the map gives the actor's region, else the same-level court).
 *   courtOfSender('procuratorate:210300')                 // 'court:210100' with the built-in Liaoning example
 *   courtOfSender('procuratorate:210100', 'court:210102') // 'court:210102' (a district court of its own city)
 * @returns a court agency id such as `court:210100`
 * @throws DomainError 404 AGENCY.OUTSIDE_JURISDICTION: the asked court is not one the map allows the actor
 */
export function courtOfSender(actorAgencyId: string, asked?: string, dir: AgencyDirectory = agencyDirectory()): string {
  const courts = environmentalJurisdiction(dir);
  const court = courtFor(actorAgencyId, asked, courts);
  if (court) return court;
  const competent = AGENCY_ID_PATTERN.test(actorAgencyId) ? competentCourtIn(courts, actorAgencyId) : null;
  throw new DomainError(
    OUTSIDE_JURISDICTION,
    'not-found',
    `${asked ?? 'The court'} is outside your jurisdiction` +
      (competent
        ? `: your region's environmental cases go to ${competent} (集中管辖 or the same level), or to a lower court of your city that hears its own district.`
        : '.'),
  );
}
