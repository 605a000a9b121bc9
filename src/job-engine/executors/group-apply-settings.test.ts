// GroupApplyServerSettings on both databases: a group's iLO setting PATCHed into each member's iLO and its
// BIOS setting staged for the next boot (after a factory reset when asked), batch_size servers at a time;
// the BIOS reset that unassigning with reset-subsystems=BIOS starts; a group without the setting fails with
// a reason; and the per-server children are not creatable through the jobs API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { operationOf, unassign } from '../../resources/groups/groups.fixtures.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { childrenOf, connectedServers, createJob, deviceOf, engineFor, groupWith, JOBS, jobsOn, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const RESTART = '30110551-cad6-4069-95b8-dbce9bbd8525';
const ILO = { category: 'ILO_SETTINGS', settings: { DEFAULT: { AccountService: { MinPasswordLength: 14, EnforcePasswordComplexity: true }, SnmpService: { SNMPv1RequestsEnabled: false } } } };
const BIOS = { category: 'BIOS', settings: { DEFAULT: { enableCustomWorkloadProfile: false, redfishData: { Attributes: { WorkloadProfile: 'LowLatency', AdminName: 'Ops team' } } } } };

describe('GroupApplyServerSettings', () => {
  it('ILO_SETTINGS: applies the group setting to every member, batch_size servers at a time', async () => {
    const servers = await connectedServers(t, 3);
    const group = await groupWith(t, 'iLO hardened', [ILO], servers);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'ILO_SETTINGS', batch_size: 2 });
    await runAll(h);

    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete', results: { redfishSubsystem: 'ILO_SETTINGS', succeeded: 3, failed: 0 } });
    const children = (await childrenOf(t, job.id)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    expect(children.map((c) => [c.name, c.state, c.resultCode])).toEqual(Array(3).fill(['SetIloSettings', 'COMPLETE', 'SUCCESS']));
    expect(children.every((c) => c.params['setting_id'] === group.settingIds[0])).toBe(true);
    // Two in the first batch, started together (before either ended); the third only once both had ended.
    const [first, second, third] = children;
    expect(second!.createdAt < first!.endedAt! && first!.createdAt < second!.endedAt!).toBe(true);
    expect(third!.createdAt >= first!.endedAt! && third!.createdAt >= second!.endedAt!).toBe(true);
    for (const s of servers) {
      const read = await h.driver.readIloSettings(deviceOf(t, s));
      expect(read).toMatchObject({ ok: true, value: { AccountService: { MinPasswordLength: 14, EnforcePasswordComplexity: true, AuthFailureLoggingThreshold: 3 }, SnmpService: { SNMPv1RequestsEnabled: false } } });
    }
  });

  it('BIOS with factory_reset: resets to defaults and stages the attributes, which the next boot applies', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'Low latency', [BIOS], [server!]);
    const h = engineFor(t);
    const device = deviceOf(t, server!);
    await h.driver.applyBiosSettings(device, { ServerAssetTag: 'old-tag' });
    await h.driver.power(device, 'ForceRestart');
    await new Promise((r) => setTimeout(r, 5)); // the simulated 30-second restart, at this clock's pace
    expect(await h.driver.readBiosSettings(device)).toMatchObject({ ok: true, value: { attributes: { ServerAssetTag: 'old-tag' }, pending: {} } });
    const job = await createJob(t, TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'BIOS', factory_reset: true, devices: [server!.id] });
    await runAll(h);

    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { succeeded: 1 } });
    const [child] = await childrenOf(t, job.id);
    expect(child).toMatchObject({ name: 'ApplySettingsTemplate', resultCode: 'SUCCESS', results: { factoryReset: true, attributes: 2, pendingReboot: true } });
    const staged = await h.driver.readBiosSettings(device);
    expect(staged).toMatchObject({ ok: true, value: { resetPending: true, pending: { WorkloadProfile: 'LowLatency', AdminName: 'Ops team' }, attributes: { ServerAssetTag: 'old-tag' } } });

    const restart = await createJob(t, RESTART, 'server', server!.id);
    await runAll(h);
    expect(await readJob(t, restart.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
    const booted = await h.driver.readBiosSettings(device);
    expect(booted).toMatchObject({ ok: true, value: { resetPending: false, pending: {}, attributes: { WorkloadProfile: 'LowLatency', AdminName: 'Ops team', ServerAssetTag: '' } } });
  });

  it('resets the BIOS of servers unassigned with reset-subsystems=BIOS, without requiring membership', async () => {
    const [server, other] = await connectedServers(t, 2);
    const group = await groupWith(t, 'Leaving', [], [server!, other!]);
    const op = await operationOf(t, t.callers.adminA, await unassign(t, t.callers.adminA, group.id, [{ deviceId: server!.id }], 'reset-subsystems=BIOS'));
    expect(op.state).toBe('SUCCEEDED');
    const h = engineFor(t);
    await runAll(h);

    const row = await t.store.get<{ id: string }>("SELECT id FROM jobs WHERE workspace_id = ? AND name = 'GroupApplyServerSettings' AND resource_id = ?", [t.workspaces.A, group.id]);
    expect(await readJob(t, row!.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { succeeded: 1 } });
    const [child] = await childrenOf(t, row!.id);
    expect(child).toMatchObject({ name: 'ApplySettingsTemplate', resource: { type: 'server', id: server!.id }, params: { reset_only: true, factory_reset: true } });
    expect(await h.driver.readBiosSettings(deviceOf(t, server!))).toMatchObject({ ok: true, value: { resetPending: true, pending: {} } });
    expect(await h.driver.readBiosSettings(deviceOf(t, other!))).toMatchObject({ ok: true, value: { resetPending: false } });
  });

  it('fails with a reason when the group has no setting for the subsystem', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'Only iLO', [ILO], [server!]);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'BIOS' });
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({
      state: 'ERROR',
      resultCode: 'FAILURE',
      status: 'JobErrorException : The group has no BIOS setting',
      data: { state_reason_message: { message_id: 'GROUP-SETTING-MISSING', message_args: ['The group has no BIOS setting'] } },
    });
    expect(await childrenOf(t, job.id)).toEqual([]);
  });

  it('ends with ERROR naming how many servers failed when a member does not answer', async () => {
    const servers = await connectedServers(t, 2);
    const group = await groupWith(t, 'Half reachable', [ILO], servers);
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, servers[0]!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'ILO_SETTINGS', batch_size: 20 });
    await runAll(h);
    const done = await readJob(t, job.id);
    expect(done).toMatchObject({
      state: 'ERROR',
      status: 'JobErrorException : 1 servers failed to apply settings',
      data: { state_reason_message: { message_id: 'GROUP-SETTINGS-APPLY-FAILED', message_args: ['1 of 2 servers failed to apply the ILO_SETTINGS settings'] } },
      results: { succeeded: 1, failed: 1 },
    });
    const failed = (done.results['servers'] as { serverId: string; status: string; reason: string }[]).find((s) => s.serverId === servers[0]!.id)!;
    expect(failed.status).toBe('FAILED');
    expect(failed.reason).toMatch(/^JobErrorException : Applying iLO settings failed: BMC of .* does not answer$/);
  });

  it('refuses at creation: strangers in devices, removed_from_group for iLO settings, and its children on their own', async () => {
    const [member, stranger] = await connectedServers(t, 2);
    const group = await groupWith(t, 'Strict', [ILO], [member!]);
    const cases: [string, 'group' | 'server', string, Record<string, unknown>, string][] = [
      [TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'ILO_SETTINGS', devices: [stranger!.id] }, 'jobParams.devices'],
      [TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'ILO_SETTINGS', devices: [stranger!.id], removed_from_group: true }, 'jobParams.redfish_subsystem'],
      [TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'BIOS', devices: ['P00000-B21+NOSUCHSRV'], factory_reset: true, removed_from_group: true }, 'jobParams.devices'],
      [TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'FIRMWARE' }, 'jobParams.redfish_subsystem'],
      [TEMPLATE_IDS.setIloSettings, 'server', member!.id, { setting_id: group.settingIds[0]! }, 'jobTemplate'],
      [TEMPLATE_IDS.applySettingsTemplate, 'server', member!.id, { factory_reset: true, reset_only: true }, 'jobTemplate'],
    ];
    for (const [template, type, id, params, subject] of cases) {
      const res = await postJob(t, template, type, id, params);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body, JSON.stringify(params)).toContain(subject);
    }
    expect(await jobsOn(t, [group.id, member!.id, stranger!.id])).toBe(0);
  });

  it('a parent ended by hand ends its unfinished children, and starts no more', async () => {
    const servers = await connectedServers(t, 3);
    const group = await groupWith(t, 'Ended by hand', [ILO], servers);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'ILO_SETTINGS', batch_size: 1 });
    // One step of the parent only: it plans and starts the first batch, whose child has not run yet.
    const [claimed] = await h.engine.claim(1);
    expect(claimed?.id).toBe(job.id);
    await h.engine.runStep(claimed!);
    const [first] = await childrenOf(t, job.id);
    expect(first).toMatchObject({ name: 'SetIloSettings', state: 'PENDING' });

    const res = await t.call(t.callers.operatorA, { method: 'PATCH', url: `${JOBS}/${job.id}`, headers: { 'content-type': 'application/merge-patch+json' }, payload: { state: 'ERROR' } });
    expect(res.statusCode, res.body).toBe(200);
    await runAll(h);

    expect(await readJob(t, job.id)).toMatchObject({ state: 'ERROR', data: { state_reason_message: { message_id: 'JOB-ENDED-BY-USER' } } });
    const children = await childrenOf(t, job.id);
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', data: { state_reason_message: { message_id: 'JOB-PARENT-ENDED-BY-USER' } } });
    // The child never ran: no member's iLO changed.
    for (const s of servers) {
      const read = await h.driver.readIloSettings(deviceOf(t, s));
      expect(read.ok && (read.value as { AccountService: { MinPasswordLength: number } }).AccountService.MinPasswordLength).not.toBe(14);
    }
  });
});
