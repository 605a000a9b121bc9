// Activities recorded by user-preference writes: create → USER_PREFERENCES_CREATED, replace →
// USER_PREFERENCES_UPDATED, subscribe/unsubscribe → one USER_PREFERENCES_(UN)SUBSCRIBED per changed user
// (happy); refused writes and no-ops record nothing (error); other workspaces never see them (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';

const V1 = '/compute-ops-mgmt/v1/user-preferences';
const V1BETA1 = '/compute-ops-mgmt/v1beta1/user-preferences';
const ACTIVITIES = '/compute-ops-mgmt/v1beta2/activities';
const json = { 'content-type': 'application/json' };

type Pref = Record<string, unknown> & { id: string; generation: number };
type Activity = Record<string, unknown> & { key: string; title: string; message: string; source: Record<string, unknown> };
type Feed = { total: number; items: Activity[] };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM user_preferences');
  await t.store.run('DELETE FROM activities');
});

async function create(caller: Caller, body: Record<string, unknown>, base = V1, headers: Record<string, string> = {}): Promise<Pref> {
  const res = await t.call(caller, { method: 'POST', url: base, headers: { ...json, ...headers }, payload: body });
  return expectHpeSchema<Pref>(res, base === V1 ? 'userPreferencesResponse-v1' : 'userPreferencesResponse-v1beta1');
}

const post = (caller: Caller, url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) => t.call(caller, { method: 'POST', url, headers: { ...json, ...headers }, payload });
const put = (caller: Caller, url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) => t.call(caller, { method: 'PUT', url, headers: { ...json, ...headers }, payload });

async function feed(key: string, sourceId?: string, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Feed> {
  const filter = `key eq '${key}'${sourceId ? ` and source/id eq '${sourceId}'` : ''}`;
  return expectHpeSchema<Feed>(await t.call(caller, { method: 'GET', url: `${ACTIVITIES}?filter=${encodeURIComponent(filter)}`, headers }), 'activityCollection-v1beta2');
}

const total = async (caller: Caller = t.callers.adminA, headers: Record<string, string> = {}) =>
  expectHpeSchema<Feed>(await t.call(caller, { method: 'GET', url: ACTIVITIES, headers }), 'activityCollection-v1beta2').total;

const source = (p: Pref, email: string) => ({ type: 'User Preferences', id: p.id, name: email, resourceUri: `/compute-ops-mgmt/v1/user-preferences/${p.id}` });

describe('user-preference activities: happy paths', () => {
  it('POST records USER_PREFERENCES_CREATED with the choices in the detail line, in both versions', async () => {
    const p = await create(t.callers.adminA, { criticalNotification: true, disconnectNotification: 2 });
    const { items } = await feed('USER_PREFERENCES_CREATED', p.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'User preferences created', recommendedAction: null, associatedServerId: null, source: source(p, 'admin@a.example') });
    expect(items[0]!.message).toBe(
      'Notification preferences of admin@a.example were created\n\nNotifications: Critical: on, Critical non-service: off, Warning: off, Health: off, Power reset: off, Disconnect: after 2 hours',
    );
    const q = await create(t.callers.operatorA, { criticalNotification: false }, V1BETA1);
    expect((await feed('USER_PREFERENCES_CREATED', q.id)).items[0]!.source).toMatchObject(source(q, 'operator@a.example'));
    expect(await total()).toBe(2);
  });

  it('PUT records USER_PREFERENCES_UPDATED on every replace, in both versions and in Japanese', async () => {
    const p = await create(t.callers.adminA, { criticalNotification: true });
    expectHpeSchema(await put(t.callers.adminA, `${V1}/${p.id}`, { criticalNotification: false }), 'userPreferencesResponse-v1');
    expectHpeSchema(await put(t.callers.adminA, `${V1BETA1}/${p.id}`, { criticalNotification: false }), 'userPreferencesResponse-v1beta1');
    const { items } = await feed('USER_PREFERENCES_UPDATED', p.id);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ title: 'User preferences updated', source: source(p, 'admin@a.example') });
    const ja = await feed('USER_PREFERENCES_UPDATED', p.id, t.callers.adminA, { 'accept-language': 'ja' });
    expect(ja.items[0]!.title).toBe('ユーザー設定が更新されました');
    expect(await total()).toBe(3);
  });

  it('subscribe records one USER_PREFERENCES_SUBSCRIBED per changed or created user, none for unchanged ones', async () => {
    const op = await create(t.callers.operatorA, { criticalNotification: true, healthNotification: true });
    await t.store.run('DELETE FROM activities');
    const res = await post(t.callers.adminA, `${V1}/subscribe`, {
      recipients: { health: [t.callers.operatorA.email, t.callers.observerA.email, 'nobody@a.example'] },
      requestData: { healthNotification: true },
    });
    const body = expectHpeSchema<{ successes: Pref[] }>(res, 'subscribeResponse-v1');
    const observer = body.successes.find((s) => s.id !== op.id)!;
    // The operator already had health notifications: their object did not change.
    const { items } = await feed('USER_PREFERENCES_SUBSCRIBED');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'User subscribed to notifications', source: source(observer, 'observer@a.example') });
    expect(items[0]!.message.split('\n')[0]).toBe('An administrator turned on notifications for observer@a.example');
    await post(t.callers.adminA, `${V1}/subscribe`, { recipients: { critical: [t.callers.operatorA.email] }, requestData: { criticalNonServiceNotification: true, criticalNotification: true } });
    expect((await feed('USER_PREFERENCES_SUBSCRIBED', op.id)).total).toBe(1);
    expect(await total()).toBe(2);
  });

  it('unsubscribe records one USER_PREFERENCES_UNSUBSCRIBED per changed user and skips users without an object', async () => {
    const op = await create(t.callers.operatorA, { criticalNotification: true, healthNotification: true });
    const res = await post(t.callers.adminA, `${V1}/unsubscribe`, { health: [t.callers.operatorA.email, t.callers.observerA.email], all: [t.callers.adminA.email] });
    expectHpeSchema(res, 'subscribeResponse-v1');
    const { items } = await feed('USER_PREFERENCES_UNSUBSCRIBED');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'User unsubscribed from notifications', source: source(op, 'operator@a.example') });
    expect(items[0]!.message).toContain('Health: off');
    // Nothing left to turn off: no change, no activity.
    await post(t.callers.adminA, `${V1}/unsubscribe`, { health: [t.callers.operatorA.email] });
    expect((await feed('USER_PREFERENCES_UNSUBSCRIBED')).total).toBe(1);
  });
});

