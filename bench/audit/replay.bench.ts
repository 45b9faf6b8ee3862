/**
 * Audit ledger bench: fills an isolated database with ≥ 1,000,000 hash-chained ledger entries of 10,000 linked
 * cases (realistic envelopes of a transfer path, canonical JSON, SHA-256 chains), signs the heads with the
 * production checkpoint round, then measures, on the same table and with the production code:
 *
 *   raw read     every row, every column (keyset batches, the reader verify uses; --cursor: also a server-side cursor)
 *   verify       recompute every content hash, entry hash, case sequence and the global fold, check every signature
 *   rebuild      replay every event (upcast + the case-state projector) into a fresh in-memory projection
 *   rebuild read the rows rebuild reads, without folding them (its raw baseline)
 *
 *   node -r @swc-node/register bench/audit/replay.bench.ts [--events 1000000] [--per-case 100] [--fill node|sql] [--parallel 2] [--cursor] [--keep]
 *
 * --fill node (default) generates in Node with the production hashing; --fill sql generates inside PostgreSQL with an
 * independent SQL implementation of the same formulas (slower; a cross-check: verify must accept both).
 *
 * PostgreSQL from CASEBRIDGE_PG_HOST/PORT/USER/PASSWORD (default 127.0.0.1:5433 postgres); the database
 * bench_audit_<random> is created and dropped (unless --keep).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client, Pool, type PoolClient } from 'pg';
import { canonicalJson } from '../../apps/audit/src/ledger/chain/canonical-json';
import { entryHashOf, GENESIS_HASH, sha256Hex } from '../../apps/audit/src/ledger/chain/hashing';
import { runCheckpointRound, streamEntries } from '../../apps/audit/src/ledger/ledger.store';
import { parsePublicKey, signerFromPrivateKey } from '../../apps/audit/src/ledger/signing/signing-key';
import { rebuildProjection } from '../../apps/audit/src/rebuild/rebuild-projection';
import { loadCaseState } from '../../apps/audit/src/replay/case-history';
import { databaseOfPool } from '../../apps/audit/src/shared/sql';
import { verifyLedger } from '../../apps/audit/src/verify/verify-ledger';
import { AUDIT_SCHEMA } from '../../apps/audit/src/schema';
import { migrateDatabase } from '@casebridge/platform';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    'per-case': { type: 'string', default: '100' },
    'cases-per-batch': { type: 'string', default: '500' },
    parallel: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    cursor: { type: 'boolean', default: false },
    fill: { type: 'string', default: 'node' },
  },
});
const EVENTS = Number(values.events);
const PER_CASE = Number(values['per-case']);
const CASES = Math.ceil(EVENTS / PER_CASE);
const CASES_PER_BATCH = Number(values['cases-per-batch']);
const PARALLEL = Math.max(1, Number(values.parallel));
const FILL = values.fill === 'sql' ? 'sql' : 'node';
if (!(EVENTS > 0 && PER_CASE > 1 && CASES_PER_BATCH > 0))
  throw new Error('--events, --per-case (> 1) and --cases-per-batch must be positive');

const pg = {
  host: process.env.CASEBRIDGE_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.CASEBRIDGE_PG_PORT ?? 5433),
  user: process.env.CASEBRIDGE_PG_USER ?? 'postgres',
  password: process.env.CASEBRIDGE_PG_PASSWORD ?? 'postgres',
};
const dbName = `bench_audit_${randomBytes(4).toString('hex')}`;

/**
 * Bench-only SQL: the canonical JSON (JCS: keys sorted, no whitespace) of a realistic envelope for event s of
 * case c, written out by hand with its keys in sorted order, and the entry hash exactly as hashing.ts defines it.
 * A transfer path repeats through the case (case.registered first, then evidence, transfer acts, police acts and
 * a deadline.missed v1 that the replay upcasts to v2). verifyLedger proves these hashes are the production ones.
 */
