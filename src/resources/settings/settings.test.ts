// settings v1 and v1beta1, happy paths: the HPE-provided records, CRUD per category, merge patch, filters,
// and one store seen through v1, v1beta1 and the legacy server-settings. Bad input: settings.error.test.ts;
// access and tenancy: settings.security.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { HPE_DEFINED_SETTINGS, ILO_SECURITY_NAME } from './hpe-defined.ts';
import { ensureHpeDefinedSettings, SettingsService, type SettingReferences } from './service.ts';
import { expectSetting, expectSettingCollection, filterUrl, json, LEGACY, mergePatch, SAMPLES, V1, V1BETA1, type Wire } from './settings.fixtures.ts';
import { fromV1, toV1, viewV1 } from './v1/mapper.ts';
import { fromV1beta1, toV1beta1 } from './v1beta1/mapper.ts';
import { SETTING_CATEGORIES, type Setting } from './model.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM device_settings WHERE hpe_defined = ?', [false]);
});

async function create(body: Record<string, unknown>, base = V1): Promise<Wire> {
  const res = await t.call(t.callers.adminA, { method: 'POST', url: base, headers: json, payload: body });
  const created = expectSetting(res, base === V1 ? 'v1' : 'v1beta1', 201);
  expect(res.headers.location).toBe(created.resourceUri);
  return created;
}

