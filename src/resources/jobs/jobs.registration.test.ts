// Registration jobs: POST /servers answers with a job id that is a real job, readable through every jobs
// version; the device layer completing the registration ends the job (servers.md §4.4, jobs.md §1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import { completePendingRegistrations } from '../servers/registration-service.ts';
import { expectJob, json, V1, V1BETA3 } from './jobs.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const register = async (host: string) => {
  const res = await t.call(t.callers.operatorA, {
    method: 'POST',
    url: '/compute-ops-mgmt/v1/servers',
    headers: json,
    payload: { hardware: { bmc: { userDefined: { host, username: 'root', password: 'calvin' } } } },
  });
  return expectHpeSchema<{ jobId: string }>(res, 'serverJobResponse', 202).jobId;
};

describe('registration jobs', () => {
  it('are PENDING jobs on the BMC host until the device layer adds the server, then COMPLETE on the server', async () => {
    const jobId = await register('bmc-17.lab');
    const pending = expectJob(await t.call(t.callers.observerA, { method: 'GET', url: `${V1}/${jobId}` }), 'v1');
    expect(pending).toMatchObject({
      id: jobId,
      name: 'AddCredentialServer',
      jobTemplate: TEMPLATE_IDS.addCredentialServer,
      state: 'PENDING',
      resultCode: null,
      resource: { type: 'compute-ops-mgmt/server', id: 'bmc-17.lab' },
      jobParams: { host: 'bmc-17.lab' },
    });
    // The password never reaches the job.
    expect(JSON.stringify(pending)).not.toContain('calvin');
    const listed = (await t.call(t.callers.observerA, { method: 'GET', url: `${V1}?filter=${encodeURIComponent("name eq 'AddCredentialServer'")}` })).json();
    expect(listed.items.map((j: { id: string }) => j.id)).toEqual([jobId]);

    const [outcome] = await completePendingRegistrations(t.store, t.workspaces.A);
    const done = expectJob(await t.call(t.callers.observerA, { method: 'GET', url: `${V1}/${jobId}` }), 'v1');
    expect(done).toMatchObject({
      state: 'COMPLETE',
      resultCode: 'SUCCESS',
      generation: 2,
      resource: { type: 'compute-ops-mgmt/server', id: outcome!.serverId },
      results: { serverId: outcome!.serverId },
    });
    const legacy = expectJob(await t.call(t.callers.observerA, { method: 'GET', url: `${V1BETA3}/${jobId}` }), 'v1beta3');
    expect(legacy.associatedResourceUri).toBe(`/compute-ops-mgmt/v1beta2/servers/${outcome!.serverId}`);
  });

  it('end COMPLETE with FAILURE and a reason when the server already exists', async () => {
    const jobId = await register('bmc-17.lab');
    await completePendingRegistrations(t.store, t.workspaces.A);
    const failed = expectJob(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${jobId}` }), 'v1');
    expect(failed).toMatchObject({ state: 'COMPLETE', resultCode: 'FAILURE', data: { state_reason_message: { message_args: [expect.stringMatching(/already exists/)] } } });
  });

  it('cannot be created through the jobs API, and another workspace cannot see them', async () => {
    const before = await snapshot(t.store);
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: V1,
      headers: json,
      payload: { jobTemplate: TEMPLATE_IDS.addCredentialServer, resourceType: 'compute-ops-mgmt/server', resourceId: 'bmc-9', jobParams: { host: 'bmc-9' } },
    });
    expectComError(res, 400, { key: 'BAD_REQUEST' });
    expect(await snapshot(t.store)).toEqual(before);
    const jobId = await register('bmc-18.lab');
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: `${V1}/${jobId}` }), 404, { key: 'NOT_FOUND' });
  });
});
