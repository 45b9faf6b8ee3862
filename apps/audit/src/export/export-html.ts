/**
 * The audit report an auditor files: one linked case, titled by case number and party, Chinese by default
 * (English on request), made from a JSON Lines export (report-model.ts) whose name and SHA-256 it states,
 * with exactly what the signatures cover. Each event is a sentence (who by official name, what, which step
 * and rule); its raw content is folded away. Times are Beijing time with seconds. Self-contained: no
 * script (a CSP forbids any), long text wraps. Printed to PDF by report-pdf.ts.
 */
import { formatDue, formatInstant, type Lang } from '@casebridge/directory';
import type { ClockSummary, ReportEvent, ReportModel } from './report-model';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for HTML element content and quoted attribute values. Every dynamic value goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

const T = {
  zh: {
    title: '案件审计报告',
    linked: '联动案件编号',
    noNumber: '（无案号）',
    party: '当事人',
    generated: '生成时间',
    integrity: '签名与完整性',
    verified: '已验证',
    notSealed: '未加封',
    partly: '部分签名',
    broken: '验证失败',
    madeFrom: (name: string, sha: string, bytes: number, at: string) =>
      `本报告依据 JSON Lines 导出文件 ${name} 生成（导出时间 ${at}；文件 SHA-256：${sha}；${bytes} 字节）。`,
    sealed: (key: string, n: number) =>
      `导出时以密钥 ${key} 加封，签名覆盖第 1–${n} 条记录，即本报告所列全部 ${n} 条。文件中任何字节被改动，验证即告失败。`,
    checkpoints: (key: string, n: number) =>
      `文件未加封；由密钥 ${key} 签名的定期检查点覆盖第 1–${n} 条记录，即本报告所列全部 ${n} 条。`,
    partlySigned: (key: string, k: number, n: number) =>
      `未加封。由密钥 ${key} 签名的检查点只覆盖第 1–${k} 条记录；第 ${k + 1}–${n} 条没有任何签名，不能证明未被改动。`,
    unsealed: (n: number) =>
      `未加封：本文件中的 ${n} 条记录没有任何有效签名覆盖，不能证明未被改动。导出时没有使用签名密钥。`,
    brokenText: '本文件未通过验证，以下记录或签名与文件内容不符：',
    problem: (line: number, seq: number | undefined, what: string, detail: string) =>
      `第 ${line} 行${seq !== undefined ? `（第 ${seq} 条记录）` : ''}：${what}。${detail}`,
    howToVerify: '自行验证：',
    clocks: '法定期限汇总',
    noClocks: '本案没有期限记录。',
    cRule: '期限',
    cOwing: '义务机关',
    cStarted: '起算',
    cDue: '届满',
    cOutcome: '结果',
    cMargin: '差额',
    outcome: {
      met: '按期完成',
      late: '逾期完成',
      overdue: '已逾期，尚未办理',
      running: '计算中',
      moot: '无需办理',
      suspended: '中止计算',
    } as Record<string, string>,
    margin: {
      met: (s: string) => `提前 ${s}`,
      late: (s: string) => `逾期 ${s}`,
      overdue: (s: string) => `截至导出已逾期 ${s}`,
    } as Record<string, (s: string) => string>,
    events: '记录',
    eSeq: '序号',
    eWhen: '发生时间',
    eWho: '机关及人员',
    eWhat: '事件',
    raw: '原始内容',
    recorded: '录入',
    step: '环节',
    rule: '规则',
    pem: '公钥文本',
    eventType: '事件类型',
    version: '版本',
    hashes: '哈希',
    publicKey: '公钥',
    times: '时间均为北京时间（UTC+8），精确到秒。',
    of: '共',
    upcast: '已按当前契约版本升级',
    problemWords: {
      malformed: '格式错误',
      'bad-header': '文件头无效',
      'wrong-case': '属于其他案件',
      sequence: '序号不连续',
      'prev-hash-mismatch': '前一哈希不符',
      'content-hash-mismatch': '内容被改动（内容哈希不符）',
      'entry-hash-mismatch': '记录字段被改动（记录哈希不符）',
      'metadata-mismatch': '记录编号与内容不符',
      'unknown-key': '签名密钥不符',
      'bad-signature': '检查点签名无效',
      'head-mismatch': '检查点签名的哈希与记录不符',
      'checkpoint-beyond-entries': '检查点覆盖的记录缺失',
      'bad-seal': '封印无效',
      'after-seal': '封印之后还有内容',
      unsealed: '未加封',
      'unsigned-tail': '末尾记录无签名',
      'unknown-line': '未知行',
    } as Record<string, string>,
  },
  en: {
    title: 'Case audit report',
    linked: 'Linked case id',
    noNumber: '(no case number)',
    party: 'Party',
    generated: 'Generated',
    integrity: 'Signatures and integrity',
    verified: 'Verified',
    notSealed: 'Not sealed',
    partly: 'Partly signed',
    broken: 'Verification FAILED',
    madeFrom: (name: string, sha: string, bytes: number, at: string) =>
      `This report was made from the JSON Lines export ${name} (exported ${at}; file SHA-256 ${sha}; ${bytes} bytes).`,
    sealed: (key: string, n: number) =>
      `Sealed at export with key ${key} (Ed25519) over entries 1–${n}: every one of the ${n} entries shown. Any byte of the file altered makes verification fail.`,
    checkpoints: (key: string, n: number) =>
      `Not sealed; signed checkpoints (key ${key}) cover entries 1–${n}: every one of the ${n} entries shown.`,
    partlySigned: (key: string, k: number, n: number) =>
      `Not sealed. Checkpoints signed with key ${key} cover entries 1–${k} only; entries ${k + 1}–${n} are covered by no signature and cannot be shown unaltered.`,
    unsealed: (n: number) =>
      `Not sealed: no valid signature covers any of the ${n} entries of this file, so nothing shows they are unaltered. It was exported without the signing key.`,
    brokenText: 'This file does not verify; these entries or signatures disagree with the file:',
    problem: (line: number, seq: number | undefined, what: string, detail: string) =>
      `line ${line}${seq !== undefined ? ` (entry ${seq})` : ''}: ${what}. ${detail}`,
    howToVerify: 'Verify it yourself:',
    clocks: 'Statutory clocks',
    noClocks: 'No clock was recorded for this case.',
    cRule: 'Clock',
    cOwing: 'Owing agency',
    cStarted: 'Started',
    cDue: 'Due',
    cOutcome: 'Outcome',
    cMargin: 'By how much',
    outcome: {
      met: 'met',
      late: 'met late',
      overdue: 'overdue, not done',
      running: 'running',
      moot: 'moot',
      suspended: 'suspended',
    } as Record<string, string>,
    margin: {
      met: (s: string) => `${s} to spare`,
      late: (s: string) => `${s} late`,
      overdue: (s: string) => `${s} overdue at export`,
    } as Record<string, (s: string) => string>,
    events: 'Entries',
    eSeq: '#',
    eWhen: 'When',
    eWho: 'Agency and officer',
    eWhat: 'What happened',
    raw: 'Raw content',
    recorded: 'recorded',
    step: 'step',
    rule: 'rule',
    pem: 'PEM',
    eventType: 'Event type',
    version: 'version',
    hashes: 'hashes',
    publicKey: 'Public key',
    times: 'All times are Beijing time (UTC+8), to the second.',
    of: 'of',
    upcast: 'upcast to the current contract version',
    problemWords: {} as Record<string, string>,
  },
};

