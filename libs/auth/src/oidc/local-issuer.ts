/**
 * A local OpenID Connect token issuer for development and tests: signs officer tokens with its own asymmetric
 * keys (EdDSA Ed25519 or RS256) and serves the discovery document and the JWKS, like a real identity provider
 * does for CaseBridge (`CASEBRIDGE_OIDC_ISSUER`). Keys rotate: `rotate()` adds a new signing key and keeps
 * publishing the old ones until `retire(kid)`. Not an identity provider: it authenticates nobody.
 */
import { createPrivateKey } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, SignJWT, type JWK } from 'jose';
import { buildClaims, type Role } from '../claims';

export type IssuerAlgorithm = 'EdDSA' | 'RS256';
type PrivateKey = Awaited<ReturnType<typeof importPKCS8>>;

export interface IssuerKey {
  kid: string;
  alg: IssuerAlgorithm;
  privateKey: PrivateKey;
  publicJwk: JWK;
}

/** A key pair as the CLI keeps it: PKCS8 PEM of the private key (its public half is derived). */
export async function generateIssuerKeyPem(alg: IssuerAlgorithm = 'EdDSA'): Promise<string> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  });
  return exportPKCS8(privateKey);
}

/** Reads a PKCS8 PEM key (Ed25519 → EdDSA, RSA → RS256); the key id is its RFC 7638 JWK thumbprint. */
export async function issuerKeyFromPem(pem: string): Promise<IssuerKey> {
  const type = createPrivateKey(pem).asymmetricKeyType;
  if (type !== 'ed25519' && type !== 'rsa')
    throw new Error(`an issuer key must be Ed25519 or RSA (got ${String(type)})`);
  const alg: IssuerAlgorithm = type === 'ed25519' ? 'EdDSA' : 'RS256';
  const privateKey = await importPKCS8(pem, alg, { extractable: true });
  const full = await exportJWK(privateKey);
  const publicJwk: JWK =
    alg === 'EdDSA' ? { kty: full.kty, crv: full.crv, x: full.x } : { kty: full.kty, n: full.n, e: full.e };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg, privateKey, publicJwk: { ...publicJwk, kid, alg, use: 'sig' } };
}

export class LocalIssuer {
  private readonly keys: IssuerKey[] = [];
  private server?: Server;
  issuer = '';

  private constructor() {}

  /** An issuer with one key (generated unless PEMs are given; the last one signs). */
  static async create(opts: { pems?: string[]; alg?: IssuerAlgorithm } = {}): Promise<LocalIssuer> {
    const issuer = new LocalIssuer();
    for (const pem of opts.pems?.length ? opts.pems : [await generateIssuerKeyPem(opts.alg)])
      issuer.keys.push(await issuerKeyFromPem(pem));
    return issuer;
  }

  /** The key that signs new tokens (the newest). */
  get current(): IssuerKey {
    return this.keys.at(-1)!;
  }

  get kids(): string[] {
    return this.keys.map((k) => k.kid);
  }

  /** Adds a new signing key; the previous ones stay published (tokens they signed keep verifying). */
  async rotate(alg: IssuerAlgorithm = this.current.alg): Promise<IssuerKey> {
    const key = await issuerKeyFromPem(await generateIssuerKeyPem(alg));
    this.keys.push(key);
    return key;
  }

  /** Stops publishing a key: tokens it signed stop verifying once verifiers refresh their key set. */
  retire(kid: string): void {
    const i = this.keys.findIndex((k) => k.kid === kid);
    if (i < 0) throw new Error(`no key ${kid}`);
    if (this.keys.length === 1) throw new Error('cannot retire the only key');
    this.keys.splice(i, 1);
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  /** Signs an officer token with the current key (or the key `kid`). */
  async sign(input: {
    agencyId: string;
    roles: Role[];
    officerId?: string;
    name?: string;
    audience?: string;
    ttl?: string;
    kid?: string;
  }): Promise<string> {
    const key = input.kid ? this.keys.find((k) => k.kid === input.kid) : this.current;
    if (!key) throw new Error(`no key ${input.kid}`);
    if (!this.issuer) throw new Error('the issuer has no URL yet: listen() first, or set issuer');
    const { sub, ...claims } = buildClaims(input);
    let jwt = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(input.ttl ?? '8h');
    if (input.audience) jwt = jwt.setAudience(input.audience);
    return jwt.sign(key.privateKey);
  }

  /** Serves `/.well-known/openid-configuration` and `/jwks.json` on 127.0.0.1:`port` (0: any free port); sets `issuer`. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (path === '/.well-known/openid-configuration') {
        send(200, {
          issuer: this.issuer,
          jwks_uri: `${this.issuer}/jwks.json`,
          id_token_signing_alg_values_supported: [...new Set(this.keys.map((k) => k.alg))],
        });
      } else if (path === '/jwks.json') {
        send(200, this.jwks());
      } else {
        send(404, { error: 'not found' });
      }
    });
    this.server.listen(port, host);
    await once(this.server, 'listening');
    const address = this.server.address() as { port: number };
    this.issuer = `http://${host}:${address.port}`;
    return this.issuer;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = undefined;
  }
}
