// jobs v1, v1beta3 and v1beta2, access: tokens, roles (observers read, never create or change jobs),
// workspace isolation (another workspace's job is 404, its servers are no targets) and MSP tenancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { expectJob, expectJobs, json, mergePatch, SERVER, T, V1, V1BETA2, V1BETA3, type JobWire } from './jobs.fixtures.ts';

let t: TestApp;
let serversA: Server[];
let serversT1: Server[];
let jobA: JobWire;
beforeAll(async () => {
  t = await openTestApp();
  serversA = await seedServers(t.store, t.workspaces.A, 1, { seed: 3 });
  serversT1 = await seedServers(t.store, t.workspaces.T1, 1, { seed: 4 });
  const res = await t.call(t.callers.operatorA, { method: 'POST', url: V1, headers: json, payload: { jobTemplate: T.powerOn, resourceType: SERVER, resourceId: serversA[0]!.id } });
  jobA = expectJob(res, 'v1', 201);
});
afterAll(() => t.close());

describe('jobs access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: V1 }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'GET', url: `${V1BETA3}/${jobA.id}` }), 401);
    expectComError(await t.call(null, { method: 'POST', url: '/api/compute/v1/jobs', headers: json, payload: { jobTemplateUri: T.powerOn, resourceUri: 'x' } }), 401);
    expectComError(await t.call(null, { method: 'PATCH', url: `${V1}/${jobA.id}`, headers: mergePatch, payload: { state: 'ERROR' } }), 401);
  });

  it('lets observers read but not create or change jobs', async () => {
    const observer = t.callers.observerA;
    expect(expectJob(await t.call(observer, { method: 'GET', url: `${V1BETA2}/${jobA.id}` }), 'v1beta2').id).toBe(jobA.id);
    const before = await snapshot(t.store);
    expectComError(await t.call(observer, { method: 'POST', url: V1, headers: json, payload: { jobTemplate: T.powerOn, resourceType: SERVER, resourceId: serversA[0]!.id } }), 403, { key: 'FORBIDDEN' });
    expectComError(await t.call(observer, { method: 'POST', url: V1BETA3, headers: json, payload: { jobTemplateUri: T.powerOn, resourceUri: `/compute-ops-mgmt/v1beta2/servers/${serversA[0]!.id}` } }), 403);
    expectComError(await t.call(observer, { method: 'POST', url: '/api/compute/v1/jobs', headers: json, payload: { jobTemplateUri: T.powerOn, resourceUri: `/api/compute/v1/servers/${serversA[0]!.id}` } }), 403);
    for (const base of [V1, V1BETA3, V1BETA2]) {
      expectComError(await t.call(observer, { method: 'PATCH', url: `${base}/${jobA.id}`, headers: mergePatch, payload: { state: 'ERROR' } }), 403, { key: 'FORBIDDEN' });
    }
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("never shows, changes or targets another workspace's jobs and servers", async () => {
    const before = await snapshot(t.store);
    for (const other of [t.callers.adminB, t.callers.mspAdmin]) {
      for (const base of [V1, V1BETA3, V1BETA2]) {
        expectComError(await t.call(other, { method: 'GET', url: `${base}/${jobA.id}` }), 404, { key: 'NOT_FOUND' });
        expectComError(await t.call(other, { method: 'PATCH', url: `${base}/${jobA.id}`, headers: mergePatch, payload: { state: 'ERROR' } }), 404);
      }
      expect(expectJobs(await t.call(other, { method: 'GET', url: V1 }), 'v1').total).toBe(0);
      expect(expectJobs(await t.call(other, { method: 'GET', url: `${V1}?filter=${encodeURIComponent(`id eq '${jobA.id}'`)}` }), 'v1').items).toEqual([]);
    }
    // A server of workspace A is no target for workspace B.
    const res = await t.call(t.callers.adminB, { method: 'POST', url: V1, headers: json, payload: { jobTemplate: T.powerOn, resourceType: SERVER, resourceId: serversA[0]!.id } });
    expectComError(res, 400, { subjects: ['resourceId'] });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('lets an MSP create and read jobs inside its tenant through Tenant-Acid, and nowhere else', async () => {
    const inTenant = { 'tenant-acid': t.workspaces.T1 };
    const res = await t.call(t.callers.mspAdmin, { method: 'POST', url: V1, headers: { ...json, ...inTenant }, payload: { jobTemplate: T.powerOn, resourceType: SERVER, resourceId: serversT1[0]!.id } });
    const job = expectJob(res, 'v1', 201);
    expect(expectJob(await t.call(t.callers.tenant1Admin, { method: 'GET', url: `${V1}/${job.id}` }), 'v1').id).toBe(job.id);
    expect(expectJob(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${job.id}`, headers: inTenant }), 'v1').id).toBe(job.id);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${job.id}` }), 404);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${job.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: `${V1}/${job.id}`, headers: inTenant }), 403, { key: 'TENANT_FORBIDDEN' });
    const ended = await t.call(t.callers.mspAdmin, { method: 'PATCH', url: `${V1}/${job.id}`, headers: { ...mergePatch, ...inTenant }, payload: { state: 'ERROR' } });
    expect(expectJob(ended, 'v1').state).toBe('ERROR');
  });
});
