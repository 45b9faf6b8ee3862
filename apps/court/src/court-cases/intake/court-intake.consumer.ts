import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  CourtCaseReceived,
  courtFor,
  type CourtCaseSource,
  type CourtTrack,
  type EdcConfirmationAppliedV1,
  type EdcSuitFiledV1,
  type IntegrationEventEnvelope,
  type PilSuitFiledV1,
  type ProsecutionDecidedV1,
} from '@casebridge/contracts';
import { competentCourt, environmentalJurisdiction } from '@casebridge/directory';
import { OnIntegrationEvent, publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { entry, eventEntry } from '@casebridge/platform';
import { CourtCase } from '../court-case.entity';

/** What arrives at the court, whatever flow sent it. */
export interface Intake {
  source: CourtCaseSource;
  sourceId: string;
  track: CourtTrack;
  pilKind?: 'administrative' | 'civil';
  /** the court the plaintiff addressed */
  addressedTo: string;
  plaintiffAgencyId: string;
  claim: string | null;
  what: string;
}

/** The actor of the court's own intake records. */
const INTAKE_OFFICER = 'system:court-intake';

/**
 * Receives the cases other flows send to court: an indictment (prosecution.decided, outcome indicted), a PIL suit
 * (pil.suit-filed), an EDC suit (edc.suit-filed) or an EDC confirmation application (edc.confirmation-applied).
 * Each becomes a case of the court it is addressed to: the senders pick it by the jurisdiction map (集中管辖;
 * `courtOfSender`). As a guard, one addressed to a court the map does not allow the plaintiff (`courtFor`; e.g. an
 * event written before the map changed) is forwarded to the court the map gives the plaintiff's region, and says so.
 * The record and court.case-received (which starts court.docket) are written in the inbox transaction of the event.
 */
@Injectable()
export class CourtIntakeConsumer {
  private readonly logger = new Logger(CourtIntakeConsumer.name);

  constructor(private readonly outbox: TransactionalOutbox) {}

  @OnIntegrationEvent('prosecution.decided')
  async indicted(e: IntegrationEventEnvelope<ProsecutionDecidedV1>, manager: EntityManager): Promise<void> {
    if (e.payload.outcome !== 'indicted') return;
    if (!e.payload.courtAgencyId) {
      this.logger.warn(`indictment ${e.eventId} names no court; ignored`);
      return;
    }
    await this.receive(e, manager, {
      source: 'prosecution',
      sourceId: e.payload.prosecutionId,
      track: 'criminal',
      addressedTo: e.payload.courtAgencyId,
      plaintiffAgencyId: e.producer.agencyId,
      claim: e.payload.reasons ?? null,
      what: 'indictment received (公诉)',
    });
  }

  @OnIntegrationEvent('pil.suit-filed')
  async pilSuit(e: IntegrationEventEnvelope<PilSuitFiledV1>, manager: EntityManager): Promise<void> {
    await this.receive(e, manager, {
      source: 'pil',
      sourceId: e.payload.pilCaseId,
      track: e.payload.kind,
      pilKind: e.payload.kind,
      addressedTo: e.payload.courtAgencyId,
      plaintiffAgencyId: e.producer.agencyId,
      claim: null,
      what: `${e.payload.kind} public-interest suit received`,
    });
  }

  @OnIntegrationEvent('edc.suit-filed')
  async edcSuit(e: IntegrationEventEnvelope<EdcSuitFiledV1>, manager: EntityManager): Promise<void> {
    await this.receive(e, manager, {
      source: 'edc-suit',
      sourceId: e.payload.edcCaseId,
      track: 'civil',
      addressedTo: e.payload.courtAgencyId,
      plaintiffAgencyId: e.payload.claimantAgencyId,
      claim: e.payload.claim,
      what: 'damage compensation suit received',
    });
  }

  @OnIntegrationEvent('edc.confirmation-applied')
  async edcConfirmation(e: IntegrationEventEnvelope<EdcConfirmationAppliedV1>, manager: EntityManager): Promise<void> {
    await this.receive(e, manager, {
      source: 'edc-confirmation',
      sourceId: e.payload.edcCaseId,
      track: 'civil',
      addressedTo: e.payload.courtAgencyId,
      plaintiffAgencyId: e.payload.claimantAgencyId,
      claim: e.payload.agreementSummary,
      what: 'application for judicial confirmation of a compensation agreement received',
    });
  }

  private async receive(e: IntegrationEventEnvelope, manager: EntityManager, intake: Intake): Promise<void> {
    const known = await manager.findOneBy(CourtCase, { source: intake.source, sourceId: intake.sourceId });
    if (known) {
      this.logger.warn(`${e.type} ${e.eventId}: ${intake.source} ${intake.sourceId} is already before the court`);
      return;
    }
    const courtAgencyId =
      courtFor(intake.plaintiffAgencyId, intake.addressedTo, environmentalJurisdiction()) ??
      competentCourt(intake.plaintiffAgencyId);
    const forwarded = courtAgencyId !== intake.addressedTo;
    const now = new Date();
    const c = manager.create(CourtCase, {
      courtCaseId: uuidv7(),
      courtAgencyId,
      addressedTo: intake.addressedTo,
      source: intake.source,
      sourceId: intake.sourceId,
      linkedCaseId: e.linkedCaseId,
      track: intake.track,
      pilKind: intake.pilKind ?? null,
      plaintiffAgencyId: intake.plaintiffAgencyId,
      claim: intake.claim,
      phase: 'received',
      previousPhase: null,
      phaseAt: now,
      restorationStatus: 'none',
      restorationRecords: [],
      timeline: [
        eventEntry(e, intake.what, intake.claim),
        ...(forwarded
          ? [
              entry(
                `addressed to ${intake.addressedTo}; forwarded to ${courtAgencyId}, which holds environmental jurisdiction for ${intake.plaintiffAgencyId} (集中管辖)`,
                INTAKE_OFFICER,
                now,
              ),
            ]
          : []),
      ],
      receivedAt: now,
    });
    await this.outbox.run(
      async (tx) => {
        await tx.manager.save(c);
        publishAs(
          tx,
          { sub: INTAKE_OFFICER, agencyId: courtAgencyId },
          CourtCaseReceived,
          e.linkedCaseId,
          {
            courtCaseId: c.courtCaseId,
            source: intake.source,
            sourceId: intake.sourceId,
            track: intake.track,
            plaintiffAgencyId: intake.plaintiffAgencyId,
            ...(intake.pilKind ? { pilKind: intake.pilKind } : {}),
          },
          { causedBy: e },
        );
      },
      { manager },
    );
  }
}
