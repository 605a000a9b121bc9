// Membership rules (groups.md §6), each pinned: one group per device, moves need the current eTag (async
// FAILED on v1/v1beta3, 409/412 and dry-run on v1beta2), the device type must match, all or nothing,
// reset-subsystems, on-add policies and activities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { updateServerState } from '../servers/service.ts';
import {
  addServers,
  assign,
  createGroup,
  createSetting,
  expectCollection,
  expectGroup,
  FIRMWARE,
  jobsOf,
  json,
  members,
  operationOf,
  unassign,
  V1,
  V1BETA2,
  V1BETA3,
  writeCompliance,
} from './groups.fixtures.ts';
import { ON_ADD_TEMPLATES } from './on-add-jobs.ts';

let t: TestApp;
let servers: Server[];
const server = (i: number) => servers[i]!;
const admin = () => t.callers.adminA;

beforeAll(async () => {
  t = await openTestApp();
  // 0..7 activated (connected); 8 and 9 never activated.
  servers = await addServers(t, t.workspaces.A, 10, { neverActivated: (i) => i >= 8 });
});
afterAll(() => t.close());

const newGroup = (name: string, extra: Record<string, unknown> = {}) => createGroup(t, admin(), { name, deviceType: 'DIRECT_CONNECT_SERVER', ...extra });
const groupOf = async (id: string) => expectGroup(await t.call(admin(), { method: 'GET', url: `${V1}/${id}` }), 'v1');

