// The entries of a server's latest successful log collection (CollectServerLog), kept so the download-logs
// archive can hand them out. One row per server: a new collection replaces the previous one, and deleting
// the server deletes its row (foreign key ON DELETE CASCADE).
import type { AhsLogFile, LogEntry } from '../../devices/driver.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';

export interface ServerLogCollection {
  /** Stored timestamp; the same value the collection wrote to the server's lastServerLogCollectionAt. */
  collectedAt: string;
  iel: LogEntry[];
  iml: LogEntry[];
  /** What the BMC reported about the Active Health System export; null when none was asked for. */
  ahsLog: AhsLogFile | null;
}

export async function saveLogCollection(db: Db, workspaceId: string, serverId: string, c: ServerLogCollection): Promise<void> {
  await db.run(
    `INSERT INTO server_log_collections (workspace_id, server_id, collected_at, iel_entries, iml_entries, ahs_log)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, server_id) DO UPDATE SET collected_at = excluded.collected_at,
       iel_entries = excluded.iel_entries, iml_entries = excluded.iml_entries, ahs_log = excluded.ahs_log`,
    [workspaceId, serverId, c.collectedAt, c.iel, c.iml, c.ahsLog],
  );
}

export async function findLogCollection(db: Db, workspaceId: string, serverId: string): Promise<ServerLogCollection | undefined> {
  const row = await db.get<{ collected_at: string; iel_entries: unknown; iml_entries: unknown; ahs_log: unknown }>(
    'SELECT collected_at, iel_entries, iml_entries, ahs_log FROM server_log_collections WHERE workspace_id = ? AND server_id = ?',
    [workspaceId, serverId],
  );
  return (
    row && {
      collectedAt: row.collected_at,
      iel: parseJson<LogEntry[]>(row.iel_entries),
      iml: parseJson<LogEntry[]>(row.iml_entries),
      ahsLog: parseJsonOrNull<AhsLogFile>(row.ahs_log),
    }
  );
}
