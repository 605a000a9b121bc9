// settings v1 and v1beta1: every user change leaves exactly one SETTING_* activity (happy), a refused change
// leaves none (error), and the feed is per workspace (security). The legacy server-settings API is covered
// in its own group's suite.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { ILO_SECURITY_NAME } from './hpe-defined.ts';
import { expectSetting, expectSettingCollection, filterUrl, json, mergePatch, SAMPLES, V1, V1BETA1, type Wire } from './settings.fixtures.ts';

const ACTIVITIES = '/compute-ops-mgmt/v1beta2/activities';

type Activity = Record<string, unknown> & { key: string; title: string; message: string; source: Record<string, unknown> };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM device_settings WHERE hpe_defined = ?', [false]);
  await t.store.run('DELETE FROM activities');
  // Seeds the HPE records first, so snapshots below are about the request alone.
  await t.call(t.callers.adminA, { method: 'GET', url: V1 });
});

async function activities(filter: string, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Activity[]> {
  const res = await t.call(caller, { method: 'GET', url: filterUrl(ACTIVITIES, filter), headers });
  return expectHpeSchema<{ items: Activity[] }>(res, 'activityCollection-v1beta2').items;
}

const settingActivities = (caller?: Caller, headers?: Record<string, string>) => activities("source/type eq 'Setting'", caller, headers);

async function create(body: Record<string, unknown>, base = V1): Promise<Wire> {
  return expectSetting(await t.call(t.callers.adminA, { method: 'POST', url: base, headers: json, payload: body }), base === V1 ? 'v1' : 'v1beta1', 201);
}

async function hpeDefined(): Promise<Wire> {
  const res = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, `category eq 'ILO' and name eq '${ILO_SECURITY_NAME}'`) });
  return expectSettingCollection(res, 'v1').items[0]!;
}

describe('settings activities: happy paths', () => {
  it.each([V1, V1BETA1])('POST %s records one SETTING_CREATED naming the setting', async (base) => {
    const s = await create({ name: 'Rack BIOS', category: 'BIOS', settings: SAMPLES.BIOS }, base);
    const items = await activities(`key eq 'SETTING_CREATED' and source/id eq '${s.id}'`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      key: 'SETTING_CREATED',
      title: 'Setting created',
      message: 'Setting Rack BIOS was created\n\nCategory: BIOS',
      recommendedAction: null,
      source: { type: 'Setting', id: s.id, name: 'Rack BIOS', resourceUri: `${V1}/${s.id}` },
      serverSettingsId: s.id,
      serverSettingsName: 'Rack BIOS',
      serverSettingsCategory: 'BIOS',
      associatedServerId: null,
    });
    expect(await settingActivities()).toHaveLength(1);
  });

  it('serves the activity in Japanese too', async () => {
    const s = await create({ name: 'FW', category: 'FIRMWARE', settings: SAMPLES.FIRMWARE });
    const [item] = await activities(`source/id eq '${s.id}'`, t.callers.adminA, { 'accept-language': 'ja' });
    expect(item).toMatchObject({ title: '設定が作成されました', message: '設定 FW が作成されました\n\nカテゴリ: ファームウェア' });
  });

  it.each([V1, V1BETA1])('PATCH %s records one SETTING_UPDATED per change, with the new name', async (base) => {
    const s = await create({ name: 'Old', category: 'OS', settings: SAMPLES.OS });
    for (const name of ['Renamed', 'Renamed again']) {
      expectSetting(await t.call(t.callers.adminA, { method: 'PATCH', url: `${base}/${s.id}`, headers: mergePatch, payload: { name } }), base === V1 ? 'v1' : 'v1beta1');
    }
    const items = await activities(`key eq 'SETTING_UPDATED' and source/id eq '${s.id}'`);
    expect(items.map((i) => i.serverSettingsName)).toEqual(['Renamed again', 'Renamed']);
    expect(items[0]).toMatchObject({ title: 'Setting updated', source: { type: 'Setting', name: 'Renamed again' }, serverSettingsCategory: 'OS', serverSettingsId: s.id });
  });

  it.each([V1, V1BETA1])('DELETE %s records one SETTING_DELETED', async (base) => {
    const s = await create({ name: 'Gone', category: 'STORAGE', settings: SAMPLES.STORAGE });
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${base}/${s.id}` })).statusCode).toBe(204);
    const items = await activities(`key eq 'SETTING_DELETED' and source/id eq '${s.id}'`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ message: 'Setting Gone was deleted\n\nCategory: Internal storage', serverSettingsName: 'Gone', serverSettingsCategory: 'STORAGE' });
    expect((await settingActivities()).map((i) => i.key)).toEqual(['SETTING_DELETED', 'SETTING_CREATED']);
  });

  it('records nothing for the HPE-provided records seeded on first use', async () => {
    expectSettingCollection(await t.call(t.callers.adminB, { method: 'GET', url: V1 }), 'v1');
    expect(await settingActivities(t.callers.adminB)).toEqual([]);
    expect(await settingActivities()).toEqual([]);
  });
});

describe('settings activities: refused writes record nothing', () => {
  async function unchanged(request: () => Promise<void>): Promise<void> {
    const before = await snapshot(t.store);
    await request();
    expect(await snapshot(t.store)).toEqual(before);
  }

  it('400 and 409 on create', async () => {
    await create({ name: 'Taken', category: 'BIOS', settings: SAMPLES.BIOS });
    await unchanged(async () => {
      expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { name: '', category: 'BIOS', settings: SAMPLES.BIOS } }), 400, { subjects: ['name'] });
      expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { name: 'Taken', category: 'BIOS', settings: SAMPLES.BIOS } }), 409, { key: 'CONFLICT' });
    });
    expect(await activities("key eq 'SETTING_CREATED'")).toHaveLength(1);
  });

  it('400, 404 and 412 on update, and 400 on an HPE-provided setting', async () => {
    const s = await create({ name: 'Mine', category: 'OS', settings: SAMPLES.OS });
    const hpe = await hpeDefined();
    await unchanged(async () => {
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${s.id}`, headers: mergePatch, payload: { category: 'BIOS' } }), 400, { subjects: ['category'] });
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${crypto.randomUUID()}`, headers: mergePatch, payload: { name: 'x' } }), 404, { key: 'NOT_FOUND' });
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${s.id}`, headers: { ...mergePatch, 'if-match': '"7"' }, payload: { name: 'x' } }), 412);
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${hpe.id}`, headers: mergePatch, payload: { name: 'x' } }), 400, { subjects: ['name'] });
    });
    expect(await activities("key eq 'SETTING_UPDATED'")).toEqual([]);
  });

  it('404, 409 and 412 on delete', async () => {
    const s = await create({ name: 'Mine', category: 'OS', settings: SAMPLES.OS });
    const hpe = await hpeDefined();
    await unchanged(async () => {
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${crypto.randomUUID()}` }), 404, { key: 'NOT_FOUND' });
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${hpe.id}?force=true` }), 409, { key: 'CONFLICT' });
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${s.id}`, headers: { 'if-match': '"3"' } }), 412);
    });
    expect(await activities("key eq 'SETTING_DELETED'")).toEqual([]);
  });
});