const get = async (id: string, base = V1) => (await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${id}` })).json() as Wire;
const names = (items: Wire[]) => items.map((i) => `${i.category}:${i.name}`).sort();

describe('settings happy paths', () => {
  it('gives every workspace the HPE-provided settings, in both versions', async () => {
    const v1 = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: V1 }), 'v1');
    expect(v1.total).toBe(HPE_DEFINED_SETTINGS.length);
    expect(names(v1.items)).toEqual(names(HPE_DEFINED_SETTINGS as unknown as Wire[]));
    expect(v1.items.map((i) => i.name)).toEqual([...v1.items.map((i) => i.name)].sort());
    const beta = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: V1BETA1 }), 'v1beta1');
    expect(beta.items.map((i) => i.id)).toEqual(v1.items.map((i) => i.id));
    // The two look-ups PowerShell clients make (settings.md §4.7).
    const security = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, `category eq 'ILO_SETTINGS' and name eq '${ILO_SECURITY_NAME}'`) });
    expect(expectSettingCollection(security, 'v1').items.map((i) => i.name)).toEqual([ILO_SECURITY_NAME]);
    const own = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, `category eq 'ILO_SETTINGS' and name ne '${ILO_SECURITY_NAME}'`) });
    expect(own.json().count).toBe(0);
    const bios = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, "name eq 'General Throughput Compute'") }), 'v1');
    expect(bios.items[0]!.settings.DEFAULT).toMatchObject({ redfishData: { Attributes: { WorkloadProfile: 'GeneralThroughputCompute' } } });
  });

  it('seeds idempotently, also when first requests race', async () => {
    const fresh = (await t.identity.createWorkspace({ name: 'Seeded twice' })).id;
    await Promise.all([ensureHpeDefinedSettings(t.store, fresh), t.store.transaction((tx) => ensureHpeDefinedSettings(tx, fresh))]);
    await ensureHpeDefinedSettings(t.store, fresh);
    const rows = await t.store.all<{ id: string }>('SELECT id FROM device_settings WHERE workspace_id = ?', [fresh]);
    expect(rows).toHaveLength(HPE_DEFINED_SETTINGS.length);
    const first = await Promise.all([1, 2, 3].map(() => t.call(t.callers.adminB, { method: 'GET', url: V1 })));
    expect(new Set(first.map((r) => JSON.stringify(r.json().items.map((i: Wire) => i.id)))).size).toBe(1);
  });

  it.each(Object.keys(SAMPLES))('creates a %s setting with 201 + Location and reads it back in both versions', async (category) => {
    const created = await create({ name: `My ${category}`, category, description: 'mine', settings: SAMPLES[category] });
    expect(created).toMatchObject({ type: 'compute-ops-mgmt/setting', name: `My ${category}`, category, description: 'mine', generation: 1, resourceUri: `${V1}/${created.id}` });
    expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(created.updatedAt).toBe(created.createdAt);
    expect(expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${created.id}` }), 'v1')).toEqual(created);
    const beta = expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${created.id}` }), 'v1beta1');
    expect(beta).toEqual({ ...created, resourceUri: `${V1BETA1}/${created.id}` });
  });

  it('v1beta1 creates too, answering with its own resourceUri and Location', async () => {
    const created = await create({ name: 'Beta OS', category: 'OS', settings: { DEFAULT: { osType: 'UBUNTU_LINUX', mediaUrl: 'http://x.example/u.iso' } } }, V1BETA1);
    expect(created.resourceUri).toBe(`${V1BETA1}/${created.id}`);
    expect((await get(created.id)).settings.DEFAULT).toEqual({ osType: 'UBUNTU_LINUX', mediaUrl: 'http://x.example/u.iso' });
  });

  it('fills what the server owns: volume ids, the appliance copy status, DEFAULT spelled any way, "True" booleans', async () => {
    const given = '6c0f2c55-3b7d-4a43-8d0e-2f4a7e2b9d11';
    const storage = await create({ name: 'Vols', category: 'STORAGE', settings: { Default: { volumes: [{ raidType: 'RAID1', id: given, ioPerfModeEnabled: 'True' }, { raidType: 'RAID0' }] } } });
    const volumes = storage.settings.DEFAULT!.volumes as { id: string; ioPerfModeEnabled?: boolean }[];
    expect(volumes[0]).toMatchObject({ id: given, ioPerfModeEnabled: true });
    expect(volumes[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    const appliance = await create({ name: 'OV', category: 'OVE_APPLIANCE_SETTINGS_ANY', settings: { default: { ...SAMPLES.OVE_APPLIANCE_SETTINGS_ANY!.DEFAULT as object, status: 'SUCCESS' } } });
    expect(appliance.settings.DEFAULT!.status).toBe('IN_PROGRESS');
    const patched = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${appliance.id}`, headers: mergePatch, payload: { settings: { DEFAULT: { status: 'FAILURE', sourceApplianceId: 'other' } } } });
    expect(expectSetting(patched, 'v1').settings.DEFAULT).toMatchObject({ status: 'IN_PROGRESS', sourceApplianceId: 'other' });
  });

  it('PATCH merges, bumps generation and updatedAt, and keeps createdAt', async () => {
    const fw = await create({ name: 'SPP', category: 'FIRMWARE', description: 'old', settings: SAMPLES.FIRMWARE });
    const res = await t.call(t.callers.adminA, {
      method: 'PATCH',
      url: `${V1}/${fw.id}`,
      headers: mergePatch,
      payload: { ...fw, name: 'SPP 2026', description: null, settings: { GEN10: null, GEN11: { id: 'new-bundle' }, GEN12: { id: 'gen12-bundle' } } },
    });
    const u = expectSetting(res, 'v1');
    expect(u).toMatchObject({ id: fw.id, name: 'SPP 2026', description: null, generation: 2, createdAt: fw.createdAt, category: 'FIRMWARE' });
    expect((u.updatedAt as string) > (fw.updatedAt as string)).toBe(true);
    expect(u.settings).toEqual({ GEN11: { ...SAMPLES.FIRMWARE!.GEN11 as object, id: 'new-bundle' }, GEN12: { id: 'gen12-bundle' } });
    const arrays = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${fw.id}`, headers: mergePatch, payload: { settings: { GEN11: { componentExclusions: [] } } } });
    expect(expectSetting(arrays, 'v1')).toMatchObject({ generation: 3, settings: { GEN11: { componentExclusions: [] } } });
  });

  it('honours If-Match on PATCH and DELETE', async () => {
    const s = await create({ name: 'Guarded', category: 'EXTERNAL_STORAGE', settings: SAMPLES.EXTERNAL_STORAGE });
    const stale = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${s.id}`, headers: { ...mergePatch, 'if-match': '"5"' }, payload: { name: 'x' } });
    expectComError(stale, 412, { key: 'PRECONDITION_FAILED', subjects: ['If-Match'] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${s.id}`, headers: { 'if-match': '2' } }), 412);
    expect(await get(s.id)).toEqual(s);
    const ok = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${s.id}`, headers: { ...mergePatch, 'if-match': '"1"' }, payload: { name: 'y' } });
    expect(expectSetting(ok, 'v1').generation).toBe(2);
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${s.id}`, headers: { 'if-match': 'W/"2"' } })).statusCode).toBe(204);
  });

  it('DELETE answers 204 and the setting is gone from every version', async () => {
    const s = await create({ name: 'Doomed', category: 'OS', settings: SAMPLES.OS });
    const res = await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA1}/${s.id}?force=False` });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    for (const url of [`${V1}/${s.id}`, `${V1BETA1}/${s.id}`, `${LEGACY}/${s.id}`]) expectComError(await t.call(t.callers.adminA, { method: 'GET', url }), 404, { key: 'NOT_FOUND' });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().total).toBe(HPE_DEFINED_SETTINGS.length);
  });

  it('refuses to delete a setting in use unless forced, which detaches it first', async () => {
    const s = await create({ name: 'Used', category: 'BIOS', settings: SAMPLES.BIOS });
    const detached: string[] = [];
    const references: SettingReferences = { isInUse: async (_db, _ws, id) => id === s.id && !detached.includes(id), detach: async (_db, _ws, id) => void detached.push(id) };
    const service = new SettingsService(t.store, references);
    const ctx = { workspaceId: t.workspaces.A, principal: { userId: t.callers.adminA.userId } } as Parameters<SettingsService['get']>[0];
    await expect(service.delete(ctx, viewV1, s.id, false)).rejects.toMatchObject({ status: 409, key: 'CONFLICT' });
    expect(await get(s.id)).toEqual(s);
    await service.delete(ctx, viewV1, s.id, true);
    expect(detached).toEqual([s.id]);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${s.id}` }), 404);
  });
});

describe('settings filters', () => {
  beforeEach(async () => {
    await create({ name: 'R0', category: 'STORAGE', settings: { DEFAULT: { raidType: 'RAID0', volumeSizeInGB: -1 } } });
    await create({ name: 'R1', category: 'STORAGE', settings: { DEFAULT: { raidType: 'RAID1', volumeSizeInGB: 100 } } });
    await create({ name: 'R5', category: 'STORAGE', description: 'data', settings: { DEFAULT: { raidType: 'RAID5', volumeSizeInGB: 500 } } });
    await create({ name: 'FW', category: 'FIRMWARE', settings: SAMPLES.FIRMWARE });
  });

  const cases: [string, string, string[]][] = [
    ['category', "category eq 'FIRMWARE'", ['FW']],
    ['category, any case', "category eq 'firmware'", ['FW']],
    ['contains on category', "contains(category,'FIRM')", ['FW']],
    ['a nested settings path', "settings/DEFAULT/raidType eq 'RAID0'", ['R0']],
    ['in over a nested path', "settings/DEFAULT/raidType in ('RAID0','RAID1')", ['R0', 'R1']],
    ['a number inside settings', 'settings/DEFAULT/volumeSizeInGB gt 100', ['R5']],
    ['firmware baselines', "settings/GEN10/id eq 'a9383ef62e362a0072b2947c923ba257'", ['FW']],
    ['not and null', "not name eq null and contains(category,'FIRM')", ['FW']],
    ['description', "description eq 'data'", ['R5']],
    ['name functions', "tolower(name) eq 'r1'", ['R1']],
  ];

  it.each(cases)('filters by %s, in v1 and v1beta1', async (_name, filter, expected) => {
    for (const [base, flavour] of [[V1, 'v1'], [V1BETA1, 'v1beta1']] as const) {
      const body = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(base, filter) }), flavour);
      expect(body.items.map((i) => i.name).sort()).toEqual(expected);
      expect(body.total).toBe(expected.length);
    }
  });

  it('v1 also filters on platformFamily and customerId; v1beta1 does not know them', async () => {
    const all = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, "platformFamily eq 'ANY'") });
    expect(all.json().total).toBe(HPE_DEFINED_SETTINGS.length + 4);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, "platformFamily eq 'PROLIANT'") })).json().total).toBe(0);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, `customerId eq '${t.workspaces.A}'`) })).json().total).toBe(HPE_DEFINED_SETTINGS.length + 4);
    for (const filter of ["platformFamily eq 'ANY'", `customerId eq '${t.workspaces.A}'`]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1BETA1, filter) }), 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
    }
  });

  it('pages, clamps a large limit and selects', async () => {
    const page = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?offset=2&limit=3` }), 'v1');
    expect(page).toMatchObject({ offset: 2, count: 3, total: HPE_DEFINED_SETTINGS.length + 4 });
    const clamped = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?limit=100000` });
    expect(clamped.json().count).toBe(HPE_DEFINED_SETTINGS.length + 4);
    const selected = await t.call(t.callers.adminA, { method: 'GET', url: `${filterUrl(V1, "name eq 'R0'")}&select=name,settings/DEFAULT/raidType` });
    expect(selected.json().items).toEqual([{ name: 'R0', settings: { DEFAULT: { raidType: 'RAID0' } } }]);
  });
});

describe('settings across versions', () => {
  it('v1, v1beta1 and the legacy server-settings show the same record with their own shapes and prefixes', async () => {
    const fw = await create({ name: 'Shared', category: 'FIRMWARE', settings: SAMPLES.FIRMWARE });
    const beta = expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${fw.id}` }), 'v1beta1');
    expect(beta.settings).toEqual(fw.settings);
    const legacy = expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${fw.id}` }), 'server-settings');
    expect(legacy).toMatchObject({ id: fw.id, type: 'compute-ops/server-setting', resourceUri: `${LEGACY}/${fw.id}`, platformFamily: 'ANY', generation: 1 });
    expect(legacy.settings).toEqual({ GEN10: { id: 'a9383ef62e362a0072b2947c923ba257' }, GEN11: { id: 'c41d9e0b7a2f4e3c8b5d6a7f8e9d0c1b' } });
    // A legacy patch cannot see the exclusions, and does not erase them.
    const patched = await t.call(t.callers.adminA, { method: 'PATCH', url: `${LEGACY}/${fw.id}`, headers: mergePatch, payload: { settings: { GEN11: { id: 'newer', componentExclusions: [] } } } });
    expect(expectSetting(patched, 'server-settings').settings.GEN11).toEqual({ id: 'newer' });
    expect((await get(fw.id)).settings.GEN11).toEqual({ ...SAMPLES.FIRMWARE!.GEN11 as object, id: 'newer' });
    const legacyV1 = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1/settings/${fw.id}` });
    expect(legacyV1.json()).toMatchObject({ type: 'compute-ops/setting', resourceUri: `/compute-ops/v1/settings/${fw.id}` });
  });

  it('shows the HPE iLO setting in full through v1 and in the older, smaller shape through v1beta1', async () => {
    const filter = `category eq 'ILO'`;
    const [full] = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, filter) }), 'v1').items;
    const [small] = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1BETA1, filter) }), 'v1beta1').items;
    expect(full!.id).toBe(small!.id);
    expect(full!.settings.DEFAULT).toMatchObject({ Attributes: { NetworkProtocol: { IPMI: { ProtocolEnabled: false } }, AccountService: { AuthFailureDelayTimeSeconds: 10 } } });
    expect(small!.settings.DEFAULT).toEqual({
      Attributes: {
        1: { RequiredLoginForiLORBSU: true },
        AccountService: { AuthFailureLoggingThreshold: 3, EnforcePasswordComplexity: true, MinPasswordLength: 8 },
        NetworkProtocol: { IPMI_ProtocolEnabled: false },
        SecurityService: { GlobalComponentIntegrity: 'Enabled' },
        SnmpService: { SNMPv1Enabled: false },
      },
    });
  });
});

