// GreenLake locations known to a workspace, and which location each server is bound to. Append-only.
import type { Migration } from '../../store/store.ts';

export const serverLocationMigrations: Migration[] = [
  {
    id: 'server-locations-001',
    up: (t) => [
      `CREATE TABLE server_locations (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        name ${t.text} NOT NULL,
        description ${t.text},
        address ${t.json} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, id)
      )`,
      // Keyed by server: a server is bound to one location at most. A removed server loses its binding.
      `CREATE TABLE server_location_servers (
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        location_id ${t.text} NOT NULL,
        PRIMARY KEY (workspace_id, server_id),
        FOREIGN KEY (workspace_id, location_id) REFERENCES server_locations (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )`,
      `CREATE INDEX server_location_servers_location ON server_location_servers (workspace_id, location_id, server_id)`,
    ],
  },
];
