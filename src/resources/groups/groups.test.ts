// groups v1, v1beta3 and v1beta2, the happy paths: one group store seen through three versions, CRUD, lists
// with filters, the legacy firmwareBaseline, and settings that groups use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { BIOS, createGroup, createSetting, expectGroup, expectGroups, filterUrl, FIRMWARE, ILO, json, mergePatch, V1, V1BETA2, V1BETA3, type Wire } from './groups.fixtures.ts';

let t: TestApp;
let firmware: { id: string; resourceUri: string };
let bios: { id: string; resourceUri: string };
let ilo: { id: string; resourceUri: string };

beforeAll(async () => {
  t = await openTestApp();
  firmware = await createSetting(t, t.callers.adminA, { name: 'SPP 2025', ...FIRMWARE });
  bios = await createSetting(t, t.callers.adminA, { name: 'Virtualization BIOS', ...BIOS });
  ilo = await createSetting(t, t.callers.adminA, { name: 'Hardened iLO', ...ILO });
});
afterAll(() => t.close());

const get = async (url: string, v: 'v1' | 'v1beta3' | 'v1beta2') => expectGroup(await t.call(t.callers.adminA, { method: 'GET', url }), v);
const patch = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) => t.call(t.callers.adminA, { method: 'PATCH', url, headers: { ...mergePatch, ...headers }, payload });