describe('assign and unassign (v1, v1beta3): 202 and an async operation already in its final state', () => {
  it('assigns, lists the members with eTags, shows them in the group body, and records activities', async () => {
    const group = await newGroup('Assign here');
    const op = await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: server(0).id }, { deviceId: server(1).id }]));
    expect(op).toMatchObject({ state: 'SUCCEEDED', operationType: 'ADD_DEVICE_TO_GROUP', sourceResourceUri: `${V1}/${group.id}/devices`, error: null, recommendations: [] });
    expect(op.results.map((r) => r.resourceUri).sort()).toEqual([server(0).id, server(1).id].map((id) => `${V1}/${group.id}/devices/${id}`).sort());
    const listed = await members(t, admin(), group.id);
    expect(listed.map((d) => d.id).sort()).toEqual([server(0).id, server(1).id].sort());
    for (const d of listed) {
      expect(d).toMatchObject({ type: 'compute-ops-mgmt/group/device', groupId: group.id, deviceId: d.id, deviceUri: `/compute-ops-mgmt/v1/servers/${d.id}`, resourceUri: `${V1}/${group.id}/devices/${d.id}` });
      expect(d.eTag).toMatch(/^0x[0-9a-f]{8}$/);
      expect(d.serial).toBe(servers.find((s) => s.id === d.id)!.hardware.serialNumber);
    }
    const body = await groupOf(group.id);
    expect(body.generation).toBe(2);
    expect(body.devices.map((d) => [d.id, d.serial]).sort()).toEqual(listed.map((d) => [d.id, d.serial]).sort());
    const feed = await t.call(admin(), { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`key eq 'GROUP_SERVER_ADDED' and groupId eq '${group.id}'`)}` });
    expect((feed.json().items as { associatedServerId: string }[]).map((a) => a.associatedServerId).sort()).toEqual([server(0).id, server(1).id].sort());
  });

  it('answers v1beta3 with a v1beta1 async-operation Location and v1beta3 result URIs', async () => {
    const group = await newGroup('Beta3 assign');
    const res = await assign(t, admin(), group.id, [{ deviceId: server(2).id }], 'v1beta3');
    expect(res.headers.location).toMatch(/^\/compute-ops-mgmt\/v1beta1\/async-operations\/[0-9a-f-]{36}$/);
    const op = await operationOf(t, admin(), res);
    expect(op.results).toEqual([{ resourceUri: `${V1BETA3}/${group.id}/devices/${server(2).id}` }]);
    const listed = await members(t, admin(), group.id, 'v1beta3');
    expect(listed[0]).toMatchObject({ id: server(2).id, deviceUri: `/compute-ops-mgmt/v1beta2/servers/${server(2).id}` });
    const removed = await operationOf(t, admin(), await unassign(t, admin(), group.id, [{ deviceId: server(2).id }], '', 'v1beta3'));
    expect(removed).toMatchObject({ state: 'SUCCEEDED', operationType: 'REMOVE_DEVICE_FROM_GROUP', sourceResourceUri: `${V1BETA3}/${group.id}/devices` });
    expect(await members(t, admin(), group.id, 'v1beta3')).toEqual([]);
  });

  it('unassigns all devices with force=true and no body', async () => {
    const group = await newGroup('Force out');
    await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: server(3).id }, { deviceId: server(4).id }]));
    const op = await operationOf(t, admin(), await unassign(t, admin(), group.id, null, 'force=true'));
    expect(op.state).toBe('SUCCEEDED');
    expect(op.results).toHaveLength(2);
    expect(await members(t, admin(), group.id)).toEqual([]);
  });
});

describe('rule 1 and 2: one group per device; a move needs the current eTag', () => {
  it('fails a move without an eTag (409) or with a stale one (412), and moves with the current one', async () => {
    const from = await newGroup('Move from', { settingsUris: [(await createSetting(t, admin(), { name: 'FW for moves', ...FIRMWARE })).resourceUri] });
    const to = await newGroup('Move to');
    await operationOf(t, admin(), await assign(t, admin(), from.id, [{ deviceId: server(5).id }]));
    await writeCompliance(t, t.workspaces.A, from.id, 'FIRMWARE', [
      { deviceId: server(5).id, serial: 'x', productId: 'y', bundleId: 'b', deviations: [], score: 100, complianceState: 'COMPLIANT', errorReason: '', remediation: null },
    ]);
    const [before] = await members(t, admin(), from.id);
    const snap = await snapshot(t.store);

    const missing = await operationOf(t, admin(), await assign(t, admin(), to.id, [{ deviceId: server(5).id }]));
    expect(missing).toMatchObject({ state: 'FAILED', results: [], error: { httpStatusCode: 409 } });
    expect(missing.error!.errorDetails![0]!.issues![0]!.subject).toBe('devices.0.deviceId');
    expect(missing.recommendations.join(' ')).toMatch(/eTag/);
    const stale = await operationOf(t, admin(), await assign(t, admin(), to.id, [{ deviceId: server(5).id, eTag: '0x00000000' }]));
    expect(stale).toMatchObject({ state: 'FAILED', error: { httpStatusCode: 412 } });
    // Nothing but the two failed operations was written.
    const after = await snapshot(t.store);
    expect({ ...after, async_operations: [] }).toEqual({ ...snap, async_operations: [] });

    const moved = await operationOf(t, admin(), await assign(t, admin(), to.id, [{ deviceId: server(5).id, eTag: before!.eTag }]));
    expect(moved.state).toBe('SUCCEEDED');
    const [now] = await members(t, admin(), to.id);
    expect(now!.eTag).not.toBe(before!.eTag);
    expect(await members(t, admin(), from.id)).toEqual([]);
    // Both groups changed; the results it had in the old group left with it.
    expect((await groupOf(from.id)).generation).toBe(from.generation + 2);
    expect((await groupOf(to.id)).generation).toBe(to.generation + 1);
    expect(expectCollection(await t.call(admin(), { method: 'GET', url: `${V1}/${from.id}/compliance` }), 'deviceComplianceCollection-v1').items).toEqual([]);
    const removedFrom = await t.call(admin(), { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`key eq 'GROUP_SERVER_REMOVED' and groupId eq '${from.id}'`)}` });
    expect(removedFrom.json().count).toBe(1);
  });

  it('treats re-assigning to the same group as a no-op that skips the eTag check', async () => {
    const group = await newGroup('Same again');
    await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: server(6).id }]));
    const [before] = await members(t, admin(), group.id);
    const generation = (await groupOf(group.id)).generation;
    const op = await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: server(6).id, eTag: 'whatever' }]));
    expect(op).toMatchObject({ state: 'SUCCEEDED', results: [] });
    expect((await members(t, admin(), group.id))[0]!.eTag).toBe(before!.eTag);
    expect((await groupOf(group.id)).generation).toBe(generation);
  });
});

