// Rows ⇄ model for group members. The primary key (workspace, device) makes a device a member of one group at
// most (groups.md §6.1); a move deletes the old row, so the results it had in the old group go with it.
import { randomBytes } from 'node:crypto';
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Dialect } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { GroupMember, SecurityState } from './model.ts';
import { memberSecuritySql } from './rollup-sql.ts';

interface MemberRow {
  group_id: string;
  device_id: string;
  etag: string;
  added_at: string;
  serial: string;
  product_id: string;
  subscription_state: GroupMember['subscriptionState'];
  subscription_tier: string | null;
  overall_security_status: SecurityState;
  connected: boolean | number;
  member_state: 'ASSIGNED' | 'ACTIVE';
}

/** Statements over id lists are chunked so no statement exceeds either database's parameter limit. */
const CHUNK = 500;
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

function fromRow(r: MemberRow): GroupMember {
  return {
    groupId: r.group_id,
    deviceId: r.device_id,
    serial: r.serial,
    productId: r.product_id,
    eTag: r.etag,
    addedAt: r.added_at,
    subscriptionState: r.subscription_state,
    subscriptionTier: r.subscription_tier,
    overallSecurityStatus: r.overall_security_status,
    connected: Boolean(r.connected),
  };
}

/** Members with the server facts they show; `where` narrows inside the workspace. */
function membersView(dialect: Dialect, where: string): string {
  return `(SELECT gd.group_id, gd.device_id, gd.device_id AS id, gd.etag, gd.added_at, s.serial_number AS serial, s.product_id,
      s.subscription_state, s.subscription_tier, s.connected, ${memberSecuritySql('d', dialect)} AS overall_security_status,
      CASE WHEN s.connected THEN 'ACTIVE' ELSE 'ASSIGNED' END AS member_state
    FROM group_devices gd
      JOIN servers s ON s.workspace_id = gd.workspace_id AND s.id = gd.device_id
      LEFT JOIN server_details d ON d.workspace_id = gd.workspace_id AND d.server_id = gd.device_id
    WHERE gd.workspace_id = ? AND ${where}) AS members_view`;
}

/** A fresh eTag: COM shows `0x` and eight hex digits. */
export function newETag(): string {
  return `0x${randomBytes(4).toString('hex')}`;
}

export async function listMembers(db: Db, workspaceId: string, groupId: string, request: ListRequest, spec: ListSpec): Promise<Page<GroupMember>> {
  return listPage(db, { from: { sql: membersView(db.dialect, 'gd.group_id = ?'), params: [workspaceId, groupId] }, spec }, request, fromRow);
}

/** Every member of these groups, by group, in device order (for the `devices` of group bodies). */
export async function membersOfGroups(db: Db, workspaceId: string, groupIds: readonly string[]): Promise<Map<string, GroupMember[]>> {
  const found = new Map<string, GroupMember[]>(groupIds.map((id) => [id, []]));
  for (let i = 0; i < groupIds.length; i += CHUNK) {
    const chunk = groupIds.slice(i, i + CHUNK);
    const rows = await db.all<MemberRow>(`SELECT * FROM ${membersView(db.dialect, `gd.group_id IN (${marks(chunk.length)})`)} ORDER BY device_id`, [workspaceId, ...chunk]);
    for (const r of rows) found.get(r.group_id)?.push(fromRow(r));
  }
  return found;
}

/** The memberships of these devices, wherever they are: device id → member. */
export async function membershipsOf(db: Db, workspaceId: string, deviceIds: readonly string[]): Promise<Map<string, GroupMember>> {
  const found = new Map<string, GroupMember>();
  for (let i = 0; i < deviceIds.length; i += CHUNK) {
    const chunk = deviceIds.slice(i, i + CHUNK);
    const rows = await db.all<MemberRow>(`SELECT * FROM ${membersView(db.dialect, `gd.device_id IN (${marks(chunk.length)})`)}`, [workspaceId, ...chunk]);
    for (const r of rows) found.set(r.device_id, fromRow(r));
  }
  return found;
}

/** Ids of a group's members matching a filter of the version's member list spec (v1beta2 bulk unassign). */
export async function memberIdsMatching(db: Db, workspaceId: string, groupId: string, filter: string, spec: ListSpec): Promise<string[]> {
  const page = await listPage(db, { from: { sql: membersView(db.dialect, 'gd.group_id = ?'), params: [workspaceId, groupId] }, spec }, { filter, limit: String(spec.limit.max) }, fromRow);
  return page.items.map((m) => m.deviceId);
}

export async function insertMember(db: Db, workspaceId: string, groupId: string, deviceId: string, eTag: string, addedAt: string, policiesPending: boolean): Promise<void> {
  await db.run('INSERT INTO group_devices (workspace_id, device_id, group_id, etag, added_at, policies_pending) VALUES (?, ?, ?, ?, ?, ?)', [
    workspaceId,
    deviceId,
    groupId,
    eTag,
    addedAt,
    policiesPending,
  ]);
}

export async function deleteMember(db: Db, workspaceId: string, deviceId: string): Promise<void> {
  await db.run('DELETE FROM group_devices WHERE workspace_id = ? AND device_id = ?', [workspaceId, deviceId]);
}

/** Claims the member's pending on-add policies (it joined before it was activated): true once, then false. */
export async function claimPendingPolicies(db: Db, workspaceId: string, deviceId: string): Promise<string | undefined> {
  const row = await db.get<{ group_id: string }>('SELECT group_id FROM group_devices WHERE workspace_id = ? AND device_id = ? AND policies_pending = ?', [workspaceId, deviceId, true]);
  if (!row) return undefined;
  await db.run('UPDATE group_devices SET policies_pending = ? WHERE workspace_id = ? AND device_id = ?', [false, workspaceId, deviceId]);
  return row.group_id;
}

export async function countMembers(db: Db, workspaceId: string, groupId: string): Promise<number> {
  const row = await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM group_devices WHERE workspace_id = ? AND group_id = ?', [workspaceId, groupId]);
  return Number(row?.n ?? 0);
}

export async function memberIds(db: Db, workspaceId: string, groupId: string): Promise<string[]> {
  const rows = await db.all<{ device_id: string }>('SELECT device_id FROM group_devices WHERE workspace_id = ? AND group_id = ? ORDER BY device_id', [workspaceId, groupId]);
  return rows.map((r) => r.device_id);
}
