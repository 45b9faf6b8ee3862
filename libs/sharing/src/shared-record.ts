import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  agencyIdKind,
  DomainError,
  ErrorCodes,
  InformationShared,
  SharingContentDelivered,
  SharingDecisionRecorded,
  type AgencyKind,
  type SharingContentDeliveredV1,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { sharedDecision, type SharedDetail } from '@casebridge/legal-time';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { SharedEntry } from './shared-entry.entity';

/** What an agency records of its own decision (the full record stays in its own database). */
export interface DecisionInput {
  decisionKind: string;
  /** ISO-8601 with offset; not in the future */
  decidedAt: string;
  ownerCaseNumber: string;
  content: string;
  partyName?: string;
  partyIdNumber?: string;
  partyAddress?: string;
}

/** Clock skew allowed for a decision date (ms). */
const SKEW_MS = 5 * 60_000;

function notFound(linkedCaseId: string): DomainError {
  return new DomainError(
    ErrorCodes.sharingNotFound,
    'not-found',
    `Linked case ${linkedCaseId} has no such decision of your office.`,
  );
}

/** SHA-256 hex of a decision's text: what sharing.information-shared announces and recipients can check. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * The entry one recipient kind gets (SHARED_DECISIONS visibleTo): everything for `full`; for `case-number` the
 * decision's kind, date and the owner's case number only — no text, no party details.
 */
export function redactFor(
  entry: SharedEntry,
  detail: SharedDetail,
): Pick<SharingContentDeliveredV1, 'detail' | 'content' | 'partyName' | 'partyIdNumber' | 'partyAddress'> {
  if (detail === 'case-number') return { detail, content: '' };
  return {
    detail,
    content: entry.content,
    ...(entry.partyName ? { partyName: entry.partyName } : {}),
    ...(entry.partyIdNumber ? { partyIdNumber: entry.partyIdNumber } : {}),
    ...(entry.partyAddress ? { partyAddress: entry.partyAddress } : {}),
  };
}

/**
 * The shared record's commands of an agency (信息共享, flows.md §5; sharing.platform-entry, E17 art 34): record a
 * decision (starts the 7-day step), enter it (a reference and the grants to every consumer, the content — redacted
 * per recipient kind — only to the entitled kinds' private topics). State and events in one transaction (outbox).
 */
@Injectable()
export class SharedRecord {
  constructor(private readonly outbox: TransactionalOutbox) {}

  /**
   * Records the officer's agency's decision under a new id (UUIDv7, assigned here): 400
   * SHARING.DECISION_KIND_NOT_ALLOWED / DECIDED_IN_FUTURE. The id is never the caller's: one id names one decision on
   * every service and in the sharing workflow (its step and every recipient's copy are keyed by it), and no service
   * can check another's ids (trial 7: two agencies recorded one client-chosen id on one case, and the second decision
   * lost its step and its copy).
   */
  record(officer: OfficerClaims, linkedCaseId: string, input: DecisionInput): Promise<{ decisionId: string }> {
    const kind = sharedDecision(input.decisionKind);
    if (!kind || kind.madeBy !== officer.agencyKind)
      throw new DomainError(
        ErrorCodes.sharingDecisionKind,
        'invalid',
        `${/^[aeiou]/.test(officer.agencyKind) ? 'An' : 'A'} ${officer.agencyKind} office does not enter '${input.decisionKind}' on the shared record (E17 art 34).`,
      );
    const decidedAt = new Date(input.decidedAt);
    if (decidedAt.getTime() > Date.now() + SKEW_MS)
      throw new DomainError(ErrorCodes.sharingDecidedAt, 'invalid', 'decidedAt is in the future.');
    const decisionId = uuidv7();
    return this.outbox.run(async (tx) => {
      await tx.manager.insert(SharedEntry, {
        decisionId,
        holderAgencyId: officer.agencyId,
        entryId: null,
        linkedCaseId,
        decisionKind: kind.kind,
        decidedAt,
        ownerAgencyId: officer.agencyId,
        ownerCaseNumber: input.ownerCaseNumber,
        detail: 'own',
        content: input.content,
        partyName: input.partyName ?? null,
        partyIdNumber: input.partyIdNumber ?? null,
        partyAddress: input.partyAddress ?? null,
        sharedWith: [],
        contentHash: null,
        recordedAt: new Date(),
        enteredAt: null,
      });
      publishAs(tx, officer, SharingDecisionRecorded, linkedCaseId, {
        decisionId,
        decisionKind: kind.kind,
        decidedAt: decidedAt.toISOString(),
      });
      return { decisionId };
    });
  }

  /**
   * Enters a recorded decision on the shared record for `sharedWith`: 404 SHARING.NOT_FOUND (not the caller's),
   * 409 SHARING.ALREADY_DONE, 400 SHARING.RECIPIENT_NOT_ENTITLED (a kind the decision is not visible to, or self).
   */
  enter(
    officer: OfficerClaims,
    linkedCaseId: string,
    decisionId: string,
    sharedWith: string[],
  ): Promise<{ entryId: string }> {
    return this.outbox.run(async (tx) => {
      const own = await this.ownDecision(tx.manager, officer, linkedCaseId, decisionId);
      if (own.entryId)
        throw new DomainError(ErrorCodes.sharingAlreadyDone, 'conflict', `Decision ${decisionId} is already entered.`);
      const kind = sharedDecision(own.decisionKind)!;
      const recipients = [...new Set(sharedWith)];
      const byKind = new Map<AgencyKind, string[]>();
      for (const agencyId of recipients) {
        const k = agencyIdKind(agencyId);
        if (agencyId === officer.agencyId || !kind.visibleTo[k])
          throw new DomainError(
            ErrorCodes.sharingRecipient,
            'invalid',
            `${agencyId} is not entitled to '${kind.kind}' (visible to: ${Object.keys(kind.visibleTo).join(', ')}).`,
          );
        byKind.set(k, [...(byKind.get(k) ?? []), agencyId]);
      }
      const entryId = uuidv7();
      own.entryId = entryId;
      own.sharedWith = recipients;
      own.contentHash = contentHash(own.content);
      own.enteredAt = new Date();
      await tx.manager.save(own);
      const ref = {
        entryId,
        // the stored id (PostgreSQL's lower-case form), never the path's spelling: the workflow keys the step by it
        decisionId: own.decisionId,
        decisionKind: own.decisionKind,
        decidedAt: own.decidedAt.toISOString(),
        ownerAgencyId: officer.agencyId,
      };
      publishAs(tx, officer, InformationShared, linkedCaseId, {
        ...ref,
        sharedWith: recipients,
        contentHash: own.contentHash,
      });
      for (const [recipientKind, agencies] of byKind) {
        publishAs(tx, officer, SharingContentDelivered, linkedCaseId, {
          ...ref,
          recipientKind,
          recipients: agencies,
          ownerCaseNumber: own.ownerCaseNumber,
          ...redactFor(own, kind.visibleTo[recipientKind]!),
        });
      }
      return { entryId };
    });
  }

  private async ownDecision(
    manager: EntityManager,
    officer: OfficerClaims,
    linkedCaseId: string,
    decisionId: string,
  ): Promise<SharedEntry> {
    const own = await manager.findOne(SharedEntry, {
      where: { decisionId, holderAgencyId: officer.agencyId, ownerAgencyId: officer.agencyId, linkedCaseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!own) throw notFound(linkedCaseId);
    return own;
  }
}
