// groups, bad input: every documented rule answers its 4xx with the right subjects, and a refused request
// changes nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import type { ErrorKey } from '../../http/com-error.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addServers, assign, BIOS, createGroup, createSetting, FIRMWARE, filterUrl, ILO, json, mergePatch, NOBODY, unassign, V1, V1BETA2, V1BETA3, type Wire } from './groups.fixtures.ts';

let t: TestApp;
let group: Wire;
let other: Wire;
let uris: Record<'firmware' | 'firmware2' | 'bios' | 'ilo' | 'hpeIlo' | 'appliance', string>;

beforeAll(async () => {
  t = await openTestApp();
  await addServers(t, t.workspaces.A, 1);
  const s = (body: Record<string, unknown>) => createSetting(t, t.callers.adminA, body).then((x) => x.resourceUri);
  const listed = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl('/compute-ops-mgmt/v1/settings', "category eq 'ILO'") });
  uris = {
    firmware: await s({ name: 'FW1', ...FIRMWARE }),
    firmware2: await s({ name: 'FW2', ...FIRMWARE }),
    bios: await s({ name: 'BIOS1', ...BIOS }),
    ilo: await s({ name: 'ILO1', ...ILO }),
    hpeIlo: (listed.json().items as { resourceUri: string }[])[0]!.resourceUri,
    appliance: await s({ name: 'OV', category: 'OVE_SOFTWARE_VM', settings: { DEFAULT: { applianceFirmwareId: 'b0bd9a1c-0d3a-4e8b-a6d4-7f5ad17e0f40' } } }),
  };
  group = await createGroup(t, t.callers.adminA, { name: 'Existing', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Rack: 'R1' } });
  other = await createGroup(t, t.callers.adminA, { name: 'Other', deviceType: 'DIRECT_CONNECT_SERVER' });
});
afterAll(() => t.close());

/** Runs a refused request and checks it stored nothing. */
async function refused(request: Parameters<TestApp['call']>[1], status: number, subjects: string[] = [], key?: ErrorKey) {
  const before = await snapshot(t.store);
  expectComError(await t.call(t.callers.adminA, request), status, { subjects, ...(key ? { key } : {}) });
  expect(await snapshot(t.store)).toEqual(before);
}

const server = { deviceType: 'DIRECT_CONNECT_SERVER' };

