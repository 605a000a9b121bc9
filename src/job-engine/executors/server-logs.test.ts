// CollectServerLog on both databases: the job reads the iLO Event Log and the IML from the BMC (and, with
// collect_ahs_log, has it export a week of AHS data), reports them in its results, and moves the server's
// lastServerLogCollectionAt so download-logs hands out a link; a BMC that does not answer fails the job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { LogEntry } from '../../devices/driver.ts';
import type { Server } from '../../resources/servers/model.ts';
import { unzipStored } from '../../resources/servers/log-archive.fixtures.ts';
import { findLogCollection } from '../../resources/servers/log-collections.ts';
import { deleteServer, findServer } from '../../resources/servers/repository.ts';
import { updateServerState } from '../../resources/servers/service.ts';
import { templateByName } from '../templates.ts';
import { connectedServers, createJob, deviceOf, engineFor, groupWith, jobsOn, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const TEMPLATE = templateByName('CollectServerLog')!.id;
const V1 = '/compute-ops-mgmt/v1/servers';

type LogResult = { service: string; name: string; entryCount: number; warningCount: number; criticalCount: number; latestEntryAt: string | null; entries: LogEntry[] };

const get = (url: string) => t.call(t.callers.adminA, { method: 'GET', url });
const serverView = async (s: Server) => expectHpeSchema<{ lastServerLogCollectionAt: string | null }>(await get(`${V1}/${encodeURIComponent(s.id)}`), 'server-v1');

/** A connected server whose logs were never collected (the generated fleet has some that were). */
async function neverCollected(): Promise<Server> {
  const [server] = await connectedServers(t, 1);
  return (await updateServerState(t.store, t.workspaces.A, server!.id, (s) => ({ ...s, lastServerLogCollectionAt: null })))!;
}

describe('CollectServerLog', () => {
  it('collects the iLO event log and the IML, and makes the logs downloadable', async () => {
    const server = await neverCollected();
    const h = engineFor(t);
    const device = deviceOf(t, server!);
    // Something the BMC logs: the server is switched off before the collection.
    expect((await h.driver.power(device, 'ForceOff')).ok).toBe(true);
    expectComError(await get(`${V1}/${encodeURIComponent(server!.id)}/download-logs`), 404);
    expect((await serverView(server!)).lastServerLogCollectionAt).toBeNull();
    const job = await createJob(t, TEMPLATE, 'server', server!.id);
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete', results: { collectAhsLog: false, ahsLog: null } });
    const [iel, iml] = done.results['logs'] as LogResult[];
    const deviceIel = await h.driver.readLogEntries(device, 'IEL');
    const deviceIml = await h.driver.readLogEntries(device, 'IML');
    expect(deviceIel.ok && deviceIml.ok).toBe(true);
    if (!deviceIel.ok || !deviceIml.ok) return;
    expect(iel).toMatchObject({ service: 'IEL', name: 'iLO Event Log', entryCount: deviceIel.value.length, latestEntryAt: deviceIel.value.at(-1)!.created });
    expect(iel!.entries).toEqual(deviceIel.value);
    expect(iel!.entries.at(-1)!.message).toBe('Server power removed.');
    expect(iel!.entries.some((e) => e.message === `Firmware flashed (${server!.firmwareInventory!.find((f) => /^iLO \d/.test(f.name))!.name} ${server!.firmwareInventory!.find((f) => /^iLO \d/.test(f.name))!.version})`)).toBe(true);
    expect(iml).toMatchObject({ service: 'IML', name: 'Integrated Management Log', entryCount: deviceIml.value.length, entries: deviceIml.value });

    const collectedAt = (await findServer(t.store, t.workspaces.A, server!.id))!.lastServerLogCollectionAt;
    expect(collectedAt).toBe(done.results['collectedAt']);
    expect((await serverView(server!)).lastServerLogCollectionAt).toBe(collectedAt);
    expectHpeSchema(await get(`${V1}/${encodeURIComponent(server!.id)}/download-logs`), 'downloadLogsResponse-v1');
  });

  it('exports a week of Active Health System data when collect_ahs_log is true', async () => {
    const [server] = await connectedServers(t, 1);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE, 'server', server!.id, { collect_ahs_log: true });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { collectAhsLog: true } });
    const ahs = done.results['ahsLog'] as { fileName: string; sizeBytes: number; startDate: string; endDate: string };
    const stamp = ahs.endDate.slice(0, 10).replaceAll('-', '');
    expect(ahs.fileName).toBe(`HPE_${server!.hardware.serialNumber}_${stamp}.ahs`);
    expect(Date.parse(ahs.endDate) - Date.parse(ahs.startDate)).toBe(7 * 86_400_000);
    // The size is the device's own: the same export asked again (nothing logged since) is just as large.
    const again = await h.driver.exportAhsLog(deviceOf(t, server!), 7);
    expect(again.ok && again.value.sizeBytes).toBe(ahs.sizeBytes);
    expect(ahs.sizeBytes).toBeGreaterThan(7 * 1_000_000);
  });

  it('refuses a collect_ahs_log that is not a boolean, and a group target, with a 400', async () => {
    const [server] = await connectedServers(t, 1);
    const res = await postJob(t, TEMPLATE, 'server', server!.id, { collect_ahs_log: 'yes' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('collect_ahs_log');
    const group = await groupWith(t, 'log collection', [], [server!]);
    expectComError(await postJob(t, TEMPLATE, 'group', group.id), 400);
    expect(await jobsOn(t, [server!.id, group.id])).toBe(0);
  });

  it('fails with the reason when the BMC does not answer, and records no collection', async () => {
    const server = await neverCollected();
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, server!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE, 'server', server!.id, { collect_ahs_log: true });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', status: expect.stringContaining('Server log collection failed') });
    const reason = done.data['state_reason_message'] as { message_id: string; message_args: string[] };
    expect(reason).toMatchObject({ message_id: 'SRV-101' });
    expect(reason.message_args[0]).toMatch(/does not answer/);
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.lastServerLogCollectionAt).toBeNull();
    expect(await findLogCollection(t.store, t.workspaces.A, server!.id)).toBeUndefined();
    const keys = await t.store.all<{ activity_key: string }>('SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ?', [t.workspaces.A, server!.id]);
    expect(keys.map((k) => k.activity_key)).toEqual(['JOB_FAILED']);
  });
});

