// How other groups record async operations: recordAsyncOperation and advanceAsyncOperation run inside the
// producer's transaction (async-operations.md §3). The HTTP face (list, get, cancel) lives in reader.ts.
import { randomUUID } from 'node:crypto';
import type { ApiScope } from '../../http/api-scope.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { TERMINAL_STATES, type AsyncOperation, type OperationError } from './model.ts';
import * as repo from './repository.ts';
import { canMove, operationProblems } from './rules.ts';

export { purgeExpiredAsyncOperations } from './retention.ts';

/** What a producer records; the shape other groups depend on, so it changes only compatibly. */
export interface AsyncOperationInput {
  workspaceId: string;
  operationType: 'ADD_DEVICE_TO_GROUP' | 'REMOVE_DEVICE_FROM_GROUP' | 'SUSTAINABILITY_METRICS_COLLECTION' | 'INTERNAL_ASYNC_OPERATION' | 'UNKNOWN';
  /** prefix-less COM path, e.g. `v1/groups/<gid>/devices`; the reader's prefix is added on the way out */
  sourceResourcePath: string;
  state: 'INITIALIZED' | 'RUNNING' | 'PAUSED' | 'TIMEDOUT' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  progressPercent: number;
  logMessages: string[]; // timestamps are added (now)
  resultPaths: string[]; // prefix-less paths like `v1/groups/<gid>/devices/<serverId>`
  error?: { httpStatusCode: number; errorCode: string; message: string; errorDetails?: unknown[] } | null;
  recommendations?: string[];
}

export type AsyncOperationChange = Partial<Omit<AsyncOperationInput, 'workspaceId' | 'operationType' | 'sourceResourcePath'>>;

/** A lost optimistic update is retried from a fresh read this many times before it is reported as a bug. */
const ATTEMPTS = 3;

function operationError(e: AsyncOperationInput['error']): OperationError | null {
  if (!e) return null;
  // The debugId is minted once, so every read of the failed operation shows the same one.
  const error: OperationError = { httpStatusCode: e.httpStatusCode, errorCode: e.errorCode, message: e.message, debugId: randomUUID() };
  if (e.errorDetails !== undefined) error.errorDetails = e.errorDetails;
  return error;
}

/**
 * startedAt when work begins (any state but INITIALIZED, except an operation cancelled before it started),
 * endedAt on reaching a terminal state (the state table of §1).
 */
function stamped(o: AsyncOperation, now: string): AsyncOperation {
  const startedAt = o.startedAt ?? (o.state === 'INITIALIZED' || o.state === 'CANCELLED' ? null : now);
  const endedAt = o.endedAt ?? (TERMINAL_STATES.has(o.state) ? now : null);
  return { ...o, startedAt, endedAt };
}

function checked(o: AsyncOperation): AsyncOperation {
  const problems = operationProblems(o);
  if (problems.length) throw new Error(`async operation ${o.operationType}: ${problems.join('; ')}`);
  return o;
}

/** Runs inside the caller's transaction so the operation and the work it reports commit together. Returns the id. */
export async function recordAsyncOperation(tx: Db, input: AsyncOperationInput): Promise<string> {
  const now = nowTimestamp();
  const operation = checked(
    stamped(
      {
        id: randomUUID(),
        workspaceId: input.workspaceId,
        generation: 1,
        createdAt: now,
        updatedAt: now,
        operationType: input.operationType,
        sourcePath: input.sourceResourcePath,
        state: input.state,
        startedAt: null,
        endedAt: null,
        progressPercent: input.progressPercent,
        logMessages: input.logMessages.map((message) => ({ message, timestamp: now })),
        error: operationError(input.error),
        recommendations: input.recommendations ?? [],
        resultPaths: input.resultPaths,
      },
      now,
    ),
  );
  await repo.insertOperation(tx, operation);
  return operation.id;
}

/** The operation after `change`, stamped and checked; throws (a producer bug) on an impossible change. */
export function changedOperation(current: AsyncOperation, change: AsyncOperationChange): AsyncOperation {
  const state = change.state ?? current.state;
  if (!canMove(current.state, state)) throw new Error(`async operation ${current.id}: ${current.state} cannot become ${state}`);
  const now = nowTimestamp();
  return checked(
    stamped(
      {
        ...current,
        generation: current.generation + 1,
        updatedAt: now,
        state,
        progressPercent: change.progressPercent ?? current.progressPercent,
        logMessages: [...current.logMessages, ...(change.logMessages ?? []).map((message) => ({ message, timestamp: now }))],
        error: change.error === undefined ? current.error : operationError(change.error),
        recommendations: change.recommendations ?? current.recommendations,
        resultPaths: change.resultPaths ?? current.resultPaths,
      },
      now,
    ),
  );
}

/**
 * Moves an existing operation on (state, progress, appended log messages, results, error); bumps
 * generation/updatedAt; sets startedAt/endedAt per the state table. `resultPaths` and `recommendations`
 * replace the stored lists. A cancelled operation is left as it is, so a worker that lost the race against
 * a cancel still commits its own work; any other move out of a terminal state is a bug and throws.
 */
export async function advanceAsyncOperation(tx: Db, workspaceId: string, id: string, change: AsyncOperationChange): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = await repo.findOperation(tx, workspaceId, id);
    if (!current) throw new Error(`async operation ${id} does not exist in workspace ${workspaceId}`);
    if (current.state === 'CANCELLED') return;
    if (await repo.saveOperation(tx, changedOperation(current, change), current.generation)) return;
  }
  throw new Error(`async operation ${id} kept changing while it was being advanced`);
}

/**
 * The `Location` a route that started an operation answers its 202 with, under the caller's prefix. v1 routes
 * point at v1; the beta group routes (v1beta3) point at v1beta1, as COM's examples do (conventions §11).
 */
export function asyncOperationLocation(scope: ApiScope, id: string): string {
  return `/${scope.prefix}/${scope.version === 'v1' ? 'v1' : 'v1beta1'}/async-operations/${id}`;
}
