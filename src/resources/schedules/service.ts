// Schedule operations: list and read a workspace's schedules and their history; create (idempotent with an
// Idempotency-Key), change and delete them — load → change → validate → save in one transaction scoped to
// the caller's workspace, each write recording its activity there. The job a schedule will create is checked
// exactly as POST /jobs checks it. Running schedules is the runner's business (runner.ts).
import { createHash, randomUUID } from 'node:crypto';
import { ComError, type Issue } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import { mergePatch } from '../../http/merge-patch.ts';
import type { CallContext } from '../../http/request-context.ts';
import { findJobTarget, hasJobTargetLookup } from '../../job-engine/targets.ts';
import { validateSubmission } from '../../job-engine/validate-submission.ts';
import type { ListPage, ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { parseTargetUri } from '../jobs/calls.ts';
import { recordScheduleActivity } from './activities.ts';
import { formatDuration } from './interval.ts';
import type { Schedule, ScheduleOperation, SchedulePatch, ScheduleRun, ScheduleSpec, TimingInput } from './model.ts';
import { nextAfterChange } from './recurrence.ts';
import * as repo from './repository.ts';
import { associationIssues, checkTiming, nameIssues, readOperation } from './rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = (id: string) => new ComError('NOT_FOUND', `Schedule ${id} was not found`);

/** A client-generated key: printable ASCII, as HTTP header values are; COM's clients send UUIDs. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** JSON with members in a fixed order, so equal requests digest equally however their members were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const digestOf = (spec: ScheduleSpec): string => createHash('sha256').update(canonical(spec)).digest('hex');

/**
 * An associated resource that is a job target (a server, a group…) must exist in the workspace, or the
 * schedule would be deleted as an orphan at its first run; other resources are taken on trust.
 */
async function associationExists(db: Db, workspaceId: string, uri: string | null): Promise<Issue[]> {
  const target = uri === null ? undefined : parseTargetUri(uri);
  if (!target || !hasJobTargetLookup(target.type)) return [];
  if (await findJobTarget(db, target.type, workspaceId, target.id)) return [];
  return [{ source: 'field', subject: 'associatedResourceUri', description: `${target.type} ${target.id} was not found` }];
}

/** The operation's call, checked against the store as a POST /jobs would be; throws 400. */
async function checkOperation(db: Db, workspaceId: string, operation: ScheduleOperation): Promise<void> {
  const read = readOperation(operation);
  if (!read.request) throw ComError.badRequest(read.issues);
  await validateSubmission(db, workspaceId, read.request);
}

/** A query or header map after a merge patch; null clears it. */
const mergedMap = (current: Record<string, string | null>, patch: Record<string, string | null> | null): Record<string, string | null> =>
  patch === null ? {} : (mergePatch(current, patch) as Record<string, string | null>);

export interface Created {
  schedule: Schedule;
  /** True when the Idempotency-Key named an earlier request: nothing new was created. */
  replayed: boolean;
}

export class ScheduleService {
  constructor(private readonly store: Store) {}

  list(ctx: CallContext, view: repo.ScheduleListView, request: ListRequest, spec: ListSpec): Promise<ListPage<Schedule>> {
    return repo.listSchedules(this.store, ctx.workspaceId, view, request, spec);
  }

  get(ctx: CallContext, id: string): Promise<Schedule> {
    return this.load(this.store, ctx, id);
  }

  /**
   * Creates a schedule that will make `spec.operation`'s call at its start (and every interval). With an
   * Idempotency-Key, a retry of the same request returns the schedule the first one created, and the same
   * key with a different request is 409.
   */
  async create(ctx: CallContext, spec: ScheduleSpec, idempotencyKey?: string): Promise<Created> {
    const key = idempotencyKey?.trim();
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw ComError.badRequest([{ source: 'header', subject: 'Idempotency-Key', description: 'must be 1 to 255 printable characters, e.g. a UUID' }]);
    }
    const timing = checkTiming(spec.timing, Date.now());
    const operation = readOperation(spec.operation);
    const issues = [...nameIssues(spec.name), ...associationIssues(spec.associatedResourceUri), ...timing.issues, ...operation.issues];
    if (issues.length || !timing.timing) throw ComError.badRequest(issues);
    const digest = key === undefined ? undefined : digestOf(spec);
    const replay = async (db: Db): Promise<Created | undefined> => {
      const earlier = key === undefined ? undefined : await repo.findByIdempotencyKey(db, ctx.workspaceId, key);
      if (!earlier) return undefined;
      if (earlier.idempotency?.digest !== digest) {
        throw new ComError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was already used for a different request`);
      }
      return { schedule: earlier, replayed: true };
    };
    const now = nowTimestamp();
    const schedule: Schedule = {
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      name: spec.name,
      description: spec.description,
      purpose: spec.purpose,
      associatedResourceUri: spec.associatedResourceUri,
      timing: timing.timing,
      operation: spec.operation,
      nextStartAt: timing.timing.startAt,
      lastRun: null,
      generation: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.principal.userId,
      idempotency: key === undefined || digest === undefined ? null : { key, digest },
    };
    try {
      return await this.store.transaction(async (tx) => {
        const earlier = await replay(tx);
        if (earlier) return earlier;
        const missing = await associationExists(tx, ctx.workspaceId, spec.associatedResourceUri);
        if (missing.length) throw ComError.badRequest(missing);
        await checkOperation(tx, ctx.workspaceId, spec.operation);
        await repo.insertSchedule(tx, schedule);
        await recordScheduleActivity(tx, 'CREATED', schedule);
        return { schedule, replayed: false };
      });
    } catch (err) {
      // Two attempts with one key raced: the loser answers with the winner's schedule.
      if (isUniqueViolation(err)) {
        const earlier = await replay(this.store);
        if (earlier) return earlier;
      }
      throw err;
    }
  }

  /** Merge patch; `operation.method` and `operation.uri` cannot change (HPE's patch schema marks them read-only). */
  async update(ctx: CallContext, id: string, patch: SchedulePatch, ifMatch?: string | string[]): Promise<Schedule> {
    return this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id, true);
      checkIfMatch(ifMatch, current.generation);
      const next: Schedule = { ...current, generation: current.generation + 1, updatedAt: nowTimestamp() };
      const issues: Issue[] = [];
      if (patch.name !== undefined) {
        next.name = patch.name;
        issues.push(...nameIssues(patch.name));
      }
      if (patch.description !== undefined) next.description = patch.description;
      if (patch.purpose !== undefined) next.purpose = patch.purpose;
      if (patch.associatedResourceUri !== undefined) {
        next.associatedResourceUri = patch.associatedResourceUri;
        issues.push(...associationIssues(patch.associatedResourceUri));
      }
      if (patch.startAt !== undefined || patch.interval !== undefined) {
        const input: TimingInput = {
          startAt: patch.startAt ?? current.timing.startAt,
          interval: patch.interval !== undefined ? patch.interval : current.timing.interval && formatDuration(current.timing.interval),
        };
        const timing = checkTiming(input, Date.now(), patch.startAt !== undefined);
        issues.push(...timing.issues);
        if (timing.timing) {
          next.timing = timing.timing;
          next.nextStartAt = nextAfterChange(current, timing.timing, Date.now());
        }
      }
      const op = patch.operation;
      if (op) {
        next.operation = {
          ...current.operation,
          ...(op.body !== undefined ? { body: mergePatch(current.operation.body, op.body) } : {}),
          ...(op.query !== undefined ? { query: mergedMap(current.operation.query, op.query) } : {}),
          ...(op.headers !== undefined ? { headers: mergedMap(current.operation.headers, op.headers) } : {}),
          ...(op.timeoutInSec !== undefined ? { timeoutInSec: op.timeoutInSec } : {}),
        };
        issues.push(...readOperation(next.operation).issues);
      }
      if (issues.length) throw ComError.badRequest(issues);
      if (patch.associatedResourceUri !== undefined) {
        const missing = await associationExists(tx, ctx.workspaceId, next.associatedResourceUri);
        if (missing.length) throw ComError.badRequest(missing);
      }
      if (op) await checkOperation(tx, ctx.workspaceId, next.operation);
      if (!(await repo.saveSchedule(tx, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The schedule changed while it was being updated');
      await recordScheduleActivity(tx, 'UPDATED', next);
      return next;
    });
  }

  /** Deletes a schedule and its history. */
  async delete(ctx: CallContext, id: string, ifMatch?: string | string[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id, true);
      checkIfMatch(ifMatch, current.generation);
      if (!(await repo.deleteSchedule(tx, ctx.workspaceId, current.id, current.generation))) {
        throw new ComError('PRECONDITION_FAILED', 'The schedule changed while it was being deleted');
      }
      await recordScheduleActivity(tx, 'DELETED', current);
    });
  }

  async listHistory(ctx: CallContext, id: string, view: repo.RunListView, request: ListRequest, spec: ListSpec): Promise<ListPage<ScheduleRun>> {
    const schedule = await this.load(this.store, ctx, id);
    return repo.listRuns(this.store, ctx.workspaceId, schedule.id, view, request, spec);
  }

  async getHistory(ctx: CallContext, id: string, historyId: string): Promise<ScheduleRun> {
    const schedule = await this.load(this.store, ctx, id);
    const run = UUID.test(historyId) ? await repo.findRun(this.store, ctx.workspaceId, schedule.id, historyId.toLowerCase()) : undefined;
    if (!run) throw new ComError('NOT_FOUND', `History entry ${historyId} of schedule ${id} was not found`);
    return run;
  }

  /** The workspace's schedule with this id (locked for the change on PostgreSQL); anything else is 404. */
  private async load(db: Db, ctx: CallContext, id: string, lock = false): Promise<Schedule> {
    const found = UUID.test(id) ? await repo.findSchedule(db, ctx.workspaceId, id.toLowerCase(), lock) : undefined;
    if (!found) throw notFound(id);
    return found;
  }
}

/**
 * Deletes the schedules associated with a resource that is being deleted (schedules.md §3), with their
 * history, inside the deleting transaction. Groups that delete resources call this: e.g. the groups service
 * with `('groups', groupId)`. Returns how many were deleted.
 */
export async function deleteAssociatedSchedules(tx: Db, workspaceId: string, collection: string, id: string): Promise<number> {
  const schedules = await repo.findAssociated(tx, workspaceId, collection, id);
  for (const s of schedules) {
    await repo.deleteSchedule(tx, workspaceId, s.id, s.generation);
    await recordScheduleActivity(tx, 'DELETED', s, { en: `Reason: its resource ${s.associatedResourceUri} was deleted`, ja: `理由: 関連リソース ${s.associatedResourceUri} が削除されました` });
  }
  return schedules.length;
}
