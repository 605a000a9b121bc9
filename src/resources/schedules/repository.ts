// Rows ⇄ model for schedules and their history. Every API query takes the workspace first; only the runner's
// queue spans workspaces (runner.ts), because one runner serves them all.
import { listPage, type ListPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import { formatDuration, nominalSeconds, parseDuration } from './interval.ts';
import type { Schedule, ScheduleOperation, ScheduleRun } from './model.ts';
import { associationOf } from './rules.ts';

export type { ListRequest } from '../../query/list-query.ts';

export interface ScheduleRow {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  purpose: string | null;
  associated_resource_uri: string | null;
  start_at: string;
  interval_text: string | null;
  operation: unknown;
  next_start_at: string | null;
  last_run: unknown;
  generation: number | string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  idempotency_key: string | null;
  idempotency_digest: string | null;
}

export const SCHEDULE_COLUMNS = `workspace_id, id, name, description, purpose, associated_resource_uri, start_at, interval_text, operation,
  next_start_at, last_run, generation, created_at, updated_at, created_by, idempotency_key, idempotency_digest`;

export function fromRow(r: ScheduleRow): Schedule {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    description: r.description,
    purpose: r.purpose,
    associatedResourceUri: r.associated_resource_uri,
    timing: { startAt: r.start_at, interval: r.interval_text === null ? null : (parseDuration(r.interval_text) ?? null) },
    operation: parseJson<ScheduleOperation>(r.operation),
    nextStartAt: r.next_start_at,
    lastRun: parseJsonOrNull<ScheduleRun>(r.last_run),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    idempotency: r.idempotency_key && r.idempotency_digest ? { key: r.idempotency_key, digest: r.idempotency_digest } : null,
  };
}

/** The stored columns of a schedule, in SCHEDULE_COLUMNS order after the key, plus the derived ones. */
function values(s: Schedule): unknown[] {
  const association = s.associatedResourceUri === null ? undefined : associationOf(s.associatedResourceUri);
  const interval = s.timing.interval;
  return [
    s.name,
    s.description,
    s.purpose,
    s.associatedResourceUri,
    association?.collection ?? null,
    association?.id ?? null,
    s.timing.startAt,
    interval === null ? null : formatDuration(interval),
    interval === null ? null : nominalSeconds(interval),
    s.operation,
    s.nextStartAt,
    s.lastRun,
    s.generation,
    s.updatedAt,
  ];
}

