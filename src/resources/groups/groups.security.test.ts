// groups, access: tokens, roles (observers read, never write), workspace isolation of groups, members, settings
// and devices, and MSP tenancy through Tenant-Acid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { addServers, assign, createGroup, createSetting, expectGroups, filterUrl, FIRMWARE, json, members, mergePatch, operationOf, unassign, V1, V1BETA2, V1BETA3, type Wire } from './groups.fixtures.ts';

let t: TestApp;
let group: Wire;
let serversA: Server[];
let serversB: Server[];

beforeAll(async () => {
  t = await openTestApp();
  serversA = await addServers(t, t.workspaces.A, 2, { seed: 21 });
  serversB = await addServers(t, t.workspaces.B, 1, { seed: 22 });
  group = await createGroup(t, t.callers.adminA, { name: 'A only', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Rack: 'A1' } });
  await operationOf(t, t.callers.adminA, await assign(t, t.callers.adminA, group.id, [{ deviceId: serversA[0]!.id }]));
});
afterAll(() => t.close());

/** Every write operation of every version against the group, with a body that would succeed. */
function writes(groupId: string, deviceId: string): Parameters<TestApp['call']>[1][] {
  return [
    { method: 'POST', url: V1, headers: json, payload: { name: 'new', deviceType: 'DIRECT_CONNECT_SERVER' } },
    { method: 'POST', url: V1BETA3, headers: json, payload: { name: 'new', deviceType: 'DIRECT_CONNECT_SERVER' } },
    { method: 'POST', url: V1BETA2, headers: json, payload: { name: 'new' } },
    { method: 'PATCH', url: `${V1}/${groupId}`, headers: mergePatch, payload: { description: 'x' } },
    { method: 'PATCH', url: `${V1BETA2}/${groupId}`, headers: mergePatch, payload: { description: 'x' } },
    { method: 'POST', url: `${V1}/${groupId}/devices`, headers: json, payload: { devices: [{ deviceId }] } },
    { method: 'POST', url: `${V1BETA3}/${groupId}/devices/unassign?force=true` },
    { method: 'POST', url: `${V1BETA2}/${groupId}/devices`, headers: json, payload: { devices: [{ serverId: deviceId }] } },
    { method: 'DELETE', url: `${V1BETA2}/${groupId}/devices?force=true` },
    { method: 'DELETE', url: `${V1BETA2}/${groupId}/devices/${deviceId}` },
    { method: 'DELETE', url: `${V1}/${groupId}?force=true` },
    { method: 'DELETE', url: `${V1BETA3}/${groupId}?force=true` },
  ];
}

function reads(groupId: string): string[] {
  return [V1, V1BETA3, V1BETA2].flatMap((base) => [`${base}/${groupId}`, `${base}/${groupId}/devices`, `${base}/${groupId}/compliance`]).concat(`${V1BETA3}/${groupId}/ilo-settings-compliance`);
}