describe('rule 3: the device type must match; unknown devices and all-or-nothing', () => {
  it('refuses servers in appliance groups and appliances in server groups, and changes nothing on any failure', async () => {
    const appliances = await createGroup(t, admin(), { name: 'Appliances only', deviceType: 'OVE_APPLIANCE_VM' }, 'v1beta3');
    const wrong = await operationOf(t, admin(), await assign(t, admin(), appliances.id, [{ deviceId: server(7).id }], 'v1beta3'));
    expect(wrong).toMatchObject({ state: 'FAILED', error: { httpStatusCode: 400 } });
    const group = await newGroup('Servers only');
    const appliance = await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: 'oneview+0b9dc54a-523f-421e-9e0f-6b586abb6b55' }]));
    expect(appliance.error?.httpStatusCode).toBe(400);
    // One good device beside an unknown one: the operation fails and the good one is not assigned.
    const mixed = await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: server(7).id }, { deviceId: 'P00000-B21+NOSUCHSRV' }]));
    expect(mixed).toMatchObject({ state: 'FAILED', error: { httpStatusCode: 404 } });
    expect(mixed.error!.errorDetails![0]!.issues!.map((i) => i.subject)).toEqual(['devices.1.deviceId']);
    expect(await members(t, admin(), group.id)).toEqual([]);
    const notMember = await operationOf(t, admin(), await unassign(t, admin(), group.id, [{ deviceId: server(7).id }]));
    expect(notMember).toMatchObject({ state: 'FAILED', error: { httpStatusCode: 404 } });
  });
});

describe('v1beta2: synchronous assignment with 409/412 and dry-run', () => {
  const post = (groupId: string, devices: unknown[], query = '') => t.call(admin(), { method: 'POST', url: `${V1BETA2}/${groupId}/devices${query}`, headers: json, payload: { devices } });

  it('assigns by serverId or serial+productId, answers 200 with the members, and unassigns with 204', async () => {
    const [a, b] = await addServers(t, t.workspaces.A, 2, { seed: 91 });
    const group = await createGroup(t, admin(), { name: 'Legacy members' }, 'v1beta2');
    const res = await post(group.id, [{ serverId: a!.id }, { serial: b!.hardware.serialNumber, productId: b!.hardware.productId }]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { devices: Record<string, unknown>[] };
    expect(body.devices.map((d) => d.serverId)).toEqual([a!.id, b!.id]);
    expect(body.devices[0]).toMatchObject({ type: 'compute-ops/group/device', groupId: group.id, state: 'ACTIVE', serverUri: `/api/compute/v1/servers/${a!.id}` });
    const listed = expectCollection<{ serverId: string }>(await t.call(admin(), { method: 'GET', url: `${V1BETA2}/${group.id}/devices?filter=${encodeURIComponent(`serverId eq '${a!.id}'`)}` }), 'deviceResponseCollection-v1beta2');
    expect(listed.items.map((d) => d.serverId)).toEqual([a!.id]);
    const one = await t.call(admin(), { method: 'DELETE', url: `${V1BETA2}/${group.id}/devices/${a!.id}` });
    expect(one.statusCode, one.body).toBe(204);
    expectComError(await t.call(admin(), { method: 'DELETE', url: `${V1BETA2}/${group.id}/devices/${a!.id}` }), 404);
    const bulk = await t.call(admin(), { method: 'DELETE', url: `${V1BETA2}/${group.id}/devices?id=${encodeURIComponent(b!.id)}` });
    expect(bulk.statusCode, bulk.body).toBe(204);
    expect(await members(t, admin(), group.id, 'v1beta2')).toEqual([]);
  });

  it('answers 409 for a move without eTag, 412 for a stale one, and a dry run returns the eTags without changing anything', async () => {
    const [c] = await addServers(t, t.workspaces.A, 1, { seed: 92 });
    const from = await createGroup(t, admin(), { name: 'Legacy from' }, 'v1beta2');
    const to = await createGroup(t, admin(), { name: 'Legacy to' }, 'v1beta2');
    expect((await post(from.id, [{ serverId: c!.id }])).statusCode).toBe(200);
    const before = await snapshot(t.store);
    expectComError(await post(to.id, [{ serverId: c!.id }]), 409, { key: 'CONFLICT', subjects: ['devices.0'] });
    expectComError(await post(to.id, [{ serverId: c!.id, eTag: '0x12345678' }]), 412, { key: 'PRECONDITION_FAILED' });
    const dry = await post(to.id, [{ serverId: c!.id }], '?dry-run=true');
    expect(dry.statusCode, dry.body).toBe(200);
    const eTag = (dry.json() as { devices: { eTag: string; groupId: string }[] }).devices[0]!;
    expect(eTag.groupId).toBe(from.id);
    expect(await snapshot(t.store)).toEqual(before);
    const moved = await post(to.id, [{ serverId: c!.id, eTag: eTag.eTag }]);
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as { devices: { groupId: string; eTag: string }[] }).devices[0]).toMatchObject({ groupId: to.id });
    // Bulk removal by filter.
    const byFilter = await t.call(admin(), { method: 'DELETE', url: `${V1BETA2}/${to.id}/devices?filter=${encodeURIComponent(`serial eq '${c!.hardware.serialNumber}'`)}` });
    expect(byFilter.statusCode, byFilter.body).toBe(204);
    expect(await members(t, admin(), to.id, 'v1beta2')).toEqual([]);
  });

  it('answers 400 for unknown servers and wrong device types', async () => {
    const group = await createGroup(t, admin(), { name: 'Legacy strict' }, 'v1beta2');
    expectComError(await post(group.id, [{ serverId: 'P00000-B21+NOSUCHSRV' }]), 400, { subjects: ['devices.0'] });
    expectComError(await post(group.id, [{ eTag: '0x1' }]), 400, { subjects: ['devices.0'] });
    const appliances = await createGroup(t, admin(), { name: 'Legacy appliances', deviceType: 'OVE_APPLIANCE_SYNERGY' });
    expectComError(await post(appliances.id, [{ serverId: server(7).id }]), 400);
  });
});

