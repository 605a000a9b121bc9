// The jobs table: the jobs API's rows and the engine's queue in one, so a job and its progress commit
// together. Append-only.
import type { Migration } from '../store/store.ts';

export const jobMigrations: Migration[] = [
  {
    id: 'jobs-001',
    up: (t) => [
      `CREATE TABLE jobs (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        parent_job_id ${t.text},
        template_id ${t.text} NOT NULL,
        name ${t.text} NOT NULL,
        resource_type ${t.text} NOT NULL,
        resource_id ${t.text} NOT NULL,
        params ${t.json} NOT NULL,
        data ${t.json} NOT NULL,
        results ${t.json} NOT NULL,
        state ${t.text} NOT NULL,
        result_code ${t.text},
        status ${t.text} NOT NULL,
        status_details ${t.json} NOT NULL,
        input ${t.json} NOT NULL,
        delete_on_complete ${t.bool} NOT NULL,
        cancelable ${t.bool} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        created_by ${t.text},
        approval_request_id ${t.text},
        started_at ${t.timestamp},
        ended_at ${t.timestamp},
        checkpoint ${t.json} NOT NULL,
        run_after ${t.timestamp} NOT NULL,
        lease_owner ${t.text},
        lease_until ${t.timestamp},
        recoveries ${t.int} NOT NULL,
        PRIMARY KEY (workspace_id, id)
      )`,
      // Default list order (createdAt desc) per workspace.
      `CREATE INDEX jobs_created ON jobs (workspace_id, created_at, id)`,
      // The engine's queue: what is runnable and when.
      `CREATE INDEX jobs_runnable ON jobs (state, run_after)`,
      `CREATE INDEX jobs_resource ON jobs (workspace_id, resource_type, resource_id, state)`,
      `CREATE INDEX jobs_parent ON jobs (workspace_id, parent_job_id)`,
    ],
  },
];
