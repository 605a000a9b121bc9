// iLO settings compliance (groups.md §3.12): what each member's iLO reports, compared with the group's iLO
// setting, stored as the group's ILO_SETTINGS compliance records (one per member, deviations per setting).
// GroupiLOSettingsCompliance checks the group's members (or `devices`); CalculateiLOSettingsCompliance checks
// one server against its group (`data.group_id`, or the group it is in) and leaves the others' records alone.
import type { DeviceDriver } from '../../devices/driver.ts';
import type { Issue } from '../../http/com-error.ts';
import { replaceComplianceRecords, saveDeviceCompliance, type ComplianceRecordInput } from '../../resources/groups/compliance-store.ts';
import { membershipsOf } from '../../resources/groups/members-repository.ts';
import { groupSettings } from '../../resources/groups/service.ts';
import { findServers } from '../../resources/servers/repository.ts';
import type { Db } from '../../store/store.ts';
import { end, wait, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { requestedDevices } from './fan-out.ts';
import { iloDeviations, iloSections, iloSettingId, type IloSections } from './ilo-settings.ts';

/** The end of a job on a group that has no setting of the category it needs (groups.md §5). */
export function missingSetting(category: string): StepOutcome {
  const message = `The group has no ${category} setting`;
  return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { reason: { message_id: 'GROUP-SETTING-MISSING', message_args: [message] } });
}

/** iLOs read at once: Redfish reads are slow, and a large group would otherwise hold the step too long. */
const READS_AT_ONCE = 8;
/** A few Redfish reads per iLO (Managers/1, AccountService, NetworkProtocol, SecurityService, SnmpService, UpdateService). */
const readMs = (servers: number): number => 10_000 + Math.ceil(servers / READS_AT_ONCE) * 4_000;

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/** Each server's record against the sections; a server whose iLO does not answer is UNKNOWN with the reason. */
async function records(db: Db, driver: DeviceDriver, workspaceId: string, serverIds: readonly string[], expected: IloSections): Promise<ComplianceRecordInput[]> {
  const servers = await findServers(db, workspaceId, serverIds);
  const present = serverIds.flatMap((id) => {
    const s = servers.get(id);
    return s ? [s] : [];
  });
  return inBatches(present, READS_AT_ONCE, async (server): Promise<ComplianceRecordInput> => {
    const common = { deviceId: server.id, serial: server.hardware.serialNumber, productId: server.hardware.productId, bundleId: null, remediation: null };
    const current = await driver.readIloSettings({ workspaceId, serverId: server.id });
    if (!current.ok) return { ...common, deviations: [], score: null, complianceState: 'UNKNOWN', errorReason: current.message };
    const { deviations, compared } = iloDeviations(expected, current.value);
    return {
      ...common,
      deviations,
      score: compared === 0 ? 100 : Math.round((100 * (compared - deviations.length)) / compared),
      complianceState: deviations.length ? 'NOT_COMPLIANT' : 'COMPLIANT',
      errorReason: '',
    };
  });
}

function counted(list: readonly ComplianceRecordInput[]): Record<string, number> {
  const counts: Record<string, number> = { COMPLIANT: 0, NOT_COMPLIANT: 0, UNKNOWN: 0, NOT_APPLICABLE: 0 };
  for (const r of list) counts[r.complianceState] = (counts[r.complianceState] ?? 0) + 1;
  return { ...counts, total: list.length };
}

/** The group's iLO setting as sections, or the job's end when it has none. */
async function expectedOf(db: Db, workspaceId: string, groupId: string): Promise<{ sections: IloSections } | { failure: StepOutcome }> {
  const id = iloSettingId(await groupSettings(db, workspaceId, groupId));
  const sections = id ? await iloSections(db, workspaceId, id) : undefined;
  return sections ? { sections } : { failure: missingSetting('ILO_SETTINGS') };
}

export const groupIloSettingsCompliance: Executor = {
  async validate(db, job) {
    return (await requestedDevices(db, job.workspaceId, job.resource.id, job.params)).issues;
  },

  async step({ job, store, driver }) {
    const { members } = await requestedDevices(store, job.workspaceId, job.resource.id, job.params);
    const expected = await expectedOf(store, job.workspaceId, job.resource.id);
    if ('failure' in expected) return expected.failure;
    if (job.run.checkpoint['phase'] !== 'reading') {
      return wait({ phase: 'reading' }, readMs(members.length), { status: `Step 1 of 2: Reading the iLO settings of ${members.length} server(s)` });
    }
    const list = await records(store, driver, job.workspaceId, members, expected.sections);
    // Asked for some members only: the others keep the results they have.
    const partial = Array.isArray(job.params['devices']);
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: counted(list),
      writes: async (tx) => {
        if (!partial) return replaceComplianceRecords(tx, job.workspaceId, job.resource.id, 'ILO_SETTINGS', list);
        for (const r of list) await saveDeviceCompliance(tx, job.workspaceId, job.resource.id, 'ILO_SETTINGS', r);
      },
    });
  },
};

/** The group a server job is about: `group_id` when given, else the group the server is in. */
async function groupOf(db: Db, job: { workspaceId: string; resource: StoredJob['resource']; params: Record<string, unknown> }): Promise<{ groupId?: string; issue?: Issue }> {
  const membership = (await membershipsOf(db, job.workspaceId, [job.resource.id])).get(job.resource.id);
  const asked = job.params['group_id'];
  if (typeof asked === 'string' && asked !== '') {
    if (membership?.groupId !== asked.toLowerCase()) return { issue: { source: 'field', subject: 'jobParams.group_id', description: `the server is not a member of group ${asked}` } };
    return { groupId: membership.groupId };
  }
  if (!membership) return { issue: { source: 'field', subject: 'resourceId', description: 'the server is not a member of any group' } };
  return { groupId: membership.groupId };
}

export const calculateIloSettingsCompliance: Executor = {
  async validate(db, job) {
    const { issue } = await groupOf(db, job);
    return issue ? [issue] : [];
  },

  async step({ job, store, driver }) {
    const { groupId, issue } = await groupOf(store, job);
    if (!groupId) {
      const message = issue?.description ?? 'the server is not a member of the group';
      return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { reason: { message_id: 'GROUP-MEMBER-MISSING', message_args: [message] } });
    }
    const expected = await expectedOf(store, job.workspaceId, groupId);
    if ('failure' in expected) return expected.failure;
    if (job.run.checkpoint['phase'] !== 'reading') return wait({ phase: 'reading' }, readMs(1), { status: 'Step 1 of 2: Reading the iLO settings' });
    const [record] = await records(store, driver, job.workspaceId, [job.resource.id], expected.sections);
    if (!record) return end('ERROR', 'FAILURE', 'JobErrorException : the server no longer exists', { reason: { message_id: 'SRV-104', message_args: [job.resource.id] } });
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: { groupId, complianceState: record.complianceState, deviations: record.deviations.length, score: record.score },
      writes: (tx) => saveDeviceCompliance(tx, job.workspaceId, groupId, 'ILO_SETTINGS', record),
    });
  },
};
