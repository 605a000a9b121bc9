// The alerts table. Alerts belong to a server: deleting the server deletes its alerts. Append-only.
import type { Migration } from '../../store/store.ts';

export const alertMigrations: Migration[] = [
  {
    id: 'alerts-001',
    up: (t) => [
      `CREATE TABLE alerts (
        id ${t.text} PRIMARY KEY,
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        severity ${t.text} NOT NULL,
        category ${t.text} NOT NULL,
        alert_type ${t.text} NOT NULL,
        message_id ${t.text} NOT NULL,
        message_key ${t.text} NOT NULL,
        arguments ${t.json} NOT NULL,
        description ${t.text} NOT NULL,
        resolution ${t.text} NOT NULL,
        message ${t.text} NOT NULL,
        origin_of_condition ${t.text},
        occurred_at ${t.timestamp} NOT NULL,
        service_event ${t.bool} NOT NULL,
        is_recurrent ${t.bool} NOT NULL,
        cleared ${t.bool} NOT NULL,
        cleared_at ${t.timestamp},
        service_now_incident ${t.json},
        case_id ${t.bigint},
        case_url ${t.text},
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
      // Lists read newest first per workspace or per server; clearing looks up a server's active alerts.
      `CREATE INDEX alerts_created ON alerts (workspace_id, created_at, id)`,
      `CREATE INDEX alerts_server ON alerts (workspace_id, server_id, created_at)`,
      `CREATE INDEX alerts_active ON alerts (workspace_id, server_id, cleared, message_id)`,
    ],
  },
];
