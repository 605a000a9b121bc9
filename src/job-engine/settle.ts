// Changing a job outside the engine — a user's PATCH, a server registration finishing: read it locked,
// change it, and save it guarded by the generation read, so neither this change nor a concurrent engine step
// is lost (the engine re-reads before saving a step and keeps what it finds, engine.ts `finish`).
import type { Db } from '../store/store.ts';
import { nowTimestamp } from '../store/time.ts';
import type { ReasonMessage, ResultCode, StoredJob } from './model.ts';
import { isTerminal } from './model.ts';
import { deleteJob, findChildren, fromRow, JOB_SELECT, saveJob, type JobRow } from './repository.ts';

/** How a job ends when something other than its executor ends it. */
export interface JobEnding {
  state: 'COMPLETE' | 'ERROR';
  resultCode: ResultCode;
  status: string;
  /** Shown as `data.state_reason_message`; clients read `message_args[0]` on a failed job. */
  reason?: ReasonMessage;
  results?: Record<string, unknown>;
  /** The target, when ending reveals it (a registration learns the id of the server it added). */
  resource?: StoredJob['resource'];
}

/** The job ended as `ending` says, at `now`; its lease is dropped so no worker keeps a claim on it. */
export function endedJob(job: StoredJob, ending: JobEnding, now: string): StoredJob {
  return {
    ...job,
    state: ending.state,
    resultCode: ending.resultCode,
    status: ending.status,
    results: ending.results ?? job.results,
    resource: ending.resource ?? job.resource,
    data: ending.reason ? { ...job.data, state_reason_message: ending.reason } : job.data,
    endedAt: now,
    run: { ...job.run, leaseOwner: null, leaseUntil: null },
  };
}

export interface JobChange {
  job: StoredJob;
  /** False when `change` left the job as it was (nothing saved, generation kept). */
  changed: boolean;
  /** True when the job reached COMPLETE with deleteOnComplete and was purged (jobs.md §3). */
  deleted: boolean;
}

async function lockJob(tx: Db, workspaceId: string, id: string): Promise<StoredJob | undefined> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const row = await tx.get<JobRow>(`SELECT ${JOB_SELECT} FROM jobs WHERE workspace_id = ? AND id = ?${lock}`, [workspaceId, id]);
  return row ? fromRow(row) : undefined;
}

const ATTEMPTS = 3;

/**
 * Applies `change` to the job as stored now (inside the caller's transaction). `change` may throw (e.g. a
 * precondition) or return undefined for "nothing to change". A change bumps generation and updatedAt.
 * Undefined when the job does not exist in the workspace.
 */
export async function changeJob(tx: Db, workspaceId: string, id: string, change: (current: StoredJob) => StoredJob | undefined): Promise<JobChange | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await lockJob(tx, workspaceId, id);
    if (!current) return undefined;
    const next = change(current);
    if (!next) return { job: current, changed: false, deleted: false };
    const saved: StoredJob = { ...next, generation: current.generation + 1, updatedAt: nowTimestamp() };
    if (!(await saveJob(tx, saved, current.generation))) continue;
    const deleted = saved.state === 'COMPLETE' && saved.deleteOnComplete;
    if (deleted) await deleteJob(tx, workspaceId, id);
    return { job: saved, changed: true, deleted };
  }
  throw new Error(`job ${id} kept changing while it was being changed`);
}

/**
 * Ends every unfinished child of `parent`, and theirs, as `ending` says (inside the caller's transaction): a
 * group job ended by hand must not leave its per-server children queued or running. A child's step in flight
 * is then discarded by the engine, which keeps what it finds ended. Returns the jobs ended.
 */
export async function endDescendants(tx: Db, parent: StoredJob, ending: JobEnding): Promise<StoredJob[]> {
  const ended: StoredJob[] = [];
  for (const child of await findChildren(tx, parent.workspaceId, parent.id)) {
    const change = await changeJob(tx, parent.workspaceId, child.id, (current) => (isTerminal(current.state) ? undefined : endedJob(current, ending, nowTimestamp())));
    if (change?.changed) ended.push(change.job);
    ended.push(...(await endDescendants(tx, child, ending)));
  }
  return ended;
}
