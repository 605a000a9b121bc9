// Rows ⇄ model for user preferences. Every query takes the workspace first; there are no unscoped queries.
import type { PropertyDef } from '../../query/list-spec.ts';
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { UserPreference } from './model.ts';

export interface UserPreferenceRow {
  id: string;
  workspace_id: string;
  user_id: string;
  generation: number;
  created_at: string;
  updated_at: string;
  critical_notification: boolean | number;
  critical_non_service_notification: boolean | number;
  warning_notification: boolean | number;
  health_notification: boolean | number;
  power_reset_notification: boolean | number;
  disconnect_notification: number | null;
}

export const TABLE = 'user_preferences';

export function fromRow(r: UserPreferenceRow): UserPreference {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    userId: r.user_id,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    criticalNotification: Boolean(r.critical_notification),
    criticalNonServiceNotification: Boolean(r.critical_non_service_notification),
    warningNotification: Boolean(r.warning_notification),
    healthNotification: Boolean(r.health_notification),
    powerResetNotification: Boolean(r.power_reset_notification),
    disconnectNotification: r.disconnect_notification === null ? null : Number(r.disconnect_notification),
  };
}

const COLUMNS = `id, workspace_id, user_id, generation, created_at, updated_at, critical_notification,
  critical_non_service_notification, warning_notification, health_notification, power_reset_notification,
  disconnect_notification`;

export async function findByUser(db: Db, workspaceId: string, userId: string): Promise<UserPreference | undefined> {
  const row = await db.get<UserPreferenceRow>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE workspace_id = ? AND user_id = ?`, [workspaceId, userId]);
  return row && fromRow(row);
}

export async function findByUsers(db: Db, workspaceId: string, userIds: readonly string[]): Promise<Map<string, UserPreference>> {
  const found = new Map<string, UserPreference>();
  if (userIds.length === 0) return found;
  const rows = await db.all<UserPreferenceRow>(
    `SELECT ${COLUMNS} FROM ${TABLE} WHERE workspace_id = ? AND user_id IN (${userIds.map(() => '?').join(', ')})`,
    [workspaceId, ...userIds],
  );
  for (const r of rows) found.set(r.user_id, fromRow(r));
  return found;
}

export async function insert(db: Db, p: UserPreference): Promise<void> {
  await db.run(
    `INSERT INTO ${TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      p.id,
      p.workspaceId,
      p.userId,
      p.generation,
      p.createdAt,
      p.updatedAt,
      p.criticalNotification,
      p.criticalNonServiceNotification,
      p.warningNotification,
      p.healthNotification,
      p.powerResetNotification,
      p.disconnectNotification,
    ],
  );
}

/** Saves a changed preference if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function update(db: Db, p: UserPreference, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE ${TABLE} SET generation = ?, updated_at = ?, critical_notification = ?, critical_non_service_notification = ?,
       warning_notification = ?, health_notification = ?, power_reset_notification = ?, disconnect_notification = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [
      p.generation,
      p.updatedAt,
      p.criticalNotification,
      p.criticalNonServiceNotification,
      p.warningNotification,
      p.healthNotification,
      p.powerResetNotification,
      p.disconnectNotification,
      p.workspaceId,
      p.id,
      expectedGeneration,
    ],
  );
  return changes === 1;
}

/** Wire names shared by every version, and their columns. */
export const COMMON_LIST_PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  id: { column: 'id', type: 'string' },
  generation: { column: 'generation', type: 'integer' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  criticalNotification: { column: 'critical_notification', type: 'boolean' },
  criticalNonServiceNotification: { column: 'critical_non_service_notification', type: 'boolean' },
  warningNotification: { column: 'warning_notification', type: 'boolean' },
  healthNotification: { column: 'health_notification', type: 'boolean' },
};

export type { ListRequest } from '../../query/list-query.ts';

/** The user's own preferences as a page, through the shared filter/sort/paging machinery. */
export function listForUser(db: Db, workspaceId: string, userId: string, request: ListRequest, spec: ListSpec): Promise<Page<UserPreference>> {
  return listPage(db, {
    from: TABLE,
    scope: { sql: 'workspace_id = ? AND user_id = ?', params: [workspaceId, userId] },
    spec,
  }, request, fromRow);
}
