import { CASE_A, CASE_B, envelope, MemoryLedger, newSigner } from '../testing/ledger-fixtures';
import { buildJsonlExport } from './export-jsonl';
import { verifyExport } from './verify-export';

describe('export verifier (standalone: the file and the public key)', () => {
  const signer = newSigner();
  const l = new MemoryLedger();
  for (let i = 0; i < 5; i++) {
    l.append(
      envelope(CASE_A, {
        type: 'evidence.attached',
        payload: { n: i, fileName: `证据-${i}.pdf` },
        occurredAt: `2026-11-20T02:3${i}:00.000Z`,
      }),
    );
    l.append(
      envelope(CASE_B, { type: 'evidence.attached', payload: { n: i }, occurredAt: `2026-11-20T02:3${i}:00.000Z` }),
    );
  }
  const cps = l.checkpoints(signer);
  const exported = (opts: { seal?: boolean; checkpoints?: boolean } = {}) =>
    buildJsonlExport({
      linkedCaseId: CASE_A,
      entries: l.ofCase(CASE_A),
      checkpoints: opts.checkpoints === false ? [] : cps,
      exportedAt: new Date('2026-11-21T00:00:00.000Z'),
      publicKey: { keyId: signer.keyId, pem: signer.publicKeyPem },
      ...(opts.seal === false ? {} : { sealer: signer }),
    });
  const text = exported();

  it('the unaltered file verifies with the public key alone', () => {
    const r = verifyExport(text, signer.publicKeyPem);
    expect(r).toMatchObject({
      ok: true,
      format: 'casebridge.audit.export.v1',
      linkedCaseId: CASE_A,
      entries: 5,
      lastCaseSeq: 5,
      checkpoints: 1,
      validCheckpoints: 1,
      signedUpTo: 5,
      sealed: true,
      sealValid: true,
      keyId: signer.keyId,
      problems: [],
    });
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { kind: string }).kind),
    ).toEqual(['header', 'entry', 'entry', 'entry', 'entry', 'entry', 'checkpoint', 'seal']);
  });

  it('any single byte altered, anywhere in the file, makes it fail', () => {
    const bytes = Buffer.from(text, 'utf8');
    // every 7th byte (and the first and last): header, envelopes, hashes, checkpoint and seal lines alike
    const positions = [0, bytes.length - 2, ...Array.from({ length: Math.floor(bytes.length / 7) }, (_, i) => i * 7)];
    for (const at of positions) {
      const altered = Buffer.from(bytes);
      altered[at] = altered[at] === 0x41 ? 0x42 : 0x41;
      const r = verifyExport(altered.toString('utf8'), signer.publicKeyPem);
      if (r.ok)
        throw new Error(
          `byte ${at} altered (${JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))}) and the file still verifies`,
        );
    }
  });

  it('an altered envelope is named by line and caseSeq, even in an unsealed file', () => {
    const lines = exported({ seal: false }).split('\n');
    lines[3] = lines[3]!.replace('证据-2', '证据-X');
    const r = verifyExport(lines.join('\n'), signer.publicKeyPem, { allowUnsealed: true });
    expect(r.ok).toBe(false);
    expect(r.firstProblem).toMatchObject({ line: 4, caseSeq: 3, problem: 'content-hash-mismatch' });
  });

  it('an altered checkpoint signature fails, as does a seal signature', () => {
    const lines = text.split('\n');
    const cp = JSON.parse(lines[6]!) as { signature: string };
    const flipped = (sig: string) => `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    lines[6] = JSON.stringify({ ...cp, signature: flipped(cp.signature) });
    const unsealedView = verifyExport(lines.slice(0, 7).join('\n') + '\n', signer.publicKeyPem, {
      allowUnsealed: true,
    });
    expect(unsealedView.problems.map((p) => p.problem)).toContain('bad-signature');
    const seal = JSON.parse(text.split('\n')[7]!) as { signature: string };
    const resealed = [
      ...text.split('\n').slice(0, 7),
      JSON.stringify({ ...seal, signature: flipped(seal.signature) }),
      '',
    ].join('\n');
    expect(verifyExport(resealed, signer.publicKeyPem).problems.map((p) => p.problem)).toEqual(['bad-seal']);
  });

  it('another key does not verify it', () => {
    const r = verifyExport(text, newSigner().publicKeyPem);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.problem)).toEqual(expect.arrayContaining(['unknown-key']));
  });

  it('removed or reordered entries fail', () => {
    const lines = text.split('\n');
    const withoutLast = [...lines.slice(0, 5), ...lines.slice(6, 7)].join('\n') + '\n'; // entry 5 removed, unsealed
    expect(
      verifyExport(withoutLast, signer.publicKeyPem, { allowUnsealed: true }).problems.map((p) => p.problem),
    ).toContain('checkpoint-beyond-entries');
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
    expect(verifyExport(swapped, signer.publicKeyPem).ok).toBe(false);
  });

  it('an unsealed file is refused unless allowed, and then every entry must be under a signed checkpoint', () => {
    const unsealed = exported({ seal: false });
    expect(verifyExport(unsealed, signer.publicKeyPem).problems.map((p) => p.problem)).toEqual(['unsealed']);
    expect(verifyExport(unsealed, signer.publicKeyPem, { allowUnsealed: true }).ok).toBe(true);
    const bare = exported({ seal: false, checkpoints: false });
    expect(verifyExport(bare, signer.publicKeyPem, { allowUnsealed: true }).problems.map((p) => p.problem)).toEqual([
      'unsigned-tail',
    ]);
  });

  it('garbage is reported, never thrown', () => {
    for (const junk of ['', 'not json\n', '{"kind":"entry"}\n', '[1,2]\n', `${text}extra\n`]) {
      const r = verifyExport(junk, signer.publicKeyPem);
      expect(r.ok).toBe(false);
    }
    expect(() => verifyExport(text, 'not a key')).toThrow(/not a PEM public key/);
  });

  it('try-findings #16: an HTML file (or any non-export) is one problem saying what it is, not a "malformed" line each', () => {
    const html =
      '<!DOCTYPE html>\n<html lang="zh">\n<head><title>案件审计报告</title></head>\n<body>\n' +
      '<p>x</p>\n'.repeat(40) +
      '</body>\n</html>\n';
    const r = verifyExport(html, signer.publicKeyPem);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.firstProblem).toMatchObject({ line: 1, problem: 'bad-header' });
    expect(r.firstProblem!.detail).toMatch(/HTML file .* not a JSON Lines export/);
    const other = verifyExport('hello\nworld\n', signer.publicKeyPem);
    expect(other.problems).toEqual([
      expect.objectContaining({
        problem: 'bad-header',
        detail: expect.stringMatching(/not a CaseBridge JSON Lines export/),
      }),
    ]);
  });
});
