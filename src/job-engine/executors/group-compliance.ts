// Group firmware compliance (GroupFirmwareCompliance): for every member, compare what its BMC reports with
// the bundle the group's baseline names for its generation, and replace the group's FIRMWARE compliance
// records with the result (served at /groups/{id}/compliance).
import { findBundle, bundleGenerationOf, firmwareCompliance } from '../../resources/firmware-bundles/baseline.ts';
import { replaceComplianceRecords, type ComplianceRecordInput } from '../../resources/groups/compliance-store.ts';
import { groupSettings } from '../../resources/groups/service.ts';
import { findServers } from '../../resources/servers/repository.ts';
import { end, type Executor } from '../executor.ts';
import { requestedDevices } from './fan-out.ts';
import { deviceOf } from './device.ts';

export const groupFirmwareCompliance: Executor = {
  async validate(db, job) {
    return (await requestedDevices(db, job.workspaceId, job.resource.id, job.params)).issues;
  },

  async step({ job, store, driver }) {
    const { members } = await requestedDevices(store, job.workspaceId, job.resource.id, job.params);
    const baseline = (await groupSettings(store, job.workspaceId, job.resource.id)).firmwareBundleIds;
    const servers = await findServers(store, job.workspaceId, members);
    const records: ComplianceRecordInput[] = [];
    const counts = { COMPLIANT: 0, NOT_COMPLIANT: 0, UNKNOWN: 0, NOT_APPLICABLE: 0 };
    for (const serverId of members) {
      const server = servers.get(serverId);
      if (!server) continue;
      const common = { deviceId: server.id, serial: server.hardware.serialNumber, productId: server.hardware.productId, remediation: {} };
      const bundleId = baseline[bundleGenerationOf(server.serverGeneration)];
      const bundle = bundleId ? await findBundle(store, bundleId) : undefined;
      if (!bundle || !bundleId) {
        counts.NOT_APPLICABLE++;
        records.push({ ...common, bundleId: bundleId ?? null, deviations: [], score: 0, complianceState: 'NOT_APPLICABLE', errorReason: `No baseline for ${server.serverGeneration}` });
        continue;
      }
      const inventory = await driver.readFirmwareInventory({ ...deviceOf(job), serverId });
      if (!inventory.ok) {
        counts.UNKNOWN++;
        records.push({ ...common, bundleId, deviations: [], score: 0, complianceState: 'UNKNOWN', errorReason: inventory.message });
        continue;
      }
      const result = firmwareCompliance(bundle, inventory.value);
      const files = new Map(bundle.components.map((c) => [c.name, c.componentFile]));
      // Score: the share of the bundle's components this server carries that are at or above the baseline.
      const judged = inventory.value.filter((f) => files.has(f.name)).length;
      const state = result.compliant ? 'COMPLIANT' : 'NOT_COMPLIANT';
      counts[state]++;
      records.push({
        ...common,
        bundleId,
        deviations: result.deviations.map((d) => ({ componentName: d.name, installedVersion: d.installed, expectedVersion: d.baseline, componentFilename: files.get(d.name) ?? '' })),
        score: judged === 0 ? 100 : Math.round((100 * (judged - result.deviations.length)) / judged),
        complianceState: state,
        errorReason: '',
      });
    }
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: { ...counts, total: records.length },
      writes: (tx) => replaceComplianceRecords(tx, job.workspaceId, job.resource.id, 'FIRMWARE', records),
    });
  },
};
