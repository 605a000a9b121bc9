// Rows ⇄ model for jobs. Every API query takes the workspace first; only the engine's queue queries span
// workspaces, because workers serve every workspace.
import { parseJson } from '../store/json.ts';
import type { Db } from '../store/store.ts';
import type { Job, JobResourceType, JobState, ResultCode, StoredJob } from './model.ts';

export interface JobRow {
  workspace_id: string;
  id: string;
  parent_job_id: string | null;
  template_id: string;
  name: string;
  resource_type: string;
  resource_id: string;
  params: unknown;
  data: unknown;
  results: unknown;
  state: string;
  result_code: string | null;
  status: string;
  status_details: unknown;
  input: unknown;
  delete_on_complete: boolean | number;
  cancelable: boolean | number;
  generation: number | string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  approval_request_id: string | null;
  started_at: string | null;
  ended_at: string | null;
  checkpoint: unknown;
  run_after: string;
  lease_owner: string | null;
  lease_until: string | null;
  recoveries: number | string;
}

export const JOB_COLUMNS = [
  'workspace_id',
  'id',
  'parent_job_id',
  'template_id',
  'name',
  'resource_type',
  'resource_id',
  'params',
  'data',
  'results',
  'state',
  'result_code',
  'status',
  'status_details',
  'input',
  'delete_on_complete',
  'cancelable',
  'generation',
  'created_at',
  'updated_at',
  'created_by',
  'approval_request_id',
  'started_at',
  'ended_at',
  'checkpoint',
  'run_after',
  'lease_owner',
  'lease_until',
  'recoveries',
] as const;

export const JOB_SELECT = JOB_COLUMNS.join(', ');
const MARKS = JOB_COLUMNS.map(() => '?').join(', ');

export function fromRow(r: JobRow): StoredJob {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    parentJobId: r.parent_job_id,
    templateId: r.template_id,
    name: r.name,
    resource: { type: r.resource_type as JobResourceType, id: r.resource_id },
    params: parseJson(r.params),
    data: parseJson(r.data),
    results: parseJson(r.results),
    state: r.state as JobState,
    resultCode: r.result_code as ResultCode | null,
    status: r.status,
    statusDetails: parseJson(r.status_details),
    input: parseJson(r.input),
    deleteOnComplete: Boolean(r.delete_on_complete),
    cancelable: Boolean(r.cancelable),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    approvalRequestId: r.approval_request_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    run: {
      checkpoint: parseJson(r.checkpoint),
      runAfter: r.run_after,
      leaseOwner: r.lease_owner,
      leaseUntil: r.lease_until,
      recoveries: Number(r.recoveries),
    },
  };
}

function toRow(j: StoredJob): unknown[] {
  return [
    j.workspaceId,
    j.id,
    j.parentJobId,
    j.templateId,
    j.name,
    j.resource.type,
    j.resource.id,
    j.params,
    j.data,
    j.results,
    j.state,
    j.resultCode,
    j.status,
    j.statusDetails,
    j.input,
    j.deleteOnComplete,
    j.cancelable,
    j.generation,
    j.createdAt,
    j.updatedAt,
    j.createdBy,
    j.approvalRequestId,
    j.startedAt,
    j.endedAt,
    j.run.checkpoint,
    j.run.runAfter,
    j.run.leaseOwner,
    j.run.leaseUntil,
    j.run.recoveries,
  ];
}

export async function insertJob(db: Db, job: StoredJob): Promise<void> {
  await db.run(`INSERT INTO jobs (${JOB_SELECT}) VALUES (${MARKS})`, toRow(job));
}

export async function findJob(db: Db, workspaceId: string, id: string): Promise<StoredJob | undefined> {
  const row = await db.get<JobRow>(`SELECT ${JOB_SELECT} FROM jobs WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row ? fromRow(row) : undefined;
}

export async function findChildren(db: Db, workspaceId: string, parentId: string): Promise<StoredJob[]> {
  const rows = await db.all<JobRow>(`SELECT ${JOB_SELECT} FROM jobs WHERE workspace_id = ? AND parent_job_id = ? ORDER BY created_at, id`, [workspaceId, parentId]);
  return rows.map(fromRow);
}

/** Jobs on one target that have not ended, e.g. to refuse a second firmware update of a group. */
export async function activeJobsOn(db: Db, workspaceId: string, type: JobResourceType, resourceId: string): Promise<Job[]> {
  const rows = await db.all<JobRow>(
    `SELECT ${JOB_SELECT} FROM jobs WHERE workspace_id = ? AND resource_type = ? AND resource_id = ? AND state IN ('PENDING', 'APPROVAL_PENDING', 'RUNNING', 'STALLED')`,
    [workspaceId, type, resourceId],
  );
  return rows.map(fromRow);
}

/**
 * Saves a changed job guarded by the generation it was read at (optimistic concurrency between the API's
 * PATCH and the engine's steps). False when someone else changed it first.
 */
export async function saveJob(db: Db, job: StoredJob, expectedGeneration: number): Promise<boolean> {
  const sets = JOB_COLUMNS.slice(2)
    .map((c) => `${c} = ?`)
    .join(', ');
  const result = await db.run(`UPDATE jobs SET ${sets} WHERE workspace_id = ? AND id = ? AND generation = ?`, [
    ...toRow(job).slice(2),
    job.workspaceId,
    job.id,
    expectedGeneration,
  ]);
  return result.changes === 1;
}

export async function deleteJob(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.run('DELETE FROM jobs WHERE workspace_id = ? AND id = ?', [workspaceId, id]);
}
