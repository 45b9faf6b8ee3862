/**
 * Auditor (issue "Auditor: verifiable replay of a case's cross-agency history"), end to end on real Kafka and
 * PostgreSQL: a transfer is driven through the agencies' own REST APIs; the audit service records every event
 * in its append-only, hash-chained ledger; an auditor replays the history, asks for the state as of past
 * instants (acceptance 1), detects tampering done behind the service's back (acceptance 2), and a redelivered
 * event is not recorded twice (acceptance 3).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { Topics } from '@casebridge/contracts';
import { contentHashOf } from '../../apps/audit/src/ledger/chain/hashing';
import { verifyExport } from '../../apps/audit/src/export/verify-export';
import { testKafka } from '../support/kafka';
import { Api, eventually, TestSystem, type ServiceName } from '../support/system';
import { agencies, openAndSend, POL, type Agencies } from '../transfer/transfer-driver';

const root = path.resolve(__dirname, '../..');
/**
 * Agencies see each other's events after a Kafka round trip. The apps' consumer groups are not isolated per
 * topic suffix (libs/platform messagingModule: groupId casebridge-<service>), so another test system running
 * on the same broker at the same time joins the same group and can hold our partitions until a rebalance:
 * wait generously.
 */
const PATIENCE_MS = 150_000;

interface HistoryEntry {
  seq: number;
  caseSeq: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  ingestedAt: string;
  originalVersion: number;
  currentVersion: number;
  who: { producer: { agencyId: string; kind: string }; officerId: string };
  hashes: { contentHash: string; prevHash: string; entryHash: string };
}
interface History {
  linkedCaseId: string;
  count: number;
  entries: HistoryEntry[];
}
interface State {
  exists: boolean;
  eventsApplied: number;
  enforcement: { transfers: { transferId: string; phase: string }[]; penaltyClock: { status: string } | null };
  police: { transfers: { transferId: string; agencyId: string; phase: string }[] };
  procuratorate: { transferCopies: { transferId: string; status: string }[] };
  deadlines: { running: unknown[] };
}
interface Problem {
  seq: number;
  linkedCaseId: string;
  caseSeq: number;
  problem: string;
  expected: string;
  found: string;
}
interface Verify {
  ok: boolean;
  unsignedHeads: number;
  firstBroken: Problem | null;
  brokenCases: { linkedCaseId: string; firstBroken: Problem }[];
  gaps: { linkedCaseId: string; missingFrom: number; missingTo: number }[];
  checkpointProblems: { linkedCaseId: string; problem: string }[];
}
interface AgencyViews {
  enforcement: string;
  police: string;
  procuratorate: string;
}

jest.setTimeout(420_000);

