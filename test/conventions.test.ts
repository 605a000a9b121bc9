// Platform conventions shared by every group: error catalogue, health and metrics, OpenAPI and docs,
// rate limiting, the unknown-error path.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/http/com-error.ts';
import { expectComError } from './helpers/com-assert.ts';
import { openTestApp, type TestApp } from './helpers/test-app.ts';

const LIST = '/compute-ops-mgmt/v1/user-preferences';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('error catalogue', () => {
  it('docs/errors.md lists exactly the catalogue', () => {
    const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `(HPE-GL-COMPUTE_OPS-\d{7})` \| (\d{3}) \| `([A-Z_]+)` \|/gm)].map((m) => [m[3], m[1], Number(m[2])]);
    const catalogue = Object.entries(ERROR_CATALOGUE).map(([k, v]) => [k, v.code, v.status]);
    expect(rows).toEqual(catalogue);
  });

  it('gives every key a distinct code that embeds its status', () => {
    const codes = Object.values(ERROR_CATALOGUE).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of Object.values(ERROR_CATALOGUE)) expect(e.code.slice(-6, -3)).toBe(String(e.status));
  });

  it('answers an unexpected failure with a bare 500 carrying a debugId and no internals', async () => {
    // Broken infrastructure, not bad input: the table behind the route is gone.
    const broken = await openTestApp();
    try {
      await broken.store.run('DROP TABLE user_preferences');
      const res = await broken.call(broken.callers.adminA, { method: 'GET', url: LIST });
      const body = expectComError(res, 500, { key: 'INTERNAL' });
      expect(res.body).not.toMatch(/user_preferences|no such table|does not exist/);
      expect(body.message).toBe(ERROR_CATALOGUE.INTERNAL.message);
      expect(body.debugId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await broken.close();
    }
  });
});

describe('health, metrics and docs', () => {
  it('/healthz reports the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.store.dialect });
  });

  it('/metrics exposes request counts per route in Prometheus text format', async () => {
    await t.call(t.callers.adminA, { method: 'GET', url: LIST });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/opencom_http_requests_total\{method="GET",route="\/compute-ops-mgmt\/v1\/user-preferences",status="200"\} \d+/);
    expect(res.body).toContain('opencom_process_cpu_seconds_total');
  });

  it('/openapi.json is OpenAPI 3.1 generated from the route schemas, documenting only the current prefix', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/compute-ops-mgmt/v1/user-preferences', '/compute-ops-mgmt/v1/user-preferences/{id}', '/compute-ops-mgmt/v1beta1/user-preferences/{id}']),
    );
    // Only the groups endpoints.md lists solely under the legacy prefix are documented there.
    const legacy = Object.keys(doc.paths).filter((p) => p.startsWith('/compute-ops/'));
    for (const p of legacy) expect(p).toMatch(/^\/compute-ops\/(v1beta1\/server-settings|v1beta2\/groups)(\/|$)/);
    const put = doc.paths['/compute-ops-mgmt/v1/user-preferences/{id}'].put;
    expect(put.operationId).toBe('put_v1_user_preferences');
    expect(put.requestBody.content['application/json'].schema.required).toEqual(['criticalNotification']);
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '415']));
    expect(doc.components.securitySchemes.Bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('/docs serves a readable page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('rate limiting', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await openTestApp({ OPENCOM_RATE_LIMIT_MAX: '3', OPENCOM_RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => limited.close());

  it('sends ratelimit-* headers and a COM 429 with retry_info and Retry-After, per API client', async () => {
    const first = await limited.call(limited.callers.adminA, { method: 'GET', url: LIST });
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    await limited.call(limited.callers.adminA, { method: 'GET', url: LIST });
    await limited.call(limited.callers.adminA, { method: 'GET', url: LIST });
    const over = await limited.call(limited.callers.adminA, { method: 'GET', url: LIST });
    const body = expectComError(over, 429, { key: 'TOO_MANY_REQUESTS' });
    const retry = (body.errorDetails as { type: string; retryAfterSeconds?: number }[]).find((d) => d.type === 'hpe.greenlake.retry_info');
    expect(retry?.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBe(retry?.retryAfterSeconds);
    // Another client has its own budget.
    expect((await limited.call(limited.callers.operatorA, { method: 'GET', url: LIST })).statusCode).toBe(200);
  });

  it('is generous by default', () => {
    expect(t.config.rateLimit.max).toBeGreaterThanOrEqual(1000);
  });
});
