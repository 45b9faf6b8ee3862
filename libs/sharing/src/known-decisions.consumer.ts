import { Inject, Injectable, type Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AGENCY_ID_PATTERN,
  agencyIdKind,
  type AgencyKind,
  type CourtCaseDocketedV1,
  type CourtCaseNotAcceptedV1,
  type CourtJudgmentRenderedV2,
  type IntegrationEventEnvelope,
  type PilCaseOpenedV1,
  type PilRecommendationServedV1,
  type PilSuitFiledV1,
  type ProsecutionDecidedV1,
  type TransferFilingDecidedV1,
} from '@casebridge/contracts';
import { knownDecisionAddressee, knownDecisionOf, SHARED_DECISIONS } from '@casebridge/legal-time';
import { OnIntegrationEvent } from '@casebridge/messaging';
import { CASE_OWNERSHIP, type CaseOwnership } from './access/case-access';
import { SharedEntry } from './shared-entry.entity';
import { grantEntry, SHARING_AGENCY_KIND } from './sharing.consumer';

/** What a known decision's event says as an entry: the owner's case number and the decision's text. */
interface KnownEntryText {
  ownerCaseNumber: string;
  content: string;
}

/**
 * Decisions the system already knows from its own events (SHARED_DECISIONS knownFrom) are entered automatically: each
 * office of this service's kind that owns the linked case gets the entry, in the detail its kind is entitled to, and
 * so does the office the decision is addressed to (knownFrom.addressee: a PIL recommendation's agency, a suit's
 * court); when it owns nothing of the case yet it is also granted the linked case (AccessGrant, as a
 * sharing.information-shared would) so that it reads the case through "own or granted". (The sharing workflow meets their
 * sharing.platform-entry step at once.) One provider per known event type, so an app registers only those whose
 * producer topic it reads.
 */
abstract class KnownDecisionEntries {
  constructor(
    private readonly kind: AgencyKind,
    private readonly ownership: CaseOwnership,
  ) {}

