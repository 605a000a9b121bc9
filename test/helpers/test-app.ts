// A running OpenCOM for tests: the real app on the suite's database (SQLite or PostgreSQL), seeded with
// two ordinary workspaces (A with one user per role, B), an MSP workspace M with two tenants, and a token
// for each caller. Cross-workspace cases therefore come for free in every suite.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openApplication, type Application } from '../../src/application.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Role } from '../../src/identity/model.ts';
import { openTestStore } from './test-store.ts';

export interface Caller {
  clientId: string;
  secret: string;
  token: string;
  email: string;
  userId: string;
  workspaceId: string;
}

export interface TestApp extends Application {
  config: Config;
  callers: {
    adminA: Caller;
    operatorA: Caller;
    observerA: Caller;
    adminB: Caller;
    mspAdmin: Caller;
    tenant1Admin: Caller;
  };
  workspaces: { A: string; B: string; M: string; T1: string; T2: string; other: string };
  /** inject() with the caller's bearer token. */
  call(caller: Caller | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function tokenFor(app: FastifyInstance, clientId: string, secret: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/as/token.oauth2',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  if (res.statusCode !== 200) throw new Error(`token request failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { access_token: string }).access_token;
}

export async function openTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await openTestStore();
  const config = loadConfig({ OPENCOM_RATE_LIMIT_MAX: '100000', OPENCOM_BOOTSTRAP_USER_EMAIL: 'root@a.example', ...env });
  const application = await openApplication(config, t.store, false);
  const { identity, app } = application;

  const A = (await identity.createWorkspace({ name: 'Workspace A' })).id;
  const B = (await identity.createWorkspace({ name: 'Workspace B' })).id;
  const M = (await identity.createWorkspace({ name: 'MSP', kind: 'MSP' })).id;
  const T1 = (await identity.createTenant(M, 'Tenant one')).id;
  const T2 = (await identity.createTenant(M, 'Tenant two')).id;
  const other = (await identity.createWorkspace({ name: 'Another MSP', kind: 'MSP' })).id;

  async function caller(workspaceId: string, email: string, role: Role): Promise<Caller> {
    const member = await identity.addUser(workspaceId, email, role);
    const { client, secret } = await identity.createApiClient(workspaceId, email);
    return { clientId: client.clientId, secret, token: await tokenFor(app, client.clientId, secret), email: member.email, userId: member.userId, workspaceId };
  }

  const callers = {
    adminA: await caller(A, 'admin@a.example', 'administrator'),
    operatorA: await caller(A, 'operator@a.example', 'operator'),
    observerA: await caller(A, 'observer@a.example', 'observer'),
    adminB: await caller(B, 'admin@b.example', 'administrator'),
    mspAdmin: await caller(M, 'admin@msp.example', 'administrator'),
    tenant1Admin: await caller(T1, 'admin@t1.example', 'administrator'),
  };

  return {
    ...application,
    config,
    callers,
    workspaces: { A, B, M, T1, T2, other },
    call: (c, options) =>
      app.inject({ ...options, headers: { ...(c ? { authorization: `Bearer ${c.token}` } : {}), ...(options.headers ?? {}) } }),
    close: async () => {
      await app.close();
      await t.dispose();
    },
  };
}
