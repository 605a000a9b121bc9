// Token issuing and verification. Our tokens are ES256 JWTs signed with a key kept in the database, so
// every process of a deployment verifies every other's tokens. Verified tokens are cached until expiry
// because signature checks dominate the cost of a small request.
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import type { Store } from '../store/store.ts';
import { nowTimestamp } from '../store/time.ts';

const ALG = 'ES256';
const KID = 'opencom-1';
export const WORKSPACE_CLAIM = 'hpe_workspace_id';

export interface TokenClaims {
  /** User id. */
  sub: string;
  /** Workspace (application customer) the token was issued for. */
  workspaceId: string;
  /** API client of our own tokens; absent for external ones. */
  clientId: string | undefined;
  /** E-mail of an external token's user. */
  email: string | undefined;
  /** Seconds since the epoch. */
  exp: number;
  external: boolean;
}

export interface ExternalIssuer {
  jwksUrl: string;
  issuer: string | undefined;
  audience: string | undefined;
  workspaceClaim: string;
  emailClaim: string;
}

function cacheKey(token: string): string {
  return token.length > 48 ? token.slice(-48) : token;
}

export class TokenService {
  // Keyed by the token's last characters (signature bytes), so a lookup hashes a few dozen characters rather
  // than the whole token on every request; a hit counts only if the whole token is the same.
  private readonly cache = new LRUCache<string, { token: string; claims: TokenClaims }>({ max: 10_000 });
  private readonly externalKeys: JWTVerifyGetKey | undefined;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly localKeys: JWTVerifyGetKey,
    readonly publicJwk: JWK,
    private readonly issuer: string,
    private readonly external: ExternalIssuer | undefined,
  ) {
    this.externalKeys = external ? createRemoteJWKSet(new URL(external.jwksUrl)) : undefined;
  }

  /** Loads the signing key from the store, creating it on first start (safe when processes race). */
  static async open(store: Store, issuer: string, external?: ExternalIssuer): Promise<TokenService> {
    let row = await store.get<{ private_jwk: string; public_jwk: string }>('SELECT private_jwk, public_jwk FROM signing_keys WHERE kid = ?', [KID]);
    if (!row) {
      const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
      const candidate = { private_jwk: JSON.stringify(await exportJWK(privateKey)), public_jwk: JSON.stringify(await exportJWK(publicKey)) };
      await store.run('INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING', [
        KID,
        candidate.private_jwk,
        candidate.public_jwk,
        nowTimestamp(),
      ]);
      row = (await store.get<{ private_jwk: string; public_jwk: string }>('SELECT private_jwk, public_jwk FROM signing_keys WHERE kid = ?', [KID]))!;
    }
    const publicJwk: JWK = { ...(JSON.parse(row.public_jwk) as JWK), kid: KID, alg: ALG, use: 'sig' };
    const privateKey = (await importJWK(JSON.parse(row.private_jwk) as JWK, ALG)) as CryptoKey;
    return new TokenService(privateKey, createLocalJWKSet({ keys: [publicJwk] }), publicJwk, issuer, external);
  }

  async issue(input: { userId: string; workspaceId: string; clientId: string; ttlSeconds: number }): Promise<string> {
    return new SignJWT({ [WORKSPACE_CLAIM]: input.workspaceId, client_id: input.clientId })
      .setProtectedHeader({ alg: ALG, kid: KID, typ: 'JWT' })
      .setSubject(input.userId)
      .setIssuer(this.issuer)
      .setAudience('opencom')
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${input.ttlSeconds}s`)
      .sign(this.privateKey);
  }

  /** The claims of a token verified before and not yet expired, without waiting; undefined means "call verify". */
  verifiedBefore(token: string): TokenClaims | undefined {
    const cached = this.cached(token);
    return cached && cached.exp > Date.now() / 1000 ? cached : undefined;
  }

  private cached(token: string): TokenClaims | undefined {
    const entry = this.cache.get(cacheKey(token));
    return entry && entry.token === token ? entry.claims : undefined;
  }

  /** Verifies a bearer token; undefined when it is forged, expired, unsigned or otherwise unacceptable. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    const cached = this.cached(token);
    const nowSeconds = Date.now() / 1000;
    if (cached) {
      if (cached.exp > nowSeconds) return cached;
      this.cache.delete(cacheKey(token));
      return undefined;
    }
    const claims = (await this.verifyOwn(token)) ?? (await this.verifyExternal(token));
    if (claims) this.cache.set(cacheKey(token), { token, claims });
    return claims;
  }

  private async verifyOwn(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.localKeys, { issuer: this.issuer, audience: 'opencom', algorithms: [ALG] });
      const workspaceId = payload[WORKSPACE_CLAIM];
      if (typeof payload.sub !== 'string' || typeof workspaceId !== 'string' || typeof payload.client_id !== 'string') return undefined;
      return { sub: payload.sub, workspaceId, clientId: payload.client_id, email: undefined, exp: payload.exp!, external: false };
    } catch {
      return undefined;
    }
  }

  private async verifyExternal(token: string): Promise<TokenClaims | undefined> {
    if (!this.externalKeys || !this.external) return undefined;
    let payload: JWTPayload;
    try {
      // Asymmetric algorithms only: an external issuer never shares a secret with us, and `none` is never valid.
      ({ payload } = await jwtVerify(token, this.externalKeys, {
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
        ...(this.external.issuer ? { issuer: this.external.issuer } : {}),
        ...(this.external.audience ? { audience: this.external.audience } : {}),
      }));
    } catch {
      return undefined;
    }
    const workspaceId = payload[this.external.workspaceClaim];
    const email = payload[this.external.emailClaim];
    if (typeof workspaceId !== 'string' || typeof email !== 'string' || typeof payload.exp !== 'number') return undefined;
    return { sub: payload.sub ?? email, workspaceId, clientId: undefined, email, exp: payload.exp, external: true };
  }
}