describe('create refuses bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing name', { ...server }, 'name'],
    ['an empty name', { ...server, name: '' }, 'name'],
    ['a 101-character name', { ...server, name: 'n'.repeat(101) }, 'name'],
    ['a 10001-character description', { ...server, name: 'x', description: 'd'.repeat(10001) }, 'description'],
    ['a missing deviceType', { name: 'x' }, 'deviceType'],
    ['an unknown deviceType', { name: 'x', deviceType: 'SERVER' }, 'deviceType'],
    ['a setting URI that is not one', { ...server, name: 'x', settingsUris: ['/compute-ops-mgmt/v1/servers/abc'] }, 'settingsUris.0'],
    ['an unknown setting', { ...server, name: 'x', settingsUris: [`/compute-ops-mgmt/v1/settings/${NOBODY}`] }, 'settingsUris.0'],
    ['two firmware baselines', { ...server, name: 'x', settingsUris: ['FW1', 'FW2'] }, 'settingsUris.1'],
    ['an HPE and a user iLO setting', { ...server, name: 'x', settingsUris: ['ILO1', 'HPEILO'] }, 'settingsUris.1'],
    ['an appliance setting in a server group', { ...server, name: 'x', settingsUris: ['OV'] }, 'settingsUris.0'],
    ['a server setting in an appliance group', { deviceType: 'OVE_APPLIANCE_VM', name: 'x', settingsUris: ['BIOS1'] }, 'settingsUris.0'],
    ['an OS timeout under 60 minutes', { ...server, name: 'x', policies: { onDeviceAdd: { osCompletionTimeoutMin: 30 } } }, 'policies.onDeviceAdd.osCompletionTimeoutMin'],
    ['a policy flag that is not a boolean', { ...server, name: 'x', policies: { onDeviceAdd: { firmwareUpdate: 'yes' } } }, 'policies.onDeviceAdd.firmwareUpdate'],
    ['a storage volume id that is not a UUID', { ...server, name: 'x', policies: { onDeviceAdd: { storageVolumes: [{ id: 'v1', name: 'boot' }] } } }, 'policies.onDeviceAdd.storageVolumes.0.id'],
    ['two auto-add tags', { ...server, name: 'x', autoAddTags: { a: '1', b: '2' } }, 'autoAddTags'],
    ['a tag value that is not text', { ...server, name: 'x', autoAddTags: { a: 1 } }, 'autoAddTags.a'],
  ];
  const named = (body: Record<string, unknown>) => ({
    ...body,
    ...(body.settingsUris ? { settingsUris: (body.settingsUris as string[]).map((u) => ({ FW1: uris.firmware, FW2: uris.firmware2, ILO1: uris.ilo, HPEILO: uris.hpeIlo, OV: uris.appliance, BIOS1: uris.bios })[u] ?? u) } : {}),
  });
  for (const [what, body, subject] of cases) {
    it(`answers 400 for ${what}`, async () => {
      await refused({ method: 'POST', url: V1, headers: json, payload: named(body) }, 400, [subject]);
    });
  }

  it('answers 409 for a taken name, ignoring case, in every version', async () => {
    await refused({ method: 'POST', url: V1, headers: json, payload: { ...server, name: 'EXISTING' } }, 409, [], 'CONFLICT');
    await refused({ method: 'POST', url: V1BETA3, headers: json, payload: { ...server, name: 'existing' } }, 409);
    await refused({ method: 'POST', url: V1BETA2, headers: json, payload: { name: 'Existing' } }, 409);
  });

  it('answers 400 on v1beta2 when autoFwUpdateOnAdd and the firmware policy disagree, and for its own member names', async () => {
    await refused({ method: 'POST', url: V1BETA2, headers: json, payload: { name: 'x', autoFwUpdateOnAdd: true, serverPolicies: { onServerAdd: { firmwareUpdate: false } } } }, 400, ['autoFwUpdateOnAdd']);
    await refused({ method: 'POST', url: V1BETA2, headers: json, payload: { name: 'x', serverSettingsUris: [`/compute-ops/v1beta1/server-settings/${NOBODY}`] } }, 400, ['serverSettingsUris.0']);
    await refused({ method: 'POST', url: V1BETA2, headers: json, payload: { name: 'x', platformFamily: 'OVE_APPLIANCE_VM' } }, 400, ['platformFamily']);
  });

  it('answers 415 for a body that is not JSON', async () => {
    await refused({ method: 'POST', url: V1, headers: { 'content-type': 'text/plain' }, payload: 'name=x' }, 415);
  });
});

describe('update and delete refuse bad input', () => {
  it('refuses a deviceType change, a taken name or tag, stale If-Match and a wrong media type', async () => {
    await refused({ method: 'PATCH', url: `${V1}/${group.id}`, headers: mergePatch, payload: { deviceType: 'OVE_APPLIANCE_VM' } }, 400, ['deviceType']);
    await refused({ method: 'PATCH', url: `${V1BETA2}/${group.id}`, headers: mergePatch, payload: { platformFamily: 'OVE_APPLIANCE_VM' } }, 400, ['deviceType']);
    await refused({ method: 'PATCH', url: `${V1}/${other.id}`, headers: mergePatch, payload: { name: 'existing' } }, 400, ['name'], 'ALREADY_EXISTS');
    await refused({ method: 'PATCH', url: `${V1BETA2}/${other.id}`, headers: mergePatch, payload: { autoAddServerTags: { RACK: 'r1' } } }, 400, ['autoAddServerTags'], 'ALREADY_EXISTS');
    await refused({ method: 'PATCH', url: `${V1}/${group.id}`, headers: { ...mergePatch, 'if-match': '"99"' }, payload: { name: 'y' } }, 412, [], 'PRECONDITION_FAILED');
    await refused({ method: 'PATCH', url: `${V1}/${group.id}`, headers: json, payload: { name: 'y' } }, 415);
    await refused({ method: 'PATCH', url: `${V1BETA2}/${group.id}`, headers: mergePatch, payload: { firmwareBaseline: '' } }, 400, ['firmwareBaseline']);
    await refused({ method: 'PATCH', url: `${V1}/${group.id}`, headers: mergePatch, payload: { settingsUris: [uris.firmware, uris.firmware2] } }, 400, ['settingsUris.1']);
    await refused({ method: 'DELETE', url: `${V1}/${group.id}`, headers: { 'if-match': '7' } }, 412);
    await refused({ method: 'DELETE', url: `${V1}/${group.id}?force=maybe` }, 400, ['force']);
  });

  it('answers 404 for unknown, odd or deleted group ids on every route', async () => {
    for (const id of [NOBODY, 'not-a-uuid']) {
      for (const base of [V1, V1BETA3, V1BETA2]) {
        await refused({ method: 'GET', url: `${base}/${id}` }, 404, [], 'NOT_FOUND');
        await refused({ method: 'PATCH', url: `${base}/${id}`, headers: mergePatch, payload: { description: 'x' } }, 404);
        await refused({ method: 'DELETE', url: `${base}/${id}?force=true` }, 404);
        await refused({ method: 'GET', url: `${base}/${id}/devices` }, 404);
        await refused({ method: 'GET', url: `${base}/${id}/compliance` }, 404);
        await refused({ method: 'GET', url: `${base}/${id}/compliance/${NOBODY}` }, 404);
        await refused({ method: 'GET', url: `${base}/${id}/external-storage-compliance` }, 404);
      }
      await refused({ method: 'POST', url: `${V1}/${id}/devices`, headers: json, payload: { devices: [{ deviceId: 'a+b' }] } }, 404);
      await refused({ method: 'POST', url: `${V1BETA3}/${id}/devices/unassign?force=true` }, 404);
      await refused({ method: 'GET', url: `${V1BETA3}/${id}/ilo-settings-compliance` }, 404);
      await refused({ method: 'POST', url: `${V1BETA2}/${id}/devices`, headers: json, payload: { devices: [{ serverId: 'a+b' }] } }, 404);
      await refused({ method: 'DELETE', url: `${V1BETA2}/${id}/devices/a+b` }, 404);
    }
    await refused({ method: 'GET', url: `${V1}/${group.id}/compliance/${NOBODY}` }, 404);
    await refused({ method: 'GET', url: `${V1BETA2}/${group.id}/ilo-settings-compliance/not-an-id` }, 404);
  });
});

