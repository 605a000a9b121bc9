// The user_preferences table: one row per (workspace, user). Append-only.
import type { Migration } from '../../store/store.ts';

export const userPreferenceMigrations: Migration[] = [
  {
    id: 'user-preferences-001',
    up: (t) => [
      `CREATE TABLE user_preferences (
        id ${t.text} PRIMARY KEY,
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        user_id ${t.text} NOT NULL REFERENCES users(id),
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        critical_notification ${t.bool} NOT NULL,
        critical_non_service_notification ${t.bool} NOT NULL,
        warning_notification ${t.bool} NOT NULL,
        health_notification ${t.bool} NOT NULL,
        power_reset_notification ${t.bool} NOT NULL,
        disconnect_notification ${t.int},
        UNIQUE (workspace_id, user_id)
      )`,
    ],
  },
];
