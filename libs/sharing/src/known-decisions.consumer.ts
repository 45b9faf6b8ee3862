import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  agencyIdKind,
  type AgencyKind,
  type IntegrationEventEnvelope,
  type ProsecutionDecidedV1,
  type TransferFilingDecidedV1,
} from '@casebridge/contracts';
import { knownDecisionOf, SHARED_DECISIONS } from '@casebridge/legal-time';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { CASE_OWNERSHIP, type CaseOwnership } from './access/case-access';
import { SharedEntry } from './shared-entry.entity';
import { SHARING_AGENCY_KIND } from './sharing.consumer';

/**
 * Decisions the system already knows from its own events (SHARED_DECISIONS knownFrom) are entered automatically: each
 * office of this service's kind that owns the linked case gets the entry, in the detail its kind is entitled to.
 * (The sharing workflow meets their sharing.platform-entry step at once.) One provider per known event type, so an
 * app registers only those whose producer topic it reads.
 */
abstract class KnownDecisionEntries {
  constructor(
    private readonly kind: AgencyKind,
    private readonly ownership: CaseOwnership,
  ) {}

  protected async enter(
    e: IntegrationEventEnvelope,
    manager: EntityManager,
    ownerCaseNumber: string,
    content: string,
  ): Promise<void> {
    const decision = knownDecisionOf(e.type, e.payload as Record<string, unknown>);
    const detail = decision?.visibleTo[this.kind];
    if (!decision || !detail || agencyIdKind(e.producer.agencyId) === this.kind) return;
    for (const agencyId of await this.ownership.agenciesOn(manager, e.linkedCaseId)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(SharedEntry)
        .values({
          decisionId: e.eventId,
          holderAgencyId: agencyId,
          entryId: e.eventId,
          linkedCaseId: e.linkedCaseId,
          decisionKind: decision.kind,
          decidedAt: new Date(e.occurredAt),
          ownerAgencyId: e.producer.agencyId,
          ownerCaseNumber: ownerCaseNumber.slice(0, 64),
          detail,
          content: detail === 'full' ? content : '',
          partyName: null,
          partyIdNumber: null,
          partyAddress: null,
          sharedWith: [agencyId],
          contentHash: null,
          recordedAt: new Date(e.occurredAt),
          enteredAt: new Date(e.occurredAt),
        })
        .orIgnore()
        .execute();
    }
  }
}

/** A police filing decision (立案 / 不予立案) entered for the enforcement and procuratorate offices of the case. */
@Injectable()
export class FilingDecidedEntries extends KnownDecisionEntries {
  constructor(@Inject(SHARING_AGENCY_KIND) kind: AgencyKind, @Inject(CASE_OWNERSHIP) ownership: CaseOwnership) {
    super(kind, ownership);
  }
  @OnIntegrationEvent('transfer.filing-decided')
  decided(e: IntegrationEventEnvelope<TransferFilingDecidedV1>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    return this.enter(e, manager, p.policeCaseNumber ?? p.transferId, p.reasons ?? `立案 ${p.policeCaseNumber ?? ''}`);
  }
}

/** A prosecution decision (起诉 / 不起诉) entered for the police and enforcement offices of the case. */
@Injectable()
export class ProsecutionDecidedEntries extends KnownDecisionEntries {
  constructor(@Inject(SHARING_AGENCY_KIND) kind: AgencyKind, @Inject(CASE_OWNERSHIP) ownership: CaseOwnership) {
    super(kind, ownership);
  }
  @OnIntegrationEvent('prosecution.decided')
  decided(e: IntegrationEventEnvelope<ProsecutionDecidedV1>, manager: EntityManager): Promise<void> {
    return this.enter(e, manager, e.payload.prosecutionId, e.payload.reasons ?? '');
  }
}

/** The known-decision providers an agency kind registers: those of decisions made by another kind it may see. */
export function knownDecisionProviders(
  kind: AgencyKind,
): (typeof FilingDecidedEntries | typeof ProsecutionDecidedEntries)[] {
  const visible = (eventType: string) =>
    SHARED_DECISIONS.some((d) => d.knownFrom?.eventType === eventType && d.madeBy !== kind && d.visibleTo[kind]);
  return [
    ...(visible('transfer.filing-decided') ? [FilingDecidedEntries] : []),
    ...(visible('prosecution.decided') ? [ProsecutionDecidedEntries] : []),
  ];
}
