/**
 * Test support for the case workflows (workflow specs and workflows/scripts/record-histories.ts):
 * one time-skipping environment + one worker per file, an in-memory deadline-event sink, a test deadline
 * engine, and drivers that deliver contract-valid events through the real TemporalBridge.
 * Not part of the workflow bundle (index.ts) nor of the Node entry (node.ts).
 */
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { v7 as uuidv7 } from 'uuid';
import { createEnvelope, eventRegistry, type AgencyKind, type IntegrationEventEnvelope } from '@casebridge/contracts';
import { createDeadlineEngine, type DeadlineEngine } from '@casebridge/legal-time';
import { createCaseActivities, type DeadlineEventSink } from '../activities/case-activities';
import { workflowBundlerOptions } from '../bundler-options';
import { TemporalBridge, type DeliveryOutcome } from '../bridge/temporal-bridge';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '../search-attributes';
import { WORKFLOW_INTERCEPTOR_MODULES, workflowSpanSinks } from '../workflow-tracing';
import type { DeadlineConfig } from '../shared/deadline.contracts';
import {
  SupervisionQueries,
  supervisionWorkflowId,
  type SupervisionStateView,
} from '../filing-supervision/filing-supervision.contracts';
import { TransferQueries, transferWorkflowId, type TransferStateView } from '../transfer/transfer.contracts';
import { PenaltyQueries, penaltyWorkflowId, type PenaltyStateView } from '../penalty/penalty.contracts';
import { SharingQueries, sharingWorkflowId, type SharingStateView } from '../sharing/sharing.contracts';
import {
  ProsecutionQueries,
  prosecutionWorkflowId,
  type ProsecutionStateView,
} from '../prosecution/prosecution.contracts';

export const REGION = '210100';
export const ENFORCEMENT = `enforcement:${REGION}`;
export const POLICE = `police:${REGION}`;
export const PROCURATORATE = `procuratorate:${REGION}`;

const MS_PER_HOUR = 3_600_000;
export const HOURS = (n: number): number => n * MS_PER_HOUR;
export const DAYS = (n: number): number => n * 24 * MS_PER_HOUR;

/** Idempotent like the outbox it stands for: a second publish of an eventId is ignored. */
export class InMemoryDeadlineSink implements DeadlineEventSink {
  readonly envelopes: IntegrationEventEnvelope[] = [];
  /** Every publish call, duplicates included (to prove deterministic ids). */
  readonly attempts: string[] = [];
  private readonly ids = new Set<string>();

  async publish(envelopes: IntegrationEventEnvelope[]): Promise<void> {
    for (const e of envelopes) {
      this.attempts.push(e.eventId);
      if (this.ids.has(e.eventId)) continue;
      this.ids.add(e.eventId);
      this.envelopes.push(e);
    }
  }

  /** deadline.* events of one subject (transferId / supervisionId), in publishing order. */
  of(
    subjectId: string,
    filter?: { type?: string; ruleId?: string },
  ): Array<IntegrationEventEnvelope<Record<string, unknown>>> {
    return (this.envelopes as Array<IntegrationEventEnvelope<Record<string, unknown>>>).filter(
      (e) =>
        e.payload.subjectId === subjectId &&
        (!filter?.type || e.type === filter.type) &&
        (!filter?.ruleId || e.payload.ruleId === filter.ruleId),
    );
  }

  /** `type ruleId [outcome]` lines of a subject, for compact assertions. */
  summary(subjectId: string): string[] {
    return this.of(subjectId).map((e) =>
      [e.type, e.payload.ruleId, e.payload.outcome].filter((x) => x !== undefined).join(' '),
    );
  }
}

/**
 * legal-time as the worker runs it: the built-in calendar (chinese-days), and years after it counted
 * provisionally (statutory floor, flagged) — the time-skipping server starts at the wall-clock time and
 * long timers (3-month chaser) run past the last official calendar year. Expectations are computed with
 * this same engine; hand-computed expectations use 2025 dates (official data).
 */
