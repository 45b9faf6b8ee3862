import type { StoredCheckpoint } from '../ledger/ledger.store';
import type { CaseHistory, HistoryItem } from '../replay/case-history';
import type { VerifyReport } from '../verify/ledger-verifier';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML element content and quoted attribute values. Every dynamic value goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

export interface HtmlReportInput {
  history: CaseHistory;
  verification: VerifyReport;
  checkpoints: readonly StoredCheckpoint[];
  publicKey: { keyId: string; pem: string } | null;
  generatedAt: Date;
}

function row(e: HistoryItem): string {
  const version = e.upcast ? `v${e.originalVersion} → v${e.currentVersion}` : `v${e.originalVersion}`;
  return `<tr>
  <td class="num">${escapeHtml(e.caseSeq)}</td>
  <td><time>${escapeHtml(e.occurredAt)}</time><br><small>recorded <time>${escapeHtml(e.recordedAt)}</time></small></td>
  <td>${escapeHtml(e.who.producer.agencyId)}<br><small>${escapeHtml(e.who.officerId)}</small></td>
  <td><strong>${escapeHtml(e.type)}</strong> <small>${escapeHtml(version)}</small>${e.upcastError ? `<br><small class="bad">${escapeHtml(e.upcastError)}</small>` : ''}</td>
  <td><pre>${escapeHtml(JSON.stringify(e.payload, null, 2))}</pre></td>
  <td class="hash"><small>${escapeHtml(e.eventId)}</small><br><code title="${escapeHtml(e.hashes.entryHash)}">${escapeHtml(e.hashes.entryHash.slice(0, 16))}…</code></td>
</tr>`;
}

/** A readable, self-contained report of one case (no script; a CSP forbids any). */
export function buildHtmlReport(input: HtmlReportInput): string {
  const { history, verification: v } = input;
  const problems = [
    ...v.problems.map((p) => `entry ${p.caseSeq} (seq ${p.seq}): ${p.problem} — expected ${p.expected}, found ${p.found}. ${p.detail}`),
    ...v.checkpointProblems.map((p) => `checkpoint ${p.id} up to ${p.upToSeq}: ${p.problem}. ${p.detail}`),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Audit history of linked case ${escapeHtml(history.linkedCaseId)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}th{background:#f3f3f3}
pre{margin:0;white-space:pre-wrap;max-width:40rem;font-size:.8rem}.num{text-align:right}.hash code{font-size:.75rem}
.ok{color:#1a7f37}.bad{color:#cf222e}small{color:#555}
</style>
</head>
<body>
<h1>Linked case ${escapeHtml(history.linkedCaseId)}</h1>
<p>Generated ${escapeHtml(input.generatedAt.toISOString())} from the CaseBridge audit ledger: ${escapeHtml(history.count)} events.
Each entry is hash-chained (SHA-256) to the previous one of the case; heads are signed with Ed25519
(key ${escapeHtml(input.publicKey?.keyId ?? 'unknown')}).</p>
<h2>Verification</h2>
<p class="${v.ok ? 'ok' : 'bad'}"><strong>${v.ok ? 'The chain verifies' : 'The chain does NOT verify'}</strong>:
${escapeHtml(v.entriesChecked)} entries, ${escapeHtml(v.checkpointsChecked)} signed checkpoints checked${v.head ? `, signed up to entry ${escapeHtml(v.head.signedUpTo)} of ${escapeHtml(v.head.caseSeq)}` : ''}.</p>
${problems.length ? `<ul class="bad">${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : ''}
<h2>History</h2>
<table>
<thead><tr><th>#</th><th>when (event time / recorded)</th><th>who</th><th>what</th><th>content (current contract form)</th><th>event id / entry hash</th></tr></thead>
<tbody>
${history.entries.map(row).join('\n')}
</tbody>
</table>
<h2>Signed checkpoints</h2>
<table>
<thead><tr><th>up to entry</th><th>head hash</th><th>signed at</th><th>key</th></tr></thead>
<tbody>
${input.checkpoints.map((c) => `<tr><td class="num">${escapeHtml(c.upToSeq)}</td><td><code>${escapeHtml(c.headHash)}</code></td><td>${escapeHtml(c.createdAt)}</td><td>${escapeHtml(c.algorithm)} ${escapeHtml(c.keyId)}</td></tr>`).join('\n')}
</tbody>
</table>
${input.publicKey ? `<h2>Public key</h2><pre>${escapeHtml(input.publicKey.pem)}</pre>` : ''}
</body>
</html>
`;
}
