// The HTTP face of async operations: list, get and cancel, scoped to the caller's workspace and to the
// retention window (async-operations.md §2). Producers use service.ts instead.
import { ComError } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { CursorResult } from '../../query/cursor-query.ts';
import { QueryError } from '../../query/query-error.ts';
import type { Db, Store } from '../../store/store.ts';
import { recordOperationCancelled } from './activities.ts';
import { CANCELLABLE_TYPES, TERMINAL_STATES, type AsyncOperation } from './model.ts';
import * as repo from './repository.ts';
import { purgeExpiredAsyncOperations, retentionCutoff } from './retention.ts';
import { changedOperation } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads never depend on purging; it runs at most this often per process, on the way into a list. */
const PURGE_INTERVAL_MS = 3_600_000;

/** The list's query parameters as they arrive; `offset` is tolerated only as 0 (cursor paging). */
export interface AsyncOperationListRequest extends repo.OperationListRequest {
  offset?: string | undefined;
}

/**
 * A client that pages by offset would get the first page again and again; one that always sends offset=0
 * (generic list helpers do) is served. An empty `next` is no cursor, as an empty `offset` is no offset.
 */
function cursorRequest(request: AsyncOperationListRequest): repo.OperationListRequest {
  if (request.offset !== undefined && request.offset !== '' && !/^0+$/.test(request.offset)) {
    throw new QueryError('offset', 'this list is cursor-paged: pass the previous page\'s next instead of an offset');
  }
  const next = request.next === '' ? undefined : request.next;
  if (next !== undefined && !UUID.test(next)) throw new QueryError('next', `'${next}' is not a cursor (a UUID from a previous page's next)`);
  return { filter: request.filter, limit: request.limit, next: next?.toLowerCase() };
}

export class AsyncOperationService {
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(private readonly store: Store) {}

  /**
   * One page of the workspace's operations of the last 7 days, newest first, with COM paths under `prefix`.
   * A `next` that names no listed operation (unknown, another workspace's, or expired) is 404.
   */
  async list(ctx: CallContext, prefix: string, request: AsyncOperationListRequest): Promise<CursorResult<AsyncOperation>> {
    const query = cursorRequest(request);
    await this.purgeNowAndThen();
    const page = await repo.listOperations(this.store, ctx.workspaceId, retentionCutoff(), prefix, query);
    if (!page) throw new ComError('NOT_FOUND', `The cursor ${query.next} names no async operation of the last 7 days`);
    return page;
  }

  async get(ctx: CallContext, id: string): Promise<AsyncOperation> {
    return load(this.store, ctx, id);
  }

  /** CANCELLED, if the operation is of a cancellable type and has not ended; the answer carries no body. */
  async cancel(ctx: CallContext, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await load(tx, ctx, id);
      if (!CANCELLABLE_TYPES.has(current.operationType)) {
        throw new ComError('ASYNC_OPERATION_NOT_CANCELLABLE', `Async operation ${id} is a ${current.operationType} operation, which cannot be cancelled`);
      }
      if (TERMINAL_STATES.has(current.state)) {
        throw new ComError('ASYNC_OPERATION_ENDED', `Async operation ${id} has already ended in state ${current.state}`, [
          { type: 'hpe.greenlake.precondition_failed', issues: [{ source: 'field', subject: 'state', description: `is ${current.state}` }] },
        ]);
      }
      const next = changedOperation(current, { state: 'CANCELLED', logMessages: ['The async operation was cancelled'] });
      if (!(await repo.saveOperation(tx, next, current.generation))) {
        // The producer moved it on between our read and our write; the client's retry sees where it went.
        throw new ComError('ASYNC_OPERATION_ENDED', `Async operation ${id} changed while it was being cancelled; retry`);
      }
      await recordOperationCancelled(tx, next, ctx.principal);
    });
  }

  private async purgeNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    await purgeExpiredAsyncOperations(this.store);
  }
}

/** The operation with this id in the caller's workspace and retention window; anything else is 404. */
async function load(db: Db, ctx: CallContext, id: string): Promise<AsyncOperation> {
  const found = UUID.test(id) ? await repo.findOperation(db, ctx.workspaceId, id.toLowerCase()) : undefined;
  if (!found || found.createdAt < retentionCutoff()) throw new ComError('NOT_FOUND', `Async operation ${id} was not found`);
  return found;
}