export function testDeadlineEngine(): DeadlineEngine {
  return createDeadlineEngine({ uncoveredYears: 'provisional' });
}

/** Registers the Cb* search attributes on a (time-skipping) server through the OperatorService. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const searchAttributes = Object.fromEntries(
    SEARCH_ATTRIBUTE_DEFINITIONS.map((d) => [d.name, encodeSearchAttributeIndexedValueType(d.type)!]),
  );
  try {
    await env.connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes });
  } catch (err) {
    if (!/already/i.test((err as Error).message)) throw err;
  }
}

export interface CaseTestKit {
  env: TestWorkflowEnvironment;
  /**
   * A plain client on the test server. NOT env.client: its handle.result() unlocks time skipping while
   * waiting, and the Java test server then jumps to its next timer — ten years ahead (its default
   * workflow timeout timer) once our workflows are idle. Time moves only through env.sleep here.
   */
  client: Client;
  sink: InMemoryDeadlineSink;
  engine: DeadlineEngine;
  bridge: TemporalBridge;
  taskQueue: string;
  /** Server time (epoch ms). */
  now(): Promise<number>;
  /** Stops the worker and the environment. */
  close(): Promise<void>;
}

export async function startCaseTestKit(
  env: TestWorkflowEnvironment,
  options: { config?: Partial<DeadlineConfig>; engine?: DeadlineEngine } = {},
): Promise<CaseTestKit> {
  await registerSearchAttributes(env);
  const sink = new InMemoryDeadlineSink();
  const engine = options.engine ?? testDeadlineEngine();
  const taskQueue = `cases-test-${uuidv7()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../index'),
    bundlerOptions: workflowBundlerOptions(),
    // the workflow interceptors every worker bundles (spans dropped here)
    interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
    sinks: workflowSpanSinks(),
    activities: createCaseActivities({ engine, sink }),
  });
  const running = worker.run();
  const client = new Client({ connection: env.connection, namespace: 'default' });
  const bridge = new TemporalBridge(client, {
    route: { taskQueue, ...(options.config ? { config: options.config } : {}) },
  });
  return {
    env,
    client,
    sink,
    engine,
    bridge,
    taskQueue,
    now: () => env.currentTimeMs(),
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs` of wall time. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      // A probe (query) must not hang the loop: the test server may hold a query during continue-as-new.
      const v = await Promise.race([
        Promise.resolve(probe()),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('probe timed out')), 10_000).unref()),
      ]);
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

const PRODUCER_KIND: Record<string, AgencyKind> = {
  'case.registered': 'enforcement',
  'penalty.clock-changed': 'enforcement',
  'transfer.crime-suspected': 'enforcement',
  'transfer.team-reported': 'enforcement',
  'transfer.head-decided': 'enforcement',
  'transfer.sent': 'enforcement',
  'transfer.materials-supplemented': 'enforcement',
  'transfer.reconsideration-requested': 'enforcement',
  'transfer.items-handed-over': 'enforcement',
  'filing-supervision.requested': 'enforcement',
  'transfer.procuratorate-opinion': 'procuratorate',
  'transfer.receipt-signed': 'police',
  'transfer.forwarded': 'police',
  'transfer.materials-requested': 'police',
  'transfer.review-extended': 'police',
  'transfer.filing-decided': 'police',
  'transfer.reconsideration-decided': 'police',
  'filing-supervision.explained': 'police',
  'prosecution.transferred': 'police',
  'prosecution.resubmitted': 'police',
  'pil.agency-replied': 'enforcement',
  'pil.agency-action-recorded': 'enforcement',
  'edc.consultation-opened': 'enforcement',
  'edc.meeting-held': 'enforcement',
  'edc.consultation-agreed': 'enforcement',
  'edc.consultation-failed': 'enforcement',
};

