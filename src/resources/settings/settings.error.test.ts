// settings v1 and v1beta1, bad input: every documented rule answers its 4xx with the right subjects, and a
// refused request changes nothing stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { ILO_SECURITY_NAME } from './hpe-defined.ts';
import { expectSetting, expectSettingCollection, filterUrl, json, mergePatch, SAMPLES, V1, V1BETA1, type Wire } from './settings.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM device_settings WHERE hpe_defined = ?', [false]);
  // Seeds the HPE records first, so "nothing changed" below is about the request alone.
  await t.call(t.callers.adminA, { method: 'GET', url: V1 });
});

async function create(body: Record<string, unknown>): Promise<Wire> {
  return expectSetting(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: body }), 'v1', 201);
}

async function hpeDefined(category: string): Promise<Wire> {
  const res = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1, `category eq '${category}' and name eq '${ILO_SECURITY_NAME}'`) });
  return expectSettingCollection(res, 'v1').items[0]!;
}

const storage = (volumes: unknown[]) => ({ DEFAULT: { volumes } });
const os = (osType: string, mediaUrl = 'https://x.example/os.iso') => ({ DEFAULT: { osType, mediaUrl } });

describe('settings create refuses bad input with 400 and stores nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing name', { category: 'BIOS', settings: SAMPLES.BIOS }, 'name'],
    ['an empty name', { name: '', category: 'BIOS', settings: SAMPLES.BIOS }, 'name'],
    ['a 101-character name', { name: 'n'.repeat(101), category: 'BIOS', settings: SAMPLES.BIOS }, 'name'],
    ['a 10001-character description', { name: 'x', description: 'd'.repeat(10001), category: 'BIOS', settings: SAMPLES.BIOS }, 'description'],
    ['a missing category', { name: 'x', settings: SAMPLES.BIOS }, 'category'],
    ['an unknown category', { name: 'x', category: 'NETWORK', settings: SAMPLES.BIOS }, 'category'],
    ['the HPE-only ILO category', { name: 'x', category: 'ILO', settings: { DEFAULT: { Attributes: {} } } }, 'category'],
    ['no settings', { name: 'x', category: 'OS' }, 'settings'],
    ['settings that are not an object', { name: 'x', category: 'OS', settings: 'DEFAULT' }, 'settings'],
    ['a key the category does not use', { name: 'x', category: 'BIOS', settings: { GEN10: { id: 'b' } } }, 'settings.GEN10'],
    ['firmware without a generation', { name: 'x', category: 'FIRMWARE', settings: { DEFAULT: { id: 'b' } } }, 'settings'],
    ['firmware without a bundle id', { name: 'x', category: 'FIRMWARE', settings: { GEN11: { componentExclusionsEnabled: true } } }, 'settings.GEN11.id'],
    ['an unknown settings key', { name: 'x', category: 'BIOS', settings: { DEFAULTS: {} } }, 'settings.DEFAULTS'],
    ['DEFAULT sent twice', { name: 'x', category: 'BIOS', settings: { DEFAULT: {}, Default: {} } }, 'settings.DEFAULT'],
    ['a payload that is not an object', { name: 'x', category: 'BIOS', settings: { DEFAULT: [1] } }, 'settings.DEFAULT'],
    ['a BIOS attribute that is an object', { name: 'x', category: 'BIOS', settings: { DEFAULT: { redfishData: { Attributes: { A: {} } } } } }, 'settings.DEFAULT.redfishData.Attributes.A'],
    ['an unknown OS type', { name: 'x', category: 'OS', settings: os('BEOS') }, 'settings.DEFAULT.osType'],
    ['a server-settings-only OS type', { name: 'x', category: 'OS', settings: os('ROCKY_LINUX') }, 'settings.DEFAULT.osType'],
    ['an OS image that is not a URL', { name: 'x', category: 'OS', settings: os('RHEL', 'rhel.iso') }, 'settings.DEFAULT.mediaUrl'],
    ['an OS without an image', { name: 'x', category: 'OS', settings: { DEFAULT: { osType: 'RHEL' } } }, 'settings.DEFAULT.mediaUrl'],
    ['a volume size of 0', { name: 'x', category: 'STORAGE', settings: { DEFAULT: { raidType: 'RAID1', volumeSizeInGB: 0 } } }, 'settings.DEFAULT.volumeSizeInGB'],
    ['RAID6 as a single volume', { name: 'x', category: 'STORAGE', settings: { DEFAULT: { raidType: 'RAID6', volumeSizeInGB: 10 } } }, 'settings.DEFAULT.raidType'],
    ['no volumes', { name: 'x', category: 'STORAGE', settings: storage([]) }, 'settings.DEFAULT.volumes'],
    ['an unknown RAID type', { name: 'x', category: 'STORAGE', settings: storage([{ raidType: 'RAID7' }]) }, 'settings.DEFAULT.volumes.0.raidType'],
    ['spare drives with RAID0', { name: 'x', category: 'STORAGE', settings: storage([{ raidType: 'RAID0', spareDriveCount: 1 }]) }, 'settings.DEFAULT.volumes.0.spareDriveCount'],
    ['too few drives for RAID5', { name: 'x', category: 'STORAGE', settings: storage([{ raidType: 'RAID5', driveCount: 2 }]) }, 'settings.DEFAULT.volumes.0.driveCount'],
    ['a volume id that is not a uuid', { name: 'x', category: 'STORAGE', settings: storage([{ raidType: 'RAID1', id: 'vol-1' }]) }, 'settings.DEFAULT.volumes.0.id'],
    ['an unknown drive technology', { name: 'x', category: 'STORAGE', settings: storage([{ raidType: 'RAID1', driveTechnology: 'TAPE' }]) }, 'settings.DEFAULT.volumes.0.driveTechnology'],
    ['an unknown host OS', { name: 'x', category: 'EXTERNAL_STORAGE', settings: { DEFAULT: { externalStorageHostOs: 'BEOS' } } }, 'settings.DEFAULT.externalStorageHostOs'],
    ['no consent to store appliance secrets', { name: 'x', category: 'OVE_APPLIANCE_SETTINGS_ANY', settings: { DEFAULT: { allowSensitiveInfoUse: false, sourceApplianceId: 'a' } } }, 'settings.DEFAULT.allowSensitiveInfoUse'],
    ['a reserved VLAN range of 50', { name: 'x', category: 'OVE_APPLIANCE_SETTINGS_SYNERGY', settings: { DEFAULT: { allowSensitiveInfoUse: true, sourceApplianceId: 'a', globalSettings: { reservedVlanRange: { start: 100, length: 50 } } } } }, 'settings.DEFAULT.globalSettings.reservedVlanRange.length'],
    ['server templates without data', { name: 'x', category: 'OVE_SERVER_TEMPLATES_VM', settings: { DEFAULT: {} } }, 'settings.DEFAULT.data'],
    ['appliance software without a bundle', { name: 'x', category: 'OVE_SOFTWARE_VM', settings: { DEFAULT: {} } }, 'settings.DEFAULT.applianceFirmwareId'],
    ['a short SNMPv3 passphrase', { name: 'x', category: 'ILO_SETTINGS', settings: { DEFAULT: { SnmpService: { SNMPv3Users: [{ SecurityName: 'ops', AuthPassphrase: 'short' }] } } } }, 'settings.DEFAULT.SnmpService.SNMPv3Users.0.AuthPassphrase'],
    ['an iLO section that is not an object', { name: 'x', category: 'ILO_SETTINGS', settings: { DEFAULT: { AccountService: 3 } } }, 'settings.DEFAULT.AccountService'],
  ];

  it.each(cases)('%s', async (_name, body, subject) => {
    const before = await snapshot(t.store);
    for (const base of [V1, V1BETA1]) {
      expectComError(await t.call(t.callers.adminA, { method: 'POST', url: base, headers: json, payload: body }), 400, { key: 'BAD_REQUEST', subjects: [subject] });
    }
    expect(await snapshot(t.store)).toEqual(before);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }, 415],
    ['merge-patch', mergePatch, 415],
    ['no content type', {}, 415],
  ] as const)('answers %s on POST with %i', async (_name, headers, status) => {
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers, payload: JSON.stringify({ name: 'x', category: 'OS', settings: SAMPLES.OS }) }), status);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('refuses a duplicate name in the same category with 409, and allows it in another', async () => {
    const first = await create({ name: 'Twin', category: 'BIOS', settings: SAMPLES.BIOS });
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1BETA1, headers: json, payload: { name: 'Twin', category: 'BIOS', settings: {} } }), 400);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1BETA1, headers: json, payload: { name: 'Twin', category: 'BIOS', settings: SAMPLES.BIOS } }), 409, { key: 'CONFLICT' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { name: 'Low Latency', category: 'BIOS', settings: SAMPLES.BIOS } }), 409, { key: 'CONFLICT' });
    expect(await snapshot(t.store)).toEqual(before);
    expect((await create({ name: 'Twin', category: 'OS', settings: SAMPLES.OS })).id).not.toBe(first.id);
  });
});

