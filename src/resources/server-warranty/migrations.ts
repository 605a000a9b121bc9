// The server_warranties table: one entitlement record per server of a workspace. Append-only.
import type { Migration } from '../../store/store.ts';

export const serverWarrantyMigrations: Migration[] = [
  {
    id: 'server-warranty-001',
    up: (t) => [
      // A record lives and dies with its server, hence the cascading reference.
      `CREATE TABLE server_warranties (
        workspace_id ${t.text} NOT NULL,
        id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        support_start_date ${t.timestamp},
        support_end_date ${t.timestamp},
        support_level ${t.text},
        contract_level ${t.text},
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, server_id),
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
      `CREATE INDEX server_warranties_end ON server_warranties (workspace_id, support_end_date)`,
      `CREATE INDEX server_warranties_start ON server_warranties (workspace_id, support_start_date)`,
    ],
  },
];