/** A contract-valid envelope (validated with the registry, so fixtures cannot drift from the contracts). */
export function envelope(
  type: string,
  payload: Record<string, unknown>,
  occurredAt: string,
  linkedCaseId: string,
  /** the producing agency (default: the usual producer of the type, in REGION) */
  producerAgencyId?: string,
): IntegrationEventEnvelope {
  const kind =
    (producerAgencyId?.split(':')[0] as AgencyKind | undefined) ??
    PRODUCER_KIND[type] ??
    (type.startsWith('court.') ? 'court' : 'procuratorate');
  const def = eventRegistry.latestOf(type);
  if (!def) throw new Error(`no contract for ${type}`);
  const e = createEnvelope({
    type,
    version: def.version,
    linkedCaseId,
    producer: { agencyId: producerAgencyId ?? `${kind}:${REGION}`, kind },
    actor: { officerId: `officer-${kind}` },
    occurredAt,
    eventId: uuidv7(),
    payload,
  });
  const decoded = eventRegistry.decode(JSON.stringify(e));
  if (!decoded.ok) throw new Error(`fixture ${type} is not contract-valid: ${decoded.detail}`);
  return e;
}

const MATERIAL = { kind: 'monitoring-report', title: '监测报告 (2025) 12号' };

/** Drives one transfer through the bridge, like the Kafka consumer would. */
export class TransferDriver {
  readonly transferId = uuidv7();
  readonly caseId = uuidv7();
  readonly linkedCaseId = uuidv7();
  readonly workflowId = transferWorkflowId(this.transferId);
  readonly delivered: IntegrationEventEnvelope[] = [];
  /**
   * How deliver() waits for the workflow: 'query' (the event shows in transferState) or 'idle'
   * (describe only — for runs that continue as new: the Java test server may lose a query that
   * arrives while a run continues as new).
   */
  waitMode: 'query' | 'idle' = 'query';

  constructor(readonly kit: CaseTestKit) {}

  handle() {
    return this.kit.client.workflow.getHandle(this.workflowId);
  }

  async state(): Promise<TransferStateView> {
    return this.handle().query<TransferStateView>(TransferQueries.transferState);
  }

  /** Delivers an event through the bridge and waits until the workflow has taken it in. */
  async deliver(
    type: string,
    payload: Record<string, unknown>,
    occurredAt?: string,
  ): Promise<IntegrationEventEnvelope> {
    const at = occurredAt ?? new Date(await this.kit.now()).toISOString();
    const e = envelope(type, { transferId: this.transferId, ...payload }, at, this.linkedCaseId);
    const outcomes: DeliveryOutcome[] = await this.kit.bridge.deliver(e);
    this.delivered.push(e);
    if (this.waitMode === 'idle') {
      await waitIdle(this.kit, this.workflowId);
    } else if (outcomes.some((o) => o.route.workflowId === this.workflowId && o.status === 'delivered')) {
      await eventually(
        async () => ((await this.state()).events.some((x) => x.eventId === e.eventId) ? true : undefined),
        `${type} processed`,
      );
    }
    return e;
  }

  /** Waits until the workflow has nothing left to publish for an event type/rule. */
  async published(
    type: string,
    ruleId: string,
    count = 1,
  ): Promise<Array<IntegrationEventEnvelope<Record<string, unknown>>>> {
    return eventually(() => {
      const found = this.kit.sink.of(this.transferId, { type, ruleId });
      return found.length >= count ? found : undefined;
    }, `${type} ${ruleId}`);
  }

  /** The usual way to a transfer the police received: suspected, reported, approved, sent, receipt signed. */
  async untilReceipt(): Promise<IntegrationEventEnvelope> {
    await this.crimeSuspected();
    await this.teamReported();
    await this.headDecided('approved');
    await this.sent();
    return this.receiptSigned();
  }

