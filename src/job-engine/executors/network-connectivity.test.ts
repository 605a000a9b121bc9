// ServerNetworkConnectivity on both databases: the job reads every NIC port's link and LLDP neighbor from the
// BMC, reports them in its results, and refreshes the server's tor-port-mappings (checked against HPE's
// schema); a pulled cable leaves a CACHED mapping; a BMC that does not answer fails the job with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../../resources/servers/model.ts';
import { findDetails } from '../../resources/servers/repository.ts';
import { templateByName } from '../templates.ts';
import { connectedServers, createJob, deviceOf, engineFor, groupWith, jobsOn, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const TEMPLATE = templateByName('ServerNetworkConnectivity')!.id;

type Mapping = { portMac: string; portConnectivityState: string; clientState: string; switchName: string; switchPort: string; switchPortLinkStatus: string; switchSerialNumber: string; generation: number; id: string };

async function mappings(server: Server, version: 'v1' | 'v1beta2' = 'v1'): Promise<Mapping[]> {
  const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/${version}/servers/${encodeURIComponent(server.id)}/tor-port-mappings` });
  return expectHpeSchema<{ items: Mapping[] }>(res, `torPortMappingsCollection-${version}`).items;
}

async function activityKeys(serverId: string): Promise<string[]> {
  const rows = await t.store.all<{ activity_key: string }>('SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ? ORDER BY created_at, id', [t.workspaces.A, serverId]);
  return rows.map((r) => r.activity_key);
}

describe('ServerNetworkConnectivity', () => {
  it('reports each NIC port with its switch, and refreshes the server tor-port-mappings', async () => {
    const [server] = await connectedServers(t, 1);
    const seeded = (await findDetails(t.store, t.workspaces.A, server!.id))!.torPortMappings;
    expect(seeded.length).toBeGreaterThan(0);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete' });
    const ports = await h.driver.readNetworkPorts(deviceOf(t, server!));
    expect(ports.ok).toBe(true);
    if (!ports.ok) return;
    expect(done.results).toMatchObject({ portCount: ports.value.length, linkUpCount: ports.value.length, mappedCount: ports.value.length });
    expect(done.results['ports']).toEqual(
      ports.value.map((p) => ({
        adapterId: p.adapterId,
        adapterName: p.adapterName,
        portId: p.portId,
        portMac: p.macAddress,
        linkStatus: 'LinkUp',
        speedGbps: p.currentSpeedGbps,
        switchName: p.lldpNeighbor!.systemName,
        switchPort: p.lldpNeighbor!.portId,
        switchIpAddress: p.lldpNeighbor!.managementAddressIPv4,
      })),
    );
    // The switch each port hears is the one the fleet cabled it to.
    expect(ports.value.map((p) => [p.macAddress, p.lldpNeighbor?.systemName, p.lldpNeighbor?.portId])).toEqual(seeded.map((m) => [m.portMac, m.switchName, m.switchPort]));

    for (const version of ['v1', 'v1beta2'] as const) {
      const view = await mappings(server!, version);
      expect(view.map((m) => [m.portMac, m.portConnectivityState, m.clientState, m.switchName, m.switchPort])).toEqual(seeded.map((m) => [m.portMac, 'CURRENT', 'ONLINE', m.switchName, m.switchPort]));
      // Same mapping records, one generation later; what LLDP does not carry is kept.
      expect(view.map((m) => [m.id, m.generation, m.switchSerialNumber])).toEqual(seeded.map((m) => [m.id, m.generation + 1, m.switchSerialNumber]));
    }
    expect(await activityKeys(server!.id)).toEqual(['JOB_COMPLETED']);
  });

  it('keeps the last known switch of a port whose cable was pulled as CACHED, and logs the link loss', async () => {
    const [server] = await connectedServers(t, 1);
    const seeded = (await findDetails(t.store, t.workspaces.A, server!.id))!.torPortMappings;
    const pulled = seeded[1]!;
    const h = engineFor(t);
    expect(await h.driver.setPortCabled(deviceOf(t, server!), pulled.portMac, false)).toBe(true);
    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { linkUpCount: seeded.length - 1, mappedCount: seeded.length - 1 } });
    expect((done.results['ports'] as { portMac: string; linkStatus: string; switchName: string | null }[]).find((p) => p.portMac === pulled.portMac)).toMatchObject({ linkStatus: 'NoLink', switchName: null });
    const view = await mappings(server!);
    expect(view.find((m) => m.portMac === pulled.portMac)).toMatchObject({ portConnectivityState: 'CACHED', clientState: 'OFFLINE', switchName: pulled.switchName, switchPort: pulled.switchPort, switchPortLinkStatus: 'UNKNOWN' });
    expect(view.find((m) => m.portMac === seeded[0]!.portMac)).toMatchObject({ portConnectivityState: 'CURRENT' });
    const iml = await h.driver.readLogEntries(deviceOf(t, server!), 'IML');
    expect(iml.ok && iml.value.at(-1)).toMatchObject({ severity: 'Warning', message: expect.stringContaining('Network Adapter Link Down') });
  });

  it('fails with the reason when the BMC does not answer, leaving the mappings as they were', async () => {
    const [server] = await connectedServers(t, 1);
    const before = await mappings(server!);
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, server!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', status: expect.stringContaining('Network connectivity collection failed') });
    const reason = done.data['state_reason_message'] as { message_id: string; message_args: string[] };
    expect(reason.message_id).toBe('SRV-101');
    expect(reason.message_args[0]).toMatch(/does not answer/);
    expect(await mappings(server!)).toEqual(before);
    expect(await activityKeys(server!.id)).toEqual(['JOB_FAILED']);
  });

  it('refuses a group target with a 400', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'connectivity', [], [server!]);
    expectComError(await postJob(t, TEMPLATE, 'group', group.id), 400);
    expect(await jobsOn(t, [group.id])).toBe(0);
  });
});