export async function insertSchedule(db: Db, s: Schedule): Promise<void> {
  await db.run(
    `INSERT INTO schedules (workspace_id, id, name, description, purpose, associated_resource_uri, associated_collection, associated_id,
       start_at, interval_text, interval_seconds, operation, next_start_at, last_run, generation, updated_at,
       created_at, created_by, idempotency_key, idempotency_digest)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [s.workspaceId, s.id, ...values(s), s.createdAt, s.createdBy, s.idempotency?.key ?? null, s.idempotency?.digest ?? null],
  );
}

/** Saves a changed schedule if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function saveSchedule(db: Db, s: Schedule, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE schedules SET name = ?, description = ?, purpose = ?, associated_resource_uri = ?, associated_collection = ?, associated_id = ?,
       start_at = ?, interval_text = ?, interval_seconds = ?, operation = ?, next_start_at = ?, last_run = ?, generation = ?, updated_at = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [...values(s), s.workspaceId, s.id, expectedGeneration],
  );
  return changes === 1;
}

export async function findSchedule(db: Db, workspaceId: string, id: string, lock = false): Promise<Schedule | undefined> {
  const forUpdate = lock && db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const row = await db.get<ScheduleRow>(`SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE workspace_id = ? AND id = ?${forUpdate}`, [workspaceId, id]);
  return row && fromRow(row);
}

export async function findByIdempotencyKey(db: Db, workspaceId: string, key: string): Promise<Schedule | undefined> {
  const row = await db.get<ScheduleRow>(`SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE workspace_id = ? AND idempotency_key = ?`, [workspaceId, key]);
  return row && fromRow(row);
}

/** Deletes a schedule (its history goes with it); false when it was not there at `expectedGeneration`. */
export async function deleteSchedule(db: Db, workspaceId: string, id: string, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run('DELETE FROM schedules WHERE workspace_id = ? AND id = ? AND generation = ?', [workspaceId, id, expectedGeneration]);
  return changes === 1;
}

/** The schedules associated with a resource, however its URI was written. */
export async function findAssociated(db: Db, workspaceId: string, collection: string, id: string): Promise<Schedule[]> {
  const rows = await db.all<ScheduleRow>(
    `SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE workspace_id = ? AND associated_collection = ? AND associated_id = ? ORDER BY id`,
    [workspaceId, collection.toLowerCase(), id.toLowerCase()],
  );
  return rows.map(fromRow);
}

/** The wire members computed per request: `type`, `resourceUri` and `historyUri` follow the request's prefix. */
export interface ScheduleListView {
  type: string;
  /** `/compute-ops-mgmt/v1beta2/schedules/` — the id and `/history` are appended in SQL. */
  collectionUri: string;
}

export async function listSchedules(db: Db, workspaceId: string, view: ScheduleListView, request: ListRequest, spec: ListSpec): Promise<ListPage<Schedule>> {
  return listPage<ScheduleRow, Schedule>(
    db,
    {
      from: {
        sql: `(SELECT s.*, CAST(? AS TEXT) AS wire_type, CAST(? AS TEXT) || s.id AS wire_resource_uri,
                 CAST(? AS TEXT) || s.id || '/history' AS wire_history_uri FROM schedules s) AS schedules_wire`,
        params: [view.type, view.collectionUri, view.collectionUri],
      },
      columns: SCHEDULE_COLUMNS,
      scope: { sql: 'workspace_id = ?', params: [workspaceId] },
      spec,
    },
    request,
    fromRow,
  );
}

// ---- history ----

export interface RunRow {
  workspace_id: string;
  schedule_id: string;
  id: string;
  started_at: string;
  duration_in_sec: number | string;
  succeeded: boolean | number;
  summary: string;
  status: number | string;
  headers: unknown;
  body: unknown;
  debug_id: string;
  job_id: string | null;
  created_at: string;
}

const RUN_COLUMNS = 'workspace_id, schedule_id, id, started_at, duration_in_sec, succeeded, summary, status, headers, body, debug_id, job_id, created_at';

export function runFromRow(r: RunRow): ScheduleRun {
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    startedAt: r.started_at,
    durationInSec: Number(r.duration_in_sec),
    succeeded: Boolean(r.succeeded),
    summary: r.summary,
    status: Number(r.status),
    headers: parseJson<Record<string, string>>(r.headers),
    body: parseJsonOrNull(r.body),
    debugId: r.debug_id,
    jobId: r.job_id,
    createdAt: r.created_at,
  };
}

export async function insertRun(db: Db, workspaceId: string, run: ScheduleRun): Promise<void> {
  await db.run(`INSERT INTO schedule_history (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    workspaceId,
    run.scheduleId,
    run.id,
    run.startedAt,
    run.durationInSec,
    run.succeeded,
    run.summary,
    run.status,
    run.headers,
    run.body === null ? null : JSON.stringify(run.body),
    run.debugId,
    run.jobId,
    run.createdAt,
  ]);
}

export async function findRun(db: Db, workspaceId: string, scheduleId: string, id: string): Promise<ScheduleRun | undefined> {
  const row = await db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM schedule_history WHERE workspace_id = ? AND schedule_id = ? AND id = ?`, [workspaceId, scheduleId, id]);
  return row && runFromRow(row);
}

export interface RunListView {
  type: string;
  /** `/compute-ops-mgmt/v1beta2/schedules/` — `<sid>/history/<id>` is appended in SQL. */
  collectionUri: string;
}

export async function listRuns(db: Db, workspaceId: string, scheduleId: string, view: RunListView, request: ListRequest, spec: ListSpec): Promise<ListPage<ScheduleRun>> {
  return listPage<RunRow, ScheduleRun>(
    db,
    {
      from: {
        sql: `(SELECT h.*, CAST(? AS TEXT) AS wire_type, CAST('REST' AS TEXT) AS wire_operation_type, 1 AS wire_generation, h.created_at AS wire_updated_at,
                 CAST(? AS TEXT) || h.schedule_id || '/history/' || h.id AS wire_resource_uri,
                 CAST(? AS TEXT) || h.schedule_id AS wire_schedule_uri FROM schedule_history h) AS history_wire`,
        params: [view.type, view.collectionUri, view.collectionUri],
      },
      columns: RUN_COLUMNS,
      scope: { sql: 'workspace_id = ? AND schedule_id = ?', params: [workspaceId, scheduleId] },
      spec,
    },
    request,
    runFromRow,
  );
}
