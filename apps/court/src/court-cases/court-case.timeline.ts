import type { OfficerClaims } from '@casebridge/auth';
import { entry, withEntry } from '@casebridge/platform';
import type { CourtCase } from './court-case.entity';

/** Puts an act of the court's officer on the case's timeline (now). */
export function record(c: CourtCase, officer: OfficerClaims, what: string, note?: string): void {
  c.timeline = withEntry(c.timeline, entry(what, officer.sub, new Date(), note ? { note } : {}));
}
