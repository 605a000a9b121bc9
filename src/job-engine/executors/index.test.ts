// The executor registry on both databases: the public templates left without an executor are exactly those
// OpenCOM cannot perform with its device layer, and POST /jobs refuses them with a 400 that says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { JOB_TEMPLATES, templateByName } from '../templates.ts';
import { connectedServers, groupWith, jobsOn, postJob } from './executors.fixtures.ts';
import { executorFor } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

/** Need OneView, vCenter or storage arrays. */
const NOT_PERFORMED = [
  'ApplianceUpdate',
  'DeleteVCenter',
  'GetOneViewSettings',
  'GroupApplianceUpdate',
  'GroupApplyExternalStorage',
  'GroupApplyOneviewSettings',
  'GroupCopyServerProfileTemplates',
  'GroupExternalStorageCompliance',
  'OrchestratorAddUpdateServerTemplates',
  'VCenterFirmwareBundlesSync',
];

describe('executor registry', () => {
  it('runs every public template but those OpenCOM cannot perform', () => {
    const without = JOB_TEMPLATES.filter((tpl) => tpl.public && !executorFor(tpl.name)).map((tpl) => tpl.name);
    expect(without.sort()).toEqual(NOT_PERFORMED);
    for (const name of ['IloOnlyFirmwareUpdate', 'FirmwareDownload', 'GroupFirmwareDownload', 'GroupApplyServerSettings', 'GroupiLOSettingsCompliance', 'CalculateiLOSettingsCompliance']) {
      expect(executorFor(name), name).toBeDefined();
    }
  });

  it('refuses to create a job it cannot perform with a 400 naming the template', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'External storage', [], [server!]);
    const external = templateByName('GroupApplyExternalStorage')!;
    const body = expectComError(await postJob(t, external.id, 'group', group.id), 400, { subjects: ['jobTemplate'] });
    expect(body.message).toBe(`Job template GroupApplyExternalStorage (${external.id}) is not supported by OpenCOM`);
    const oneView = templateByName('GetOneViewSettings')!;
    expectComError(await postJob(t, oneView.id, 'server', server!.id), 400, { subjects: ['jobTemplate'] });
    expect(await jobsOn(t, [group.id, server!.id])).toBe(0);
  });
});
