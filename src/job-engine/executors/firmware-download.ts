// Firmware downloads: the bundle's components a server needs are stored in its iLO repository without being
// installed (HPE's "Stage" update method), so a later update or a maintenance window installs them without
// waiting for the transfer. FirmwareDownload runs on a server with `bundle_id`, or on a group (the PowerShell
// module creates group downloads with this template, job-templates.md open questions); GroupFirmwareDownload
// (a17a7aa9) is the group form. A group download stages every member at once — nothing is installed, so
// nothing is disrupted — each through a child FirmwareDownload job, with the bundle the group's baseline
// names for its generation; a `bundle_id` sent with a group download replaces the baseline for its generation.
import type { Issue } from '../../http/com-error.ts';
import { findBundle, settingsKeyOf } from '../../resources/firmware-bundles/baseline.ts';
import type { Db } from '../../store/store.ts';
import { end, type Executor, type StepContext, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { boolParam } from './device.ts';
import { fanOut, requestedDevices, type Tally } from './fan-out.ts';
import { firmwareTask } from './firmware-task.ts';
import { bundleOfParams, bundleParamIssues } from './firmware-update.ts';
import { NO_BASELINE, planByBaseline } from './group-firmware-update.ts';

const serverDownload = firmwareTask({ method: 'Stage', bundle: bundleOfParams, setsBaseline: false, activities: false });

async function serverIssues(db: Db, job: { params: Record<string, unknown> }): Promise<Issue[]> {
  if (job.params['bundle_id'] === undefined) return [{ source: 'field', subject: 'jobParams.bundle_id', description: 'is required for a server' }];
  return bundleParamIssues(db, job);
}

async function groupIssues(db: Db, job: { workspaceId: string; resource: StoredJob['resource']; params: Record<string, unknown> }): Promise<Issue[]> {
  const { issues, members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
  if (issues.length) return issues;
  if (members.length === 0) return [{ source: 'field', subject: 'resourceId', description: 'the group has no servers to download firmware to' }];
  return job.params['bundle_id'] === undefined ? [] : bundleParamIssues(db, job);
}

/** The server job's parameters from either spelling a group download may use (`installSWDrivers` or `install_sw_drivers`). */
function childParams(params: Record<string, unknown>, bundleId: string): Record<string, unknown> {
  return {
    bundle_id: bundleId,
    downgrade: boolParam(params, 'downgrade', false),
    install_sw_drivers: boolParam(params, 'installSWDrivers', boolParam(params, 'install_sw_drivers', false)),
    prerequisite_check: boolParam(params, 'prerequisite_check', true),
    skip_blocklisted_components: boolParam(params, 'skip_blocklisted_components', false),
  };
}

const groupDownload = fanOut({
  childTemplateId: () => TEMPLATE_IDS.firmwareDownload,
  async plan(db, job) {
    const overrides: Record<string, string> = {};
    if (typeof job.params['bundle_id'] === 'string') {
      const bundle = await findBundle(db, job.params['bundle_id']);
      if (bundle) overrides[settingsKeyOf(bundle.bundleGeneration)] = bundle.id;
    }
    return (await planByBaseline(db, job, (bundleId) => childParams(job.params, bundleId), overrides)) ?? NO_BASELINE;
  },
  waveSize: (_job, startable) => startable,
  starting: (count) => `Step 1 of 2: Downloading firmware to ${count} server(s)`,
  progress: (done, total) => `Step 2 of 2: ${done} of ${total} server(s) done`,
  conclude,
});

async function conclude(_db: Db, job: StoredJob, tally: Tally): Promise<StepOutcome> {
  const { servers, succeeded, failed, skipped } = tally;
  const results = { servers, succeeded, failed, skipped };
  if (failed > 0) {
    return end('ERROR', 'FAILURE', `JobErrorException : ${failed} servers failed download`, {
      results,
      reason: { message_id: 'FWE-115', message_args: [`${failed} of ${servers.length} servers failed download`] },
    });
  }
  return end('COMPLETE', 'SUCCESS', 'Complete', { results });
}

export const firmwareDownload: Executor = {
  validate: (db, job) => (job.resource.type === 'group' ? groupIssues(db, job) : serverIssues(db, job)),
  step: (ctx: StepContext) => (ctx.job.resource.type === 'group' ? groupDownload(ctx) : serverDownload.step(ctx)),
};

export const groupFirmwareDownload: Executor = { validate: groupIssues, step: groupDownload };
