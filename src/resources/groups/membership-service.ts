// Assigning and unassigning devices, as each version answers it. v1/v1beta3 answer 202 with an async
// operation: the change is made in the request's transaction and the operation recorded there in its terminal
// state (SUCCEEDED, or FAILED with error and recommendations and nothing changed), so a poll sees the outcome
// at once. v1beta2 answers synchronously with 4xx statuses (groups.md §3.7, §3.8, §4.7–§4.9).
import { ComError, type ErrorDetail, type Issue } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Db, Store } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import { recordAsyncOperation, type AsyncOperationInput } from '../async-operations/service.ts';
import type { Server } from '../servers/model.ts';
import * as members from './members-repository.ts';
import { applyAssign, applyUnassign, DEVICE_ID, planAssign, planUnassign, type AssignItem, type MembershipProblem, type ProblemKind } from './membership.ts';
import type { Group, GroupMember } from './model.ts';
import { problemRecommendations, problemsError } from './problems.ts';
import { loadGroup } from './service.ts';

/** Which devices an unassign names: all of them (force), a list, or (v1beta2) a filter over the members. */
export type UnassignTarget = { all: true } | { ids: string[]; filter?: { text: string; spec: ListSpec } };

/** A requested device as v1beta2's dry run shows it: its membership if it has one. */
export interface DeviceStanding {
  server: Server;
  member: GroupMember | undefined;
}

const concurrent = () => new ComError('CONFLICT', 'A device was assigned by another request at the same time; retry');

/** Malformed ids are bad input whatever the version: 400 before anything is looked up. */
function checkIds(ids: readonly string[], subjectOf: (i: number) => Pick<Issue, 'source' | 'subject'>): void {
  const issues = ids.flatMap((id, i) => (DEVICE_ID.test(id) ? [] : [{ ...subjectOf(i), description: `'${id}' is not a device id (productId+serialNumber)` }]));
  if (issues.length) throw ComError.badRequest(issues);
}

/** `reset-subsystems`: only BIOS, only for server groups (groups.md §6.4). */
function wantsBiosReset(group: Group, values: readonly string[]): boolean {
  const bad = values.filter((v) => v.toUpperCase() !== 'BIOS');
  const issue = (description: string): Issue => ({ source: 'query.parameter', subject: 'reset-subsystems', description });
  if (bad.length) throw ComError.badRequest([issue(`only BIOS can be reset, not ${bad.join(', ')}`)]);
  if (values.length && group.deviceType !== 'DIRECT_CONNECT_SERVER') throw ComError.badRequest([issue('subsystems can only be reset on servers')]);
  return values.length > 0;
}

export class MembershipService {
  constructor(private readonly store: Store) {}

  async listMembers(ctx: CallContext, groupId: string, request: ListRequest, spec: ListSpec): Promise<Page<GroupMember>> {
    const group = await loadGroup(this.store, ctx.workspaceId, groupId);
    return members.listMembers(this.store, ctx.workspaceId, group.id, request, spec);
  }

  /** v1/v1beta3 assign; returns the id of the async operation that reports the outcome. */
  async assignAsync(ctx: CallContext, groupId: string, items: AssignItem[], version: string): Promise<string> {
    checkIds(items.map((i) => i.deviceId), (i) => ({ source: 'field', subject: `devices.${i}.deviceId` }));
    return this.transaction(async (tx) => {
      const group = await loadGroup(tx, ctx.workspaceId, groupId);
      const plan = await planAssign(tx, group, items);
      const source = `${version}/groups/${group.id}/devices`;
      const base = { workspaceId: ctx.workspaceId, operationType: 'ADD_DEVICE_TO_GROUP' as const, sourceResourcePath: source, progressPercent: 100 };
      if (plan.problems.length) return recordFailure(tx, base, plan.problems, 'assigned', version);
      await applyAssign(tx, group, plan.joining, ctx.principal.userId);
      return recordAsyncOperation(tx, {
        ...base,
        state: 'SUCCEEDED',
        logMessages: ['The async operation has started', `${plan.joining.length} of ${new Set(items.map((i) => i.deviceId)).size} devices assigned to group`],
        resultPaths: plan.joining.map((j) => `${source}/${j.server.id}`),
      });
    });
  }

