import { CASE_A, envelope, MemoryLedger, newSigner } from '../testing/ledger-fixtures';
import { toHistoryItem } from '../replay/case-history';
import { LedgerVerifier } from '../verify/ledger-verifier';
import { parsePublicKey } from '../ledger/signing/signing-key';
import { buildHtmlReport, escapeHtml } from './export-html';

describe('HTML report', () => {
  it('escapes every value that came from an event', () => {
    const signer = newSigner();
    const l = new MemoryLedger();
    l.append(envelope(CASE_A, {
      type: 'case.registered', officerId: '"><img src=x onerror=alert(1)>',
      payload: { caseId: '5b0e8f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b', caseNumber: '<b>1</b>', region: '210100', party: { name: 'A & B', creditCode: '91210100MA0Y6J5X2K' }, violation: '<script>alert("x")</script>', discoveredAt: '2026-11-20T02:30:00.000Z' },
      occurredAt: '2026-11-20T02:30:00.000Z',
    }));
    const v = new LedgerVerifier(CASE_A, [], new Map([[signer.keyId, parsePublicKey(signer.publicKeyPem)]]));
    for (const e of l.entries) v.add(e);
    const html = buildHtmlReport({
      history: { linkedCaseId: CASE_A, count: 1, head: { caseSeq: 1, entryHash: l.entries[0]!.entryHash }, entries: l.entries.map((e) => toHistoryItem(e)) },
      verification: v.finish(), checkpoints: [], publicKey: { keyId: signer.keyId, pem: signer.publicKeyPem }, generatedAt: new Date('2026-11-21T00:00:00Z'),
    });
    expect(html).not.toMatch(/<script>|<img|<b>1/);
    expect(html).toContain('&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt;'); // inside the JSON of the payload
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(escapeHtml(`<a href='x'>&\``)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&#96;');
  });
});
