// What a decision does to the held job, through the engine's own way of changing a job from outside it
// (settle.ts): approval queues it (APPROVAL_PENDING → PENDING, due now); decline, cancel and expiry end it
// ERROR with a reason clients read from `data.state_reason_message.message_args[0]` (jobs.md §3). A job that
// is no longer held (ended by hand meanwhile) is left as it is.
import { endedJob, changeJob } from '../../job-engine/settle.ts';
import type { StoredJob } from '../../job-engine/model.ts';
import { jobSignals } from '../../job-engine/submit.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';

export type Ending = 'DECLINED' | 'CANCELLED' | 'EXPIRED';

const STATUS: Record<Ending, string> = { DECLINED: 'Approval declined', CANCELLED: 'Approval request cancelled', EXPIRED: 'Approval request expired' };

/** Queues the held job; returns it when it was released (tell the engine after commit with `nudgeEngine`). */
export async function releaseJob(tx: Db, workspaceId: string, jobId: string): Promise<StoredJob | undefined> {
  const change = await changeJob(tx, workspaceId, jobId, (job) => {
    if (job.state !== 'APPROVAL_PENDING') return undefined;
    const now = nowTimestamp();
    return { ...job, state: 'PENDING', status: 'Pending', approvalRequestId: null, run: { ...job.run, runAfter: now } };
  });
  return change?.changed ? change.job : undefined;
}

/** Ends the held job without running it; `reason` is the human text of why. Returns it when it was ended. */
export async function endHeldJob(tx: Db, workspaceId: string, jobId: string, ending: Ending, reason: string): Promise<StoredJob | undefined> {
  const change = await changeJob(tx, workspaceId, jobId, (job) => {
    if (job.state !== 'APPROVAL_PENDING') return undefined;
    const ended = endedJob(job, { state: 'ERROR', resultCode: 'FAILURE', status: STATUS[ending], reason: { message_id: `JOB-APPROVAL-${ending}`, message_args: [reason] } }, nowTimestamp());
    return { ...ended, approvalRequestId: null };
  });
  return change?.changed ? change.job : undefined;
}

/** After commit: engines in this process pick a released job up at once (others on their next poll). */
export function nudgeEngine(workspaceId: string, jobId: string): void {
  jobSignals.emit('changed', workspaceId, jobId);
}
