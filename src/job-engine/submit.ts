// Creating a job: every producer (the jobs API, schedules, group on-add policies, other groups) calls
// submitJob inside its own transaction, so the job exists exactly when the change that asked for it does.
// Engines in this process are nudged; engines elsewhere find it on their next poll.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { nowTimestamp } from '../store/time.ts';
import type { Db } from '../store/store.ts';
import type { JobResourceType, JobState, StoredJob } from './model.ts';
import { insertJob } from './repository.ts';
import { templateById } from './templates.ts';

export type { JobResourceType } from './model.ts';

export interface JobSubmission {
  workspaceId: string;
  templateId: string;
  resource: { type: JobResourceType; id: string };
  params: Record<string, unknown>;
  createdBy: string | null;
  parentJobId?: string | null;
  deleteOnComplete?: boolean;
  /** The schedule whose run created the job, kept in `data` so its history can point at it. */
  scheduleId?: string;
}

/**
 * A gate may hold a new job before it is queued — approval policies put matching jobs in APPROVAL_PENDING.
 * Gates run inside the submitting transaction; the first one that holds the job wins.
 */
export type SubmitGate = (tx: Db, job: StoredJob) => Promise<{ state: JobState; approvalRequestId: string | null; status: string } | undefined>;

const gates: SubmitGate[] = [];

export function registerSubmitGate(gate: SubmitGate): void {
  if (!gates.includes(gate)) gates.push(gate);
}

/** Emits `submitted` after a job is inserted and `changed` when one was changed outside the engine. */
export const jobSignals = new EventEmitter();
jobSignals.setMaxListeners(0);

/** Serial group firmware updates can be stopped with `input.stopOnRequest`; nothing else can be cancelled. */
function isCancelable(templateId: string, params: Record<string, unknown>): boolean {
  const t = templateById(templateId);
  return t?.name === 'GroupFirmwareUpdate' && params['parallel'] !== true;
}

/** Inserts a PENDING job inside the caller's transaction; the engine picks it up after commit. */
export async function submitJob(tx: Db, submission: JobSubmission): Promise<StoredJob> {
  const template = templateById(submission.templateId);
  if (!template) throw new Error(`unknown job template ${submission.templateId}`);
  const now = nowTimestamp();
  const job: StoredJob = {
    id: randomUUID(),
    workspaceId: submission.workspaceId,
    parentJobId: submission.parentJobId ?? null,
    templateId: template.id,
    name: template.name,
    resource: submission.resource,
    params: submission.params,
    data: submission.scheduleId ? { schedule_id: submission.scheduleId } : {},
    results: {},
    state: 'PENDING',
    resultCode: null,
    status: 'Pending',
    statusDetails: {},
    input: {},
    deleteOnComplete: submission.deleteOnComplete ?? false,
    cancelable: isCancelable(template.id, submission.params),
    generation: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: submission.createdBy,
    approvalRequestId: null,
    startedAt: null,
    endedAt: null,
    run: { checkpoint: {}, runAfter: now, leaseOwner: null, leaseUntil: null, recoveries: 0 },
  };
  // A child is part of a job that already passed the gates.
  for (const gate of job.parentJobId ? [] : gates) {
    const held = await gate(tx, job);
    if (held) {
      job.state = held.state;
      job.status = held.status;
      job.approvalRequestId = held.approvalRequestId;
      break;
    }
  }
  await insertJob(tx, job);
  jobSignals.emit('submitted', job.workspaceId, job.id);
  return job;
}
