// user-preferences v1 and v1beta1: who may see and change what (tokens, roles, workspaces, MSP tenants).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { V1, V1BETA1, create, json, stored } from './user-preferences.fixtures.ts';


let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM user_preferences');
});

describe('user-preferences access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: V1 }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'POST', url: V1, headers: json, payload: { criticalNotification: true } }), 401);
  });

  it('lets observers read but not write', async () => {
    expect((await t.call(t.callers.observerA, { method: 'GET', url: V1 })).statusCode).toBe(200);
    expectComError(await t.call(t.callers.observerA, { method: 'POST', url: V1, headers: json, payload: { criticalNotification: true } }), 403, { key: 'FORBIDDEN' });
    expect((await t.call(t.callers.observerA, { method: 'GET', url: V1 })).json().count).toBe(0);
  });

  it("never shows or changes another user's or another workspace's object", async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true });
    for (const other of [t.callers.operatorA, t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await t.call(other, { method: 'GET', url: `${V1}/${p.id}` }), 404);
      expectComError(await t.call(other, { method: 'PUT', url: `${V1}/${p.id}`, headers: json, payload: { criticalNotification: false } }), 404);
      expectComError(await t.call(other, { method: 'GET', url: `${V1BETA1}/${p.id}` }), 404);
      expect((await t.call(other, { method: 'GET', url: V1 })).json().count).toBe(0);
    }
    expect(await stored(t, t.callers.adminA, p.id)).toEqual(p);
  });

  it('lets an MSP act inside its own tenant through Tenant-Acid, and nowhere else', async () => {
    const inTenant = { 'tenant-acid': t.workspaces.T1 };
    const p = await create(t, t.callers.mspAdmin, { criticalNotification: true }, V1, inTenant);
    expect((await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: inTenant })).json().items[0].id).toBe(p.id);
    // The MSP's own workspace and the tenant's own users do not see it.
    expect((await t.call(t.callers.mspAdmin, { method: 'GET', url: V1 })).json().count).toBe(0);
    expect((await t.call(t.callers.tenant1Admin, { method: 'GET', url: V1 })).json().count).toBe(0);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${p.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    // Tenant-Acid from a non-MSP, or naming a workspace that is not the MSP's tenant, is refused.
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1, headers: inTenant }), 403, { key: 'TENANT_FORBIDDEN' });
    expectComError(await t.call(t.callers.tenant1Admin, { method: 'GET', url: V1, headers: inTenant }), 403);
    for (const ws of [t.workspaces.B, t.workspaces.other, t.workspaces.M]) {
      expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: { 'tenant-acid': ws } }), 403, { key: 'TENANT_FORBIDDEN' });
    }
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: { 'tenant-acid': 'not-a-uuid' } }), 400, { subjects: ['Tenant-Acid'] });
  });

  it('subscribe inside a tenant reaches only that tenant\'s members', async () => {
    const res = await t.call(t.callers.mspAdmin, {
      method: 'POST',
      url: `${V1}/subscribe`,
      headers: { ...json, 'tenant-acid': t.workspaces.T1 },
      payload: { recipients: { health: [t.callers.tenant1Admin.email, t.callers.adminA.email] }, requestData: { healthNotification: true } },
    });
    expect(res.json()).toMatchObject({ successCount: 1, errorCount: 1 });
    expect((await t.call(t.callers.tenant1Admin, { method: 'GET', url: V1 })).json().items[0]).toMatchObject({ healthNotification: true });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().count).toBe(0);
  });
});
