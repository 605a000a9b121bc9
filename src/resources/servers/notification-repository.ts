// Rows ⇄ model for each user's e-mail choices on one server (servers.md §5.11). Scoped by workspace first.
import type { Db } from '../../store/store.ts';
import type { NotificationChoices } from '../user-preferences/model.ts';

interface NotificationRow {
  critical_notification: boolean | number;
  critical_non_service_notification: boolean | number | null;
  warning_notification: boolean | number | null;
  health_notification: boolean | number | null;
  power_reset_notification: boolean | number | null;
  disconnect_notification: number | null;
}

function fromRow(r: NotificationRow): NotificationChoices {
  return {
    criticalNotification: Boolean(r.critical_notification),
    criticalNonServiceNotification: Boolean(r.critical_non_service_notification),
    warningNotification: Boolean(r.warning_notification),
    healthNotification: Boolean(r.health_notification),
    powerResetNotification: Boolean(r.power_reset_notification),
    disconnectNotification: r.disconnect_notification === null ? null : Number(r.disconnect_notification),
  };
}

export async function findNotification(db: Db, workspaceId: string, serverId: string, userId: string): Promise<NotificationChoices | undefined> {
  const row = await db.get<NotificationRow>(
    `SELECT critical_notification, critical_non_service_notification, warning_notification, health_notification,
       power_reset_notification, disconnect_notification
     FROM server_notifications WHERE workspace_id = ? AND server_id = ? AND user_id = ?`,
    [workspaceId, serverId, userId],
  );
  return row && fromRow(row);
}

export async function saveNotification(db: Db, workspaceId: string, serverId: string, userId: string, c: NotificationChoices, now: string): Promise<void> {
  await db.run(
    `INSERT INTO server_notifications (workspace_id, server_id, user_id, critical_notification, critical_non_service_notification,
       warning_notification, health_notification, power_reset_notification, disconnect_notification, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, server_id, user_id) DO UPDATE SET critical_notification = excluded.critical_notification,
       critical_non_service_notification = excluded.critical_non_service_notification,
       warning_notification = excluded.warning_notification, health_notification = excluded.health_notification,
       power_reset_notification = excluded.power_reset_notification,
       disconnect_notification = excluded.disconnect_notification, updated_at = excluded.updated_at`,
    [
      workspaceId,
      serverId,
      userId,
      c.criticalNotification,
      c.criticalNonServiceNotification,
      c.warningNotification,
      c.healthNotification,
      c.powerResetNotification,
      c.disconnectNotification,
      now,
    ],
  );
}