  // ---- the transfer's events (payloads as in libs/contracts) ----
  crimeSuspected(at?: string) {
    return this.deliver(
      'transfer.crime-suspected',
      { caseId: this.caseId, thresholdFacts: ['t1'], facts: '超标排放含重金属废水' },
      at,
    );
  }
  procuratorateOpinion(at?: string) {
    return this.deliver(
      'transfer.procuratorate-opinion',
      { caseId: this.caseId, enforcementAgencyId: ENFORCEMENT, reasons: '应当移送' },
      at,
    );
  }
  teamReported(at?: string) {
    return this.deliver(
      'transfer.team-reported',
      {
        caseId: this.caseId,
        teamOfficerIds: ['officer-1', 'officer-2'],
        thresholdFacts: ['t1'],
        summary: '涉嫌污染环境罪',
      },
      at,
    );
  }
  headDecided(decision: 'approved' | 'refused', at?: string) {
    return this.deliver(
      'transfer.head-decided',
      { decision, ...(decision === 'refused' ? { reasons: '证据不足' } : {}) },
      at,
    );
  }
  sent(at?: string) {
    return this.deliver(
      'transfer.sent',
      {
        caseId: this.caseId,
        caseNumber: '辽沈环罚〔2025〕12号',
        fromAgencyId: ENFORCEMENT,
        toAgencyId: POLICE,
        copyToAgencyId: PROCURATORATE,
        party: { name: '某化工有限公司', creditCode: '91210100MA0B12345X' },
        summary: '涉嫌污染环境罪',
        thresholdFacts: ['t1'],
        materials: [{ kind: 'transfer-letter', title: '移送书' }],
      },
      at,
    );
  }
  receiptSigned(at?: string) {
    return this.deliver('transfer.receipt-signed', { receiptNumber: '回执-001' }, at);
  }
  forwarded(mode: 'forwarded' | 'returned', at?: string) {
    return this.deliver(
      'transfer.forwarded',
      { mode, ...(mode === 'forwarded' ? { toAgencyId: 'police:210200' } : {}), reasons: '不属于本机关管辖' },
      at,
    );
  }
  materialsRequested(at?: string) {
    return this.deliver('transfer.materials-requested', { missing: ['monitoring-report'], note: '缺少监测报告' }, at);
  }
  materialsSupplemented(at?: string, items: Array<{ kind: string; title: string }> = [MATERIAL]) {
    return this.deliver('transfer.materials-supplemented', { items }, at);
  }
  reviewExtended(variant: 'verification' | 'major-complex', at?: string) {
    return this.deliver(
      'transfer.review-extended',
      {
        variant,
        ...(variant === 'major-complex' ? { approvedBy: '县公安局局长 王某' } : {}),
        reasons: '案情重大复杂',
      },
      at,
    );
  }
  filingDecided(outcome: 'filed' | 'not-filed' | 'returned-for-penalty', at?: string, supervisionId?: string) {
    return this.deliver(
      'transfer.filing-decided',
      {
        outcome,
        ...(outcome === 'filed' ? { policeCaseNumber: '沈公（环）立字〔2025〕7号' } : { reasons: '不构成犯罪' }),
        ...(supervisionId ? { supervisionId } : {}),
      },
      at,
    );
  }
  itemsHandedOver(at?: string) {
    return this.deliver('transfer.items-handed-over', { items: [MATERIAL] }, at);
  }
  reconsiderationRequested(at?: string) {
    return this.deliver('transfer.reconsideration-requested', { reasons: '有新证据' }, at);
  }
  reconsiderationDecided(outcome: 'upheld' | 'reversed', at?: string) {
    return this.deliver(
      'transfer.reconsideration-decided',
      {
        outcome,
        reasons: '复议决定',
        ...(outcome === 'reversed' ? { policeCaseNumber: '沈公（环）立字〔2025〕8号' } : {}),
      },
      at,
    );
  }
  supervisionRequested(ground: 'not-filed' | 'upheld-on-reconsideration' | 'decision-overdue', at?: string) {
    return this.deliver(
      'filing-supervision.requested',
      { procuratorateAgencyId: PROCURATORATE, ground, reasons: '请求立案监督' },
      at,
    );
  }
  /** The procuratorate opens the supervision asked for (closes supervision.request-review). */
  supervisionOpened(
    supervisionId: string,
    ground: 'not-filed' | 'upheld-on-reconsideration' | 'decision-overdue' | 'own-motion',
    at?: string,
  ) {
    return this.deliver(
      'filing-supervision.opened',
      {
        supervisionId,
        policeAgencyId: POLICE,
        enforcementAgencyId: ENFORCEMENT,
        ground,
      },
      at,
    );
  }
  reasonsAccepted(supervisionId: string, at?: string) {
    return this.deliver('filing-supervision.reasons-accepted', { supervisionId, note: '不立案理由成立' }, at);
  }
}

