// The metrics_configurations table: at most one row per workspace. Append-only.
import type { Migration } from '../../store/store.ts';

export const metricsConfigurationMigrations: Migration[] = [
  {
    id: 'metrics-configurations-001',
    up: (t) => [
      `CREATE TABLE metrics_configurations (
        id ${t.text} PRIMARY KEY,
        workspace_id ${t.text} NOT NULL UNIQUE REFERENCES workspaces(id),
        metrics_collection ${t.text} NOT NULL,
        power_threshold_alerts ${t.bool} NOT NULL,
        power_utilization_threshold_percentage ${t.int} NOT NULL,
        alert_resources ${t.json} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL
      )`,
    ],
  },
];
