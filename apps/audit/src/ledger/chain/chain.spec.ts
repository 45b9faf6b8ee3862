import { createHash } from 'node:crypto';
import { CASE_A, CASE_B, envelope, MemoryLedger, newSigner } from '../../testing/ledger-fixtures';
import { LedgerVerifier } from '../../verify/ledger-verifier';
import { parsePublicKey, keyIdOf } from '../signing/signing-key';
import { canonicalJson } from './canonical-json';
import { contentHashOf, entryHashOf, GENESIS_HASH, nextGlobalHash } from './hashing';
import type { LedgerEntry, StoredCheckpoint } from '../ledger.store';

describe('canonical JSON (JCS)', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [true, null, 'x'], c: { z: 1.5, y: -0 } }, '{"a":[true,null,"x"],"b":1,"c":{"y":0,"z":1.5}}'],
    [{ é: 1, Z: 2, a: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"Z":2,"a":3,"é":1}'], // UTF-16 code-unit order
    ['line\n"quoted" \u2028 中文', '"line\\n\\"quoted\\" \u2028 中文"'],
    [1e21, '1e+21'],
    [[], '[]'],
    [{ undef: undefined, n: null }, '{"n":null}'],
  ])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('does not depend on key order or spacing of the original text', () => {
    const a = JSON.parse('{"payload":{"b":2,"a":1},"type":"x"}');
    const b = JSON.parse('{ "type" : "x", "payload" : { "a" : 1 , "b" : 2 } }');
    expect(contentHashOf(a)).toBe(contentHashOf(b));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    // not I-JSON, yet received: a lone surrogate keeps JSON.stringify's escape (as before the canonicalize package)
    expect(canonicalJson({ note: 'half a pair \ud83d' })).toBe('{"note":"half a pair \\ud83d"}');
  });
});

describe('entry hash formula', () => {
  it('is sha256 over the tagged, newline-joined fields — recomputable by anyone', () => {
    const input = {
      prevHash: GENESIS_HASH,
      contentHash: 'a'.repeat(64),
      caseSeq: 1,
      linkedCaseId: CASE_A,
      eventId: 'e-1',
      ingestedAt: '2026-11-20T02:30:00.000Z',
    };
    const byHand = createHash('sha256')
      .update(
        [
          'casebridge.audit.entry.v1',
          GENESIS_HASH,
          'a'.repeat(64),
          '1',
          CASE_A,
          'e-1',
          '2026-11-20T02:30:00.000Z',
        ].join('\n'),
        'utf8',
      )
      .digest('hex');
    expect(entryHashOf(input)).toBe(byHand);
    expect(entryHashOf({ ...input, caseSeq: 2 })).not.toBe(byHand);
    expect(nextGlobalHash(GENESIS_HASH, 7, byHand)).toBe(
      createHash('sha256').update(`casebridge.audit.global.v1\n${GENESIS_HASH}\n7\n${byHand}`, 'utf8').digest('hex'),
    );
  });
});