const BENCH_FUNCTIONS = String.raw`
CREATE FUNCTION b_linked(c int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT md5('case-' || c)::uuid::text $$;
CREATE FUNCTION b_event(c int, s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT md5('ev-' || c || '-' || s)::uuid::text $$;
CREATE FUNCTION b_case(c int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT md5('enf-' || c)::uuid::text $$;
CREATE FUNCTION b_transfer(c int, s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT md5('tr-' || c || '-' || ((s - 2) / 8))::uuid::text $$;
CREATE FUNCTION b_at(c int, s int) RETURNS timestamptz STABLE LANGUAGE sql AS $$ SELECT timestamptz '2026-01-01 00:00:00+00' + ((s::bigint * 3600000) + c::bigint * 7) * interval '1 millisecond' $$;
CREATE FUNCTION b_iso(t timestamptz) RETURNS text STABLE LANGUAGE sql AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
CREATE FUNCTION b_kind(s int) RETURNS int STABLE LANGUAGE sql AS $$ SELECT CASE WHEN s = 1 THEN -1 ELSE (s - 2) % 8 END $$;
CREATE FUNCTION b_type(s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT (ARRAY['evidence.attached','transfer.crime-suspected','transfer.team-reported','transfer.head-decided','transfer.sent','transfer.receipt-signed','transfer.filing-decided','deadline.missed'])[b_kind(s) + 1] $$;
CREATE FUNCTION b_type_of(s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT CASE WHEN s = 1 THEN 'case.registered' ELSE b_type(s) END $$;
CREATE FUNCTION b_agency(s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT CASE WHEN b_kind(s) IN (5, 6) THEN 'police:210100' WHEN b_kind(s) = 7 THEN 'workflow' ELSE 'enforcement:210100' END $$;
CREATE FUNCTION b_pkind(s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT CASE WHEN b_kind(s) IN (5, 6) THEN 'police' WHEN b_kind(s) = 7 THEN 'workflow' ELSE 'enforcement' END $$;
CREATE FUNCTION b_officer(c int, s int) RETURNS text STABLE LANGUAGE sql AS $$ SELECT CASE WHEN b_kind(s) = 7 THEN 'system:workflow' WHEN b_kind(s) IN (5, 6) THEN 'pol-officer-' || (c % 40) ELSE 'enf-officer-' || (c % 50) END $$;
CREATE FUNCTION b_payload(c int, s int) RETURNS text STABLE LANGUAGE sql AS $$
  SELECT CASE b_kind(s)
    WHEN -1 THEN '{"caseId":"' || b_case(c) || '","caseNumber":"辽沈环罚〔2026〕' || c || '号","discoveredAt":"2026-01-01T00:00:00.000Z","party":{"creditCode":"91210100MA0Y6J5X2U","name":"沈阳某化工有限公司"},"region":"210100","violation":"通过暗管向河道排放含铬废水"}'
    WHEN 0 THEN '{"caseId":"' || b_case(c) || '","custody":[{"action":"sampled at outlet 2","at":"' || b_iso(b_at(c, s)) || '","by":"enf-officer-' || (c % 50) || '"}],"evidenceId":"' || md5('evi-' || c || '-' || s)::uuid || '","fileName":"监测报告-' || s || '.pdf","kind":"monitoring-report","sha256":"' || md5('a' || c || s) || md5('b' || c || s) || '","sizeBytes":' || (40000 + c % 9000) || '}'
    WHEN 1 THEN '{"caseId":"' || b_case(c) || '","facts":"总铬超标 5.2 倍，暗管排放","thresholdFacts":["t3","t5"],"transferId":"' || b_transfer(c, s) || '"}'
    WHEN 2 THEN '{"caseId":"' || b_case(c) || '","summary":"涉嫌污染环境罪，建议移送","teamOfficerIds":["enf-officer-1","enf-officer-2"],"thresholdFacts":["t3","t5"],"transferId":"' || b_transfer(c, s) || '"}'
    WHEN 3 THEN '{"decision":"approved","transferId":"' || b_transfer(c, s) || '"}'
    WHEN 4 THEN '{"caseId":"' || b_case(c) || '","caseNumber":"辽沈环罚〔2026〕' || c || '号","copyToAgencyId":"procuratorate:210100","fromAgencyId":"enforcement:210100","materials":[{"kind":"transfer-letter","title":"涉嫌犯罪案件移送书"},{"kind":"monitoring-report","title":"监测报告"}],"party":{"creditCode":"91210100MA0Y6J5X2U","name":"沈阳某化工有限公司"},"summary":"涉嫌污染环境罪","thresholdFacts":["t3","t5"],"toAgencyId":"police:210100","transferId":"' || b_transfer(c, s) || '"}'
    WHEN 5 THEN '{"receiptNumber":"沈公（环）受字〔2026〕' || c || '-' || s || '号","transferId":"' || b_transfer(c, s) || '"}'
    WHEN 6 THEN '{"outcome":"not-filed","reasons":"现有证据不足以证明达到追诉标准","transferId":"' || b_transfer(c, s) || '"}'
    ELSE '{"dueAt":"' || b_iso(b_at(c, s)) || '","owingAgencyId":"police:210100","ruleId":"transfer.filing-review"}'
  END $$;
CREATE FUNCTION b_envelope(c int, s int, linked text, event text, at timestamptz) RETURNS text STABLE LANGUAGE sql AS $$
  SELECT '{"actor":{"officerId":"' || b_officer(c, s) || '"},"causationId":null,"correlationId":"' || event || '","eventId":"' || event
    || '","linkedCaseId":"' || linked || '","occurredAt":"' || b_iso(at) || '","payload":' || b_payload(c, s)
    || ',"producer":{"agencyId":"' || b_agency(s) || '","kind":"' || b_pkind(s) || '"},"recordedAt":"' || b_iso(at + interval '3 milliseconds')
    || '","type":"' || b_type_of(s) || '","version":1}' $$;
CREATE FUNCTION b_sha(t text) RETURNS text STABLE LANGUAGE sql AS $$ SELECT encode(sha256(convert_to(t, 'UTF8')), 'hex') $$;
CREATE FUNCTION b_entry_hash(s int, linked text, event text, at timestamptz, prev text, content text) RETURNS text STABLE LANGUAGE sql AS $$
  SELECT b_sha('casebridge.audit.entry.v1' || E'\n' || prev || E'\n' || content || E'\n' || s || E'\n' || linked || E'\n' || event
    || E'\n' || b_iso(at + interval '250 milliseconds')) $$;
`;

