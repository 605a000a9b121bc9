// async-operations: refused requests. Bad query parameters are 400 with the parameter as subject, unknown
// operations and cursors 404, cancel rules 400/412; nothing refused changes the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { age, base, json, NOBODY, record } from './async-operations.fixtures.ts';
import type { AsyncOperationInput } from './service.ts';

let t: TestApp;
let running: string;
const metrics: Partial<AsyncOperationInput> = { operationType: 'SUSTAINABILITY_METRICS_COLLECTION', sourceResourcePath: 'v1/metrics-configurations' };

beforeAll(async () => {
  t = await openTestApp();
  running = await record(t, t.workspaces.A);
  await record(t, t.workspaces.A);
});
afterAll(() => t.close());

const list = (query: string, version: 'v1' | 'v1beta1' = 'v1') => t.call(t.callers.adminA, { method: 'GET', url: `${base(version)}?${query}` });
const cancel = (id: string, headers: Record<string, string> = json, payload?: string) =>
  t.call(t.callers.adminA, { method: 'POST', url: `${base('v1')}/${id}/cancel`, headers, ...(payload === undefined ? {} : { payload }) });

describe('list parameters', () => {
  it.each<[string, string]>([
    ['filter=' + encodeURIComponent("state eq 'RUNNING"), 'filter'],
    ['filter=' + encodeURIComponent("name eq 'x'"), 'filter'],
    ['filter=' + encodeURIComponent("operationType eq 'UNKNOWN'"), 'filter'],
    ['filter=' + encodeURIComponent('state eq'), 'filter'],
    ['limit=-1', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1.5', 'limit'],
    ['next=not-a-cursor', 'next'],
    ['next=' + encodeURIComponent(`${NOBODY} `), 'next'],
    ['offset=2', 'offset'],
    ['offset=-1', 'offset'],
  ])('%s → 400 about %s', async (query, subject) => {
    for (const version of ['v1', 'v1beta1'] as const) {
      expectComError(await list(query, version), 400, { key: 'INVALID_QUERY', subjects: [subject] });
    }
  });

  it('answers 404 for a cursor that names no operation of the workspace\'s last 7 days', async () => {
    expectComError(await list(`next=${NOBODY}`), 404, { key: 'NOT_FOUND' });
    const old = await record(t, t.workspaces.A);
    await age(t, old, 7.01);
    expectComError(await list(`next=${old}&limit=1`, 'v1beta1'), 404, { key: 'NOT_FOUND' });
  });

  it('does not sort: the order is fixed, newest first', async () => {
    const res = await list('sort=createdAt%20asc');
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as { items: { createdAt: string }[] }).items.map((o) => o.createdAt);
    expect(ids).toEqual([...ids].sort().reverse());
  });
});

describe('reading one operation', () => {
  it.each([NOBODY, 'not-a-uuid', `${NOBODY}x`, '%20'])('GET %s → 404', async (id) => {
    for (const version of ['v1', 'v1beta1'] as const) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${base(version)}/${id}` }), 404, { key: 'NOT_FOUND' });
    }
  });
});

describe('cancel rules', () => {
  it('refuses operation types other than SUSTAINABILITY_METRICS_COLLECTION with 400, whatever their state', async () => {
    const types = ['ADD_DEVICE_TO_GROUP', 'REMOVE_DEVICE_FROM_GROUP', 'INTERNAL_ASYNC_OPERATION', 'UNKNOWN'] as const;
    const ids = [running];
    for (const operationType of types) ids.push(await record(t, t.workspaces.A, { operationType }));
    ids.push(await record(t, t.workspaces.A, { state: 'SUCCEEDED', progressPercent: 100 }));
    const before = await snapshot(t.store);
    for (const id of ids) expectComError(await cancel(id), 400, { key: 'ASYNC_OPERATION_NOT_CANCELLABLE' });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it.each(['SUCCEEDED', 'FAILED', 'CANCELLED'] as const)('refuses a %s metrics collection with 412', async (state) => {
    const id = await record(t, t.workspaces.A, { ...metrics, state, progressPercent: state === 'SUCCEEDED' ? 100 : 30 });
    const before = await snapshot(t.store);
    const body = expectComError(await cancel(id), 412, { key: 'ASYNC_OPERATION_ENDED' });
    expect(body.errorDetails).toEqual([{ type: 'hpe.greenlake.precondition_failed', issues: [{ source: 'field', subject: 'state', description: `is ${state}` }] }]);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('refuses a second cancel of the same operation with 412', async () => {
    const id = await record(t, t.workspaces.A, metrics);
    expect((await cancel(id)).statusCode).toBe(202);
    expectComError(await cancel(id), 412, { key: 'ASYNC_OPERATION_ENDED' });
  });

  it('answers 404 for an unknown or malformed id, 415 for a non-JSON body, and has no v1beta1 cancel', async () => {
    const id = await record(t, t.workspaces.A, metrics);
    const before = await snapshot(t.store);
    expectComError(await cancel(NOBODY), 404, { key: 'NOT_FOUND' });
    expectComError(await cancel('nope'), 404, { key: 'NOT_FOUND' });
    expectComError(await cancel(id, { 'content-type': 'text/plain' }, 'cancel'), 415, { key: 'UNSUPPORTED_MEDIA_TYPE' });
    expectComError(await cancel(id, json, '{"cancel": '), 400, { key: 'MALFORMED_BODY' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${base('v1beta1')}/${id}/cancel`, headers: json }), 404, { key: 'ROUTE_NOT_FOUND' });
    expect(await snapshot(t.store)).toEqual(before);
  });
});
