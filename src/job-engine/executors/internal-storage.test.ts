// GroupApplyInternalStorageSettings on both databases: a group's STORAGE setting built as volumes on each
// member's simulated controller (erasing what was there when `initialize` asks), a server whose drives cannot
// take the setting failing with a reason its parent counts, a server with volumes left alone without
// `initialize`, a group without the setting, and what the jobs API refuses at creation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { findDetails, saveDetails } from '../../resources/servers/repository.ts';
import type { Server } from '../../resources/servers/model.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { childrenOf, connectedServers, createJob, deviceOf, engineFor, groupWith, jobsOn, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const PUBLIC_ID = TEMPLATE_IDS.groupApplyInternalStorage;
const LISTED_ID = 'c708eb57-235d-4ea8-9e21-8ceea2438773';
const BOOT = '6c0f2c55-3b7d-4a43-8d0e-2f4a7e2b9d11';
const DATA = '0d6f8a90-1e2b-4c3d-9f4e-5a6b7c8d9e0f';
const GIB = 1024 ** 3;

const volume = (over: Record<string, unknown>) => ({
  id: null,
  raidType: 'RAID1',
  capacityInGiB: null,
  driveCount: null,
  spareDriveCount: null,
  driveTechnology: null,
  ioPerfModeEnabled: null,
  readCachePolicy: null,
  writeCachePolicy: null,
  ...over,
});
/** settings.md §6's example: a boot mirror on the SATA SSDs, RAID5 with a spare on the SAS HDDs. */
const BOOT_AND_DATA = {
  category: 'STORAGE',
  settings: {
    DEFAULT: {
      volumes: [
        volume({ id: BOOT, raidType: 'RAID1', capacityInGiB: 240, driveCount: 2, driveTechnology: 'SATA_SSD' }),
        volume({ id: DATA, raidType: 'RAID5', driveCount: 3, spareDriveCount: 1, driveTechnology: 'SAS_HDD', readCachePolicy: 'READ_AHEAD', writeCachePolicy: 'WRITE_THROUGH' }),
      ],
    },
  },
};
const DATA_ONLY = { category: 'STORAGE', settings: { DEFAULT: { volumes: [volume({ id: DATA, raidType: 'RAID5', driveCount: 3, driveTechnology: 'SAS_HDD' })] } } };
const BIOS = { category: 'BIOS', settings: { DEFAULT: { redfishData: { Attributes: { WorkloadProfile: 'LowLatency' } } } } };

/** What the server's storage inventory says before the simulator first sees it: one controller, its drive and volume counts. */
async function storageInventory(server: Server, drives: number, volumes: number): Promise<void> {
  const details = (await findDetails(t.store, t.workspaces.A, server.id))!;
  const controller = { Id: 'DE00A000', Name: 'HPE MR408i-o Gen11', Drives: drives, Volumes: volumes, Status: { Health: 'OK', State: 'Enabled' } };
  await saveDetails(t.store, t.workspaces.A, server.id, { ...details, inventory: { ...details.inventory, storage: { ...details.inventory.storage, data: [controller] } }, hasStorageVolume: volumes > 0 });
}

const serverUrl = (s: Server, tail: string) => `/compute-ops-mgmt/v1/servers/${encodeURIComponent(s.id)}/${tail}`;

