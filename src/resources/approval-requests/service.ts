// Approval-request operations: read (expiry applied as of now), cancel by the requester, decide by an approver,
// and the endings the system causes (expiry, deleted policy, job ended by hand). Each change is one transaction
// that also changes the held job and records the activity; engines are nudged after commit.
import { ComError } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import { findJob } from '../../job-engine/repository.ts';
import type { ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { ApprovalPolicy } from '../approval-policies/service.ts';
import type { Page } from '../list-envelope.ts';
import { recordRequestActivity } from './activities.ts';
import { endHeldJob, nudgeEngine, releaseJob, type Ending } from './held-jobs.ts';
import { effectiveState, type ApprovalRequest, type Decision, type Vote } from './model.ts';
import * as repo from './repository.ts';
import { cancelRefusal, decisionRefusal, outcome, type Refusal } from './rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = (id: string) => new ComError('NOT_FOUND', `Approval request ${id} was not found`);

function refused(refusal: Refusal): ComError {
  return new ComError(refusal.kind === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT', refusal.message);
}

/** The request as seen at `now`: a pending request past its deadline shows as EXPIRED. */
function seen(r: ApprovalRequest, now: string): ApprovalRequest {
  return { ...r, state: effectiveState(r, now) };
}

async function jobNameOf(db: Db, r: ApprovalRequest): Promise<string> {
  return (await findJob(db, r.workspaceId, r.operation.id))?.name ?? `job ${r.operation.id}`;
}

async function save(tx: Db, next: ApprovalRequest, expectedGeneration: number): Promise<void> {
  // Requests are read locked (PostgreSQL) or inside SQLite's single writer, so this only fails on a bug.
  if (!(await repo.saveRequest(tx, next, expectedGeneration))) throw new ComError('CONFLICT', 'The approval request changed while it was being updated; retry');
}

/** Ends a pending request without approval: the held job ends ERROR with `reason`; one activity. */
async function endRequest(tx: Db, current: ApprovalRequest, ending: Ending, changes: Partial<ApprovalRequest>, reason: string, now: string): Promise<ApprovalRequest> {
  const next: ApprovalRequest = { ...current, ...changes, state: ending, generation: current.generation + 1, updatedAt: now };
  await save(tx, next, current.generation);
  await endHeldJob(tx, current.workspaceId, current.operation.id, ending, reason);
  await recordRequestActivity(tx, ending, next, await jobNameOf(tx, next), reason);
  return next;
}

function expiryReason(r: ApprovalRequest): string {
  return `Nobody decided before ${r.expiresAt}: the approval request expired and the job did not run`;
}

/**
 * Records the expiry of a request that is stored PENDING but past its deadline, ending its job. Call inside a
 * transaction after reading the request locked.
 */
async function expire(tx: Db, current: ApprovalRequest, now: string): Promise<ApprovalRequest> {
  return endRequest(tx, current, 'EXPIRED', {}, expiryReason(current), now);
}

export class ApprovalRequestService {
  constructor(private readonly store: Store) {}

  list(ctx: CallContext, prefix: string, request: ListRequest, spec: ListSpec): Promise<Page<ApprovalRequest>> {
    return repo.listRequests(this.store, ctx.workspaceId, prefix, nowTimestamp(), request, spec);
  }

  async get(ctx: CallContext, id: string): Promise<ApprovalRequest> {
    return seen(await this.load(this.store, ctx, id), nowTimestamp());
  }

  /** The requester withdraws their pending request (approvals.md §6.3); the held job never runs. */
  async cancel(ctx: CallContext, id: string, requestRemarks: string | undefined, ifMatch?: string | string[]): Promise<ApprovalRequest> {
    return this.acting(ctx, id, async (tx, current, state, now) => {
      checkIfMatch(ifMatch, current.generation);
      const refusal = cancelRefusal(current, state, ctx.principal.userId);
      if (refusal) return refusal;
      const who = ctx.principal.email;
      const reason = `Cancelled by the requester ${who}${requestRemarks ? `: ${requestRemarks}` : ''}`;
      return endRequest(tx, current, 'CANCELLED', { cancelledBy: who, requestRemarks: requestRemarks ?? current.requestRemarks }, reason, now);
    });
  }

  /**
   * An approver approves or declines (approvals.md §6.4). One decline declines the request and ends the job;
   * the approval that reaches minApprovers queues the job. Returns the decision as recorded.
   */
  async decide(ctx: CallContext, id: string, vote: Vote, remarks: string): Promise<Decision> {
    const email = ctx.principal.email;
    let released: ApprovalRequest | undefined;
    let decision: Decision | undefined;
    await this.acting(ctx, id, async (tx, current, state, now) => {
      const refusal = decisionRefusal(current, state, email, ctx.principal.userId);
      if (refusal) return refusal;
      decision = { email, userId: ctx.principal.userId, vote, remarks, at: now };
      const decisions = [...current.decisions, decision];
      const next: ApprovalRequest = { ...current, decisions, state: outcome(decisions, current.minApprovers), generation: current.generation + 1, updatedAt: now };
      await save(tx, next, current.generation);
      const jobName = await jobNameOf(tx, next);
      if (next.state === 'DECLINED') {
        const reason = `Declined by ${email}${remarks ? `: ${remarks}` : ''}`;
        await endHeldJob(tx, next.workspaceId, next.operation.id, 'DECLINED', reason);
        await recordRequestActivity(tx, 'DECLINED', next, jobName, reason);
        return next;
      }
      const approvals = decisions.filter((d) => d.vote === 'APPROVED').length;
      let detail = `Approved by ${email} (${approvals} of ${next.minApprovers} approvals)${remarks ? `: ${remarks}` : ''}`;
      if (next.state === 'APPROVED') {
        if (await releaseJob(tx, next.workspaceId, next.operation.id)) released = next;
        detail += released ? '; the job is queued' : '; the job was no longer waiting';
      }
      await recordRequestActivity(tx, 'APPROVED', next, jobName, detail);
      return next;
    });
    if (released) nudgeEngine(released.workspaceId, released.operation.id);
    return decision!;
  }

  /**
   * Loads the request locked and runs `change` on it as seen now. A refusal is answered after commit; when the
   * request turns out to have expired unrecorded, the expiry is recorded first (its job ended) and the action
   * is refused as for any request that is no longer pending.
   */
  private async acting(
    ctx: CallContext,
    id: string,
    change: (tx: Db, current: ApprovalRequest, state: ApprovalRequest['state'], now: string) => Promise<ApprovalRequest | Refusal>,
  ): Promise<ApprovalRequest> {
    const result = await this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id, true);
      const now = nowTimestamp();
      const state = effectiveState(current, now);
      const outcome = await change(tx, current, state, now);
      if ('kind' in outcome) {
        if (outcome.kind === 'forbidden') throw refused(outcome);
        if (state === 'EXPIRED' && current.state === 'PENDING') await expire(tx, current, now);
      }
      return outcome;
    });
    if ('kind' in result) throw refused(result);
    return result;
  }

  /** The workspace's request with this id; anything else, including another workspace's, is 404. */
  private async load(db: Db, ctx: CallContext, id: string, lock = false): Promise<ApprovalRequest> {
    const found = UUID.test(id) ? await repo.findRequest(db, ctx.workspaceId, id.toLowerCase(), lock) : undefined;
    if (!found) throw notFound(id);
    return found;
  }
}