describe('groups access', () => {
  it('requires a token on every route', async () => {
    for (const r of writes(group.id, serversA[1]!.id)) expectComError(await t.call(null, r), 401, { key: 'UNAUTHORIZED' });
    for (const url of reads(group.id)) expectComError(await t.call(null, { method: 'GET', url }), 401);
  });

  it('lets observers read everything and write nothing (403, store unchanged)', async () => {
    const observer = t.callers.observerA;
    for (const url of [V1, ...reads(group.id)]) expect((await t.call(observer, { method: 'GET', url })).statusCode, url).toBe(200);
    const before = await snapshot(t.store);
    for (const r of writes(group.id, serversA[1]!.id)) expectComError(await t.call(observer, r), 403, { key: 'FORBIDDEN' });
    expect(await snapshot(t.store)).toEqual(before);
    // Operators write.
    const op = await operationOf(t, t.callers.operatorA, await assign(t, t.callers.operatorA, group.id, [{ deviceId: serversA[1]!.id }]));
    expect(op.state).toBe('SUCCEEDED');
  });

  it("never shows, changes or joins another workspace's groups, servers or settings", async () => {
    const b = t.callers.adminB;
    const before = await snapshot(t.store);
    for (const url of reads(group.id)) expectComError(await t.call(b, { method: 'GET', url }), 404, { key: 'NOT_FOUND' });
    for (const r of writes(group.id, serversB[0]!.id).filter((w) => w.url !== V1 && w.url !== V1BETA3 && w.url !== V1BETA2)) expectComError(await t.call(b, r), 404);
    expect(expectGroups(await t.call(b, { method: 'GET', url: filterUrl(V1, "name eq 'A only'") }), 'v1').count).toBe(0);
    expect(await snapshot(t.store)).toEqual(before);

    // B's own group: A's servers and A's settings are unknown there, and A's tag is free in B.
    const setting = await createSetting(t, t.callers.adminA, { name: 'A firmware', ...FIRMWARE });
    const bGroup = await createGroup(t, b, { name: 'A only', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Rack: 'A1' } });
    expectComError(await t.call(b, { method: 'PATCH', url: `${V1}/${bGroup.id}`, headers: mergePatch, payload: { settingsUris: [setting.resourceUri] } }), 400, { subjects: ['settingsUris.0'] });
    const stolen = await operationOf(t, b, await assign(t, b, bGroup.id, [{ deviceId: serversA[0]!.id }]));
    expect(stolen).toMatchObject({ state: 'FAILED', error: { httpStatusCode: 404 } });
    expectComError(await t.call(b, { method: 'POST', url: `${V1BETA2}/${bGroup.id}/devices`, headers: json, payload: { devices: [{ serverId: serversA[0]!.id }] } }), 400);
    expect((await members(t, t.callers.adminA, group.id)).map((d) => d.id)).toContain(serversA[0]!.id);
    // A cannot read B's async operation either.
    const res = await assign(t, b, bGroup.id, [{ deviceId: serversB[0]!.id }]);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: String(res.headers.location) }), 404);
    expect((await members(t, b, bGroup.id)).map((d) => d.id)).toEqual([serversB[0]!.id]);
  });

  it('lets an MSP act inside its own tenant through Tenant-Acid, and nowhere else', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const msp: Caller = t.callers.mspAdmin;
    const [tenantServer] = await addServers(t, t.workspaces.T1, 1, { seed: 23 });
    const created = await createGroup(t, msp, { name: 'Tenant group', deviceType: 'DIRECT_CONNECT_SERVER' }, 'v1beta3', inT1);
    const op = await operationOf(t, msp, await t.call(msp, { method: 'POST', url: `${V1}/${created.id}/devices`, headers: { ...json, ...inT1 }, payload: { devices: [{ deviceId: tenantServer!.id }] } }), inT1);
    expect(op.state).toBe('SUCCEEDED');
    // The group belongs to the tenant: its own users see it, the MSP itself and the other tenant do not.
    expect(expectGroups(await t.call(t.callers.tenant1Admin, { method: 'GET', url: V1BETA2 }), 'v1beta2').items.map((g) => g.id)).toContain(created.id);
    expectComError(await t.call(msp, { method: 'GET', url: `${V1}/${created.id}` }), 404);
    expectComError(await t.call(msp, { method: 'GET', url: `${V1}/${created.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1, headers: inT1 }), 403, { key: 'TENANT_FORBIDDEN' });
    for (const ws of [t.workspaces.B, t.workspaces.other, t.workspaces.A]) {
      expectComError(await t.call(msp, { method: 'POST', url: V1, headers: { ...json, 'tenant-acid': ws }, payload: { name: 'x', deviceType: 'DIRECT_CONNECT_SERVER' } }), 403);
    }
    const removed = await operationOf(t, msp, await t.call(msp, { method: 'POST', url: `${V1}/${created.id}/devices/unassign?force=true`, headers: inT1 }), inT1);
    expect(removed.state).toBe('SUCCEEDED');
    expect((await unassign(t, t.callers.tenant1Admin, created.id, null, 'force=true')).statusCode).toBe(202);
  });
});