/** Drives one filing supervision through the bridge. */
/** Drives one workflow through the bridge and waits until it has taken each event in (its state query lists it). */
export abstract class WorkflowDriver<S extends { events: Array<{ eventId: string }> }> {
  abstract readonly workflowId: string;
  /** the subject of its deadline events (stepId prefix) */
  protected abstract readonly subjectId: string;
  protected abstract readonly stateQuery: string;

  constructor(
    readonly kit: CaseTestKit,
    readonly linkedCaseId: string,
  ) {}

  handle() {
    return this.kit.client.workflow.getHandle(this.workflowId);
  }

  async state(): Promise<S> {
    return this.handle().query<S>(this.stateQuery);
  }

  async deliver(
    type: string,
    payload: Record<string, unknown>,
    occurredAt?: string,
    producerAgencyId?: string,
  ): Promise<IntegrationEventEnvelope> {
    const at = occurredAt ?? new Date(await this.kit.now()).toISOString();
    const e = envelope(type, payload, at, this.linkedCaseId, producerAgencyId);
    const outcomes = await this.kit.bridge.deliver(e);
    if (outcomes.some((o) => o.route.workflowId === this.workflowId && o.status === 'delivered')) {
      await eventually(
        async () => ((await this.state()).events.some((x) => x.eventId === e.eventId) ? true : undefined),
        `${type} processed`,
      );
    }
    return e;
  }

  async published(
    type: string,
    ruleId: string,
    count = 1,
  ): Promise<Array<IntegrationEventEnvelope<Record<string, unknown>>>> {
    return eventually(() => {
      const found = this.kit.sink.of(this.subjectId, { type, ruleId });
      return found.length >= count ? found : undefined;
    }, `${type} ${ruleId}`);
  }
}

/** Drives one filing supervision through the bridge. */
export class SupervisionDriver extends WorkflowDriver<SupervisionStateView> {
  readonly supervisionId = uuidv7();
  readonly workflowId = supervisionWorkflowId(this.supervisionId);
  protected readonly subjectId = this.supervisionId;
  protected readonly stateQuery = SupervisionQueries.supervisionState;

  constructor(
    kit: CaseTestKit,
    readonly transferId = uuidv7(),
    linkedCaseId = uuidv7(),
  ) {
    super(kit, linkedCaseId);
  }