describe('chain verification and tamper detection', () => {
  const signer = newSigner();
  const keys = new Map([[signer.keyId, parsePublicKey(signer.publicKeyPem)]]);

  function ledger(): MemoryLedger {
    const l = new MemoryLedger();
    for (let i = 0; i < 6; i++) {
      for (const c of [CASE_A, CASE_B]) {
        l.append(
          envelope(c, {
            type: 'evidence.attached',
            payload: { n: i, note: `证据 ${i}` },
            occurredAt: `2026-11-20T02:3${i}:00.000Z`,
          }),
        );
      }
    }
    return l;
  }

  function verify(entries: LedgerEntry[], checkpoints: StoredCheckpoint[], scope = 'all') {
    const v = new LedgerVerifier(scope, checkpoints, keys);
    for (const e of entries) if (scope === 'all' || e.linkedCaseId === scope) v.add(e);
    return v.finish();
  }

  it('an untouched ledger verifies, whole and per case, with every checkpoint', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const all = verify(l.entries, cps);
    expect(all).toMatchObject({
      ok: true,
      entriesChecked: 12,
      casesChecked: 2,
      checkpointsChecked: 3,
      firstBroken: null,
      gaps: [],
      checkpointProblems: [],
      unsignedHeads: 0,
    });
    const one = verify(l.entries, cps, CASE_A);
    expect(one).toMatchObject({
      ok: true,
      entriesChecked: 6,
      checkpointsChecked: 1,
      head: { caseSeq: 6, signedUpTo: 6 },
    });
    expect(keyIdOf(parsePublicKey(signer.publicKeyPem))).toBe(signer.keyId);
  });

  it('an altered envelope is named: seq, case, caseSeq, expected vs found content hash — and only that entry', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const victim = l.ofCase(CASE_A)[2]!;
    (victim.envelope.payload as Record<string, unknown>).note = 'altered';
    const r = verify(l.entries, cps);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({
      seq: victim.seq,
      linkedCaseId: CASE_A,
      caseSeq: 3,
      problem: 'content-hash-mismatch',
      expected: victim.contentHash,
    });
    expect(r.firstBroken!.found).toBe(contentHashOf(victim.envelope));
    expect(r.problemCount).toBe(1);
    expect(r.brokenCases.map((c) => c.linkedCaseId)).toEqual([CASE_A]);
  });

  it('a deleted entry shows as a gap in the case sequence and breaks the global checkpoint', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const gone = l.ofCase(CASE_B)[3]!;
    const r = verify(
      l.entries.filter((e) => e !== gone),
      cps,
    );
    expect(r.gaps).toEqual([
      { linkedCaseId: CASE_B, missingFrom: 4, missingTo: 4, beforeSeq: l.ofCase(CASE_B)[4]!.seq },
    ]);
    expect(r.brokenCases).toEqual([
      expect.objectContaining({
        linkedCaseId: CASE_B,
        firstBroken: expect.objectContaining({
          caseSeq: 5,
          problem: 'sequence-gap',
          expected: 'caseSeq 4',
          found: 'caseSeq 5',
        }),
      }),
    ]);
    expect(r.checkpointProblems).toEqual([
      expect.objectContaining({ linkedCaseId: 'global', problem: 'head-mismatch' }),
    ]);
  });

  it('a deleted last entry (no gap left behind) is caught by the signed case head and the global head', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const last = l.ofCase(CASE_A)[5]!;
    const r = verify(
      l.entries.filter((e) => e !== last),
      cps,
    );
    expect(r.gaps).toEqual([]);
    expect(r.checkpointProblems.map((p) => `${p.linkedCaseId}:${p.problem}`).sort()).toEqual([
      `${CASE_A}:head-missing`,
      'global:head-mismatch',
    ]);
  });

  it('a rewritten chain (altered, then every hash recomputed) verifies entry by entry but not against the signed heads', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const a = l.ofCase(CASE_A);
    let prev = GENESIS_HASH;
    for (const e of a) {
      if (e.caseSeq === 2) (e.envelope.payload as Record<string, unknown>).note = 'forged';
      e.prevHash = prev;
      e.contentHash = contentHashOf(e.envelope);
      e.entryHash = entryHashOf({
        prevHash: prev,
        contentHash: e.contentHash,
        caseSeq: e.caseSeq,
        linkedCaseId: e.linkedCaseId,
        eventId: e.eventId,
        ingestedAt: e.ingestedAt,
      });
      prev = e.entryHash;
    }
    const r = verify(l.entries, cps);
    expect(r.problemCount).toBe(0);
    expect(r.ok).toBe(false);
    expect(r.checkpointProblems.map((p) => `${p.linkedCaseId}:${p.problem}`).sort()).toEqual([
      `${CASE_A}:head-mismatch`,
      'global:head-mismatch',
    ]);
  });

  it('an altered case sequence number, ingestion time or column is caught', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const a = l.ofCase(CASE_A);
    a[1]!.ingestedAt = '2030-01-01T00:00:00.000Z';
    a[3]!.type = 'case.registered';
    const r = verify(l.entries, cps);
    expect(r.problems.map((p) => `${p.caseSeq}:${p.problem}`)).toEqual([
      '2:entry-hash-mismatch',
      '4:metadata-mismatch',
    ]);
  });

  it('a checkpoint with an altered signature, head or foreign key fails', () => {
    const l = ledger();
    const cps = l.checkpoints(signer);
    const other = newSigner();
    const forged = cps.map((c) => ({ ...c }));
    forged[0]!.signature = `${forged[0]!.signature.slice(0, -4)}AAA=`;
    forged[1] = { ...forged[1]!, keyId: other.keyId, signature: other.sign(forged[1]!) };
    const r = verify(l.entries, forged);
    expect(r.checkpointProblems.map((p) => p.problem).sort()).toEqual(['bad-signature', 'unknown-key']);
    const moved = cps.map((c) => (c.linkedCaseId === CASE_A ? { ...c, upToSeq: 5 } : c));
    expect(verify(l.entries, moved).checkpointProblems).toEqual([
      expect.objectContaining({ problem: 'bad-signature', linkedCaseId: CASE_A }),
    ]);
  });
});
