// server-settings v1beta1 (legacy prefix): a change through the 2022 API leaves the same SETTING_* activity
// as one through settings v1 (happy), a refused change leaves none (error), and the feed is per workspace
// (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { expectSetting, expectSettingCollection, filterUrl, json, LEGACY, mergePatch, SAMPLES, type Wire } from '../settings/settings.fixtures.ts';

const ACTIVITIES = '/compute-ops-mgmt/v1beta2/activities';
const V1_SETTINGS = '/compute-ops-mgmt/v1/settings';

type Activity = Record<string, unknown> & { key: string; source: Record<string, unknown> };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM device_settings WHERE hpe_defined = ?', [false]);
  await t.store.run('DELETE FROM activities');
  await t.call(t.callers.adminA, { method: 'GET', url: LEGACY });
});

async function activities(filter: string, caller: Caller = t.callers.adminA): Promise<Activity[]> {
  const res = await t.call(caller, { method: 'GET', url: filterUrl(ACTIVITIES, filter) });
  return expectHpeSchema<{ items: Activity[] }>(res, 'activityCollection-v1beta2').items;
}

async function create(body: Record<string, unknown>): Promise<Wire> {
  return expectSetting(await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: json, payload: body }), 'server-settings', 201);
}

describe('server-settings activities: happy paths', () => {
  it('create, update and delete each record one SETTING_* activity with the serverSettings fields', async () => {
    const s = await create({ name: 'Legacy FW', category: 'FIRMWARE', settings: SAMPLES.FIRMWARE });
    const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${s.id}`, headers: mergePatch, payload: { description: 'patched' } });
    expectSetting(res, 'server-settings');
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${LEGACY}/${s.id}` })).statusCode).toBe(204);
    const items = await activities(`source/id eq '${s.id}'`);
    expect(items.map((i) => i.key)).toEqual(['SETTING_DELETED', 'SETTING_UPDATED', 'SETTING_CREATED']);
    for (const item of items) {
      expect(item).toMatchObject({
        source: { type: 'Setting', id: s.id, name: 'Legacy FW', resourceUri: `${V1_SETTINGS}/${s.id}` },
        serverSettingsId: s.id,
        serverSettingsName: 'Legacy FW',
        serverSettingsCategory: 'FIRMWARE',
      });
    }
    expect(items[2]!.message).toBe('Setting Legacy FW was created\n\nCategory: Firmware');
    for (const key of ['SETTING_CREATED', 'SETTING_UPDATED', 'SETTING_DELETED']) {
      expect(await activities(`key eq '${key}' and serverSettingsId eq '${s.id}'`)).toHaveLength(1);
    }
  });

  it('records nothing for listing, which seeds the HPE-provided records', async () => {
    expectSettingCollection(await t.call(t.callers.adminB, { method: 'GET', url: LEGACY }), 'server-settings');
    expect(await activities("source/type eq 'Setting'", t.callers.adminB)).toEqual([]);
  });
});

describe('server-settings activities: refused writes record nothing', () => {
  it('400, 404, 409 and 412 leave the store and the feed unchanged', async () => {
    const s = await create({ name: 'Taken', category: 'BIOS', settings: SAMPLES.BIOS });
    const hpe = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(LEGACY, "category eq 'ILO'") }), 'server-settings').items[0]!;
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: json, payload: { name: 'x', category: 'OVE_SOFTWARE_VM', settings: SAMPLES.OVE_SOFTWARE_VM } }), 400, { subjects: ['category'] });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: json, payload: { name: 'Taken', category: 'BIOS', settings: SAMPLES.BIOS } }), 409);
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${crypto.randomUUID()}`, headers: mergePatch, payload: { name: 'y' } }), 404);
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${s.id}`, headers: { ...mergePatch, 'if-match': '"9"' }, payload: { name: 'y' } }), 412);
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${LEGACY}/${hpe.id}` }), 409);
    expect(await snapshot(t.store)).toEqual(before);
    expect((await activities("source/type eq 'Setting'")).map((i) => i.key)).toEqual(['SETTING_CREATED']);
  });
});

describe('server-settings activities: workspace isolation', () => {
  it("keeps A's activities from B and the MSP, whose writes to A's setting are 404", async () => {
    const s = await create({ name: 'A only', category: 'OS', settings: SAMPLES.OS });
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await t.call(caller, { method: 'PATCH', url: `${LEGACY}/${s.id}`, headers: mergePatch, payload: { name: 'x' } }), 404);
      expectComError(await t.call(caller, { method: 'DELETE', url: `${LEGACY}/${s.id}` }), 404);
      expect(await activities(`source/id eq '${s.id}'`, caller)).toEqual([]);
    }
    expect((await activities(`source/id eq '${s.id}'`)).map((i) => i.key)).toEqual(['SETTING_CREATED']);
  });
});