/** an id or hash, escaped, as code */
const code = (v: unknown) => `<code>${escapeHtml(v)}</code>`;

function sealSection(m: ReportModel, lang: Lang): string {
  const t = T[lang];
  const s = m.seal;
  const key = code(s.keyId);
  const at = escapeHtml(formatInstant(m.exportedAt, lang, { seconds: true }));
  const parts = [`<p>${t.madeFrom(code(m.file.name), code(m.file.sha256), m.file.bytes, at)}</p>`];
  if (s.state === 'sealed')
    parts.push(`<p class="ok" data-seal="sealed"><strong>${t.verified}</strong> — ${t.sealed(key, s.entries)}</p>`);
  else if (s.state === 'checkpoint-covered')
    parts.push(
      `<p class="ok" data-seal="checkpoint-covered"><strong>${t.verified}</strong> — ${t.checkpoints(key, s.entries)}</p>`,
    );
  else if (s.state === 'partly-signed')
    parts.push(
      `<p class="plain" data-seal="partly-signed"><strong>${t.partly}</strong> — ${t.partlySigned(key, s.signedUpTo, s.entries)}</p>`,
    );
  else if (s.state === 'unsealed')
    parts.push(`<p class="plain" data-seal="unsealed"><strong>${t.notSealed}</strong> — ${t.unsealed(s.entries)}</p>`);
  else {
    parts.push(
      `<p class="bad" data-seal="broken"><strong>${t.broken}</strong> — ${t.brokenText}</p><ul class="bad">${m.verification.problems.map((p) => `<li>${t.problem(p.line, p.caseSeq, escapeHtml(t.problemWords[p.problem] ?? p.problem), lang === 'zh' ? '' : escapeHtml(p.detail))}</li>`).join('')}</ul>`,
    );
  }
  parts.push(
    `<p class="muted">${t.howToVerify} ${code(`npm run --silent audit -- verify-file ${m.file.name} --public-key audit-public.pem`)}</p>`,
  );
  return parts.join('\n');
}