describe('settings mapper round trips', () => {
  const scope = { prefix: 'compute-ops-mgmt', version: 'v1' } as const;
  const text = fc.string({ maxLength: 30 }).filter((x) => !x.includes('\u0000'));
  const setting = fc.record({
    name: fc.string({ minLength: 1, maxLength: 100 }),
    description: fc.option(text, { nil: null }),
    category: fc.constantFrom(...SETTING_CATEGORIES.filter((c) => c !== 'ILO')),
    settings: fc.dictionary(fc.constantFrom('DEFAULT', 'GEN10', 'GEN11', 'GEN12'), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue())),
  });

  it('fromVx(toVx(s)) gives back what was stored, for every version and every category a client can write', () => {
    fc.assert(
      fc.property(setting, (content) => {
        const s = { ...content, id: 'x', workspaceId: 'w', hpeDefined: false, generation: 1, createdAt: '', updatedAt: '' } as Setting;
        for (const [to, from] of [[toV1, fromV1], [toV1beta1, fromV1beta1]] as const) {
          const wire = to(s, scope);
          expect(from({ name: wire.name, description: wire.description, category: wire.category, settings: wire.settings })).toEqual(content);
        }
      }),
    );
  });

  it('a BIOS document written through any version reads back the same through every version', async () => {
    const attributes = fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/), fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(attributes, fc.constantFrom(V1, V1BETA1, LEGACY), async (Attributes, base) => {
        const payload = { name: 'Round trip', category: 'BIOS', settings: { DEFAULT: { redfishData: { Attributes } } } };
        const created = (await t.call(t.callers.adminA, { method: 'POST', url: base, headers: json, payload })).json() as Wire;
        for (const [url, flavour] of [[V1, 'v1'], [V1BETA1, 'v1beta1'], [LEGACY, 'server-settings']] as const) {
          const read = expectSetting(await t.call(t.callers.adminA, { method: 'GET', url: `${url}/${created.id}` }), flavour);
          expect(read.settings).toEqual(payload.settings);
        }
        expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${created.id}` })).statusCode).toBe(204);
      }),
      { numRuns: 15 },
    );
  });
});
