// GreenLake-style authentication: the two token endpoints real clients call, and bearer verification on
// every COM route. Token endpoint errors carry both COM's error body and OAuth 2.0's error/error_description.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import type { IdentityService } from '../identity/identity-service.ts';
import { roleAllows, type Principal } from '../identity/model.ts';
import type { TokenClaims, TokenService } from '../identity/tokens.ts';
import { ComError, type ErrorKey } from './com-error.ts';
import './request-context.ts';

export interface AuthOptions {
  identity: IdentityService;
  tokens: TokenService;
  legacyTtlSeconds: number;
  workspaceTtlSeconds: number;
}

// Principals are re-read at most every few seconds, so revoking a client or a membership takes effect quickly
// without a database read on every request.
const PRINCIPAL_TTL_MS = 5_000;

function oauthError(key: ErrorKey, error: string, description: string): ComError {
  const err = new ComError(key, description);
  err.extraBody = { error, error_description: description };
  return err;
}

interface TokenRequestBody {
  grant_type?: unknown;
  client_id?: unknown;
  client_secret?: unknown;
}

function credentials(request: FastifyRequest): { clientId: string; secret: string } | undefined {
  const body = (request.body ?? {}) as TokenRequestBody;
  if (typeof body.client_id === 'string' && typeof body.client_secret === 'string') {
    return { clientId: body.client_id, secret: body.client_secret };
  }
  const header = request.headers.authorization?.trim();
  if (header && /^basic\s+/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  return undefined;
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** Whom a principal key (or a token) currently designates (undefined: nobody), and until when that answer holds. */
interface Grant {
  principal: Principal | undefined;
  expiresAt: number;
}

/**
 * Verifies the bearer token of a COM request and sets request.principal; throws 401/403 as COM errors.
 * Returns nothing when the token and its principal were cached (the common case, settled without a promise),
 * and a promise otherwise.
 */
export function createAuthenticator(identity: IdentityService, tokens: TokenService): (request: FastifyRequest) => void | Promise<void> {
  const grants = new LRUCache<string, Grant>({ max: 10_000 });
  // A verified token's claims object lives in the token cache, so it leads to its grant without hashing a key.
  const grantOfClaims = new WeakMap<TokenClaims, Grant>();

  async function loadGrant(claims: TokenClaims): Promise<Grant> {
    const key = claims.external ? `ext:${claims.workspaceId}:${claims.email}` : `client:${claims.clientId}`;
    let read = grants.get(key);
    if (!read || read.expiresAt <= Date.now()) {
      const principal = claims.external
        ? await identity.principalForMember(claims.workspaceId, claims.email!)
        : await identity.principalForClient(claims.clientId!);
      read = { principal, expiresAt: Date.now() + PRINCIPAL_TTL_MS };
      grants.set(key, read);
    }
    // Our own tokens must still name the client's user and workspace; the answer expires with the read.
    const { principal } = read;
    const valid = principal && (claims.external || (principal.userId === claims.sub && principal.homeWorkspaceId === claims.workspaceId));
    const grant = { principal: valid ? principal : undefined, expiresAt: read.expiresAt };
    grantOfClaims.set(claims, grant);
    return grant;
  }

  function admit(request: FastifyRequest, principal: Principal | undefined): void {
    if (!principal) throw new ComError('UNAUTHORIZED', 'The token no longer grants access');
    request.principal = principal;
    const permission = request.routeOptions.config.permission ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
    if (!roleAllows(principal.role, permission)) {
      throw new ComError('FORBIDDEN', `The ${principal.role} role does not allow this operation`);
    }
  }

  async function authenticateSlowly(request: FastifyRequest, token: string, known: TokenClaims | undefined): Promise<void> {
    const claims = known ?? (await tokens.verify(token));
    if (!claims) throw new ComError('UNAUTHORIZED', 'Invalid or expired bearer token');
    admit(request, (await loadGrant(claims)).principal);
  }

  return function authenticate(request) {
    const header = request.headers.authorization;
    // "Bearer <a token verified before>" needs no parsing: such a token has no whitespace for the pattern to trim.
    let claims = header?.startsWith('Bearer ') ? tokens.verifiedBefore(header.slice(7)) : undefined;
    const grant = claims && grantOfClaims.get(claims);
    if (grant && grant.expiresAt > Date.now()) return admit(request, grant.principal);
    const token = bearerToken(header);
    if (!token) throw new ComError('UNAUTHORIZED', 'Missing bearer token');
    claims ??= tokens.verifiedBefore(token);
    return authenticateSlowly(request, token, claims);
  };
}

/** The token endpoints clients call, and the request decorations the COM guard fills in. */
export const authPlugin = fp(async function auth(app: FastifyInstance, opts: AuthOptions) {
  async function issueToken(request: FastifyRequest, workspaceId: string | undefined, ttlSeconds: number) {
    const body = (request.body ?? {}) as TokenRequestBody;
    if (body.grant_type !== 'client_credentials') {
      throw oauthError('INVALID_TOKEN_REQUEST', 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    const creds = credentials(request);
    if (!creds) throw oauthError('INVALID_TOKEN_REQUEST', 'invalid_request', 'client_id and client_secret are required');
    const client = await opts.identity.authenticateClient(creds.clientId, creds.secret);
    if (!client || (workspaceId !== undefined && client.workspaceId !== workspaceId.toLowerCase())) {
      throw oauthError('INVALID_CLIENT', 'invalid_client', 'Invalid client credentials');
    }
    const principal = await opts.identity.principalForClient(client.clientId);
    if (!principal) throw oauthError('INVALID_CLIENT', 'invalid_client', 'Invalid client credentials');
    const accessToken = await opts.tokens.issue({ userId: principal.userId, workspaceId: client.workspaceId, clientId: client.clientId, ttlSeconds });
    // access_token must be the first key: one dashboard plugin reads it positionally (client-compat.md).
    return { access_token: accessToken, token_type: 'Bearer', expires_in: ttlSeconds };
  }

  const tokenRoute = { config: { bodyTypes: ['application/x-www-form-urlencoded', 'application/json'] }, schema: { hide: true } };
  app.post('/as/token.oauth2', tokenRoute, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return issueToken(request, undefined, opts.legacyTtlSeconds);
  });
  app.post<{ Params: { workspaceId: string } }>('/authorization/v2/oauth2/:workspaceId/token', tokenRoute, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return issueToken(request, request.params.workspaceId, opts.workspaceTtlSeconds);
  });
  app.get('/.well-known/jwks.json', { schema: { hide: true } }, async () => ({ keys: [opts.tokens.publicJwk] }));

  app.decorateRequest('principal', null);
  app.decorateRequest('workspaceId', null);
});
