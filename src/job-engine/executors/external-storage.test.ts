// GetServerExternalStorage on both databases: the job reads what the server sees of its SAN and the server's
// external-storage-details view (checked against HPE's schema) serves it, refreshed on each run and gone when
// the server has no external volume any more; a BMC that does not answer fails the job with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ExternalStorageConnections } from '../../devices/driver.ts';
import type { Server } from '../../resources/servers/model.ts';
import { templateByName } from '../templates.ts';
import { hostOsOf } from './external-storage.ts';
import { connectedServers, createJob, deviceOf, engineFor, groupWith, jobsOn, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const TEMPLATE = templateByName('GetServerExternalStorage')!.id;

const HOST_GROUP = { id: '0b9dc54a-523f-421e-9e0f-6b586abb6b55', name: 'esx-cluster-a' };
const SAN: ExternalStorageConnections = {
  hostName: 'esx-prod-017',
  osName: 'VMware ESXi',
  initiators: [{ adapter: 'HPE SN1610Q 32Gb 2p FC HBA', wwpn: '10:00:5c:ba:2c:11:22:33' }],
  volumes: [
    { lun: 2, name: 'datastore-02', array: 'HPE Alletra 9060', hostGroup: HOST_GROUP },
    { lun: 1, name: 'datastore-01', array: 'HPE Alletra 9060', hostGroup: HOST_GROUP },
  ],
};

type Details = { serverId: string; createdAt: string; updatedAt: string; generation: number; hostName: string; hostOs: string; hostGroups: unknown[]; volumeDetails: { lun: number; name: string }[] };

function url(server: Server, version: 'v1' | 'v1beta2'): string {
  return `/compute-ops-mgmt/${version}/servers/${encodeURIComponent(server.id)}/external-storage-details`;
}

async function details(server: Server, version: 'v1' | 'v1beta2' = 'v1'): Promise<Details> {
  const res = await t.call(t.callers.adminA, { method: 'GET', url: url(server, version) });
  expect(res.statusCode, res.body).toBe(200);
  // HPE declares serverId a uuid, but it carries the server id (servers.md §5.5): that one deviation is expected.
  expect(hpeSchemaErrors(`serverVolumeDetailsResponse-${version}`, res.json()).filter((e) => !e.startsWith('/serverId must match format'))).toEqual([]);
  return res.json() as Details;
}

describe('GetServerExternalStorage', () => {
  it('stores what the server sees of its SAN, and refreshes it on each run', async () => {
    const [server] = await connectedServers(t, 1);
    const h = engineFor(t);
    await h.driver.setExternalStorage(deviceOf(t, server!), SAN);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: url(server!, 'v1') }), 404, { key: 'NOT_FOUND' });

    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { externalStorageFound: true, hostName: 'esx-prod-017', volumes: 2, arrays: ['HPE Alletra 9060'] } });
    for (const version of ['v1', 'v1beta2'] as const) {
      expect(await details(server!, version)).toMatchObject({
        serverId: server!.id,
        generation: 1,
        hostName: 'esx-prod-017',
        hostOs: 'VMWARE_ESXI',
        hostGroups: [HOST_GROUP],
        volumeDetails: [{ lun: 1, name: 'datastore-01' }, { lun: 2, name: 'datastore-02' }],
      });
    }
    const first = await details(server!);

    const other = { id: '6f1c9a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', name: 'backup-hosts' };
    await h.driver.setExternalStorage(deviceOf(t, server!), { ...SAN, osName: 'Red Hat Enterprise Linux', volumes: [...SAN.volumes, { lun: 7, name: 'backup-01', array: 'HPE Primera 650', hostGroup: other }] });
    await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);
    const second = await details(server!);
    expect(second).toMatchObject({ generation: 2, createdAt: first.createdAt, hostOs: 'RHE_LINUX', hostGroups: [HOST_GROUP, other] });
    expect(second.volumeDetails.map((v) => v.lun)).toEqual([1, 2, 7]);
    expect(second.updatedAt > first.updatedAt).toBe(true);
  });

  it('takes the details away when the server no longer sees an external volume', async () => {
    const [server] = await connectedServers(t, 1);
    const h = engineFor(t);
    await h.driver.setExternalStorage(deviceOf(t, server!), SAN);
    await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);
    await details(server!);

    await h.driver.setExternalStorage(deviceOf(t, server!), null);
    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { externalStorageFound: false, volumes: 0 } });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: url(server!, 'v1beta2') }), 404, { key: 'NOT_FOUND' });
  });

  it('fails with a reason when the BMC does not answer, keeping what was gathered before', async () => {
    const [server] = await connectedServers(t, 1);
    const h = engineFor(t);
    await h.driver.setExternalStorage(deviceOf(t, server!), SAN);
    await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);
    const before = await details(server!);

    await h.driver.setFault(deviceOf(t, server!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);
    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', data: { state_reason_message: { message_id: 'SRV-101' } } });
    expect(done.status).toMatch(/^JobErrorException : Collecting external storage details failed: BMC of .* does not answer$/);
    expect(await details(server!)).toEqual(before);
  });

  it('refuses a group target with a 400', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'External storage', [], [server!]);
    expectComError(await postJob(t, TEMPLATE, 'group', group.id), 400, { subjects: ['resourceType'] });
    expect(await jobsOn(t, [group.id])).toBe(0);
  });

  it("names the host's OS as the array does", () => {
    expect(['VMware ESXi', 'Microsoft Windows Server 2022 Datacenter', 'SUSE Linux Enterprise Server 15 SP5', 'Ubuntu 22.04.4 LTS', 'Oracle Linux 9 (UEK)', 'BeOS'].map(hostOsOf)).toEqual([
      'VMWARE_ESXI',
      'WINDOWS_SERVER',
      'SUSE_LINUX',
      'UBUNTU',
      'OE_LINUX_UEK',
      'UNKNOWN',
    ]);
  });
});
