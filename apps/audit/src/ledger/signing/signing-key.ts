import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkpointMessage, SIGNATURE_ALGORITHM, type CheckpointClaim } from '../chain/hashing';

/** Signs checkpoints. The private key never leaves this object. */
export interface CheckpointSigner {
  readonly algorithm: typeof SIGNATURE_ALGORITHM;
  readonly keyId: string;
  readonly publicKeyPem: string;
  /** base64 Ed25519 signature of checkpointMessage(claim) */
  sign(claim: CheckpointClaim): string;
  /** base64 Ed25519 signature of arbitrary bytes (the seal of an export) */
  signBytes(data: Buffer): string;
}

export interface SigningKeySource {
  /** PKCS8 PEM (literal "\n" sequences are accepted for one-line environment values) */
  pem?: string;
  /** key file used when no PEM is given; generated on first use unless `generate` is false */
  file?: string;
  generate?: boolean;
}

export class SigningKeyError extends Error {}

/** Short, stable id of a public key: the first 16 hex characters of SHA-256 over its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function parsePublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem.includes('PRIVATE KEY') ? createPrivateKey(pem) : pem);
  } catch (e) {
    throw new SigningKeyError(`not a PEM public key: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(`the key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

/**
 * A keyring: every Ed25519 public key in a PEM text (several `-----BEGIN PUBLIC KEY-----` blocks, e.g. the keys an
 * audit service has signed with over the years), by key id. A private key block contributes its public half.
 */
export function parsePublicKeyring(pem: string): Map<string, KeyObject> {
  const blocks = pem.match(/-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g) ?? [];
  if (!blocks.length) throw new SigningKeyError('not a PEM public key: no PEM block found');
  return new Map(
    blocks.map((b) => {
      const key = parsePublicKey(b);
      return [keyIdOf(key), key] as const;
    }),
  );
}

/** The keyring file a rotation keeps: one PEM block per key, each preceded by `# keyId <id> <note>`. */
export function keyringEntry(key: KeyObject, note: string): string {
  return `# keyId ${keyIdOf(key)} ${note}\n${publicKeyPemOf(key)}`;
}

export function publicKeyPemOf(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export function signerFromPrivateKey(privateKey: KeyObject): CheckpointSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`the audit signing key must be Ed25519 (got ${privateKey.asymmetricKeyType})`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    algorithm: SIGNATURE_ALGORITHM,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKeyPemOf(publicKey),
    sign: (claim) => sign(null, checkpointMessage(claim), privateKey).toString('base64'),
    signBytes: (data) => sign(null, data, privateKey).toString('base64'),
  };
}

export function verifyCheckpointSignature(
  claim: CheckpointClaim,
  signatureBase64: string,
  publicKey: KeyObject,
): boolean {
  return verifyBytes(checkpointMessage(claim), signatureBase64, publicKey);
}

/** Ed25519 verification of a base64 signature; false (never an exception) for anything malformed. */
export function verifyBytes(data: Buffer, signatureBase64: unknown, publicKey: KeyObject): boolean {
  if (typeof signatureBase64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== signatureBase64) return false;
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}

function parsePrivatePem(pem: string, where: string): KeyObject {
  try {
    return createPrivateKey(pem.replace(/\\n/g, '\n'));
  } catch (e) {
    throw new SigningKeyError(`${where} is not a PKCS8 PEM private key: ${(e as Error).message}`);
  }
}

/**
 * The audit service's Ed25519 key: the PEM when given (production: CASEBRIDGE_AUDIT_SIGNING_KEY), else the
 * key file, generated (mode 0600) on first use when `generate` is true.
 */
export function loadSigningKey(source: SigningKeySource): {
  signer: CheckpointSigner;
  origin: 'configuration' | 'file' | 'generated';
} {
  if (source.pem)
    return {
      signer: signerFromPrivateKey(parsePrivatePem(source.pem, 'CASEBRIDGE_AUDIT_SIGNING_KEY')),
      origin: 'configuration',
    };
  if (!source.file)
    throw new SigningKeyError('no audit signing key: set CASEBRIDGE_AUDIT_SIGNING_KEY or CASEBRIDGE_AUDIT_KEY_FILE');
  const file = path.resolve(source.file);
  try {
    return { signer: signerFromPrivateKey(parsePrivatePem(readFileSync(file, 'utf8'), file)), origin: 'file' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (!source.generate) throw new SigningKeyError(`no audit signing key at ${file}`);
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // written whole to a temporary file, then linked into place: atomic, and never overwrites a key
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
  } catch (e) {
    // another process (a second replica) created it first: use theirs
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadSigningKey({ file, generate: false });
    throw e;
  } finally {
    unlinkSync(tmp);
  }
  return { signer: signerFromPrivateKey(privateKey), origin: 'generated' };
}
