/**
 * OpenAPI schemas of the audit answers, written from the view types they describe (ledger-verifier.ts,
 * case-history.ts, case-state.projector.ts, rebuild-projection.ts, ledger.store.ts). Every property the
 * code sets is listed, nullable where it sets null, optional where it may leave it out; no other property
 * is allowed, so the fuzz run (test/fuzz) catches a view that grows without its schema.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { Json } from '@casebridge/platform';
import {
  ENFORCEMENT_TRANSFER_PHASES,
  FILING_SUPERVISION_PHASES,
  POLICE_MATTER_PHASES as POLICE_SUPERVISION_PHASES,
  POLICE_TRANSFER_PHASES,
  PROCURATORATE_COPY_PHASES as PROCURATORATE_COPY_STATUSES,
} from '@casebridge/flows';

const { string, integer, boolean, instant, day, nullable, list, object, mapOf, anyObject, any, enumOf } = Json;
const nstring = nullable(string);
const hash = { type: 'string', description: 'SHA-256, lowercase hex' } as SchemaObject;

export const PublicKeySchema = object({
  algorithm: enumOf(['Ed25519']),
  keyId: string,
  publicKeyPem: string,
  checkpointMessage: string,
  entryHashFormula: string,
  globalHashFormula: string,
  canonicalization: string,
});

const ENTRY_PROBLEMS = [
  'sequence-gap',
  'sequence-repeat',
  'prev-hash-mismatch',
  'content-hash-mismatch',
  'entry-hash-mismatch',
  'metadata-mismatch',
  'bad-envelope',
] as const;
const CHECKPOINT_PROBLEMS = ['bad-signature', 'unknown-key', 'bad-algorithm', 'head-mismatch', 'head-missing'] as const;
const entryProblem = object({
  seq: integer,
  linkedCaseId: string,
  caseSeq: integer,
  eventId: string,
  problem: enumOf(ENTRY_PROBLEMS),
  expected: string,
  found: string,
  detail: string,
});

export const VerifyReportSchema = object(
  {
    ok: boolean,
    scope: { type: 'string', description: '"all" or the linked case id' },
    verifiedAt: instant,
    entriesChecked: integer,
    casesChecked: integer,
    checkpointsChecked: integer,
    firstBroken: nullable(entryProblem),
    brokenCases: list(object({ linkedCaseId: string, firstBroken: entryProblem, problems: integer })),
    problems: list(entryProblem),
    problemCount: integer,
    gaps: list(object({ linkedCaseId: string, missingFrom: integer, missingTo: integer, beforeSeq: integer })),
    checkpointProblems: list(
      object(
        { id: integer, linkedCaseId: string, upToSeq: integer, problem: enumOf(CHECKPOINT_PROBLEMS), detail: string },
        { expected: string, found: string },
      ),
    ),
    unsignedHeads: integer,
    keyIds: list(string),
    durationMs: integer,
    entriesPerSecond: integer,
  },
  {
    head: {
      ...nullable(object({ caseSeq: integer, entryHash: hash, signedUpTo: integer })),
      description: 'one case only: its head and how far signed checkpoints cover it',
    },
  },
);

export const CheckpointsSchema = object({
  scope: { type: 'string', description: '"global" or the linked case id' },
  checkpoints: list(
    object({
      id: integer,
      linkedCaseId: string,
      upToSeq: integer,
      headHash: hash,
      createdAt: instant,
      algorithm: string,
      keyId: string,
      signature: string,
    }),
  ),
});

const count = mapOf(integer);
export const RebuildReportSchema = object({
  events: integer,
  cases: integer,
  durationMs: integer,
  eventsPerSecond: integer,
  viewMs: integer,
  asOf: instant,
  summary: object({
    phases: {
      ...mapOf(count),
      description: 'rows by phase for each section of every registered flow (libs/flows FLOWS): "police.transfers"',
    },
    penaltyClocks: count,
    runningDeadlines: integer,
    missedDeadlines: integer,
  }),
  unhandledTypes: list(string),
});

export const CaseHistorySchema = object({
  linkedCaseId: string,
  count: integer,
  head: object({ caseSeq: integer, entryHash: hash }),
  entries: list(
    object(
      {
        seq: integer,
        caseSeq: integer,
        eventId: string,
        type: string,
        who: object({ producer: object({ agencyId: string, kind: string }), officerId: string }),
        occurredAt: instant,
        recordedAt: instant,
        ingestedAt: instant,
        originalVersion: integer,
        currentVersion: integer,
        upcast: boolean,
        payload: anyObject,
        correlationId: nstring,
        causationId: nstring,
        hashes: object({ contentHash: hash, prevHash: hash, entryHash: hash }),
      },
      {
        originalPayload: { ...anyObject, description: 'the payload as received, when it was upcast' },
        upcastError: {
          type: 'string',
          description: 'the received form no longer decodes: payload is the received one',
        },
      },
    ),
  ),
});

const deadline = object({
  stepId: string,
  subjectId: string,
  ruleId: string,
  variant: string,
  owingAgencyId: string,
  status: enumOf(['running', 'suspended', 'missed', 'closed']),
  startedAt: nullable(instant),
  dueAt: instant,
  lastDay: nullable(day),
  msLeft: integer,
  timeLeft: string,
  warned: boolean,
  outcome: nstring,
  since: instant,
});

/**
 * An agency's sections of the case state: the registered flows' rows (libs/flows FLOWS) as listed here,
 * and any section of a flow registered since (a list of rows) — a new flow needs no schema change to be
 * answered, only to be described.
 */