type ArchivedLog = { name: string; service: string; collectedAt: string; entryCount: number; entries: LogEntry[] };

/** Asks for a download link and fetches the archive it leads to, unpacked. */
async function downloadArchive(server: Server): Promise<Map<string, string>> {
  const link = expectHpeSchema<{ downloadUrl: string }>(await get(`${V1}/${encodeURIComponent(server.id)}/download-logs`), 'downloadLogsResponse-v1');
  const zip = await t.app.inject({ method: 'GET', url: new URL(link.downloadUrl).pathname });
  expect(zip.statusCode).toBe(200);
  expect(zip.headers['content-type']).toBe('application/zip');
  expect(zip.headers['content-disposition']).toBe(`attachment; filename="HPE-${server.hardware.serialNumber}.zip"`);
  return unzipStored(zip.rawPayload);
}

async function deviceLogs(h: ReturnType<typeof engineFor>, server: Server): Promise<{ iel: LogEntry[]; iml: LogEntry[] }> {
  const iel = await h.driver.readLogEntries(deviceOf(t, server), 'IEL');
  const iml = await h.driver.readLogEntries(deviceOf(t, server), 'IML');
  if (!iel.ok || !iml.ok) throw new Error('the simulated BMC did not answer');
  return { iel: iel.value, iml: iml.value };
}

