// What groups do when servers arrive or change (groups.md §6.5, §6.6), called by the servers group inside the
// transaction of that change: place servers by their tags, and start the on-add jobs a member was waiting for
// when it is activated.
import type { Db } from '../../store/store.ts';
import type { Server } from '../servers/model.ts';
import { claimPendingPolicies, membershipsOf } from './members-repository.ts';
import { applyAssign } from './membership.ts';
import type { Group } from './model.ts';
import { submitOnAddJobs } from './on-add-jobs.ts';
import { findGroup, taggedGroups } from './repository.ts';
import { serverTagKeys } from './tags.ts';

/** A device is auto-placed only before it was ever activated (connected): §6.5. */
function neverActivated(server: Server): boolean {
  return !server.state.connected && server.state.connectedModifiedAt === null;
}

/** The one server group the server's tags select; none when no group or several match. */
function groupFor(server: Server, tagged: ReadonlyMap<string, Group>): Group | undefined {
  const matches = new Map<string, Group>();
  for (const key of serverTagKeys(server.tags)) {
    const group = tagged.get(key);
    if (group) matches.set(group.id, group);
  }
  const [only, ...others] = matches.values();
  return only && others.length === 0 && only.deviceType === 'DIRECT_CONNECT_SERVER' ? only : undefined;
}

/** Places servers that are in no group into the group their tags select, one batch per group. */
async function place(tx: Db, workspaceId: string, servers: readonly Server[]): Promise<void> {
  const tagged = await taggedGroups(tx, workspaceId);
  if (tagged.size === 0) return;
  const candidates = servers.filter((s) => s.tags && Object.keys(s.tags).length > 0);
  if (candidates.length === 0) return;
  const current = await membershipsOf(tx, workspaceId, candidates.map((s) => s.id));
  const byGroup = new Map<string, { group: Group; servers: Server[] }>();
  for (const server of candidates) {
    if (current.has(server.id)) continue; // a member is never moved by its tags
    const group = groupFor(server, tagged);
    if (!group) continue;
    const batch = byGroup.get(group.id) ?? { group, servers: [] };
    batch.servers.push(server);
    byGroup.set(group.id, batch);
  }
  for (const { group, servers: joining } of byGroup.values()) {
    await applyAssign(tx, group, joining.map((server) => ({ server, leaving: undefined })), null);
  }
}

/** Onboarding: newly stored servers are placed by their tags. */
export async function placeOnboardedServers(tx: Db, workspaceId: string, servers: readonly Server[]): Promise<void> {
  if (servers.length) await place(tx, workspaceId, servers);
}

const sameTags = (a: Server['tags'], b: Server['tags']) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/**
 * A stored server changed: new tags place a never-activated server that is in no group; a first connection
 * starts the on-add jobs of the group it joined while not yet activated.
 */
export async function serverChanged(tx: Db, before: Server, after: Server): Promise<void> {
  if (!sameTags(before.tags, after.tags) && neverActivated(after)) await place(tx, after.workspaceId, [after]);
  if (!before.state.connected && after.state.connected) {
    const groupId = await claimPendingPolicies(tx, after.workspaceId, after.id);
    const group = groupId && (await findGroup(tx, after.workspaceId, groupId));
    if (group) await submitOnAddJobs(tx, group, [after.id], null);
  }
}