const flowSections = (known: Record<string, SchemaObject>): SchemaObject => ({
  ...object(known),
  additionalProperties: list(anyObject),
});

export const CaseStateSchema = object(
  {
    linkedCaseId: string,
    asOf: instant,
    basis: enumOf(['recordedAt <= asOf']),
    exists: boolean,
    eventsApplied: integer,
    eventsRecordedLater: integer,
    lastApplied: nullable(object({ caseSeq: integer, eventId: string, type: string, recordedAt: instant })),
    case: nullable(
      object({
        caseId: string,
        caseNumber: string,
        enforcementAgencyId: string,
        region: string,
        party: object({ name: string, creditCode: string }),
        violation: string,
        discoveredAt: instant,
        registeredAt: instant,
        registeredBy: string,
        evidence: list(
          object({ evidenceId: string, kind: string, fileName: string, sha256: string, attachedAt: instant }),
        ),
      }),
    ),
    enforcement: flowSections({
      transfers: list(
        object({
          transferId: string,
          caseId: string,
          agencyId: string,
          phase: enumOf(ENFORCEMENT_TRANSFER_PHASES),
          since: instant,
          policeAgencyId: nstring,
          procuratorateAgencyId: nstring,
          reviewVariant: string,
          policeCaseNumber: nstring,
          missingMaterials: list(string),
          filingReviewOverdue: boolean,
          supervisionId: nstring,
        }),
      ),
      penaltyClock: nullable(
        object(
          {
            ruleId: enumOf(['penalty.decision-period']),
            status: enumOf(['running', 'suspended', 'overdue', 'unknown']),
            registeredAt: instant,
            dueAt: nullable(instant),
            lastDay: nullable(day),
            projected: boolean,
            msLeft: nullable(integer),
            remaining: nstring,
            suspensions: list(object({ from: instant, to: nullable(instant), reason: string })),
          },
          { provisionalYears: list(integer), error: string },
        ),
      ),
    }),
    police: flowSections({
      transfers: list(
        object({
          transferId: string,
          agencyId: string,
          phase: enumOf(POLICE_TRANSFER_PHASES),
          since: instant,
          fromAgencyId: string,
          receiptNumber: nstring,
          reviewVariant: string,
          policeCaseNumber: nstring,
        }),
      ),
      supervisions: list(
        object({
          supervisionId: string,
          transferId: string,
          agencyId: string,
          procuratorateAgencyId: string,
          phase: enumOf(POLICE_SUPERVISION_PHASES),
          since: instant,
          noticeNumber: nstring,
          correctionIssued: boolean,
        }),
      ),
    }),
    procuratorate: flowSections({
      transferCopies: list(
        object({
          transferId: string,
          agencyId: string,
          status: enumOf(PROCURATORATE_COPY_STATUSES),
          since: instant,
          policeAgencyId: string,
          reviewVariant: string,
          policeCaseNumber: nstring,
          supervisionRequested: boolean,
          supervisionGround: nstring,
          supervisionId: nstring,
        }),
      ),
      filingSupervisions: list(
        object({
          supervisionId: string,
          transferId: string,
          procuratorateAgencyId: string,
          policeAgencyId: string,
          ground: string,
          phase: enumOf(FILING_SUPERVISION_PHASES),
          since: instant,
          noticeNumber: nstring,
          policeFileOverdue: boolean,
          escalatedTo: nstring,
          policeCaseNumber: nstring,
        }),
      ),
      transferOpinions: list(
        object({
          transferId: string,
          caseId: string,
          procuratorateAgencyId: string,
          enforcementAgencyId: string,
          issuedAt: instant,
          transferSentAt: nullable(instant),
        }),
      ),
    }),
    supervision: object({
      acts: list(
        object({ type: string, at: instant, by: string, stepId: nstring, owingAgencyId: nstring, message: string }),
      ),
    }),
    otherActs: list(object({ type: string, at: instant, by: string, payload: any })),
    deadlines: object({
      running: list(deadline),
      suspended: list(deadline),
      missed: list(deadline),
      closed: list(deadline),
    }),
    unhandledTypes: list(string),
  },
  { court: { ...mapOf(list(anyObject)), description: "the court's sections, once a registered flow fills one" } },
);

/** The export file: JSON Lines or HTML (text; verifyExport checks the former). */
export const EXPORT_CONTENT: Record<string, { schema: SchemaObject }> = {
  'application/x-ndjson': { schema: { type: 'string', description: 'JSON Lines: header, entries, checkpoints, seal' } },
  'text/html': { schema: { type: 'string', description: 'the readable audit report' } },
};