/**
 * One batch of cases, every event of each, chained per case by a recursive CTE (each step hashes the next event
 * of every case of the batch with the previous entry hash); rows come out step by step (every case's event 1,
 * then every case's event 2 …), so the ledger interleaves the cases as live traffic does.
 */
const FILL_BATCH = `
INSERT INTO ledger_entry (linked_case_id, case_seq, event_id, type, version, producer_agency_id, producer_kind, actor_officer_id,
  occurred_at, recorded_at, ingested_at, envelope, content_hash, prev_hash, entry_hash)
WITH RECURSIVE chain(c, s, linked, event, at, env, content, prev, hash) AS (
  SELECT c, 1, l.linked, r.event, r.at, e.env, x.content, repeat('0', 64), b_entry_hash(1, l.linked, r.event, r.at, repeat('0', 64), x.content)
    FROM generate_series($1::int, $2::int) c,
    LATERAL (SELECT b_linked(c) AS linked) l,
    LATERAL (SELECT b_event(c, 1) AS event, b_at(c, 1) AS at) r,
    LATERAL (SELECT b_envelope(c, 1, l.linked, r.event, r.at) AS env) e,
    LATERAL (SELECT b_sha(e.env) AS content) x
  UNION ALL
  SELECT ch.c, ch.s + 1, ch.linked, r.event, r.at, e.env, x.content, ch.hash, b_entry_hash(ch.s + 1, ch.linked, r.event, r.at, ch.hash, x.content)
    FROM chain ch,
    LATERAL (SELECT b_event(ch.c, ch.s + 1) AS event, b_at(ch.c, ch.s + 1) AS at) r,
    LATERAL (SELECT b_envelope(ch.c, ch.s + 1, ch.linked, r.event, r.at) AS env) e,
    LATERAL (SELECT b_sha(e.env) AS content) x
   WHERE ch.s < $3
)
SELECT linked, s, event, b_type_of(s), 1, b_agency(s), b_pkind(s), b_officer(c, s),
  at, at + interval '3 milliseconds', at + interval '250 milliseconds', env::jsonb, content, prev, hash
FROM chain -- a recursive CTE yields its steps in order (every case's s = 1, then s = 2 …): no sort needed; verify checks it
`;

