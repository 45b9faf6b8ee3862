import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { MESSAGING_KAFKA, readDeadLetters, TopicNames } from '@casebridge/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { OfficerClaims } from '@casebridge/auth';
import { agencyDirectory, ruleTitle, type Bilingual } from '@casebridge/directory';
import { caseNotFound, stepNotFound } from '../domain/errors';
import { legalTime } from '../domain/legal';
import { EXPECTATION_RULES } from '../domain/reconciliation';
import { regionWithin, scopeLevel, supervisorScopeKey, visibleTo } from '../domain/region';
import { SupervisionSettings } from '../settings';
import { SupervisionCase, SupervisionStep, TimelineEvent } from '../projection/entities';
import { countSteps, listSteps, type AgencyCount, type StepFilter } from './step-query';
import {
  stepDetailView,
  stepView,
  timelineView,
  type StepDetailView,
  type StepPage,
  type StepView,
  type TimelineView,
} from './views';

export interface CaseView {
  linkedCaseId: string;
  caseNumber: string | null;
  partyName: string | null;
  originAgencyId: string | null;
  originAgencyName: Bilingual | null;
  jointListing: { listedAt: string; reviewInterval: string | null; reason: string | null } | null;
  steps: StepDetailView[];
  timeline: TimelineView[];
}

export interface Outstanding {
  expectation: string;
  title: { en: string; zh: string };
  ruleId: string | null;
  basis: string;
  linkedCaseId: string;
  caseNumber: string | null;
  subjectId: string;
  openedBy: string | null;
  openedByName: Bilingual | null;
  openedByEvent: { eventId: string | null; type: string | null };
  owedBy: string | null;
  owedByName: Bilingual | null;
  openedAt: string;
  dueAt: string | null;
  /** the statutory step of the same rule was reported missed by the workflow */
  stepMissed: boolean;
  overdueByHours: number | null;
}

/**
 * An event a consumer group gave up on (the dead-letter topic): nothing applied it there, so a statutory
 * clock or an agency's view may miss it until an operator replays it (`npm run dead-letters -- replay --id <id>`).
 */
export interface DeadLetterView {
  /** `partition:offset` in the dead-letter topic: the id the dead-letters command replays. */
  id: string;
  failedAt: string;
  consumerGroup: string;
  reason: string;
  detail: string;
  eventId: string | null;
  type: string | null;
  producer: string | null;
  linkedCaseId: string | null;
}

export interface Orphan {
  eventId: string;
  type: string;
  producer: string;
  producerName: Bilingual;
  occurredAt: string;
  linkedCaseId: string;
  refersTo: { kind: string; id: string };
  what: string;
  whatZh: string;
}

