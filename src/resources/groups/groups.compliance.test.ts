// Compliance of a group (groups.md §2 roll-up, §3.9–§3.13, §4.10–§4.14): records written the way the compliance
// jobs write them, read through every version, and the group's roll-up derived from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { saveExternalStorageCompliance, type ComplianceRecordInput } from './compliance-store.ts';
import { addServers, assign, createGroup, createSetting, expectCollection, expectGroup, expectGroups, filterUrl, FIRMWARE, ILO, operationOf, unassign, V1, V1BETA2, V1BETA3, writeCompliance, type Wire } from './groups.fixtures.ts';

let t: TestApp;
let servers: Server[];
let group: Wire;

const record = (s: Server, state: ComplianceRecordInput['complianceState'], extra: Partial<ComplianceRecordInput> = {}): ComplianceRecordInput => ({
  deviceId: s.id,
  serial: s.hardware.serialNumber,
  productId: s.hardware.productId,
  bundleId: 'a9383ef62e362a0072b2947c923ba257',
  deviations: state === 'NOT_COMPLIANT' ? [{ componentName: 'iLO 6', installedVersion: '1.50', expectedVersion: '1.62', componentFilename: 'ilo6_162.fwpkg' }] : [],
  score: state === 'COMPLIANT' ? 100 : 80,
  complianceState: state,
  errorReason: state === 'UNKNOWN' ? 'The server did not answer' : '',
  remediation: { updateInfo: { criticality: 'Recommended' }, gracefulShutdown: true, installSetSizeInMB: 512 },
  ...extra,
});

beforeAll(async () => {
  t = await openTestApp();
  servers = await addServers(t, t.workspaces.A, 3, { seed: 11 });
  const fw = await createSetting(t, t.callers.adminA, { name: 'FW', ...FIRMWARE });
  group = await createGroup(t, t.callers.adminA, { name: 'Compliance', deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: [fw.resourceUri] });
  await operationOf(t, t.callers.adminA, await assign(t, t.callers.adminA, group.id, servers.map((s) => ({ deviceId: s.id }))));
});
afterAll(() => t.close());

const getGroup = async () => expectGroup(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${group.id}` }), 'v1');
const rollup = async () => {
  const g = await getGroup();
  return [g.complianceStatus, (g.groupCompliance as { firmware: { status: string } }).firmware.status, (g.groupCompliance as { iloSettings: { status: string } }).iloSettings.status];
};

describe('compliance roll-up (groups.md §2)', () => {
  it('follows the documented precedence over the members', async () => {
    // A FIRMWARE baseline and members without results: not initiated.
    expect(await rollup()).toEqual(['UNKNOWN', 'UNKNOWN', 'NOT_APPLICABLE']);
    expect(((await getGroup()).groupCompliance as { firmware: { statusReason: string } }).firmware.statusReason).toBe('Not Initiated');
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', servers.map((s) => record(s, 'COMPLIANT')));
    expect(await rollup()).toEqual(['COMPLIANT', 'COMPLIANT', 'NOT_APPLICABLE']);
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', [record(servers[0]!, 'UNKNOWN'), record(servers[1]!, 'COMPLIANT'), record(servers[2]!, 'COMPLIANT')]);
    expect(await rollup()).toEqual(['UNKNOWN', 'UNKNOWN', 'NOT_APPLICABLE']);
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', [record(servers[0]!, 'UNKNOWN'), record(servers[1]!, 'NOT_COMPLIANT'), record(servers[2]!, 'COMPLIANT')]);
    expect(await rollup()).toEqual(['NOT_COMPLIANT', 'NOT_COMPLIANT', 'NOT_APPLICABLE']);
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', [record(servers[0]!, 'NOT_APPLICABLE'), record(servers[1]!, 'NOT_COMPLIANT'), record(servers[2]!, 'COMPLIANT')]);
    expect(await rollup()).toEqual(['NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE']);
    // A member without a result counts as UNKNOWN.
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', [record(servers[0]!, 'COMPLIANT'), record(servers[1]!, 'COMPLIANT')]);
    expect(await rollup()).toEqual(['UNKNOWN', 'UNKNOWN', 'NOT_APPLICABLE']);
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', servers.map((s) => record(s, s === servers[1] ? 'NOT_COMPLIANT' : 'COMPLIANT')));
  });

  it('lets lists filter on the roll-up in every version', async () => {
    const byStatus = async (url: string, v: 'v1' | 'v1beta3' | 'v1beta2') => expectGroups(await t.call(t.callers.adminA, { method: 'GET', url }), v).items.map((g) => g.id);
    expect(await byStatus(filterUrl(V1, "complianceStatus eq 'NOT_COMPLIANT'"), 'v1')).toEqual([group.id]);
    expect(await byStatus(filterUrl(V1BETA3, "complianceStatus in ('COMPLIANT','UNKNOWN')"), 'v1beta3')).toEqual([]);
    expect(await byStatus(filterUrl(V1BETA2, "groupComplianceStatus eq 'not_compliant'"), 'v1beta2')).toEqual([group.id]);
  });

  it('adds the iLO category once the group has an iLO setting', async () => {
    const ilo = await createSetting(t, t.callers.adminA, { name: 'iLO', ...ILO });
    const g = await getGroup();
    await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${group.id}`, headers: { 'content-type': 'application/merge-patch+json' }, payload: { settingsUris: [...(g.settingsUris as string[]), ilo.resourceUri] } });
    expect(await rollup()).toEqual(['NOT_COMPLIANT', 'NOT_COMPLIANT', 'UNKNOWN']);
    await writeCompliance(t, t.workspaces.A, group.id, 'ILO_SETTINGS', servers.map((s) => record(s, 'COMPLIANT', { bundleId: null, deviations: [] })));
    expect(await rollup()).toEqual(['NOT_COMPLIANT', 'NOT_COMPLIANT', 'COMPLIANT']);
  });
});

