import { CASE_A, envelope, MemoryLedger, newSigner } from '../testing/ledger-fixtures';
import { buildHtmlReport, escapeHtml } from './export-html';
import { buildJsonlExport } from './export-jsonl';
import { buildReportModel } from './report-model';

const SUBJECT = '5b0e8f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const signer = newSigner();
const STATUTE = new Set(['R310', 'E17', 'CPL', 'APL', 'GA', 'JR']);
/** English words of a Chinese page outside ids (code elements), the raw content (folded away) and technical names of the file */
function englishWords(html: string): string[] {
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/JSON Lines|SHA-256|UTC\+8/g, ' ');
  return (text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !STATUTE.has(w));
}

function caseLedger(reason = '请各机关按期办理。') {
  const l = new MemoryLedger();
  const add = (
    type: string,
    payload: Record<string, unknown>,
    occurredAt: string,
    producer = { agencyId: 'enforcement:210100', kind: 'enforcement' },
  ) => l.append(envelope(CASE_A, { type, payload, occurredAt, producer }));
  add(
    'case.registered',
    {
      caseId: SUBJECT,
      caseNumber: '沈环罚〔2026〕12号',
      region: '210100',
      party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      violation: '超标排放含重金属废水',
      discoveredAt: '2026-11-20T02:30:00.000Z',
    },
    '2026-11-20T02:30:00.000Z',
  );
  add(
    'transfer.sent',
    {
      transferId: SUBJECT,
      fromAgencyId: 'enforcement:210100',
      toAgencyId: 'police:210100',
      copyToAgencyId: 'procuratorate:210100',
    },
    '2026-11-20T03:00:00.000Z',
  );
  const wf = { agencyId: 'workflow', kind: 'workflow' };
  const started = (rule: string, due: string, lastDay: string, owing: string, at: string) =>
    add(
      'deadline.started',
      {
        stepId: `${SUBJECT}/${rule}`,
        subjectId: SUBJECT,
        ruleId: rule,
        variant: 'standard',
        owingAgencyId: owing,
        startedAt: at,
        dueAt: due,
        lastDay,
        explain: {},
      },
      at,
      wf,
    );
  started('transfer.receipt', '2026-11-21T03:00:00.000Z', '2026-11-21', 'police:210100', '2026-11-20T03:00:00.000Z');
  started(
    'transfer.filing-review',
    '2026-11-23T16:00:00.000Z',
    '2026-11-23',
    'police:210100',
    '2026-11-20T05:00:00.000Z',
  );
  add(
    'deadline.closed',
    { stepId: `${SUBJECT}/transfer.receipt`, subjectId: SUBJECT, ruleId: 'transfer.receipt', outcome: 'met' },
    '2026-11-20T05:00:00.000Z',
    wf,
  );
  add(
    'deadline.closed',
    {
      stepId: `${SUBJECT}/transfer.filing-review`,
      subjectId: SUBJECT,
      ruleId: 'transfer.filing-review',
      outcome: 'late',
    },
    '2026-11-25T02:00:00.000Z',
    wf,
  );
  add('supervision.joint-listed', { reviewInterval: 'P14D', reason }, '2026-11-26T02:00:00.000Z', {
    agencyId: 'procuratorate:210100',
    kind: 'supervision',
  });
  return l;
}

function exported(l: MemoryLedger, opts: { seal?: boolean; upTo?: number } = {}) {
  const checkpoints = opts.upTo === undefined ? [] : l.checkpoints(signer).map((c) => ({ ...c }));
  return buildJsonlExport({
    linkedCaseId: CASE_A,
    entries: l.ofCase(CASE_A),
    checkpoints,
    exportedAt: new Date('2026-11-27T00:00:00.000Z'),
    publicKey: { keyId: signer.keyId, pem: signer.publicKeyPem },
    ...(opts.seal === false ? {} : { sealer: signer }),
  });
}