  private ids() {
    return { supervisionId: this.supervisionId, transferId: this.transferId };
  }
  opened(at?: string) {
    return this.deliver(
      'filing-supervision.opened',
      { ...this.ids(), policeAgencyId: POLICE, enforcementAgencyId: ENFORCEMENT, ground: 'upheld-on-reconsideration' },
      at,
    );
  }
  explanationRequired(at?: string) {
    return this.deliver('filing-supervision.explanation-required', { ...this.ids(), question: '说明不立案理由' }, at);
  }
  explained(at?: string) {
    return this.deliver('filing-supervision.explained', { ...this.ids(), reasons: '不构成犯罪' }, at);
  }
  reasonsAccepted(at?: string) {
    return this.deliver('filing-supervision.reasons-accepted', { ...this.ids(), note: '理由成立' }, at);
  }
  filingNoticeIssued(at?: string) {
    return this.deliver(
      'filing-supervision.filing-notice-issued',
      { ...this.ids(), noticeNumber: '沈检通立〔2025〕1号' },
      at,
    );
  }
  correctionIssued(at?: string) {
    return this.deliver(
      'filing-supervision.correction-issued',
      { ...this.ids(), note: '纠正违法通知书', escalatedTo: 'procuratorate:210000' },
      at,
    );
  }
  policeFiled(at?: string) {
    return this.deliver(
      'transfer.filing-decided',
      {
        transferId: this.transferId,
        outcome: 'filed',
        policeCaseNumber: '沈公（环）立字〔2025〕9号',
        supervisionId: this.supervisionId,
      },
      at,
    );
  }
  chaserIssued(at?: string) {
    return this.deliver('filing-supervision.chaser-issued', { ...this.ids(), note: '催办函' }, at);
  }
}

/** Drives one administrative case's penalty.decision-period (penaltyPeriodWorkflow) through the bridge. */
export class PenaltyDriver extends WorkflowDriver<PenaltyStateView> {
  readonly caseId = uuidv7();
  readonly workflowId = penaltyWorkflowId(this.caseId);
  protected readonly subjectId = this.caseId;
  protected readonly stateQuery = PenaltyQueries.penaltyState;

  constructor(kit: CaseTestKit) {
    super(kit, uuidv7());
  }

  registered(at?: string) {
    return this.deliver(
      'case.registered',
      {
        caseId: this.caseId,
        caseNumber: '辽沈环罚〔2025〕12号',
        region: REGION,
        party: { name: '某化工有限公司', creditCode: '91210100MA0B12345X' },
        violation: '通过暗管排放含铬废水',
        discoveredAt: '2025-09-20T10:00:00+08:00',
      },
      at,
    );
  }
  clock(state: 'suspended' | 'running', at?: string) {
    return this.deliver(
      'penalty.clock-changed',
      {
        caseId: this.caseId,
        state,
        reason: state === 'suspended' ? 'the case is with the police (E17 art 16)' : 'the case is back with the agency',
      },
      at,
    );
  }
}

export const COURT = `court:${REGION}`;

/** Drives one prosecution (审查起诉) through the bridge. */
export class ProsecutionDriver extends WorkflowDriver<ProsecutionStateView> {
  readonly prosecutionId = uuidv7();
  readonly transferId = uuidv7();
  readonly workflowId = prosecutionWorkflowId(this.prosecutionId);
  protected readonly subjectId = this.prosecutionId;
  protected readonly stateQuery = ProsecutionQueries.prosecutionState;

  constructor(kit: CaseTestKit) {
    super(kit, uuidv7());
  }

  transferred(at?: string) {
    return this.deliver(
      'prosecution.transferred',
      {
        prosecutionId: this.prosecutionId,
        transferId: this.transferId,
        procuratorateAgencyId: PROCURATORATE,
        policeAgencyId: POLICE,
        enforcementAgencyId: ENFORCEMENT,
        policeCaseNumber: '沈公（环）立字〔2025〕9号',
        summary: '通过暗管排放含铬废水',
        caseFile: [{ title: '起诉意见书', sha256: 'a'.repeat(64) }],
      },
      at,
    );
  }
  extended(at?: string) {
    return this.deliver(
      'prosecution.review-extended',
      { prosecutionId: this.prosecutionId, variant: 'extended', reasons: '重大复杂案件', approvedBy: 'head-1' },
      at,
    );
  }
  returned(round: number, at?: string) {
    return this.deliver(
      'prosecution.returned-for-investigation',
      { prosecutionId: this.prosecutionId, round, reasons: '证据不足，补充鉴定' },
      at,
    );
  }
  resubmitted(round: number, at?: string) {
    return this.deliver(
      'prosecution.resubmitted',
      {
        prosecutionId: this.prosecutionId,
        round,
        summary: '补充侦查终结',
        caseFile: [{ title: '鉴定意见', sha256: 'b'.repeat(64) }],
      },
      at,
    );
  }
  decided(outcome: 'indicted' | 'not-prosecuted', at?: string) {
    return this.deliver(
      'prosecution.decided',
      outcome === 'indicted'
        ? { prosecutionId: this.prosecutionId, outcome, courtAgencyId: COURT }
        : { prosecutionId: this.prosecutionId, outcome, reasons: '情节轻微', penaltyOpinion: '建议给予行政处罚' },
      at,
    );
  }
  notified(at?: string) {
    return this.deliver(
      'prosecution.nonprosecution-notified',
      {
        prosecutionId: this.prosecutionId,
        transferId: this.transferId,
        enforcementAgencyId: ENFORCEMENT,
        reasons: '情节轻微',
        penaltyOpinion: '建议给予行政处罚',
      },
      at,
    );
  }
}

