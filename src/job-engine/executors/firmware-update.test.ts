// IloOnlyFirmwareUpdate on both databases: only the iLO moves, to the newest active bundle of the server's
// generation; the server's inventory, iLO version and lastFirmwareUpdate follow; a current iLO is left alone;
// a BMC that does not answer fails the job with a reason and the FW_UPDATE activities clients read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { newestActiveBundle } from '../../resources/firmware-bundles/baseline.ts';
import { findServer } from '../../resources/servers/repository.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { connectedServers, createJob, deviceOf, engineFor, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

async function activityKeys(serverId: string): Promise<string[]> {
  const rows = await t.store.all<{ activity_key: string }>('SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ? ORDER BY created_at, id', [
    t.workspaces.A,
    serverId,
  ]);
  return rows.map((r) => r.activity_key);
}

describe('IloOnlyFirmwareUpdate', () => {
  it('updates only the iLO to the newest active bundle of the generation, then leaves a current iLO alone', async () => {
    const [server] = await connectedServers(t, 1, { model: 'ProLiant DL380 Gen11', iloVersion: '1.56 Feb 02 2024' });
    const target = (await newestActiveBundle(t.store, 'GEN_11'))!.components.find((c) => c.category === 'ILO')!;
    expect(target.name).toBe('iLO 6');
    const h = engineFor(t);

    const job = await createJob(t, TEMPLATE_IDS.iloOnlyFirmwareUpdate, 'server', server!.id);
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete', results: { components: [{ name: 'iLO 6', version: target.version, status: 'OK' }] } });

    const after = (await findServer(t.store, t.workspaces.A, server!.id))!;
    const versions = new Map(after.firmwareInventory!.map((f) => [f.name, f.version]));
    expect(versions.get('iLO 6')).toBe(target.version);
    for (const f of server!.firmwareInventory!.filter((f) => f.name !== 'iLO 6')) expect(versions.get(f.name), f.name).toBe(f.version);
    expect(after.hardware.bmc?.version).toBe(`iLO 6 v${target.version.split(' ')[0]}`);
    expect(after.firmwareBundleUri).toBe(server!.firmwareBundleUri);
    expect(after.lastFirmwareUpdate).toMatchObject({ status: 'OK', bundleUpdateMethod: 'Update', firmwareInventoryUpdates: [{ name: 'iLO 6', status: 'OK' }] });
    const device = await h.driver.readFirmwareInventory(deviceOf(t, server!));
    expect(device.ok && device.value.find((f) => f.name === 'iLO 6')?.version).toBe(target.version);
    expect(await activityKeys(server!.id)).toEqual(['SERVER_JOB_FW_UPDATE_IN_PROGRESS', 'SERVER_JOB_FW_UPDATE_COMPLETED']);

    const again = await createJob(t, TEMPLATE_IDS.iloOnlyFirmwareUpdate, 'server', server!.id, {});
    await runAll(h);
    expect(await readJob(t, again.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { components: [], message: 'The server firmware already matches the bundle' } });
  });

  it('fails with a reason, a FAILED lastFirmwareUpdate and the failure activity when the BMC does not answer', async () => {
    const [server] = await connectedServers(t, 1, { model: 'ProLiant DL360 Gen10', iloVersion: '2.72 Sep 04 2022' });
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, server!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE_IDS.iloOnlyFirmwareUpdate, 'server', server!.id);
    await runAll(h);
    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', data: { state_reason_message: { message_id: 'SRV-101' } } });
    expect(done.status).toMatch(/^JobErrorException : Firmware update failed: BMC of .* does not answer$/);
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.lastFirmwareUpdate).toMatchObject({ status: 'FAILED', bundleUpdateMethod: 'Update' });
    expect(await activityKeys(server!.id)).toEqual(['SERVER_JOB_FW_UPDATE_FAILED']);
  });

  it('is refused on a group target (400 naming resourceType)', async () => {
    const res = await postJob(t, TEMPLATE_IDS.iloOnlyFirmwareUpdate, 'group', '00000000-0000-4000-8000-000000000000');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('resourceType');
  });
});
