// Rows ⇄ model for groups and their setting links. Every query takes the workspace first. Reads go through
// one view (groupsView) that adds the derived columns (roll-ups, settings URIs) so lists filter on them in SQL.
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson } from '../../store/json.ts';
import type { Db, Dialect } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { ComplianceState, DeviceType, Group, GroupPolicies, SecurityState } from './model.ts';
import { groupSecuritySql, reasonSql, ROLLUP_REASONS, statusSql, summarySql, type RollupReason } from './rollup-sql.ts';
import { tagKey, tagMap } from './tags.ts';

interface GroupRow {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  device_type: DeviceType;
  setting_ids: string;
  policies: unknown;
  auto_add_tags: unknown;
  generation: number | string;
  created_at: string;
  updated_at: string;
}

/** A group row as the view adds to it. */
export interface GroupViewRow extends GroupRow {
  fw_reason: RollupReason;
  ilo_reason: RollupReason;
  compliance_status: ComplianceState;
  security_status: SecurityState;
}

const COLUMNS = 'workspace_id, id, name, name_key, description, device_type, setting_ids, policies, auto_add_tags, auto_tag_key, auto_fw_update, generation, created_at, updated_at';
const PLACEHOLDERS = COLUMNS.split(',').map(() => '?').join(', ');

