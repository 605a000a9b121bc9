// metrics-configurations v1: every change leaves exactly one METRICS_CONFIGURATION_* activity (happy), a
// refused change leaves none (error), and the feed is per workspace (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';

const V1 = '/compute-ops-mgmt/v1/metrics-configurations';
const ACTIVITIES = '/compute-ops-mgmt/v1beta2/activities';
const json = { 'content-type': 'application/json' };
const mergePatch = { 'content-type': 'application/merge-patch+json' };

type Config = Record<string, unknown> & { id: string; generation: number };
type Activity = Record<string, unknown> & { key: string; message: string };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM metrics_configurations');
  await t.store.run('DELETE FROM activities');
});

async function activities(filter: string, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Activity[]> {
  const res = await t.call(caller, { method: 'GET', url: `${ACTIVITIES}?filter=${encodeURIComponent(filter)}`, headers });
  return expectHpeSchema<{ items: Activity[] }>(res, 'activityCollection-v1beta2').items;
}

async function create(body: Record<string, unknown>, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Config> {
  const res = await t.call(caller, { method: 'POST', url: V1, headers: { ...json, ...headers }, payload: body });
  return expectHpeSchema<Config>(res, 'metricsConfigurationResponse-v1', 201);
}

const patch = (id: string, payload: Record<string, unknown>, headers: Record<string, string> = {}, caller: Caller = t.callers.adminA) =>
  t.call(caller, { method: 'PATCH', url: `${V1}/${id}`, headers: { ...mergePatch, ...headers }, payload });

describe('metrics-configurations activities: happy paths', () => {
  it('records one METRICS_CONFIGURATION_CREATED with source type Setting', async () => {
    const c = await create({ metricsCollection: 'SYSTEM_SCHEDULED' });
    const items = await activities(`key eq 'METRICS_CONFIGURATION_CREATED' and source/id eq '${c.id}'`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'Metrics configuration created',
      message: 'Metrics configuration was created\n\nSettings: metrics collection system scheduled, power threshold alerts on above 10%',
      recommendedAction: null,
      source: { type: 'Setting', id: c.id, name: 'Metrics configuration', resourceUri: `${V1}/${c.id}` },
      associatedServerId: null,
    });
    const [ja] = await activities(`source/id eq '${c.id}'`, t.callers.adminA, { 'accept-language': 'ja' });
    expect(ja).toMatchObject({ title: 'メトリクス構成が作成されました' });
  });

  it('records one METRICS_CONFIGURATION_UPDATED per successful PATCH, describing the new state', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    expectHpeSchema(await patch(c.id, { powerThresholdAlerts: false }), 'metricsConfigurationResponse-v1');
    expectHpeSchema(await patch(c.id, { powerThresholdAlerts: true, powerUtilizationThresholdPercentage: 40 }), 'metricsConfigurationResponse-v1');
    const items = await activities(`key eq 'METRICS_CONFIGURATION_UPDATED' and source/id eq '${c.id}'`);
    expect(items.map((i) => i.message.split('\n\n')[1])).toEqual([
      'Settings: metrics collection on demand, power threshold alerts on above 40%',
      'Settings: metrics collection on demand, power threshold alerts off',
    ]);
    expect(await activities(`source/id eq '${c.id}'`)).toHaveLength(3);
  });

  it('records one METRICS_CONFIGURATION_DELETED', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND', powerUtilizationThresholdPercentage: 25 });
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${c.id}` })).statusCode).toBe(204);
    const items = await activities(`key eq 'METRICS_CONFIGURATION_DELETED' and source/id eq '${c.id}'`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'Metrics configuration deleted', source: { type: 'Setting', id: c.id } });
    expect((await activities("source/type eq 'Setting'")).map((i) => i.key)).toEqual(['METRICS_CONFIGURATION_DELETED', 'METRICS_CONFIGURATION_CREATED']);
  });
});

describe('metrics-configurations activities: refused writes record nothing', () => {
  it('400 on create, 400/404/412 on update and 404/412 on delete', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { metricsCollection: 'SYSTEM_SCHEDULED' } }), 400, { key: 'ALREADY_EXISTS' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { metricsCollection: 'NEVER' } }), 400, { subjects: ['metricsCollection'] });
    expectComError(await patch(c.id, { powerUtilizationThresholdPercentage: 0 }), 400, { subjects: ['powerUtilizationThresholdPercentage'] });
    expectComError(await patch(c.id, {}), 400, { subjects: ['(root)'] });
    expectComError(await patch(crypto.randomUUID(), { powerThresholdAlerts: false }), 404, { key: 'NOT_FOUND' });
    expectComError(await patch(c.id, { powerThresholdAlerts: false }, { 'if-match': '"9"' }), 412, { key: 'PRECONDITION_FAILED' });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${crypto.randomUUID()}` }), 404);
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${c.id}`, headers: { 'if-match': '"4"' } }), 412);
    expectComError(await patch(c.id, { powerThresholdAlerts: false }, {}, t.callers.observerA), 403);
    expect(await snapshot(t.store)).toEqual(before);
    expect((await activities("source/type eq 'Setting'")).map((i) => i.key)).toEqual(['METRICS_CONFIGURATION_CREATED']);
  });
});

describe('metrics-configurations activities: workspace isolation', () => {
  it("keeps A's activities from B and the MSP; their writes to A's configuration are 404 and record nothing", async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    for (const other of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await patch(c.id, { powerThresholdAlerts: false }, {}, other), 404);
      expectComError(await t.call(other, { method: 'DELETE', url: `${V1}/${c.id}` }), 404);
      expect(await activities(`source/id eq '${c.id}'`, other)).toEqual([]);
    }
    expect((await activities(`source/id eq '${c.id}'`)).map((i) => i.key)).toEqual(['METRICS_CONFIGURATION_CREATED']);
  });

  it('records an MSP change made through Tenant-Acid in the tenant only', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const c = await create({ metricsCollection: 'SYSTEM_SCHEDULED' }, t.callers.mspAdmin, inT1);
    expectHpeSchema(await patch(c.id, { powerThresholdAlerts: false }, inT1, t.callers.mspAdmin), 'metricsConfigurationResponse-v1');
    const filter = `source/id eq '${c.id}'`;
    expect((await activities(filter, t.callers.tenant1Admin)).map((i) => i.key)).toEqual(['METRICS_CONFIGURATION_UPDATED', 'METRICS_CONFIGURATION_CREATED']);
    expect(await activities(filter, t.callers.mspAdmin, inT1)).toHaveLength(2);
    expect(await activities(filter, t.callers.mspAdmin)).toEqual([]);
    expect(await activities(filter)).toEqual([]);
  });
});
