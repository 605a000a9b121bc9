// Group firmware update (GroupFirmwareUpdate, jobs.md §7): each member is updated by a child
// FirmwareUpdate.New job to the bundle the group's FIRMWARE setting names for its generation — all at once
// (parallel) or one after another (serial, with stopOnFailure and PATCH input.stopOnRequest).
import { recordActivity } from '../../resources/activities/service.ts';
import { bundleGenerationOf } from '../../resources/firmware-bundles/baseline.ts';
import { groupSettings } from '../../resources/groups/service.ts';
import { findServers } from '../../resources/servers/repository.ts';
import type { Db } from '../../store/store.ts';
import { end, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { findJobTarget } from '../targets.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { boolParam } from './device.ts';
import { fanOut, requestedDevices, type PlannedChild, type Tally } from './fan-out.ts';


/** The end of a group firmware job whose group has no FIRMWARE setting. */
export const NO_BASELINE: StepOutcome = end('ERROR', 'FAILURE', 'JobErrorException : the group has no firmware baseline', {
  reason: { message_id: 'FWE-101', message_args: ['The group has no FIRMWARE setting'] },
});

/**
 * One child per requested member, given the bundle its generation takes from the group's baseline (or from
 * `overrides`, keyed like the baseline: `GEN11`…); undefined when the group has no baseline at all.
 */
export async function planByBaseline(
  db: Db,
  job: StoredJob,
  childParams: (bundleId: string) => Record<string, unknown>,
  overrides: Record<string, string> = {},
): Promise<PlannedChild[] | undefined> {
  const bundles = { ...(await groupSettings(db, job.workspaceId, job.resource.id)).firmwareBundleIds, ...overrides };
  if (Object.keys(bundles).length === 0) return undefined;
  const { members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
  const servers = await findServers(db, job.workspaceId, members);
  return members.map((serverId): PlannedChild => {
    const server = servers.get(serverId);
    if (!server) return { serverId, params: null, skipped: 'the server no longer exists' };
    const bundleId = bundles[bundleGenerationOf(server.serverGeneration)];
    return bundleId ? { serverId, params: childParams(bundleId) } : { serverId, params: null, skipped: `the group baseline has no bundle for ${server.serverGeneration}` };
  });
}

function childParams(params: Record<string, unknown>, bundleId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    bundle_id: bundleId,
    downgrade: boolParam(params, 'downgrade', false),
    install_sw_drivers: boolParam(params, 'installSWDrivers', false),
    power_off: boolParam(params, 'powerOff', false),
    prerequisite_check: boolParam(params, 'prerequisite_check', true),
    skip_blocklisted_components: boolParam(params, 'skip_blocklisted_components', false),
    wait_for_power_off_or_reboot: boolParam(params, 'wait_for_power_off_or_reboot', false),
  };
  if (typeof params['wait_for_power_off_or_reboot_timeout'] === 'number') out['wait_for_power_off_or_reboot_timeout'] = params['wait_for_power_off_or_reboot_timeout'];
  return out;
}

export const groupFirmwareUpdate: Executor = {
  ownActivities: true,
  async validate(db, job) {
    const { issues, members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
    if (issues.length) return issues;
    if (members.length === 0) return [{ source: 'field', subject: 'resourceId', description: 'the group has no servers to update' }];
    return [];
  },

  step: fanOut({
    childTemplateId: () => TEMPLATE_IDS.firmwareUpdate,
    plan: async (db, job) => (await planByBaseline(db, job, (bundleId) => childParams(job.params, bundleId))) ?? NO_BASELINE,
    waveSize: (job, startable) => (boolParam(job.params, 'parallel', false) ? startable : 1),
    stopBefore: (job, failed) =>
      boolParam(job.params, 'parallel', false)
        ? undefined
        : job.input['stopOnRequest'] === true
          ? 'request'
          : failed > 0 && boolParam(job.params, 'stopOnFailure', false)
            ? 'failure'
            : undefined,
    starting: (count) => `Step 1 of 3: Updating ${count} server(s)`,
    progress: (done, total) => `Step 2 of 3: ${done} of ${total} server(s) done`,
    conclude,
  }),
};

async function conclude(db: Db, job: StoredJob, tally: Tally): Promise<StepOutcome> {
  const { servers, succeeded, failed, skipped, stopped } = tally;
  const group = await findJobTarget(db, 'group', job.workspaceId, job.resource.id);
  const groupName = group?.name ?? job.resource.id;
  const activity = (key: string, args: Record<string, string | number>) => ({
    key,
    args,
    source: { type: 'Job', id: job.id, name: job.name, resourceUri: `v1/jobs/${job.id}` },
    groupId: job.resource.id,
    groupDisplayName: groupName,
  });
  const results = { servers, succeeded, failed, skipped };
  if (failed > 0) {
    return end('ERROR', 'FAILURE', `JobErrorException : ${failed} servers failed update`, {
      results,
      reason: { message_id: 'FWE-115', message_args: [`${failed} of ${servers.length} servers failed update`] },
      writes: async (tx) => recordActivity(tx, job.workspaceId, activity('GROUP_JOB_FW_UPDATE_FAILED', { groupName, failed, total: servers.length })),
    });
  }
  const status = stopped === 'request' ? `Stopped on request: ${skipped} server(s) not updated` : 'Complete';
  return end('COMPLETE', skipped > 0 ? 'FAILURE' : 'SUCCESS', status, {
    results,
    writes: async (tx) => recordActivity(tx, job.workspaceId, activity('GROUP_JOB_FW_UPDATE_COMPLETED', { groupName, succeeded, total: servers.length })),
  });
}