describe('settings activities: workspace isolation', () => {
  it("never shows A's activities to B or to the MSP, and B's refused writes record nothing", async () => {
    const s = await create({ name: 'A only', category: 'BIOS', settings: SAMPLES.BIOS });
    expect(await activities(`source/id eq '${s.id}'`)).toHaveLength(1);
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await t.call(caller, { method: 'PATCH', url: `${V1}/${s.id}`, headers: mergePatch, payload: { name: 'x' } }), 404);
      expectComError(await t.call(caller, { method: 'DELETE', url: `${V1}/${s.id}` }), 404);
      expect(await activities(`source/id eq '${s.id}'`, caller)).toEqual([]);
    }
    expect(await activities(`source/id eq '${s.id}'`)).toHaveLength(1);
  });

  it('records an MSP change made through Tenant-Acid in the tenant only', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const res = await t.call(t.callers.mspAdmin, { method: 'POST', url: V1, headers: { ...json, ...inT1 }, payload: { name: 'Tenant OS', category: 'OS', settings: SAMPLES.OS } });
    const s = expectSetting(res, 'v1', 201);
    const filter = `key eq 'SETTING_CREATED' and source/id eq '${s.id}'`;
    expect(await activities(filter, t.callers.mspAdmin, inT1)).toHaveLength(1);
    expect(await activities(filter, t.callers.tenant1Admin)).toHaveLength(1);
    expect(await activities(filter, t.callers.mspAdmin)).toEqual([]);
    expect(await activities(filter, t.callers.mspAdmin, { 'tenant-acid': t.workspaces.T2 })).toEqual([]);
    expect(await activities(filter)).toEqual([]);
  });

  it('records nothing for a write an observer may not make', async () => {
    const s = await create({ name: 'Watched', category: 'BIOS', settings: SAMPLES.BIOS });
    expectComError(await t.call(t.callers.observerA, { method: 'PATCH', url: `${V1}/${s.id}`, headers: mergePatch, payload: { name: 'x' } }), 403);
    expectComError(await t.call(t.callers.observerA, { method: 'POST', url: V1, headers: json, payload: { name: 'y', category: 'OS', settings: SAMPLES.OS } }), 403);
    expect((await settingActivities()).map((i) => i.key)).toEqual(['SETTING_CREATED']);
  });
});
