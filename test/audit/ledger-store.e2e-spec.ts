/**
 * The ledger store on a real PostgreSQL: concurrent appends to the same linked cases from many connections,
 * with checkpoint rounds running at the same time, never fork a chain, never skip or repeat a case sequence,
 * and every signed global checkpoint still matches the fold of the store (no append lands below a signed
 * upToSeq). A duplicate event id is refused, and the triggers refuse changes.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  appendEntry,
  readCheckpoints,
  runCheckpointRound,
  type ReceivedEnvelope,
} from '../../apps/audit/src/ledger/ledger.store';
import { parsePublicKey, signerFromPrivateKey } from '../../apps/audit/src/ledger/signing/signing-key';
import { databaseOfPool, type SqlDatabase } from '../../apps/audit/src/shared/sql';
import { verifyLedger } from '../../apps/audit/src/verify/verify-ledger';
import { AUDIT_SCHEMA } from '../../apps/audit/src/schema';
import { migrateDatabase } from '@casebridge/platform';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/database';

function received(
  linkedCaseId: string,
  n: number,
  eventId = randomUUID(),
): ReceivedEnvelope & { json: { eventId: string } } {
  const json = {
    eventId,
    type: 'evidence.attached',
    version: 1,
    linkedCaseId,
    producer: { agencyId: 'enforcement:210100', kind: 'enforcement' },
    actor: { officerId: `officer-${n % 7}` },
    occurredAt: new Date(Date.UTC(2026, 10, 20, 2, 30, 0, n)).toISOString(),
    recordedAt: new Date(Date.UTC(2026, 10, 20, 2, 30, 0, n + 1)).toISOString(),
    correlationId: eventId,
    causationId: null,
    payload: { n, note: `证据 ${n}` },
  };
  // a wire form with its own spacing and key order: stored as received, hashed canonically
  return { raw: JSON.stringify(Object.fromEntries(Object.entries(json).reverse()), null, 1), json };
}

describe('ledger store on PostgreSQL: concurrency and append-only', () => {
  let isolated: IsolatedDatabase;
  let pool: Pool;
  let roundsPool: Pool;
  let db: SqlDatabase;
  const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
  const cases = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    isolated = await createIsolatedDatabase('audit_store');
    pool = new Pool({
      host: isolated.host,
      port: isolated.port,
      user: isolated.user,
      password: isolated.password,
      database: isolated.name,
      max: 12,
    });
    pool.on('error', () => undefined);
    db = databaseOfPool(pool);
    // the checkpoint rounds on their own connections, as another replica's would be (not queued behind the appends)
    roundsPool = new Pool({
      host: isolated.host,
      port: isolated.port,
      user: isolated.user,
      password: isolated.password,
      database: isolated.name,
      max: 1,
    });
    roundsPool.on('error', () => undefined);
    // every migration of the audit service's sets (applied in timestamp order), the ledger's among them
    const applied = (await migrateDatabase({ url: isolated.url }, AUDIT_SCHEMA.sets)).map((m) => m.name);
    expect([...applied].sort()).toEqual(AUDIT_SCHEMA.sets.flatMap((s) => s.migrations.map((m) => m.name)).sort());
    expect(applied).toContain('CreateLedger1764400000000');
    expect(await migrateDatabase({ url: isolated.url }, AUDIT_SCHEMA.sets)).toEqual([]); // applied once
  });

  afterAll(async () => {
    await pool?.end();
    await roundsPool?.end();
    await isolated?.drop();
  });

  it('300 concurrent appends to 3 cases with checkpoint rounds in between: linear chains, consistent signed heads', async () => {
    let stop = false;
    const rounds = (async () => {
      let n = 0;
      const roundsDb = databaseOfPool(roundsPool);
      while (!stop) {
        await runCheckpointRound(roundsDb, signer);
        n++;
        await new Promise((r) => setTimeout(r, 5));
      }
      return n;
    })();
    const appends = Array.from({ length: 300 }, (_, i) =>
      db.transaction(async (tx) => {
        const r = await appendEntry(tx, received(cases[i % 3]!, i), { signer, checkpointEvery: 25 });
        // hold the transaction a little, as an inbox transaction does, so appends of one case really contend
        await tx.query('SELECT pg_sleep(0.002)');
        return r;
      }),
    );
    const results = await Promise.all(appends);
    stop = true;
    const roundCount = await rounds;
    await runCheckpointRound(db, signer);

    expect(results.every((r) => r.appended)).toBe(true);
    for (const c of cases) {
      const seqs = (
        await pool.query<{ case_seq: number }>(
          'SELECT case_seq FROM ledger_entry WHERE linked_case_id = $1 ORDER BY case_seq',
          [c],
        )
      ).rows.map((r) => r.case_seq);
      expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    }
    const report = await verifyLedger(db, { publicKeys: [parsePublicKey(signer.publicKeyPem)] });
    expect(report).toMatchObject({
      ok: true,
      entriesChecked: 300,
      casesChecked: 3,
      problemCount: 0,
      checkpointProblems: [],
      unsignedHeads: 0,
    });
    const checkpoints = await readCheckpoints(db);
    expect(checkpoints.filter((c) => c.linkedCaseId === 'global').length).toBeGreaterThan(1); // rounds ran during the appends
    expect(
      checkpoints.filter((c) => c.linkedCaseId === cases[0] && c.upToSeq % 25 === 0).length,
    ).toBeGreaterThanOrEqual(4); // every 25th, in the append
    expect(roundCount).toBeGreaterThan(0);
  });

  it('refuses a second entry with the same event id, and the triggers refuse any change', async () => {
    const again = received(cases[0]!, 1000);
    const first = await db.transaction((tx) => appendEntry(tx, again));
    const second = await db.transaction((tx) => appendEntry(tx, { raw: JSON.stringify(again.json) }));
    expect(first.appended).toBe(true);
    expect(second).toMatchObject({ appended: false, reason: 'duplicate' });
    // the envelope is kept as received (jsonb of the raw text), and hashes canonically whatever its key order
    const stored = (
      await pool.query<{ type: string; version: number; envelope: { payload: { note: string } } }>(
        'SELECT type, version, envelope FROM ledger_entry WHERE event_id = $1',
        [again.json.eventId],
      )
    ).rows[0]!;
    expect(stored).toMatchObject({
      type: 'evidence.attached',
      version: 1,
      envelope: { payload: { note: '证据 1000' } },
    });
    for (const sql of [
      'UPDATE ledger_entry SET version = 2',
      'DELETE FROM ledger_entry',
      'TRUNCATE ledger_entry, ledger_checkpoint',
      'DELETE FROM ledger_checkpoint',
    ]) {
      await expect(pool.query(sql)).rejects.toThrow(/AUDIT\.APPEND_ONLY/);
    }
    expect((await verifyLedger(db, { publicKeys: [parsePublicKey(signer.publicKeyPem)] })).ok).toBe(true);
  });
});
