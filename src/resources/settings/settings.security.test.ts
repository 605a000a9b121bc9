// settings v1 and v1beta1, access: tokens, roles, workspace isolation (HPE-provided records included) and
// MSP tenancy through Tenant-Acid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { expectSetting, expectSettingCollection, filterUrl, json, LEGACY, mergePatch, SAMPLES, V1, V1BETA1, type Wire } from './settings.fixtures.ts';

let t: TestApp;
let mine: Wire;
beforeAll(async () => {
  t = await openTestApp();
  const res = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { name: 'A only', category: 'BIOS', settings: SAMPLES.BIOS } });
  mine = expectSetting(res, 'v1', 201);
});
afterAll(() => t.close());

const list = async (caller: Caller, headers: Record<string, string> = {}) =>
  expectSettingCollection(await t.call(caller, { method: 'GET', url: V1, headers }), 'v1').items;

describe('settings access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: V1 }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'POST', url: V1BETA1, headers: json, payload: { name: 'x', category: 'OS', settings: SAMPLES.OS } }), 401);
    expectComError(await t.call(null, { method: 'DELETE', url: `${V1}/${mine.id}` }), 401);
  });

  it('lets observers read but not write', async () => {
    const observer = t.callers.observerA;
    expect((await list(observer)).map((i) => i.id)).toContain(mine.id);
    const before = await snapshot(t.store);
    expectComError(await t.call(observer, { method: 'POST', url: V1, headers: json, payload: { name: 'x', category: 'OS', settings: SAMPLES.OS } }), 403, { key: 'FORBIDDEN' });
    expectComError(await t.call(observer, { method: 'PATCH', url: `${V1BETA1}/${mine.id}`, headers: mergePatch, payload: { name: 'x' } }), 403);
    expectComError(await t.call(observer, { method: 'DELETE', url: `${V1}/${mine.id}` }), 403);
    expect(await snapshot(t.store)).toEqual(before);
    // Operators write.
    const patched = await t.call(t.callers.operatorA, { method: 'PATCH', url: `${V1}/${mine.id}`, headers: mergePatch, payload: { description: 'by operator' } });
    mine = expectSetting(patched, 'v1');
  });

  it("never shows or changes another workspace's settings, HPE-provided ones included", async () => {
    const hpeA = (await list(t.callers.adminA)).filter((i) => i.id !== mine.id);
    for (const other of [t.callers.adminB, t.callers.mspAdmin]) {
      const theirs = await list(other);
      expect(theirs.map((i) => i.id)).not.toContain(mine.id);
      // Every workspace has its own copies of the HPE records, with the same names and different ids.
      expect(theirs.map((i) => `${i.category}:${i.name}`).sort()).toEqual(hpeA.map((i) => `${i.category}:${i.name}`).sort());
      expect(theirs.some((i) => hpeA.some((a) => a.id === i.id))).toBe(false);
      const before = await snapshot(t.store);
      for (const target of [mine, hpeA[0]!]) {
        for (const base of [V1, V1BETA1]) {
          expectComError(await t.call(other, { method: 'GET', url: `${base}/${target.id}` }), 404, { key: 'NOT_FOUND' });
          expectComError(await t.call(other, { method: 'PATCH', url: `${base}/${target.id}`, headers: mergePatch, payload: { name: 'stolen' } }), 404);
          expectComError(await t.call(other, { method: 'DELETE', url: `${base}/${target.id}?force=true` }), 404);
        }
        expectComError(await t.call(other, { method: 'GET', url: `${LEGACY}/${target.id}` }), 404);
      }
      const byName = await t.call(other, { method: 'GET', url: filterUrl(V1, "name eq 'A only'") });
      expect(byName.json().count).toBe(0);
      expect(await snapshot(t.store)).toEqual(before);
    }
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${mine.id}` })).json()).toEqual(mine);
  });

  it('lets an MSP act inside its own tenant through Tenant-Acid, and nowhere else', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const res = await t.call(t.callers.mspAdmin, { method: 'POST', url: V1, headers: { ...json, ...inT1 }, payload: { name: 'Tenant OS', category: 'OS', settings: SAMPLES.OS } });
    const created = expectSetting(res, 'v1', 201);
    expect((await list(t.callers.mspAdmin, inT1)).map((i) => i.id)).toContain(created.id);
    // Settings belong to the workspace: the tenant's own users see it, the MSP itself and the other tenant do not.
    expect((await list(t.callers.tenant1Admin)).map((i) => i.id)).toContain(created.id);
    expect((await list(t.callers.mspAdmin)).map((i) => i.id)).not.toContain(created.id);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${created.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1, headers: inT1 }), 403, { key: 'TENANT_FORBIDDEN' });
    for (const ws of [t.workspaces.B, t.workspaces.other, t.workspaces.A]) {
      expectComError(await t.call(t.callers.mspAdmin, { method: 'POST', url: V1, headers: { ...json, 'tenant-acid': ws }, payload: { name: 'x', category: 'OS', settings: SAMPLES.OS } }), 403);
    }
    expect((await list(t.callers.adminA)).map((i) => i.name)).not.toContain('x');
  });
});
