// server-settings v1beta1 (legacy /compute-ops prefix): the settings store seen through the 2022 API —
// happy paths, bad input, and access.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { expectSetting, expectSettingCollection, filterUrl, json, LEGACY, mergePatch, SAMPLES, V1, type Wire } from '../settings/settings.fixtures.ts';

const SERVER_CATEGORIES = ['BIOS', 'EXTERNAL_STORAGE', 'FIRMWARE', 'ILO', 'OS', 'STORAGE'];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM device_settings WHERE hpe_defined = ?', [false]);
  await t.call(t.callers.adminA, { method: 'GET', url: LEGACY });
});

async function create(body: Record<string, unknown>, base = LEGACY): Promise<Wire> {
  const res = await t.call(t.callers.adminA, { method: 'POST', url: base, headers: json, payload: body });
  const created = expectSetting(res, base === LEGACY ? 'server-settings' : 'v1', 201);
  expect(res.headers.location).toBe(created.resourceUri);
  return created;
}

describe('server-settings happy paths', () => {
  it('lists the six server categories only, HPE-provided records included, in the legacy shape', async () => {
    await create({ name: 'Appliance', category: 'OVE_SOFTWARE_VM', settings: SAMPLES.OVE_SOFTWARE_VM }, V1);
    await create({ name: 'My iLO', category: 'ILO_SETTINGS', settings: SAMPLES.ILO_SETTINGS }, V1);
    const body = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: LEGACY }), 'server-settings');
    expect(new Set(body.items.map((i) => i.category))).toEqual(new Set(['BIOS', 'ILO']));
    for (const item of body.items) expect(item).toMatchObject({ type: 'compute-ops/server-setting', platformFamily: 'ANY', resourceUri: `${LEGACY}/${item.id}` });
    expect(SERVER_CATEGORIES).toEqual(expect.arrayContaining([...new Set(body.items.map((i) => i.category))]));
  });

  it.each(['BIOS', 'STORAGE', 'OS', 'EXTERNAL_STORAGE'])('creates a %s setting with 201 + Location, visible through v1 too', async (category) => {
    const created = await create({ name: `Legacy ${category}`, category, platformFamily: 'PROLIANT', settings: SAMPLES[category] });
    expect(created).toMatchObject({ type: 'compute-ops/server-setting', platformFamily: 'ANY', generation: 1, category });
    expect(expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${created.id}` }), 'server-settings')).toEqual(created);
    const v1 = expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${created.id}` }), 'v1');
    expect(v1).toMatchObject({ id: created.id, name: created.name, settings: created.settings, type: 'compute-ops-mgmt/setting' });
  });

  it('keeps firmware baselines to bare bundle ids, and accepts its own wider OS list', async () => {
    const fw = await create({ name: 'FW', category: 'FIRMWARE', settings: SAMPLES.FIRMWARE });
    expect(fw.settings).toEqual({ GEN10: { id: 'a9383ef62e362a0072b2947c923ba257' }, GEN11: { id: 'c41d9e0b7a2f4e3c8b5d6a7f8e9d0c1b' } });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${fw.id}` })).json().settings).toEqual(fw.settings);
    const os = await create({ name: 'Rocky', category: 'OS', settings: { DEFAULT: { osType: 'ROCKY_LINUX', mediaUrl: 'https://x.example/r.iso', imageToMountOnCD: 'UNATTENDED_INSTALLATION_FILE_IMAGE' } } });
    expect(os.settings.DEFAULT).toMatchObject({ osType: 'ROCKY_LINUX', imageToMountOnCD: 'UNATTENDED_INSTALLATION_FILE_IMAGE' });
  });

  it('patches (merge patch, generation + 1) and deletes with 204', async () => {
    const s = await create({ name: 'Vol', category: 'STORAGE', description: 'd', settings: { DEFAULT: { raidType: 'RAID1', volumeSizeInGB: 10 } } });
    const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${s.id}`, headers: mergePatch, payload: { ...s, platformFamily: 'PROLIANT', name: 'Vol2', settings: { DEFAULT: { volumeSizeInGB: -1 } } } });
    expect(expectSetting(res, 'server-settings')).toMatchObject({ name: 'Vol2', description: 'd', generation: 2, platformFamily: 'ANY', settings: { DEFAULT: { raidType: 'RAID1', volumeSizeInGB: -1 } } });
    const del = await t.call(t.callers.adminA, { method: 'DELETE', url: `${LEGACY}/${s.id}?force=true` });
    expect(del.statusCode).toBe(204);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${s.id}` }), 404);
  });

  it('filters with the shared grammar, platformFamily included', async () => {
    await create({ name: 'R0', category: 'STORAGE', settings: { DEFAULT: { raidType: 'RAID0', volumeSizeInGB: 5 } } });
    await create({ name: 'R1', category: 'STORAGE', settings: { DEFAULT: { raidType: 'RAID1', volumeSizeInGB: 5 } } });
    const total = (await t.call(t.callers.adminA, { method: 'GET', url: LEGACY })).json().total;
    const q = async (filter: string) => expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(LEGACY, filter) }), 'server-settings');
    expect((await q("settings/DEFAULT/raidType in ('RAID0','RAID1')")).items.map((i) => i.name).sort()).toEqual(['R0', 'R1']);
    expect((await q("not platformFamily eq 'PROLIANT'")).total).toBe(total);
    expect((await q("platformFamily eq 'ANY' and category eq 'STORAGE'")).total).toBe(2);
    expect((await q("contains(category,'ILO')")).items.map((i) => i.category)).toEqual(['ILO']);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(LEGACY, "customerId eq 'x'") }), 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
  });

  it('is published only under /compute-ops, and still answers under /compute-ops-mgmt', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.paths[LEGACY]?.get?.operationId).toBe('get_v1beta1_server_settings');
    expect(doc.paths[`${LEGACY}/{id}`]?.delete?.operationId).toBe('delete_v1beta1_server_settings_by_id');
    expect(doc.paths['/compute-ops-mgmt/v1beta1/server-settings']).toBeUndefined();
    const res = await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops-mgmt/v1beta1/server-settings' });
    expect(res.json().items[0].type).toBe('compute-ops-mgmt/server-setting');
  });
});

describe('server-settings bad input', () => {
  it('hides settings of other categories: 404 on read, change and delete', async () => {
    for (const [category, settings] of [['OVE_SOFTWARE_SYNERGY', SAMPLES.OVE_SOFTWARE_SYNERGY], ['ILO_SETTINGS', SAMPLES.ILO_SETTINGS]] as const) {
      const other = await create({ name: `Hidden ${category}`, category, settings }, V1);
      const before = await snapshot(t.store);
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${other.id}` }), 404, { key: 'NOT_FOUND' });
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${other.id}`, headers: mergePatch, payload: { name: 'x' } }), 404);
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${LEGACY}/${other.id}` }), 404);
      expect(await snapshot(t.store)).toEqual(before);
    }
  });

  it.each([
    ['the HPE-only ILO category', { name: 'x', category: 'ILO', settings: { DEFAULT: { Attributes: {} } } }, 'category'],
    ['a category the legacy API does not know', { name: 'x', category: 'OVE_SOFTWARE_VM', settings: SAMPLES.OVE_SOFTWARE_VM }, 'category'],
    ['ILO_SETTINGS', { name: 'x', category: 'ILO_SETTINGS', settings: SAMPLES.ILO_SETTINGS }, 'category'],
    ['an unknown platform family', { name: 'x', category: 'BIOS', platformFamily: 'APOLLO', settings: SAMPLES.BIOS }, 'platformFamily'],
    ['firmware without a bundle id', { name: 'x', category: 'FIRMWARE', settings: { GEN10: { componentExclusionsEnabled: true } } }, 'settings.GEN10.id'],
    ['an unknown OS type', { name: 'x', category: 'OS', settings: { DEFAULT: { osType: 'BEOS', mediaUrl: 'https://x.example/a.iso' } } }, 'settings.DEFAULT.osType'],
    ['an unknown image to mount', { name: 'x', category: 'OS', settings: { DEFAULT: { osType: 'RHEL', mediaUrl: 'https://x.example/a.iso', imageToMountOnCD: 'USB' } } }, 'settings.DEFAULT.imageToMountOnCD'],
  ])('refuses %s with 400 and stores nothing', async (_name, body, subject) => {
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: json, payload: body }), 400, { subjects: [subject] });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('answers a duplicate name with 409, an HPE record change with 400 and its delete with 409', async () => {
    await create({ name: 'Dup', category: 'BIOS', settings: SAMPLES.BIOS });
    const ilo = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(LEGACY, "category eq 'ILO'") }), 'server-settings').items[0]!;
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: json, payload: { name: 'Dup', category: 'BIOS', settings: SAMPLES.BIOS } }), 409, { key: 'CONFLICT' });
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${ilo.id}`, headers: mergePatch, payload: { settings: { DEFAULT: {} } } }), 400, { subjects: ['settings'] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${LEGACY}/${ilo.id}` }), 409, { key: 'CONFLICT' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: mergePatch, payload: { name: 'x', category: 'BIOS', settings: SAMPLES.BIOS } }), 415);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/not-a-uuid` }), 404);
    expect(await snapshot(t.store)).toEqual(before);
  });
});

describe('server-settings access', () => {
  it('requires a token and a writing role', async () => {
    expectComError(await t.call(null, { method: 'GET', url: LEGACY }), 401);
    expect((await t.call(t.callers.observerA, { method: 'GET', url: LEGACY })).statusCode).toBe(200);
    expectComError(await t.call(t.callers.observerA, { method: 'POST', url: LEGACY, headers: json, payload: { name: 'x', category: 'BIOS', settings: SAMPLES.BIOS } }), 403, { key: 'FORBIDDEN' });
  });

  it("never shows or changes another workspace's settings; an MSP reaches its tenant with Tenant-Acid", async () => {
    const s = await create({ name: 'A legacy', category: 'BIOS', settings: SAMPLES.BIOS });
    for (const other of [t.callers.adminB, t.callers.mspAdmin]) {
      expect((await t.call(other, { method: 'GET', url: LEGACY })).json().items.map((i: Wire) => i.id)).not.toContain(s.id);
      expectComError(await t.call(other, { method: 'GET', url: `${LEGACY}/${s.id}` }), 404);
      expectComError(await t.call(other, { method: 'PATCH', url: `${LEGACY}/${s.id}`, headers: mergePatch, payload: { name: 'x' } }), 404);
      expectComError(await t.call(other, { method: 'DELETE', url: `${LEGACY}/${s.id}` }), 404);
    }
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const res = await t.call(t.callers.mspAdmin, { method: 'POST', url: LEGACY, headers: { ...json, ...inT1 }, payload: { name: 'T1 BIOS', category: 'BIOS', settings: SAMPLES.BIOS } });
    const created = expectSetting(res, 'server-settings', 201);
    expect((await t.call(t.callers.tenant1Admin, { method: 'GET', url: `${LEGACY}/${created.id}` })).statusCode).toBe(200);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${created.id}` }), 404);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${s.id}` })).json()).toEqual(s);
  });
});