function clockRow(c: ClockSummary, lang: Lang): string {
  const t = T[lang];
  const margin = c.margin && t.margin[c.outcome] ? t.margin[c.outcome]!(c.margin[lang]) : '—';
  return `<tr class="clock-${escapeHtml(c.outcome)}">
<td>${escapeHtml(c.ruleTitle[lang])}<br><code>${escapeHtml(c.ruleId)}</code></td>
<td>${escapeHtml(c.owingAgencyName[lang])}</td>
<td>${escapeHtml(formatInstant(c.startedAt, lang, { seconds: true }))}</td>
<td>${escapeHtml(formatDue(c.dueAt, lang))}</td>
<td>${escapeHtml(t.outcome[c.outcome] ?? c.outcome)}${c.closedAt ? `<br><small>${escapeHtml(formatInstant(c.closedAt, lang, { seconds: true }))}</small>` : ''}</td>
<td>${escapeHtml(margin)}</td>
</tr>`;
}

function eventRow(e: ReportEvent, lang: Lang): string {
  const t = T[lang];
  const i = e.item;
  const version = i.upcast
    ? `${code(`v${i.originalVersion} → v${i.currentVersion}`)}（${t.upcast}）`
    : code(`v${i.originalVersion}`);
  const colon = lang === 'zh' ? '：' : ': ';
  const where = [e.ruleId ? `${t.rule}${colon}${e.ruleId}` : '', e.stepId ? `${t.step}${colon}${e.stepId}` : '']
    .filter(Boolean)
    .join(' · ');
  return `<tr id="entry-${escapeHtml(i.caseSeq)}">
<td class="num">${escapeHtml(i.caseSeq)}</td>
<td><time datetime="${escapeHtml(i.occurredAt)}">${escapeHtml(formatInstant(i.occurredAt, lang, { seconds: true }))}</time><br><small>${t.recorded} ${escapeHtml(formatInstant(i.recordedAt, lang, { seconds: true }))}</small></td>
<td>${escapeHtml(e.producerName[lang])}<br><small><code>${escapeHtml(i.who.officerId)}</code></small></td>
<td><p class="sentence">${escapeHtml(e.sentence[lang])}</p>${where ? `<small><code>${escapeHtml(where)}</code></small>` : ''}${i.upcastError ? `<br><small class="bad"><code>${escapeHtml(i.upcastError)}</code></small>` : ''}
<details><summary>${t.raw}</summary><p><small>${t.eventType} <code>${escapeHtml(i.type)}</code> ${version} · <code>${escapeHtml(i.eventId)}</code></small></p>
<pre>${escapeHtml(JSON.stringify(i.payload, null, 2))}</pre>
<p><small>${t.hashes}: <code>${escapeHtml(i.hashes.entryHash)}</code></small></p></details></td>
</tr>`;
}

