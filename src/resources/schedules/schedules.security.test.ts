// schedules v1beta2, access: tokens, roles, workspace isolation (schedules, history, the jobs they target and
// create, Idempotency-Keys) and MSP tenancy through Tenant-Acid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { fireDueSchedules } from './runner.ts';
import { createSchedule, expectSchedule, expectScheduleCollection, filterUrl, json, mergePatch, oneServer, scheduleBody, V1BETA2, type Wire } from './schedules.fixtures.ts';

let t: TestApp;
let serverA: string;
let serverB: string;
let mine: Wire;
beforeAll(async () => {
  t = await openTestApp();
  serverA = await oneServer(t, t.workspaces.A, 7);
  serverB = await oneServer(t, t.workspaces.B, 8);
  mine = await createSchedule(t, scheduleBody(serverA, { name: 'A only' }));
});
afterAll(() => t.close());

const list = async (caller: Caller, headers: Record<string, string> = {}) => expectScheduleCollection(await t.call(caller, { method: 'GET', url: V1BETA2, headers })).items;

describe('schedules access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: V1BETA2 }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'POST', url: V1BETA2, headers: json, payload: scheduleBody(serverA) }), 401);
    expectComError(await t.call(null, { method: 'GET', url: `${V1BETA2}/${mine.id}/history` }), 401);
    expectComError(await t.call(null, { method: 'DELETE', url: `${V1BETA2}/${mine.id}` }), 401);
  });

  it('lets observers read but not write; operators write', async () => {
    const observer = t.callers.observerA;
    expect((await list(observer)).map((i) => i.id)).toContain(mine.id);
    expect((await t.call(observer, { method: 'GET', url: `${V1BETA2}/${mine.id}/history` })).statusCode).toBe(200);
    const before = await snapshot(t.store);
    expectComError(await t.call(observer, { method: 'POST', url: V1BETA2, headers: json, payload: scheduleBody(serverA) }), 403, { key: 'FORBIDDEN' });
    expectComError(await t.call(observer, { method: 'PATCH', url: `${V1BETA2}/${mine.id}`, headers: mergePatch, payload: { name: 'x' } }), 403);
    expectComError(await t.call(observer, { method: 'DELETE', url: `${V1BETA2}/${mine.id}` }), 403);
    expect(await snapshot(t.store)).toEqual(before);
    const byOperator = await createSchedule(t, scheduleBody(serverA, { name: 'by operator' }), t.callers.operatorA);
    expect((await t.call(t.callers.operatorA, { method: 'DELETE', url: `${V1BETA2}/${byOperator.id}` })).statusCode).toBe(204);
  });

  it("never shows, changes or runs another workspace's schedules", async () => {
    const other = t.callers.adminB;
    expect((await list(other)).map((i) => i.id)).not.toContain(mine.id);
    expect(expectScheduleCollection(await t.call(other, { method: 'GET', url: filterUrl(V1BETA2, "name eq 'A only'") })).total).toBe(0);
    const before = await snapshot(t.store);
    expectComError(await t.call(other, { method: 'GET', url: `${V1BETA2}/${mine.id}` }), 404, { key: 'NOT_FOUND' });
    expectComError(await t.call(other, { method: 'GET', url: `${V1BETA2}/${mine.id}/history` }), 404);
    expectComError(await t.call(other, { method: 'PATCH', url: `${V1BETA2}/${mine.id}`, headers: mergePatch, payload: { name: 'stolen' } }), 404);
    expectComError(await t.call(other, { method: 'DELETE', url: `${V1BETA2}/${mine.id}` }), 404);
    expect(await snapshot(t.store)).toEqual(before);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${mine.id}` })).json()).toEqual(mine);
  });

  it("cannot aim a schedule at another workspace's servers", async () => {
    const before = await snapshot(t.store);
    // B names A's server, in the job body and as the associated resource.
    expectComError(await t.call(t.callers.adminB, { method: 'POST', url: V1BETA2, headers: json, payload: scheduleBody(serverA, { associatedResourceUri: null }) }), 400, {
      subjects: ['operation.body.resourceUri'],
    });
    expectComError(
      await t.call(t.callers.adminB, {
        method: 'POST',
        url: V1BETA2,
        headers: json,
        payload: scheduleBody(serverB, { associatedResourceUri: `/compute-ops-mgmt/v1beta2/servers/${serverA}` }),
      }),
      400,
      { subjects: ['associatedResourceUri'] },
    );
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('creates the jobs of a firing in the schedule’s own workspace only', async () => {
    const theirs = await createSchedule(t, scheduleBody(serverB, { name: 'B runs' }), t.callers.adminB);
    await fireDueSchedules(t.store, Date.parse(theirs.nextStartAt!));
    const run = expectSchedule(await t.call(t.callers.adminB, { method: 'GET', url: `${V1BETA2}/${theirs.id}` })).lastRun!;
    const jobUri = `/compute-ops-mgmt/v1/jobs/${run.body['id']}`;
    expect((await t.call(t.callers.adminB, { method: 'GET', url: jobUri })).statusCode).toBe(200);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: jobUri }), 404);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${theirs.id}/history/${run.id}` }), 404);
  });

  it("keeps Idempotency-Keys per workspace: another workspace's key never returns its schedule", async () => {
    const key = crypto.randomUUID();
    const a = await createSchedule(t, scheduleBody(serverA, { name: 'keyed' }), t.callers.adminA, { 'idempotency-key': key });
    const b = await createSchedule(t, scheduleBody(serverB, { name: 'keyed' }), t.callers.adminB, { 'idempotency-key': key });
    expect(b.id).not.toBe(a.id);
    expect((await list(t.callers.adminB)).map((i) => i.id)).toContain(b.id);
  });

  it('lets an MSP act inside its own tenant through Tenant-Acid, and nowhere else', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const serverT1 = await oneServer(t, t.workspaces.T1, 9);
    const res = await t.call(t.callers.mspAdmin, { method: 'POST', url: V1BETA2, headers: { ...json, ...inT1 }, payload: scheduleBody(serverT1) });
    const created = expectSchedule(res, 201);
    expect((await list(t.callers.mspAdmin, inT1)).map((i) => i.id)).toContain(created.id);
    expect((await list(t.callers.tenant1Admin)).map((i) => i.id)).toContain(created.id);
    expect((await list(t.callers.mspAdmin)).map((i) => i.id)).not.toContain(created.id);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1BETA2}/${created.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1BETA2, headers: inT1 }), 403, { key: 'TENANT_FORBIDDEN' });
  });
});