/**
 * Drives the shared record of one linked case through the bridge (sharing.* events come from the procuratorate
 * here: PRODUCER_KIND's default).
 */
export class SharingDriver extends WorkflowDriver<SharingStateView> {
  readonly workflowId: string;
  protected readonly subjectId: string;
  protected readonly stateQuery = SharingQueries.sharingState;

  constructor(kit: CaseTestKit, linkedCaseId = uuidv7()) {
    super(kit, linkedCaseId);
    this.workflowId = sharingWorkflowId(linkedCaseId);
    this.subjectId = linkedCaseId;
  }

  recorded(decisionId: string, decidedAt: string, decisionKind = 'arrest-decision', at?: string) {
    return this.deliver('sharing.decision-recorded', { decisionId, decisionKind, decidedAt }, at);
  }
  shared(decisionId: string, decidedAt: string, decisionKind = 'arrest-decision', at?: string) {
    return this.deliver(
      'sharing.information-shared',
      {
        entryId: uuidv7(),
        decisionId,
        decisionKind,
        decidedAt,
        ownerAgencyId: PROCURATORATE,
        sharedWith: [POLICE],
        contentHash: 'a'.repeat(64),
      },
      at,
    );
  }
}

const EventType = temporal.api.enums.v1.EventType;
const WORKFLOW_TASK_OPEN = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
]);
const WORKFLOW_TASK_DONE = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
]);
const ACTIVITY_DONE = new Set<number>([
  EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
  EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED,
]);

/**
 * Whether a run's history has a workflow task or an activity in flight. Read from the history itself: the Java
 * test server's describe leaves pendingWorkflowTask empty, so a signal whose workflow task the (busy) worker had
 * not picked up yet looked idle, and the next signal was batched with it (a shorter history: the continue-as-new
 * spec then failed on a loaded machine).
 */
export function inFlight(events: readonly { eventType?: number | null }[]): boolean {
  let workflowTaskOpen = false;
  let activitiesOpen = 0;
  for (const { eventType } of events) {
    const type = eventType ?? 0;
    if (WORKFLOW_TASK_OPEN.has(type)) workflowTaskOpen = true;
    else if (WORKFLOW_TASK_DONE.has(type)) workflowTaskOpen = false;
    else if (type === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) activitiesOpen++;
    else if (ACTIVITY_DONE.has(type)) activitiesOpen--;
  }
  return workflowTaskOpen || activitiesOpen > 0;
}

/**
 * Waits until the latest run of a workflow has neither a workflow task nor an activity in flight (its history,
 * read twice with the same length; no query, which the Java test server may hold while a run continues as new).
 */
export async function waitIdle(kit: CaseTestKit, workflowId: string): Promise<void> {
  const handle = kit.client.workflow.getHandle(workflowId);
  let previous = -1;
  await eventually(async () => {
    const events = (await handle.fetchHistory()).events ?? [];
    const idle = !inFlight(events) && events.length === previous;
    previous = events.length;
    return idle ? true : undefined;
  }, `${workflowId} idle`);
}
