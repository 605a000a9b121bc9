// approval-policies v1beta2, access: tokens, administrator-only writes, workspace isolation, MSP tenancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { approvable, createPolicy, expectPolicies, expectPolicy, filterUrl, groupRef, groupWithServers, json, mergePatch, POLICIES, type PolicyWire } from './approvals.fixtures.ts';

let t: TestApp;
let mine: PolicyWire;
let group: string;

beforeAll(async () => {
  t = await openTestApp();
  group = (await groupWithServers(t, t.callers.adminA, 'Prod', 0)).id;
  mine = await createPolicy(t, { name: 'A only', policyData: { approvables: [approvable('Reset', [t.callers.adminA.email])], resources: [groupRef(group)] } });
}, 120_000);
afterAll(() => t.close());

describe('approval policies access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: POLICIES }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'POST', url: POLICIES, headers: json, payload: { name: 'x' } }), 401);
    expectComError(await t.call(null, { method: 'DELETE', url: `${POLICIES}/${mine.id}` }), 401);
  });

  it('lets observers and operators read, and only administrators write', async () => {
    for (const reader of [t.callers.observerA, t.callers.operatorA]) {
      expect(expectPolicies(await t.call(reader, { method: 'GET', url: POLICIES })).items.map((p) => p.id)).toEqual([mine.id]);
      expect(expectPolicy(await t.call(reader, { method: 'GET', url: `${POLICIES}/${mine.id}` }))).toEqual(mine);
    }
    const before = await snapshot(t.store);
    for (const writer of [t.callers.observerA, t.callers.operatorA]) {
      expectComError(await t.call(writer, { method: 'POST', url: POLICIES, headers: json, payload: { name: 'mine now' } }), 403, { key: 'FORBIDDEN' });
      expectComError(await t.call(writer, { method: 'PATCH', url: `${POLICIES}/${mine.id}`, headers: mergePatch, payload: { policyData: { approvables: [] } } }), 403);
      expectComError(await t.call(writer, { method: 'DELETE', url: `${POLICIES}/${mine.id}` }), 403);
    }
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("never shows or changes another workspace's policies", async () => {
    for (const other of [t.callers.adminB, t.callers.mspAdmin, t.callers.tenant1Admin]) {
      expect(expectPolicies(await t.call(other, { method: 'GET', url: POLICIES })).count).toBe(0);
      expect(expectPolicies(await t.call(other, { method: 'GET', url: filterUrl(POLICIES, `policyData/resources/id eq '${group}'`) })).count).toBe(0);
      const before = await snapshot(t.store);
      expectComError(await t.call(other, { method: 'GET', url: `${POLICIES}/${mine.id}` }), 404, { key: 'NOT_FOUND' });
      expectComError(await t.call(other, { method: 'PATCH', url: `${POLICIES}/${mine.id}`, headers: mergePatch, payload: { name: 'stolen' } }), 404);
      expectComError(await t.call(other, { method: 'DELETE', url: `${POLICIES}/${mine.id}` }), 404);
      expect(await snapshot(t.store)).toEqual(before);
    }
    // The same name and another workspace's group id mean nothing across workspaces: B's policy is its own.
    const bGroup = (await groupWithServers(t, t.callers.adminB, 'Prod', 0)).id;
    const theirs = await createPolicy(t, { name: 'A only', policyData: { approvables: [approvable('Reset', [t.callers.adminB.email])], resources: [groupRef(bGroup)] } }, t.callers.adminB);
    expect(theirs.id).not.toBe(mine.id);
    expect(expectPolicy(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}/${mine.id}` }))).toEqual(mine);
  });

  it('lets an MSP administer a tenant’s policies through Tenant-Acid, and no other workspace’s', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    // MSP users are not members of the tenant, so a tenant policy names the tenant's own users.
    const tenantGroup = (await groupWithServers(t, t.callers.tenant1Admin, 'Tenant group', 0)).id;
    const res = await t.call(t.callers.mspAdmin, {
      method: 'POST',
      url: POLICIES,
      headers: { ...json, ...inT1 },
      payload: { name: 'tenant', policyData: { approvables: [approvable('Reset', [t.callers.tenant1Admin.email])], resources: [groupRef(tenantGroup)] } },
    });
    const created = expectPolicy(res, 201);
    expect(expectPolicies(await t.call(t.callers.tenant1Admin, { method: 'GET', url: POLICIES })).items.map((p) => p.id)).toEqual([created.id]);
    expect(expectPolicies(await t.call(t.callers.mspAdmin, { method: 'GET', url: POLICIES })).count).toBe(0);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${POLICIES}/${created.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: POLICIES, headers: inT1 }), 403, { key: 'TENANT_FORBIDDEN' });
  });
});