describe('audit ledger: verifiable replay of a case’s cross-agency history', () => {
  const keyFile = path.join(tmpdir(), `casebridge-audit-e2e-${randomBytes(4).toString('hex')}.pem`);
  const sys = new TestSystem(['enforcement', 'police', 'procuratorate', 'audit'], {
    audit: { CASEBRIDGE_AUDIT_KEY_FILE: keyFile, CASEBRIDGE_AUDIT_CHECKPOINT_INTERVAL_MS: '1000' },
  });
  let a: Agencies;
  let auditor: Api;
  let auditDb: Client;
  let publicKeyPem: string;
  /** whole-ledger verify and the global checkpoints span every region: national auditors only (audit scope) */
  let national: Api;
  // case A: the transfer path; instants right after each step was seen by all three agencies
  let A: { linkedCaseId: string; transferId: string; caseId: string };
  const instants: { what: string; at: string; views: AgencyViews }[] = [];
  let beforeAll_: string;

  const connect = async (service: ServiceName): Promise<Client> => {
    const d = sys.database(service);
    const c = new Client({ host: d.host, port: d.port, user: d.user, password: d.password, database: d.name });
    await c.connect();
    return c;
  };

  const getText = async (url: string): Promise<{ status: number; type: string; text: string }> => {
    const r = await fetch(`${sys.url('audit')}${url}`, {
      headers: { authorization: `Bearer ${sys.token('procuratorate:210100', ['auditor'], 'auditor-zhou')}` },
    });
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  };

  const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const d = sys.database('audit');
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'apps/audit/src/cli/audit.cli.ts', ...args],
        {
          cwd: root,
          timeout: 90_000,
          env: {
            ...process.env,
            CASEBRIDGE_PG_HOST: d.host,
            CASEBRIDGE_PG_PORT: String(d.port),
            CASEBRIDGE_PG_USER: d.user,
            CASEBRIDGE_PG_PASSWORD: d.password,
            CASEBRIDGE_DB_NAME: d.name,
            CASEBRIDGE_AUDIT_KEY_FILE: keyFile,
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  /** Every event the agencies published about a linked case (their outboxes): id and envelope. */
  const published = async (linkedCaseId: string): Promise<Map<string, Record<string, unknown>>> => {
    const all = new Map<string, Record<string, unknown>>();
    for (const s of ['enforcement', 'police', 'procuratorate'] as const) {
      const c = await connect(s);
      try {
        const rows = await c.query<{ event_id: string; envelope: Record<string, unknown> }>(
          'SELECT event_id, envelope FROM outbox WHERE key = $1',
          [linkedCaseId],
        );
        for (const r of rows.rows) all.set(r.event_id, r.envelope);
      } finally {
        await c.end();
      }
    }
    return all;
  };

  const history = (linkedCaseId: string) => auditor.get<History>(`/cases/${linkedCaseId}/history`);

  /** Waits until the ledger holds exactly the events the agencies published about the case. */
  const ledgerCaughtUp = async (linkedCaseId: string): Promise<History> => {
    const expected = await published(linkedCaseId);
    return eventually(
      () => history(linkedCaseId).catch(() => ({ count: -1, entries: [] }) as unknown as History),
      (h) => h.count === expected.size,
      `the ledger holds the ${expected.size} events of ${linkedCaseId}`,
      PATIENCE_MS,
    );
  };

  const agencyViews = async (transferId: string): Promise<AgencyViews> => ({
    enforcement: (await a.enf.get<{ phase: string }>(`/transfers/${transferId}`)).phase,
    police: (await a.pol.get<{ phase: string }>(`/transfers/${transferId}`)).phase,
    procuratorate: (await a.pro.get<{ status: string }>(`/transfer-copies/${transferId}`)).status,
  });

  /** Waits until all three agencies show `expected`, then notes the instant right after. */
  const settle = async (what: string, transferId: string, expected: AgencyViews): Promise<void> => {
    const views = await eventually(
      () => agencyViews(transferId),
      (v) => JSON.stringify(v) === JSON.stringify(expected),
      `${what}: ${JSON.stringify(expected)}`,
      PATIENCE_MS,
    );
    await new Promise((r) => setTimeout(r, 5));
    instants.push({ what, at: new Date().toISOString(), views });
  };

  const projected = (s: State, transferId: string): AgencyViews => ({
    enforcement: s.enforcement.transfers.find((t) => t.transferId === transferId)?.phase ?? 'none',
    police: s.police.transfers.find((t) => t.transferId === transferId && t.agencyId === POL)?.phase ?? 'none',
    procuratorate: s.procuratorate.transferCopies.find((c) => c.transferId === transferId)?.status ?? 'none',
  });

  beforeAll(async () => {
    await sys.start();
    a = agencies(sys);
    auditor = new Api(sys.url('audit'), sys.token('procuratorate:210100', ['auditor'], 'auditor-zhou'));
    national = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['auditor'], 'auditor-national'));
    auditDb = await connect('audit');
    publicKeyPem = (await auditor.get<{ publicKeyPem: string }>('/ledger/public-key')).publicKeyPem;
  }, 240_000);

  afterAll(async () => {
    await auditDb?.end();
    await sys.stop();
    rmSync(keyFile, { force: true });
  }, 60_000);

  it('acceptance 1: the history is in order with both timestamps; the state as of each instant is what the agencies showed then', async () => {
    beforeAll_ = new Date().toISOString();
    A = await openAndSend(a, 'audit-a');
    await settle('after send', A.transferId, {
      enforcement: 'sent',
      police: 'awaiting-receipt',
      procuratorate: 'sent',
    });
    await a.pol.post(`/transfers/${A.transferId}/receipt`, { receiptNumber: '沈公（环）受字〔2026〕88号' }); // transfer.receipt
    await settle('after receipt', A.transferId, {
      enforcement: 'received',
      police: 'received',
      procuratorate: 'received',
    });
    await a.pol.post(`/transfers/${A.transferId}/decision`, {
      outcome: 'filed',
      policeCaseNumber: '沈公（环）立字〔2026〕88号',
    }); // transfer.filing-review
    await settle('after decision', A.transferId, { enforcement: 'filed', police: 'filed', procuratorate: 'filed' });

    const h = await ledgerCaughtUp(A.linkedCaseId);
    const sent = await published(A.linkedCaseId);
    // every published event is there once, as received (same canonical content as the producer's outbox)
    expect(new Set(h.entries.map((e) => e.eventId))).toEqual(new Set(sent.keys()));
    for (const e of h.entries) expect(e.hashes.contentHash).toBe(contentHashOf(sent.get(e.eventId)));
    // in order: caseSeq 1…n without gaps, ledger seq increasing, chained
    expect(h.entries.map((e) => e.caseSeq)).toEqual(h.entries.map((_, i) => i + 1));
    for (let i = 1; i < h.entries.length; i++) {
      expect(h.entries[i]!.seq).toBeGreaterThan(h.entries[i - 1]!.seq);
      expect(h.entries[i]!.hashes.prevHash).toBe(h.entries[i - 1]!.hashes.entryHash);
    }
    expect(h.entries[0]!.hashes.prevHash).toBe('0'.repeat(64));
    // who and when: producer agency + officer; event time and recorded time (and when the ledger got it)
    for (const e of h.entries) {
      expect(e.who.producer.agencyId).toMatch(/^(enforcement|police|procuratorate):\d{6}$/);
      expect(e.who.officerId).not.toBe('');
      for (const t of [e.occurredAt, e.recordedAt, e.ingestedAt])
        expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(e.ingestedAt)).toBeGreaterThanOrEqual(Date.parse(e.recordedAt));
      expect(e.originalVersion).toBe(1);
    }
    const types = h.entries.map((e) => e.type);
    expect(types[0]).toBe('case.registered');
    const order = [
      'transfer.crime-suspected',
      'transfer.team-reported',
      'transfer.head-decided',
      'transfer.sent',
      'transfer.receipt-signed',
      'transfer.filing-decided',
    ];
    expect(order.map((t) => types.indexOf(t))).toEqual([...order.map((t) => types.indexOf(t))].sort((x, y) => x - y));
    expect(order.every((t) => types.includes(t))).toBe(true);
    const by = (type: string) => h.entries.find((e) => e.type === type)!.who;
    expect(by('transfer.head-decided')).toEqual({
      producer: { agencyId: 'enforcement:210100', kind: 'enforcement' },
      officerId: 'enf-head-liu',
    });
    expect(by('transfer.receipt-signed')).toEqual({
      producer: { agencyId: POL, kind: 'police' },
      officerId: 'pol-officer-wang',
    });

    // the state as of each instant matches what each agency's own API showed then
    for (const { what, at, views } of instants) {
      const s = await auditor.get<State>(`/cases/${A.linkedCaseId}/state?asOf=${encodeURIComponent(at)}`);
      expect({ what, ...projected(s, A.transferId) }).toEqual({ what, ...views });
      expect(s.enforcement.penaltyClock?.status).toBe('suspended'); // with the police since the send (E17 art 16)
      expect(s.deadlines.running).toEqual([]); // no workflow in this system: no deadline events, the views are there all the same
    }
    const before = await auditor.get<State>(`/cases/${A.linkedCaseId}/state?asOf=${encodeURIComponent(beforeAll_)}`);
    expect(before).toMatchObject({ exists: false, eventsApplied: 0 });
    // with an offset instead of Z, and the + encoded
    const t2 = new Date(Date.parse(instants[1]!.at) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(
      projected(
        await auditor.get<State>(`/cases/${A.linkedCaseId}/state?asOf=${encodeURIComponent(t2)}`),
        A.transferId,
      ),
    ).toEqual(instants[1]!.views);
  });

  it('bad input is a 4xx with a stable code; only auditors get in', async () => {
    const bad = async (url: string, status: number, code: string) =>
      expect((await auditor.call<{ code: string }>('GET', url, undefined, status)).body.code).toBe(code);
    await bad(`/cases/${A.linkedCaseId}/state?asOf=yesterday`, 400, 'AUDIT.BAD_AS_OF');
    await bad(`/cases/${A.linkedCaseId}/state?asOf=2026-11-20`, 400, 'AUDIT.BAD_AS_OF');
    await bad('/cases/not-a-case/history', 400, 'AUDIT.BAD_LINKED_CASE_ID');
    await bad('/cases/0197a1c2-0000-7000-8000-000000000000/history', 404, 'AUDIT.CASE_NOT_FOUND');
    await bad(`/cases/${A.linkedCaseId}/export?format=pdf`, 400, 'AUDIT.BAD_FORMAT');
    await bad('/ledger/verify?linkedCaseId=1%27%20OR%201=1', 400, 'AUDIT.BAD_LINKED_CASE_ID');
    const officer = new Api(sys.url('audit'), sys.token('procuratorate:210100', ['officer', 'head']));
    expect(
      (await officer.call<{ code: string }>('GET', `/cases/${A.linkedCaseId}/history`, undefined, 403)).body.code,
    ).toBe('AUTH.ROLE_NOT_ALLOWED');
    const anonymous = await fetch(`${sys.url('audit')}/ledger/public-key`);
    expect(anonymous.status).toBe(401);
  });

  it('issue 13 finding 3: auditors are scoped by division code; whole-ledger acts are national; rebuild is an operator act', async () => {
    const code = async (api: Api, method: string, url: string, status: number) => {
      const r = await api.call<{ code?: string }>(method, url, method === 'POST' ? {} : undefined, status);
      expect(JSON.stringify(r.body)).not.toContain('辽沈'); // nothing of the case leaks
      return r.body.code;
    };
    const dalian = new Api(sys.url('audit'), sys.token('police:210200', ['auditor']));
    for (const url of [
      `/cases/${A.linkedCaseId}/history`,
      `/cases/${A.linkedCaseId}/state`,
      `/cases/${A.linkedCaseId}/export?format=jsonl`,
      `/ledger/verify?linkedCaseId=${A.linkedCaseId}`,
      `/ledger/checkpoints?linkedCaseId=${A.linkedCaseId}`,
    ]) {
      expect(await code(dalian, 'GET', url, 404)).toBe('AUDIT.CASE_NOT_FOUND');
    }
    for (const url of ['/ledger/verify', '/ledger/checkpoints']) {
      expect(await code(auditor, 'GET', url, 403)).toBe('AUDIT.NATIONAL_SCOPE_REQUIRED');
      expect(await code(dalian, 'GET', url, 403)).toBe('AUDIT.NATIONAL_SCOPE_REQUIRED');
    }
    // the province (210000) and the nation cover Shenyang's case; any auditor kind of the region does
    for (const api of [
      new Api(sys.url('audit'), sys.token('court:210000', ['auditor'])),
      national,
      new Api(sys.url('audit'), sys.token('enforcement:210100', ['auditor'])),
    ]) {
      expect((await api.get<History>(`/cases/${A.linkedCaseId}/history`)).linkedCaseId).toBe(A.linkedCaseId);
    }
    expect(await code(national, 'POST', '/ledger/rebuild', 403)).toBe('AUTH.ROLE_NOT_ALLOWED');
    const operator = new Api(sys.url('audit'), sys.token('procuratorate:000000', ['operator']));
    expect((await operator.call<{ events: number }>('POST', '/ledger/rebuild', {}, 200)).body.events).toBeGreaterThan(
      0,
    );
    expect(await code(operator, 'GET', `/cases/${A.linkedCaseId}/history`, 403)).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it('acceptance 3: an envelope produced again onto its topic is not recorded twice', async () => {
    const before = await history(A.linkedCaseId);
    const again = before.entries.find((e) => e.type === 'transfer.sent')!;
    const { rows } = await auditDb.query<{ envelope: string }>(
      'SELECT envelope::text AS envelope FROM ledger_entry WHERE event_id = $1',
      [again.eventId],
    );
    const producer = testKafka('audit-e2e-redelivery').producer();
    await producer.connect();
    try {
      const message = { key: A.linkedCaseId, value: rows[0]!.envelope };
      await producer.send({ topic: `${Topics.enforcement}.${sys.suffix}`, messages: [message, message] });
    } finally {
      await producer.disconnect();
    }
    // a new event on the same partition (same key, same topic): once it is in, the copies before it were consumed
    await a.enf.post(`/transfers/${A.transferId}/items-handover`, {
      items: [{ kind: 'seized-items-list', title: '查封扣押物品清单' }],
    });
    const after = await eventually(
      () => history(A.linkedCaseId),
      (h) => h.entries.some((e) => e.type === 'transfer.items-handed-over'),
      'the items handover in the ledger',
      PATIENCE_MS,
    );
    expect(after.count).toBe(before.count + 1);
    expect(after.entries.filter((e) => e.eventId === again.eventId)).toHaveLength(1);
    const dup = await auditDb.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM ledger_entry GROUP BY event_id HAVING count(*) > 1',
    );
    expect(dup.rows).toEqual([]);
    expect((await ledgerCaughtUp(A.linkedCaseId)).count).toBe(after.count);
  });

  it('the store refuses UPDATE, DELETE and TRUNCATE through a normal connection', async () => {
    for (const sql of [
      'UPDATE ledger_entry SET type = type WHERE case_seq = 1',
      'DELETE FROM ledger_entry WHERE case_seq = 1',
      'TRUNCATE ledger_entry',
      'UPDATE ledger_checkpoint SET head_hash = head_hash',
      'DELETE FROM ledger_checkpoint',
      'TRUNCATE ledger_checkpoint',
    ]) {
      await expect(auditDb.query(sql)).rejects.toThrow(
        /AUDIT\.APPEND_ONLY: .* is refused: the audit ledger is append-only/,
      );
    }
    const ok = await national.get<Verify>('/ledger/verify');
    expect(ok).toMatchObject({ ok: true, firstBroken: null, gaps: [], checkpointProblems: [] });
  });

  it('exports: JSON Lines verifiable with the public key alone (one altered byte fails), readable HTML escaped; the CLI agrees', async () => {
    const jsonl = await getText(`/cases/${A.linkedCaseId}/export?format=jsonl`);
    expect(jsonl.type).toMatch(/^application\/x-ndjson/);
    const r = verifyExport(jsonl.text, publicKeyPem);
    expect(r).toMatchObject({ ok: true, linkedCaseId: A.linkedCaseId, sealed: true, sealValid: true });
    expect(r.entries).toBe((await history(A.linkedCaseId)).count);
    const bytes = Buffer.from(jsonl.text, 'utf8');
    const flip = (at: number) => {
      const b = Buffer.from(bytes);
      b[at] = b[at] === 0x30 ? 0x31 : 0x30;
      return b.toString('utf8');
    };
    const envelopeAt = jsonl.text.indexOf('"receiptNumber"') + 20;
    for (const at of [envelopeAt, jsonl.text.indexOf('"entryHash"') + 14, 10, bytes.length - 30])
      expect(verifyExport(flip(at), publicKeyPem).ok).toBe(false);
    expect(
      verifyExport(
        jsonl.text,
        (await import('node:crypto'))
          .generateKeyPairSync('ed25519')
          .publicKey.export({ type: 'spki', format: 'pem' })
          .toString(),
      ).ok,
    ).toBe(false);

    // an HTML report of a case whose text carries markup: escaped
    const { linkedCaseId: htmlCase } = await a.enf.post<{ linkedCaseId: string }>('/cases', {
      caseNumber: `辽沈环罚〔2026〕audit-html-${randomBytes(3).toString('hex')}号`,
      party: { name: '<b>某公司</b>', creditCode: '91210100MA0Y6J5X2U' },
      violation: '<script>alert("audit")</script> 暗管排放',
      discoveredAt: '2026-11-20T10:30:00+08:00',
    });
    await ledgerCaughtUp(htmlCase);
    const html = await getText(`/cases/${htmlCase}/export?format=html`);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.text).toContain('&lt;script&gt;alert(');
    expect(html.text).not.toMatch(/<script|<b>某/);
    expect(html.text).toContain('data-seal="sealed"'); // made from a sealed JSON Lines export of the same moment, named by its SHA-256
    expect(html.text).toMatch(/本报告依据 JSON Lines 导出文件 <code>case-[0-9a-f-]+-[0-9TZ-]+\.jsonl<\/code> 生成/);

    // the CLI, straight on the audit database
    const dir = path.join(tmpdir(), `casebridge-audit-e2e-${sys.suffix}`);
    const file = `${dir}-a.jsonl`;
    const pub = `${dir}-pub.pem`;
    try {
      // the auditor's way to the PEM: the CLI asks GET /ledger/public-key and writes the file verify-file takes
      const token = sys.token('procuratorate:210100', ['auditor'], 'auditor-zhou');
      expect(await cli(['public-key', '--url', sys.url('audit'), '--token', token, '--out', pub])).toMatchObject({
        code: 0,
      });
      expect(readFileSync(pub, 'utf8')).toBe(publicKeyPem);
      const verify = await cli(['verify']);
      expect(verify).toMatchObject({ code: 0 });
      expect(verify.stdout).toMatch(/^OK: whole ledger/);
      const state = await cli(['state', A.linkedCaseId, '--as-of', instants[1]!.at]);
      expect(projected(JSON.parse(state.stdout) as State, A.transferId)).toEqual(instants[1]!.views);
      expect(await cli(['export', A.linkedCaseId, '--format', 'jsonl', '--out', file])).toMatchObject({ code: 0 });
      expect(await cli(['verify-file', file, '--public-key', pub])).toMatchObject({ code: 0 });
      const text = (await import('node:fs')).readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('"transfer.sent"', '"transfer.sEnt"'));
      const broken = await cli(['verify-file', file, '--public-key', pub]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^BROKEN/);
    } finally {
      rmSync(file, { force: true });
      rmSync(pub, { force: true });
    }
  });

  it('acceptance 2: an envelope altered and an entry deleted behind the service’s back are named by verify', async () => {
    const B = await openAndSend(a, 'audit-b');
    await eventually(
      () => a.pol.get<{ phase: string }>(`/transfers/${B.transferId}`),
      (t) => t.phase === 'awaiting-receipt',
      'police sees case B',
      PATIENCE_MS,
    );
    await a.pol.post(`/transfers/${B.transferId}/receipt`, { receiptNumber: 'R-B' });
    await ledgerCaughtUp(B.linkedCaseId);
    // wait for the checkpoint round to sign every head
    await eventually(
      () => national.get<Verify>('/ledger/verify'),
      (v) => v.ok && v.unsignedHeads === 0,
      'every head signed',
    );

    const entry = async (linkedCaseId: string, caseSeq: number) =>
      (
        await auditDb.query<{ seq: string; content_hash: string }>(
          'SELECT seq::text AS seq, content_hash FROM ledger_entry WHERE linked_case_id = $1 AND case_seq = $2',
          [linkedCaseId, caseSeq],
        )
      ).rows[0]!;
    const a3 = await entry(A.linkedCaseId, 3);
    const b5 = await entry(B.linkedCaseId, 5);
    // the superuser switches the triggers off for the session (what an insider with database access could do)
    await auditDb.query('BEGIN');
    await auditDb.query('SET LOCAL session_replication_role = replica');
    await auditDb.query(
      `UPDATE ledger_entry SET envelope = jsonb_set(envelope, '{payload,facts}', '"（已篡改）"') WHERE linked_case_id = $1 AND case_seq = 3`,
      [A.linkedCaseId],
    );
    await auditDb.query('DELETE FROM ledger_entry WHERE linked_case_id = $1 AND case_seq = 4', [B.linkedCaseId]);
    await auditDb.query('COMMIT');

    const v = await national.get<Verify>('/ledger/verify');
    expect(v.ok).toBe(false);
    const brokenA = v.brokenCases.find((c) => c.linkedCaseId === A.linkedCaseId)!.firstBroken;
    expect(brokenA).toMatchObject({
      seq: Number(a3.seq),
      caseSeq: 3,
      problem: 'content-hash-mismatch',
      expected: a3.content_hash,
    });
    expect(brokenA.found).not.toBe(a3.content_hash);
    const brokenB = v.brokenCases.find((c) => c.linkedCaseId === B.linkedCaseId)!.firstBroken;
    expect(brokenB).toMatchObject({
      seq: Number(b5.seq),
      caseSeq: 5,
      problem: 'sequence-gap',
      expected: 'caseSeq 4',
      found: 'caseSeq 5',
    });
    expect(v.gaps).toEqual([{ linkedCaseId: B.linkedCaseId, missingFrom: 4, missingTo: 4, beforeSeq: Number(b5.seq) }]);
    expect(v.brokenCases).toHaveLength(2);
    expect(v.firstBroken).toEqual(Number(a3.seq) < Number(b5.seq) ? brokenA : brokenB);
    // the deletion also moved the fold of the whole store away from the signed global heads
    expect(v.checkpointProblems.some((p) => p.linkedCaseId === 'global' && p.problem === 'head-mismatch')).toBe(true);

    const one = await auditor.get<Verify>(`/ledger/verify?linkedCaseId=${A.linkedCaseId}`);
    expect(one).toMatchObject({ ok: false, firstBroken: { caseSeq: 3, problem: 'content-hash-mismatch' } });
    // an export of the altered case fails verification even though the service sealed it
    const exported = await getText(`/cases/${A.linkedCaseId}/export?format=jsonl`);
    expect(verifyExport(exported.text, publicKeyPem).firstProblem).toMatchObject({
      caseSeq: 3,
      problem: 'content-hash-mismatch',
    });

    const cliVerify = await cli(['verify']);
    expect(cliVerify.code).toBe(1);
    expect(cliVerify.stdout).toContain(`broken case ${A.linkedCaseId}: first at caseSeq 3`);
    expect(cliVerify.stdout).toContain(`gap in ${B.linkedCaseId}: caseSeq 4 missing`);
  });
});