/** Read side of the console: everything scoped by the supervisor's region (domain/region.ts). */
@Injectable()
export class ConsoleQueries {
  private readonly logger = new Logger('ConsoleQueries');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: SupervisionSettings,
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    private readonly topics: TopicNames,
  ) {}

  scope(o: OfficerClaims): {
    agencyId: string;
    agencyName: Bilingual;
    region: string;
    level: string;
    scopeKey: string | null;
    rule: string;
  } {
    return {
      agencyId: o.agencyId,
      agencyName: agencyDirectory().names(o.agencyId),
      region: o.region,
      level: scopeLevel(o.region),
      scopeKey: supervisorScopeKey(o.region),
      rule: 'a step is visible when its owing agency’s region OR its case’s origin region lies within your region',
    };
  }

  rules(): { id: string; title: string; titles: Bilingual; section: string; basisText: string; periodText: string }[] {
    return legalTime.ruleBook.rules.map((r) => ({
      id: r.id,
      title: r.title,
      titles: { zh: ruleTitle(r.id, 'zh'), en: ruleTitle(r.id, 'en') },
      section: r.section,
      basisText: r.basisText,
      periodText: r.periodText,
    }));
  }

  async steps(o: OfficerClaims, f: Omit<StepFilter, 'supervisorRegion'>): Promise<StepPage> {
    const now = new Date();
    const { items, total, totalCapped } = await listSteps(this.ds.manager, { ...f, supervisorRegion: o.region, now });
    const numbers = await this.caseNumbers(
      this.ds.manager,
      items.map((s) => s.linkedCaseId),
    );
    return {
      items: items.map((s) => stepView(s, now, numbers.get(s.linkedCaseId))),
      total,
      totalCapped,
      page: f.page ?? 1,
      pageSize: f.pageSize ?? 50,
    };
  }

  async counts(
    o: OfficerClaims,
  ): Promise<{ totals: Record<string, number>; byAgency: (AgencyCount & { owingAgencyName: Bilingual })[] }> {
    const byAgency = await countSteps(this.ds.manager, o.region);
    const totals: Record<string, number> = { 'on-time': 0, warning: 0, overdue: 0, stuck: 0, stuckAny: 0, open: 0 };
    for (const a of byAgency) {
      for (const k of ['on-time', 'warning', 'overdue', 'stuck'] as const) totals[k]! += a.counts[k];
      totals.stuckAny! += a.stuck;
      totals.open! += a.total;
    }
    return {
      totals,
      byAgency: byAgency.map((a) => ({ ...a, owingAgencyName: agencyDirectory().names(a.owingAgencyId) })),
    };
  }

  async step(o: OfficerClaims, stepId: string): Promise<StepDetailView> {
    const s = await this.ds.manager.findOneBy(SupervisionStep, { stepId });
    if (!s || !visibleTo(s, o.region)) throw stepNotFound(stepId);
    const c = await this.ds.manager.findOneBy(SupervisionCase, { linkedCaseId: s.linkedCaseId });
    return stepDetailView(s, new Date(), c?.caseNumber);
  }

  async caseView(o: OfficerClaims, linkedCaseId: string): Promise<CaseView> {
    const m = this.ds.manager;
    const c = await m.findOneBy(SupervisionCase, { linkedCaseId });
    if (!c) throw caseNotFound(linkedCaseId);
    const originVisible = regionWithin(c.originRegion, o.region);
    const steps = (await m.find(SupervisionStep, { where: { linkedCaseId }, order: { since: 'ASC' } })).filter(
      (s) => originVisible || visibleTo(s, o.region),
    );
    if (!originVisible && !steps.length) throw caseNotFound(linkedCaseId);
    const stepIds = new Set(steps.map((s) => s.stepId));
    const timeline = (
      await m.find(TimelineEvent, {
        where: { linkedCaseId },
        order: { occurredAt: 'ASC', receivedAt: 'ASC' },
        take: 2000,
      })
    )
      // agencies of other regions stay invisible unless the case is one of the supervisor's region
      .filter(
        (t) =>
          originVisible || regionWithin(t.producerRegion, o.region) || (t.stepId !== null && stepIds.has(t.stepId)),
      );
    const now = new Date();
    return {
      linkedCaseId,
      caseNumber: c.caseNumber,
      partyName: c.partyName,
      originAgencyId: originVisible ? c.originAgencyId : null,
      originAgencyName: originVisible && c.originAgencyId ? agencyDirectory().names(c.originAgencyId) : null,
      jointListing: c.jointListedAt
        ? { listedAt: c.jointListedAt.toISOString(), reviewInterval: c.jointReviewInterval, reason: c.jointReason }
        : null,
      steps: steps.map((s) => stepDetailView(s, now, c.caseNumber)),
      timeline: timeline.map(timelineView),
    };
  }

  async reconciliation(
    o: OfficerClaims,
    graceSeconds?: number,
  ): Promise<{
    unacknowledged: Outstanding[];
    orphans: Orphan[];
    deadLetters: DeadLetterView[];
    deadLettersError?: string;
    generatedAt: string;
  }> {
    const key = supervisorScopeKey(o.region);
    const now = new Date();
    const rows = (await this.ds.query(
      `
      SELECT * FROM (
        SELECT x.*, c.case_number, c.origin_region,
               COALESCE(x.owed_by_agency_id, CASE x.owed_by_role WHEN 'sender' THEN t.from_agency_id
                 WHEN 'receiver' THEN t.to_agency_id WHEN 'procuratorate' THEN t.copy_to_agency_id END) AS owed_by,
               COALESCE(st.missed, FALSE) AS step_missed
          FROM supervision_expectation x
          LEFT JOIN supervision_transfer t ON t.transfer_id = x.transfer_id
          LEFT JOIN supervision_case c ON c.linked_case_id = x.linked_case_id
          LEFT JOIN LATERAL (SELECT bool_or(st.missed_at IS NOT NULL OR st.status = 'overdue') AS missed FROM supervision_step st
                     WHERE st.subject_id = x.subject_id AND st.rule_id = x.rule_id AND st.closed_at IS NULL) st ON TRUE
         WHERE x.opened_at IS NOT NULL AND (x.fulfilled_at IS NULL OR x.fulfilled_at < x.opened_at)) o
       WHERE (o.due_at <= $1 OR o.step_missed IS TRUE)
         AND ($2::text IS NULL OR starts_with(split_part(o.owed_by, ':', 2), $2) OR starts_with(o.origin_region, $2))
       ORDER BY o.due_at ASC NULLS LAST LIMIT 500`,
      [now, key],
    )) as Record<string, unknown>[];
    const unacknowledged = rows.map((r): Outstanding => {
      const rule = EXPECTATION_RULES.find((x) => x.id === r.expectation_id);
      const due = r.due_at ? new Date(r.due_at as string) : null;
      return {
        expectation: String(r.expectation_id),
        title: rule?.title ?? { en: String(r.expectation_id), zh: String(r.expectation_id) },
        ruleId: (r.rule_id as string | null) ?? null,
        basis: rule?.basis ?? '',
        linkedCaseId: String(r.linked_case_id),
        caseNumber: (r.case_number as string | null) ?? null,
        subjectId: String(r.subject_id),
        openedBy: (r.opened_by_agency_id as string | null) ?? null,
        openedByName: r.opened_by_agency_id ? agencyDirectory().names(String(r.opened_by_agency_id)) : null,
        openedByEvent: {
          eventId: (r.opened_event_id as string | null) ?? null,
          type: (r.opened_type as string | null) ?? null,
        },
        owedBy: (r.owed_by as string | null) ?? null,
        owedByName: r.owed_by ? agencyDirectory().names(String(r.owed_by)) : null,
        openedAt: new Date(r.opened_at as string).toISOString(),
        dueAt: due?.toISOString() ?? null,
        stepMissed: r.step_missed === true,
        overdueByHours: due && due <= now ? Math.floor((now.getTime() - due.getTime()) / 3_600_000) : null,
      };
    });
    const grace = (graceSeconds ?? this.settings.orphanGraceMs / 1000) * 1000;
    const orphanRows = (await this.ds.query(
      `
      SELECT r.event_id, r.kind, r.ref_id, r.linked_case_id, r.what, r.what_zh, tl.type, tl.producer_agency_id, tl.occurred_at
        FROM supervision_reference r
        JOIN supervision_timeline tl ON tl.event_id = r.event_id
        LEFT JOIN supervision_case c ON c.linked_case_id = r.linked_case_id
       WHERE r.received_at <= $1
         AND ($2::text IS NULL OR starts_with(tl.producer_region, $2) OR starts_with(c.origin_region, $2))
       ORDER BY tl.occurred_at DESC LIMIT 500`,
      [new Date(now.getTime() - grace), key],
    )) as Record<string, unknown>[];
    const orphans = orphanRows.map((r): Orphan => ({
      eventId: String(r.event_id),
      type: String(r.type),
      producer: String(r.producer_agency_id),
      producerName: agencyDirectory().names(String(r.producer_agency_id)),
      occurredAt: new Date(r.occurred_at as string).toISOString(),
      linkedCaseId: String(r.linked_case_id),
      refersTo: { kind: String(r.kind), id: String(r.ref_id) },
      what: String(r.what),
      whatZh: String(r.what_zh),
    }));
    const dead = await this.deadLetters(key).then(
      (deadLetters) => ({ deadLetters }),
      (e: unknown) => {
        this.logger.warn(`reading the dead-letter topic: ${(e as Error).message}`);
        return {
          deadLetters: [],
          deadLettersError: `the dead-letter topic could not be read: ${(e as Error).message}`,
        };
      },
    );
    return { unacknowledged, orphans, ...dead, generatedAt: now.toISOString() };
  }

  /** Dead-lettered events whose producer lies within the supervisor's region (undecodable ones: everyone sees them). */
  private async deadLetters(scopeKey: string | null): Promise<DeadLetterView[]> {
    const entries = await readDeadLetters(this.kafka, this.topics.deadLetter);
    return entries
      .map((e): DeadLetterView => {
        let env: { eventId?: string; type?: string; linkedCaseId?: string; producer?: { agencyId?: string } } = {};
        try {
          env = JSON.parse(e.record.value ?? '') as typeof env;
        } catch {
          /* malformed: shown as is */
        }
        return {
          id: e.id,
          failedAt: e.record.failedAt,
          consumerGroup: e.record.consumerGroup,
          reason: e.record.reason,
          detail: e.record.detail,
          eventId: env.eventId ?? null,
          type: env.type ?? null,
          producer: env.producer?.agencyId ?? null,
          linkedCaseId: env.linkedCaseId ?? null,
        };
      })
      .filter((d) => scopeKey === null || d.producer === null || (d.producer.split(':')[1] ?? '').startsWith(scopeKey))
      .reverse()
      .slice(0, 500);
  }

  private async caseNumbers(m: EntityManager, ids: string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const cases = await m.find(SupervisionCase, {
      where: { linkedCaseId: In([...new Set(ids)]) },
      select: { linkedCaseId: true, caseNumber: true },
    });
    return new Map(cases.map((c) => [c.linkedCaseId, c.caseNumber]));
  }
}

export type { StepView };