describe('membership requests refuse bad input before anything is recorded', () => {
  it('answers 400 for empty or malformed device lists, and unassign without devices or force', async () => {
    await refused({ method: 'POST', url: `${V1}/${group.id}/devices`, headers: json, payload: { devices: [] } }, 400, ['devices']);
    await refused({ method: 'POST', url: `${V1}/${group.id}/devices`, headers: json, payload: { devices: [{ deviceId: 'no plus here' }] } }, 400, ['devices.0.deviceId']);
    await refused({ method: 'POST', url: `${V1}/${group.id}/devices`, headers: json, payload: { devices: [{ eTag: '0x1' }] } }, 400, ['devices.0.deviceId']);
    await refused({ method: 'POST', url: `${V1}/${group.id}/devices/unassign` }, 400, ['devices']);
    await refused({ method: 'POST', url: `${V1}/${group.id}/devices/unassign`, headers: json, payload: { devices: [] } }, 400, ['devices']);
    await refused({ method: 'POST', url: `${V1}/${group.id}/devices`, headers: { 'content-type': 'text/plain' }, payload: 'x' }, 415);
    await refused({ method: 'DELETE', url: `${V1BETA2}/${group.id}/devices` }, 400, ['id']);
    await refused({ method: 'DELETE', url: `${V1BETA2}/${group.id}/devices?id=nope` }, 400, ['id']);
    expectComError(await unassign(t, t.callers.adminA, group.id, null, 'force=true&reset-subsystems=BIOS&reset-subsystems=STORAGE'), 400, { subjects: ['reset-subsystems'] });
    expect((await assign(t, t.callers.adminA, group.id, [{ deviceId: 'P00000-B21+NOSUCH' }])).statusCode).toBe(202);
  });

  it('answers 400 for bad filters, sorts and paging on lists', async () => {
    for (const url of [
      filterUrl(V1, "colour eq 'red'"),
      filterUrl(V1, "name eq 'unterminated"),
      `${V1}?sort=colour`,
      `${V1BETA2}?limit=abc`,
      filterUrl(`${V1}/${group.id}/devices`, "colour eq 'red'"),
      filterUrl(`${V1BETA3}/${group.id}/compliance`, 'score eq'),
      filterUrl(`${V1BETA2}/${group.id}/devices`, "deviceType eq 'x'"),
    ]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url }), 400);
    }
    // A too-large limit is clamped, not refused (client-compat.md).
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?limit=5000` })).statusCode).toBe(200);
  });
});
