/**
 * Need-to-know reads of the cooperation records (issue 12) through the one "own or granted" guard of libs/sharing
 * (@OwnOrGranted): a record's own readers are its parties (sender and recipients; asking and consulted agency;
 * participants and decision owners) and see the full view; an office that is not party but holds a grant on the
 * record's linked case (AccessGrant, fed by sharing events) or owns that case (records of its own on it: the app's
 * CaseOwnership, its own shared entries) sees the redacted view below, and its read is recorded
 * (sharing.data-read, detail `case-number`: the need-to-know view); anyone else gets 404 and no data.
 *
 * Redaction (allow-list, so a field added to a flow view stays hidden until it is listed here): a granted reader
 * learns that the act happened, who the parties are, when, and where it stands — never what was said.
 * - notification: id, linked case, sender, kind, notifiedAt, rule, phase; per recipient its agency, phase and
 *   acknowledgement time. Hidden: `content`, each recipient's `inquiryId`.
 * - consultation: id, linked case, asking and consulted agency, askedAt, repliedAt, phase, the number of
 *   attachments. Hidden: `question`, `reply`, `attachments` (file names, hashes, sizes).
 * - joint supervision: linked case, listedAt, review interval, participants, round; per round its opening, who
 *   reported when and the meeting's time; per decision its id, round, owner, due and done times; the `behind` flags.
 *   Hidden: `reason`, progress texts, meeting minutes, decision texts and notes.
 * A granted office reads what its own service holds: where none of the service's agencies is party, that is the
 * content-free copy CooperationConsumer keeps (the fields above and nothing said), so the redacted view is the same.
 * A joint supervision is kept only by the services of its participants and owners.
 */
import type { EntityManager } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import type { CaseAccessContext, RecordLookup, SharedRead } from '@casebridge/sharing';
import { laggingIn, type ConsultationView, type JointSupervisionView, type NotificationView } from '@casebridge/flows';
import { CooperationRecord, type RecordKind } from './cooperation-record.entity';
import { hasCopy, isMarker, notFoundOf, type RecordViews } from './cooperation.records';

/** The agency whose data a record is for the read log: the sender, the asking agency, the first participant. */
export function originatorOf<K extends RecordKind>(kind: K, view: RecordViews[K]): string {
  if (kind === 'notification') return (view as NotificationView).senderAgencyId;
  if (kind === 'consultation') return (view as ConsultationView).askingAgencyId;
  return (view as JointSupervisionView).participants[0] ?? '';
}

/** The redacted view of a record (see the module comment for what each kind keeps). */
export function redactedView<K extends RecordKind>(kind: K, view: RecordViews[K]): Record<string, unknown> {
  if (kind === 'notification') {
    const v = view as NotificationView;
    return {
      redacted: true,
      notificationId: v.notificationId,
      linkedCaseId: v.linkedCaseId,
      senderAgencyId: v.senderAgencyId,
      kind: v.kind,
      notifiedAt: v.notifiedAt,
      ruleId: v.ruleId,
      phase: v.phase,
      phaseAt: v.phaseAt,
      recipients: v.recipients.map((r) => ({
        agencyId: r.agencyId,
        phase: r.phase,
        phaseAt: r.phaseAt,
        acknowledgedAt: r.acknowledgedAt,
      })),
    };
  }
  if (kind === 'consultation') {
    const v = view as ConsultationView;
    return {
      redacted: true,
      consultationId: v.consultationId,
      linkedCaseId: v.linkedCaseId,
      askingAgencyId: v.askingAgencyId,
      consultedAgencyId: v.consultedAgencyId,
      askedAt: v.askedAt,
      repliedAt: v.repliedAt,
      phase: v.phase,
      phaseAt: v.phaseAt,
      attachmentCount: v.attachments.length,
    };
  }
  const v = view as JointSupervisionView;
  return {
    redacted: true,
    linkedCaseId: v.linkedCaseId,
    listedAt: v.listedAt,
    reviewInterval: v.reviewInterval,
    participants: v.participants,
    round: v.round,
    behind: laggingIn(v, v.round),
    rounds: v.rounds.map((r) => ({
      round: r.round,
      openedAt: r.openedAt,
      reported: Object.fromEntries(Object.entries(r.reports).map(([agencyId, x]) => [agencyId, { at: x.at }])),
      meetingAt: r.meeting?.at ?? null,
      behind: laggingIn(v, r.round),
    })),
    decisions: v.decisions.map((d) => ({
      decisionId: d.decisionId,
      round: d.round,
      ownerAgencyId: d.ownerAgencyId,
      dueAt: d.dueAt,
      doneAt: d.doneAt,
    })),
  };
}

