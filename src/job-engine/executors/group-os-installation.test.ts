// GroupOSInstallation on both databases: the image of the group's OS setting installed on every member through
// its iLO (virtual CD, one-time boot, restart, installer), the new host OS shown by the servers API and the media
// ejected; failures (BMC unreachable, unreachable or non-bootable image, no storage volume, another OS than the
// setting's) fail their child with a readable reason and are tallied by the parent; serial stopOnFailure; a group
// without an OS setting; and creation refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openEngine } from '../../../test/helpers/job-engine.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../../resources/servers/model.ts';
import { findDetails, findServer, saveDetails } from '../../resources/servers/repository.ts';
import type { StoredJob } from '../model.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { childrenOf, connectedServers, createJob, deviceOf, engineFor, groupWith, jobsOn, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const REPO = 'https://repo.example.net';
const RHEL_ISO = `${REPO}/iso/rhel-9.5-x86_64-dvd.iso`;
const osSetting = (osType: string, mediaUrl: string) => ({ category: 'OS', settings: { DEFAULT: { osType, mediaUrl, unattendedInstallationFileUrl: `${REPO}/ks/rhel-ks.iso` } } });
const RHEL = osSetting('RHEL', RHEL_ISO);

/** Members whose storage volume is known (or not), as analyze-os-install reports it. */
async function serversWithVolume(count: number, hasVolume = true): Promise<Server[]> {
  const servers = await connectedServers(t, count, { subscriptionState: 'SUBSCRIBED' });
  for (const s of servers) {
    const details = await findDetails(t.store, t.workspaces.A, s.id);
    await saveDetails(t.store, t.workspaces.A, s.id, { ...details!, hasStorageVolume: hasVolume });
  }
  return servers.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const reasonOf = (job: { data: Record<string, unknown> }) => job.data['state_reason_message'] as { message_id: string; message_args: string[] };

/** The job activities of a server (joining the group recorded one too). */
async function activityKeys(serverId: string): Promise<string[]> {
  const rows = await t.store.all<{ activity_key: string }>("SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ? AND activity_key LIKE 'JOB%' ORDER BY created_at, id", [t.workspaces.A, serverId]);
  return rows.map((r) => r.activity_key);
}

const byServer = (children: StoredJob[]) => new Map(children.map((c) => [c.resource.id, c]));

describe('GroupOSInstallation', () => {
  it('installs the setting image on every member in parallel: host OS reported, shown by the servers API, media ejected', async () => {
    const servers = await serversWithVolume(3);
    const group = await groupWith(t, 'RHEL farm', [RHEL], servers);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, null);
    await runAll(h);

    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete', results: { succeeded: 3, failed: 0, skipped: 0 } });
    const children = await childrenOf(t, job.id);
    expect(children.map((c) => [c.name, c.state, c.resultCode])).toEqual(Array(3).fill(['ServerOSInstallation', 'COMPLETE', 'SUCCESS']));
    expect(children.every((c) => c.params['setting_id'] === group.settingIds[0] && c.params['os_completion_timeout_min'] === 240)).toBe(true);
    // Parallel: every child was started before any had ended.
    const firstEnd = children.map((c) => c.endedAt!).sort()[0]!;
    expect(children.every((c) => c.createdAt <= firstEnd)).toBe(true);

    for (const s of servers) {
      const device = deviceOf(t, s);
      const host = await h.driver.readHost(device);
      expect(host).toMatchObject({ ok: true, value: { activity: 'OSRunning', bootOverride: { enabled: 'Disabled' }, os: { osName: 'Red Hat Enterprise Linux', osVersion: '9.5' } } });
      expect(await h.driver.readVirtualMedia(device)).toMatchObject({ ok: true, value: [{ inserted: false }, { inserted: false }] });
      const wire = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/servers/${encodeURIComponent(s.id)}` });
      expect(wire.statusCode).toBe(200);
      // The installer kept the host's name (the answer file names it); the rest is what the image installed.
      expect(wire.json().host).toEqual({ hostname: s.host!.hostname, osName: 'Red Hat Enterprise Linux', osVersion: '9.5', osDescription: 'Red Hat Enterprise Linux 9.5 (Plow)', osType: 16 });
      expect(host.ok && host.value.os).toEqual(wire.json().host);
      expect(byServer(children).get(s.id)!.results).toMatchObject({ osVerified: true, mediaEjected: true, mediaUrl: RHEL_ISO, installedOs: { osName: 'Red Hat Enterprise Linux' } });
      expect(await activityKeys(s.id)).toEqual(['JOB_STARTED', 'JOB_COMPLETED']);
    }
  });

  it('serial with stopOnFailure: an unreachable BMC fails the first server, the others are not started', async () => {
    const servers = await serversWithVolume(3);
    const group = await groupWith(t, 'RHEL serial', [RHEL], servers);
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, servers[0]!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, { parallel: false, stopOnFailure: true });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', results: { succeeded: 0, failed: 1, skipped: 2 } });
    expect(reasonOf(done)).toEqual({ message_id: 'OS-INSTALL-GROUP-FAILED', message_args: ['1 of 3 servers failed the operating system installation; 2 not started after the failure'] });
    const [child] = await childrenOf(t, job.id);
    expect(child).toMatchObject({ resource: { id: servers[0]!.id }, state: 'ERROR', data: { state_reason_message: { message_id: 'SRV-101' } } });
    expect(reasonOf(child!).message_args[0]).toMatch(/does not answer/);
    expect(await activityKeys(servers[0]!.id)).toEqual(['JOB_FAILED']);
    for (const s of servers) expect((await findServer(t.store, t.workspaces.A, s.id))!.host).toEqual(s.host);
  });

  it('fails the children whose image cannot be reached or whose server has no storage volume, and the parent tallies them', async () => {
    const [withVolume] = await serversWithVolume(1);
    const [noVolume] = await serversWithVolume(1, false);
    const group = await groupWith(t, 'Dead repo', [osSetting('RHEL', 'https://repo.example.invalid/iso/rhel-9.4-x86_64-dvd.iso')], [withVolume!, noVolume!]);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, { parallel: true });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', results: { succeeded: 0, failed: 2 } });
    expect(reasonOf(done).message_args[0]).toBe('2 of 2 servers failed the operating system installation');
    const children = byServer(await childrenOf(t, job.id));
    const unreachable = children.get(withVolume!.id)!;
    expect(unreachable).toMatchObject({ state: 'ERROR', status: expect.stringContaining('Mounting the OS image on the virtual CD failed') });
    expect(reasonOf(unreachable).message_args[0]).toMatch(/Unable to connect to repo\.example\.invalid/);
    expect(reasonOf(children.get(noVolume!.id)!)).toMatchObject({ message_id: 'OS-INSTALL-NO-STORAGE-VOLUME', message_args: [expect.stringMatching(/no storage volume/)] });
    const media = await h.driver.readVirtualMedia(deviceOf(t, withVolume!));
    expect(media.ok && media.value.every((m) => !m.inserted)).toBe(true);
  });

  it('fails a child whose image holds no installer, or installs another OS than the setting asks for, and ejects the media', async () => {
    const [server] = await serversWithVolume(1);
    const group = await groupWith(t, 'Driver ISO', [osSetting('RHEL', `${REPO}/iso/spp-2024.09.0-drivers.iso`)], [server!]);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, null);
    await runAll(h);

    expect(await readJob(t, job.id)).toMatchObject({ state: 'ERROR', results: { failed: 1 } });
    const [child] = await childrenOf(t, job.id);
    expect(reasonOf(child!)).toMatchObject({ message_id: 'OS-INSTALL-FAILED', message_args: [expect.stringMatching(/not bootable/)] });
    const device = deviceOf(t, server!);
    expect(await h.driver.readVirtualMedia(device)).toMatchObject({ ok: true, value: [{ inserted: false }, { inserted: false }] });
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.host).toEqual(server!.host);

    const [other] = await serversWithVolume(1);
    const esxi = await groupWith(t, 'ESXi asked', [osSetting('VMWARE_ESXI', RHEL_ISO)], [other!]);
    const wrong = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', esxi.id, null);
    await runAll(h);
    const [wrongChild] = await childrenOf(t, wrong.id);
    expect(reasonOf(wrongChild!)).toEqual({ message_id: 'OS-INSTALL-WRONG-OS', message_args: [expect.stringMatching(/installed Red Hat Enterprise Linux 9\.5.*asks for VMWARE_ESXI/)] });
    expect((await findServer(t.store, t.workspaces.A, other!.id))!.host).toEqual(other!.host);
  });

  it('past osCompletionTimeoutMin, unmounts the image and marks the install complete without confirmation, as HPE does', async () => {
    const [server] = await serversWithVolume(1);
    const group = await groupWith(t, 'Slow Windows', [osSetting('MICROSOFT_WINDOWS', `${REPO}/iso/Windows_Server_2022_Datacenter.iso`)], [server!]);
    // A slower clock than the other tests: a look every two simulated minutes takes 120 real ms, so the 60-minute
    // timeout (30 looks) comes long before the slowed installer (225 simulated minutes) would finish.
    const h = openEngine(t.store, { timeFactor: 1000 });
    await h.driver.setFault(deviceOf(t, server!), 'slow', true);
    const job = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, { osCompletionTimeoutMin: 60 });
    await runAll(h);

    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { succeeded: 1 } });
    const [child] = await childrenOf(t, job.id);
    expect(child).toMatchObject({ resultCode: 'SUCCESS', status: expect.stringContaining('not confirmed within 60 minutes'), results: { osVerified: false, mediaEjected: true } });
    expect(await h.driver.readHost(deviceOf(t, server!))).toMatchObject({ ok: true, value: { activity: 'Installing' } });
    expect(await h.driver.readVirtualMedia(deviceOf(t, server!))).toMatchObject({ ok: true, value: [{ inserted: false }, { inserted: false }] });
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.host).toEqual(server!.host);
  });

  it('fails with a reason when the group has no OS setting', async () => {
    const servers = await serversWithVolume(1);
    const group = await groupWith(t, 'No OS setting', [], servers);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, null);
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE' });
    expect(reasonOf(done)).toEqual({ message_id: 'GROUP-SETTING-MISSING', message_args: ['The group has no OS setting'] });
    expect(await childrenOf(t, job.id)).toEqual([]);
  });

  it('answers 400 for strangers in devices, an empty group, a timeout out of range, and the child template', async () => {
    const [member, stranger] = await serversWithVolume(2);
    const group = await groupWith(t, 'Refusals', [RHEL], [member!]);
    const empty = await groupWith(t, 'Empty', [RHEL], []);
    expectComError(await postJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, { devices: [stranger!.id] }), 400, { subjects: ['jobParams.devices'] });
    expectComError(await postJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', empty.id, null), 400, { subjects: ['resourceId'] });
    expectComError(await postJob(t, TEMPLATE_IDS.groupOsInstallation, 'group', group.id, { osCompletionTimeoutMin: 30 }), 400, { subjects: ['jobParams.osCompletionTimeoutMin'] });
    expectComError(await postJob(t, TEMPLATE_IDS.groupOsInstallation, 'server', member!.id, null), 400, { subjects: ['resourceType'] });
    expectComError(
      await postJob(t, TEMPLATE_IDS.serverOsInstallation, 'server', member!.id, { setting_id: group.settingIds[0], group_id: group.id, os_completion_timeout_min: 240 }),
      400,
      { subjects: ['jobTemplate'] },
    );
    expect(await jobsOn(t, [group.id, empty.id, member!.id])).toBe(0);
  });
});
