// Rows ⇄ model for settings. Every query takes the workspace first; there are no unscoped queries.
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec, PropertyDef } from '../../query/list-spec.ts';
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { Setting, SettingCategory, SettingsDocument } from './model.ts';

export const TABLE = 'device_settings';

interface SettingRow {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  category: SettingCategory;
  settings: unknown;
  hpe_defined: boolean | number;
  generation: number | string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, workspace_id, name, description, category, platform_family, settings, hpe_defined, generation, created_at, updated_at';

// server-settings publishes platformFamily, and every setting applies to all platform families, so the
// column only ever holds ANY (server-settings.md); it exists so filters on it compile to SQL.
const PLATFORM_FAMILY = 'ANY';

function fromRow(r: SettingRow): Setting {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    description: r.description,
    category: r.category,
    settings: parseJson<SettingsDocument>(r.settings),
    hpeDefined: Boolean(r.hpe_defined),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function values(s: Setting): unknown[] {
  return [s.id, s.workspaceId, s.name, s.description, s.category, PLATFORM_FAMILY, s.settings, s.hpeDefined, s.generation, s.createdAt, s.updatedAt];
}

const PLACEHOLDERS = COLUMNS.split(',').map(() => '?').join(', ');

export async function findById(db: Db, workspaceId: string, id: string): Promise<Setting | undefined> {
  const row = await db.get<SettingRow>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

/** Names are unique per workspace and category (settings.md §5.2's recommended scope). */
export async function findByName(db: Db, workspaceId: string, category: SettingCategory, name: string): Promise<Setting | undefined> {
  const row = await db.get<SettingRow>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE workspace_id = ? AND category = ? AND name = ?`, [workspaceId, category, name]);
  return row && fromRow(row);
}

export async function insert(db: Db, s: Setting): Promise<void> {
  await db.run(`INSERT INTO ${TABLE} (${COLUMNS}) VALUES (${PLACEHOLDERS})`, values(s));
}

/** Inserts unless a row with the same id or (category, name) exists; two seeding requests cannot collide. */
export async function insertIfAbsent(db: Db, s: Setting): Promise<void> {
  await db.run(`INSERT INTO ${TABLE} (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT DO NOTHING`, values(s));
}

export async function countHpeDefined(db: Db, workspaceId: string): Promise<number> {
  const row = await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${TABLE} WHERE workspace_id = ? AND hpe_defined = ?`, [workspaceId, true]);
  return Number(row?.n ?? 0);
}

/** Saves a changed setting if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function update(db: Db, s: Setting, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE ${TABLE} SET name = ?, description = ?, settings = ?, generation = ?, updated_at = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [s.name, s.description, s.settings, s.generation, s.updatedAt, s.workspaceId, s.id, expectedGeneration],
  );
  return changes === 1;
}

export async function remove(db: Db, workspaceId: string, id: string, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(`DELETE FROM ${TABLE} WHERE workspace_id = ? AND id = ? AND generation = ?`, [workspaceId, id, expectedGeneration]);
  return changes === 1;
}

/** Filter/sort names every version shares (conventions §6.4), with the categories the version shows. */
export function listProperties(categories: readonly SettingCategory[]): Record<string, PropertyDef> {
  return {
    category: { column: 'category', type: 'enum', values: categories },
    description: { column: 'description', type: 'string' },
    name: { column: 'name', type: 'string' },
    settings: { json: 'settings' },
  };
}

/** `platformFamily` as server-settings and settings v1 filter it. */
export const PLATFORM_FAMILY_PROPERTY: PropertyDef = { column: 'platform_family', type: 'enum', values: ['ANY', 'PROLIANT'] };

/** settings v1 lists `customerId` as filterable: the workspace the settings belong to. */
export const CUSTOMER_ID_PROPERTY: PropertyDef = { column: 'workspace_id', type: 'string' };

export type { ListRequest } from '../../query/list-query.ts';

/** One page of the workspace's settings in the given categories. */
export async function list(
  db: Db,
  workspaceId: string,
  categories: readonly SettingCategory[],
  request: ListRequest,
  spec: ListSpec,
): Promise<Page<Setting>> {
  return listPage(db, {
    from: TABLE,
    columns: COLUMNS,
    scope: { sql: `workspace_id = ? AND category IN (${categories.map(() => '?').join(', ')})`, params: [workspaceId, ...categories] },
    spec,
  }, request, fromRow);
}
