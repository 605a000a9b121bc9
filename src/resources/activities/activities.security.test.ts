// activities v1beta2: access. Every caller sees its own workspace's feed only; an MSP sees a tenant's
// feed only through Tenant-Acid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { recordActivity } from './service.ts';

const URL_ = '/compute-ops-mgmt/v1beta2/activities';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  const record = (workspaceId: string, serverName: string) =>
    recordActivity(t.store, workspaceId, {
      key: 'SERVER_CONNECTED',
      args: { serverName },
      source: { type: 'Server', id: `P52560-B21+${serverName}`, name: serverName },
      associatedServerId: `P52560-B21+${serverName}`,
    });
  await record(t.workspaces.A, 'AAAA');
  await record(t.workspaces.B, 'BBBB');
  await record(t.workspaces.T1, 'T1T1');
});
afterAll(() => t.close());

async function sourceNames(res: Awaited<ReturnType<TestApp['call']>>): Promise<string[]> {
  return expectHpeSchema<{ items: { source: { name: string } }[] }>(res, 'activityCollection-v1beta2').items.map((i) => i.source.name);
}

describe('activities access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: URL_ }), 401, { key: 'UNAUTHORIZED' });
  });

  it('lets every role of the workspace read its own feed', async () => {
    for (const caller of [t.callers.adminA, t.callers.operatorA, t.callers.observerA]) {
      expect(await sourceNames(await t.call(caller, { method: 'GET', url: URL_ }))).toEqual(['AAAA']);
    }
  });

  it('never shows another workspace\'s activities, whatever the filter', async () => {
    expect(await sourceNames(await t.call(t.callers.adminB, { method: 'GET', url: URL_ }))).toEqual(['BBBB']);
    expect(await sourceNames(await t.call(t.callers.mspAdmin, { method: 'GET', url: URL_ }))).toEqual([]);
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      const filter = encodeURIComponent("source/id eq 'P52560-B21%2BAAAA' or associatedServerId eq 'P52560-B21%2BAAAA'").replace(/%252B/g, '%2B');
      expect(await sourceNames(await t.call(caller, { method: 'GET', url: `${URL_}?filter=${filter}` }))).toEqual([]);
      expect(await sourceNames(await t.call(caller, { method: 'GET', url: `${URL_}?groups=10` }))).not.toContain('AAAA');
    }
  });

  it('lets an MSP read its tenant\'s feed through Tenant-Acid, and nowhere else', async () => {
    expect(await sourceNames(await t.call(t.callers.mspAdmin, { method: 'GET', url: URL_, headers: { 'tenant-acid': t.workspaces.T1 } }))).toEqual(['T1T1']);
    expect(await sourceNames(await t.call(t.callers.tenant1Admin, { method: 'GET', url: URL_ }))).toEqual(['T1T1']);
    expect(await sourceNames(await t.call(t.callers.mspAdmin, { method: 'GET', url: URL_, headers: { 'tenant-acid': t.workspaces.T2 } }))).toEqual([]);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: URL_, headers: { 'tenant-acid': t.workspaces.A } }), 403, { key: 'TENANT_FORBIDDEN' });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: URL_, headers: { 'tenant-acid': t.workspaces.T1 } }), 403, { key: 'TENANT_FORBIDDEN' });
  });

  it('offers no way to write activities over HTTP', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.call(t.callers.adminA, { method, url: URL_, headers: { 'content-type': 'application/json' }, payload: '{}' });
      expectComError(res, 404, { key: 'ROUTE_NOT_FOUND' });
    }
    expect(await sourceNames(await t.call(t.callers.adminA, { method: 'GET', url: URL_ }))).toEqual(['AAAA']);
  });
});
