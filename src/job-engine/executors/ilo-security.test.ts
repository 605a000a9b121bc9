// iLOSecurity on both databases: the job re-reads the iLO security dashboard and the server's security-parameters
// view (checked against HPE's schema) shows what the iLO says; Ignore flags are set on the iLO, kept there, and
// stop counting against overallSecurityStatus; unknown parameters are refused at creation; a BMC that does not
// answer fails the job with a reason.
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

const TEMPLATE = templateByName('iLOSecurity')!.id;

type Param = { id: string; name: string; securityStatus: string; state: string; ignore: boolean; recommendedAction: string };
type View = { overallSecurityStatus: string; iloSecurityParams: Param[] };

async function securityView(server: Server, version: 'v1' | 'v1beta2' = 'v1'): Promise<View> {
  const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/${version}/servers/${encodeURIComponent(server.id)}/security-parameters` });
  return expectHpeSchema<View>(res, `securityParametersResponse-${version}`);
}

async function activityKeys(serverId: string): Promise<string[]> {
  const rows = await t.store.all<{ activity_key: string }>('SELECT activity_key FROM activities WHERE workspace_id = ? AND associated_server_id = ? ORDER BY created_at, id', [t.workspaces.A, serverId]);
  return rows.map((r) => r.activity_key);
}

const byName = (view: View, name: string) => view.iloSecurityParams.find((p) => p.name === name);

describe('iLOSecurity', () => {
  it('stores the dashboard the iLO reports, each risk following the setting it watches', async () => {
    const [server] = await connectedServers(t, 1);
    const h = engineFor(t);
    const device = deviceOf(t, server!);
    await h.driver.applyIloSettings(device, { AccountService: { MinPasswordLength: 6 }, 1: { RequiredLoginForiLORBSU: true } });

    const job = await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [] });
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { overallSecurityStatus: 'RISK', changedParameters: [], ignoredParameters: [] } });
    const dashboard = await h.driver.readSecurityDashboard(device);
    if (!dashboard.ok) throw new Error(dashboard.message);
    for (const version of ['v1', 'v1beta2'] as const) {
      const view = await securityView(server!, version);
      expect(view.overallSecurityStatus).toBe('RISK');
      expect(view.iloSecurityParams.map((p) => [p.id, p.name, p.securityStatus, p.ignore])).toEqual(dashboard.value.params.map((p) => [p.id, p.name, p.securityStatus.toUpperCase(), false]));
      expect(byName(view, 'Minimum Password Length')).toMatchObject({ securityStatus: 'RISK', state: 'INSUFFICIENT', recommendedAction: expect.stringMatching(/.+/) });
      expect(byName(view, 'Require Login for iLO RBSU')).toMatchObject({ securityStatus: 'OK', state: 'ENABLED', recommendedAction: '' });
    }

    await h.driver.applyIloSettings(device, { AccountService: { MinPasswordLength: 10 }, 1: { RequiredLoginForiLORBSU: false } });
    await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [] });
    await runAll(h);
    const after = await securityView(server!);
    expect(byName(after, 'Minimum Password Length')).toMatchObject({ securityStatus: 'OK', state: 'OK' });
    expect(byName(after, 'Require Login for iLO RBSU')).toMatchObject({ securityStatus: 'RISK', state: 'DISABLED' });
    expect(await activityKeys(server!.id)).toEqual(['JOB_COMPLETED', 'JOB_COMPLETED']);
  });

  it('sets Ignore on the iLO: ignored risks stop counting, the choice persists on the device and can be undone', async () => {
    const [server] = await connectedServers(t, 1);
    const h = engineFor(t);
    const device = deviceOf(t, server!);
    await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [] });
    await runAll(h);
    const risks = (await securityView(server!)).iloSecurityParams.filter((p) => p.securityStatus === 'RISK');
    expect(risks.length).toBeGreaterThan(1);

    const ignoreAll = await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: risks.map((p) => ({ name: p.name, ignore: true, id: p.id })) });
    await runAll(h);
    expect(await readJob(t, ignoreAll.id)).toMatchObject({
      state: 'COMPLETE',
      results: { overallSecurityStatus: 'OK', parametersAtRisk: 0, changedParameters: risks.map((p) => p.name), ignoredParameters: risks.map((p) => p.name) },
    });
    for (const version of ['v1', 'v1beta2'] as const) {
      const view = await securityView(server!, version);
      expect(view.overallSecurityStatus).toBe('OK');
      for (const p of risks) expect(view.iloSecurityParams.find((x) => x.id === p.id)).toMatchObject({ securityStatus: 'RISK', ignore: true });
    }
    expect(await h.driver.readSecurityDashboard(device)).toMatchObject({ ok: true, value: { overallSecurityStatus: 'Ignored' } });

    // A new simulator (OpenCOM restarted) finds the choice still on the iLO.
    const restarted = engineFor(t);
    const kept = await restarted.driver.readSecurityDashboard(device);
    expect(kept.ok && kept.value.params.filter((p) => p.ignore).map((p) => p.id)).toEqual(risks.map((p) => p.id));

    const [first] = risks;
    const undo = await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [{ name: first!.name, ignore: false, id: first!.id }] });
    await runAll(restarted);
    expect(await readJob(t, undo.id)).toMatchObject({ state: 'COMPLETE', results: { overallSecurityStatus: 'RISK', parametersAtRisk: 1, changedParameters: [first!.name] } });
    const view = await securityView(server!);
    expect(view.overallSecurityStatus).toBe('RISK');
    expect(view.iloSecurityParams.find((p) => p.id === first!.id)).toMatchObject({ ignore: false, securityStatus: 'RISK' });
  });

  it('accepts the parameters as GET security-parameters showed them before the dashboard was first read', async () => {
    const [server] = await connectedServers(t, 1);
    const stored = (await findDetails(t.store, t.workspaces.A, server!.id))!.securityParameters;
    const ipmi = stored.find((p) => p.name.toLowerCase() === 'ipmi/dcmi over lan')!;
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [{ name: ipmi.name, ignore: true, id: ipmi.id }] });
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', results: { changedParameters: ['IPMI/DCMI Over LAN'], ignoredParameters: ['IPMI/DCMI Over LAN'] } });
    expect(byName(await securityView(server!), 'IPMI/DCMI Over LAN')).toMatchObject({ ignore: true, securityStatus: 'OK', state: 'DISABLED' });
  });

  it('refuses parameters the server does not have, missing settings, and a group target with a 400', async () => {
    const [server] = await connectedServers(t, 1);
    const [known] = (await findDetails(t.store, t.workspaces.A, server!.id))!.securityParameters;
    expectComError(await postJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [{ name: known!.name, ignore: true, id: known!.id }, { name: 'Telnet', ignore: true, id: '99' }] }), 400, {
      subjects: ['jobParams.ignoreSecuritySettings.1.id'],
    });
    expectComError(await postJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [{ name: 'Something Else', ignore: true, id: known!.id }] }), 400, {
      subjects: ['jobParams.ignoreSecuritySettings.0.name'],
    });
    expectComError(await postJob(t, TEMPLATE, 'server', server!.id, {}), 400, { subjects: ['jobParams.ignoreSecuritySettings'] });
    const group = await groupWith(t, 'Security', [], [server!]);
    expectComError(await postJob(t, TEMPLATE, 'group', group.id, { ignoreSecuritySettings: [] }), 400, { subjects: ['resourceType'] });
    expect(await jobsOn(t, [server!.id, group.id])).toBe(0);
  });

  it('fails with a reason when the BMC does not answer, and leaves the view as it was', async () => {
    const [server] = await connectedServers(t, 1);
    const before = await securityView(server!);
    const h = engineFor(t);
    await h.driver.setFault(deviceOf(t, server!), 'unreachable', true);
    const job = await createJob(t, TEMPLATE, 'server', server!.id, { ignoreSecuritySettings: [] });
    await runAll(h);
    const done = await readJob(t, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', data: { state_reason_message: { message_id: 'SRV-101' } } });
    expect(done.status).toMatch(/^JobErrorException : Reading the iLO security dashboard failed: BMC of .* does not answer$/);
    expect(await securityView(server!)).toEqual(before);
    expect(await activityKeys(server!.id)).toEqual(['JOB_FAILED']);
  });
});
