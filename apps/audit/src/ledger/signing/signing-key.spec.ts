import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadSigningKey, parsePublicKey, SigningKeyError, verifyCheckpointSignature } from './signing-key';

describe('audit signing key', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-key-'));

  it('is generated once into the key file (0600), then read back: the same key', () => {
    const file = path.join(dir, 'keys', 'audit.pem');
    const first = loadSigningKey({ file, generate: true });
    expect(first.origin).toBe('generated');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadSigningKey({ file, generate: true });
    expect(second).toMatchObject({ origin: 'file' });
    expect(second.signer.keyId).toBe(first.signer.keyId);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('comes from the configuration when given (PKCS8 PEM; one-line \\n form accepted) and signs verifiable checkpoints', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { signer, origin } = loadSigningKey({ pem: pem.replace(/\n/g, '\\n'), file: path.join(dir, 'unused.pem') });
    expect(origin).toBe('configuration');
    const claim = {
      linkedCaseId: 'global',
      upToSeq: 12,
      headHash: 'a'.repeat(64),
      createdAt: '2026-11-20T02:30:00.000Z',
    };
    const sig = signer.sign(claim);
    const key = parsePublicKey(signer.publicKeyPem);
    expect(verifyCheckpointSignature(claim, sig, key)).toBe(true);
    expect(verifyCheckpointSignature({ ...claim, upToSeq: 13 }, sig, key)).toBe(false);
    expect(verifyCheckpointSignature(claim, 'garbage', key)).toBe(false);
  });

  it('refuses a key that is not Ed25519, a file that is not a key, and a missing file when it may not generate', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadSigningKey({ pem: rsa })).toThrow(/must be Ed25519/);
    expect(() => loadSigningKey({ pem: 'hello' })).toThrow(SigningKeyError);
    expect(() => loadSigningKey({ file: path.join(dir, 'missing.pem'), generate: false })).toThrow(
      /no audit signing key/,
    );
  });
});
