// The device_settings table: one row per setting of every version (settings v1/v1beta1 and the legacy
// server-settings share it). Append-only.
import type { Migration } from '../../store/store.ts';

export const settingsMigrations: Migration[] = [
  {
    id: 'settings-001',
    up: (t) => [
      `CREATE TABLE device_settings (
        id ${t.text} PRIMARY KEY,
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        name ${t.text} NOT NULL,
        description ${t.text},
        category ${t.text} NOT NULL,
        platform_family ${t.text} NOT NULL,
        settings ${t.json} NOT NULL,
        hpe_defined ${t.bool} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        UNIQUE (workspace_id, category, name)
      )`,
      `CREATE INDEX device_settings_name ON device_settings (workspace_id, name, id)`,
    ],
  },
];
