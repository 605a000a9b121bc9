// iLO settings compliance on both databases: GroupiLOSettingsCompliance compares every member's iLO with the
// group's iLO setting and stores ILO_SETTINGS records (served by the groups API in HPE's shapes);
// CalculateiLOSettingsCompliance redoes one server's record and leaves the others; the HPE-defined ILO
// setting works as the group's iLO setting too, and applying it makes the group compliant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { expectCollection, expectGroup, V1, V1BETA3 } from '../../resources/groups/groups.fixtures.ts';
import { expectSettingCollection } from '../../resources/settings/settings.fixtures.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { connectedServers, createJob, deviceOf, engineFor, groupWith, postJob, readJob, runAll } from './executors.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const ILO = {
  category: 'ILO_SETTINGS',
  settings: { DEFAULT: { AccountService: { MinPasswordLength: 12 }, SnmpService: { SNMPv1RequestsEnabled: false }, NetworkProtocol: { IPMI: { Port: 623, ProtocolEnabled: false } } } },
};

interface Record_ {
  id: string;
  deviceId: string;
  complianceState: string;
  score?: number;
  errorReason: string;
  generation: number;
  deviations: { category: string; settingName: string; currentValue: string; expectedValue: string }[];
}

async function iloRecords(groupId: string): Promise<Map<string, Record_>> {
  const list = expectCollection<Record_>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${groupId}/ilo-settings-compliance` }), 'deviceiLOSettingsComplianceCollection-v1beta3');
  return new Map(list.items.map((r) => [r.deviceId, r]));
}

async function iloRollup(groupId: string): Promise<string> {
  const group = expectGroup(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${groupId}` }), 'v1');
  return (group['groupCompliance'] as { iloSettings: { status: string } }).iloSettings.status;
}

describe('GroupiLOSettingsCompliance', () => {
  it('records per member: compliant, deviations with what differs, and UNKNOWN when the iLO does not answer', async () => {
    const [good, bad, silent] = await connectedServers(t, 3);
    const group = await groupWith(t, 'Compliance', [ILO], [good!, bad!, silent!]);
    const h = engineFor(t);
    await h.driver.applyIloSettings(deviceOf(t, good!), { AccountService: { MinPasswordLength: 12 }, SnmpService: { SNMPv1RequestsEnabled: false } });
    await h.driver.setFault(deviceOf(t, silent!), 'unreachable', true);

    const job = await createJob(t, TEMPLATE_IDS.groupIloSettingsCompliance, 'group', group.id);
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { COMPLIANT: 1, NOT_COMPLIANT: 1, UNKNOWN: 1, total: 3 } });

    const records = await iloRecords(group.id);
    expect(records.get(good!.id)).toMatchObject({ complianceState: 'COMPLIANT', deviations: [], errorReason: '' });
    expect(records.get(bad!.id)).toMatchObject({
      complianceState: 'NOT_COMPLIANT',
      deviations: [
        { category: 'AccountService', settingName: 'MinPasswordLength', currentValue: '8', expectedValue: '12' },
        { category: 'SnmpService', settingName: 'SNMPv1RequestsEnabled', currentValue: 'True', expectedValue: 'False' },
      ],
    });
    expect(records.get(silent!.id)).toMatchObject({ complianceState: 'UNKNOWN', deviations: [] });
    expect(records.get(silent!.id)!.errorReason).toMatch(/does not answer/);
    const v1 = expectCollection<{ deviceId: string; complianceCategory: string; score: number }>(
      await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${group.id}/compliance` }),
      'deviceComplianceCollection-v1',
    );
    // Four settings compared (IPMI's port and protocol separately), two of them off.
    expect(v1.items.find((r) => r.deviceId === bad!.id)).toMatchObject({ complianceCategory: 'ILO_SETTINGS', score: 50 });
    expect(await iloRollup(group.id)).toBe('NOT_COMPLIANT');
  });

  it('fails with a reason when the group has no iLO setting', async () => {
    const [server] = await connectedServers(t, 1);
    const group = await groupWith(t, 'No iLO setting', [], [server!]);
    const h = engineFor(t);
    const job = await createJob(t, TEMPLATE_IDS.groupIloSettingsCompliance, 'group', group.id);
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', data: { state_reason_message: { message_id: 'GROUP-SETTING-MISSING', message_args: ['The group has no ILO_SETTINGS setting'] } } });
  });

  it('with the HPE-defined ILO setting: not compliant out of the factory, compliant once the group applied it', async () => {
    const [a, b] = await connectedServers(t, 2);
    const found = expectSettingCollection(await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/settings?filter=${encodeURIComponent("category eq 'ILO'")}` }), 'v1');
    const security = found.items.find((s) => s.name === 'iLO settings enabled for security')!;
    const group = await groupWith(t, 'Secured', [{ id: security.id, resourceUri: security['resourceUri'] }], [a!, b!]);
    const h = engineFor(t);

    await createJob(t, TEMPLATE_IDS.groupIloSettingsCompliance, 'group', group.id);
    await runAll(h);
    const before = await iloRecords(group.id);
    expect(before.get(a!.id)!.complianceState).toBe('NOT_COMPLIANT');
    expect(before.get(a!.id)!.deviations).toContainEqual({ category: '1', settingName: 'RIBCLEnabled', currentValue: 'True', expectedValue: 'False' });

    const apply = await createJob(t, TEMPLATE_IDS.groupApplyServerSettings, 'group', group.id, { redfish_subsystem: 'ILO_SETTINGS', batch_size: 2 });
    await runAll(h);
    expect(await readJob(t, apply.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
    await createJob(t, TEMPLATE_IDS.groupIloSettingsCompliance, 'group', group.id, { devices: [a!.id, b!.id] });
    await runAll(h);
    const after = await iloRecords(group.id);
    for (const s of [a!, b!]) expect(after.get(s.id)).toMatchObject({ complianceState: 'COMPLIANT', deviations: [], generation: 2 });
    expect(await iloRollup(group.id)).toBe('COMPLIANT');
  });
});