/** Pending requests of a deleted policy are cancelled and their jobs never run (approvals.md §5.5). */
export async function cancelRequestsOfPolicy(tx: Db, policy: ApprovalPolicy, who: string): Promise<void> {
  const now = nowTimestamp();
  for (const id of await repo.pendingOfPolicy(tx, policy.workspaceId, policy.id)) {
    const current = await repo.findRequest(tx, policy.workspaceId, id, true);
    if (!current || current.state !== 'PENDING') continue;
    if (effectiveState(current, now) === 'EXPIRED') {
      await expire(tx, current, now);
      continue;
    }
    const reason = `Approval policy ${policy.name} was deleted by ${who}`;
    await endRequest(tx, current, 'CANCELLED', { cancelledBy: reason }, reason, now);
  }
}

/**
 * For the jobs group: a held job that was ended by hand (PATCH) takes its pending request with it, so nobody
 * is asked to approve a job that can no longer run. Call in the transaction that ended the job.
 */
export async function withdrawRequestOfJob(tx: Db, workspaceId: string, jobId: string, who: string): Promise<void> {
  const now = nowTimestamp();
  const rows = await tx.all<{ id: string }>(`SELECT id FROM approval_requests WHERE workspace_id = ? AND operation_id = ? AND state = 'PENDING'`, [workspaceId, jobId]);
  for (const { id } of rows) {
    const current = await repo.findRequest(tx, workspaceId, id, true);
    if (!current || current.state !== 'PENDING') continue;
    const reason = `The job was ended by ${who} while it waited for approval`;
    const next: ApprovalRequest = { ...current, state: 'CANCELLED', cancelledBy: reason, generation: current.generation + 1, updatedAt: now };
    await save(tx, next, current.generation);
    await recordRequestActivity(tx, 'CANCELLED', next, await jobNameOf(tx, next), reason);
  }
}

/**
 * The expiry sweep: records the expiry of every pending request past its deadline at `now` and ends its held
 * job, one transaction per request. Safe to run from several processes at once. Returns how many it expired.
 */
export async function expireApprovals(store: Store, now: string = nowTimestamp()): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await repo.dueForExpiry(store, now, 100);
    if (due.length === 0) return expired;
    let progressed = false;
    for (const { workspaceId, id } of due) {
      const done = await store.transaction(async (tx) => {
        const current = await repo.findRequest(tx, workspaceId, id, true);
        if (!current || effectiveState(current, now) !== 'EXPIRED' || current.state !== 'PENDING') return false;
        await expire(tx, current, now);
        return true;
      });
      if (done) expired++;
      progressed ||= done;
    }
    // Another process may have expired the whole batch first; then there is nothing left this pass can do.
    if (due.length < 100 || !progressed) return expired;
  }
}

/** Runs the sweep every `everyMs` until the returned function is called; failures are reported, not thrown. */
export function startApprovalExpiry(store: Store, onError: (err: unknown) => void, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireApprovals(store)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

