// metrics-configurations v1: behaviour (happy), bad input (error) and access (security), plus the read
// the virtual fleet uses (listActiveThresholds).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { listActiveThresholds } from './service.ts';

const V1 = '/compute-ops-mgmt/v1/metrics-configurations';
const json = { 'content-type': 'application/json' };
const mergePatch = { 'content-type': 'application/merge-patch+json' };
const GROUP = { type: 'group', id: '420372b6-af2e-464d-970d-e9339abfc74f', name: 'ESXi_group' };
const FILTER = { type: 'filter', id: 'f4a8b2c9-7d5e-4321-9876-1a2b3c4d5e6f', name: 'Gen11 racks' };
const TAGS = { type: 'tags', name: 'environment', value: 'production' };

type Config = Record<string, unknown> & { id: string; generation: number; alertResources: unknown[] };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM metrics_configurations');
});

async function create(body: Record<string, unknown>, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Config> {
  const res = await t.call(caller, { method: 'POST', url: V1, headers: { ...json, ...headers }, payload: body });
  const created = expectHpeSchema<Config>(res, 'metricsConfigurationResponse-v1', 201);
  expect(res.headers.location).toBe(`${V1}/${created.id}`);
  return created;
}

const patch = (id: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${id}`, headers: { ...mergePatch, ...headers }, payload: payload as Record<string, unknown> });
const stored = async (id: string) => (await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${id}` })).json() as Config;

