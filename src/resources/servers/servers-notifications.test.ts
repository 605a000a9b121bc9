// Per-server e-mail notification choices (v1 GET/PUT/POST on-behalf, v1beta2 GET/PUT): defaults from
// user-preferences, the cumulative hierarchy, versions keeping what they cannot see, roles and isolation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { enc, JSON_BODY, KNOWN, seedFleets, V1, V1BETA2 } from './servers.fixtures.ts';
import { NOTIFICATION_COMBINATIONS } from '../user-preferences/user-preferences.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedFleets(t);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM server_notifications');
  await t.store.run('DELETE FROM user_preferences');
});

const ON = enc(KNOWN.on.id);
const OFF_ALL = { criticalNotification: false, criticalNonServiceNotification: false, warningNotification: false, healthNotification: false };
const url = (base: string, id = ON) => `${base}/${id}/notifications`;
const get = (base: string, caller: Caller = t.callers.adminA, id = ON) => t.call(caller, { method: 'GET', url: url(base, id) });
const put = (base: string, payload: unknown, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}) =>
  t.call(caller, { method: 'PUT', url: url(base), headers: { ...JSON_BODY, ...headers }, payload: JSON.stringify(payload) });
const onBehalf = (payload: unknown, caller: Caller = t.callers.adminA) => t.call(caller, { method: 'POST', url: url(V1), headers: JSON_BODY, payload: JSON.stringify(payload) });

describe('server notifications: happy paths', () => {
  it('starts from everything off without a record or workspace default', async () => {
    expect(expectHpeSchema(await get(V1), 'notificationsResponse-v1')).toEqual({ serverId: KNOWN.on.id, ...OFF_ALL, powerResetNotification: false, disconnectNotification: null });
    expect(expectHpeSchema(await get(V1BETA2), 'notificationsResponse-v1beta2')).toEqual({ serverId: KNOWN.on.id, ...OFF_ALL });
  });

  it("starts from the user's preferences when there is no record for the server", async () => {
    const prefs = { criticalNotification: true, criticalNonServiceNotification: true, healthNotification: true, disconnectNotification: 2 };
    expect((await t.call(t.callers.adminA, { method: 'POST', url: '/compute-ops-mgmt/v1/user-preferences', headers: JSON_BODY, payload: prefs })).statusCode).toBe(200);
    expect((await get(V1)).json()).toEqual({ serverId: KNOWN.on.id, ...prefs, warningNotification: false, powerResetNotification: false });
    expect((await get(V1, t.callers.operatorA)).json()).toMatchObject(OFF_ALL);
  });

  it("PUT sets the caller's choices for that server only; absent or null choices are off", async () => {
    const body = { criticalNotification: true, criticalNonServiceNotification: true, warningNotification: null, powerResetNotification: true, disconnectNotification: 3 };
    const expected = { serverId: KNOWN.on.id, criticalNotification: true, criticalNonServiceNotification: true, warningNotification: false, healthNotification: false, powerResetNotification: true, disconnectNotification: 3 };
    expect(expectHpeSchema(await put(V1, body), 'notificationsResponse-v1')).toEqual(expected);
    expect((await get(V1)).json()).toEqual(expected);
    expect((await get(V1, t.callers.operatorA)).json()).toMatchObject(OFF_ALL);
    expect((await get(V1, t.callers.adminA, enc(KNOWN.off.id))).json()).toMatchObject(OFF_ALL);
  });

  it('a v1beta2 PUT keeps what only v1 shows', async () => {
    await put(V1, { criticalNotification: false, powerResetNotification: true, disconnectNotification: 1 });
    const res = await put(V1BETA2, { criticalNotification: true, healthNotification: true });
    expect(expectHpeSchema(res, 'notificationsResponse-v1beta2')).toEqual({ serverId: KNOWN.on.id, ...OFF_ALL, criticalNotification: true, healthNotification: true });
    expect((await get(V1)).json()).toMatchObject({ criticalNotification: true, healthNotification: true, powerResetNotification: true, disconnectNotification: 1 });
  });

  it('accepts exactly the valid (critical, criticalNonService, warning) combinations, in both versions', async () => {
    for (const base of [V1, V1BETA2]) {
      for (const [c, n, w, ok] of NOTIFICATION_COMBINATIONS) {
        const before = (await get(V1)).json();
        const res = await put(base, { criticalNotification: c, criticalNonServiceNotification: n, warningNotification: w });
        if (ok) expect(res.json()).toMatchObject({ criticalNotification: c, criticalNonServiceNotification: n, warningNotification: w });
        else {
          expectComError(res, 400, { key: 'INVALID_NOTIFICATION_COMBINATION' });
          expect((await get(V1)).json()).toEqual(before);
        }
      }
    }
  });

  it('an administrator sets the choices of listed members, who then read them', async () => {
    const data = { criticalNotification: true, healthNotification: true, disconnectNotification: 2 };
    const res = await onBehalf({ data, recipients: ['Operator@A.example', 'observer@a.example', 'operator@a.example'] });
    expect(expectHpeSchema(res, 'notificationsResponse-v1')).toEqual({
      serverId: KNOWN.on.id,
      criticalNotification: true,
      criticalNonServiceNotification: false,
      warningNotification: false,
      healthNotification: true,
      powerResetNotification: false,
      disconnectNotification: 2,
    });
    for (const caller of [t.callers.operatorA, t.callers.observerA]) expect((await get(V1, caller)).json()).toEqual(res.json());
    expect((await get(V1)).json()).toMatchObject(OFF_ALL);
  });
});

