// The schedules table and its history. A schedule's history goes with it (foreign key); the runner finds due
// schedules of every workspace through next_start_at. Append-only.
import type { Migration } from '../../store/store.ts';

export const scheduleMigrations: Migration[] = [
  {
    id: 'schedules-001',
    up: (t) => [
      `CREATE TABLE schedules (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        name ${t.text} NOT NULL,
        description ${t.text},
        purpose ${t.text},
        associated_resource_uri ${t.text},
        associated_collection ${t.text},
        associated_id ${t.text},
        start_at ${t.timestamp} NOT NULL,
        interval_text ${t.text},
        interval_seconds ${t.int},
        operation ${t.json} NOT NULL,
        next_start_at ${t.timestamp},
        last_run ${t.json},
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        created_by ${t.text},
        idempotency_key ${t.text},
        idempotency_digest ${t.text},
        PRIMARY KEY (workspace_id, id)
      )`,
      // Default list order (createdAt asc) per workspace.
      `CREATE INDEX schedules_created ON schedules (workspace_id, created_at, id)`,
      // The runner's queue: what is due next, in every workspace.
      `CREATE INDEX schedules_due ON schedules (next_start_at)`,
      // Deleting a resource deletes the schedules associated with it.
      `CREATE INDEX schedules_associated ON schedules (workspace_id, associated_collection, associated_id)`,
      // A retried create (same Idempotency-Key) finds the schedule the first attempt created; two racing attempts cannot both insert.
      `CREATE UNIQUE INDEX schedules_idempotency ON schedules (workspace_id, idempotency_key)`,
      `CREATE TABLE schedule_history (
        workspace_id ${t.text} NOT NULL,
        schedule_id ${t.text} NOT NULL,
        id ${t.text} NOT NULL,
        started_at ${t.timestamp} NOT NULL,
        duration_in_sec ${t.real} NOT NULL,
        succeeded ${t.bool} NOT NULL,
        summary ${t.text} NOT NULL,
        status ${t.int} NOT NULL,
        headers ${t.json} NOT NULL,
        body ${t.json},
        debug_id ${t.text} NOT NULL,
        job_id ${t.text},
        created_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, schedule_id) REFERENCES schedules (workspace_id, id) ON DELETE CASCADE
      )`,
      `CREATE INDEX schedule_history_by_schedule ON schedule_history (workspace_id, schedule_id, started_at, id)`,
    ],
  },
];
