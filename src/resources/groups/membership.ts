// Membership rules (groups.md §6), the same for every version: one group per device, device type must match,
// a move needs the device's current eTag, re-assigning to the same group is a no-op. Planning returns the
// problems as values (each version turns them into its own answer); applying changes members, bumps the groups
// involved, records activities and submits the on-add / reset jobs, all in the caller's transaction.
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Server } from '../servers/model.ts';
import { findServers } from '../servers/repository.ts';
import { recordMembershipChange } from './activities.ts';
import * as members from './members-repository.ts';
import type { Group, GroupMember } from './model.ts';
import { submitBiosReset, submitOnAddJobs } from './on-add-jobs.ts';
import { findGroup, touchGroup } from './repository.ts';

/** Why one requested device cannot be (un)assigned. */
export type ProblemKind = 'UNKNOWN_DEVICE' | 'WRONG_TYPE' | 'ETAG_REQUIRED' | 'STALE_ETAG' | 'NOT_MEMBER';

export interface MembershipProblem {
  /** Index in the request's device list. */
  index: number;
  deviceId: string;
  kind: ProblemKind;
  description: string;
}

export interface AssignItem {
  deviceId: string;
  eTag?: string | undefined;
}

/** What assigning would do: devices to add (with the membership they leave), and the no-ops. */
export interface AssignPlan {
  problems: MembershipProblem[];
  servers: Map<string, Server>;
  /** Devices that join, each with the membership it leaves (moves) or undefined. */
  joining: { server: Server; leaving: GroupMember | undefined }[];
  /** Current memberships of every requested device (dry-run shows their eTags). */
  current: Map<string, GroupMember>;
}

/** `<productId>+<serial>` (servers) or `oneview+<uuid>` (appliances): printable ASCII around one `+`. */
export const DEVICE_ID = /^[!-*,-~]+\+[!-*,-~]+$/;

const isApplianceId = (id: string) => /^(oneview|gateway)\+/i.test(id);

/** Checks a request against the rules without changing anything. */
export async function planAssign(db: Db, group: Group, items: readonly AssignItem[]): Promise<AssignPlan> {
  const ids = [...new Set(items.map((i) => i.deviceId))];
  const servers = await findServers(db, group.workspaceId, ids);
  const current = await members.membershipsOf(db, group.workspaceId, ids);
  const problems: MembershipProblem[] = [];
  const joining: AssignPlan['joining'] = [];
  const seen = new Set<string>();
  items.forEach(({ deviceId, eTag }, index) => {
    if (seen.has(deviceId)) return;
    seen.add(deviceId);
    const problem = (kind: ProblemKind, description: string) => problems.push({ index, deviceId, kind, description });
    const server = servers.get(deviceId);
    const isServer = server !== undefined;
    // A server only into a server group, an appliance only into its kind of appliance group (§6.3).
    if ((group.deviceType === 'DIRECT_CONNECT_SERVER' && isApplianceId(deviceId)) || (group.deviceType !== 'DIRECT_CONNECT_SERVER' && isServer)) {
      return problem('WRONG_TYPE', `device ${deviceId} is not of the group's device type ${group.deviceType}`);
    }
    if (!server) return problem('UNKNOWN_DEVICE', `device ${deviceId} was not found`);
    const membership = current.get(deviceId);
    if (membership?.groupId === group.id) return; // already here: no eTag check, nothing to do (§6.2)
    if (membership) {
      if (eTag === undefined || eTag === '') {
        return problem('ETAG_REQUIRED', `device ${deviceId} is a member of group ${membership.groupId}; moving it needs its current eTag`);
      }
      if (eTag.toLowerCase() !== membership.eTag.toLowerCase()) {
        return problem('STALE_ETAG', `eTag ${eTag} of device ${deviceId} is not its latest; the current eTag is ${membership.eTag}`);
      }
    }
    joining.push({ server, leaving: membership });
  });
  return { problems, servers, joining, current };
}

/**
 * Adds the planned devices to the group (moving them out of their old group), bumps every group involved, and
 * records the activities. Activated devices get the on-add jobs now, the others when they are activated.
 */
export async function applyAssign(tx: Db, group: Group, joining: AssignPlan['joining'], createdBy: string | null): Promise<void> {
  if (joining.length === 0) return;
  const now = nowTimestamp();
  const left = new Map<string, Group>();
  for (const { server, leaving } of joining) {
    if (!leaving) continue;
    const old = left.get(leaving.groupId) ?? (await findGroup(tx, group.workspaceId, leaving.groupId));
    if (!old) continue;
    left.set(old.id, old);
    await members.deleteMember(tx, group.workspaceId, server.id);
    await recordMembershipChange(tx, false, old, server);
  }
  // Groups are bumped in id order, so two moves in opposite directions cannot deadlock on PostgreSQL.
  for (const id of [group.id, ...left.keys()].sort()) await touchGroup(tx, group.workspaceId, id, now);
  for (const { server } of joining) {
    await members.insertMember(tx, group.workspaceId, group.id, server.id, members.newETag(), now, !server.state.connected);
    await recordMembershipChange(tx, true, group, server);
  }
  const activated = joining.filter((j) => j.server.state.connected).map((j) => j.server.id);
  await submitOnAddJobs(tx, group, activated, createdBy);
}

export interface UnassignPlan {
  problems: MembershipProblem[];
  leaving: Server[];
}

/** Every listed device must be a server of the workspace and a member of this group. */
export async function planUnassign(db: Db, group: Group, deviceIds: readonly string[]): Promise<UnassignPlan> {
  const ids = [...new Set(deviceIds)];
  const servers = await findServers(db, group.workspaceId, ids);
  const current = await members.membershipsOf(db, group.workspaceId, ids);
  const problems: MembershipProblem[] = [];
  const leaving: Server[] = [];
  const seen = new Set<string>();
  deviceIds.forEach((deviceId, index) => {
    if (seen.has(deviceId)) return;
    seen.add(deviceId);
    const server = servers.get(deviceId);
    if (!server) return problems.push({ index, deviceId, kind: 'UNKNOWN_DEVICE', description: `device ${deviceId} was not found` });
    if (current.get(deviceId)?.groupId !== group.id) {
      return problems.push({ index, deviceId, kind: 'NOT_MEMBER', description: `device ${deviceId} is not a member of group ${group.name}` });
    }
    leaving.push(server);
  });
  return { problems, leaving };
}

/** Removes the devices, bumps the group, records activities and, when asked, starts the BIOS factory reset. */
export async function applyUnassign(tx: Db, group: Group, leaving: readonly Server[], resetBios: boolean, createdBy: string | null): Promise<void> {
  if (leaving.length === 0) return;
  for (const server of leaving) {
    await members.deleteMember(tx, group.workspaceId, server.id);
    await recordMembershipChange(tx, false, group, server);
  }
  await touchGroup(tx, group.workspaceId, group.id, nowTimestamp());
  if (resetBios) await submitBiosReset(tx, group, leaving.map((s) => s.id), createdBy);
}