describe('compliance records', () => {
  type Compliance = { id: string; serverId?: string; deviceId?: string; generation: number; complianceState?: string; complianceStatus?: string; complianceCategory: string };

  it('lists firmware and iLO records in v1, firmware only in v1beta3 and v1beta2, with filters', async () => {
    const v1 = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${group.id}/compliance` }), 'deviceComplianceCollection-v1');
    expect(v1.items.map((c) => c.complianceCategory).sort()).toEqual(['FIRMWARE', 'FIRMWARE', 'FIRMWARE', 'ILO_SETTINGS', 'ILO_SETTINGS', 'ILO_SETTINGS']);
    const beta3 = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/compliance` }), 'deviceComplianceCollection-v1beta3');
    expect(beta3.items.map((c) => c.complianceCategory)).toEqual(['FIRMWARE', 'FIRMWARE', 'FIRMWARE']);
    const notCompliant = expectCollection<Compliance>(
      await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(`${V1}/${group.id}/compliance`, "not complianceState eq 'COMPLIANT' and complianceCategory in ('FIRMWARE','ILO_SETTINGS') and score lt 100") }),
      'deviceComplianceCollection-v1',
    );
    expect(notCompliant.items.map((c) => c.deviceId)).toEqual([servers[1]!.id]);
    const legacy = expectCollection<Compliance & { start: number }>(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(`${V1BETA2}/${group.id}/compliance`, "complianceStatus eq 'NOT_COMPLIANT'") }), 'deviceComplianceCollection-v1beta2');
    expect(legacy).toMatchObject({ start: 0, count: 1 });
    expect(legacy.items[0]).toMatchObject({ serverId: servers[1]!.id, complianceStatus: 'NOT_COMPLIANT', type: 'compute-ops/group/compliance' });
  });

  it('reads one record per version, and iLO records through their own routes', async () => {
    const v1 = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(`${V1}/${group.id}/compliance`, "complianceCategory eq 'FIRMWARE'") }), 'deviceComplianceCollection-v1');
    const id = v1.items[0]!.id;
    const one = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${group.id}/compliance/${id}` }), 'deviceCompliance-v1');
    expect(one).toMatchObject({ id, type: 'compute-ops-mgmt/group/compliance', resourceUri: `${V1}/${group.id}/compliance/${id}`, groupId: group.id, remediation: { updateInfo: { criticality: 'Recommended' } } });
    expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/compliance/${id}` }), 'deviceCompliance-v1beta3');
    expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${group.id}/compliance/${id}` }), 'deviceCompliance-v1beta2');

    const ilo3 = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/ilo-settings-compliance` }), 'deviceiLOSettingsComplianceCollection-v1beta3');
    expect(ilo3.items).toHaveLength(3);
    const iloId = ilo3.items[0]!.id;
    const iloOne = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/ilo-settings-compliance/${iloId}` }), 'deviceiLOSettingsCompliance-v1beta3');
    expect(iloOne).toMatchObject({ type: 'compute-ops-mgmt/group/ilo-settings-compliance', resourceUri: `${V1BETA3}/${group.id}/ilo-settings-compliance/${iloId}`, complianceCategory: 'ILO_SETTINGS' });
    const ilo2 = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${group.id}/ilo-settings-compliance` }), 'deviceiLOSettingsComplianceCollection-v1beta2');
    expect(ilo2.items).toHaveLength(3);
    expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${group.id}/ilo-settings-compliance/${iloId}` }), 'deviceiLOSettingsCompliance-v1beta2');
    // A firmware record is not an iLO record, and the other way round.
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/ilo-settings-compliance/${id}` }), 404);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/compliance/${iloId}` }), 404);
  });

  it('keeps a record id across recomputations and drops the records of devices that leave', async () => {
    const before = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(`${V1}/${group.id}/compliance`, "complianceCategory eq 'FIRMWARE'") }), 'deviceComplianceCollection-v1');
    await writeCompliance(t, t.workspaces.A, group.id, 'FIRMWARE', servers.map((s) => record(s, 'COMPLIANT')));
    const after = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(`${V1}/${group.id}/compliance`, "complianceCategory eq 'FIRMWARE'") }), 'deviceComplianceCollection-v1');
    expect(after.items.map((c) => [c.id, c.generation])).toEqual(before.items.map((c) => [c.id, c.generation + 1]));
    await operationOf(t, t.callers.adminA, await unassign(t, t.callers.adminA, group.id, [{ deviceId: servers[2]!.id }]));
    const left = expectCollection<Compliance>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${group.id}/compliance` }), 'deviceComplianceCollection-v1');
    expect(left.items.map((c) => c.deviceId)).not.toContain(servers[2]!.id);
    expect(left.items).toHaveLength(4);
  });
});