describe('metrics-configurations happy paths', () => {
  it('lists nothing until the workspace creates its configuration', async () => {
    expect(expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: V1 }), 'metricsConfigurationCollection-v1')).toEqual({ offset: 0, count: 0, total: 0, items: [] });
  });

  it('creates with 201, Location and the documented defaults, then lists and reads it', async () => {
    const c = await create({ metricsCollection: 'SYSTEM_SCHEDULED' });
    expect(c).toMatchObject({
      type: 'compute-ops-mgmt/metrics-configuration',
      resourceUri: `${V1}/${c.id}`,
      generation: 1,
      metricsCollection: 'SYSTEM_SCHEDULED',
      powerThresholdAlerts: true,
      powerUtilizationThresholdPercentage: 10,
      alertResources: [],
    });
    expect(c.createdAt).toBe(c.updatedAt);
    const list = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: V1 }), 'metricsConfigurationCollection-v1');
    expect(list).toEqual({ offset: 0, count: 1, total: 1, items: [c] });
    expect(expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${c.id}` }), 'metricsConfigurationResponse-v1')).toEqual(c);
  });

  it('stores every kind of alert resource, null entries included, and drops members a variant lacks', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND', powerThresholdAlerts: 'False', powerUtilizationThresholdPercentage: 25, alertResources: [{ ...GROUP, value: 'x' }, TAGS, FILTER, null] });
    expect(c).toMatchObject({ powerThresholdAlerts: false, powerUtilizationThresholdPercentage: 25, alertResources: [GROUP, TAGS, FILTER, null] });
  });

  it('applies the clients\' typical merge patches, bumping generation and updatedAt', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    const enable = await patch(c.id, { metricsCollection: 'SYSTEM_SCHEDULED', powerThresholdAlerts: true, powerUtilizationThresholdPercentage: 25, alertResources: [GROUP] });
    const e = expectHpeSchema<Config>(enable, 'metricsConfigurationResponse-v1');
    expect(e).toMatchObject({ generation: 2, metricsCollection: 'SYSTEM_SCHEDULED', powerUtilizationThresholdPercentage: 25, alertResources: [GROUP], createdAt: c.createdAt });
    expect((e.updatedAt as string) > (c.updatedAt as string)).toBe(true);
    const off = expectHpeSchema<Config>(await patch(c.id, { powerThresholdAlerts: false }), 'metricsConfigurationResponse-v1');
    expect(off).toMatchObject({ generation: 3, powerThresholdAlerts: false, metricsCollection: 'SYSTEM_SCHEDULED', alertResources: [GROUP] });
    const replaced = expectHpeSchema<Config>(await patch(c.id, { alertResources: [TAGS] }), 'metricsConfigurationResponse-v1');
    expect(replaced.alertResources).toEqual([TAGS]);
  });

  it('honours If-Match on PATCH and DELETE, and DELETE answers 204', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    expectComError(await patch(c.id, { powerThresholdAlerts: false }, { 'if-match': '"9"' }), 412, { key: 'PRECONDITION_FAILED', subjects: ['If-Match'] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${c.id}`, headers: { 'if-match': '2' } }), 412);
    expect(await stored(c.id)).toEqual(c);
    const del = await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${c.id}`, headers: { 'if-match': '"1"' } });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${c.id}` }), 404, { key: 'NOT_FOUND' });
    // The workspace may create a new one afterwards.
    await create({ metricsCollection: 'ON_DEMAND' });
  });

  it('filters and pages with the shared grammar', async () => {
    await create({ metricsCollection: 'SYSTEM_SCHEDULED', powerUtilizationThresholdPercentage: 30 });
    const q = async (filter: string) => (await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?filter=${encodeURIComponent(filter)}` })).json().total;
    expect(await q("metricsCollection eq 'system_scheduled' and powerUtilizationThresholdPercentage gt 20")).toBe(1);
    expect(await q('powerThresholdAlerts eq false')).toBe(0);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?offset=1&limit=5000` })).json()).toMatchObject({ offset: 1, count: 0, total: 1 });
  });

  it('tells the virtual fleet which thresholds raise alerts', async () => {
    const A = t.workspaces.A;
    expect(await listActiveThresholds(t.store, A)).toEqual([]);
    const c = await create({ metricsCollection: 'SYSTEM_SCHEDULED', powerUtilizationThresholdPercentage: 40, alertResources: [GROUP, null, TAGS] });
    expect(await listActiveThresholds(t.store, A)).toEqual([
      { configurationId: c.id, workspaceId: A, thresholdPercentage: 40, metricsCollection: 'SYSTEM_SCHEDULED', resources: [GROUP, TAGS] },
    ]);
    expect(await listActiveThresholds(t.store, t.workspaces.B)).toEqual([]);
    await patch(c.id, { powerThresholdAlerts: false });
    expect(await listActiveThresholds(t.store, A)).toEqual([]);
    await patch(c.id, { powerThresholdAlerts: true });
    await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${c.id}` });
    expect(await listActiveThresholds(t.store, A)).toEqual([]);
  });
});

describe('metrics-configurations bad input', () => {
  const cases: [string, unknown, string | undefined][] = [
    ['a missing metricsCollection', { powerThresholdAlerts: true }, 'metricsCollection'],
    ['an unknown metricsCollection', { metricsCollection: 'HOURLY' }, 'metricsCollection'],
    ['a threshold of 0', { metricsCollection: 'ON_DEMAND', powerUtilizationThresholdPercentage: 0 }, 'powerUtilizationThresholdPercentage'],
    ['a threshold of 101', { metricsCollection: 'ON_DEMAND', powerUtilizationThresholdPercentage: 101 }, 'powerUtilizationThresholdPercentage'],
    ['a fractional threshold', { metricsCollection: 'ON_DEMAND', powerUtilizationThresholdPercentage: 12.5 }, 'powerUtilizationThresholdPercentage'],
    ['a threshold as text', { metricsCollection: 'ON_DEMAND', powerUtilizationThresholdPercentage: '10' }, 'powerUtilizationThresholdPercentage'],
    ['a boolean as a number', { metricsCollection: 'ON_DEMAND', powerThresholdAlerts: 1 }, 'powerThresholdAlerts'],
    ['two filters', { metricsCollection: 'ON_DEMAND', alertResources: [FILTER, { ...FILTER, id: '00000000-0000-4000-8000-000000000001' }] }, 'alertResources'],
    ['a group id that is not a uuid', { metricsCollection: 'ON_DEMAND', alertResources: [{ ...GROUP, id: 'grp-1' }] }, 'alertResources.0'],
    ['a tag without a value', { metricsCollection: 'ON_DEMAND', alertResources: [{ type: 'tags', name: 'env' }] }, 'alertResources.0'],
    ['an unknown resource type', { metricsCollection: 'ON_DEMAND', alertResources: [{ type: 'server', id: GROUP.id, name: 'x' }] }, 'alertResources.0'],
    ['alertResources that is not a list', { metricsCollection: 'ON_DEMAND', alertResources: GROUP }, 'alertResources'],
    ['a JSON array', [], undefined],
  ];

  it.each(cases)('POST refuses %s with 400 and stores nothing', async (_name, body, subject) => {
    const before = await snapshot(t.store);
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: JSON.stringify(body) });
    expectComError(res, 400, subject ? { subjects: [subject] } : {});
    expect(await snapshot(t.store)).toEqual(before);
  });

  it.each([
    ...cases.filter(([name]) => !name.includes('missing')),
    ['an empty object', {}, '(root)'],
    ['only unknown members', { colour: 'blue' }, '(root)'],
    ['null alertResources', { alertResources: null }, 'alertResources'],
  ] as [string, unknown, string | undefined][])('PATCH refuses %s with 400 and changes nothing', async (_name, body, subject) => {
    const c = await create({ metricsCollection: 'ON_DEMAND', alertResources: [FILTER] });
    const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${c.id}`, headers: mergePatch, payload: JSON.stringify(body) });
    expectComError(res, 400, subject ? { subjects: [subject] } : {});
    expect(await stored(c.id)).toEqual(c);
  });

  it('refuses a second configuration with 400, leaving the first untouched', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { metricsCollection: 'SYSTEM_SCHEDULED' } }), 400, { key: 'ALREADY_EXISTS' });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().items).toEqual([c]);
  });

  it('answers the wrong media type with 415 and odd ids with 404', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: mergePatch, payload: { metricsCollection: 'ON_DEMAND' } }), 415);
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${c.id}`, headers: json, payload: { powerThresholdAlerts: false } }), 415);
    for (const id of ['abc', '00000000-0000-4000-8000-000000000000', 'a'.repeat(300)]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${id}` }), 404);
      expectComError(await patch(id, { powerThresholdAlerts: false }), 404);
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${id}` }), 404);
    }
    expect(await stored(c.id)).toEqual(c);
  });
});

describe('metrics-configurations access', () => {
  it('requires a token and lets observers read but not write', async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    expectComError(await t.call(null, { method: 'GET', url: V1 }), 401, { key: 'UNAUTHORIZED' });
    expect((await t.call(t.callers.observerA, { method: 'GET', url: `${V1}/${c.id}` })).statusCode).toBe(200);
    expectComError(await t.call(t.callers.observerA, { method: 'PATCH', url: `${V1}/${c.id}`, headers: mergePatch, payload: { powerThresholdAlerts: false } }), 403, { key: 'FORBIDDEN' });
    expectComError(await t.call(t.callers.observerA, { method: 'DELETE', url: `${V1}/${c.id}` }), 403);
    expect(expectHpeSchema(await patch(c.id, { powerThresholdAlerts: false }), 'metricsConfigurationResponse-v1').generation).toBe(2);
  });

  it("never shows or changes another workspace's configuration; an MSP reaches its tenant with Tenant-Acid", async () => {
    const c = await create({ metricsCollection: 'ON_DEMAND' });
    for (const other of [t.callers.adminB, t.callers.mspAdmin]) {
      expect((await t.call(other, { method: 'GET', url: V1 })).json().count).toBe(0);
      expectComError(await t.call(other, { method: 'GET', url: `${V1}/${c.id}` }), 404);
      expectComError(await t.call(other, { method: 'PATCH', url: `${V1}/${c.id}`, headers: mergePatch, payload: { powerThresholdAlerts: false } }), 404);
      expectComError(await t.call(other, { method: 'DELETE', url: `${V1}/${c.id}` }), 404);
      // Each workspace has its own: creating one elsewhere does not collide with A's.
      await create({ metricsCollection: 'SYSTEM_SCHEDULED' }, other);
    }
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const tenant = await create({ metricsCollection: 'ON_DEMAND' }, t.callers.mspAdmin, inT1);
    expect((await t.call(t.callers.tenant1Admin, { method: 'GET', url: V1 })).json().items.map((i: Config) => i.id)).toEqual([tenant.id]);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${tenant.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1, headers: inT1 }), 403, { key: 'TENANT_FORBIDDEN' });
    expect(await stored(c.id)).toEqual(c);
  });
});