  protected async enter(e: IntegrationEventEnvelope, manager: EntityManager, text: KnownEntryText): Promise<void> {
    const payload = e.payload as Record<string, unknown>;
    const decision = knownDecisionOf(e.type, payload);
    const detail = decision?.visibleTo[this.kind];
    if (!decision || !detail || agencyIdKind(e.producer.agencyId) === this.kind) return;
    const addressee = knownDecisionAddressee(decision, payload);
    const addressed =
      addressee && AGENCY_ID_PATTERN.test(addressee) && agencyIdKind(addressee) === this.kind ? addressee : null;
    const holders = new Set(await this.ownership.agenciesOn(manager, e.linkedCaseId));
    // an addressee that owns the case needs no grant: "own or granted" already lets an owner read the other
    // agencies' records on it as a granted office would (redacted), so only an addressee new to the case is granted
    if (addressed && !holders.has(addressed)) {
      holders.add(addressed);
      await grantEntry(manager, {
        linkedCaseId: e.linkedCaseId,
        agencyId: addressed,
        grantedBy: e.producer.agencyId,
        entryId: e.eventId,
        at: new Date(e.occurredAt),
      });
    }
    for (const agencyId of holders) {
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
          ownerCaseNumber: text.ownerCaseNumber.slice(0, 64),
          detail,
          content: detail === 'full' ? text.content : '',
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

/**
 * The entry text of each known event type (SHARED_DECISIONS knownFrom), and the name of its provider (the logs name a
 * handler by its class; the first two kept theirs).
 */
const KNOWN_ENTRY_TEXTS: Readonly<Record<string, { name: string; text: (p: never) => KnownEntryText }>> = {
  // police: 立案 / 不予立案
  'transfer.filing-decided': {
    name: 'FilingDecidedEntries',
    text: (p: TransferFilingDecidedV1) => ({
      ownerCaseNumber: p.policeCaseNumber ?? p.transferId,
      content: p.reasons ?? `立案 ${p.policeCaseNumber ?? ''}`,
    }),
  },
  // procuratorate: 起诉 / 不起诉
  'prosecution.decided': {
    name: 'ProsecutionDecidedEntries',
    text: (p: ProsecutionDecidedV1) => ({ ownerCaseNumber: p.prosecutionId, content: p.reasons ?? '' }),
  },
  // procuratorate: 公益诉讼立案 (the facts, for an entitled kind that sees them in full)
  'pil.case-opened': {
    name: 'PilCaseOpenedEntries',
    text: (p: PilCaseOpenedV1) => ({ ownerCaseNumber: p.pilCaseId, content: p.facts }),
  },
  // procuratorate: 诉前检察建议 (its document number and reply period; the text itself is served on the agency)
  'pil.recommendation-served': {
    name: 'PilRecommendationServedEntries',
    text: (p: PilRecommendationServedV1) => ({
      ownerCaseNumber: p.documentNumber,
      content: `诉前检察建议 ${p.documentNumber}：请于${p.variant === 'urgent' ? '15日' : '2个月'}内依法履职并书面回复（pil.agency-reply）`,
    }),
  },
  // procuratorate: 提起公益诉讼
  'pil.suit-filed': {
    name: 'PilSuitFiledEntries',
    text: (p: PilSuitFiledV1) => ({
      ownerCaseNumber: p.pilCaseId,
      content: `向 ${p.courtAgencyId} 提起${p.kind === 'administrative' ? '行政' : '民事'}公益诉讼`,
    }),
  },
  // court: 立案
  'court.case-docketed': {
    name: 'CourtCaseDocketedEntries',
    text: (p: CourtCaseDocketedV1) => ({
      ownerCaseNumber: p.docketNumber,
      content: `立案 ${p.docketNumber}（${p.track}，${p.procedure === 'simplified' ? '简易程序' : '普通程序'}）`,
    }),
  },
  // court: 不予受理
  'court.case-not-accepted': {
    name: 'CourtCaseNotAcceptedEntries',
    text: (p: CourtCaseNotAcceptedV1) => ({ ownerCaseNumber: p.courtCaseId, content: p.reasons }),
  },
  // court: 判决 (with its restoration order and the order's last day)
  'court.judgment-rendered': {
    name: 'CourtJudgmentRenderedEntries',
    text: (p: CourtJudgmentRenderedV2) => ({
      ownerCaseNumber: p.courtCaseId,
      content: [
        p.summary,
        p.restorationOrder ? `修复判项：${p.restorationOrder}` : '',
        p.restorationDueDate ? `履行期限至 ${p.restorationDueDate}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    }),
  },
};

/** The provider that enters the decisions one event type makes known (see KnownDecisionEntries). */
function knownDecisionEntries(eventType: string): Type<KnownDecisionEntries> {
  const { name, text } = KNOWN_ENTRY_TEXTS[eventType]!;
  @Injectable()
  class Entries extends KnownDecisionEntries {
    constructor(@Inject(SHARING_AGENCY_KIND) kind: AgencyKind, @Inject(CASE_OWNERSHIP) ownership: CaseOwnership) {
      super(kind, ownership);
    }
    @OnIntegrationEvent(eventType)
    decided(e: IntegrationEventEnvelope, manager: EntityManager): Promise<void> {
      return this.enter(e, manager, (text as (p: unknown) => KnownEntryText)(e.payload));
    }
  }
  Object.defineProperty(Entries, 'name', { value: name });
  return Entries;
}

/** One provider per known event type (created once: Nest tells providers apart by their class). */
const PROVIDERS: ReadonlyMap<string, Type<KnownDecisionEntries>> = new Map(
  Object.keys(KNOWN_ENTRY_TEXTS).map((t) => [t, knownDecisionEntries(t)]),
);

/** The event types whose decisions an agency kind sees when another kind makes them (what it must consume). */
export function knownDecisionEventTypesFor(kind: AgencyKind): string[] {
  return [
    ...new Set(
      SHARED_DECISIONS.flatMap((d) =>
        d.knownFrom && d.madeBy !== kind && d.visibleTo[kind] ? [d.knownFrom.eventType] : [],
      ),
    ),
  ];
}

/**
 * The known-decision providers an agency kind registers: those of decisions made by another kind it may see.
 * @throws Error when SHARED_DECISIONS names a known event type this file has no entry text for (a programming error).
 */
export function knownDecisionProviders(kind: AgencyKind): Type<KnownDecisionEntries>[] {
  return knownDecisionEventTypesFor(kind).map((t) => {
    const provider = PROVIDERS.get(t);
    if (!provider) throw new Error(`SHARED_DECISIONS: no entry text for the known event type '${t}'`);
    return provider;
  });
}