describe('settings patch refuses bad input and changes nothing', () => {
  it('keeps HPE-provided settings read-only with 400', async () => {
    for (const category of ['ILO', 'ILO_SETTINGS']) {
      const hpe = await hpeDefined(category);
      const before = await snapshot(t.store);
      for (const [payload, subjects] of [
        [{ name: 'mine now' }, ['name']],
        [{ description: null, settings: { DEFAULT: { Attributes: {} } } }, ['description', 'settings']],
        [{}, ['settings']],
      ] as const) {
        const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${hpe.id}`, headers: mergePatch, payload });
        expectComError(res, 400, { key: 'BAD_REQUEST', subjects: [...subjects] });
      }
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${hpe.id}?force=true` }), 409, { key: 'CONFLICT' });
      expect(await snapshot(t.store)).toEqual(before);
    }
  });

  it('refuses what the rules forbid after merging', async () => {
    const fw = await create({ name: 'FW', category: 'FIRMWARE', settings: { GEN10: { id: 'b1' } } });
    const tpl = await create({ name: 'TPL', category: 'OVE_SERVER_TEMPLATES_VM', settings: SAMPLES.OVE_SERVER_TEMPLATES_VM });
    await create({ name: 'Taken', category: 'FIRMWARE', settings: { GEN12: { id: 'b2' } } });
    const before = await snapshot(t.store);
    const cases: [string, Record<string, unknown>, string, string?][] = [
      [fw.id, { settings: { GEN10: null } }, 'settings'],
      [fw.id, { settings: { GEN10: { id: 7 } } }, 'settings.GEN10.id'],
      [fw.id, { settings: { DEFAULT: { id: 'x' } } }, 'settings.DEFAULT'],
      [fw.id, { settings: { GEN10: 'b3' } }, 'settings.GEN10'],
      [fw.id, { category: 'BIOS' }, 'category'],
      [fw.id, { name: '' }, 'name'],
      [fw.id, { name: 'Taken' }, 'name', 'ALREADY_EXISTS'],
      [tpl.id, { settings: { DEFAULT: { data: [] } } }, 'settings'],
    ];
    for (const [id, payload, subject, key] of cases) {
      const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${id}`, headers: mergePatch, payload });
      expectComError(res, 400, { key: (key ?? 'BAD_REQUEST') as 'BAD_REQUEST', subjects: [subject] });
    }
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${fw.id}`, headers: json, payload: { name: 'json' } }), 415);
    expect(await snapshot(t.store)).toEqual(before);
  });
});

