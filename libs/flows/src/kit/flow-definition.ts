/**
 * What a generic reader (the audit projector, supervision) needs of a flow, as one definition per flow:
 * its name, the event types its views fold, the subject an event is about, its phases, and the audit's
 * view of one subject (`evolve`) with the rows each agency had on file. `defineFlow` erases the flow's
 * own types so that the registry (../registry.ts) can list every flow in one array. Pure.
 */
import type { ExpectationRule } from './expectations';
import type { FlowEvent } from './flow-event';

/** One row of an agency's section of the audit's case state (GET /cases/:id/state): plain JSON. */
export type AuditRow = Readonly<Record<string, unknown>>;

/** Rows by agency kind and section name: `{ police: { supervisions: [row, …] } }`. */
export type AuditRows = Readonly<Record<string, Readonly<Record<string, readonly AuditRow[]>>>>;

/** What the audit knows of the linked case besides the flows' events (from case.registered). */
export interface AuditCaseContext {
  /** the administrative case, once registered: which case and which enforcement agency owns it */
  readonly case: { readonly caseId: string; readonly enforcementAgencyId: string } | null;
}

/** One flow as its own module defines it (typed by its event union E and audit view A). */
export interface FlowDefinition<E extends FlowEvent, A> {
  /** the flow's name: 'transfer', 'filing-supervision' (unique in the registry) */
  readonly name: string;
  /** every event type the flow's views fold (libs/contracts type strings) */
  readonly eventTypes: readonly E['type'][];
  readonly isEvent: (e: FlowEvent) => e is E;
  /** the subject (transferId, supervisionId …) an event is about, or null when this event is about none of the flow's */
  readonly subjectOf: (e: E) => string | null;
  /** the phases of each holder's view, by holder ('enforcement', 'police', 'procuratorate' …) */
  readonly phases: Readonly<Record<string, readonly string[]>>;
  readonly audit: {
    /** the sections the flow fills, by agency kind: `{ police: ['supervisions'] }` (listed even when empty) */
    readonly sections: Readonly<Record<string, readonly string[]>>;
    /** the audit's view of one subject before its first event */
    readonly empty: A;
    /** the audit's view of one subject after one more event (pure; the later-act rule is the views') */
    readonly evolve: (view: A, e: E, ctx: AuditCaseContext) => A;
    /** what each agency had on file about the subject, as rows of its sections (only the declared ones) */
    readonly rows: (view: A) => AuditRows;
  };
  /** what supervision reads of the flow: its reconciliation expectations (GET /reconciliation) */
  readonly supervision?: { readonly expectations: readonly ExpectationRule[] };
}

/** A flow as the registry holds it: the same definition with its types erased (events are narrowed inside). */
export interface RegisteredFlow {
  readonly name: string;
  readonly eventTypes: readonly string[];
  readonly phases: Readonly<Record<string, readonly string[]>>;
  /** the subject an event is about; null when it is not one of the flow's events or about none of its subjects */
  readonly subjectOf: (e: FlowEvent) => string | null;
  readonly audit: {
    readonly sections: Readonly<Record<string, readonly string[]>>;
    readonly empty: unknown;
    /** the view unchanged for an event that is not the flow's */
    readonly evolve: (view: unknown, e: FlowEvent, ctx: AuditCaseContext) => unknown;
    readonly rows: (view: unknown) => AuditRows;
  };
  readonly supervision: { readonly expectations: readonly ExpectationRule[] };
}

/**
 * A flow's definition as the registry lists it. The view handed to `evolve` and `rows` is always one this
 * flow's `empty`/`evolve` made (the registry keeps one map of views per flow), hence the casts.
 */
export function defineFlow<E extends FlowEvent, A>(d: FlowDefinition<E, A>): RegisteredFlow {
  return {
    name: d.name,
    eventTypes: d.eventTypes,
    phases: d.phases,
    subjectOf: (e) => (d.isEvent(e) ? d.subjectOf(e) : null),
    audit: {
      sections: d.audit.sections,
      empty: d.audit.empty,
      evolve: (view, e, ctx) => (d.isEvent(e) ? d.audit.evolve(view as A, e, ctx) : view),
      rows: (view) => d.audit.rows(view as A),
    },
    supervision: { expectations: d.supervision?.expectations ?? [] },
  };
}

/**
 * One audit row of a phased view (kit/later-act-wins.ts `Phased`): the view's fields as plain JSON, with
 * `phaseAt` answered as `since` (ISO-8601, '' when not known) like the transfer's and the supervision's rows.
 * An absent view gives no row.
 */
export function phasedRows<V extends { phaseAt: string | null }>(view: V | null): AuditRow[] {
  if (!view) return [];
  const { phaseAt, ...rest } = structuredClone(view);
  return [{ ...rest, since: phaseAt ?? '' }];
}

/** The agency kinds the audit's case state answers sections for (an agency id's prefix: `police:210100`). */
export const AUDIT_AGENCY_KINDS = ['enforcement', 'police', 'procuratorate', 'court'] as const;

/**
 * The rows of a view every party sees alike (a notification, a consultation, a joint supervision): `row` once
 * for each party, with its `agencyId` and `role`, in `section` of the party's agency kind (the id's prefix).
 * Every kind of `kinds` is present (empty when no party of it, or no row); a party of another kind gets no row.
 */
export function partyRows(
  section: string,
  kinds: readonly string[],
  row: AuditRow | null,
  parties: readonly { agencyId: string; role: string }[],
): Record<string, Record<string, AuditRow[]>> {
  const out: Record<string, Record<string, AuditRow[]>> = Object.fromEntries(kinds.map((k) => [k, { [section]: [] }]));
  if (row) for (const p of parties) out[p.agencyId.split(':')[0]!]?.[section]!.push({ ...structuredClone(row), ...p });
  return out;
}
