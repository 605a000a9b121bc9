// Rows ⇄ model for server locations and their server bindings. Every query takes the workspace first.
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { LocationAddress, ServerLocation } from './model.ts';

interface LocationRow {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  address: unknown;
  generation: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'workspace_id, id, name, description, address, generation, created_at, updated_at';

/** Statements over id lists are chunked so no statement exceeds either database's parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

function fromRow(r: LocationRow, servers: string[]): ServerLocation {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    description: r.description,
    address: parseJson<LocationAddress>(r.address),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    servers,
  };
}

export async function findLocation(db: Db, workspaceId: string, id: string): Promise<ServerLocation | undefined> {
  const row = await db.get<LocationRow>(`SELECT ${COLUMNS} FROM server_locations WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  if (!row) return undefined;
  const servers = await db.all<{ server_id: string }>(
    'SELECT server_id FROM server_location_servers WHERE workspace_id = ? AND location_id = ? ORDER BY server_id',
    [workspaceId, id],
  );
  return fromRow(row, servers.map((s) => s.server_id));
}

/** Locations by id, without their servers. */
export async function findLocationHeads(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, ServerLocation>> {
  const found = new Map<string, ServerLocation>();
  for (const chunk of chunks(ids)) {
    const rows = await db.all<LocationRow>(`SELECT ${COLUMNS} FROM server_locations WHERE workspace_id = ? AND id IN (${marks(chunk.length)})`, [workspaceId, ...chunk]);
    for (const r of rows) found.set(r.id, fromRow(r, []));
  }
  return found;
}

export async function insertLocation(db: Db, l: ServerLocation): Promise<void> {
  await db.run(`INSERT INTO server_locations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    l.workspaceId,
    l.id,
    l.name,
    l.description,
    l.address,
    l.generation,
    l.createdAt,
    l.updatedAt,
  ]);
}

/** Records a change of `l`'s binding set if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function saveLocationChange(db: Db, l: ServerLocation, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run('UPDATE server_locations SET generation = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND generation = ?', [
    l.generation,
    l.updatedAt,
    l.workspaceId,
    l.id,
    expectedGeneration,
  ]);
  return changes === 1;
}

/** Bumps the generation of locations that lost servers as a side effect of another location's change. */
export async function bumpLocations(db: Db, workspaceId: string, ids: readonly string[], updatedAt: string): Promise<void> {
  for (const chunk of chunks(ids)) {
    await db.run(`UPDATE server_locations SET generation = generation + 1, updated_at = ? WHERE workspace_id = ? AND id IN (${marks(chunk.length)})`, [
      updatedAt,
      workspaceId,
      ...chunk,
    ]);
  }
}

/** Where each of these servers is bound: server id → location id (unbound servers are absent). */
export async function bindingsOf(db: Db, workspaceId: string, serverIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunks(serverIds)) {
    const rows = await db.all<{ server_id: string; location_id: string }>(
      `SELECT server_id, location_id FROM server_location_servers WHERE workspace_id = ? AND server_id IN (${marks(chunk.length)})`,
      [workspaceId, ...chunk],
    );
    for (const r of rows) found.set(r.server_id, r.location_id);
  }
  return found;
}

/** Binds servers to a location; `move` rebinds servers bound elsewhere, otherwise those keep their binding. */
export async function bindServers(db: Db, workspaceId: string, locationId: string, serverIds: readonly string[], move: boolean): Promise<void> {
  const onConflict = move ? 'DO UPDATE SET location_id = excluded.location_id' : 'DO NOTHING';
  // Multi-row statements keep seeding a large fleet fast on PostgreSQL's round trips.
  const batch = db.dialect === 'postgres' ? 200 : 1;
  for (let i = 0; i < serverIds.length; i += batch) {
    const chunk = serverIds.slice(i, i + batch);
    await db.run(
      `INSERT INTO server_location_servers (workspace_id, server_id, location_id) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (workspace_id, server_id) ${onConflict}`,
      chunk.flatMap((id) => [workspaceId, id, locationId]),
    );
  }
}

/** Unbinds those of `serverIds` bound to this location; returns how many were. */
export async function unbindServers(db: Db, workspaceId: string, locationId: string, serverIds: readonly string[]): Promise<number> {
  let removed = 0;
  for (const chunk of chunks(serverIds)) {
    const { changes } = await db.run(
      `DELETE FROM server_location_servers WHERE workspace_id = ? AND location_id = ? AND server_id IN (${marks(chunk.length)})`,
      [workspaceId, locationId, ...chunk],
    );
    removed += changes;
  }
  return removed;
}

/** The location (id and name) of each listed server that has one. */
export async function locationsOfServers(db: Db, workspaceId: string, serverIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  const found = new Map<string, { id: string; name: string }>();
  for (const chunk of chunks(serverIds)) {
    const rows = await db.all<{ server_id: string; id: string; name: string }>(
      `SELECT b.server_id, l.id, l.name FROM server_location_servers b
         JOIN server_locations l ON l.workspace_id = b.workspace_id AND l.id = b.location_id
       WHERE b.workspace_id = ? AND b.server_id IN (${marks(chunk.length)})`,
      [workspaceId, ...chunk],
    );
    for (const r of rows) found.set(r.server_id, { id: r.id, name: r.name });
  }
  return found;
}
