// Token endpoints and bearer verification, as real GreenLake clients use them.
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from './helpers/com-assert.ts';
import { openTestApp, tokenFor, type TestApp } from './helpers/test-app.ts';

const LIST = '/compute-ops-mgmt/v1/user-preferences';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

function tokenRequest(url: string, body: Record<string, string>, headers: Record<string, string> = form) {
  return t.app.inject({ method: 'POST', url, headers, payload: new URLSearchParams(body).toString() });
}

describe('token endpoints', () => {
  it('issues a Bearer JWT at /as/token.oauth2 with access_token as the first key', async () => {
    const { clientId, secret } = t.callers.adminA;
    const res = await tokenRequest('/as/token.oauth2', { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('{"access_token":')).toBe(true);
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: t.config.legacyTokenTtlSeconds });
    expect(body.access_token.split('.')).toHaveLength(3);
    const use = await t.app.inject({ method: 'GET', url: LIST, headers: { authorization: `Bearer ${body.access_token}` } });
    expect(use.statusCode).toBe(200);
  });

  it('accepts HTTP Basic credentials, a charset parameter and unknown extra headers', async () => {
    const { clientId, secret } = t.callers.operatorA;
    const res = await tokenRequest('/as/token.oauth2', { grant_type: 'client_credentials' }, {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'x-something-else': 'ignored',
    });
    expect(res.statusCode).toBe(200);
  });

  it('issues workspace-scoped tokens at /authorization/v2/oauth2/{workspaceId}/token for that workspace only', async () => {
    const { clientId, secret, workspaceId } = t.callers.adminA;
    const ok = await tokenRequest(`/authorization/v2/oauth2/${workspaceId}/token`, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().expires_in).toBe(t.config.workspaceTokenTtlSeconds);
    const wrong = await tokenRequest(`/authorization/v2/oauth2/${t.workspaces.B}/token`, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    expectComError(wrong, 401, { key: 'INVALID_CLIENT' });
  });

  it('refuses wrong secrets, unknown clients and other grants with COM and OAuth error members', async () => {
    const { clientId } = t.callers.adminA;
    const bad = await tokenRequest('/as/token.oauth2', { grant_type: 'client_credentials', client_id: clientId, client_secret: 'nope' });
    expect(expectComError(bad, 401, { key: 'INVALID_CLIENT' })).toMatchObject({ error: 'invalid_client' });
    expectComError(await tokenRequest('/as/token.oauth2', { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' }), 401);
    const grant = await tokenRequest('/as/token.oauth2', { grant_type: 'password', client_id: clientId, client_secret: 'nope' });
    expect(expectComError(grant, 400)).toMatchObject({ error: 'unsupported_grant_type' });
    expectComError(await tokenRequest('/as/token.oauth2', { grant_type: 'client_credentials' }), 400);
  });

  it('stops issuing and honouring tokens of a revoked client', async () => {
    const member = await t.identity.addUser(t.workspaces.A, 'leaver@a.example', 'operator');
    const { client, secret } = await t.identity.createApiClient(t.workspaces.A, member.email);
    const token = await tokenFor(t.app, client.clientId, secret);
    await t.identity.revokeApiClient(client.clientId);
    await new Promise((r) => setTimeout(r, 5_100)); // principals are cached for five seconds
    expectComError(await t.app.inject({ method: 'GET', url: LIST, headers: { authorization: `Bearer ${token}` } }), 401);
    expectComError(await tokenRequest('/as/token.oauth2', { grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }), 401);
  });
});

describe('bearer verification', () => {
  const get = (authorization?: string) => t.app.inject({ method: 'GET', url: LIST, headers: authorization === undefined ? {} : { authorization } });

  it('trims a trailing space and accepts any case of "Bearer"', async () => {
    expect((await get(`Bearer ${t.callers.adminA.token} `)).statusCode).toBe(200);
    expect((await get(`bearer ${t.callers.adminA.token}`)).statusCode).toBe(200);
  });

  it('refuses missing, malformed, forged, tampered, expired, unsigned and foreign tokens', async () => {
    const real = t.callers.adminA.token;
    const [header, payload] = real.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'opencom-1' }).sign(privateKey);
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, hpe_workspace_id: t.workspaces.B })).toString('base64url')}.${real.split('.')[2]}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('0123456789abcdef0123456789abcdef'));
    const own = JSON.parse(JSON.stringify(t.tokens.publicJwk));
    expect(own.d).toBeUndefined();
    const expired = await t.tokens.issue({ userId: claims.sub, workspaceId: claims.hpe_workspace_id, clientId: claims.client_id, ttlSeconds: -10 });
    for (const auth of [undefined, '', 'Bearer', 'Basic abc', 'Bearer not.a.jwt', `Bearer ${forged}`, `Bearer ${tampered}`, `Bearer ${none}`, `Bearer ${hs}`, `Bearer ${expired}`]) {
      expectComError(await get(auth), 401, { key: 'UNAUTHORIZED' });
    }
  });
});

describe('external OIDC issuer (OPENCOM_JWKS_URL)', () => {
  let jwks: Server;
  let ext: TestApp;
  let signer: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signer = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'ext-1', alg: 'RS256' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as AddressInfo).port;
    ext = await openTestApp({ OPENCOM_JWKS_URL: `http://127.0.0.1:${port}/jwks`, OPENCOM_JWT_ISSUER: 'https://idp.example' });
  });
  afterAll(async () => {
    await ext.close();
    jwks.close();
  });

  const external = (claims: Record<string, unknown>, ttl = '5m') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'ext-1' }).setIssuer('https://idp.example').setIssuedAt().setExpirationTime(ttl).sign(signer);

  it("accepts the issuer's tokens for members of the named workspace", async () => {
    const token = await external({ sub: 'u1', email: ext.callers.operatorA.email, hpe_workspace_id: ext.workspaces.A });
    const res = await ext.app.inject({ method: 'GET', url: LIST, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses tokens for non-members, of another issuer, or expired', async () => {
    const stranger = await external({ sub: 'u2', email: 'stranger@x.example', hpe_workspace_id: ext.workspaces.A });
    const wrongWs = await external({ sub: 'u1', email: ext.callers.operatorA.email, hpe_workspace_id: ext.workspaces.B });
    const expired = await external({ sub: 'u1', email: ext.callers.operatorA.email, hpe_workspace_id: ext.workspaces.A }, '-1m');
    const otherIssuer = await new SignJWT({ email: ext.callers.operatorA.email, hpe_workspace_id: ext.workspaces.A })
      .setProtectedHeader({ alg: 'RS256', kid: 'ext-1' }).setIssuer('https://evil.example').setExpirationTime('5m').sign(signer);
    for (const token of [stranger, wrongWs, expired, otherIssuer]) {
      expectComError(await ext.app.inject({ method: 'GET', url: LIST, headers: { authorization: `Bearer ${token}` } }), 401);
    }
  });
});
