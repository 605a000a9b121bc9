// approval-policies v1beta2, the happy paths: create, read, list with the documented filters, merge patch,
// delete, the both-spellings resources clients rely on, and an activity per write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { forgetGroup } from './service.ts';
import { approvable, createPolicy, expectPolicies, expectPolicy, filterUrl, groupRef, groupWithServers, json, mergePatch, POLICIES, type PolicyWire } from './approvals.fixtures.ts';

let t: TestApp;
let prod: string;
let lab: string;
let edge: string;
const admin = () => t.callers.adminA.email;
const operator = () => t.callers.operatorA.email;

beforeAll(async () => {
  t = await openTestApp();
  prod = (await groupWithServers(t, t.callers.adminA, 'Prod', 0)).id;
  lab = (await groupWithServers(t, t.callers.adminA, 'Lab', 0)).id;
  edge = (await groupWithServers(t, t.callers.adminA, 'Edge', 0)).id;
}, 120_000);
afterAll(() => t.close());

const get = async (id: string) => expectPolicy(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}/${id}` }));
const list = async (url: string) => expectPolicies(await t.call(t.callers.adminA, { method: 'GET', url }));

describe('approval policies: create and read', () => {
  let policy: PolicyWire;

  it('creates with 201, Location, generation 1, state ACTIVE and minApprovers defaulting to 1', async () => {
    policy = await createPolicy(t, {
      name: 'prod-change-control',
      description: 'Two-person rule for production',
      policyData: {
        approvables: [approvable('Update firmware', [admin(), operator()], 2), approvable('Power off', [admin()])],
        resources: [groupRef(prod)],
      },
    });
    expect(policy).toMatchObject({
      type: 'compute-ops-mgmt/approval-policy',
      resourceUri: `${POLICIES}/${policy.id}`,
      generation: 1,
      name: 'prod-change-control',
      description: 'Two-person rule for production',
      state: 'ACTIVE',
      remarks: '',
      policyData: {
        approvables: [
          { approvableName: 'Update firmware', approvers: [{ email: admin() }, { email: operator() }], minApprovers: 2 },
          { approvableName: 'Power off', approvers: [{ email: admin() }], minApprovers: 1 },
        ],
        // Both spellings: the reference's resourceId/resourceType and the id/type clients read.
        resources: [{ resourceId: prod, resourceType: 'compute-ops-mgmt/group', id: prod, type: 'compute-ops-mgmt/group' }],
      },
    });
    expect(policy.createdAt).toBe(policy.updatedAt);
    expect(await get(policy.id)).toEqual(policy);
  });

  it('accepts what the PowerShell module sends: a null description, Download firmware, upper-case e-mails', async () => {
    const p = await createPolicy(t, {
      name: 'downloads',
      description: null,
      policyData: { approvables: [approvable('Download firmware', [admin().toUpperCase()], 1)], resources: [groupRef(lab)] },
    });
    expect(p).toMatchObject({ description: '', policyData: { approvables: [{ approvableName: 'Download firmware', approvers: [{ email: admin() }] }] } });
  });

  it('is INACTIVE while it covers no group or no action', async () => {
    const p = await createPolicy(t, { name: 'empty' });
    expect(p).toMatchObject({ state: 'INACTIVE', description: '', policyData: { approvables: [], resources: [] } });
  });

  it('answers under the legacy prefix with its own types and links', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta2/approval-policies/${policy.id}` });
    // HPE's schema pins the current prefix in `type`, so the legacy answer is checked member by member.
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      type: 'compute-ops/approval-policy',
      resourceUri: `/compute-ops/v1beta2/approval-policies/${policy.id}`,
      policyData: { resources: [{ type: 'compute-ops/group', resourceType: 'compute-ops/group' }] },
    });
  });
});

describe('approval policies: lists', () => {
  it('lists every policy, oldest first, with paging', async () => {
    const all = await list(POLICIES);
    expect(all.items.map((p) => p.name)).toEqual(['prod-change-control', 'downloads', 'empty']);
    expect(all).toMatchObject({ offset: 0, count: 3, total: 3 });
    const page = await list(`${POLICIES}?offset=1&limit=1`);
    expect(page).toMatchObject({ offset: 1, count: 1, total: 3 });
    expect(page.items[0]!.name).toBe('downloads');
  });

  it('filters on the covered groups by id and type (the reference examples), once per policy', async () => {
    const byGroup = await list(filterUrl(POLICIES, `policyData/resources/id eq '${prod}'`));
    expect(byGroup.items.map((p) => p.name)).toEqual(['prod-change-control']);
    const both = await list(filterUrl(POLICIES, `policyData/resources/type eq 'compute-ops-mgmt/group' and policyData/resources/id eq '${lab}'`));
    expect(both.items.map((p) => p.name)).toEqual(['downloads']);
    const anyGroup = await list(filterUrl(POLICIES, `policyData/resources/type eq 'compute-ops-mgmt/group'`));
    expect(anyGroup.items.map((p) => p.name)).toEqual(['prod-change-control', 'downloads']);
    const none = await list(filterUrl(POLICIES, 'policyData/resources/id eq null'));
    expect(none.items.map((p) => p.name)).toEqual(['empty']);
  });

  it('filters on name, description and dates with the OData grammar', async () => {
    expect((await list(filterUrl(POLICIES, "contains(description,'Two-person')"))).items.map((p) => p.name)).toEqual(['prod-change-control']);
    expect((await list(filterUrl(POLICIES, "not contains(name, 'prod')"))).total).toBe(2);
    expect((await list(filterUrl(POLICIES, "name eq 'downloads' or name eq 'empty'"))).total).toBe(2);
    expect((await list(filterUrl(POLICIES, 'createdAt le 2000-01-01T00:00:00Z'))).total).toBe(0);
    expect((await list(`${POLICIES}?sort=name desc`)).items.map((p) => p.name)).toEqual(['prod-change-control', 'empty', 'downloads']);
  });
});

