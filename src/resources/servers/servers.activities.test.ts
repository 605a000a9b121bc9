// Activities recorded by server writes: PATCH (single and multi-server) → SERVER_UPDATED, DELETE →
// SERVER_REMOVED, notifications PUT/POST → SERVER_NOTIFICATIONS_UPDATED (happy); refused writes record
// nothing (error); other workspaces never see them, tenants see their own (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from './model.ts';
import { enc, JSON_BODY, KNOWN, makeCredentialServer, MERGE_PATCH, seedFleets, V1, V1BETA2 } from './servers.fixtures.ts';

const ACTIVITIES = '/compute-ops-mgmt/v1beta2/activities';
const GATEWAY = '47f4ca46-462d-47fc-9458-a2d97db49a0c';

type Activity = Record<string, unknown> & { key: string; title: string; message: string; source: Record<string, unknown>; associatedServerId: string | null };
type Feed = { total: number; items: Activity[] };

let t: TestApp;
let fleets: Record<'A' | 'B' | 'T1', Server[]>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  fleets = await seedFleets(t);
  await t.store.run('DELETE FROM server_notifications');
  await t.store.run('DELETE FROM activities');
});

/** The caller's feed narrowed to `key` (and a source id when given), validated against HPE's schema. */
async function feed(key: string, sourceId?: string, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Feed> {
  const filter = `key eq '${key}'${sourceId ? ` and source/id eq '${sourceId}'` : ''}`;
  const res = await t.call(caller, { method: 'GET', url: `${ACTIVITIES}?filter=${encodeURIComponent(filter)}`, headers });
  return expectHpeSchema<Feed>(res, 'activityCollection-v1beta2');
}

async function total(caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<number> {
  return expectHpeSchema<Feed>(await t.call(caller, { method: 'GET', url: ACTIVITIES, headers }), 'activityCollection-v1beta2').total;
}

const patch = (url: string, payload: unknown, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}) =>
  t.call(caller, { method: 'PATCH', url, headers: { ...MERGE_PATCH, ...headers }, payload: JSON.stringify(payload) });
const notifications = (id: string, base = V1) => `${base}/${enc(id)}/notifications`;

function serverSource(server: { id: string; name: string }, path = '') {
  return { type: 'Server', id: server.id, name: server.name, resourceUri: `/compute-ops-mgmt/v1/servers/${server.id}${path}` };
}

describe('server activities: happy paths', () => {
  it('a single PATCH records one SERVER_UPDATED naming the patched members, in both versions', async () => {
    const server = fleets.A[0]!;
    expectHpeSchema(await patch(`${V1}/${enc(server.id)}`, { autoIloFwUpdate: false }), 'server-v1');
    const [item, ...rest] = (await feed('SERVER_UPDATED', server.id)).items;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ key: 'SERVER_UPDATED', title: 'Server updated', recommendedAction: null, associatedServerId: server.id, serverSettingsId: null });
    expect(item!.source).toMatchObject(serverSource(server));
    expect(item!.message).toBe(`Server ${server.name} was updated\n\nChanged: autoIloFwUpdate`);
    expectHpeSchema(await patch(`${V1BETA2}/${enc(server.id)}`, {}), 'server-v1beta2');
    expect((await feed('SERVER_UPDATED', server.id)).total).toBe(2);
    expect(await total()).toBe(2);
  });

  it('names credential members but never their values, and speaks Japanese on request', async () => {
    const id = fleets.A[5]!.id;
    await makeCredentialServer(t, id);
    const res = await patch(`${V1}/${enc(id)}`, { hardware: { bmc: { userDefined: { password: 'n3w-s3cret' } } }, appliance: { applianceId: GATEWAY } });
    expectHpeSchema(res, 'server-v1');
    const { items } = await feed('SERVER_UPDATED', id);
    expect(items).toHaveLength(1);
    expect(items[0]!.message).toContain('appliance.applianceId, hardware.bmc.userDefined');
    expect(JSON.stringify(items)).not.toContain('n3w-s3cret');
    const ja = await feed('SERVER_UPDATED', id, t.callers.adminA, { 'accept-language': 'ja' });
    expect(ja.items[0]!.title).toBe('サーバーが更新されました');
  });

  it('a multi-server PATCH records one SERVER_UPDATED per server, duplicates once', async () => {
    const [a, b] = [KNOWN.on.id, KNOWN.off.id];
    const res = await patch(`${V1}?id=${enc(a)}&id=${enc(b)}&id=${enc(a)}`, { autoIloFwUpdate: true });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = await feed('SERVER_UPDATED');
    expect(items.map((i) => i.associatedServerId).sort()).toEqual([a, b].sort());
    expect(items.map((i) => i.source.id).sort()).toEqual([a, b].sort());
    expect((await feed('SERVER_UPDATED', a)).total).toBe(1);
  });

  it('DELETE records SERVER_REMOVED, which outlives the server', async () => {
    const server = await makeCredentialServer(t, fleets.A[5]!.id, GATEWAY);
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc(server.id)}` })).statusCode).toBe(204);
    const { items } = await feed('SERVER_REMOVED', server.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'Server removed from Compute Ops Management', associatedServerId: server.id, source: serverSource(server) });
    expect(items[0]!.message).toBe(`Server ${server.name} was removed from Compute Ops Management\n\nConnection type: GATEWAY`);
  });

  it('notifications PUT (v1, v1beta2) records SERVER_NOTIFICATIONS_UPDATED with a User Preferences source', async () => {
    const server = fleets.A[0]!;
    const put = (base: string) => t.call(t.callers.operatorA, { method: 'PUT', url: notifications(server.id, base), headers: JSON_BODY, payload: { criticalNotification: true } });
    expectHpeSchema(await put(V1), 'notificationsResponse-v1');
    const { items } = await feed('SERVER_NOTIFICATIONS_UPDATED', server.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ associatedServerId: server.id, source: { ...serverSource(server, '/notifications'), type: 'User Preferences' } });
    expect(items[0]!.message).toMatch(/^Notification preferences of operator@a\.example for server .+ were updated\n\nNotifications: Critical: on, /);
    expectHpeSchema(await put(V1BETA2), 'notificationsResponse-v1beta2');
    expect((await feed('SERVER_NOTIFICATIONS_UPDATED', server.id)).total).toBe(2);
  });

  it('notifications POST on behalf records one activity per recipient', async () => {
    const server = fleets.A[1]!;
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: notifications(server.id),
      headers: JSON_BODY,
      payload: { data: { criticalNotification: true, disconnectNotification: 2 }, recipients: ['operator@a.example', 'Observer@A.example', 'operator@a.example'] },
    });
    expectHpeSchema(res, 'notificationsResponse-v1');
    const { items } = await feed('SERVER_NOTIFICATIONS_UPDATED', server.id);
    expect(items.map((i) => i.message.split('\n')[0]).sort()).toEqual([
      `Notification preferences of observer@a.example for server ${server.name} were updated`,
      `Notification preferences of operator@a.example for server ${server.name} were updated`,
    ]);
    expect(items[0]!.message).toContain('Disconnect: after 2 hours');
  });
});

describe('server activities: refused writes record nothing', () => {
  it('refused single and multi-server PATCHes', async () => {
    const on = enc(KNOWN.on.id);
    expectComError(await patch(`${V1}/${on}`, { foo: 1 }), 400, { subjects: ['foo'] });
    expectComError(await patch(`${V1}/${enc(KNOWN.expired.id)}`, { autoIloFwUpdate: true }), 400, { subjects: ['autoIloFwUpdate'] });
    expectComError(await patch(`${V1}/${on}`, { autoIloFwUpdate: true }, t.callers.adminA, { 'if-match': '"1"' }), 412);
    expectComError(await patch(`${V1}/${enc('P00000-B21+NOSUCH')}`, { autoIloFwUpdate: true }), 404, { key: 'NOT_FOUND' });
    expectComError(await patch(`${V1}?id=${on}&id=${enc('P00000-B21+NOSUCH')}`, { autoIloFwUpdate: true }), 404, { key: 'NOT_FOUND' });
    // All or nothing: the first server would accept the patch, the second refuses it.
    expectComError(await patch(`${V1BETA2}?id=${on}&id=${enc(KNOWN.expired.id)}`, { autoIloFwUpdate: true }), 400, { subjects: ['autoIloFwUpdate'] });
    expectComError(await patch(`${V1}?id=${on}`, { autoIloFwUpdate: true }, t.callers.adminA, { 'if-match': '"1"' }), 412);
    expect(await total()).toBe(0);
  });

  it('refused DELETEs', async () => {
    const id = fleets.A[5]!.id;
    await makeCredentialServer(t, id);
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc(KNOWN.on.id)}` }), 400, { subjects: ['connectionType'] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc(id)}`, headers: { 'if-match': '"1"' } }), 412);
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc('P00000-B21+NOSUCH')}` }), 404);
    expect(await total()).toBe(0);
  });

  it('refused notification writes', async () => {
    const url = notifications(KNOWN.on.id);
    const post = (payload: Record<string, unknown>) => t.call(t.callers.adminA, { method: 'POST', url, headers: JSON_BODY, payload });
    expectComError(await t.call(t.callers.adminA, { method: 'PUT', url, headers: JSON_BODY, payload: { criticalNotification: true, warningNotification: true } }), 400, {
      subjects: ['warningNotification'],
    });
    expectComError(await t.call(t.callers.adminA, { method: 'PUT', url: notifications('P00000-B21+NOSUCH'), headers: JSON_BODY, payload: { criticalNotification: true } }), 404);
    expectComError(await post({ data: { criticalNotification: true }, recipients: ['operator@a.example', 'nobody@a.example'] }), 400, { subjects: ['recipients'] });
    expectComError(await post({ data: { criticalNotification: false, warningNotification: true }, recipients: ['operator@a.example'] }), 400, {
      subjects: ['data.warningNotification'],
    });
    expect(await total()).toBe(0);
  });
});

