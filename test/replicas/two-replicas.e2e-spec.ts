/**
 * Several replicas (issue #16 item 3, acceptance 3): two police instances and two workflow workers share their
 * database, consumer group and Temporal task queue. Transfers are driven concurrently through the REST APIs, the
 * police commands round-robin over both police instances; mid-load one police instance and one worker are killed
 * (SIGKILL) and restarted, then the other police instance is stopped gracefully and the other worker killed, so the
 * consumer groups rebalance several times while events flow. Then everything is compared with what the test
 * drove: every transfer in its expected phase in every agency's view, each act published and applied exactly once
 * (event log, outboxes, inboxes, views), every statutory clock opened once per transfer, one Temporal run per
 * workflow, nothing parked or dead-lettered. Real PostgreSQL, Kafka and the Temporal dev server.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_TOPICS, SharingTopics, TOPIC_PARTITIONS, Topics, type TopicName } from '@casebridge/contracts';
import { WORKER_CONSUMED_TOPICS } from '../../apps/workflow-worker/src/topics';
import { readTopic } from '../messaging/support/topic-reader';
import { Api, eventually, serviceOf, TestSystem, type InstanceName, type ServiceName } from '../support/system';
import { attachToDevServer } from '../support/temporal';
import { penaltyWorkflowId } from '@casebridge/workflows/penalty/penalty.contracts';
import { sharingWorkflowId } from '@casebridge/workflows/sharing/sharing.contracts';
import {
  TRANSFER_WORKFLOW_EVENT_TYPES,
  TransferQueries,
  transferWorkflowId,
} from '@casebridge/workflows/transfer/transfer.contracts';
import { agencies, openAndSend, POL, type Agencies, type Opened } from '../transfer/transfer-driver';

/** The paths driven, one per transfer in turn, with the phase each agency must show at the end. */
const PATHS = {
  filed: { enforcement: 'filed', police: 'filed', copy: 'filed' },
  'not-filed': { enforcement: 'not-filed', police: 'not-filed', copy: 'not-filed' },
  'returned-for-penalty': {
    enforcement: 'returned-for-penalty',
    police: 'returned-for-penalty',
    copy: 'returned-for-penalty',
  },
  upheld: { enforcement: 'upheld', police: 'upheld', copy: 'upheld' },
} as const;
type PathKind = keyof typeof PATHS;
const KINDS = Object.keys(PATHS) as PathKind[];

const TRANSFERS = Number(process.env.CASEBRIDGE_REPLICA_TEST_TRANSFERS ?? 24);
const CONCURRENCY = 6;
/** Waits while a consumer group rebalances after a SIGKILL (session timeout 10 s) on a loaded machine. */
const SLOW = 180_000;

const POLICE: InstanceName[] = ['police', 'police#2'];
const WORKERS: InstanceName[] = ['workflow-worker', 'workflow-worker#2'];

/** The consumer groups and what they subscribe to (the apps' messagingModule specs). */
const CONSUMES: Partial<Record<ServiceName, TopicName[]>> = {
  enforcement: [Topics.police, Topics.procuratorate, Topics.workflow, Topics.supervision, SharingTopics.enforcement],
  police: [Topics.enforcement, Topics.procuratorate, Topics.workflow, Topics.supervision, SharingTopics.police],
  procuratorate: [Topics.enforcement, Topics.police, Topics.workflow, Topics.supervision, SharingTopics.procuratorate],
  'workflow-worker': [...WORKER_CONSUMED_TOPICS], // every agency topic, the court's included (the workflow registry)
};

interface Logged {
  eventId: string;
  type: string;
  topic: string;
  payload: { transferId?: string; caseId?: string; ruleId?: string; subjectId?: string; stepId?: string };
}
interface Timeline {
  timeline: { what: string; eventId?: string }[];
}
interface Driven extends Opened {
  kind: PathKind;
  index: number;
}
/** The load: transfers opened (`next`), allowed to open (`ceiling`), sent to the police, done. */
interface Load {
  next: number;
  ceiling: number;
  sent: number;
  done: number;
}