describe('GroupApplyInternalStorageSettings', () => {
  it('builds the setting as volumes on every member, erasing what was there, and the inventory counts them', async () => {
    const [used, blank] = await connectedServers(t, 2);
    await storageInventory(used!, 6, 1);
    await storageInventory(blank!, 6, 0);
    const group = await groupWith(t, 'Boot and data', [BOOT_AND_DATA], [used!, blank!]);
    const h = engineFor(t);
    const job = await createJob(t, PUBLIC_ID, 'group', group.id, { initialize: true, volumes: [{ id: BOOT, name: 'os-mirror' }] });
    await runAll(h);

    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete', results: { initialize: true, succeeded: 2, failed: 0 } });
    const children = await childrenOf(t, job.id);
    expect(children.map((c) => [c.name, c.templateId, c.resource.type, c.resultCode]).sort()).toEqual(Array(2).fill(['GroupApplyInternalStorageSettings', LISTED_ID, 'server', 'SUCCESS']));
    const ofUsed = children.find((c) => c.resource.id === used!.id)!;
    expect(ofUsed.results).toMatchObject({
      settingId: group.settingIds[0],
      controller: { id: 'DE00A000', model: 'HPE MR408i-o Gen11' },
      erasedVolumes: 1,
      volumes: [
        { settingVolumeId: BOOT, name: 'os-mirror', raidType: 'RAID1', capacityInGiB: 240, drives: ['1I:1:1', '1I:1:2'], spareDrives: [] },
        { settingVolumeId: DATA, name: 'Logical Drive 2', raidType: 'RAID5', drives: ['1I:1:3', '1I:1:4', '1I:1:5'], spareDrives: ['1I:1:6'] },
      ],
    });
    expect(children.find((c) => c.resource.id === blank!.id)!.results).toMatchObject({ erasedVolumes: 0 });

    for (const server of [used!, blank!]) {
      const storage = await h.driver.readStorage(deviceOf(t, server));
      if (!storage.ok) throw new Error(storage.message);
      const volumes = storage.value[0]!.volumes;
      expect(volumes.map((v) => [v.name, v.raidType, v.state, v.drives.length, v.spareDrives.length])).toEqual([
        ['os-mirror', 'RAID1', 'Enabled', 2, 0],
        ['Logical Drive 2', 'RAID5', 'Enabled', 3, 1],
      ]);
      expect(volumes[0]!.capacityBytes).toBe(240 * GIB);
      const inventory = await t.call(t.callers.adminA, { method: 'GET', url: serverUrl(server, 'inventory') });
      expect(inventory.statusCode).toBe(200);
      expect(inventory.json().storage.data).toEqual([expect.objectContaining({ Id: 'DE00A000', Drives: 6, Volumes: 2 })]);
      const analyzed = await t.call(t.callers.adminA, { method: 'POST', url: serverUrl(server, 'analyze-os-install') });
      expect(analyzed.json()).toEqual({ serverHasStorageVolume: true });
    }
  });

  it('fails a server whose drives cannot take the setting, with a reason, and counts it in the parent', async () => {
    const [roomy, small] = await connectedServers(t, 2);
    await storageInventory(roomy!, 5, 0);
    await storageInventory(small!, 4, 1);
    const group = await groupWith(t, 'Data RAID5', [DATA_ONLY], [roomy!, small!]);
    const h = engineFor(t);
    const before = await h.driver.readStorage(deviceOf(t, small!));
    const job = await createJob(t, LISTED_ID, 'group', group.id, { initialize: true, volumes: [] });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({
      state: 'ERROR',
      resultCode: 'FAILURE',
      status: 'JobErrorException : 1 servers failed to apply internal storage settings',
      data: { state_reason_message: { message_id: 'GROUP-STORAGE-APPLY-FAILED', message_args: ['1 of 2 servers failed to apply the internal storage settings'] } },
      results: { succeeded: 1, failed: 1 },
    });
    const reason = 'volume 1 (RAID5) needs 3 free SAS_HDD drive(s) (3 data, 0 spare); HPE MR408i-o Gen11 has 2';
    const failed = (done.results['servers'] as { serverId: string; status: string; reason: string }[]).find((s) => s.serverId === small!.id)!;
    expect(failed).toMatchObject({ status: 'FAILED', reason: `JobErrorException : ${reason}` });
    const child = (await childrenOf(t, job.id)).find((c) => c.resource.id === small!.id)!;
    expect(await readJob(t, child.id)).toMatchObject({ state: 'ERROR', data: { state_reason_message: { message_id: 'STORAGE-SETTING-UNSATISFIABLE', message_args: [reason] } } });
    const activities = await t.store.all<{ activity_key: string }>("SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ? AND activity_key LIKE 'JOB%' ORDER BY created_at, id", [
      t.workspaces.A,
      small!.id,
    ]);
    // The child ends in its first step, so the engine records only how it ended.
    expect(activities.map((a) => a.activity_key)).toEqual(['JOB_FAILED']);
    // Nothing was erased on the server that could not take the setting.
    expect(await h.driver.readStorage(deviceOf(t, small!))).toEqual(before);
    const roomyStorage = await h.driver.readStorage(deviceOf(t, roomy!));
    expect(roomyStorage.ok && roomyStorage.value[0]!.volumes.map((v) => [v.name, v.raidType, v.state])).toEqual([['Logical Drive 1', 'RAID5', 'Enabled']]);
  });

  it('leaves a server that has volumes alone when initialize is false', async () => {
    const [server] = await connectedServers(t, 1);
    await storageInventory(server!, 6, 1);
    const group = await groupWith(t, 'Keep volumes', [DATA_ONLY], [server!]);
    const h = engineFor(t);
    const job = await createJob(t, PUBLIC_ID, 'group', group.id, { initialize: false, volumes: [{ id: DATA, name: 'data' }] });
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'ERROR', results: { failed: 1, succeeded: 0 } });
    const [child] = await childrenOf(t, job.id);
    expect(child!.data['state_reason_message']).toMatchObject({ message_id: 'STORAGE-VOLUMES-EXIST' });
    const storage = await h.driver.readStorage(deviceOf(t, server!));
    expect(storage.ok && storage.value[0]!.volumes.map((v) => v.name)).toEqual(['Logical Drive 1']);
  });

  it('fails with a reason when the group has no STORAGE setting', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'Only BIOS', [BIOS], [server!]);
    const h = engineFor(t);
    const job = await createJob(t, PUBLIC_ID, 'group', group.id, { initialize: true, volumes: [] });
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({
      state: 'ERROR',
      resultCode: 'FAILURE',
      status: 'JobErrorException : The group has no STORAGE setting',
      data: { state_reason_message: { message_id: 'GROUP-SETTING-MISSING', message_args: ['The group has no STORAGE setting'] } },
    });
    expect(await childrenOf(t, job.id)).toEqual([]);
  });

  it('refuses at creation: a server target, volumes not in the setting, strangers, a missing initialize', async () => {
    const [member, stranger] = await connectedServers(t, 2);
    const group = await groupWith(t, 'Refusals', [DATA_ONLY], [member!]);
    const params = { initialize: true, volumes: [] };
    expectComError(await postJob(t, PUBLIC_ID, 'server', member!.id, params), 400, { subjects: ['resourceType'] });
    expectComError(await postJob(t, LISTED_ID, 'server', member!.id, params), 400, { subjects: ['jobTemplate'] });
    expectComError(await postJob(t, PUBLIC_ID, 'group', group.id, { initialize: true, volumes: [{ id: BOOT, name: 'os' }] }), 400, { subjects: ['jobParams.volumes'] });
    expectComError(await postJob(t, PUBLIC_ID, 'group', group.id, { ...params, devices: [stranger!.id] }), 400, { subjects: ['jobParams.devices'] });
    expectComError(await postJob(t, PUBLIC_ID, 'group', group.id, { volumes: [] }), 400, { subjects: ['jobParams.initialize'] });
    expect(await jobsOn(t, [group.id, member!.id, stranger!.id])).toBe(0);
  });
});