describe('server notifications: errors change nothing', () => {
  it('refuses invalid bodies', async () => {
    await put(V1, { criticalNotification: true });
    const before = await snapshot(t.store);
    expectComError(await put(V1, { criticalNotification: false, criticalNonServiceNotification: true }), 400, { subjects: ['criticalNonServiceNotification'] });
    expectComError(await put(V1, { criticalNotification: true, warningNotification: true }), 400, { subjects: ['warningNotification'] });
    expectComError(await put(V1, { criticalNotification: true, disconnectNotification: 5 }), 400, { subjects: ['disconnectNotification'] });
    expectComError(await put(V1, { healthNotification: true }), 400, { subjects: ['criticalNotification'] });
    expectComError(await put(V1BETA2, { criticalNotification: 'yes' }), 400, { subjects: ['criticalNotification'] });
    expectComError(await put(V1, { criticalNotification: true }, t.callers.adminA, { 'content-type': 'application/merge-patch+json' }), 415);
    expectComError(await onBehalf({ data: { criticalNotification: false, warningNotification: true }, recipients: ['operator@a.example'] }), 400, {
      key: 'INVALID_NOTIFICATION_COMBINATION',
      subjects: ['data.warningNotification'],
    });
    expectComError(await onBehalf({ data: { criticalNotification: true }, recipients: ['operator@a.example', 'nobody@a.example'] }), 400, { subjects: ['recipients'] });
    expectComError(await onBehalf({ data: { criticalNotification: true }, recipients: ['not an e-mail'] }), 400, { subjects: ['recipients'] });
    expectComError(await onBehalf({ data: { criticalNotification: true }, recipients: [] }), 400, { subjects: ['recipients'] });
    expectComError(await onBehalf({ data: { criticalNotification: true } }), 400, { subjects: ['recipients'] });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('answers 404 for an unknown server', async () => {
    const unknown = enc('P00000-B21+NOSUCH');
    for (const base of [V1, V1BETA2]) {
      expectComError(await get(base, t.callers.adminA, unknown), 404, { key: 'NOT_FOUND' });
      expectComError(await t.call(t.callers.adminA, { method: 'PUT', url: url(base, unknown), headers: JSON_BODY, payload: { criticalNotification: true } }), 404);
    }
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: url(V1, unknown), headers: JSON_BODY, payload: { data: { criticalNotification: true }, recipients: ['operator@a.example'] } }), 404);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: url(V1BETA2), headers: JSON_BODY, payload: { data: { criticalNotification: true }, recipients: ['operator@a.example'] } }), 404, {
      key: 'ROUTE_NOT_FOUND',
    });
  });
});

describe('server notifications: security', () => {
  it('observers read, operators set their own, only administrators set others', async () => {
    const before = await snapshot(t.store);
    expect((await get(V1, t.callers.observerA)).statusCode).toBe(200);
    expectComError(await put(V1, { criticalNotification: true }, t.callers.observerA), 403);
    expectComError(await onBehalf({ data: { criticalNotification: true }, recipients: ['observer@a.example'] }, t.callers.operatorA), 403);
    expect(await snapshot(t.store)).toEqual(before);
    expect((await put(V1, { criticalNotification: true }, t.callers.operatorA)).statusCode).toBe(200);
  });

  it("other workspaces can neither read nor set choices on A's servers, nor be named as recipients", async () => {
    const before = await snapshot(t.store);
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await get(V1, caller), 404);
      expectComError(await put(V1BETA2, { criticalNotification: true }, caller), 404);
      expectComError(await onBehalf({ data: { criticalNotification: true }, recipients: [caller.email] }, caller), 404);
    }
    expectComError(await onBehalf({ data: { criticalNotification: true }, recipients: [t.callers.adminB.email] }), 400, { subjects: ['recipients'] });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("an MSP user's choices inside a tenant live in the tenant", async () => {
    const [tenantServer] = (await t.call(t.callers.tenant1Admin, { method: 'GET', url: V1 })).json().items as { id: string }[];
    const headers = { 'tenant-acid': t.workspaces.T1 };
    const res = await t.call(t.callers.mspAdmin, { method: 'PUT', url: url(V1, enc(tenantServer!.id)), headers: { ...JSON_BODY, ...headers }, payload: { criticalNotification: true } });
    expect(expectHpeSchema(res, 'notificationsResponse-v1').criticalNotification).toBe(true);
    const rows = await t.store.all<{ workspace_id: string }>('SELECT workspace_id FROM server_notifications');
    expect(rows.map((r) => r.workspace_id)).toEqual([t.workspaces.T1]);
    expect((await get(V1, t.callers.tenant1Admin, enc(tenantServer!.id))).json().criticalNotification).toBe(false);
  });
});
