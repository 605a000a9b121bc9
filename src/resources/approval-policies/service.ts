// Approval-policy operations: load → change → validate → save, each in one transaction scoped to the caller's
// workspace and recording its activity there. Also what the approval-requests group asks of policies: which
// policy and approvable, if any, guard a job (coverage.ts).
import { randomUUID } from 'node:crypto';
import { ComError, type Issue } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { IdentityService } from '../../identity/identity-service.ts';
import type { ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import { recordPolicyActivity } from './activities.ts';
import { groupExists } from './coverage.ts';
import type { ApprovalPolicy, PolicyDraft, PolicyPatch } from './model.ts';
import * as repo from './repository.ts';
import { approverSubjects, checkApprovables, checkResources, nameIssues, resourceSubject } from './rules.ts';

export { approvableOfTemplate } from './approvables.ts';
export { guardOf, type Guard } from './coverage.ts';
export { APPROVABLE_NAMES, type Approvable, type ApprovableName, type ApprovalPolicy } from './model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Something that must happen, in the same transaction, when a policy is deleted (pending requests end). */
export type PolicyRemovalHook = (tx: Db, policy: ApprovalPolicy, who: string) => Promise<void>;
const removalHooks: PolicyRemovalHook[] = [];

/** Registered by the approval-requests group, which owns the requests a deleted policy leaves behind. */
export function onPolicyRemoved(hook: PolicyRemovalHook): void {
  if (!removalHooks.includes(hook)) removalHooks.push(hook);
}

/**
 * For the groups group: a deleted group leaves the policy that covered it (generation +1), in the transaction
 * that deletes the group. Pending requests keep their rules; nothing else changes.
 */
export async function forgetGroup(tx: Db, workspaceId: string, groupId: string): Promise<void> {
  const policy = (await repo.coveredGroups(tx, workspaceId)).get(groupId);
  if (!policy) return;
  const next: ApprovalPolicy = { ...policy, resources: policy.resources.filter((r) => r.id !== groupId), generation: policy.generation + 1, updatedAt: nowTimestamp() };
  if (!(await repo.updatePolicy(tx, next, policy.generation))) throw new ComError('CONFLICT', 'The approval policy covering the group changed meanwhile; retry');
}

const unprocessable = (issues: Issue[]): ComError =>
  new ComError('UNPROCESSABLE_ENTITY', issues.map((i) => `${i.subject}: ${i.description ?? 'invalid'}`).join('; '), [{ type: 'hpe.greenlake.bad_request', issues }]);

const conflict = (issues: Issue[]): ComError =>
  new ComError('CONFLICT', issues.map((i) => `${i.subject}: ${i.description ?? 'conflict'}`).join('; '), [{ type: 'hpe.greenlake.bad_request', issues }]);

export class ApprovalPolicyService {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
  ) {}

  list(ctx: CallContext, prefix: string, request: ListRequest, spec: ListSpec): Promise<Page<ApprovalPolicy>> {
    return repo.listPolicies(this.store, ctx.workspaceId, prefix, request, spec);
  }

  get(ctx: CallContext, id: string): Promise<ApprovalPolicy> {
    return this.load(this.store, ctx, id);
  }

  async create(ctx: CallContext, draft: PolicyDraft): Promise<ApprovalPolicy> {
    const now = nowTimestamp();
    const checked = this.checkShape(draft);
    const created: ApprovalPolicy = {
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      name: draft.name.trim(),
      description: draft.description,
      remarks: '',
      approvables: checked.approvables,
      resources: checked.resources,
      generation: 1,
      createdAt: now,
      updatedAt: now,
    };
    return this.writing(async (tx) => {
      await this.checkAgainstStore(tx, created, draft);
      await repo.insertPolicy(tx, created);
      await recordPolicyActivity(tx, 'CREATED', created, ctx.principal.email);
      return created;
    });
  }

  /** Merge patch: members sent replace the stored ones; `approvables` and `resources` as whole lists. */
  async update(ctx: CallContext, id: string, patch: PolicyPatch, ifMatch?: string | string[]): Promise<ApprovalPolicy> {
    return this.writing(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      const draft: PolicyDraft = {
        name: patch.name ?? current.name,
        description: patch.description ?? current.description,
        approvables: patch.approvables ?? current.approvables.map((a) => ({ name: a.name, approvers: a.approvers, minApprovers: a.minApprovers })),
        // Stored groups carry no wire type; an absent type means a group.
        resources: patch.resources ?? current.resources.map((r) => ({ type: undefined, id: r.id })),
      };
      const checked = this.checkShape(draft);
      const next: ApprovalPolicy = {
        ...current,
        name: draft.name.trim(),
        description: draft.description,
        approvables: checked.approvables,
        resources: checked.resources,
        generation: current.generation + 1,
        updatedAt: nowTimestamp(),
      };
      await this.checkAgainstStore(tx, next, draft);
      if (!(await repo.updatePolicy(tx, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The policy changed while it was being updated; retry');
      await recordPolicyActivity(tx, 'UPDATED', next, ctx.principal.email);
      return next;
    });
  }

  /** Deletes the policy; its pending requests are cancelled and their jobs never run (approvals.md §5.5). */
  async delete(ctx: CallContext, id: string, ifMatch?: string | string[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      if (!(await repo.deletePolicy(tx, ctx.workspaceId, current.id, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The policy changed while it was being deleted; retry');
      for (const hook of removalHooks) await hook(tx, current, ctx.principal.email);
      await recordPolicyActivity(tx, 'DELETED', current, ctx.principal.email);
    });
  }

  /** The checks that need no database; any issue is a 422. */
  private checkShape(draft: PolicyDraft) {
    const approvables = checkApprovables(draft.approvables);
    const resources = checkResources(draft.resources);
    const issues = [...nameIssues(draft.name), ...approvables.issues, ...resources.issues];
    if (issues.length) throw unprocessable(issues);
    return { approvables: approvables.approvables, resources: resources.resources };
  }

  /**
   * Approvers must be members of the workspace who may act (observers cannot approve), groups must exist
   * (422); the name and the groups must not belong to another policy (409).
   */
  private async checkAgainstStore(tx: Db, p: ApprovalPolicy, draft: PolicyDraft): Promise<void> {
    const issues: Issue[] = [];
    const subjects = approverSubjects(draft.approvables);
    const emails = [...subjects.keys()];
    const members = await this.identity.membersByEmail(tx, p.workspaceId, emails);
    for (const email of emails) {
      const member = members.get(email);
      if (!member) issues.push({ source: 'field', subject: subjects.get(email)!, description: `${email} is not a user of this workspace` });
      else if (member.role === 'observer') issues.push({ source: 'field', subject: subjects.get(email)!, description: `${email} is an observer and cannot approve` });
    }
    for (const [i, r] of p.resources.entries()) {
      if (!(await groupExists(tx, p.workspaceId, r.id))) issues.push({ source: 'field', subject: resourceSubject(i), description: `group ${r.id} was not found` });
    }
    if (issues.length) throw unprocessable(issues);
    const clashes: Issue[] = [];
    const named = await repo.findPolicyIdByName(tx, p.workspaceId, p.name);
    if (named && named !== p.id) clashes.push({ source: 'field', subject: 'name', description: `an approval policy named '${p.name}' already exists` });
    const covered = await repo.coveredElsewhere(tx, p.workspaceId, p.resources.map((r) => r.id), p.id);
    for (const [i, r] of p.resources.entries()) {
      const other = covered.get(r.id);
      if (other !== undefined) clashes.push({ source: 'field', subject: resourceSubject(i), description: `group ${r.id} is already covered by approval policy '${other}'` });
    }
    if (clashes.length) throw conflict(clashes);
  }

  /** Runs a write; a unique-key race lost to a concurrent write is the same 409 the pre-checks give. */
  private async writing<T>(change: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.store.transaction(change);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ComError('CONFLICT', 'Another approval policy took this name or one of these groups meanwhile');
      throw err;
    }
  }

  /** The workspace's policy with this id; anything else, including another workspace's, is 404. */
  private async load(db: Db, ctx: CallContext, id: string): Promise<ApprovalPolicy> {
    const found = UUID.test(id) ? await repo.findPolicy(db, ctx.workspaceId, id.toLowerCase()) : undefined;
    if (!found) throw new ComError('NOT_FOUND', `Approval policy ${id} was not found`);
    return found;
  }
}
