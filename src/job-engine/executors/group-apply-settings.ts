// GroupApplyServerSettings (job-templates.md §3): the group's BIOS or iLO setting applied to its members
// (or `devices`), `batch_size` servers at a time — a batch runs in parallel, batches one after another. Each
// server gets a child job on its own target (ApplySettingsTemplate for BIOS, SetIloSettings for iLO), so it
// queues behind other work on that server; the children of one batch are what HPE runs as one batch child.
// `factory_reset` resets the BIOS to its defaults first. `removed_from_group` is what unassigning with
// reset-subsystems=BIOS sends (groups.md §6.4): the devices have left the group, so they are not checked
// for membership and only get the reset.
import type { Issue } from '../../http/com-error.ts';
import { groupSettings } from '../../resources/groups/service.ts';
import { findServers } from '../../resources/servers/repository.ts';
import type { Db } from '../../store/store.ts';
import { end, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { boolParam } from './device.ts';
import { fanOut, requestedDevices, type PlannedChild, type Tally } from './fan-out.ts';
import { missingSetting } from './ilo-compliance.ts';
import { iloSettingId } from './ilo-settings.ts';

type Subsystem = 'BIOS' | 'ILO_SETTINGS';

const subsystemOf = (params: Record<string, unknown>): Subsystem => (params['redfish_subsystem'] === 'ILO_SETTINGS' ? 'ILO_SETTINGS' : 'BIOS');
const removedFromGroup = (params: Record<string, unknown>): boolean => params['removed_from_group'] === true;
const askedDevices = (params: Record<string, unknown>): string[] => (Array.isArray(params['devices']) ? [...new Set(params['devices'].filter((d): d is string => typeof d === 'string'))] : []);

async function validate(db: Db, job: { workspaceId: string; resource: StoredJob['resource']; params: Record<string, unknown> }): Promise<Issue[]> {
  const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });
  if (removedFromGroup(job.params)) {
    if (subsystemOf(job.params) !== 'BIOS') return [field('jobParams.redfish_subsystem', 'only the BIOS is reset on servers removed from a group')];
    if (!boolParam(job.params, 'factory_reset', false)) return [field('jobParams.factory_reset', 'must be true: servers removed from a group only get a BIOS factory reset')];
    const devices = askedDevices(job.params);
    if (devices.length === 0) return [field('jobParams.devices', 'names the servers removed from the group')];
    const found = await findServers(db, job.workspaceId, devices);
    const unknown = devices.filter((d) => !found.has(d));
    return unknown.length ? [field('jobParams.devices', `no such servers: ${unknown.join(', ')}`)] : [];
  }
  const { issues, members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
  if (issues.length) return issues;
  if (members.length === 0) return [field('resourceId', 'the group has no servers to apply settings to')];
  return [];
}

async function plan(db: Db, job: StoredJob): Promise<PlannedChild[] | StepOutcome> {
  const subsystem = subsystemOf(job.params);
  const groupId = job.resource.id;
  if (removedFromGroup(job.params)) {
    const devices = askedDevices(job.params);
    const servers = await findServers(db, job.workspaceId, devices);
    return devices.map((serverId) =>
      servers.has(serverId)
        ? { serverId, params: { redfish_subsystem: 'BIOS', factory_reset: true, reset_only: true, group_id: groupId } }
        : { serverId, params: null, skipped: 'the server no longer exists' },
    );
  }
  const settings = await groupSettings(db, job.workspaceId, groupId);
  const settingId = subsystem === 'BIOS' ? settings.settingIds['BIOS'] : iloSettingId(settings);
  if (!settingId) return missingSetting(subsystem);
  const { members } = await requestedDevices(db, job.workspaceId, groupId, job.params);
  const base = { redfish_subsystem: subsystem, setting_id: settingId, group_id: groupId };
  const params = subsystem === 'BIOS' ? { ...base, factory_reset: boolParam(job.params, 'factory_reset', false) } : base;
  return members.map((serverId) => ({ serverId, params }));
}

function batchSize(job: StoredJob): number {
  const n = job.params['batch_size'];
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, 20) : 1;
}

async function conclude(_db: Db, job: StoredJob, tally: Tally): Promise<StepOutcome> {
  const { servers, succeeded, failed, skipped } = tally;
  const subsystem = subsystemOf(job.params);
  const results = { redfishSubsystem: subsystem, servers, succeeded, failed, skipped };
  if (failed > 0) {
    const message = `${failed} of ${servers.length} servers failed to apply the ${subsystem} settings`;
    return end('ERROR', 'FAILURE', `JobErrorException : ${failed} servers failed to apply settings`, {
      results,
      reason: { message_id: 'GROUP-SETTINGS-APPLY-FAILED', message_args: [message] },
    });
  }
  return end('COMPLETE', 'SUCCESS', 'Complete', { results });
}

export const groupApplyServerSettings: Executor = {
  validate,
  step: fanOut({
    childTemplateId: (job) => (subsystemOf(job.params) === 'BIOS' ? TEMPLATE_IDS.applySettingsTemplate : TEMPLATE_IDS.setIloSettings),
    plan,
    waveSize: (job) => batchSize(job),
    starting: (count) => `Step 1 of 2: Applying settings to ${count} server(s)`,
    progress: (done, total) => `Step 2 of 2: ${done} of ${total} server(s) done`,
    conclude,
  }),
};