/** The report in `lang` (default Chinese). */
export function buildHtmlReport(m: ReportModel, lang: Lang = 'zh', generatedAt: Date = new Date()): string {
  const t = T[lang];
  const number = m.caseNumber ?? t.noNumber;
  const heading = [number, m.party].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${t.title} · ${heading}`)}</title>
<style>
@page{size:A4;margin:14mm 12mm}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;line-height:1.5;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border:1px solid #d0d7de;padding:.35rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#eef1f4}.num{text-align:right}.events col.num{width:3rem}.events col.when{width:8.5rem}.events col.who{width:9rem}
pre{margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.78rem;background:#f6f8fa;padding:.4rem}
code{font-size:.8rem;overflow-wrap:anywhere}small,.muted{color:#57606a}p.sentence{margin:0 0 .2rem}
.ok{color:#0f5323;background:#dafbe1;padding:.5rem .7rem;border-radius:6px}.plain{background:#eaeef2;padding:.5rem .7rem;border-radius:6px}
.bad{color:#8a1010}p.bad{background:#ffd8d3;padding:.5rem .7rem;border-radius:6px}
.clock-late td,.clock-overdue td{background:#fff8f7}.clocks col.c-rule{width:26%}.clocks col.c-owing{width:14%}.clocks col.c-when{width:15%}.clocks col.c-outcome{width:13%}.clocks col.c-margin{width:17%}details summary{cursor:pointer;color:#0b5cad}
@media print{body{margin:0;max-width:none}details>*:not(summary){display:none}details summary{color:#57606a}}
</style>
</head>
<body>
<header>
<p class="muted">${t.title}</p>
<h1>${escapeHtml(heading)}</h1>
<p class="muted">${t.linked} <code>${escapeHtml(m.linkedCaseId)}</code> · ${t.generated} ${escapeHtml(formatInstant(generatedAt.toISOString(), lang, { seconds: true }))} · ${t.times}</p>
</header>
<section id="integrity">
<h2>${t.integrity}</h2>
${sealSection(m, lang)}
</section>
<section id="clocks">
<h2>${t.clocks}</h2>
${
  m.clocks.length
    ? `<table class="clocks"><colgroup><col class="c-rule"><col class="c-owing"><col class="c-when"><col class="c-when"><col class="c-outcome"><col class="c-margin"></colgroup><thead><tr><th>${t.cRule}</th><th>${t.cOwing}</th><th>${t.cStarted}</th><th>${t.cDue}</th><th>${t.cOutcome}</th><th>${t.cMargin}</th></tr></thead><tbody>
${m.clocks.map((c) => clockRow(c, lang)).join('\n')}
</tbody></table>`
    : `<p>${t.noClocks}</p>`
}
</section>
<section id="events">
<h2>${t.events}${lang === 'zh' ? `（${m.events.length} 条）` : ` (${m.events.length})`}</h2>
<table class="events"><colgroup><col class="num"><col class="when"><col class="who"><col></colgroup>
<thead><tr><th class="num">${t.eSeq}</th><th>${t.eWhen}</th><th>${t.eWho}</th><th>${t.eWhat}</th></tr></thead>
<tbody>
${m.events.map((e) => eventRow(e, lang)).join('\n')}
</tbody>
</table>
</section>
${m.publicKey ? `<section id="key"><h2>${t.publicKey}</h2><p><code>${escapeHtml(m.publicKey.keyId)}</code></p><details><summary>${t.pem}</summary><pre>${escapeHtml(m.publicKey.pem)}</pre></details></section>` : ''}
</body>
</html>
`;
}