export function fromRow(r: GroupRow): Group {
  const tags = parseJson<Record<string, string>>(r.auto_add_tags);
  const [tag] = Object.entries(tags);
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    description: r.description,
    deviceType: r.device_type,
    settingIds: r.setting_ids === '' ? [] : r.setting_ids.split(' '),
    policies: parseJson<GroupPolicies>(r.policies),
    autoAddTag: tag ? { name: tag[0], value: tag[1] } : null,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function values(g: Group): unknown[] {
  const onAdd = g.policies.onDeviceAdd as { firmwareUpdate?: unknown } | null;
  return [
    g.workspaceId,
    g.id,
    g.name,
    g.name.toLowerCase(),
    g.description,
    g.deviceType,
    g.settingIds.join(' '),
    g.policies,
    tagMap(g.autoAddTag),
    tagKey(g.autoAddTag),
    onAdd?.firmwareUpdate === true,
    g.generation,
    g.createdAt,
    g.updatedAt,
  ];
}

/** Where each version's settings URIs point; `base` ends with `/`. */
export interface ViewOptions {
  settingsBase: string;
}

/**
 * The workspace's groups with their derived columns: per-category roll-up reasons and statuses, the overall
 * compliance and security statuses, the settings URIs of the caller's version, and v1beta2's platform family
 * and policy halves. One subquery per layer so each CASE reads the previous layer's columns.
 */
export function groupsView(dialect: Dialect, workspaceId: string, options: ViewOptions): { sql: string; params: unknown[] } {
  const inner = `SELECT g.*, ${reasonSql('g', 'FIRMWARE')} AS fw_reason, ${reasonSql('g', 'ILO_SETTINGS')} AS ilo_reason,
      ${groupSecuritySql('g', dialect)} AS security_status,
      CASE WHEN g.setting_ids = '' THEN '' ELSE SUBSTR(REPLACE(' ' || g.setting_ids, ' ', ?), 2) END AS settings_uris,
      CASE WHEN g.device_type = 'DIRECT_CONNECT_SERVER' THEN 'ANY' ELSE g.device_type END AS platform_family,
      g.policies -> 'onDeviceAdd' AS on_device_add, g.policies -> 'onDeviceApply' AS on_device_apply
    FROM device_groups g WHERE g.workspace_id = ?`;
  const middle = `SELECT i.*, ${statusSql('i.fw_reason')} AS fw_status, ${statusSql('i.ilo_reason')} AS ilo_status FROM (${inner}) i`;
  return {
    sql: `(SELECT m.*, ${summarySql('m.fw_status', 'm.ilo_status')} AS compliance_status FROM (${middle}) m) AS groups_view`,
    params: [` ${options.settingsBase}`, workspaceId],
  };
}

export function rollupOf(reason: RollupReason): ComplianceState {
  return ROLLUP_REASONS[reason];
}

export async function findGroup(db: Db, workspaceId: string, id: string): Promise<Group | undefined> {
  const row = await db.get<GroupRow>(`SELECT ${COLUMNS} FROM device_groups WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

/** The group with its derived columns. */
export async function findGroupView(db: Db, workspaceId: string, id: string, options: ViewOptions): Promise<GroupViewRow | undefined> {
  const view = groupsView(db.dialect, workspaceId, options);
  return db.get<GroupViewRow>(`SELECT * FROM ${view.sql} WHERE id = ?`, [...view.params, id]);
}

export async function listGroupViews(db: Db, workspaceId: string, request: ListRequest, spec: ListSpec, options: ViewOptions): Promise<Page<GroupViewRow>> {
  return listPage(db, { from: groupsView(db.dialect, workspaceId, options), spec }, request, (r: GroupViewRow) => r);
}

export async function findGroupByName(db: Db, workspaceId: string, name: string): Promise<Group | undefined> {
  const row = await db.get<GroupRow>(`SELECT ${COLUMNS} FROM device_groups WHERE workspace_id = ? AND name_key = ?`, [workspaceId, name.toLowerCase()]);
  return row && fromRow(row);
}

export async function findGroupByTagKey(db: Db, workspaceId: string, key: string): Promise<Group | undefined> {
  const row = await db.get<GroupRow>(`SELECT ${COLUMNS} FROM device_groups WHERE workspace_id = ? AND auto_tag_key = ?`, [workspaceId, key]);
  return row && fromRow(row);
}

/** Groups of the workspace holding an auto-add tag, keyed by tagKey; for placement by tags. */
export async function taggedGroups(db: Db, workspaceId: string): Promise<Map<string, Group>> {
  const rows = await db.all<GroupRow>(`SELECT ${COLUMNS} FROM device_groups WHERE workspace_id = ? AND auto_tag_key IS NOT NULL`, [workspaceId]);
  return new Map(rows.map((r) => [tagKey(fromRow(r).autoAddTag)!, fromRow(r)]));
}

export async function insertGroup(db: Db, g: Group): Promise<void> {
  await db.run(`INSERT INTO device_groups (${COLUMNS}) VALUES (${PLACEHOLDERS})`, values(g));
}

/** Saves a changed group if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function updateGroup(db: Db, g: Group, expectedGeneration: number): Promise<boolean> {
  const [, , name, nameKey, description, , settingIds, policies, tags, tagKeyValue, autoFw, generation, , updatedAt] = values(g);
  const { changes } = await db.run(
    `UPDATE device_groups SET name = ?, name_key = ?, description = ?, setting_ids = ?, policies = ?, auto_add_tags = ?, auto_tag_key = ?,
       auto_fw_update = ?, generation = ?, updated_at = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [name, nameKey, description, settingIds, policies, tags, tagKeyValue, autoFw, generation, updatedAt, g.workspaceId, g.id, expectedGeneration],
  );
  return changes === 1;
}

/** Bumps generation and updatedAt of a group whose membership changed. */
export async function touchGroup(db: Db, workspaceId: string, id: string, updatedAt: string): Promise<void> {
  await db.run('UPDATE device_groups SET generation = generation + 1, updated_at = ? WHERE workspace_id = ? AND id = ?', [updatedAt, workspaceId, id]);
}

export async function deleteGroup(db: Db, workspaceId: string, id: string, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run('DELETE FROM device_groups WHERE workspace_id = ? AND id = ? AND generation = ?', [workspaceId, id, expectedGeneration]);
  return changes === 1;
}

/** Replaces the group's setting links (ids with their categories, in order). */
export async function saveSettingLinks(db: Db, workspaceId: string, groupId: string, links: readonly { id: string; category: string }[]): Promise<void> {
  await db.run('DELETE FROM group_settings WHERE workspace_id = ? AND group_id = ?', [workspaceId, groupId]);
  for (const [position, link] of links.entries()) {
    await db.run('INSERT INTO group_settings (workspace_id, group_id, setting_id, category, position) VALUES (?, ?, ?, ?, ?)', [workspaceId, groupId, link.id, link.category, position]);
  }
}

/** Ids of the groups that reference a setting. */
export async function groupsUsingSetting(db: Db, workspaceId: string, settingId: string): Promise<string[]> {
  const rows = await db.all<{ group_id: string }>('SELECT group_id FROM group_settings WHERE workspace_id = ? AND setting_id = ? ORDER BY group_id', [workspaceId, settingId]);
  return rows.map((r) => r.group_id);
}

/** The group's settings: id → stored category, in the group's order. */
export async function settingLinks(db: Db, workspaceId: string, groupId: string): Promise<{ id: string; category: string }[]> {
  const rows = await db.all<{ setting_id: string; category: string }>(
    'SELECT setting_id, category FROM group_settings WHERE workspace_id = ? AND group_id = ? ORDER BY position',
    [workspaceId, groupId],
  );
  return rows.map((r) => ({ id: r.setting_id, category: r.category }));
}
