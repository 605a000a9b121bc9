// Bad input on every published operation: whatever a client sends, the answer is a COM error with a 4xx
// status (never a 500 or a stack trace), and nothing stored changes. New groups are swept automatically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from './helpers/com-assert.ts';
import { snapshot } from './helpers/snapshot.ts';
import { openTestApp, type TestApp } from './helpers/test-app.ts';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

let t: TestApp;
let operations: Operation[];
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, hasBody: !!op.requestBody })),
  );
  // Give every caller something to lose.
  await t.call(t.callers.adminA, { method: 'POST', url: '/compute-ops-mgmt/v1/user-preferences', headers: { 'content-type': 'application/json' }, payload: { criticalNotification: true } });
  before = await snapshot(t.store);
});
afterAll(() => t.close());

const ODD_IDS = ['%00', '..%2F..%2Fetc', '%E2%80%AE', "'%20OR%201=1--", 'x'.repeat(300), '%25', '-1', '0'];
const BODIES: [string, string, string][] = [
  ['malformed JSON', 'application/json', '{"a":'],
  ['a JSON string', 'application/json', '"hello"'],
  ['a JSON number', 'application/json', '42'],
  ['null', 'application/json', 'null'],
  ['nested nonsense', 'application/json', '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'],
  ['wrong types everywhere', 'application/json', '{"criticalNotification":[],"recipients":7,"requestData":"x","all":{}}'],
  ['XML', 'application/xml', '<a/>'],
  ['a form', 'application/x-www-form-urlencoded', 'a=b'],
];
const QUERIES = ['filter=%29%28', "filter=name%20eq%20'unterminated", 'filter=a%20eq%20', 'sort=%3B%20DROP%20TABLE%20x', 'offset=-5', 'limit=abc', 'select=%2F%2F', 'offset=1e400'];

function concrete(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, id);
}

describe('bad input on every operation', () => {
  it('publishes the operations it sweeps', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses calls without a token with 401', async () => {
    for (const op of operations) {
      expectComError(await t.app.inject({ method: op.method as 'GET', url: concrete(op.path, 'x') }), 401);
    }
  });

  it('refuses an Accept it cannot satisfy with 406', async () => {
    for (const op of operations) {
      expectComError(await t.call(t.callers.adminA, { method: op.method as 'GET', url: concrete(op.path, 'x'), headers: { accept: 'text/csv' } }), 406);
    }
  });

  it('answers odd ids with a COM 4xx', async () => {
    for (const op of operations.filter((o) => o.path.includes('{'))) {
      for (const id of ODD_IDS) {
        const res = await t.call(t.callers.adminA, {
          method: op.method as 'GET',
          url: concrete(op.path, id),
          ...(op.hasBody ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}),
        });
        expect(res.statusCode, `${op.method} ${op.path} ${id}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${op.method} ${op.path} ${id}: ${res.body}`).toBeLessThan(500);
        expectComError(res, res.statusCode);
      }
    }
  });

  it('answers malformed, mistyped and wrongly labelled bodies with a COM 4xx', async () => {
    for (const op of operations.filter((o) => o.hasBody)) {
      for (const [name, type, payload] of BODIES) {
        const res = await t.call(t.callers.adminA, { method: op.method as 'POST', url: concrete(op.path, '00000000-0000-4000-8000-000000000000'), headers: { 'content-type': type }, payload });
        expect(res.statusCode, `${op.method} ${op.path} ${name}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${op.method} ${op.path} ${name}: ${res.body}`).toBeLessThan(500);
        expectComError(res, res.statusCode);
      }
    }
  });

  it('answers broken query parameters with a COM 400 or ignores them, never a 5xx', async () => {
    for (const op of operations.filter((o) => o.method === 'GET')) {
      for (const q of QUERIES) {
        const res = await t.call(t.callers.adminA, { method: 'GET', url: `${concrete(op.path, 'x')}?${q}` });
        expect(res.statusCode, `${op.path}?${q}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expectComError(res, res.statusCode);
      }
    }
  });

  it('answers unknown routes and methods with a COM 404', async () => {
    for (const url of ['/compute-ops-mgmt/v1/nothing-here', '/compute-ops-mgmt/v9/user-preferences', '/', '/compute-ops-mgmt']) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url }), 404, { key: 'ROUTE_NOT_FOUND' });
    }
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: '/compute-ops-mgmt/v1/user-preferences' }), 404);
  });

  it('stored nothing and lost nothing while refusing all of the above', async () => {
    expect(await snapshot(t.store)).toEqual(before);
  });
});

describe('NUL characters', () => {
  it('are refused with 400 in paths, queries and bodies, before any database sees them', async () => {
    const t2 = t;
    const path = await t2.call(t2.callers.adminA, { method: 'GET', url: '/compute-ops-mgmt/v1/user-preferences/a%00b' });
    expectComError(path, 400, { key: 'BAD_REQUEST' });
    const query = await t2.call(t2.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/user-preferences?filter=${encodeURIComponent("id eq 'a\u0000'")}` });
    expectComError(query, 400, { key: 'BAD_REQUEST', subjects: ['url'] });
    const body = await t2.call(t2.callers.adminA, {
      method: 'POST',
      url: '/compute-ops-mgmt/v1/user-preferences/subscribe',
      headers: { 'content-type': 'application/json' },
      payload: '{"recipients":{"all":["a\\u0000@x"]},"requestData":{}}',
    });
    expectComError(body, 400, { key: 'BAD_REQUEST', subjects: ['body'] });
  });
});
