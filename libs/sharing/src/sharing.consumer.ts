import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  agencyIdKind,
  AGENCY_ID_PATTERN,
  type AgencyKind,
  type InformationSharedV2,
  type IntegrationEventEnvelope,
  type SharingContentDeliveredV1,
} from '@casebridge/contracts';
import { OnIntegrationEvent, RecordNotYetKnownError } from '@casebridge/messaging';
import { AccessGrant } from './access-grant.entity';
import { SharedEntry } from './shared-entry.entity';

export const SHARING_AGENCY_KIND = Symbol('SHARING_AGENCY_KIND');

/**
 * Grants `agencyId` access to the linked case for entry `entryId` (AccessGrant: made by the first entry, which names
 * `grantedBy`; later entries are added to it). Call inside the inbox transaction of the event that shares the entry.
 */
export async function grantEntry(
  manager: EntityManager,
  g: { linkedCaseId: string; agencyId: string; grantedBy: string; entryId: string; at: Date },
): Promise<void> {
  const grant = await manager.findOne(AccessGrant, {
    where: { linkedCaseId: g.linkedCaseId, agencyId: g.agencyId },
    lock: { mode: 'pessimistic_write' },
  });
  if (grant) {
    if (grant.entryIds.includes(g.entryId)) return;
    grant.entryIds = [...grant.entryIds, g.entryId];
    await manager.save(grant);
    return;
  }
  await manager.insert(AccessGrant, {
    linkedCaseId: g.linkedCaseId,
    agencyId: g.agencyId,
    grantedAt: g.at,
    grantedBy: g.grantedBy,
    entryIds: [g.entryId],
  });
}

/**
 * The receiving side of the shared record in one agency service, applied once per event (inbox):
 *  - sharing.information-shared (a reference, on the owner's topic that every consumer reads) grants each agency of
 *    this service's kind named in `sharedWith` access to the linked case (AccessGrant);
 *  - sharing.content-delivered (on this kind's private sharing topic only) stores the entry for each recipient that
 *    holds the grant of that entry; before the grant is known it waits (RecordNotYetKnownError: parked, re-driven),
 *    so a content never lands without its grant.
 */
@Injectable()
export class SharingConsumer {
  constructor(@Inject(SHARING_AGENCY_KIND) private readonly kind: AgencyKind) {}

  private mine(agencyId: string): boolean {
    return AGENCY_ID_PATTERN.test(agencyId) && agencyIdKind(agencyId) === this.kind;
  }

  @OnIntegrationEvent('sharing.information-shared')
  async shared(e: IntegrationEventEnvelope<InformationSharedV2>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    for (const agencyId of p.sharedWith.filter((a) => this.mine(a)))
      await grantEntry(manager, {
        linkedCaseId: e.linkedCaseId,
        agencyId,
        grantedBy: p.ownerAgencyId,
        entryId: p.entryId,
        at: new Date(e.occurredAt),
      });
  }

  @OnIntegrationEvent('sharing.content-delivered')
  async delivered(e: IntegrationEventEnvelope<SharingContentDeliveredV1>, manager: EntityManager): Promise<void> {
    const p = e.payload;
    if (p.recipientKind !== this.kind) return;
    for (const agencyId of p.recipients.filter((a) => this.mine(a))) {
      const grant = await manager.findOneBy(AccessGrant, { linkedCaseId: e.linkedCaseId, agencyId });
      if (!grant?.entryIds.includes(p.entryId))
        throw new RecordNotYetKnownError(
          `grant ${e.linkedCaseId}/${agencyId}`,
          `${e.type} ${e.eventId}: entry ${p.entryId} not (yet) granted to ${agencyId}`,
        );
      await manager
        .createQueryBuilder()
        .insert()
        .into(SharedEntry)
        .values({
          decisionId: p.decisionId,
          holderAgencyId: agencyId,
          entryId: p.entryId,
          linkedCaseId: e.linkedCaseId,
          decisionKind: p.decisionKind,
          decidedAt: new Date(p.decidedAt),
          ownerAgencyId: p.ownerAgencyId,
          ownerCaseNumber: p.ownerCaseNumber,
          detail: p.detail,
          content: p.content,
          partyName: p.partyName ?? null,
          partyIdNumber: p.partyIdNumber ?? null,
          partyAddress: p.partyAddress ?? null,
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
