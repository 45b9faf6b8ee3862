/**
 * Rotation of the audit signing key (Ed25519). Checkpoints and export seals carry the key id of the key that signed
 * them (first 16 hex of SHA-256 over the SPKI DER). A rotation:
 *   1. records the current public key in the keyring file (kept for ever: old checkpoints and exports verify with it),
 *   2. generates the new key: into the key file (replaced atomically; the old private key is gone, it signs nothing
 *      any more) or, when the key comes from CASEBRIDGE_AUDIT_SIGNING_KEY, into `out` for the secret store,
 *   3. records the new public key in the keyring.
 * The audit service signs with the new key after its restart; it verifies with every key of the keyring.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  keyIdOf,
  keyringEntry,
  loadSigningKey,
  parsePublicKey,
  parsePublicKeyring,
  SigningKeyError,
} from './signing-key';

/** The keyring beside a key file: `<dir>/audit-public-keys.pem`. */
export function defaultKeyringFile(keyFile: string): string {
  return path.join(path.dirname(path.resolve(keyFile)), 'audit-public-keys.pem');
}

/** The public keys of a keyring file, by key id (empty when the file does not exist). */
export function readKeyring(file: string | undefined): Map<string, KeyObject> {
  if (!file || !existsSync(file)) return new Map();
  return parsePublicKeyring(readFileSync(file, 'utf8'));
}

function addToKeyring(file: string, key: KeyObject, note: string): void {
  if (readKeyring(file).has(keyIdOf(key))) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, keyringEntry(key, note), { mode: 0o644 });
}

export interface RotationResult {
  oldKeyId: string;
  newKeyId: string;
  keyringFile: string;
  newKeyWrittenTo: string;
}

export function rotateSigningKey(o: {
  keyFile: string;
  pem?: string;
  keyringFile?: string;
  out?: string;
  now?: Date;
}): RotationResult {
  const keyringFile = o.keyringFile ?? defaultKeyringFile(o.keyFile);
  const current = loadSigningKey({ pem: o.pem, file: o.keyFile, generate: false }).signer;
  if (o.pem && !o.out)
    throw new SigningKeyError(
      'the key comes from CASEBRIDGE_AUDIT_SIGNING_KEY: give --out <file> for the new private key (then put it in the secret store)',
    );
  const when = (o.now ?? new Date()).toISOString();
  const oldPublic = parsePublicKey(current.publicKeyPem);
  addToKeyring(keyringFile, oldPublic, `retired ${when}`);

  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const target = path.resolve(o.out ?? o.keyFile);
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, target); // atomic: the service reads either the old key or the new one
  const newPublic = createPublicKey(createPrivateKey(pem));
  addToKeyring(keyringFile, newPublic, `active from ${when}`);
  return { oldKeyId: current.keyId, newKeyId: keyIdOf(newPublic), keyringFile, newKeyWrittenTo: target };
}

/** The public keys the audit service trusts: its own signing key and every key of the keyring. */
export function trustedPublicKeys(signerPublicKeyPem: string, keyringFile: string | undefined): KeyObject[] {
  const keys = readKeyring(keyringFile);
  const own = parsePublicKey(signerPublicKeyPem);
  keys.set(keyIdOf(own), own);
  return [...keys.values()];
}