describe('CollectServerLog: the download-logs archive', () => {
  it('holds the entries of the latest collection, and a second collection replaces the first', async () => {
    const server = await neverCollected();
    const h = engineFor(t);
    const folder = `HPE-${server.hardware.serialNumber}`;
    const first = await createJob(t, TEMPLATE, 'server', server.id, { collect_ahs_log: true });
    await runAll(h);
    const firstDone = await readJob(t, first.id);
    expect(firstDone.state).toBe('COMPLETE');
    const before = await deviceLogs(h, server);

    const files = await downloadArchive(server);
    expect([...files.keys()]).toEqual([`${folder}/summary.txt`, `${folder}/iel.json`, `${folder}/iml.json`, `${folder}/ahs.txt`]);
    const iel = JSON.parse(files.get(`${folder}/iel.json`)!) as ArchivedLog;
    const iml = JSON.parse(files.get(`${folder}/iml.json`)!) as ArchivedLog;
    expect(iel).toEqual({ name: 'iLO Event Log', service: 'IEL', collectedAt: firstDone.results['collectedAt'], entryCount: before.iel.length, entries: before.iel });
    expect(iml).toEqual({ name: 'Integrated Management Log', service: 'IML', collectedAt: firstDone.results['collectedAt'], entryCount: before.iml.length, entries: before.iml });
    expect(before.iel.length).toBeGreaterThan(0);
    const ahs = firstDone.results['ahsLog'] as { fileName: string; sizeBytes: number; startDate: string; endDate: string };
    const note = files.get(`${folder}/ahs.txt`)!;
    for (const line of [`fileName: ${ahs.fileName}`, `sizeBytes: ${ahs.sizeBytes}`, `startDate: ${ahs.startDate}`, `endDate: ${ahs.endDate}`]) expect(note).toContain(line);
    expect(note).toMatch(/not part of this archive/);
    const summary = files.get(`${folder}/summary.txt`)!;
    expect(summary).toContain(`server: ${server.id}`);
    expect(summary).toContain(`collectedAt: ${firstDone.results['collectedAt']}`);
    expect(summary).toContain(`iel.json: ${before.iel.length} entries`);

    // The BMC logs something new; the next collection (without AHS) is what the archive then holds.
    expect((await h.driver.power(deviceOf(t, server), 'ForceOff')).ok).toBe(true);
    const second = await createJob(t, TEMPLATE, 'server', server.id);
    await runAll(h);
    const secondDone = await readJob(t, second.id);
    expect(secondDone.state).toBe('COMPLETE');
    const after = await deviceLogs(h, server);
    expect(after.iel.length).toBeGreaterThan(before.iel.length);

    const replaced = await downloadArchive(server);
    expect([...replaced.keys()]).toEqual([`${folder}/summary.txt`, `${folder}/iel.json`, `${folder}/iml.json`]);
    const newIel = JSON.parse(replaced.get(`${folder}/iel.json`)!) as ArchivedLog;
    expect(newIel.entries).toEqual(after.iel);
    expect(newIel.entries.at(-1)!.message).toBe('Server power removed.');
    expect(newIel.collectedAt).toBe(secondDone.results['collectedAt']);
    expect((JSON.parse(replaced.get(`${folder}/iml.json`)!) as ArchivedLog).entries).toEqual(after.iml);
    expect(replaced.get(`${folder}/summary.txt`)).toContain('ahs.txt: not collected');
    const rows = await t.store.all('SELECT collected_at FROM server_log_collections WHERE workspace_id = ? AND server_id = ?', [t.workspaces.A, server.id]);
    expect(rows).toEqual([{ collected_at: secondDone.results['collectedAt'] }]);
  });

  it("is not reachable from another workspace, and the logs go with the server when it is deleted", async () => {
    const server = await neverCollected();
    const h = engineFor(t);
    await createJob(t, TEMPLATE, 'server', server.id);
    await runAll(h);
    expect(await findLogCollection(t.store, t.workspaces.A, server.id)).toBeDefined();
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await t.call(caller, { method: 'GET', url: `${V1}/${encodeURIComponent(server.id)}/download-logs` }), 404);
    }
    expect(await findLogCollection(t.store, t.workspaces.B, server.id)).toBeUndefined();

    expect(await t.store.transaction((tx) => deleteServer(tx, t.workspaces.A, server.id))).toBe(true);
    expect(await findLogCollection(t.store, t.workspaces.A, server.id)).toBeUndefined();
    expect(await t.store.all('SELECT server_id FROM server_log_collections WHERE server_id = ?', [server.id])).toEqual([]);
  });

  it('holds only the summary for a server that has a collection time but no collected logs', async () => {
    const [seeded] = await connectedServers(t, 1);
    const server = (await updateServerState(t.store, t.workspaces.A, seeded!.id, (s) => ({ ...s, lastServerLogCollectionAt: '2026-05-19T07:00:00.000000Z' })))!;
    const files = await downloadArchive(server);
    const folder = `HPE-${server.hardware.serialNumber}`;
    expect([...files.keys()]).toEqual([`${folder}/summary.txt`]);
    expect(files.get(`${folder}/summary.txt`)).toBe(
      ['OpenCOM server log archive', `server: ${server.id}`, `serialNumber: ${server.hardware.serialNumber}`, `model: ${server.hardware.model ?? 'unknown'}`, 'collectedAt: 2026-05-19T07:00:00.000000Z', ''].join('\n'),
    );
  });
});
