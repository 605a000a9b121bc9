// Rows ⇄ model for alerts. Every query takes the workspace first; lists only ever see what COM returns:
// active alerts and alerts cleared since the retention cutoff (conventions §13).
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { Alert, AlertCategory, AlertSeverity, AlertType, ClearMatch, ServiceNowIncident } from './model.ts';

interface AlertRow {
  id: string;
  workspace_id: string;
  server_id: string;
  generation: number | string;
  created_at: string;
  updated_at: string;
  severity: string;
  category: string;
  alert_type: string;
  message_id: string;
  message_key: string;
  arguments: unknown;
  description: string;
  resolution: string;
  message: string;
  origin_of_condition: string | null;
  occurred_at: string;
  service_event: boolean | number;
  is_recurrent: boolean | number;
  cleared: boolean | number;
  cleared_at: string | null;
  service_now_incident: unknown;
  case_id: number | string | null;
  case_url: string | null;
}

const COLUMNS = [
  'id',
  'workspace_id',
  'server_id',
  'generation',
  'created_at',
  'updated_at',
  'severity',
  'category',
  'alert_type',
  'message_id',
  'message_key',
  'arguments',
  'description',
  'resolution',
  'message',
  'origin_of_condition',
  'occurred_at',
  'service_event',
  'is_recurrent',
  'cleared',
  'cleared_at',
  'service_now_incident',
  'case_id',
  'case_url',
] as const;
const COLUMN_LIST = COLUMNS.join(', ');
// Everything but the identity columns changes on update.
const UPDATE_SET = COLUMNS.slice(3).map((c) => `${c} = ?`).join(', ');

function fromRow(r: AlertRow): Alert {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    serverId: r.server_id,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    severity: r.severity as AlertSeverity,
    category: r.category as AlertCategory,
    alertType: r.alert_type as AlertType,
    messageId: r.message_id,
    messageKey: r.message_key,
    arguments: parseJson<string[]>(r.arguments),
    description: r.description,
    resolution: r.resolution,
    message: r.message,
    originOfCondition: r.origin_of_condition,
    timestamp: r.occurred_at,
    serviceEvent: Boolean(r.service_event),
    isRecurrent: Boolean(r.is_recurrent),
    cleared: Boolean(r.cleared),
    clearedAt: r.cleared_at,
    serviceNowIncident: parseJsonOrNull<ServiceNowIncident>(r.service_now_incident),
    caseId: r.case_id === null ? null : Number(r.case_id),
    caseUrl: r.case_url,
  };
}

function toRow(a: Alert): unknown[] {
  return [
    a.id,
    a.workspaceId,
    a.serverId,
    a.generation,
    a.createdAt,
    a.updatedAt,
    a.severity,
    a.category,
    a.alertType,
    a.messageId,
    a.messageKey,
    a.arguments,
    a.description,
    a.resolution,
    a.message,
    a.originOfCondition,
    a.timestamp,
    a.serviceEvent,
    a.isRecurrent,
    a.cleared,
    a.clearedAt,
    a.serviceNowIncident,
    a.caseId,
    a.caseUrl,
  ];
}

export async function insertAlert(db: Db, a: Alert): Promise<void> {
  await db.run(`INSERT INTO alerts (${COLUMN_LIST}) VALUES (${COLUMNS.map(() => '?').join(', ')})`, toRow(a));
}

/** Saves a changed alert if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function updateAlert(db: Db, a: Alert, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(`UPDATE alerts SET ${UPDATE_SET} WHERE workspace_id = ? AND id = ? AND generation = ?`, [
    ...toRow(a).slice(3),
    a.workspaceId,
    a.id,
    expectedGeneration,
  ]);
  return changes === 1;
}

export async function findAlert(db: Db, workspaceId: string, id: string): Promise<Alert | undefined> {
  const row = await db.get<AlertRow>(`SELECT ${COLUMN_LIST} FROM alerts WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

/** A server's active alerts matching every given member of `match`, optionally only of one type, oldest first. */
export async function findActive(db: Db, workspaceId: string, serverId: string, match: ClearMatch, alertType?: AlertType): Promise<Alert[]> {
  const conditions = ['workspace_id = ?', 'server_id = ?', 'cleared = ?'];
  const params: unknown[] = [workspaceId, serverId, false];
  if (match.messageId !== undefined) {
    conditions.push('message_id = ?');
    params.push(match.messageId);
  }
  if (match.originOfCondition !== undefined) {
    conditions.push('origin_of_condition = ?');
    params.push(match.originOfCondition);
  }
  if (alertType !== undefined) {
    conditions.push('alert_type = ?');
    params.push(alertType);
  }
  const rows = await db.all<AlertRow>(`SELECT ${COLUMN_LIST} FROM alerts WHERE ${conditions.join(' AND ')} ORDER BY created_at, id`, params);
  return rows.map(fromRow);
}

export type { ListRequest } from '../../query/list-query.ts';

/**
 * A page of the workspace's visible alerts (optionally one server's): active, or cleared at or after
 * `clearedSince`. The cutoff is part of the scope, so no filter can reach older cleared alerts.
 */
export async function listAlerts(
  db: Db,
  workspaceId: string,
  serverId: string | undefined,
  clearedSince: string,
  request: ListRequest,
  spec: ListSpec,
): Promise<Page<Alert>> {
  const visible = '(cleared_at IS NULL OR cleared_at >= ?)';
  const scope =
    serverId === undefined
      ? { sql: `workspace_id = ? AND ${visible}`, params: [workspaceId, clearedSince] }
      : { sql: `workspace_id = ? AND server_id = ? AND ${visible}`, params: [workspaceId, serverId, clearedSince] };
  return listPage(db, {
    from: 'alerts',
    columns: COLUMN_LIST,
    scope,
    spec,
  }, request, fromRow);
}
