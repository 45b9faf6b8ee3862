/**
 * Audit key rotation (issue 16, item 6): checkpoints and seals carry the key id; `rotate-key` keeps the old public
 * key in the keyring; a case exported before the rotation, and one whose checkpoints span the rotation, keep
 * verifying with the keyring (or, for the former, with the old public key alone).
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildJsonlExport } from '../../export/export-jsonl';
import { verifyExport } from '../../export/verify-export';
import { CASE_A, envelope, MemoryLedger } from '../../testing/ledger-fixtures';
import { defaultKeyringFile, readKeyring, rotateSigningKey, trustedPublicKeys } from './key-rotation';
import { loadSigningKey, SigningKeyError, type CheckpointSigner } from './signing-key';

describe('audit signing key rotation', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-keys-'));
  const keyFile = path.join(dir, 'audit-ed25519.pem');
  const load = (): CheckpointSigner => loadSigningKey({ file: keyFile, generate: true }).signer;

  const ledger = new MemoryLedger();
  const add = (n: number) => {
    for (let i = 0; i < n; i++)
      ledger.append(
        envelope(CASE_A, {
          type: 'evidence.attached',
          payload: { n: Math.random() },
          occurredAt: '2026-11-20T02:30:00.000Z',
        }),
      );
  };
  const exportWith = (signer: CheckpointSigner, checkpoints: ReturnType<MemoryLedger['checkpoints']>) =>
    buildJsonlExport({
      linkedCaseId: CASE_A,
      entries: ledger.ofCase(CASE_A),
      checkpoints,
      exportedAt: new Date('2026-11-21T00:00:00.000Z'),
      publicKey: { keyId: signer.keyId, pem: signer.publicKeyPem },
      sealer: signer,
    });

  it('rotates: new key in the key file, both public keys in the keyring; old and spanning exports keep verifying', () => {
    const old = load();
    add(3);
    const oldCheckpoints = ledger.checkpoints(old);
    const before = exportWith(old, oldCheckpoints);
    expect(oldCheckpoints.every((c) => c.keyId === old.keyId)).toBe(true);

    const r = rotateSigningKey({ keyFile });
    expect(r).toMatchObject({
      oldKeyId: old.keyId,
      keyringFile: defaultKeyringFile(keyFile),
      newKeyWrittenTo: keyFile,
    });
    const fresh = load();
    expect(fresh.keyId).toBe(r.newKeyId);
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect([...readKeyring(r.keyringFile).keys()]).toEqual([old.keyId, fresh.keyId]);
    expect(readFileSync(r.keyringFile, 'utf8')).toMatch(new RegExp(`^# keyId ${old.keyId} retired `, 'm'));

    // an export made before the rotation: with the old public key alone, and with the keyring
    expect(verifyExport(before, old.publicKeyPem)).toMatchObject({ ok: true, keyId: old.keyId });
    const keyringPem = readFileSync(r.keyringFile, 'utf8');
    expect(verifyExport(before, keyringPem)).toMatchObject({ ok: true, keyId: old.keyId });
    // … but not with the new key alone: it names the unknown key
    const onlyNew = verifyExport(before, fresh.publicKeyPem);
    expect(onlyNew.ok).toBe(false);
    expect(onlyNew.problems.map((p) => p.problem)).toContain('unknown-key');

    // a case whose checkpoints span the rotation, sealed with the new key: the keyring verifies every signature
    add(2);
    const spanning = exportWith(fresh, [...oldCheckpoints, ...ledger.checkpoints(fresh)]);
    expect(verifyExport(spanning, keyringPem)).toMatchObject({
      ok: true,
      keyId: fresh.keyId,
      checkpoints: 2,
      validCheckpoints: 2,
      signedUpTo: 5,
    });
    expect(verifyExport(spanning, trustedPublicKeys(fresh.publicKeyPem, r.keyringFile))).toMatchObject({
      ok: true,
      validCheckpoints: 2,
    });
    expect(verifyExport(spanning, fresh.publicKeyPem).problems.map((p) => p.problem)).toContain('unknown-key');

    // rotating again keeps every earlier key
    const again = rotateSigningKey({ keyFile });
    expect([...readKeyring(again.keyringFile).keys()]).toEqual([old.keyId, fresh.keyId, again.newKeyId]);
    expect(verifyExport(before, readFileSync(again.keyringFile, 'utf8')).ok).toBe(true);
  });

  it('a key from the environment (CASEBRIDGE_AUDIT_SIGNING_KEY) is rotated into --out for the secret store', () => {
    const envDir = mkdtempSync(path.join(tmpdir(), 'audit-env-keys-'));
    const pem = readFileSync(keyFile, 'utf8');
    expect(() => rotateSigningKey({ keyFile: path.join(envDir, 'unused.pem'), pem })).toThrow(SigningKeyError);
    const out = path.join(envDir, 'new.pem');
    const r = rotateSigningKey({ keyFile: path.join(envDir, 'unused.pem'), pem, out });
    expect(r.newKeyWrittenTo).toBe(out);
    expect(loadSigningKey({ file: out, generate: false }).signer.keyId).toBe(r.newKeyId);
    expect([...readKeyring(r.keyringFile).keys()]).toEqual([r.oldKeyId, r.newKeyId]);
  });
});
