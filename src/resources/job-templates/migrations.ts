// The job-template catalogue as a table, so lists filter, sort and page in SQL like every other collection.
// It is HPE's global catalogue, the same for every workspace, hence the one table without a workspace_id.
// Rows are written from the catalogue at startup (catalogue.ts), never over HTTP. Append-only.
import type { Migration } from '../../store/store.ts';

export const jobTemplateMigrations: Migration[] = [
  {
    id: 'job-templates-001',
    up: (t) => [
      `CREATE TABLE job_templates (
        id ${t.text} NOT NULL PRIMARY KEY,
        name ${t.text} NOT NULL,
        description ${t.text} NOT NULL,
        schema ${t.json} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL
      )`,
      `CREATE INDEX job_templates_name ON job_templates (name, id)`,
    ],
  },
];
