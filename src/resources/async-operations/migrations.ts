// The async_operations table: one row per operation, kept 7 days (async-operations.md §2.1). Append-only.
import type { Migration } from '../../store/store.ts';

export const asyncOperationMigrations: Migration[] = [
  {
    id: 'async-operations-001',
    up: (t) => [
      `CREATE TABLE async_operations (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        operation_type ${t.text} NOT NULL,
        source_path ${t.text} NOT NULL,
        state ${t.text} NOT NULL,
        started_at ${t.timestamp},
        ended_at ${t.timestamp},
        progress_percent ${t.int} NOT NULL,
        log_messages ${t.json} NOT NULL,
        error ${t.json},
        recommendations ${t.json} NOT NULL,
        results ${t.json} NOT NULL,
        PRIMARY KEY (workspace_id, id)
      )`,
      // The list is read newest first per workspace and paged by (created_at, id); the purge scans by age alone.
      `CREATE INDEX async_operations_created ON async_operations (workspace_id, created_at, id)`,
      `CREATE INDEX async_operations_age ON async_operations (created_at)`,
    ],
  },
];