describe('user-preference activities: refused writes record nothing', () => {
  it('refused creates, replaces and bulk requests', async () => {
    const p = await create(t.callers.adminA, { criticalNotification: true });
    await t.store.run('DELETE FROM activities');
    expectComError(await post(t.callers.adminA, V1, { criticalNotification: false }), 400, { key: 'ALREADY_EXISTS' });
    expectComError(await post(t.callers.operatorA, V1, { criticalNotification: false, warningNotification: true }), 400, { key: 'INVALID_NOTIFICATION_COMBINATION' });
    expectComError(await post(t.callers.operatorA, V1, { healthNotification: true }), 400, { subjects: ['criticalNotification'] });
    expectComError(await put(t.callers.adminA, `${V1}/${p.id}`, { criticalNotification: false }, { 'if-match': '"7"' }), 412);
    expectComError(await put(t.callers.adminA, `${V1}/${p.id}`, { criticalNotification: false, warningNotification: true }), 400, { key: 'INVALID_NOTIFICATION_COMBINATION' });
    expectComError(await put(t.callers.operatorA, `${V1}/${p.id}`, { criticalNotification: false }), 404);
    expectComError(await put(t.callers.adminA, `${V1}/00000000-0000-4000-8000-000000000000`, { criticalNotification: false }), 404);
    expectComError(await post(t.callers.adminA, `${V1}/subscribe`, { recipients: { all: [t.callers.operatorA.email] }, requestData: { warningNotification: true } }), 400, {
      subjects: ['requestData.warningNotification'],
    });
    expectComError(await post(t.callers.operatorA, `${V1}/unsubscribe`, { all: [t.callers.adminA.email] }), 403);
    expect(await total()).toBe(0);
  });
});

describe('user-preference activities: security', () => {
  it("other workspaces never see A's activities", async () => {
    await create(t.callers.adminA, { criticalNotification: true });
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expect(await total(caller)).toBe(0);
      expect((await feed('USER_PREFERENCES_CREATED', undefined, caller)).total).toBe(0);
    }
    expect(await total(t.callers.mspAdmin, { 'tenant-acid': t.workspaces.T1 })).toBe(0);
    // B subscribing A's user reaches nobody in A and records nothing anywhere.
    await post(t.callers.adminB, `${V1}/subscribe`, { recipients: { all: [t.callers.adminA.email] }, requestData: { healthNotification: true } });
    expect(await total(t.callers.adminB)).toBe(0);
    expect(await total()).toBe(1);
  });

  it('an MSP user acting in a tenant records the activity in the tenant', async () => {
    const tenant = { 'tenant-acid': t.workspaces.T1 };
    const p = await create(t.callers.mspAdmin, { criticalNotification: true }, V1, tenant);
    const { items } = await feed('USER_PREFERENCES_CREATED', p.id, t.callers.mspAdmin, tenant);
    expect(items[0]!.source).toMatchObject(source(p, 'admin@msp.example'));
    expect((await feed('USER_PREFERENCES_CREATED', p.id, t.callers.tenant1Admin)).total).toBe(1);
    expect(await total(t.callers.mspAdmin)).toBe(0);
    expect(await total()).toBe(0);
  });
});
