// The job a credential-server registration is (servers.md §4.4: POST /servers answers 202 with a job). The
// device layer does the work — completePendingRegistrations, on the fleet runtime's tick — and ends the job
// in the same transaction; the executor only keeps the engine from ending the job without it, and refuses
// to create such jobs through the jobs API (they need the credentials only POST /servers takes).
import type { Executor } from '../../job-engine/executor.ts';
import { wait } from '../../job-engine/executor.ts';
import { isTerminal } from '../../job-engine/model.ts';
import { changeJob, endedJob, type JobEnding } from '../../job-engine/settle.ts';
import { jobSignals } from '../../job-engine/submit.ts';
import { TEMPLATE_IDS, templateById } from '../../job-engine/templates.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';

export const REGISTRATION_TEMPLATE_ID = TEMPLATE_IDS.addCredentialServer;
export const REGISTRATION_TEMPLATE_NAME = templateById(REGISTRATION_TEMPLATE_ID)!.name;

/** Simulated time between looks; the registration itself ends the job as soon as it completes. */
const LOOK_EVERY_MS = 30_000;

export const registrationExecutor: Executor = {
  async validate() {
    return [{ source: 'field', subject: 'jobTemplate', description: 'servers are added with POST /compute-ops-mgmt/v1/servers, which creates this job' }];
  },
  async step({ job }) {
    return wait({}, LOOK_EVERY_MS, { status: `Waiting for the BMC at ${String(job.params['host'])}` });
  },
};

/** How a registration ended, for its job. */
export interface RegistrationEnd {
  serverId: string | null;
  failureReason: string | null;
}

/** Ends the registration's job inside the registration's transaction; a job already ended stays as it is. */
export async function endRegistrationJob(tx: Db, workspaceId: string, jobId: string, end: RegistrationEnd): Promise<void> {
  const ending: JobEnding = end.serverId
    ? {
        state: 'COMPLETE',
        resultCode: 'SUCCESS',
        status: 'Complete',
        results: { serverId: end.serverId, serverUri: `/compute-ops-mgmt/v1/servers/${end.serverId}` },
        resource: { type: 'server', id: end.serverId },
      }
    : {
        // The job ran to its end without adding the server: COMPLETE with FAILURE (jobs.md §3).
        state: 'COMPLETE',
        resultCode: 'FAILURE',
        status: `Failed: ${end.failureReason ?? 'the server could not be added'}`,
        reason: { message_id: 'SERVER-ADD-FAILED', message_args: [end.failureReason ?? 'the server could not be added'] },
      };
  const changed = await changeJob(tx, workspaceId, jobId, (job) => (isTerminal(job.state) ? undefined : endedJob(job, ending, nowTimestamp())));
  if (changed?.changed) jobSignals.emit('changed', workspaceId, jobId);
}
