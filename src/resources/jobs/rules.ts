// What may happen to a job through PATCH (jobs.md §3–4): end a job that has not ended, stop a serial group
// firmware update. Pure; the service loads and saves. (Creation is checked by the engine's validateSubmission,
// shared with schedules.)
import { ComError } from '../../http/com-error.ts';
import { isTerminal, type StoredJob } from '../../job-engine/model.ts';
import { endedJob, type JobEnding } from '../../job-engine/settle.ts';
import type { JobPatch } from './model.ts';

const BY_USER = 'ended by user request';

/** How the unfinished children of a job ended by hand end: failed, naming their parent. */
export function parentEnding(parent: StoredJob): JobEnding {
  return {
    state: 'ERROR',
    resultCode: 'FAILURE',
    status: `Error (parent job ${BY_USER})`,
    reason: { message_id: 'JOB-PARENT-ENDED-BY-USER', message_args: [`Parent job ${parent.id} was ended by a user request`] },
  };
}

function ending(state: 'COMPLETE' | 'ERROR'): JobEnding {
  if (state === 'COMPLETE') return { state, resultCode: 'SUCCESS', status: `Complete (${BY_USER})` };
  return {
    state,
    resultCode: 'FAILURE',
    status: `Error (${BY_USER})`,
    // Clients print message_args[0] of a failed job (client-compat.md).
    reason: { message_id: 'JOB-ENDED-BY-USER', message_args: ['The job was ended by a user request'] },
  };
}

/**
 * The job after `patch`, or undefined when the patch changes nothing. An ended job cannot change, and only a
 * cancelable job (a serial group firmware update) takes stopOnRequest: both are 412 (jobs.md §4.4).
 */
export function patchedJob(job: StoredJob, patch: JobPatch, now: string): StoredJob | undefined {
  if (isTerminal(job.state)) {
    throw new ComError('JOB_ENDED', `Job ${job.id} has already ended (${job.state})`, [
      { type: 'hpe.greenlake.precondition_failed', issues: [{ source: 'field', subject: patch.state ? 'state' : 'input', description: `the job is ${job.state}` }] },
    ]);
  }
  const stop = patch.input?.stopOnRequest;
  if (stop !== undefined && !job.cancelable) {
    throw new ComError('JOB_NOT_CANCELABLE', `Job ${job.id} (${job.name}) cannot be stopped; only a serial GroupFirmwareUpdate can`, [
      { type: 'hpe.greenlake.precondition_failed', issues: [{ source: 'field', subject: 'input.stopOnRequest', description: 'the job is not cancelable' }] },
    ]);
  }
  let next = job;
  if (stop !== undefined && job.input['stopOnRequest'] !== stop) next = { ...next, input: { ...next.input, stopOnRequest: stop } };
  if (patch.state) next = endedJob(next, ending(patch.state), now);
  return next === job ? undefined : next;
}
