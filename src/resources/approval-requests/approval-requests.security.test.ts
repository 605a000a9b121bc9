// approval-requests v1beta2, access: tokens, roles, workspace isolation of requests and of the gate itself,
// and MSP tenancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { findJob } from '../../job-engine/repository.ts';
import { submitJob } from '../../job-engine/submit.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import {
  approvable,
  createPolicy,
  decide,
  expectRequest,
  expectRequests,
  filterUrl,
  groupRef,
  groupWithServers,
  mergePatch,
  REQUESTS,
  requestOfJob,
  submit,
  type RequestWire,
} from '../approval-policies/approvals.fixtures.ts';

let t: TestApp;
let mine: RequestWire;
let bServer: string;

beforeAll(async () => {
  t = await openTestApp();
  const prod = await groupWithServers(t, t.callers.adminA, 'Prod', 1);
  await createPolicy(t, { name: 'prod', policyData: { approvables: [approvable('Power on', [t.callers.adminA.email])], resources: [groupRef(prod.id)] } });
  const held = await submit(t, t.callers.operatorA, TEMPLATE_IDS.powerOn, { type: 'server', id: prod.serverIds[0]! });
  mine = await requestOfJob(t, t.callers.adminA, held.id);
  bServer = (await groupWithServers(t, t.callers.adminB, 'Prod', 1)).serverIds[0]!;
}, 120_000);
afterAll(() => t.close());

describe('approval requests access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: REQUESTS }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'GET', url: `${REQUESTS}/${mine.id}` }), 401);
    expectComError(await t.call(null, { method: 'POST', url: `${REQUESTS}/${mine.id}/approve`, headers: { 'content-type': 'application/json' }, payload: { approvalState: 'APPROVED' } }), 401);
  });

  it('lets observers read but neither decide nor cancel', async () => {
    expect(expectRequests(await t.call(t.callers.observerA, { method: 'GET', url: REQUESTS })).items.map((r) => r.id)).toEqual([mine.id]);
    expect(expectRequest(await t.call(t.callers.observerA, { method: 'GET', url: `${REQUESTS}/${mine.id}` }))).toEqual(mine);
    const before = await snapshot(t.store);
    expectComError(await decide(t, t.callers.observerA, mine.id, 'APPROVED'), 403, { key: 'FORBIDDEN' });
    expectComError(await t.call(t.callers.observerA, { method: 'PATCH', url: `${REQUESTS}/${mine.id}`, headers: mergePatch, payload: { approvalState: 'CANCELLED' } }), 403);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("never shows, decides or cancels another workspace's requests", async () => {
    for (const other of [t.callers.adminB, t.callers.mspAdmin, t.callers.tenant1Admin]) {
      expect(expectRequests(await t.call(other, { method: 'GET', url: REQUESTS })).count).toBe(0);
      expect(expectRequests(await t.call(other, { method: 'GET', url: filterUrl(REQUESTS, `operation/id eq '${mine.operation.id}'`) })).count).toBe(0);
      const before = await snapshot(t.store);
      expectComError(await t.call(other, { method: 'GET', url: `${REQUESTS}/${mine.id}` }), 404, { key: 'NOT_FOUND' });
      expectComError(await decide(t, other, mine.id, 'APPROVED'), 404);
      expectComError(await t.call(other, { method: 'PATCH', url: `${REQUESTS}/${mine.id}`, headers: mergePatch, payload: { approvalState: 'CANCELLED' } }), 404);
      expect(await snapshot(t.store)).toEqual(before);
    }
    expect((await findJob(t.store, t.workspaces.A, mine.operation.id))!.state).toBe('APPROVAL_PENDING');
  });

  it("holds no job of a workspace because of another workspace's policy", async () => {
    const free = await submit(t, t.callers.adminB, TEMPLATE_IDS.powerOn, { type: 'server', id: bServer });
    expect(free.state).toBe('PENDING');
    expect(expectRequests(await t.call(t.callers.adminB, { method: 'GET', url: REQUESTS })).count).toBe(0);
  });

  it('holds tenant jobs by the tenant’s policy, decided by the tenant’s approver; the MSP reads through Tenant-Acid', async () => {
    const tenant = t.callers.tenant1Admin;
    const tg = await groupWithServers(t, tenant, 'Tenant', 1);
    await createPolicy(t, { name: 'tenant', policyData: { approvables: [approvable('Power on', [tenant.email])], resources: [groupRef(tg.id)] } }, tenant);
    // An MSP user's job inside the tenant (what a Tenant-Acid POST /jobs submits) falls under the tenant's policy.
    const tenantHeld = await t.store.transaction((tx) =>
      submitJob(tx, { workspaceId: t.workspaces.T1, templateId: TEMPLATE_IDS.powerOn, resource: { type: 'server', id: tg.serverIds[0]! }, params: {}, createdBy: t.callers.mspAdmin.userId }),
    );
    expect(tenantHeld.state).toBe('APPROVAL_PENDING');
    const request = expectRequests(await t.call(t.callers.mspAdmin, { method: 'GET', url: REQUESTS, headers: { 'tenant-acid': t.workspaces.T1 } })).items[0]!;
    expect(request.requester?.email).toBe(t.callers.mspAdmin.email);
    expect(expectRequests(await t.call(t.callers.mspAdmin, { method: 'GET', url: REQUESTS })).count).toBe(0);
    expect((await decide(t, tenant, request.id, 'APPROVED')).statusCode).toBe(200);
    expect((await findJob(t.store, t.workspaces.T1, tenantHeld.id))!.state).toBe('PENDING');
  });
});