describe('server activities: security', () => {
  it("other workspaces never see A's activities, and cannot record any in A", async () => {
    await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: false });
    await t.call(t.callers.adminA, { method: 'PUT', url: notifications(KNOWN.on.id), headers: JSON_BODY, payload: { criticalNotification: true } });
    expect(await total()).toBe(2);
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expect(await total(caller)).toBe(0);
      expect((await feed('SERVER_UPDATED', KNOWN.on.id, caller)).total).toBe(0);
      expectComError(await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: true }, caller), 404);
    }
    expect(await total(t.callers.mspAdmin, { 'tenant-acid': t.workspaces.T1 })).toBe(0);
    expectComError(await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: true }, t.callers.observerA), 403);
    expect(await total()).toBe(2);
  });

  it('an MSP patching inside a tenant records the activity in the tenant only', async () => {
    const target = fleets.T1[0]!;
    const tenant = { 'tenant-acid': t.workspaces.T1 };
    expectHpeSchema(await patch(`${V1}/${enc(target.id)}`, { autoIloFwUpdate: !target.autoIloFwUpdate }, t.callers.mspAdmin, tenant), 'server-v1');
    expect((await feed('SERVER_UPDATED', target.id, t.callers.mspAdmin, tenant)).total).toBe(1);
    expect((await feed('SERVER_UPDATED', target.id, t.callers.tenant1Admin)).total).toBe(1);
    expect(await total(t.callers.mspAdmin)).toBe(0);
    expect(await total()).toBe(0);
  });
});
