// GroupOSInstallation (job-templates.md §3): the image of the group's OS setting installed on its members (or
// `devices`), each by a ServerOSInstallation child on its own server — all at once (`parallel`, HPE's default)
// or one after another, skipping the rest after a failure when `stopOnFailure` (serial only). Each child
// waits at most `osCompletionTimeoutMin` (default 240) for its installation.
import { groupSettings } from '../../resources/groups/service.ts';
import type { Db } from '../../store/store.ts';
import { end, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { TEMPLATE_IDS } from '../templates.ts';
import { boolParam } from './device.ts';
import { fanOut, requestedDevices, type PlannedChild, type Tally } from './fan-out.ts';
import { missingSetting } from './ilo-compliance.ts';

const DEFAULT_TIMEOUT_MIN = 240;

const parallel = (job: StoredJob): boolean => boolParam(job.params, 'parallel', true);

async function plan(db: Db, job: StoredJob): Promise<PlannedChild[] | StepOutcome> {
  const settingId = (await groupSettings(db, job.workspaceId, job.resource.id)).settingIds['OS'];
  if (!settingId) return missingSetting('OS');
  const { members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
  const timeout = job.params['osCompletionTimeoutMin'];
  const params = {
    setting_id: settingId,
    group_id: job.resource.id,
    os_completion_timeout_min: typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_MIN,
  };
  return members.map((serverId) => ({ serverId, params }));
}

async function conclude(_db: Db, _job: StoredJob, tally: Tally): Promise<StepOutcome> {
  const { servers, succeeded, failed, skipped, stopped } = tally;
  const results = { servers, succeeded, failed, skipped };
  if (failed > 0) {
    const message = `${failed} of ${servers.length} servers failed the operating system installation${stopped === 'failure' ? `; ${skipped} not started after the failure` : ''}`;
    return end('ERROR', 'FAILURE', `JobErrorException : ${failed} servers failed the OS installation`, {
      results,
      reason: { message_id: 'OS-INSTALL-GROUP-FAILED', message_args: [message] },
    });
  }
  const status = stopped === 'request' ? `Stopped on request: ${skipped} server(s) not installed` : 'Complete';
  return end('COMPLETE', skipped > 0 ? 'FAILURE' : 'SUCCESS', status, { results });
}

export const groupOsInstallation: Executor = {
  async validate(db, job) {
    const { issues, members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
    if (issues.length) return issues;
    if (members.length === 0) return [{ source: 'field', subject: 'resourceId', description: 'the group has no servers to install an operating system on' }];
    return [];
  },

  step: fanOut({
    childTemplateId: () => TEMPLATE_IDS.serverOsInstallation,
    plan,
    waveSize: (job, startable) => (parallel(job) ? startable : 1),
    stopBefore: (job, failed) =>
      parallel(job) ? undefined : job.input['stopOnRequest'] === true ? 'request' : failed > 0 && boolParam(job.params, 'stopOnFailure', false) ? 'failure' : undefined,
    starting: (count) => `Step 1 of 2: Installing the operating system on ${count} server(s)`,
    progress: (done, total) => `Step 2 of 2: ${done} of ${total} server(s) done`,
    conclude,
  }),
};