describe('approval policies: change and delete', () => {
  it('merge-patches name and description, keeps what was not sent, bumps generation', async () => {
    const before = (await list(filterUrl(POLICIES, "name eq 'downloads'"))).items[0]!;
    const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${before.id}`, headers: mergePatch, payload: { name: 'firmware-downloads', description: 'Lab downloads' } });
    const after = expectPolicy(res);
    expect(after).toMatchObject({ name: 'firmware-downloads', description: 'Lab downloads', generation: before.generation + 1, policyData: before.policyData });
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it('replaces approvables and resources as a whole, and takes a GET body echoed back (id/type resources)', async () => {
    const before = (await list(filterUrl(POLICIES, "name eq 'prod-change-control'"))).items[0]!;
    const echoed = { ...before, policyData: { ...before.policyData, resources: [...before.policyData.resources.map((r) => ({ id: r.id, type: r.type })), { id: edge, type: 'compute-ops-mgmt/group' }] } };
    const grown = expectPolicy(await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${before.id}`, headers: mergePatch, payload: echoed }));
    expect(grown.policyData.resources.map((r) => r.id)).toEqual([prod, edge]);
    expect(grown.policyData.approvables).toEqual(before.policyData.approvables);
    const replaced = expectPolicy(
      await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${before.id}`, headers: mergePatch, payload: { policyData: { approvables: [approvable('Reset', [operator()])] } } }),
    );
    expect(replaced.policyData.approvables).toEqual([{ approvableName: 'Reset', approvers: [{ email: operator() }], minApprovers: 1 }]);
    expect(replaced.policyData.resources.map((r) => r.id)).toEqual([prod, edge]);
    expect(replaced.generation).toBe(before.generation + 2);
  });

  it('honours If-Match on PATCH and DELETE', async () => {
    const p = (await list(filterUrl(POLICIES, "name eq 'empty'"))).items[0]!;
    const patched = expectPolicy(await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${p.id}`, headers: { ...mergePatch, 'if-match': `"${p.generation}"` }, payload: { description: 'x' } }));
    expect(patched.generation).toBe(p.generation + 1);
    const del = await t.call(t.callers.adminA, { method: 'DELETE', url: `${POLICIES}/${p.id}`, headers: { 'if-match': String(patched.generation) } });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}/${p.id}` }), 404, { key: 'NOT_FOUND' });
  });

  it('frees the groups of a deleted policy for another one', async () => {
    const p = (await list(filterUrl(POLICIES, "name eq 'firmware-downloads'"))).items[0]!;
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${POLICIES}/${p.id}` })).statusCode).toBe(204);
    const again = await createPolicy(t, { name: 'lab again', policyData: { approvables: [approvable('Cold boot', [admin()])], resources: [groupRef(lab)] } });
    expect(again.policyData.resources.map((r) => r.id)).toEqual([lab]);
  });

  it('lets a deleted group leave the policy that covered it (the hook the groups group calls)', async () => {
    const temp = (await groupWithServers(t, t.callers.adminA, 'Temp', 0)).id;
    const kept = (await groupWithServers(t, t.callers.adminA, 'Kept', 0)).id;
    const p = await createPolicy(t, { name: 'temp', policyData: { approvables: [approvable('Reset', [admin()])], resources: [groupRef(temp), groupRef(kept)] } });
    await t.store.transaction((tx) => forgetGroup(tx, t.workspaces.A, temp));
    const after = await get(p.id);
    expect(after.policyData.resources.map((r) => r.id)).toEqual([kept]);
    expect(after.generation).toBe(p.generation + 1);
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${POLICIES}/${p.id}` })).statusCode).toBe(204);
  });

  it('records one activity per write, sourced at the policy', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent("contains(key,'APPROVAL_POLICY_')")}&limit=100` });
    const items = (res.json() as { items: { key: string; source: { type: string; name: string } }[] }).items;
    const keys = items.map((i) => i.key);
    expect(keys.filter((k) => k === 'APPROVAL_POLICY_CREATED')).toHaveLength(5);
    expect(keys.filter((k) => k === 'APPROVAL_POLICY_UPDATED')).toHaveLength(4);
    expect(keys.filter((k) => k === 'APPROVAL_POLICY_DELETED')).toHaveLength(3);
    expect(items.every((i) => i.source.type === 'Approval policy')).toBe(true);
  });

  it('drops read-only and unknown members a client sends', async () => {
    const p = await createPolicy(t, { name: 'extras', id: 'ignored', state: 'INACTIVE', whatever: 1, policyData: { approvables: [], resources: [], more: true } } as Record<string, unknown>);
    expect(p.id).not.toBe('ignored');
    expect(p).not.toHaveProperty('whatever');
    expect(json['content-type']).toBe('application/json');
  });
});