describe('CalculateiLOSettingsCompliance', () => {
  it('redoes one server against its group (data.group_id or its membership) and leaves the others', async () => {
    const [one, two] = await connectedServers(t, 2);
    const group = await groupWith(t, 'Per server', [ILO], [one!, two!]);
    const h = engineFor(t);
    await createJob(t, TEMPLATE_IDS.groupIloSettingsCompliance, 'group', group.id);
    await runAll(h);
    const first = await iloRecords(group.id);

    await h.driver.applyIloSettings(deviceOf(t, one!), ILO.settings.DEFAULT);
    // As clients create it: v1beta3, the server's URI and data.group_id.
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: '/compute-ops-mgmt/v1beta3/jobs',
      headers: { 'content-type': 'application/json' },
      payload: { jobTemplateUri: `/compute-ops-mgmt/v1beta3/job-templates/${TEMPLATE_IDS.calculateIloSettingsCompliance}`, resourceUri: `/compute-ops-mgmt/v1beta2/servers/${one!.id}`, data: { group_id: group.id } },
    });
    const job = expectHpeSchema<{ id: string }>(res, 'job-v1beta3');
    await runAll(h);
    expect(await readJob(t, job.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', results: { groupId: group.id, complianceState: 'COMPLIANT', deviations: 0, score: 100 } });
    const second = await iloRecords(group.id);
    expect(second.get(one!.id)).toMatchObject({ id: first.get(one!.id)!.id, complianceState: 'COMPLIANT', generation: 2 });
    expect(second.get(two!.id)).toEqual(first.get(two!.id));

    const byMembership = await createJob(t, TEMPLATE_IDS.calculateIloSettingsCompliance, 'server', two!.id);
    await runAll(h);
    expect(await readJob(t, byMembership.id)).toMatchObject({ state: 'COMPLETE', results: { groupId: group.id, complianceState: 'NOT_COMPLIANT', deviations: 2 } });
  });

  it('answers 400 for a server outside the group it names, or in no group', async () => {
    const [member, loner] = await connectedServers(t, 2);
    const group = await groupWith(t, 'Members only', [ILO], [member!]);
    const named = await postJob(t, TEMPLATE_IDS.calculateIloSettingsCompliance, 'server', loner!.id, { group_id: group.id });
    expect(named.statusCode, named.body).toBe(400);
    expect(named.body).toContain('jobParams.group_id');
    const none = await postJob(t, TEMPLATE_IDS.calculateIloSettingsCompliance, 'server', loner!.id);
    expect(none.statusCode, none.body).toBe(400);
    expect(none.body).toContain('resourceId');
  });
});