describe('audit report (HTML, made from a JSON Lines export)', () => {
  const l = caseLedger();
  const sealed = exported(l);
  const model = buildReportModel(sealed, signer.publicKeyPem, 'case-a.jsonl');
  const zh = buildHtmlReport(model, 'zh', new Date('2026-11-27T00:00:00Z'));
  const en = buildHtmlReport(model, 'en', new Date('2026-11-27T00:00:00Z'));

  it('is titled by case number and party, names the export it was made from, and states the seal over all entries', () => {
    expect(zh).toContain('<title>案件审计报告 · 沈环罚〔2026〕12号 · 沈阳某化工有限公司</title>');
    expect(zh).toContain(`SHA-256：<code>${model.file.sha256}</code>`);
    expect(zh).toContain('<code>case-a.jsonl</code>');
    expect(zh).toContain(
      `<p class="ok" data-seal="sealed"><strong>已验证</strong> — 导出时以密钥 <code>${signer.keyId}</code> 加封，签名覆盖第 1–7 条记录，即本报告所列全部 7 条。`,
    );
    expect(en).toContain(`Sealed at export with key <code>${signer.keyId}</code> (Ed25519) over entries 1–7`);
  });

  it('tells each event as a sentence with official names, Beijing time to the second, the raw content folded away', () => {
    expect(zh).toContain('沈阳市生态环境局将案件移送沈阳市公安局，抄送沈阳市人民检察院');
    expect(zh).toContain('2026年11月20日 11:00:00');
    expect(zh).toMatch(/<details><summary>原始内容<\/summary>[\s\S]*?<pre>/);
    expect(zh).not.toMatch(/<td>\s*enforcement:210100/);
    expect(en).toContain(
      'Shenyang Municipal Ecology and Environment Bureau transferred the case to Shenyang Municipal Public Security Bureau',
    );
  });

  it('sums up every statutory clock: started, due (a day-counted one as last day 24:00), met or late and by how much', () => {
    expect(model.clocks.map((c) => [c.ruleId, c.outcome, c.margin?.zh])).toEqual([
      ['transfer.receipt', 'met', '22 小时'],
      ['transfer.filing-review', 'late', '1 天 10 小时'],
    ]);
    expect(zh).toContain('2026年11月23日 24:00 前');
    expect(zh).not.toContain('2026年11月24日 00:00');
    expect(zh).toContain('提前 22 小时');
    expect(zh).toContain('逾期 1 天 10 小时');
  });

  it('holds no English words in Chinese outside ids, statute abbreviations and the folded raw content', () => {
    expect(englishWords(zh)).toEqual([]);
  });

  it('says plainly when the export is not sealed, and claims "verified" only when a signature covers every entry', () => {
    const bare = buildReportModel(exported(l, { seal: false }), signer.publicKeyPem, 'bare.jsonl');
    expect(bare.seal.state).toBe('unsealed');
    const html = buildHtmlReport(bare, 'zh');
    expect(html).toContain(
      '<p class="plain" data-seal="unsealed"><strong>未加封</strong> — 未加封：本文件中的 7 条记录没有任何有效签名覆盖',
    );
    expect(html).not.toContain('已验证');
    expect(html).not.toContain('class="ok"');
    expect(buildHtmlReport(bare, 'en')).toContain('Not sealed: no valid signature covers any of the 7 entries');
    // checkpoints over entries 1–7 without a seal: verified by the checkpoints
    const covered = buildReportModel(exported(l, { seal: false, upTo: 7 }), signer.publicKeyPem, 'covered.jsonl');
    expect(covered.seal).toMatchObject({ state: 'checkpoint-covered', verified: true, signedUpTo: 7 });
  });

  it('altering any entry of the JSON Lines file fails verification, naming the entry', () => {
    const lines = sealed.split('\n');
    for (let i = 1; i <= 7; i++) {
      const altered = [...lines];
      const entry = JSON.parse(altered[i]!) as { envelope: { occurredAt: string } };
      entry.envelope.occurredAt = '2026-11-19T00:00:00.000Z';
      altered[i] = JSON.stringify(entry);
      for (const seal of [true, false]) {
        const text = seal ? altered.join('\n') : altered.slice(0, 8).join('\n') + '\n';
        const m = buildReportModel(text, signer.publicKeyPem, 'altered.jsonl');
        expect(m.seal.state).toBe('broken');
        expect(m.verification.problems).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ line: i + 1, caseSeq: i, problem: 'content-hash-mismatch' }),
          ]),
        );
        const html = buildHtmlReport(m, 'zh');
        expect(html).toContain(`第 ${i + 1} 行（第 ${i} 条记录）：内容被改动（内容哈希不符）`);
        expect(html).not.toContain('已验证');
      }
    }
  });

  it('wraps long text: a 4,000-character reason cannot widen the page', () => {
    const long = buildHtmlReport(
      buildReportModel(exported(caseLedger('长'.repeat(4000))), signer.publicKeyPem, 'long.jsonl'),
      'zh',
    );
    expect(long).toContain('长'.repeat(4000));
    expect(long).toMatch(/table-layout:fixed/);
    expect(long).toMatch(/overflow-wrap:anywhere/);
  });

  it('escapes every value that came from an event', () => {
    const x = new MemoryLedger();
    x.append(
      envelope(CASE_A, {
        type: 'case.registered',
        officerId: '"><img src=x onerror=alert(1)>',
        payload: {
          caseId: SUBJECT,
          caseNumber: '<b>1</b>',
          region: '210100',
          party: { name: 'A & B', creditCode: '91210100MA0Y6J5X2U' },
          violation: '<script>alert("x")</script>',
          discoveredAt: '2026-11-20T02:30:00.000Z',
        },
        occurredAt: '2026-11-20T02:30:00.000Z',
      }),
    );
    const html = buildHtmlReport(buildReportModel(exported(x), signer.publicKeyPem, 'x.jsonl'), 'zh');
    expect(html).not.toMatch(/<script>|<img|<b>1/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(escapeHtml(`<a href='x'>&\``)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&#96;');
  });
});