describe('settings ids and query parameters', () => {
  it.each([
    ['not a uuid', 'abc'],
    ['a uuid nobody has', '00000000-0000-4000-8000-000000000000'],
    ['an encoded path traversal', '%2e%2e%2fetc'],
    ['a very long id', 'a'.repeat(400)],
  ])('answers 404 for %s on every operation', async (_name, id) => {
    for (const base of [V1, V1BETA1]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${id}` }), 404);
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${base}/${id}`, headers: mergePatch, payload: { name: 'x' } }), 404);
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${base}/${id}` }), 404);
    }
  });

  it('answers 400 to a force that is not a boolean', async () => {
    const s = await create({ name: 'Kept', category: 'OS', settings: SAMPLES.OS });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${s.id}?force=maybe` }), 400, { subjects: ['force'] });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${s.id}` })).statusCode).toBe(200);
  });

  it.each([
    ['filter', 'category eq'],
    ['filter', 'createdAt gt 2020-01-01T00:00:00Z'],
    ['filter', "nosuch eq 'x'"],
    ['sort', 'generation desc'],
    ['offset', '-1'],
    ['limit', 'ten'],
    ['select', '//'],
  ])('answers 400 naming a bad %s (%s)', async (parameter, value) => {
    for (const base of [V1, V1BETA1]) {
      const res = await t.call(t.callers.adminA, { method: 'GET', url: `${base}?${parameter}=${encodeURIComponent(value)}` });
      expectComError(res, 400, { key: 'INVALID_QUERY', subjects: [parameter] });
    }
  });
});
