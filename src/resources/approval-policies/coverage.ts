// Which policy guards a job: a job on a group is guarded by the policy covering that group; a job on a server
// by the policy covering the group the server belongs to (a server is in one group at most). Groups are
// reached through the groups group's service only.
import { ComError } from '../../http/com-error.ts';
import type { Db } from '../../store/store.ts';
import { groupMembers, loadGroup } from '../groups/service.ts';
import type { Approvable, ApprovableName, ApprovalPolicy } from './model.ts';
import * as repo from './repository.ts';

export interface Guard {
  policy: ApprovalPolicy;
  approvable: Approvable;
  /** The covered group that made the policy apply. */
  groupId: string;
}

export async function groupExists(db: Db, workspaceId: string, id: string): Promise<boolean> {
  try {
    await loadGroup(db, workspaceId, id);
    return true;
  } catch (err) {
    if (err instanceof ComError && err.key === 'NOT_FOUND') return false;
    throw err;
  }
}

/** The policy and approvable guarding `approvable` on this job target, if any. */
export async function guardOf(db: Db, workspaceId: string, target: { type: string; id: string }, approvable: ApprovableName): Promise<Guard | undefined> {
  if (target.type !== 'group' && target.type !== 'server') return undefined;
  const covered = await repo.coveredGroups(db, workspaceId);
  if (covered.size === 0) return undefined;
  const candidates = [...covered.entries()].filter(([, p]) => p.approvables.some((a) => a.name === approvable));
  for (const [groupId, policy] of candidates) {
    const applies = target.type === 'group' ? groupId === target.id : (await groupMembers(db, workspaceId, groupId)).some((m) => m.serverId === target.id);
    if (applies) return { policy, approvable: policy.approvables.find((a) => a.name === approvable)!, groupId };
  }
  return undefined;
}
