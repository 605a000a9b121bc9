// Rows ⇄ model for async operations. Every query takes the workspace first, except the retention purge,
// which is global by design (a background task runs it for every workspace at once).
import { runCursorQuery, type CursorResult, type KeysetKey } from '../../query/cursor-query.ts';
import { defineListSpec } from '../../query/list-spec.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import { OPERATION_STATES, type AsyncOperation, type LogMessage, type OperationError, type OperationState, type OperationType } from './model.ts';

export interface OperationRow {
  workspace_id: string;
  id: string;
  generation: number | string;
  created_at: string;
  updated_at: string;
  operation_type: string;
  source_path: string;
  state: string;
  started_at: string | null;
  ended_at: string | null;
  progress_percent: number | string;
  log_messages: unknown;
  error: unknown;
  recommendations: unknown;
  results: unknown;
}

export const COLUMNS =
  'workspace_id, id, generation, created_at, updated_at, operation_type, source_path, state, started_at, ended_at, ' +
  'progress_percent, log_messages, error, recommendations, results';

export function fromRow(r: OperationRow): AsyncOperation {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    operationType: r.operation_type as OperationType,
    sourcePath: r.source_path,
    state: r.state as OperationState,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    progressPercent: Number(r.progress_percent),
    logMessages: parseJson<LogMessage[]>(r.log_messages),
    error: parseJsonOrNull<OperationError>(r.error),
    recommendations: parseJson<string[]>(r.recommendations),
    resultPaths: parseJson<string[]>(r.results),
  };
}

/** The columns a change may touch after creation, from `state` on, in COLUMNS order. */
function progressValues(o: AsyncOperation): unknown[] {
  return [
    o.state,
    o.startedAt,
    o.endedAt,
    o.progressPercent,
    JSON.stringify(o.logMessages),
    o.error === null ? null : JSON.stringify(o.error),
    JSON.stringify(o.recommendations),
    JSON.stringify(o.resultPaths),
  ];
}

function values(o: AsyncOperation): unknown[] {
  return [o.workspaceId, o.id, o.generation, o.createdAt, o.updatedAt, o.operationType, o.sourcePath, ...progressValues(o)];
}

export async function insertOperation(db: Db, o: AsyncOperation): Promise<void> {
  await db.run(`INSERT INTO async_operations (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?').join(', ')})`, values(o));
}

/** The operation, however old; callers that serve it apply the retention window themselves. */
export async function findOperation(db: Db, workspaceId: string, id: string): Promise<AsyncOperation | undefined> {
  const row = await db.get<OperationRow>(`SELECT ${COLUMNS} FROM async_operations WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

/** Saves a change made from `expectedGeneration`; false when somebody else changed the operation first. */
export async function saveOperation(db: Db, o: AsyncOperation, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE async_operations SET generation = ?, updated_at = ?, state = ?, started_at = ?, ended_at = ?, progress_percent = ?,
       log_messages = ?, error = ?, recommendations = ?, results = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [o.generation, o.updatedAt, ...progressValues(o), o.workspaceId, o.id, expectedGeneration],
  );
  return changes === 1;
}

/** Deletes operations created before `cutoff`, in every workspace; returns how many. */
export async function deleteOperationsBefore(db: Db, cutoff: string): Promise<number> {
  const { changes } = await db.run('DELETE FROM async_operations WHERE created_at < ?', [cutoff]);
  return changes;
}

/**
 * Filterable properties of both versions (identical there: async-operations.md §2.1, §2.4). Columns are those
 * of the list's subquery, where `source_uri` carries the reader's prefix and empty lists read as null, so
 * `not results eq null` means "has results".
 */
export const ASYNC_OPERATION_LIST_SPEC = defineListSpec({
  idColumn: 'id',
  limit: { max: 1000, default: 100 },
  properties: {
    id: { column: 'id', type: 'string' },
    generation: { column: 'generation', type: 'integer' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
    startedAt: { column: 'started_at', type: 'timestamp' },
    endedAt: { column: 'ended_at', type: 'timestamp' },
    state: { column: 'state', type: 'enum', values: OPERATION_STATES },
    progressPercent: { column: 'progress_percent', type: 'integer' },
    sourceResourceUri: { column: 'source_uri', type: 'string' },
    error: { json: 'error' },
    logMessages: { json: 'log_messages_or_null' },
    recommendations: { json: 'recommendations_or_null' },
    results: { json: 'results_or_null' },
  },
});

/** Newest first, as GreenLake's async-operation lists are; the id breaks createdAt ties. */
const ORDER: readonly KeysetKey[] = [
  { column: 'created_at', descending: true },
  { column: 'id', descending: true },
];

export interface OperationListRequest {
  filter?: string | undefined;
  limit?: string | undefined;
  next?: string | undefined;
}

/**
 * One page of the workspace's operations created at or after `cutoff`, with COM paths under `prefix`
 * (`/compute-ops-mgmt`); undefined when `next` names no operation of that window.
 */
export async function listOperations(
  db: Db,
  workspaceId: string,
  cutoff: string,
  prefix: string,
  request: OperationListRequest,
): Promise<CursorResult<AsyncOperation> | undefined> {
  const emptyAsNull = (c: string) => (db.dialect === 'sqlite' ? `NULLIF(o.${c}, '[]')` : `NULLIF(o.${c}, '[]'::jsonb)`);
  const page = await runCursorQuery<OperationRow & Record<string, unknown>>(db, {
    from: {
      sql: `(SELECT o.*, CAST(? AS TEXT) || o.source_path AS source_uri, ${emptyAsNull('log_messages')} AS log_messages_or_null,
               ${emptyAsNull('recommendations')} AS recommendations_or_null, ${emptyAsNull('results')} AS results_or_null
             FROM async_operations o WHERE o.workspace_id = ? AND o.created_at >= ?) AS a`,
      params: [`${prefix}/`, workspaceId, cutoff],
    },
    spec: ASYNC_OPERATION_LIST_SPEC,
    order: ORDER,
    columns: COLUMNS,
    filter: request.filter,
    limit: request.limit,
    next: request.next,
  });
  return page && { ...page, rows: page.rows.map(fromRow) };
}
