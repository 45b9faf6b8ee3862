/**
 * OpenAPI schemas of the console answers that are not one of the view classes (views.ts), written from the
 * types console.queries.ts and actions.ts return: every property listed, nullable where null is returned,
 * optional where it may be absent, no other property allowed (the fuzz run checks real answers against them).
 */
import { getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { BilingualSchema, Json } from '@casebridge/platform';
import { STEP_STATUSES } from '../domain/status';
import { StepDetailView, TimelineView } from './views';

const { string, integer, boolean, instant, uuid, nullable, list, object, enumOf } = Json;
const nstring = nullable(string);

export const ScopeSchema = object({
  agencyId: string,
  agencyName: BilingualSchema,
  region: string,
  level: enumOf(['national', 'province', 'city', 'county']),
  scopeKey: { ...nstring, description: 'region prefix of your scope; null: national' },
  rule: string,
});

export const RulesSchema = list(
  object({
    id: string,
    title: string,
    titles: BilingualSchema,
    section: string,
    basisText: string,
    periodText: string,
  }),
);

const open = ['on-time', 'warning', 'overdue', 'stuck'] as const;
export const CountsSchema = object({
  totals: object({ ...Object.fromEntries(open.map((s) => [s, integer])), stuckAny: integer, open: integer }),
  byAgency: list(
    object({
      owingAgencyId: string,
      owingAgencyName: BilingualSchema,
      owingKind: string,
      owingRegion: nstring,
      counts: object(Object.fromEntries(STEP_STATUSES.map((s) => [s, integer]))),
      stuck: integer,
      total: integer,
    }),
  ),
});

/** press / escalate / joint listing: the event written to the outbox. */
export const ActionResultSchema = (extra: Record<string, SchemaObject>): SchemaObject =>
  object({ eventId: uuid, type: string, linkedCaseId: string, ...extra });
export const PressResultSchema = ActionResultSchema({ stepId: string, owingAgencyId: string });
export const EscalateResultSchema = ActionResultSchema({ stepId: string, toLevel: string });
export const JointListResultSchema = ActionResultSchema({});
export const JointMeetingResultSchema = ActionResultSchema({ round: integer, decisionIds: list(uuid) });

export const CaseViewSchema = object({
  linkedCaseId: string,
  caseNumber: nstring,
  partyName: nstring,
  originAgencyId: nstring,
  originAgencyName: nullable(BilingualSchema),
  jointListing: nullable(object({ listedAt: instant, reviewInterval: nstring, reason: nstring })),
  steps: list({ $ref: getSchemaPath(StepDetailView) } as SchemaObject),
  timeline: list({ $ref: getSchemaPath(TimelineView) } as SchemaObject),
});

export const ReconciliationSchema = object(
  {
    generatedAt: instant,
    unacknowledged: list(
      object({
        expectation: string,
        title: BilingualSchema,
        ruleId: nstring,
        basis: string,
        linkedCaseId: string,
        caseNumber: nstring,
        subjectId: string,
        openedBy: nstring,
        openedByName: nullable(BilingualSchema),
        openedByEvent: object({ eventId: nstring, type: nstring }),
        owedBy: nstring,
        owedByName: nullable(BilingualSchema),
        openedAt: instant,
        dueAt: nullable(instant),
        stepMissed: boolean,
        overdueByHours: nullable(integer),
      }),
    ),
    orphans: list(
      object({
        eventId: string,
        type: string,
        producer: string,
        producerName: BilingualSchema,
        occurredAt: instant,
        linkedCaseId: string,
        refersTo: object({ kind: string, id: string }),
        what: string,
        whatZh: string,
      }),
    ),
    deadLetters: list(
      object({
        id: { type: 'string', description: 'partition:offset in the dead-letter topic' },
        failedAt: string,
        consumerGroup: string,
        reason: string,
        detail: string,
        eventId: nstring,
        type: nstring,
        producer: nstring,
        linkedCaseId: nstring,
      }),
    ),
  },
  { deadLettersError: { type: 'string', description: 'the dead-letter topic could not be read' } },
);

/** GET /events: a Server-Sent Events stream (text). */
export const EventStreamSchema: SchemaObject = {
  type: 'string',
  description: 'text/event-stream: hello, change and ping messages',
};