describe('two police instances and two workflow workers under load: nothing doubled, nothing lost, rebalances survived', () => {
  const sys = new TestSystem(
    ['enforcement', 'procuratorate', ...POLICE, ...WORKERS],
    // info: the consumers log each group join with its partitions (the evidence of the rebalances)
    { police: { LOG_LEVEL: 'info' }, 'workflow-worker': { LOG_LEVEL: 'info' } },
  );
  let a: Agencies;
  let temporal: TestWorkflowEnvironment;

  beforeAll(async () => {
    temporal = await attachToDevServer();
    await sys.start();
    a = agencies(sys);
  }, 240_000);
  afterAll(async () => {
    await sys.stop();
    await temporal?.teardown();
  }, 120_000);

  /**
   * A load balancer over the police instances: round-robin over those in rotation. An instance is taken out of
   * rotation, and its requests in flight finish, before it is stopped: every command the test sends is answered.
   */
  const rotation = new Set<InstanceName>(POLICE);
  const inFlight = new Map<InstanceName, number>(POLICE.map((p) => [p, 0]));
  const served = new Map<InstanceName, number>(POLICE.map((p) => [p, 0]));
  let turn = 0;
  const police = async <T>(fn: (officer: Api) => Promise<T>): Promise<T> => {
    const live = POLICE.filter((p) => rotation.has(p));
    const instance = live[turn++ % live.length]!;
    inFlight.set(instance, inFlight.get(instance)! + 1);
    served.set(instance, served.get(instance)! + 1);
    try {
      return await fn(new Api(sys.url(instance), sys.token(POL, ['officer'], 'pol-officer-wang')));
    } finally {
      inFlight.set(instance, inFlight.get(instance)! - 1);
    }
  };
  const drain = async (instance: InstanceName): Promise<void> => {
    rotation.delete(instance);
    await eventually(
      async () => inFlight.get(instance)!,
      (n) => n === 0,
      `${instance} drained`,
      SLOW,
    );
  };

  const polPhase = (id: string, phase: string): Promise<unknown> =>
    eventually(
      () => police((api) => api.get<{ phase: string }>(`/transfers/${id}`)),
      (t) => t.phase === phase,
      `police sees ${id} ${phase}`,
      SLOW,
    );
  const enfPhase = (id: string, phase: string): Promise<unknown> =>
    eventually(
      () => a.enf.get<{ phase: string }>(`/transfers/${id}`),
      (t) => t.phase === phase,
      `enforcement sees ${id} ${phase}`,
      SLOW,
    );

  /** One transfer along its path; the receipt of every other transfer is sent to both police instances at once. */
  const drive = async (index: number, progress: Load): Promise<Driven> => {
    const kind = KINDS[index % KINDS.length]!;
    const opened = await openAndSend(a, `replica-${index}`);
    progress.sent++;
    const id = opened.transferId;
    await polPhase(id, 'awaiting-receipt');
    const receipt = { receiptNumber: `沈公（环）受字〔2026〕${index}-${randomInt(1e6)}号` };
    if (index % 2 === 0) {
      // the same receipt twice at the same moment, on two instances: one is signed, the other is refused as done
      const answers = await Promise.all(
        [0, 1].map(() =>
          police((api) => api.call<{ code?: string }>('POST', `/transfers/${id}/receipt`, receipt, 'any')),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect({ id, statuses, codes: answers.map((r) => r.body?.code ?? null).filter(Boolean) }).toEqual({
        id,
        statuses: [204, 409],
        codes: ['TRANSFER.ALREADY_DONE'],
      });
    } else {
      await police((api) => api.post(`/transfers/${id}/receipt`, receipt));
    }
    const decision =
      kind === 'filed'
        ? { outcome: 'filed', policeCaseNumber: `沈公（环）立字〔2026〕${index}号` }
        : kind === 'returned-for-penalty'
          ? { outcome: 'returned-for-penalty', reasons: '不构成犯罪，但违反《水污染防治法》' }
          : { outcome: 'not-filed', reasons: '现有证据不足以证明达到追诉标准' };
    await police((api) => api.post(`/transfers/${id}/decision`, decision));
    if (kind === 'upheld') {
      await enfPhase(id, 'not-filed');
      await a.enf.post(`/transfers/${id}/reconsideration`, { reasons: '监测数据已达追诉标准，请复议' });
      await polPhase(id, 'reconsidering');
      await police((api) =>
        api.post(`/transfers/${id}/reconsideration-decision`, { outcome: 'upheld', reasons: '维持不予立案' }),
      );
    }
    progress.done++;
    return { ...opened, kind, index };
  };

  /**
   * Kills and restarts instances while the load runs. The load opens transfers up to a ceiling the chaos raises one
   * fifth at a time, once its step is under way: each phase (both up, one down, restarting, the other down, all up)
   * sees its share of the load however slow a restart is on a busy machine.
   */
  const chaos = async (load: Load): Promise<string[]> => {
    const steps: string[] = [];
    const at = (what: string): void => {
      steps.push(`${what} (opened ${load.next}, sent ${load.sent}, done ${load.done}, ${new Date().toISOString()})`);
      process.stdout.write(`[two-replicas] ${steps[steps.length - 1]}\n`);
    };
    const fifth = (n: number): number => Math.ceil((n * TRANSFERS) / 5);
    const reached = (n: number): Promise<unknown> =>
      eventually(
        async () => load.sent,
        (s) => s >= n,
        `${n} transfers sent`,
        3 * SLOW,
      );
    await reached(fifth(1));
    at('SIGKILL police#2 and workflow-worker#2');
    await drain('police#2');
    let marks = logMarks(['police', 'workflow-worker']);
    await Promise.all([sys.kill('police#2'), sys.kill('workflow-worker#2')]);
    load.ceiling = fifth(2);
    // the survivors take over every partition once the group gave up on the dead members (a session timeout)
    await Promise.all([takeover('police', marks), takeover('workflow-worker', marks)]);
    at('police and workflow-worker took over every partition');
    await reached(fifth(2));
    at('restart police#2 and workflow-worker#2');
    load.ceiling = fifth(3);
    await Promise.all([sys.startService('police#2'), sys.startService('workflow-worker#2')]);
    rotation.add('police#2');
    at('police#2 and workflow-worker#2 up again');
    await reached(fifth(3));
    at('SIGTERM police, SIGKILL workflow-worker');
    await drain('police');
    marks = logMarks(['police#2', 'workflow-worker#2']);
    await Promise.all([sys.kill('police', 'SIGTERM'), sys.kill('workflow-worker')]);
    load.ceiling = fifth(4);
    await Promise.all([takeover('police#2', marks), takeover('workflow-worker#2', marks)]);
    at('police#2 and workflow-worker#2 took over every partition');
    await reached(fifth(4));
    at('restart police and workflow-worker');
    await Promise.all([sys.startService('police'), sys.startService('workflow-worker')]);
    rotation.add('police');
    load.ceiling = TRANSFERS;
    at('all instances up');
    return steps;
  };

  /** Partitions per group join in an instance's log from `from` (characters) on. */
  const joins = (instance: InstanceName, from = 0): number[] =>
    [
      ...readFileSync(sys.logFile(instance), 'utf8')
        .slice(from)
        .matchAll(/joined group casebridge-\S+ in \d+ ms as \S+ \((\d+) partitions\)/g),
    ].map((m) => Number(m[1]));
  const logMarks = (instances: InstanceName[]): Map<InstanceName, number> =>
    new Map(instances.map((i) => [i, readFileSync(sys.logFile(i), 'utf8').length]));
  const partitionsOf = (instance: InstanceName): number => CONSUMES[serviceOf(instance)]!.length * TOPIC_PARTITIONS;
  /** Waits until the instance joined its group again with every partition of the group's topics. */
  const takeover = (instance: InstanceName, marks: Map<InstanceName, number>): Promise<unknown> =>
    eventually(
      async () => joins(instance, marks.get(instance)),
      (j) => j.includes(partitionsOf(instance)),
      `${instance} took over every partition`,
      SLOW,
    );

  it(`drives ${TRANSFERS} transfers across kills and restarts of replicas; every effect happens exactly once`, async () => {
    const started = Date.now();
    const load: Load = { next: 0, ceiling: Math.ceil(TRANSFERS / 5), sent: 0, done: 0 };
    const driven: Driven[] = [];
    const lanes = Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        await eventually(
          async () => load.next < load.ceiling || load.next >= TRANSFERS,
          (go) => go,
          'the chaos to let more transfers start',
          3 * SLOW,
        );
        if (load.next >= TRANSFERS) return;
        driven.push(await drive(load.next++, load));
      }
    });
    const [steps] = await Promise.all([chaos(load), ...lanes]);
    const drivenMs = Date.now() - started;
    expect(driven).toHaveLength(TRANSFERS);
    // both police instances answered a share of the requests
    expect(Math.min(...served.values())).toBeGreaterThan(TRANSFERS / 2);

    // every agency's view: the phase the path leads to (the police read on both instances)
    const copies = new Map<string, Timeline & { status: string }>();
    const enfViews = new Map<string, Timeline & { phase: string }>();
    const polViews = new Map<string, Timeline & { phase: string }>();
    for (const t of driven) {
      const want = PATHS[t.kind];
      enfViews.set(
        t.transferId,
        await eventually(
          () => a.enf.get<Timeline & { phase: string }>(`/transfers/${t.transferId}`),
          (v) => v.phase === want.enforcement,
          `enforcement: ${t.transferId} ${want.enforcement}`,
          SLOW,
        ),
      );
      copies.set(
        t.transferId,
        await eventually(
          () => a.pro.get<Timeline & { status: string }>(`/transfer-copies/${t.transferId}`),
          (c) => c.status === want.copy,
          `procuratorate: ${t.transferId} ${want.copy}`,
          SLOW,
        ),
      );
      for (const instance of POLICE) {
        const view = await new Api(sys.url(instance), sys.token(POL)).get<Timeline & { phase: string }>(
          `/transfers/${t.transferId}`,
        );
        expect({ instance, transferId: t.transferId, phase: view.phase }).toEqual({
          instance,
          transferId: t.transferId,
          phase: want.police,
        });
        polViews.set(t.transferId, view);
      }
    }

    // the system settles: outboxes drained, each outbox row in the event log, every clock of every transfer opened
    // and closed, every consumer group's inbox holding exactly the event ids of its topics (the workflows keep
    // publishing for a while after the last command: the log is read again until everything agrees)
    const services: ServiceName[] = ['enforcement', 'police', 'procuratorate', 'workflow-worker'];
    const ruleIds = ['transfer.receipt', 'transfer.filing-review'];
    const { log } = await eventually(
      async () => {
        const l = await readLog();
        const inLog = new Set(l.map((e) => e.eventId));
        const problems: string[] = [];
        for (const t of driven) {
          for (const r of ruleIds) {
            for (const type of ['deadline.started', 'deadline.closed']) {
              if (!l.some((e) => e.type === type && e.payload.subjectId === t.transferId && e.payload.ruleId === r))
                problems.push(`log: no ${type} ${r} of ${t.kind} ${t.transferId}`);
            }
          }
        }
        for (const s of services) {
          const outbox = await rowsOf<{ event_id: string; published: boolean }>(
            s,
            'SELECT event_id, published_at IS NOT NULL AS published FROM outbox',
          );
          for (const o of outbox)
            if (!o.published || !inLog.has(o.event_id))
              problems.push(
                `${s} outbox: ${o.event_id} ${o.published ? 'published but not in the log' : 'unpublished'}`,
              );
        }
        for (const [service, topics] of Object.entries(CONSUMES) as [ServiceName, TopicName[]][]) {
          const want = new Set(
            l.filter((e) => topics.some((t) => e.topic === `${t}.${sys.suffix}`)).map((e) => e.eventId),
          );
          const rows = (await rowsOf<{ event_id: string }>(service, 'SELECT event_id FROM inbox')).map(
            (r) => r.event_id,
          );
          const have = new Set(rows);
          for (const id of want)
            if (!have.has(id))
              problems.push(`${service} inbox: ${id} (${l.find((e) => e.eventId === id)!.type}) not applied`);
          for (const id of rows) if (!want.has(id)) problems.push(`${service} inbox: ${id} not in the log (yet)`);
          if (rows.length !== want.size) problems.push(`${service} inbox: ${rows.length} rows for ${want.size} events`);
          const parked = await count(service, 'SELECT count(*)::int AS n FROM parked_event WHERE applied_at IS NULL');
          if (parked) problems.push(`${service}: ${parked} parked events not applied`);
        }
        return { problems, log: l };
      },
      (v) => v.problems.length === 0,
      'the system to settle with nothing lost',
      SLOW,
    );
    expect(await readTopic(`${Topics.deadLetter}.${sys.suffix}`, 30_000)).toEqual([]);
    const byId = new Map(log.map((e) => [e.eventId, e]));

    // each act once in the event log (distinct event ids per transfer and type), as driven
    const events = [...byId.values()];
    for (const t of driven) {
      const acts = events.filter((e) => e.payload.transferId === t.transferId && e.type.startsWith('transfer.'));
      const counts = acts.reduce<Record<string, number>>((m, e) => ({ ...m, [e.type]: (m[e.type] ?? 0) + 1 }), {});
      expect({ transferId: t.transferId, kind: t.kind, counts }).toEqual({
        transferId: t.transferId,
        kind: t.kind,
        counts: {
          'transfer.crime-suspected': 1,
          'transfer.team-reported': 1,
          'transfer.head-decided': 1,
          'transfer.sent': 1,
          'transfer.receipt-signed': 1,
          'transfer.filing-decided': 1,
          ...(t.kind === 'upheld'
            ? { 'transfer.reconsideration-requested': 1, 'transfer.reconsideration-decided': 1 }
            : {}),
        },
      });
      expect(events.filter((e) => e.type === 'case.registered' && e.payload.caseId === t.caseId)).toHaveLength(1);
      // every statutory clock once: one event per step and kind (a second workflow run, or a clock opened twice, would add one)
      const deadlines = events.filter((e) => e.type.startsWith('deadline.') && e.payload.subjectId === t.transferId);
      const perStep = deadlines.reduce<Record<string, number>>(
        (m, e) => ({ ...m, [`${e.type} ${e.payload.stepId}`]: (m[`${e.type} ${e.payload.stepId}`] ?? 0) + 1 }),
        {},
      );
      expect({ transferId: t.transferId, doubled: Object.entries(perStep).filter(([, n]) => n > 1) }).toEqual({
        transferId: t.transferId,
        doubled: [],
      });
      for (const r of ruleIds)
        expect(deadlines.filter((e) => e.type === 'deadline.started' && e.payload.ruleId === r)).toHaveLength(1);

      // each view applied each act it heard of once: no event id twice in a timeline, none missing
      const ids = (type: string): string[] => acts.filter((e) => e.type === type).map((e) => e.eventId);
      const policeActs = [
        'transfer.receipt-signed',
        'transfer.filing-decided',
        'transfer.reconsideration-decided',
      ].flatMap(ids);
      const enfActs = ['transfer.sent', 'transfer.reconsideration-requested'].flatMap(ids);
      for (const [view, timeline, want] of [
        ['enforcement', enfViews.get(t.transferId)!.timeline, policeActs],
        ['police', polViews.get(t.transferId)!.timeline, enfActs],
        [
          'procuratorate',
          copies.get(t.transferId)!.timeline,
          [...enfActs.slice(0, 1), ...policeActs, ...enfActs.slice(1)],
        ],
      ] as const) {
        const seen = timeline.flatMap((e) => (e.eventId ? [e.eventId] : []));
        expect({
          view,
          transferId: t.transferId,
          twice: seen.filter((id, i) => seen.indexOf(id) !== i),
          missing: want.filter((id) => !seen.includes(id)),
        }).toEqual({ view, transferId: t.transferId, twice: [], missing: [] });
      }
    }
    // the rows of each service: exactly one per transfer driven
    expect(await count('enforcement', 'SELECT count(*)::int AS n FROM transfer')).toBe(TRANSFERS);
    expect(await count('police', 'SELECT count(*)::int AS n FROM incoming_transfer')).toBe(TRANSFERS);
    expect(await count('procuratorate', 'SELECT count(*)::int AS n FROM transfer_copy')).toBe(TRANSFERS);

    // one consumer group per service, shared by its instances
    for (const service of Object.keys(CONSUMES) as ServiceName[]) {
      const groups = await rowsOf<{ consumer_group: string }>(service, 'SELECT DISTINCT consumer_group FROM inbox');
      expect({ service, groups: groups.map((g) => g.consumer_group) }).toEqual({
        service,
        groups: [`casebridge-${service}.${sys.suffix}`],
      });
    }

    // the police agency inbox: each clock of each transfer one item, closed
    const items = await rowsOf<{ subject_id: string; rule_id: string; state: string }>(
      'police',
      `SELECT subject_id, rule_id, state FROM agency_inbox_item WHERE rule_id = ANY($1)`,
      [ruleIds],
    );
    for (const t of driven) {
      for (const r of ruleIds) {
        expect({
          transferId: t.transferId,
          r,
          items: items.filter((i) => i.subject_id === t.transferId && i.rule_id === r).map((i) => i.state),
        }).toEqual({ transferId: t.transferId, r, items: ['done'] });
      }
    }

    // Temporal: one run per transfer workflow, per penalty workflow and per shared record (the police filing decision
    // is entered on it automatically), all on this system's task queue
    const runs = new Map<string, number>();
    for await (const w of temporal.client.workflow.list({ query: `TaskQueue = '${sys.taskQueue}'` }))
      runs.set(w.workflowId, (runs.get(w.workflowId) ?? 0) + 1);
    const expected = driven
      .flatMap((t) => [
        transferWorkflowId(t.transferId),
        penaltyWorkflowId(t.caseId),
        sharingWorkflowId(t.linkedCaseId),
      ])
      .sort();
    expect([...runs.keys()].sort()).toEqual(expected);
    expect([...runs].filter(([, n]) => n !== 1)).toEqual([]);
    // each transfer workflow applied every act of its transfer (its own event log, deduplicated by event id)
    const bridged = new Set<string>(TRANSFER_WORKFLOW_EVENT_TYPES);
    for (const t of driven) {
      const state = await temporal.client.workflow
        .getHandle(transferWorkflowId(t.transferId))
        .query<{ events: { eventId: string; type: string; disposition: string }[] }>(TransferQueries.transferState);
      const want = events
        .filter((e) => e.payload.transferId === t.transferId && bridged.has(e.type))
        .map((e) => `${e.type} ${e.eventId} applied`)
        .sort();
      expect({
        transferId: t.transferId,
        events: state.events.map((e) => `${e.type} ${e.eventId} ${e.disposition}`).sort(),
      }).toEqual({ transferId: t.transferId, events: want });
    }

    // the groups were shared while both instances ran (each took part of the partitions at some join)
    for (const pair of [POLICE, WORKERS]) {
      const all = partitionsOf(pair[0]!);
      expect({ pair, shared: pair.flatMap((i) => joins(i)).some((n) => n > 0 && n < all) }).toEqual({
        pair,
        shared: true,
      });
    }

    const duplicatesInLog = log.length - byId.size;
    process.stdout.write(
      `[two-replicas] ${TRANSFERS} transfers driven in ${drivenMs} ms, verified in ${Date.now() - started - drivenMs} ms; ` +
        `police requests ${JSON.stringify(Object.fromEntries(served))}; log ${log.length} records, ${duplicatesInLog} redelivered by the relay (deduplicated by the inboxes)\n  ${steps.join('\n  ')}\n`,
    );
  }, 600_000);

  async function rowsOf<T>(service: ServiceName, query: string, params: unknown[] = []): Promise<T[]> {
    const c = await sys.sql(service);
    try {
      return (await c.query(query, params)).rows as T[];
    } finally {
      await c.end();
    }
  }
  async function count(service: ServiceName, query: string): Promise<number> {
    return (await rowsOf<{ n: number }>(service, query))[0]!.n;
  }
  /** Every record of every topic but the dead letters, with its topic. */
  async function readLog(): Promise<Logged[]> {
    const topics = ALL_TOPICS.filter((t) => t !== Topics.deadLetter).map((t) => `${t}.${sys.suffix}`);
    return (await readTopic(topics, 60_000)).map((m) => ({
      ...(JSON.parse(m.value!) as Omit<Logged, 'topic'>),
      topic: m.topic,
    }));
  }
});
