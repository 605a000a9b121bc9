// Rows ⇄ model for server warranties. Every query takes the workspace first. `support_state` is computed in
// SQL against the caller's clock, so filters on it compile to SQL like any stored column.
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { ServerWarranty, SupportState } from './model.ts';

interface ServerWarrantyRow {
  workspace_id: string;
  id: string;
  server_id: string;
  generation: number;
  created_at: string;
  updated_at: string;
  support_start_date: string | null;
  support_end_date: string | null;
  support_level: string | null;
  contract_level: string | null;
  support_state: SupportState;
}

const STORED_COLUMNS = [
  'workspace_id',
  'id',
  'server_id',
  'generation',
  'created_at',
  'updated_at',
  'support_start_date',
  'support_end_date',
  'support_level',
  'contract_level',
] as const;

/** The table with `support_state` added, evaluated at `now` (server-warranty.md, derivation rule). */
function withState(now: string): { sql: string; params: unknown[] } {
  return {
    sql: `(SELECT ${STORED_COLUMNS.join(', ')},
        CASE WHEN support_start_date IS NULL OR support_end_date IS NULL THEN 'UNKNOWN'
             WHEN support_end_date < ? THEN 'EXPIRED'
             WHEN support_start_date <= ? THEN 'ACTIVE'
             ELSE 'UNKNOWN' END AS support_state
      FROM server_warranties) AS w`,
    params: [now, now],
  };
}

function fromRow(r: ServerWarrantyRow): ServerWarranty {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    serverId: r.server_id,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    supportStartDate: r.support_start_date,
    supportEndDate: r.support_end_date,
    supportLevel: r.support_level,
    contractLevel: r.contract_level,
    supportState: r.support_state,
  };
}

export async function findWarranty(db: Db, workspaceId: string, id: string, now: string): Promise<ServerWarranty | undefined> {
  const from = withState(now);
  const row = await db.get<ServerWarrantyRow>(`SELECT * FROM ${from.sql} WHERE workspace_id = ? AND id = ?`, [...from.params, workspaceId, id]);
  return row && fromRow(row);
}

export type { ListRequest } from '../../query/list-query.ts';

export async function listWarranties(db: Db, workspaceId: string, request: ListRequest, spec: ListSpec, now: string): Promise<Page<ServerWarranty>> {
  return listPage(db, {
    from: withState(now),
    scope: { sql: 'workspace_id = ?', params: [workspaceId] },
    spec,
  }, request, fromRow);
}

type StoredWarranty = Omit<ServerWarranty, 'supportState'>;

/** Inserts records whose server has none yet; existing records are left exactly as they are. */
export async function insertMissingWarranties(db: Db, warranties: readonly StoredWarranty[]): Promise<void> {
  // Multi-row statements keep a large fleet's seeding to seconds on PostgreSQL's round trips.
  const batch = db.dialect === 'postgres' ? 200 : 1;
  const placeholders = `(${STORED_COLUMNS.map(() => '?').join(', ')})`;
  for (let i = 0; i < warranties.length; i += batch) {
    const chunk = warranties.slice(i, i + batch);
    await db.run(
      `INSERT INTO server_warranties (${STORED_COLUMNS.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')} ON CONFLICT DO NOTHING`,
      chunk.flatMap((w) => [
        w.workspaceId,
        w.id,
        w.serverId,
        w.generation,
        w.createdAt,
        w.updatedAt,
        w.supportStartDate,
        w.supportEndDate,
        w.supportLevel,
        w.contractLevel,
      ]),
    );
  }
}
