// Rows ⇄ model for approval requests. Every API query takes the workspace first; only the expiry sweep spans
// workspaces, because it serves them all.
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec, PropertyDef } from '../../query/list-spec.ts';
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import { APPROVAL_STATES, type ApprovalRequest, type ApprovalState, type Decision } from './model.ts';

interface RequestRow {
  workspace_id: string;
  id: string;
  policy_id: string;
  approvable_name: string;
  resource_type: string;
  resource_id: string;
  operation_type: string;
  operation_id: string;
  requester_id: string | null;
  requester_email: string;
  state: string;
  request_remarks: string;
  cancelled_by: string;
  min_approvers: number | string;
  approvers: unknown;
  decisions: unknown;
  expires_at: string;
  generation: number | string;
  created_at: string;
  updated_at: string;
  /** Only in list rows: the state as seen at the time of the request (expiry applied). */
  approval_state?: string;
}

const COLUMN_LIST = [
  'workspace_id',
  'id',
  'policy_id',
  'approvable_name',
  'resource_type',
  'resource_id',
  'operation_type',
  'operation_id',
  'requester_id',
  'requester_email',
  'state',
  'request_remarks',
  'cancelled_by',
  'min_approvers',
  'approvers',
  'decisions',
  'expires_at',
  'generation',
  'created_at',
  'updated_at',
] as const;
const COLUMNS = COLUMN_LIST.join(', ');
const MARKS = COLUMN_LIST.map(() => '?').join(', ');

function fromRow(r: RequestRow): ApprovalRequest {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    policyId: r.policy_id,
    approvableName: r.approvable_name,
    resource: { type: r.resource_type as 'server' | 'group', id: r.resource_id },
    operation: { type: 'job', id: r.operation_id },
    requester: { userId: r.requester_id, email: r.requester_email },
    state: (r.approval_state ?? r.state) as ApprovalState,
    requestRemarks: r.request_remarks,
    cancelledBy: r.cancelled_by,
    minApprovers: Number(r.min_approvers),
    approvers: parseJson<string[]>(r.approvers),
    decisions: parseJson<Decision[]>(r.decisions),
    expiresAt: r.expires_at,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(r: ApprovalRequest): unknown[] {
  return [
    r.workspaceId,
    r.id,
    r.policyId,
    r.approvableName,
    r.resource.type,
    r.resource.id,
    r.operation.type,
    r.operation.id,
    r.requester.userId,
    r.requester.email,
    r.state,
    r.requestRemarks,
    r.cancelledBy,
    r.minApprovers,
    r.approvers,
    r.decisions,
    r.expiresAt,
    r.generation,
    r.createdAt,
    r.updatedAt,
  ];
}

export async function insertRequest(db: Db, r: ApprovalRequest): Promise<void> {
  await db.run(`INSERT INTO approval_requests (${COLUMNS}) VALUES (${MARKS})`, toRow(r));
}

/** The stored request; `lock` takes a row lock on PostgreSQL so concurrent decisions queue up. */
export async function findRequest(db: Db, workspaceId: string, id: string, lock = false): Promise<ApprovalRequest | undefined> {
  const suffix = lock && db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const row = await db.get<RequestRow>(`SELECT ${COLUMNS} FROM approval_requests WHERE workspace_id = ? AND id = ?${suffix}`, [workspaceId, id]);
  return row && fromRow(row);
}

/** Saves a changed request if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function saveRequest(db: Db, r: ApprovalRequest, expectedGeneration: number): Promise<boolean> {
  const sets = COLUMN_LIST.slice(2)
    .map((c) => `${c} = ?`)
    .join(', ');
  const { changes } = await db.run(`UPDATE approval_requests SET ${sets} WHERE workspace_id = ? AND id = ? AND generation = ?`, [
    ...toRow(r).slice(2),
    r.workspaceId,
    r.id,
    expectedGeneration,
  ]);
  return changes === 1;
}

/** Ids of a policy's requests still stored as PENDING. */
export async function pendingOfPolicy(db: Db, workspaceId: string, policyId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(`SELECT id FROM approval_requests WHERE workspace_id = ? AND policy_id = ? AND state = 'PENDING' ORDER BY created_at, id`, [
    workspaceId,
    policyId,
  ]);
  return rows.map((r) => r.id);
}

/** Pending requests past their deadline, in any workspace, oldest deadline first. */
export async function dueForExpiry(db: Db, now: string, limit: number): Promise<{ workspaceId: string; id: string }[]> {
  const rows = await db.all<{ workspace_id: string; id: string }>(
    `SELECT workspace_id, id FROM approval_requests WHERE state = 'PENDING' AND expires_at <= ? ORDER BY expires_at, workspace_id, id LIMIT ${Math.trunc(limit)}`,
    [now],
  );
  return rows.map((r) => ({ workspaceId: r.workspace_id, id: r.id }));
}

/**
 * Wire filter names and their columns (approvals.md §6.1). Types follow the request's prefix and the state
 * is the one seen now, so both are computed in the list's subquery.
 */
export const LIST_PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  id: { column: 'id', type: 'string' },
  approvableName: { column: 'approvable_name', type: 'string' },
  'approvableResource/id': { column: 'resource_id', type: 'string' },
  'approvableResource/type': { column: 'approvable_type', type: 'string' },
  // HPE's own filter example misspells the member; clients copy examples.
  'approvalableResource/id': { column: 'resource_id', type: 'string' },
  'approvalableResource/type': { column: 'approvable_type', type: 'string' },
  approvalState: { column: 'approval_state', type: 'enum', values: APPROVAL_STATES },
  'operation/id': { column: 'operation_id', type: 'string' },
  'operation/type': { column: 'op_type', type: 'string' },
  'policy/id': { column: 'policy_id', type: 'string' },
  minApprovers: { column: 'min_approvers', type: 'integer' },
  generation: { column: 'generation', type: 'integer' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
};

export async function listRequests(db: Db, workspaceId: string, prefix: string, now: string, request: ListRequest, spec: ListSpec): Promise<Page<ApprovalRequest>> {
  const from = {
    sql: `(SELECT ${COLUMNS},
        CASE WHEN state = 'PENDING' AND expires_at <= ? THEN 'EXPIRED' ELSE state END AS approval_state,
        CAST(? AS TEXT) || '/' || resource_type AS approvable_type,
        CAST(? AS TEXT) || '/' || operation_type AS op_type
      FROM approval_requests WHERE workspace_id = ?) AS requests_view`,
    params: [now, prefix, prefix, workspaceId],
  };
  return listPage(db, { from, spec }, request, fromRow);
}