describe('groups: create and read in every version', () => {
  let group: Wire;

  it('creates a server group (v1) with 201, Location and the full body', async () => {
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: V1,
      headers: json,
      payload: {
        name: 'ESXi-Prod-Rack12',
        description: 'DL380 Gen11 hypervisors',
        deviceType: 'DIRECT_CONNECT_SERVER',
        settingsUris: [firmware.resourceUri, `/compute-ops-mgmt/v1beta1/settings/${bios.id}`],
        policies: { onDeviceAdd: { firmwareUpdate: true, firmwarePowerOff: false }, onDeviceApply: { firmwareDowngrade: false } },
        autoAddTags: { Rack: 'R12' },
      },
    });
    group = expectGroup(res, 'v1', 201);
    expect(res.headers.location).toBe(`${V1}/${group.id}`);
    expect(group).toMatchObject({
      name: 'ESXi-Prod-Rack12',
      description: 'DL380 Gen11 hypervisors',
      deviceType: 'DIRECT_CONNECT_SERVER',
      generation: 1,
      resourceUri: `${V1}/${group.id}`,
      selfUri: `${V1}/${group.id}`,
      settingsUris: [`/compute-ops-mgmt/v1/settings/${firmware.id}`, `/compute-ops-mgmt/v1/settings/${bios.id}`],
      autoAddTags: { Rack: 'R12' },
      devicesUri: `${V1}/${group.id}/devices`,
      devices: [],
      // No members: nothing to be compliant (groups.md §2 roll-up).
      complianceStatus: 'NOT_APPLICABLE',
      securityStatus: 'OK',
      groupCompliance: { summary: 'NOT_APPLICABLE', firmware: { status: 'NOT_APPLICABLE' }, iloSettings: { status: 'NOT_APPLICABLE' } },
    });
    expect(group.policies).toEqual({
      onDeviceAdd: {
        firmwareUpdate: true,
        firmwarePowerOff: false,
        biosApplySettings: false,
        biosFactoryReset: false,
        iloApplySettings: false,
        storageConfiguration: false,
        storageVolumeDeletion: false,
        externalStorageConfiguration: false,
        osInstall: false,
        osCompletionTimeoutMin: 240,
      },
      onDeviceApply: { firmwareDowngrade: false },
    });
  });

  it('shows the same group through v1beta3 (settings v1beta1 URIs, the downgrade alias) and v1beta2', async () => {
    const beta3 = await get(`${V1BETA3}/${group.id}`, 'v1beta3');
    expect(beta3).toMatchObject({ id: group.id, resourceUri: `${V1BETA3}/${group.id}`, settingsUris: [`/compute-ops-mgmt/v1beta1/settings/${firmware.id}`, `/compute-ops-mgmt/v1beta1/settings/${bios.id}`] });
    expect((beta3.policies as { onDeviceAdd: Record<string, unknown> }).onDeviceAdd.firmwareDowngrade).toBe(false);
    const beta2 = await get(`${V1BETA2}/${group.id}`, 'v1beta2');
    expect(beta2).toMatchObject({
      id: group.id,
      type: 'compute-ops/group',
      resourceUri: `${V1BETA2}/${group.id}`,
      platformFamily: 'ANY',
      autoFwUpdateOnAdd: true,
      groupComplianceStatus: 'NOT_APPLICABLE',
      autoAddServerTags: { Rack: 'R12' },
      serverSettingsUris: [`/compute-ops/v1beta1/server-settings/${firmware.id}`, `/compute-ops/v1beta1/server-settings/${bios.id}`],
      groupMeta: null,
    });
    expect((beta2.serverPolicies as { onServerAdd: Record<string, unknown> }).onServerAdd).toMatchObject({ firmwareUpdate: true, osImageSettings: false, osCompletionTimeoutMin: 240 });
    // Both prefixes serve every version; resourceUri and type follow the one used.
    const other = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/groups/${group.id}` });
    expect(other.json()).toMatchObject({ type: 'compute-ops-mgmt/group', resourceUri: `/compute-ops-mgmt/v1beta2/groups/${group.id}` });
  });

  it('creates through v1beta2 with platformFamily stored as ANY and autoFwUpdateOnAdd as the firmware policy', async () => {
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: V1BETA2,
      headers: json,
      payload: { name: 'Legacy group', platformFamily: 'PROLIANT', autoFwUpdateOnAdd: true, serverSettingsUris: [`/api/compute/v1/server-settings/${ilo.id}`], serverPolicies: { onServerAdd: { osImageSettings: true } }, data: {} },
    });
    const created = expectGroup(res, 'v1beta2', 201);
    expect(res.headers.location).toBe(`${V1BETA2}/${created.id}`);
    expect(created).toMatchObject({ platformFamily: 'ANY', autoFwUpdateOnAdd: true, serverSettingsUris: [`/compute-ops/v1beta1/server-settings/${ilo.id}`] });
    const v1 = await get(`${V1}/${created.id}`, 'v1');
    expect(v1).toMatchObject({ deviceType: 'DIRECT_CONNECT_SERVER', policies: { onDeviceAdd: { firmwareUpdate: true, osInstall: true } }, autoAddTags: {} });
  });

  it('creates OneView appliance groups (v1beta3) with opaque policies', async () => {
    const vm = await createGroup(t, t.callers.adminA, { name: 'OneView VMs', deviceType: 'OVE_APPLIANCE_VM' }, 'v1beta3');
    expect(vm).toMatchObject({ deviceType: 'OVE_APPLIANCE_VM', policies: { onDeviceAdd: null }, settingsUris: [] });
    const synergy = await createGroup(t, t.callers.adminA, { name: 'Synergy frames', deviceType: 'OVE_APPLIANCE_SYNERGY', policies: { onDeviceAdd: { applianceSettings: true } } }, 'v1');
    expect(synergy.policies).toEqual({ onDeviceAdd: { applianceSettings: true } });
    expect((await get(`${V1BETA2}/${synergy.id}`, 'v1beta2')).platformFamily).toBe('OVE_APPLIANCE_SYNERGY');
  });
});

describe('groups: lists', () => {
  beforeAll(async () => {
    for (const [name, tag] of [['Alpha', 'A1'], ['beta', 'B1'], ['Gamma', 'G1']] as const) {
      await createGroup(t, t.callers.adminA, { name, deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Department: `Dept ${tag}` }, settingsUris: name === 'Gamma' ? [firmware.resourceUri] : [] });
    }
  });

  const list = async (url: string, v: 'v1' | 'v1beta3' | 'v1beta2' = 'v1') => expectGroups(await t.call(t.callers.adminA, { method: 'GET', url }), v);

  it('lists every group in every version, sorted by name by default', async () => {
    const v1 = await list(V1);
    expect(v1.total).toBeGreaterThanOrEqual(7);
    expect((await list(V1BETA3, 'v1beta3')).total).toBe(v1.total);
    expect((await list(V1BETA2, 'v1beta2')).total).toBe(v1.total);
    expect(v1.items.map((g) => g.name)).toEqual([...v1.items.map((g) => g.name)].sort());
  });

  it('filters on the documented properties, nested tags included, and sorts and pages', async () => {
    const names = async (url: string, v: 'v1' | 'v1beta3' | 'v1beta2' = 'v1') => (await list(url, v)).items.map((g) => g.name);
    expect(await names(filterUrl(V1, "name eq 'Alpha'"))).toEqual(['Alpha']);
    expect(await names(filterUrl(V1, "autoAddTags/Department eq 'Dept B1'"))).toEqual(['beta']);
    expect(await names(filterUrl(V1BETA3, "not autoAddTags/Department eq 'Dept B1' and contains(name,'a')"), 'v1beta3')).toEqual(expect.arrayContaining(['Alpha', 'Gamma']));
    expect(await names(filterUrl(V1, "deviceType eq 'OVE_APPLIANCE_VM'"))).toEqual(['OneView VMs']);
    expect(await names(filterUrl(V1, `contains(settingsUris,'${firmware.id}') and name eq 'Gamma'`))).toEqual(['Gamma']);
    expect(await names(filterUrl(V1, `settingsUris eq '/compute-ops-mgmt/v1/settings/${firmware.id}'`))).toEqual(['Gamma']);
    expect(await names(filterUrl(V1, 'policies/onDeviceAdd/firmwareUpdate eq true'))).toEqual(['ESXi-Prod-Rack12', 'Legacy group']);
    expect(await names(filterUrl(V1BETA2, 'autoFwUpdateOnAdd eq true'), 'v1beta2')).toEqual(['ESXi-Prod-Rack12', 'Legacy group']);
    expect(await names(filterUrl(V1BETA2, "platformFamily eq 'any' and autoAddServerTags/Department eq 'Dept A1'"), 'v1beta2')).toEqual(['Alpha']);
    expect(await names(filterUrl(V1BETA2, `contains(serverSettingsUris,'/compute-ops/v1beta1/server-settings/${firmware.id}')`), 'v1beta2')).toEqual(['ESXi-Prod-Rack12', 'Gamma']);
    expect(await names(filterUrl(V1BETA2, 'serverPolicies/onServerAdd/firmwareUpdate eq true'), 'v1beta2')).toEqual(['ESXi-Prod-Rack12', 'Legacy group']);
    expect(await names(filterUrl(V1, "complianceStatus eq 'NOT_APPLICABLE' and securityStatus eq 'OK' and name eq 'beta'"))).toEqual(['beta']);
    const page = await list(`${V1}?sort=${encodeURIComponent('name desc')}&offset=1&limit=2`);
    const all = (await list(`${V1}?sort=${encodeURIComponent('name desc')}`)).items.map((g) => g.name);
    expect(page).toMatchObject({ offset: 1, count: 2, total: all.length });
    expect(page.items.map((g) => g.name)).toEqual(all.slice(1, 3));
  });
});

describe('groups: update and delete', () => {
  it('merge-patches name, description, settings, policies and tag; generation +1 each time', async () => {
    const group = await createGroup(t, t.callers.adminA, { name: 'Patch me', deviceType: 'DIRECT_CONNECT_SERVER', policies: { onDeviceAdd: { firmwarePowerOff: true } } });
    const renamed = expectGroup(await patch(`${V1}/${group.id}`, { name: 'Patched', description: null, deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: [bios.resourceUri] }), 'v1');
    expect(renamed).toMatchObject({ name: 'Patched', description: null, generation: 2, settingsUris: [bios.resourceUri] });
    const policies = expectGroup(await patch(`${V1BETA3}/${group.id}`, { policies: { onDeviceAdd: { osInstall: true, osCompletionTimeoutMin: 90, firmwareDowngrade: true } } }), 'v1beta3');
    expect(policies.policies).toMatchObject({ onDeviceAdd: { osInstall: true, osCompletionTimeoutMin: 90, firmwarePowerOff: true }, onDeviceApply: { firmwareDowngrade: true } });
    expect(policies.generation).toBe(3);
    const tagged = expectGroup(await patch(`${V1}/${group.id}`, { autoAddTags: { Row: '7' } }), 'v1');
    expect(tagged.autoAddTags).toEqual({ Row: '7' });
    expect(expectGroup(await patch(`${V1}/${group.id}`, { autoAddTags: { Row: null } }), 'v1').autoAddTags).toEqual({});
    // v1beta2 cannot see firmwarePowerOff: its writes keep it.
    const legacy = expectGroup(await patch(`${V1BETA2}/${group.id}`, { autoFwUpdateOnAdd: true, serverPolicies: { onServerAdd: { osImageSettings: false } } }), 'v1beta2');
    expect(legacy).toMatchObject({ autoFwUpdateOnAdd: true, serverPolicies: { onServerAdd: { osImageSettings: false, firmwareUpdate: true } } });
    expect((await get(`${V1}/${group.id}`, 'v1')).policies).toMatchObject({ onDeviceAdd: { firmwarePowerOff: true, firmwareUpdate: true, osInstall: false } });
    // policies: null resets them to HPE's defaults.
    expect(expectGroup(await patch(`${V1}/${group.id}`, { policies: null }), 'v1').policies).toMatchObject({ onDeviceAdd: { firmwareUpdate: false, firmwarePowerOff: false, osCompletionTimeoutMin: 240 } });
    const res = await patch(`${V1}/${group.id}`, { description: 'with If-Match' }, { 'if-match': `"${(await get(`${V1}/${group.id}`, 'v1')).generation}"` });
    expect(expectGroup(res, 'v1').description).toBe('with If-Match');
  });

  it('accepts the legacy firmwareBaseline on v1beta2 PATCH as the group FIRMWARE setting', async () => {
    const group = await createGroup(t, t.callers.adminA, { name: 'Old script group', serverSettingsUris: [bios.resourceUri, firmware.resourceUri] }, 'v1beta2');
    const patched = expectGroup(await patch(`${V1BETA2}/${group.id}`, { firmwareBaseline: 'b5e1f0c2d3a4b5c6d7e8f9a0b1c2d3e4' }), 'v1beta2');
    const uris = patched.serverSettingsUris as string[];
    expect(uris).toHaveLength(2);
    expect(uris[0]).toBe(`/compute-ops/v1beta1/server-settings/${bios.id}`);
    const baselineId = uris[1]!.split('/').pop()!;
    expect(baselineId).not.toBe(firmware.id);
    const setting = (await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/settings/${baselineId}` })).json();
    expect(setting).toMatchObject({ category: 'FIRMWARE', name: 'Firmware baseline of group Old script group', settings: { GEN10: { id: 'b5e1f0c2d3a4b5c6d7e8f9a0b1c2d3e4' } } });
    // Again: the same owned setting points at the new bundle.
    const again = expectGroup(await patch(`${V1BETA2}/${group.id}`, { firmwareBaseline: 'c5e1f0c2d3a4b5c6d7e8f9a0b1c2d3e4' }), 'v1beta2');
    expect(again.serverSettingsUris).toEqual(uris);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/settings/${baselineId}` })).json()).toMatchObject({ generation: 2, settings: { GEN10: { id: 'c5e1f0c2d3a4b5c6d7e8f9a0b1c2d3e4' } } });
    const removed = expectGroup(await patch(`${V1BETA2}/${group.id}`, { firmwareBaseline: null }), 'v1beta2');
    expect(removed.serverSettingsUris).toEqual([uris[0]]);
  });

  it('deletes an empty group with 204, then it is gone in every version', async () => {
    const group = await createGroup(t, t.callers.adminA, { name: 'Short-lived', deviceType: 'DIRECT_CONNECT_SERVER' });
    const res = await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${group.id}` });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    for (const base of [V1, V1BETA3, V1BETA2]) expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${group.id}` }), 404, { key: 'NOT_FOUND' });
    // The name is free again.
    await createGroup(t, t.callers.adminA, { name: 'short-lived', deviceType: 'DIRECT_CONNECT_SERVER' }, 'v1beta3');
  });

  it('records an activity for every group write', async () => {
    const group = await createGroup(t, t.callers.adminA, { name: 'Audited', deviceType: 'DIRECT_CONNECT_SERVER' });
    await patch(`${V1}/${group.id}`, { description: 'x' });
    await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${group.id}` });
    const feed = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`groupId eq '${group.id}'`)}` });
    const keys = (feed.json().items as { key: string; source: { type: string }; groupDisplayName: string }[]).map((a) => [a.key, a.source.type, a.groupDisplayName]);
    expect(keys.sort()).toEqual([
      ['GROUP_CREATED', 'Group', 'Audited'],
      ['GROUP_DELETED', 'Group', 'Audited'],
      ['GROUP_UPDATED', 'Group', 'Audited'],
    ]);
  });
});

describe('groups: settings in use', () => {
  it('refuses to delete a setting a group uses (409), and force=true detaches it from the group', async () => {
    const setting = await createSetting(t, t.callers.adminA, { name: 'Doomed BIOS', ...BIOS });
    const group = await createGroup(t, t.callers.adminA, { name: 'Uses doomed', deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: [setting.resourceUri, firmware.resourceUri] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `/compute-ops-mgmt/v1/settings/${setting.id}` }), 409, { key: 'CONFLICT' });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `/compute-ops/v1beta1/server-settings/${setting.id}` }), 409);
    const res = await t.call(t.callers.adminA, { method: 'DELETE', url: `/compute-ops-mgmt/v1/settings/${setting.id}?force=true` });
    expect(res.statusCode, res.body).toBe(204);
    const after = await get(`${V1}/${group.id}`, 'v1');
    expect(after).toMatchObject({ settingsUris: [firmware.resourceUri], generation: group.generation + 1 });
  });

  it('gives the job engine the group settings and members', async () => {
    const { groupSettings, groupMembers } = await import('./service.ts');
    const group = await createGroup(t, t.callers.adminA, { name: 'For jobs', deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: [firmware.resourceUri, ilo.resourceUri] });
    expect(await groupSettings(t.store, t.workspaces.A, group.id)).toEqual({
      firmwareBundleIds: { GEN10: FIRMWARE.settings.GEN10.id, GEN11: FIRMWARE.settings.GEN11.id },
      settingIds: { FIRMWARE: firmware.id, ILO_SETTINGS: ilo.id },
    });
    expect(await groupMembers(t.store, t.workspaces.A, group.id)).toEqual([]);
    expect(await groupSettings(t.store, t.workspaces.B, group.id)).toEqual({ firmwareBundleIds: {}, settingIds: {} });
  });
});

describe('groups: jobs and schedules target groups', () => {
  it('lets the jobs API start a group job, and deletes the group schedules with the group', async () => {
    const group = await createGroup(t, t.callers.adminA, { name: 'Scheduled', deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: [firmware.resourceUri] });
    const job = await t.call(t.callers.adminA, {
      method: 'POST',
      url: '/compute-ops-mgmt/v1/jobs',
      headers: json,
      payload: { jobTemplate: '23b8ba2a-6c46-4223-b028-919382c7dcac', resourceType: 'compute-ops-mgmt/group', resourceId: group.id, jobParams: {} },
    });
    expect(job.statusCode, job.body).toBe(201);
    expect(job.json()).toMatchObject({ name: 'GroupFirmwareCompliance', resource: { id: group.id } });
    const schedule = await t.call(t.callers.adminA, {
      method: 'POST',
      url: '/compute-ops-mgmt/v1beta2/schedules',
      headers: json,
      payload: {
        name: 'Nightly compliance',
        purpose: 'GROUP_FIRMWARE_COMPLIANCE_CHECK',
        associatedResourceUri: `${V1}/${group.id}`,
        schedule: { startAt: new Date(Date.now() + 3_600_000).toISOString(), interval: null },
        operation: {
          type: 'REST',
          method: 'POST',
          uri: '/api/compute/v1/jobs',
          body: { jobTemplateUri: '/api/compute/v1/job-templates/23b8ba2a-6c46-4223-b028-919382c7dcac', resourceUri: `/api/compute/v1/groups/${group.id}`, data: {} },
        },
      },
    });
    expect(schedule.statusCode, schedule.body).toBe(201);
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${group.id}` })).statusCode).toBe(204);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/schedules/${schedule.json().id}` }), 404);
  });
});
