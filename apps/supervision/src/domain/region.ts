/**
 * Region scoping of the supervisor console.
 *
 * Region codes are the 6-digit administrative division codes (GB/T 2260): PP CC DD = province, city,
 * county. A supervisor's token carries the region of their office; what they may see is defined as:
 *
 *   a step (or an expectation, or an orphan event) is visible to a supervisor of region R when the
 *   region of the OWING agency lies within R, OR the ORIGIN region of its linked case lies within R.
 *
 * "Lies within" follows the division hierarchy: a province-level office (PP0000) covers every region
 * PPxxxx, a city-level office (PPCC00) covers PPCCxx, a county-level office (PPCCDD) only itself, and
 * 000000 (national) covers everything. The origin region of a linked case is the region of the agency
 * whose event is the earliest on the case (normally the enforcement office that registered or
 * transferred it). So a Shenyang supervisor (210100) sees the Shenyang police's steps and every step of
 * a case Shenyang enforcement started, even a step owed by the Dalian police after a forward; a
 * Dalian supervisor (210200) sees that Dalian step but nothing else of the Shenyang case.
 *
 * Rows store the scope keys of both regions (every level: '21', '2101', '210100'); a supervisor
 * matches with one key, which a GIN index answers.
 */

import { NATIONAL_REGION, regionKeys, regionWithin, supervisorScopeKey } from '@casebridge/contracts';

// The division-code rule lives in libs/contracts (division.ts), shared with the audit service's scope.
export { isRegionCode, NATIONAL_REGION, regionKeys, regionWithin, supervisorScopeKey } from '@casebridge/contracts';

export type ScopeLevel = 'national' | 'province' | 'city' | 'county';

export function scopeLevel(region: string): ScopeLevel {
  const key = supervisorScopeKey(region);
  if (key === null) return 'national';
  return key.length === 2 ? 'province' : key.length === 4 ? 'city' : 'county';
}

/** The scope keys of a row: union of the owing agency's and the case origin's region keys. */
export function scopeKeys(...regions: (string | null | undefined)[]): string[] {
  return [...new Set(regions.flatMap((r) => regionKeys(r)))].sort();
}

/** A row with an owing region and a case origin region is visible to the supervisor. */
export function visibleTo(
  row: { owingRegion: string | null; originRegion: string | null },
  supervisorRegion: string,
): boolean {
  return regionWithin(row.owingRegion, supervisorRegion) || regionWithin(row.originRegion, supervisorRegion);
}

/**
 * Who may press whom (press 催办 and escalate; README "Who may press whom"). Seeing a step is not
 * enough: a supervisor acts on a step only when
 *   1. the OWING agency's region lies within the supervisor's region (a step seen only through the
 *      case's origin region is owed to an office outside the supervisor's scope), and
 *   2. the owing agency is of a kind the supervisor's office supervises: a procuratorate supervises
 *      every kind (the legal-supervision organ, PRC Constitution art 134; filing supervision of the
 *      police, flows.md §2; procuratorial opinions to enforcement agencies, E17 art 14), an
 *      enforcement, police or court office only its own kind (its own line of hierarchy). So a court
 *      supervisor cannot press a police step.
 * Returns null when allowed, else the reason (403 STEP.OUTSIDE_SUPERVISORY_SCOPE).
 */
export function pressRefusal(supervisor: { agencyId: string; region: string }, owingAgencyId: string): string | null {
  const owing = splitAgencyId(owingAgencyId);
  const own = splitAgencyId(supervisor.agencyId);
  if (!regionWithin(owing.region, supervisor.region)) {
    return `${owingAgencyId} is outside your supervisory region (${supervisor.region}); a supervisor of its region presses it.`;
  }
  if (own.kind !== 'procuratorate' && own.kind !== owing.kind) {
    return `${/^[aeiou]/.test(own.kind) ? 'An' : 'A'} ${own.kind} supervisor presses ${own.kind} offices only; ${owingAgencyId} is supervised by the procuratorate or its own ${owing.kind} hierarchy.`;
  }
  return null;
}

/** `police:210100` → { kind: 'police', region: '210100' }; anything else (e.g. an organisation) → kind 'other', no region. */
export function splitAgencyId(agencyId: string | null | undefined): { kind: string; region: string | null } {
  const m = /^(enforcement|police|procuratorate|court):(\d{6})$/.exec(agencyId ?? '');
  if (!m) return { kind: 'other', region: null };
  return { kind: m[1]!, region: m[2]! };
}

/**
 * Where a step may be escalated (README "Escalation goes up"): to a superior office of the OWING office only —
 * the same kind, at a division that strictly contains the owing office's division, nearest first, one per level
 * (county PPCCDD → city PPCC00 → province PP0000 → national 000000). `police:210100` → police:210000,
 * police:000000. A national office, or an owing party that is no agency (an organisation), has no superior: [].
 */
export function escalationTargets(owingAgencyId: string): string[] {
  const { kind, region } = splitAgencyId(owingAgencyId);
  if (!region || kind === 'other') return [];
  const divisions = [`${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`, NATIONAL_REGION];
  return [...new Set(divisions)].filter((d) => d !== region && regionWithin(region, d)).map((d) => `${kind}:${d}`);
}

export type EscalationRefusal =
  | { code: 'no-superior'; message: string; allowed: string[] }
  | { code: 'not-a-superior'; message: string; allowed: string[] }
  | { code: 'already-escalated'; message: string; allowed: string[]; earlier: string };

/**
 * Whether a step owed by `owingAgencyId`, already escalated to `earlier` (targets, any order), may be escalated to
 * `toLevel`: the target must be a superior of the owing office (escalationTargets), each level is reached at most
 * once, and an escalation never goes down or sideways from the highest level already reached. Returns null when
 * allowed; the refusal names the targets still allowed.
 */
export function escalationRefusal(owingAgencyId: string, earlier: string[], toLevel: string): EscalationRefusal | null {
  const targets = escalationTargets(owingAgencyId);
  if (!targets.length) {
    return {
      code: 'no-superior',
      allowed: [],
      message: `${owingAgencyId} has no superior office to escalate to; press it or list the case for joint supervision.`,
    };
  }
  const reached = Math.max(-1, ...earlier.map((e) => targets.indexOf(e)));
  const allowed = targets.slice(reached + 1);
  const index = targets.indexOf(toLevel);
  if (index < 0) {
    return {
      code: 'not-a-superior',
      allowed,
      message: `${toLevel} is not a superior office of ${owingAgencyId}: an escalation goes up its own ${splitAgencyId(owingAgencyId).kind} hierarchy, to ${allowed.length ? allowed.join(' or ') : 'no further level (all were reached)'}.`,
    };
  }
  if (index <= reached) {
    const last = targets[reached]!;
    return {
      code: 'already-escalated',
      allowed,
      earlier: last,
      message: `This step was already escalated to ${last}${index < reached ? ', above ' + toLevel : ''}; ${allowed.length ? `escalate higher (${allowed.join(' or ')}) or press it` : 'press it: every level was reached'}.`,
    };
  }
  return null;
}

/**
 * Where an escalation goes by default: the owing agency's superior one level up the division hierarchy
 * (county PPCCDD → city PPCC00 → province PP0000 → national); null when it has none.
 */
export function escalationTarget(owingAgencyId: string): string | null {
  return escalationTargets(owingAgencyId)[0] ?? null;
}