describe('rule 4: reset-subsystems', () => {
  it('starts a BIOS factory reset of the removed servers, only for BIOS and only for server groups', async () => {
    const [d] = await addServers(t, t.workspaces.A, 1, { seed: 93 });
    const group = await newGroup('Reset on leave');
    await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: d!.id }]));
    expectComError(await unassign(t, admin(), group.id, [{ deviceId: d!.id }], 'reset-subsystems=ILO'), 400, { subjects: ['reset-subsystems'] });
    const jobsBefore = (await jobsOf(t, t.workspaces.A)).length;
    const op = await operationOf(t, admin(), await unassign(t, admin(), group.id, [{ deviceId: d!.id }], 'reset-subsystems=BIOS'));
    expect(op.state).toBe('SUCCEEDED');
    const jobs = (await jobsOf(t, t.workspaces.A)).slice(jobsBefore);
    expect(jobs).toEqual([
      { template_id: ON_ADD_TEMPLATES.groupApplyServerSettings, resource_id: group.id, params: { redfish_subsystem: 'BIOS', devices: [d!.id], factory_reset: true, removed_from_group: true } },
    ]);
    const appliances = await createGroup(t, admin(), { name: 'No BIOS here', deviceType: 'OVE_APPLIANCE_VM' });
    expectComError(await unassign(t, admin(), appliances.id, null, 'force=true&reset-subsystems=BIOS'), 400, { subjects: ['reset-subsystems'] });
    // v1beta2 too.
    const legacy = await createGroup(t, admin(), { name: 'Legacy reset' }, 'v1beta2');
    await t.call(admin(), { method: 'POST', url: `${V1BETA2}/${legacy.id}/devices`, headers: json, payload: { devices: [{ serverId: d!.id }] } });
    const res = await t.call(admin(), { method: 'DELETE', url: `${V1BETA2}/${legacy.id}/devices/${d!.id}?reset-subsystems=BIOS` });
    expect(res.statusCode, res.body).toBe(204);
    expect((await jobsOf(t, t.workspaces.A)).slice(jobsBefore + 1).map((j) => [j.resource_id, j.params.devices])).toEqual([[legacy.id, [d!.id]]]);
  });
});