/**
 * The same ledger generated in Node with the production hashing (canonicalJson, sha256, entryHashOf), inserted in
 * batches (one jsonb document per statement, jsonb_to_recordset) on two connections; the next batch is generated
 * while PostgreSQL inserts the previous ones. Rows are interleaved across the cases of a group (every case's event 1, then every case's event 2 …) and
 * carry their seq explicitly, so ledger order always follows each case's order.
 */
const NODE_INSERT = `
INSERT INTO ledger_entry (seq, linked_case_id, case_seq, event_id, type, version, producer_agency_id, producer_kind, actor_officer_id,
  occurred_at, recorded_at, ingested_at, envelope, content_hash, prev_hash, entry_hash) OVERRIDING SYSTEM VALUE
SELECT q, l, cs, ev, t, 1, pa, pk, o, oa, ra, ia, env, ch, ph, eh
  FROM jsonb_to_recordset($1::jsonb) AS x(q bigint, l text, cs int, ev text, t text, pa text, pk text, o text, oa timestamptz,
    ra timestamptz, ia timestamptz, env jsonb, ch text, ph text, eh text)`;

const hashUuid = (text: string) => {
  const h = sha256Hex(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const TYPES = [
  'evidence.attached',
  'transfer.crime-suspected',
  'transfer.team-reported',
  'transfer.head-decided',
  'transfer.sent',
  'transfer.receipt-signed',
  'transfer.filing-decided',
  'deadline.missed',
] as const;
const PARTY = { creditCode: '91210100MA0Y6J5X2U', name: '沈阳某化工有限公司' };

function nodeEvent(c: number, s: number, linked: string, caseId: string) {
  const kind = s === 1 ? -1 : (s - 2) % 8;
  const at = Date.UTC(2026, 0, 1) + s * 3_600_000 + c * 7;
  const iso = new Date(at).toISOString();
  const transferId = hashUuid(`tr-${c}-${Math.floor((s - 2) / 8)}`);
  const producer =
    kind === 5 || kind === 6
      ? { agencyId: 'police:210100', kind: 'police' }
      : kind === 7
        ? { agencyId: 'workflow', kind: 'workflow' }
        : { agencyId: 'enforcement:210100', kind: 'enforcement' };
  const officerId =
    kind === 7 ? 'system:workflow' : kind === 5 || kind === 6 ? `pol-officer-${c % 40}` : `enf-officer-${c % 50}`;
  const payload: Record<string, unknown> =
    kind === -1
      ? {
          caseId,
          caseNumber: `辽沈环罚〔2026〕${c}号`,
          discoveredAt: '2026-01-01T00:00:00.000Z',
          party: PARTY,
          region: '210100',
          violation: '通过暗管向河道排放含铬废水',
        }
      : kind === 0
        ? {
            caseId,
            custody: [{ action: 'sampled at outlet 2', at: iso, by: `enf-officer-${c % 50}` }],
            evidenceId: hashUuid(`evi-${c}-${s}`),
            fileName: `监测报告-${s}.pdf`,
            kind: 'monitoring-report',
            sha256: sha256Hex(`a${c}${s}`),
            sizeBytes: 40000 + (c % 9000),
          }
        : kind === 1
          ? { caseId, facts: '总铬超标 5.2 倍，暗管排放', thresholdFacts: ['t3', 't5'], transferId }
          : kind === 2
            ? {
                caseId,
                summary: '涉嫌污染环境罪，建议移送',
                teamOfficerIds: ['enf-officer-1', 'enf-officer-2'],
                thresholdFacts: ['t3', 't5'],
                transferId,
              }
            : kind === 3
              ? { decision: 'approved', transferId }
              : kind === 4
                ? {
                    caseId,
                    caseNumber: `辽沈环罚〔2026〕${c}号`,
                    copyToAgencyId: 'procuratorate:210100',
                    fromAgencyId: 'enforcement:210100',
                    materials: [
                      { kind: 'transfer-letter', title: '涉嫌犯罪案件移送书' },
                      { kind: 'monitoring-report', title: '监测报告' },
                    ],
                    party: PARTY,
                    summary: '涉嫌污染环境罪',
                    thresholdFacts: ['t3', 't5'],
                    toAgencyId: 'police:210100',
                    transferId,
                  }
                : kind === 5
                  ? { receiptNumber: `沈公（环）受字〔2026〕${c}-${s}号`, transferId }
                  : kind === 6
                    ? { outcome: 'not-filed', reasons: '现有证据不足以证明达到追诉标准', transferId }
                    : { dueAt: iso, owingAgencyId: 'police:210100', ruleId: 'transfer.filing-review' };
  const eventId = hashUuid(`ev-${c}-${s}`);
  const envelope = {
    eventId,
    type: s === 1 ? 'case.registered' : TYPES[kind]!,
    version: 1,
    linkedCaseId: linked,
    producer,
    actor: { officerId },
    occurredAt: iso,
    recordedAt: new Date(at + 3).toISOString(),
    correlationId: eventId,
    causationId: null,
    payload,
  };
  return { envelope, ingestedAt: new Date(at + 250).toISOString() };
}

async function fillWithNode(
  clients: PoolClient[],
  cases: number,
  perCase: number,
  groupSize: number,
  onProgress: (done: number) => void,
): Promise<void> {
  const BATCH = 5000;
  let seq = 0;
  let done = 0;
  // the batch as one JSON document (PostgreSQL parses it once, in C): the envelope's canonical text goes in verbatim
  let batch: string[] = [];
  // one statement in flight per connection; seq is explicit, so concurrent statements cannot reorder the ledger
  const inFlight: (Promise<unknown> | null)[] = clients.map(() => null);
  let turn = 0;
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    const slot = turn++ % clients.length;
    if (inFlight[slot]) await inFlight[slot];
    inFlight[slot] = clients[slot]!.query(NODE_INSERT, [`[${rows.join(',')}]`]).then(() =>
      onProgress((done += rows.length)),
    );
  };
  const q = JSON.stringify;
  for (let from = 1; from <= cases; from += groupSize) {
    const group = Array.from({ length: Math.min(groupSize, cases - from + 1) }, (_, i) => {
      const c = from + i;
      return { c, linked: hashUuid(`case-${c}`), caseId: hashUuid(`enf-${c}`), head: GENESIS_HASH };
    });
    for (let s = 1; s <= perCase; s++) {
      for (const g of group) {
        const { envelope, ingestedAt } = nodeEvent(g.c, s, g.linked, g.caseId);
        const raw = canonicalJson(envelope); // the wire text is canonical here: its hash is the content hash
        const contentHash = sha256Hex(raw);
        const entryHash = entryHashOf({
          prevHash: g.head,
          contentHash,
          caseSeq: s,
          linkedCaseId: g.linked,
          eventId: envelope.eventId,
          ingestedAt,
        });
        batch.push(
          `{"q":${++seq},"l":"${g.linked}","cs":${s},"ev":"${envelope.eventId}","t":${q(envelope.type)},"pa":${q(envelope.producer.agencyId)},` +
            `"pk":${q(envelope.producer.kind)},"o":${q(envelope.actor.officerId)},"oa":"${envelope.occurredAt}","ra":"${envelope.recordedAt}","ia":"${ingestedAt}",` +
            `"env":${raw},"ch":"${contentHash}","ph":"${g.head}","eh":"${entryHash}"}`,
        );
        g.head = entryHash;
        if (batch.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  await Promise.all(inFlight);
  await clients[0]!.query(`SELECT setval(pg_get_serial_sequence('ledger_entry', 'seq'), $1)`, [seq]);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rate = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : n);

async function timed<T>(what: string, fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  process.stdout.write(`${what} … `);
  const t = Date.now();
  const result = await fn();
  const ms = Date.now() - t;
  process.stdout.write(`${(ms / 1000).toFixed(1)} s\n`);
  return { result, ms };
}

async function main(): Promise<void> {
  const admin = new Client({ ...pg, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const pool = new Pool({ ...pg, database: dbName, max: 4, application_name: 'casebridge-audit-bench' });
  pool.on('error', () => undefined); // an idle client cut off (the database dropped at the end) is no failure of the bench
  const db = databaseOfPool(pool);
  const started = Date.now();
  try {
    console.log(
      `audit ledger bench: ${fmt(CASES * PER_CASE)} events in ${fmt(CASES)} linked cases × ${PER_CASE}, database ${dbName} on ${pg.host}:${pg.port}`,
    );
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the start`,
    );
    await migrateDatabase(
      { host: pg.host, port: pg.port, username: pg.user, password: pg.password, database: dbName },
      AUDIT_SCHEMA.sets,
    );
    await pool.query(BENCH_FUNCTIONS);

    const fill = await timed(
      FILL === 'node'
        ? `fill (Node: canonical envelopes + SHA-256 chains, jsonb batches of 5,000 on ${PARALLEL} connections, pipelined with the generation)`
        : `fill (SQL: canonical envelopes + SHA-256 chains, recursive CTE per batch of ${CASES_PER_BATCH} cases, ${PARALLEL} in parallel)`,
      async () => {
        // bulk load: the two secondary unique constraints are dropped during the fill and re-added (same names and
        // definitions as the CreateLedger migration) afterwards — one sorted index build instead of a million random B-tree inserts
        await pool.query(
          'ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_event_id_key, DROP CONSTRAINT ledger_entry_case_seq_key',
        );
        const progress = (done: number) => process.stdout.write(`\r  ${fmt(done)} / ${fmt(CASES * PER_CASE)} `);
        if (FILL === 'node') {
          const clients = await Promise.all(Array.from({ length: PARALLEL }, () => pool.connect()));
          try {
            for (const client of clients) await client.query('SET synchronous_commit = off');
            await fillWithNode(clients, CASES, PER_CASE, 1000, progress);
          } finally {
            for (const client of clients) client.release();
          }
        } else {
          let next = 1;
          let done = 0;
          const worker = async () => {
            const client = await pool.connect();
            try {
              await client.query("SET synchronous_commit = off; SET work_mem = '256MB'");
              for (;;) {
                const from = next;
                if (from > CASES) return;
                next += CASES_PER_BATCH;
                const to = Math.min(CASES, from + CASES_PER_BATCH - 1);
                await client.query(FILL_BATCH, [from, to, PER_CASE]);
                done += (to - from + 1) * PER_CASE;
                progress(done);
              }
            } finally {
              client.release();
            }
          };
          await Promise.all(Array.from({ length: PARALLEL }, worker));
        }
        process.stdout.write('\n');
        await pool.query(`ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_event_id_key UNIQUE (event_id),
        ADD CONSTRAINT ledger_entry_case_seq_key UNIQUE (linked_case_id, case_seq)`);
        await pool.query('ANALYZE ledger_entry');
      },
    );
    const [{ n, size }] = (
      await pool.query<{ n: string; size: string }>(
        `SELECT count(*)::text AS n, pg_size_pretty(pg_total_relation_size('ledger_entry')) AS size FROM ledger_entry`,
      )
    ).rows as [{ n: string; size: string }];
    const events = Number(n);
    console.log(`  ${fmt(events)} entries, ${size} with indexes`);

    const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const sign = await timed('checkpoint round (global fold + one Ed25519 checkpoint per case head)', () =>
      runCheckpointRound(db, signer),
    );
    console.log(`  ${fmt(sign.result.cases)} case checkpoints + 1 global (up to seq ${sign.result.global?.upToSeq})`);

    const raw = await timed(
      'raw read: every row, every column (keyset batches of 5,000, as verify reads)',
      async () => {
        let rows = 0;
        for await (const batch of streamEntries(db, 5000)) rows += batch.length;
        return rows;
      },
    );
    const cursor = !values.cursor
      ? null
      : await timed('raw read: server-side cursor, FETCH 10,000, every column', async () => {
          const client = await pool.connect();
          let rows = 0;
          try {
            await client.query('BEGIN');
            await client.query('DECLARE everything NO SCROLL CURSOR FOR SELECT * FROM ledger_entry ORDER BY seq');
            for (;;) {
              const r = await client.query('FETCH 10000 FROM everything');
              rows += r.rowCount ?? 0;
              if (!r.rowCount) break;
            }
            await client.query('COMMIT');
          } finally {
            client.release();
          }
          return rows;
        });
    const rebuildRead = await timed(
      'raw read: the four columns rebuild reads (seq, case, caseSeq, envelope), batches of 10,000',
      async () => {
        let rows = 0;
        let after = 0;
        for (;;) {
          const r = await pool.query<{ seq: string }>(
            'SELECT e.seq::text AS seq, e.linked_case_id, e.case_seq, e.envelope FROM ledger_entry e WHERE e.seq > $1 ORDER BY e.seq LIMIT 10000',
            [after],
          );
          rows += r.rows.length;
          if (r.rows.length < 10000) break;
          after = Number(r.rows[r.rows.length - 1]!.seq);
        }
        return rows;
      },
    );
    const verify = await timed('verify: whole store (every hash, sequence, global fold, signature)', () =>
      verifyLedger(db, { publicKeys: [parsePublicKey(signer.publicKeyPem)], batchSize: 5000 }),
    );
    if (!verify.result.ok) {
      console.error(
        JSON.stringify(
          { firstBroken: verify.result.firstBroken, checkpointProblems: verify.result.checkpointProblems.slice(0, 3) },
          null,
          2,
        ),
      );
      throw new Error('the generated ledger does not verify');
    }
    const rebuild = await timed(
      'rebuild: replay every event into a fresh projection (upcast + case-state projector)',
      () => rebuildProjection(db),
    );

    const sample = (
      await pool.query<{ id: string }>(
        'SELECT linked_case_id AS id FROM ledger_entry WHERE case_seq = 1 ORDER BY random() LIMIT 50',
      )
    ).rows.map((r) => r.id);
    const oneCase = await timed(
      `state of one ${PER_CASE}-event case as of an instant (${sample.length} cases, read + upcast + project)`,
      async () => {
        for (const id of sample) await loadCaseState(db, id, new Date('2026-01-03T00:00:00Z'));
      },
    );
    const oneVerify = await timed(`verify one case (${sample.length} cases)`, async () => {
      for (const id of sample) {
        const r = await verifyLedger(db, { linkedCaseId: id, publicKeys: [parsePublicKey(signer.publicKeyPem)] });
        if (!r.ok) throw new Error(`case ${id} does not verify`);
      }
    });

    const rows: [string, number, number][] = [
      [`fill (${FILL === 'node' ? 'Node' : 'SQL'}: generate + hash + insert + index)`, events, fill.ms],
      ['checkpoint round (fold + sign heads)', events, sign.ms],
      ['raw read, all columns (keyset)', raw.result, raw.ms],
      ...(cursor ? [['raw read, all columns (cursor)', cursor.result, cursor.ms] as [string, number, number]] : []),
      ['raw read, rebuild columns (keyset)', rebuildRead.result, rebuildRead.ms],
      ['verify whole store', verify.result.entriesChecked, verify.ms],
      ['rebuild (replay into projection)', rebuild.result.events, rebuild.ms],
    ];
    console.log('\n| step | rows | seconds | rows/s | vs raw read (all columns, keyset) |');
    console.log('|---|---:|---:|---:|---:|');
    const rawRate = rate(raw.result, raw.ms);
    for (const [what, count, ms] of rows) {
      console.log(
        `| ${what} | ${fmt(count)} | ${(ms / 1000).toFixed(1)} | ${fmt(rate(count, ms))} | ${(rate(count, ms) / rawRate).toFixed(2)}× |`,
      );
    }
    console.log(
      `\nrebuild: ${fmt(rebuild.result.cases)} cases, views derived in ${rebuild.result.viewMs} ms; enforcement phases ${JSON.stringify(rebuild.result.summary.phases['enforcement.transfers'])}; penalty clocks ${JSON.stringify(rebuild.result.summary.penaltyClocks)}; missed deadlines ${fmt(rebuild.result.summary.missedDeadlines)}`,
    );
    console.log(
      `one case (${PER_CASE} events): state as of ${(oneCase.ms / sample.length).toFixed(1)} ms, verify ${(oneVerify.ms / sample.length).toFixed(1)} ms (average of ${sample.length})`,
    );
    console.log(
      `total ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await pool.end();
    if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    else console.log(`kept database ${dbName}`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