describe('external storage compliance', () => {
  it('is 404 until the job has produced a result, then one object in every version', async () => {
    for (const base of [V1, V1BETA3, V1BETA2]) expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${group.id}/external-storage-compliance` }), 404);
    await t.store.transaction((tx) =>
      saveExternalStorageCompliance(tx, t.workspaces.A, group.id, {
        hostOs: 'VMWARE_ESXI',
        complianceState: 'NOT_COMPLIANT',
        deviations: { missingInitiators: [{ server: { id: servers[0]!.id, name: servers[0]!.name }, initiators: ['11:00:00:ab:00:01:20:01'] }], missingHostGroups: [{ hostGroup: { name: 'esx' } }] },
      }),
    );
    const v1 = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${group.id}/external-storage-compliance` }), 'externalStorageComplianceResponse-v1');
    expect(v1).toMatchObject({ groupId: group.id, hostOs: 'VMWARE_ESXI', complianceState: 'NOT_COMPLIANT', generation: 1, deviations: { missingHostGroups: [{ hostGroup: { name: 'esx' } }] } });
    expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${group.id}/external-storage-compliance` }), 'externalStorageComplianceResponse-v1beta2');
    await t.store.transaction((tx) => saveExternalStorageCompliance(tx, t.workspaces.A, group.id, { hostOs: 'VMWARE_ESXI', complianceState: 'COMPLIANT', deviations: {} }));
    const again = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${group.id}/external-storage-compliance` }), 'externalStorageComplianceResponse-v1beta2');
    expect(again).toMatchObject({ complianceState: 'COMPLIANT', generation: 2 });
  });
});