describe('rule 6: on-add policies', () => {
  it('submits the jobs the policies ask for, in order, when activated servers join', async () => {
    const [e, f] = await addServers(t, t.workspaces.A, 2, { seed: 94 });
    const storage = await createSetting(t, admin(), { name: 'Boot mirror', category: 'STORAGE', settings: { DEFAULT: { volumes: [{ raidType: 'RAID1', driveCount: 2 }] } } });
    const volumeId = ((await t.call(admin(), { method: 'GET', url: storage.resourceUri })).json() as { settings: { DEFAULT: { volumes: { id: string }[] } } }).settings.DEFAULT.volumes[0]!.id;
    const group = await newGroup('Policy group', {
      settingsUris: [storage.resourceUri],
      policies: {
        onDeviceAdd: {
          firmwareUpdate: true,
          firmwarePowerOff: true,
          biosApplySettings: true,
          biosFactoryReset: true,
          iloApplySettings: true,
          storageConfiguration: true,
          storageVolumeDeletion: true,
          storageVolumeName: 'boot',
          externalStorageConfiguration: true,
          osInstall: true,
          osCompletionTimeoutMin: 120,
        },
        onDeviceApply: { firmwareDowngrade: true },
      },
    });
    const jobsBefore = (await jobsOf(t, t.workspaces.A)).length;
    await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: e!.id }, { deviceId: f!.id }]));
    const jobs = (await jobsOf(t, t.workspaces.A)).slice(jobsBefore);
    const devices = [e!.id, f!.id];
    expect(jobs.map((j) => [j.template_id, j.resource_id, j.params])).toEqual([
      [ON_ADD_TEMPLATES.groupFirmwareUpdate, group.id, { devices, parallel: true, powerOff: true, downgrade: true }],
      [ON_ADD_TEMPLATES.groupApplyServerSettings, group.id, { redfish_subsystem: 'BIOS', devices, factory_reset: true }],
      [ON_ADD_TEMPLATES.groupApplyServerSettings, group.id, { redfish_subsystem: 'ILO_SETTINGS', devices }],
      [ON_ADD_TEMPLATES.groupApplyInternalStorage, group.id, { devices, initialize: true, volumes: [{ id: volumeId, name: 'boot' }] }],
      [ON_ADD_TEMPLATES.groupApplyExternalStorage, group.id, { devices }],
      [ON_ADD_TEMPLATES.groupOsInstallation, group.id, { devices, parallel: true, osCompletionTimeoutMin: 120 }],
    ]);
  });

  it('waits for a server that is not yet activated, and starts its jobs once, when it first connects', async () => {
    const group = await newGroup('Policy later', { policies: { onDeviceAdd: { firmwareUpdate: true } } });
    const jobsBefore = (await jobsOf(t, t.workspaces.A)).length;
    await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: server(8).id }]));
    expect((await jobsOf(t, t.workspaces.A)).length).toBe(jobsBefore);
    const connect = (connected: boolean) =>
      t.store.transaction((tx) => updateServerState(tx, t.workspaces.A, server(8).id, (s) => ({ ...s, state: { ...s.state, connected, connectedModifiedAt: new Date().toISOString() } })));
    await connect(true);
    const jobs = (await jobsOf(t, t.workspaces.A)).slice(jobsBefore);
    expect(jobs.map((j) => [j.template_id, j.params.devices])).toEqual([[ON_ADD_TEMPLATES.groupFirmwareUpdate, [server(8).id]]]);
    await connect(false);
    await connect(true);
    expect((await jobsOf(t, t.workspaces.A)).length).toBe(jobsBefore + 1);
  });
});

describe('deleting a group with devices', () => {
  it('needs force=true (400 otherwise), which removes the devices first', async () => {
    const [g] = await addServers(t, t.workspaces.A, 1, { seed: 95 });
    const group = await newGroup('Full group');
    await operationOf(t, admin(), await assign(t, admin(), group.id, [{ deviceId: g!.id }]));
    expectComError(await t.call(admin(), { method: 'DELETE', url: `${V1}/${group.id}` }), 400, { subjects: ['force'] });
    const res = await t.call(admin(), { method: 'DELETE', url: `${V1}/${group.id}?force=True` });
    expect(res.statusCode, res.body).toBe(204);
    // The server is free again.
    const other = await newGroup('Next home');
    expect((await operationOf(t, admin(), await assign(t, admin(), other.id, [{ deviceId: g!.id }]))).state).toBe('SUCCEEDED');
    const feed = await t.call(admin(), { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`key eq 'GROUP_SERVER_REMOVED' and groupId eq '${group.id}'`)}` });
    expect(feed.json().count).toBe(1);
  });
});