  /** v1/v1beta3 unassign; returns the id of the async operation that reports the outcome. */
  async unassignAsync(ctx: CallContext, groupId: string, target: UnassignTarget, resetSubsystems: string[], version: string): Promise<string> {
    if ('ids' in target) checkIds(target.ids, (i) => ({ source: 'field', subject: `devices.${i}.deviceId` }));
    return this.transaction(async (tx) => {
      const group = await loadGroup(tx, ctx.workspaceId, groupId);
      const resetBios = wantsBiosReset(group, resetSubsystems);
      const ids = 'all' in target ? await members.memberIds(tx, ctx.workspaceId, group.id) : target.ids;
      const plan = await planUnassign(tx, group, ids);
      const source = `${version}/groups/${group.id}/devices`;
      const base = { workspaceId: ctx.workspaceId, operationType: 'REMOVE_DEVICE_FROM_GROUP' as const, sourceResourcePath: source, progressPercent: 100 };
      if (plan.problems.length) return recordFailure(tx, base, plan.problems, 'unassigned', version);
      await applyUnassign(tx, group, plan.leaving, resetBios, ctx.principal.userId);
      return recordAsyncOperation(tx, {
        ...base,
        state: 'SUCCEEDED',
        logMessages: ['The async operation has started', `${plan.leaving.length} of ${plan.leaving.length} devices unassigned from group`],
        resultPaths: plan.leaving.map((s) => `${source}/${s.id}`),
      });
    });
  }

  /** v1beta2 assign: the requested devices as members, or (dry run) as they stand, changing nothing. */
  async assignSync(ctx: CallContext, groupId: string, items: AssignItem[], dryRun: boolean): Promise<DeviceStanding[]> {
    checkIds(items.map((i) => i.deviceId), (i) => ({ source: 'field', subject: `devices.${i}` }));
    return this.transaction(async (tx) => {
      const group = await loadGroup(tx, ctx.workspaceId, groupId);
      const plan = await planAssign(tx, group, items);
      // A dry run is how a client learns the eTags it needs, so only eTag problems do not stop it.
      const blocking = dryRun ? plan.problems.filter((p) => p.kind !== 'ETAG_REQUIRED' && p.kind !== 'STALE_ETAG') : plan.problems;
      if (blocking.length) throw syncError(blocking, 'assign');
      if (!dryRun) await applyAssign(tx, group, plan.joining, ctx.principal.userId);
      const ids = [...new Set(items.map((i) => i.deviceId))];
      const now = dryRun ? plan.current : await members.membershipsOf(tx, ctx.workspaceId, ids);
      return ids.map((id) => ({ server: plan.servers.get(id)!, member: now.get(id) }));
    });
  }

  /** v1beta2 unassign (bulk or one device); every named device must be a member. */
  async unassignSync(ctx: CallContext, groupId: string, target: UnassignTarget, resetSubsystems: string[]): Promise<void> {
    if ('ids' in target) checkIds(target.ids, () => ({ source: 'query.parameter', subject: 'id' }));
    await this.transaction(async (tx) => {
      const group = await loadGroup(tx, ctx.workspaceId, groupId);
      const resetBios = wantsBiosReset(group, resetSubsystems);
      const ids = await this.targetIds(tx, group, target);
      const plan = await planUnassign(tx, group, ids);
      if (plan.problems.length) throw syncError(plan.problems, 'unassign');
      await applyUnassign(tx, group, plan.leaving, resetBios, ctx.principal.userId);
    });
  }

  private async targetIds(tx: Db, group: Group, target: UnassignTarget): Promise<string[]> {
    if ('all' in target) return members.memberIds(tx, group.workspaceId, group.id);
    if (!target.filter) return target.ids;
    const matching = await members.memberIdsMatching(tx, group.workspaceId, group.id, target.filter.text, target.filter.spec);
    if (target.ids.length === 0) return matching;
    const set = new Set(matching);
    return target.ids.filter((id) => set.has(id));
  }

  private async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.store.transaction(fn);
    } catch (err) {
      throw isUniqueViolation(err) ? concurrent() : err;
    }
  }
}

type OperationBase = Pick<AsyncOperationInput, 'workspaceId' | 'operationType' | 'sourceResourcePath' | 'progressPercent'>;

async function recordFailure(tx: Db, base: OperationBase, problems: MembershipProblem[], verb: string, version: string): Promise<string> {
  const error = problemsError(problems, 'async', (i) => ({ source: 'field', subject: `devices.${i}.deviceId` }));
  const body = error.toBody('');
  return recordAsyncOperation(tx, {
    ...base,
    state: 'FAILED',
    logMessages: ['The async operation has started', `No device was ${verb}: ${error.message}`],
    resultPaths: [],
    error: { httpStatusCode: body.httpStatusCode, errorCode: body.errorCode, message: body.message, errorDetails: body.errorDetails as ErrorDetail[] | undefined },
    recommendations: problemRecommendations(problems, version),
  });
}

function syncError(problems: MembershipProblem[], action: 'assign' | 'unassign'): ComError {
  return action === 'assign'
    ? problemsError(problems, 'sync-assign', (i) => ({ source: 'field', subject: `devices.${i}` }))
    : problemsError(problems, 'sync-unassign', () => ({ source: 'query.parameter', subject: 'id' }));
}

export type { ProblemKind };
