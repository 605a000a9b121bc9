// Rows ⇄ model for approval policies and the groups they cover. Every query takes the workspace first.
import { compileFilter } from '../../query/filter/compile-sql.ts';
import { parseFilter } from '../../query/filter/parser.ts';
import type { ListRequest } from '../../query/list-query.ts';
import type { ListSpec, PropertyDef } from '../../query/list-spec.ts';
import { parsePaging } from '../../query/paging.ts';
import { compileSort, parseSort } from '../../query/sort.ts';
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { Approvable, ApprovalPolicy, PolicyResource } from './model.ts';

interface PolicyRow {
  workspace_id: string;
  id: string;
  name: string;
  description: string;
  remarks: string;
  approvables: unknown;
  generation: number | string;
  created_at: string;
  updated_at: string;
}

interface ResourceRow {
  policy_id: string;
  resource_id: string;
}

const COLUMNS = 'workspace_id, id, name, description, remarks, approvables, generation, created_at, updated_at';
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Names are unique per workspace ignoring case and surrounding blanks, so `Prod` and `prod ` are one name. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

function fromRow(r: PolicyRow, resources: PolicyResource[]): ApprovalPolicy {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    description: r.description,
    remarks: r.remarks,
    approvables: parseJson<Approvable[]>(r.approvables),
    resources,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function withResources(db: Db, workspaceId: string, rows: PolicyRow[]): Promise<ApprovalPolicy[]> {
  if (rows.length === 0) return [];
  const found = await db.all<ResourceRow>(
    `SELECT policy_id, resource_id FROM approval_policy_resources WHERE workspace_id = ? AND policy_id IN (${marks(rows.length)}) ORDER BY policy_id, position`,
    [workspaceId, ...rows.map((r) => r.id)],
  );
  const byPolicy = new Map<string, PolicyResource[]>(rows.map((r) => [r.id, []]));
  for (const f of found) byPolicy.get(f.policy_id)?.push({ type: 'group', id: f.resource_id });
  return rows.map((r) => fromRow(r, byPolicy.get(r.id) ?? []));
}

export async function findPolicy(db: Db, workspaceId: string, id: string): Promise<ApprovalPolicy | undefined> {
  const row = await db.get<PolicyRow>(`SELECT ${COLUMNS} FROM approval_policies WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row ? (await withResources(db, workspaceId, [row]))[0] : undefined;
}

/** Every covered group of the workspace with the policy covering it; empty (one indexed probe) when there is none. */
export async function coveredGroups(db: Db, workspaceId: string): Promise<Map<string, ApprovalPolicy>> {
  const covered = new Map<string, ApprovalPolicy>();
  if (!(await db.get('SELECT 1 AS x FROM approval_policy_resources WHERE workspace_id = ? LIMIT 1', [workspaceId]))) return covered;
  const rows = await db.all<PolicyRow>(
    `SELECT ${COLUMNS} FROM approval_policies p WHERE workspace_id = ?
       AND EXISTS (SELECT 1 FROM approval_policy_resources r WHERE r.workspace_id = p.workspace_id AND r.policy_id = p.id)`,
    [workspaceId],
  );
  for (const policy of await withResources(db, workspaceId, rows)) for (const r of policy.resources) covered.set(r.id, policy);
  return covered;
}

/** The groups among `groupIds` that another policy than `exceptPolicyId` covers, with that policy's name. */
export async function coveredElsewhere(db: Db, workspaceId: string, groupIds: readonly string[], exceptPolicyId: string): Promise<Map<string, string>> {
  const covered = new Map<string, string>();
  if (groupIds.length === 0) return covered;
  const rows = await db.all<{ resource_id: string; name: string }>(
    `SELECT r.resource_id, p.name FROM approval_policy_resources r JOIN approval_policies p ON p.workspace_id = r.workspace_id AND p.id = r.policy_id
     WHERE r.workspace_id = ? AND r.policy_id <> ? AND r.resource_id IN (${marks(groupIds.length)})`,
    [workspaceId, exceptPolicyId, ...groupIds],
  );
  for (const r of rows) covered.set(r.resource_id, r.name);
  return covered;
}

export async function findPolicyIdByName(db: Db, workspaceId: string, name: string): Promise<string | undefined> {
  const row = await db.get<{ id: string }>('SELECT id FROM approval_policies WHERE workspace_id = ? AND name_key = ?', [workspaceId, nameKey(name)]);
  return row?.id;
}

async function saveResources(db: Db, p: ApprovalPolicy): Promise<void> {
  await db.run('DELETE FROM approval_policy_resources WHERE workspace_id = ? AND policy_id = ?', [p.workspaceId, p.id]);
  let position = 0;
  for (const r of p.resources) {
    await db.run('INSERT INTO approval_policy_resources (workspace_id, resource_id, policy_id, resource_type, position) VALUES (?, ?, ?, ?, ?)', [
      p.workspaceId,
      r.id,
      p.id,
      r.type,
      position++,
    ]);
  }
}

export async function insertPolicy(db: Db, p: ApprovalPolicy): Promise<void> {
  await db.run(`INSERT INTO approval_policies (${COLUMNS}, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    p.workspaceId,
    p.id,
    p.name,
    p.description,
    p.remarks,
    p.approvables,
    p.generation,
    p.createdAt,
    p.updatedAt,
    nameKey(p.name),
  ]);
  await saveResources(db, p);
}

/** Saves a changed policy if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function updatePolicy(db: Db, p: ApprovalPolicy, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE approval_policies SET name = ?, name_key = ?, description = ?, remarks = ?, approvables = ?, generation = ?, updated_at = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [p.name, nameKey(p.name), p.description, p.remarks, p.approvables, p.generation, p.updatedAt, p.workspaceId, p.id, expectedGeneration],
  );
  if (changes !== 1) return false;
  await saveResources(db, p);
  return true;
}

/** Deletes the policy (its resources go with it); false when it changed since `expectedGeneration`. */
export async function deletePolicy(db: Db, workspaceId: string, id: string, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run('DELETE FROM approval_policies WHERE workspace_id = ? AND id = ? AND generation = ?', [workspaceId, id, expectedGeneration]);
  return changes === 1;
}

/**
 * Wire filter names and their columns. `policyData/resources/id|type` name the covered groups (clients read
 * `id`/`type` there), so they are matched against the policy's resource rows: a policy matches when one of its
 * groups satisfies the filter together with the policy's own columns.
 */
export const LIST_PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  id: { column: 'id', type: 'string' },
  name: { column: 'name', type: 'string' },
  description: { column: 'description', type: 'string' },
  generation: { column: 'generation', type: 'integer' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  'policyData/resources/id': { column: 'res_id', type: 'string', sortable: false },
  'policyData/resources/resourceId': { column: 'res_id', type: 'string', sortable: false },
  'policyData/resources/type': { column: 'res_type', type: 'string', sortable: false },
  'policyData/resources/resourceType': { column: 'res_type', type: 'string', sortable: false },
};

/**
 * One page of a workspace's policies. The filter runs over one row per (policy, covered group) — a policy
 * without groups gives one row with null resource columns — and a policy is listed once when any of its rows
 * matches; sorting and paging apply to the policies themselves.
 */
export async function listPolicies(db: Db, workspaceId: string, prefix: string, request: ListRequest, spec: ListSpec): Promise<Page<ApprovalPolicy>> {
  const filter = compileFilter(parseFilter(request.filter ?? ''), spec, db.dialect);
  const orderBy = compileSort(parseSort(request.sort ?? '', spec), spec, db.dialect);
  const { offset, limit } = parsePaging(request, spec.limit);
  const where = `p.workspace_id = ? AND EXISTS (
      SELECT 1 FROM (
        SELECT q.id, q.name, q.description, q.generation, q.created_at, q.updated_at,
               r.resource_id AS res_id, CASE WHEN r.resource_id IS NULL THEN NULL ELSE ? || '/' || r.resource_type END AS res_type
        FROM approval_policies q LEFT JOIN approval_policy_resources r ON r.workspace_id = q.workspace_id AND r.policy_id = q.id
        WHERE q.workspace_id = p.workspace_id AND q.id = p.id
      ) f WHERE ${filter.sql})`;
  const params = [workspaceId, prefix, ...filter.params];
  const rows =
    limit === 0
      ? []
      : await db.all<PolicyRow>(`SELECT ${COLUMNS} FROM approval_policies p WHERE ${where} ORDER BY ${orderBy} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`, params);
  const total = Number((await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM approval_policies p WHERE ${where}`, params))?.n ?? 0);
  return { items: await withResources(db, workspaceId, rows), offset, total };
}
