// FirmwareDownload and GroupFirmwareDownload on both databases: the components a server needs are staged in
// its iLO repository and nothing is installed; the server records a Stage update; a group download stages
// every member at once through child jobs, with the bundle its baseline names per generation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { newestActiveBundle, planFirmwareUpdate, type FirmwareBundle } from '../../resources/firmware-bundles/baseline.ts';
import { findServer } from '../../resources/servers/repository.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { childrenOf, connectedServers, createJob, deviceOf, engineFor, groupWith, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
let gen10: FirmwareBundle;
let gen11: FirmwareBundle;
beforeAll(async () => {
  t = await openTestApp();
  gen10 = (await newestActiveBundle(t.store, 'GEN_10'))!;
  gen11 = (await newestActiveBundle(t.store, 'GEN_11'))!;
});
afterAll(async () => t.close());

const firmwareSetting = () => ({ category: 'FIRMWARE', settings: { GEN10: { id: gen10.id }, GEN11: { id: gen11.id } } });

describe('FirmwareDownload on a server', () => {
  it('stages the components the server needs without installing them, and records a Stage update', async () => {
    const [server] = await connectedServers(t, 1, { model: 'ProLiant DL360 Gen11', iloVersion: '1.62 Jun 18 2024' });
    const needed = planFirmwareUpdate(gen11, server!.firmwareInventory!, { downgrade: false });
    expect(needed.length).toBeGreaterThan(0);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.firmwareDownload, 'server', server!.id, { bundle_id: gen11.id, install_sw_drivers: true });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete' });
    expect(done.results['components']).toEqual(needed.map((c) => ({ ...c, status: 'OK' })));
    const after = (await findServer(t.store, t.workspaces.A, server!.id))!;
    expect(after.firmwareInventory).toEqual(server!.firmwareInventory);
    expect(after.firmwareBundleUri).toBe(server!.firmwareBundleUri);
    expect(after.lastFirmwareUpdate).toMatchObject({
      status: 'OK',
      bundleUpdateMethod: 'Stage',
      attemptedBaselineUri: `/compute-ops-mgmt/v1/firmware-bundles/${gen11.id}`,
      installSwDrivers: true,
      powerOff: null,
    });
    expect(after.lastFirmwareUpdate!.firmwareInventoryUpdates).toHaveLength(needed.length);
    const device = await h.driver.readFirmwareInventory(deviceOf(t, server!));
    expect(device.ok && device.value.map((f) => ({ name: f.name, version: f.version }))).toEqual(server!.firmwareInventory!.map((f) => ({ name: f.name, version: f.version })));
    const keys = await t.store.all<{ activity_key: string }>('SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ? ORDER BY created_at, id', [
      t.workspaces.A,
      server!.id,
    ]);
    expect(keys.map((k) => k.activity_key)).toEqual(['JOB_STARTED', 'JOB_COMPLETED']);
  });

  it('answers 400 without a bundle_id or with one that does not exist, naming jobParams.bundle_id', async () => {
    const [server] = await connectedServers(t, 1);
    for (const params of [null, { bundle_id: 'ffffffffffffffffffffffffffffffff' }]) {
      const res = await postJob(t, TEMPLATE_IDS.firmwareDownload, 'server', server!.id, params);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toContain('jobParams.bundle_id');
    }
  });

  it('fails with the task reason when the download fails', async () => {
    const [server] = await connectedServers(t, 1, { model: 'ProLiant DL380 Gen10', iloVersion: '2.72 Sep 04 2022' });
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, server!), 'firmware-failure', true);
    const job = await createJob(t, TEMPLATE_IDS.firmwareDownload, 'server', server!.id, { bundle_id: gen10.id });
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({
      state: 'ERROR',
      resultCode: 'FAILURE',
      status: 'JobErrorException : The component download failed: image verification error',
      data: { state_reason_message: { message_id: 'FWE-115' } },
    });
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.lastFirmwareUpdate).toMatchObject({ status: 'FAILED', bundleUpdateMethod: 'Stage' });
  });
});

describe('group firmware downloads', () => {
  it('GroupFirmwareDownload stages every member at once with the bundle of its generation', async () => {
    const a = await connectedServers(t, 1, { model: 'ProLiant DL360 Gen10', iloVersion: '2.72 Sep 04 2022' });
    const b = await connectedServers(t, 1, { model: 'ProLiant DL380 Gen11', iloVersion: '1.56 Feb 02 2024' });
    const group = await groupWith(t, 'Download group', [firmwareSetting()], [...a, ...b]);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupFirmwareDownload, 'group', group.id, { installSWDrivers: false, test_connection: true });

    // The first step starts both children: nothing is installed, so nothing waits.
    await h.engine.runStep((await h.engine.claim(10))[0]!);
    const children = await childrenOf(t, job.id);
    expect(children.map((c) => [c.name, c.resource.id, c.params['bundle_id']]).sort()).toEqual(
      [
        ['FirmwareDownload', a[0]!.id, gen10.id],
        ['FirmwareDownload', b[0]!.id, gen11.id],
      ].sort(),
    );
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete', results: { succeeded: 2, failed: 0, skipped: 0 } });
    for (const s of [...a, ...b]) {
      const after = (await findServer(t.store, t.workspaces.A, s.id))!;
      expect(after.lastFirmwareUpdate).toMatchObject({ status: 'OK', bundleUpdateMethod: 'Stage' });
      expect(after.firmwareInventory).toEqual(s.firmwareInventory);
    }
  });

  it('FirmwareDownload on a group takes devices and a bundle_id for its generation, and reports a failed member', async () => {
    const servers = await connectedServers(t, 3, { model: 'ProLiant DL380 Gen11', iloVersion: '1.56 Feb 02 2024' });
    const group = await groupWith(t, 'Gen11 only', [{ category: 'FIRMWARE', settings: { GEN10: { id: gen10.id } } }], servers);
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, servers[1]!), 'firmware-failure', true);
    const devices = [servers[0]!.id, servers[1]!.id];
    const job = await createJob(t, TEMPLATE_IDS.firmwareDownload, 'group', group.id, { devices, bundle_id: gen11.id, install_sw_drivers: true });
    await runAll(h);
    const done = await readJob(t, job.id);
    expect(done).toMatchObject({
      state: 'ERROR',
      resultCode: 'FAILURE',
      status: 'JobErrorException : 1 servers failed download',
      data: { state_reason_message: { message_id: 'FWE-115', message_args: ['1 of 2 servers failed download'] } },
      results: { succeeded: 1, failed: 1 },
    });
    const children = await childrenOf(t, job.id);
    expect(children.map((c) => c.resource.id).sort()).toEqual([...devices].sort());
    expect(children.every((c) => c.params['bundle_id'] === gen11.id && c.params['install_sw_drivers'] === true)).toBe(true);
    expect((await findServer(t.store, t.workspaces.A, servers[2]!.id))!.lastFirmwareUpdate).toBeNull();
  });

  it('fails with FWE-101 when the group has no firmware baseline, and refuses strangers in devices (400)', async () => {
    const [member, stranger] = await connectedServers(t, 2, {});
    const group = await groupWith(t, 'No baseline', [], [member!]);
    const refused = await postJob(t, TEMPLATE_IDS.groupFirmwareDownload, 'group', group.id, { devices: [stranger!.id] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.body).toContain('jobParams.devices');
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupFirmwareDownload, 'group', group.id);
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', data: { state_reason_message: { message_id: 'FWE-101' } } });
    expect(await childrenOf(t, job.id)).toEqual([]);
  });
});
