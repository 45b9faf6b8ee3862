/**
 * The audit report an auditor files (issue 15), end to end: a fresh case goes through the transfer path on
 * real Kafka and PostgreSQL, the workflow's clocks are published as the worker publishes them, and the audit
 * CLI writes the sealed JSON Lines export with, made from it, the report as HTML and PDF in Chinese and
 * English. Checked: the seal over all entries; the first PDF page (text with pdftotext, rendered to PNG
 * with pdftoppm); the CLI without the signing key refuses unless --allow-unsealed, and the report of that
 * unsealed export says so in plain words; an altered entry of the JSON Lines file is named. Screenshots of
 * the report (zh, en) and the PNG of the first PDF page go to test-output/.
 *
 * Needs /usr/bin/chromium and poppler-utils (pdftoppm, pdftotext): `bash infra/local/up browser`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { endpoints } from '../support/endpoints';
import { eventually, TestSystem } from '../support/system';
import { deadlineEvents, publish } from '../supervision/inject';
import { agencies, openAndSend, POL, type Opened } from '../transfer/transfer-driver';

const CHROMIUM = '/usr/bin/chromium';
const ready = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftoppm');
if (!ready)
  process.stderr.write(
    '[audit-report.e2e] skipped: needs /usr/bin/chromium and pdftoppm (bash infra/local/up browser)\n',
  );

const root = path.resolve(__dirname, '../..');
const OUT = path.resolve(root, 'test-output');
const H = 3_600_000;
jest.setTimeout(400_000);

(ready ? describe : describe.skip)('audit report: HTML and PDF from a sealed JSON Lines export', () => {
  const keyFile = path.join(tmpdir(), `casebridge-report-e2e-${randomBytes(4).toString('hex')}.pem`);
  const sys = new TestSystem(['enforcement', 'police', 'audit'], {
    audit: { CASEBRIDGE_AUDIT_KEY_FILE: keyFile, CASEBRIDGE_AUDIT_CHECKPOINT_INTERVAL_MS: '1000' },
  });
  const dir = path.join(tmpdir(), `casebridge-report-e2e-${randomBytes(4).toString('hex')}`);
  let opened: Opened;
  let entries = 0;

  const cli = (
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const d = sys.database('audit');
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'apps/audit/src/cli/audit.cli.ts', ...args],
        {
          cwd: root,
          timeout: 120_000,
          env: {
            ...process.env,
            CASEBRIDGE_PG_HOST: d.host,
            CASEBRIDGE_PG_PORT: String(d.port),
            CASEBRIDGE_PG_USER: d.user,
            CASEBRIDGE_PG_PASSWORD: d.password,
            CASEBRIDGE_DB_NAME: d.name,
            CASEBRIDGE_AUDIT_KEY_FILE: keyFile,
            ...env,
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const files = (d: string, ext: string) =>
    readdirSync(d)
      .filter((f) => f.endsWith(ext))
      .map((f) => path.join(d, f));

  beforeAll(async () => {
    await sys.start();
    const a = agencies(sys, { police: true, procuratorate: false });
    opened = await openAndSend(a, '审计');
    const now = Date.now();
    // the worker's clocks of the transfer: the receipt met, the filing review missed
    await publish(endpoints().kafkaBrokers, sys.suffix, [
      ...deadlineEvents({
        linkedCaseId: opened.linkedCaseId,
        subjectId: opened.transferId,
        ruleId: 'transfer.receipt',
        owingAgencyId: POL,
        startedAt: new Date(now - 30 * H),
        dueAt: new Date(now - 6 * H),
        then: ['met'],
      }),
      ...deadlineEvents({
        linkedCaseId: opened.linkedCaseId,
        subjectId: opened.transferId,
        ruleId: 'transfer.filing-review',
        owingAgencyId: POL,
        startedAt: new Date(Date.UTC(2026, 10, 20, 2)),
        dueAt: new Date(Date.UTC(2026, 10, 23, 16)),
        then: ['missed'],
      }),
    ]);
    const auditor = {
      get: (u: string) =>
        fetch(`${sys.url('audit')}${u}`, {
          headers: { authorization: `Bearer ${sys.token('procuratorate:210100', ['auditor'], 'auditor-zhou')}` },
        }).then((r) => r.json() as Promise<{ count: number; entries: { type: string }[] }>),
    };
    const h = await eventually(
      () => auditor.get(`/cases/${opened.linkedCaseId}/history`).catch(() => ({ count: 0, entries: [] })),
      (x) =>
        x.entries?.filter((e) => e.type.startsWith('deadline.')).length === 4 &&
        x.entries.some((e) => e.type === 'transfer.sent'),
      'the ledger holds the case and its clocks',
      150_000,
    );
    // then every event the services wrote for the case is out (their outboxes hold nothing unpublished) and the ledger
    // has stopped growing (the same count for 3 s): an event still in flight (penalty.clock-changed after
    // transfer.sent, say) would otherwise make the report's seal cover one entry more than `entries`
    const unpublished = async (service: 'enforcement' | 'police'): Promise<number> => {
      const c = await sys.sql(service);
      try {
        return Number((await c.query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')).rows[0].n);
      } finally {
        await c.end();
      }
    };
    let last = h.count;
    let stableSince = Date.now();
    await eventually(
      async () => {
        const pending = (await unpublished('enforcement')) + (await unpublished('police'));
        const { count } = await auditor.get(`/cases/${opened.linkedCaseId}/history`);
        if (pending > 0 || count !== last) stableSince = Date.now();
        last = count;
        return Date.now() - stableSince >= 3_000 ? count : undefined;
      },
      (n) => n !== undefined,
      'the ledger of the case stops growing',
      60_000,
    );
    entries = last;
    mkdirSync(dir, { recursive: true });
    mkdirSync(OUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await sys.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(keyFile, { force: true });
  }, 60_000);

  it('the CLI writes the sealed export and the report (HTML, PDF) in both languages; the report states the seal over all entries', async () => {
    const out = path.join(dir, 'sealed');
    const r = await cli(['report', opened.linkedCaseId, '--out-dir', out, '--lang', 'both']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [jsonl] = files(out, '.jsonl');
    const sha = execFileSync('sha256sum', [jsonl!]).toString().split(' ')[0]!;
    expect(r.stdout).toContain(`(sha256 ${sha}): sealed at export with key `);
    expect(r.stdout).toContain(`over entries 1–${entries}`);
    const zh = readFileSync(files(out, '.zh.html')[0]!, 'utf8');
    expect(zh).toContain('data-seal="sealed"');
    expect(zh).toContain(`签名覆盖第 1–${entries} 条记录，即本报告所列全部 ${entries} 条`);
    expect(zh).toContain(`<code>${path.basename(jsonl!)}</code>`);
    expect(zh).toContain(`<code>${sha}</code>`);
    expect(zh).toContain('<title>案件审计报告 · 辽沈环罚〔2026〕审计-');
    expect(zh).toContain('沈阳市生态环境局将案件移送沈阳市公安局');
    expect(zh).toContain('2026年11月23日 24:00 前'); // the day-counted clock: its last day ending at 24:00
    expect(readFileSync(files(out, '.en.html')[0]!, 'utf8')).toContain(`over entries 1–${entries}`);

    // the first page of the Chinese PDF: its text, and a PNG of it
    const [pdf] = files(out, '.zh.pdf');
    expect(readFileSync(pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    // the text of page 1, whitespace removed (table cells wrap lines)
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-raw', pdf!, '-']).toString().replace(/\s+/g, '');
    for (const s of [
      '案件审计报告',
      '沈阳某化工有限公司',
      '已验证',
      '导出时以密钥',
      `签名覆盖第 1–${entries} 条记录`,
      '法定期限汇总',
      '公安机关在移送书回执上签字',
      '按期完成',
      '2026年11月23日24:00前',
    ])
      expect(text).toContain(s.replace(/\s+/g, ''));
    const png = path.join(OUT, 'audit-report-zh-page1');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', '-singlefile', pdf!, png]);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(20_000);

    // screenshots of the HTML report, as an auditor's browser shows it
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      for (const lang of ['zh', 'en']) {
        await page.goto(`file://${files(out, `.${lang}.html`)[0]}`);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
        await page.screenshot({ path: path.join(OUT, `audit-report-${lang}.png`), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  });

  it('without the signing key the CLI refuses to write an unsealed export unless told; that report says "not sealed" in plain words', async () => {
    const noKey = { CASEBRIDGE_AUDIT_KEY_FILE: path.join(dir, 'absent.pem') };
    const out = path.join(dir, 'unsealed');
    const refused = await cli(
      ['export', opened.linkedCaseId, '--format', 'jsonl', '--out', path.join(dir, 'x.jsonl')],
      noKey,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the export would be NOT SEALED');
    expect(existsSync(path.join(dir, 'x.jsonl'))).toBe(false);

    const pub = path.join(dir, 'pub.pem');
    writeFileSync(pub, (await cli(['public-key'])).stdout);
    const r = await cli(
      ['report', opened.linkedCaseId, '--out-dir', out, '--public-key', pub, '--allow-unsealed', '--no-pdf'],
      noKey,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('WARNING: NOT SEALED');
    expect(r.stdout).toMatch(/NOT SEALED|not sealed; signed checkpoints/);
    const zh = readFileSync(files(out, '.zh.html')[0]!, 'utf8');
    expect(zh).not.toContain('data-seal="sealed"');
    expect(zh).toMatch(/未加封/);
  });

  it('an altered entry of the JSON Lines file fails verification, and the report names the entry', async () => {
    const sealedDir = path.join(dir, 'sealed');
    const [jsonl] = files(sealedDir, '.jsonl');
    const lines = readFileSync(jsonl!, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"transfer.sent"'));
    const entry = JSON.parse(lines[at]!) as { caseSeq: number; envelope: { payload: Record<string, unknown> } };
    entry.envelope.payload.toAgencyId = 'police:210200';
    lines[at] = JSON.stringify(entry);
    const altered = path.join(dir, 'altered.jsonl');
    writeFileSync(altered, lines.join('\n'));
    const pub = path.join(dir, 'pub.pem');
    const r = await cli([
      'report',
      '--from',
      altered,
      '--public-key',
      pub,
      '--out-dir',
      path.join(dir, 'altered'),
      '--no-pdf',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`VERIFICATION FAILED: line ${at + 1} (entry ${entry.caseSeq}) content-hash-mismatch`);
    const zh = readFileSync(files(path.join(dir, 'altered'), '.zh.html')[0]!, 'utf8');
    expect(zh).toContain(`第 ${at + 1} 行（第 ${entry.caseSeq} 条记录）：内容被改动（内容哈希不符）`);
    expect(zh).not.toContain('已验证');
  });
});
