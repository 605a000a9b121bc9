// The activities table: one row per activity, texts rendered per language at record time. Append-only.
import type { Migration } from '../../store/store.ts';

export const activityMigrations: Migration[] = [
  {
    id: 'activities-001',
    up: (t) => [
      `CREATE TABLE activities (
        id ${t.text} PRIMARY KEY,
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        activity_key ${t.text} NOT NULL,
        title_en ${t.text} NOT NULL,
        message_en ${t.text} NOT NULL,
        recommended_action_en ${t.text},
        title_ja ${t.text} NOT NULL,
        message_ja ${t.text} NOT NULL,
        recommended_action_ja ${t.text},
        source_type ${t.text} NOT NULL,
        source_id ${t.text} NOT NULL,
        source_name ${t.text} NOT NULL,
        source_path ${t.text},
        source_origin_id ${t.text},
        associated_server_id ${t.text},
        group_id ${t.text},
        group_display_name ${t.text},
        health_state ${t.text},
        server_settings_id ${t.text},
        server_settings_name ${t.text},
        server_settings_category ${t.text},
        hidden ${t.bool} NOT NULL
      )`,
      // The feed is read newest first, per workspace, often narrowed to one server or one source.
      `CREATE INDEX activities_created ON activities (workspace_id, created_at, id)`,
      `CREATE INDEX activities_server ON activities (workspace_id, associated_server_id, created_at)`,
      `CREATE INDEX activities_source ON activities (workspace_id, source_id, created_at)`,
    ],
  },
];
