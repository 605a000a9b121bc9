// GroupApplyInternalStorageSettings (job-templates.md §3, "Group configuration"): the group's STORAGE setting
// built as RAID volumes on each member (or `devices`), all servers at once. Both of HPE's template ids run it
// on a group (the docs' 54095626… and the c708eb57… clients list, job-templates.md open questions); each server
// gets a child job on its own target under the c708eb57… id, so it queues behind other work on that server.
// `initialize` erases a server's existing volumes first; without it a server that has volumes is left alone
// and fails. `volumes` names the setting's volumes ({id, name}); unnamed ones get default names.
import type { Issue } from '../../http/com-error.ts';
import { groupSettings } from '../../resources/groups/service.ts';
import { findSetting } from '../../resources/settings/service.ts';
import type { Db } from '../../store/store.ts';
import { end, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { fanOut, requestedDevices, type PlannedChild, type Tally } from './fan-out.ts';
import { missingSetting } from './ilo-compliance.ts';
import { settingVolumes } from './internal-storage-plan.ts';
import { buildServerVolumes } from './internal-storage-server.ts';

/** The template id clients list for this job; on a server it is the per-server child. */
const PER_SERVER_TEMPLATE_ID = 'c708eb57-235d-4ea8-9e21-8ceea2438773';

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });
const askedVolumes = (params: Record<string, unknown>): { id: string; name?: string }[] => (Array.isArray(params['volumes']) ? (params['volumes'] as { id: string; name?: string }[]) : []);

async function storageSettingOf(db: Db, workspaceId: string, groupId: string) {
  const settingId = (await groupSettings(db, workspaceId, groupId)).settingIds['STORAGE'];
  return settingId ? findSetting(db, workspaceId, settingId) : undefined;
}

async function validate(db: Db, job: { workspaceId: string; resource: StoredJob['resource']; params: Record<string, unknown> }): Promise<Issue[]> {
  if (job.resource.type === 'server') {
    return [field('jobTemplate', 'on a server this job is created by GroupApplyInternalStorageSettings on its group; create that job on the group')];
  }
  const { issues, members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
  if (issues.length) return issues;
  if (members.length === 0) return [field('resourceId', 'the group has no servers to configure')];
  // Volume ids can only be checked against a setting the group has; without one the job fails when it runs.
  const setting = await storageSettingOf(db, job.workspaceId, job.resource.id);
  if (!setting) return [];
  const known = new Set(settingVolumes(setting.id, setting.settings.DEFAULT ?? {}).map((v) => v.id.toLowerCase()));
  const unknown = askedVolumes(job.params).filter((v) => !known.has(v.id.toLowerCase()));
  return unknown.length ? [field('jobParams.volumes', `not volumes of the group's STORAGE setting ${setting.name}: ${unknown.map((v) => v.id).join(', ')}`)] : [];
}

async function plan(db: Db, job: StoredJob): Promise<PlannedChild[] | StepOutcome> {
  const setting = await storageSettingOf(db, job.workspaceId, job.resource.id);
  if (!setting) return missingSetting('STORAGE');
  const { members } = await requestedDevices(db, job.workspaceId, job.resource.id, job.params);
  const params = { setting_id: setting.id, group_id: job.resource.id, initialize: job.params['initialize'] === true, volumes: askedVolumes(job.params) };
  return members.map((serverId) => ({ serverId, params }));
}

async function conclude(_db: Db, job: StoredJob, tally: Tally): Promise<StepOutcome> {
  const { servers, succeeded, failed, skipped } = tally;
  const results = { initialize: job.params['initialize'] === true, servers, succeeded, failed, skipped };
  if (failed > 0) {
    const message = `${failed} of ${servers.length} servers failed to apply the internal storage settings`;
    return end('ERROR', 'FAILURE', `JobErrorException : ${failed} servers failed to apply internal storage settings`, {
      results,
      reason: { message_id: 'GROUP-STORAGE-APPLY-FAILED', message_args: [message] },
    });
  }
  return end('COMPLETE', 'SUCCESS', 'Complete', { results });
}

const groupStep = fanOut({
  childTemplateId: () => PER_SERVER_TEMPLATE_ID,
  plan,
  // Each server builds its own volumes; nothing is gained by waiting for one before the next.
  waveSize: (_job, startable) => startable,
  starting: (count) => `Step 1 of 2: Applying internal storage settings to ${count} server(s)`,
  progress: (done, total) => `Step 2 of 2: ${done} of ${total} server(s) done`,
  conclude,
});

export const groupApplyInternalStorageSettings: Executor = {
  validate,
  step: (ctx) => (ctx.job.resource.type === 'server' ? buildServerVolumes(ctx) : groupStep(ctx)),
};
