// The metrics store behind the four analytics endpoints. One row is one server's figures over one step (5
// minutes, an hour or a day) starting at `at`; steps of one server never overlap in time, so any bucket's
// figures are plain sums over the rows inside it. Append-only.
//
// Every read walks a server's rows in time order, so the key leads with (workspace, server, at). On SQLite the
// table is WITHOUT ROWID, i.e. stored in key order: a range read is sequential instead of one lookup per row
// (measured: one server's 10 days from ~200 ms to ~5 ms). No second index: only the hourly compaction would
// use one, and keeping it up to date doubled the cost of writing history.
import type { Migration } from '../../store/store.ts';

export const telemetryMigrations: Migration[] = [
  {
    id: 'telemetry-001',
    up: (t) => [
      // DialectTypes does not name the dialect; SQLite is the one whose JSON columns are plain TEXT.
      `CREATE TABLE telemetry_samples (
        workspace_id ${t.text} NOT NULL,
        server_id ${t.text} NOT NULL,
        step ${t.int} NOT NULL,
        at ${t.timestamp} NOT NULL,
        seconds ${t.int} NOT NULL,
        kwh ${t.real} NOT NULL,
        co2e_kg ${t.real} NOT NULL,
        cost_usd ${t.real} NOT NULL,
        util_seconds ${t.int} NOT NULL,
        cpu ${t.real},
        memory_bus ${t.real},
        io_bus ${t.real},
        cpu_interconnect ${t.real},
        PRIMARY KEY (workspace_id, server_id, at, step),
        FOREIGN KEY (workspace_id, server_id) REFERENCES servers (workspace_id, id) ON DELETE CASCADE
      )${t.json === 'TEXT' ? ' WITHOUT ROWID' : ''}`,
    ],
  },
];