/**
 * RecordLookup of one record by its id (the route's path parameter): its linked case, and as owner the caller
 * itself when it is party (the guard's "own"), else the record's originator (then a grant on the linked case is
 * needed). null (404) when the service holds no such record.
 */
export function recordLookup(kind: RecordKind): RecordLookup {
  return async (manager, id, callerAgencyId) => {
    const row = await manager.findOneBy(CooperationRecord, { kind, id });
    if (!row || (isMarker(row) && !hasCopy(row))) return null;
    return {
      linkedCaseId: row.linkedCaseId,
      ownerAgencyId: row.parties.includes(callerAgencyId)
        ? callerAgencyId
        : originatorOf(kind, row.view as unknown as RecordViews[typeof kind]),
    };
  };
}

/**
 * RecordLookup of a list's linked-case filter: "own" when the caller is party to a record of `kind` of that case,
 * else the newest record's originator (a grant on the case is needed); null (404) when the service holds none.
 */
export function caseRecordsLookup(kind: RecordKind): RecordLookup {
  return async (manager, linkedCaseId, callerAgencyId) => {
    const party = await partyQuery(manager, kind, callerAgencyId).andWhere('r.linkedCaseId = :linkedCaseId', {
      linkedCaseId,
    });
    if (await party.getExists()) return { linkedCaseId, ownerAgencyId: callerAgencyId };
    const newest = await recordsQuery(manager, kind)
      .andWhere('r.linkedCaseId = :linkedCaseId', { linkedCaseId })
      .orderBy('r.updatedAt', 'DESC')
      .getOne();
    return newest
      ? { linkedCaseId, ownerAgencyId: originatorOf(kind, newest.view as unknown as RecordViews[typeof kind]) }
      : null;
  };
}

/** The records of `kind` this service holds: those it is party to and its content-free copies, bare markers left out. */
function recordsQuery(manager: EntityManager, kind: RecordKind) {
  return manager
    .createQueryBuilder(CooperationRecord, 'r')
    .where("r.kind = :kind AND (r.parties <> '[]'::jsonb OR r.view <> '{}'::jsonb)", { kind });
}

function partyQuery(manager: EntityManager, kind: RecordKind, agencyId: string) {
  return recordsQuery(manager, kind).andWhere('r.parties @> :party::jsonb', { party: JSON.stringify([agencyId]) });
}

/** Whether the guard found a grant (not ownership) on `linkedCaseId` for this request. */
export function grantedOn(access: CaseAccessContext | undefined, linkedCaseId: string): boolean {
  return access?.basis === 'granted' && access.linkedCaseId === linkedCaseId;
}

/**
 * A record as `officer` may read it: the full view for a party; the redacted view when `granted` (the office holds
 * a grant on the record's linked case; the read added to `reads`, recorded by the guard's interceptor); otherwise
 * 404 with the kind's code.
 */
export function readRecord<K extends RecordKind>(
  kind: K,
  row: CooperationRecord | null,
  officer: OfficerClaims,
  granted: boolean,
  reads: SharedRead[],
): RecordViews[K] | Record<string, unknown> {
  // a party's record, or a content-free copy (no parties) that only a granted office reads, redacted
  const view = row && (!isMarker(row) || hasCopy(row)) ? (row.view as unknown as RecordViews[K]) : undefined;
  if (row && view && row.parties.includes(officer.agencyId)) return view;
  if (row && view && granted) {
    reads.push({ ownerAgencyId: originatorOf(kind, view), detail: 'case-number' });
    return redactedView(kind, view);
  }
  throw notFoundOf(kind, row?.id ?? '');
}

/**
 * The records of `kind` an officer may list, newest first (at most 200): without a linked case, those its agency
 * is party to (full views); with one (the guard checked it), the case's records — full where the agency is
 * party, redacted for the others when `granted` (the office holds a grant on the case; each a recorded read).
 */
export async function readableRecords<K extends RecordKind>(
  manager: EntityManager,
  kind: K,
  officer: OfficerClaims,
  granted: boolean,
  reads: SharedRead[],
  linkedCaseId?: string,
): Promise<(RecordViews[K] | Record<string, unknown>)[]> {
  const q =
    granted && linkedCaseId !== undefined ? recordsQuery(manager, kind) : partyQuery(manager, kind, officer.agencyId);
  if (linkedCaseId !== undefined) q.andWhere('r.linkedCaseId = :linkedCaseId', { linkedCaseId });
  const rows = await q.orderBy('r.updatedAt', 'DESC').take(200).getMany();
  return rows.map((row) => readRecord(kind, row, officer, granted, reads));
}
