// alerts v1 ⇄ hub. Alerts are read-only on the wire apart from clear-alert, whose body names what to clear.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { ALERT_CATEGORIES, ALERT_SEVERITIES, ALERT_TYPES, ticketFields, type Alert } from '../model.ts';
import type { ClearRequestEntry } from '../service.ts';
import type { AlertV1, ClearAlertRequestV1 } from './schemas.ts';

export function toV1(a: Alert, scope: ApiScope): AlertV1 {
  return {
    id: a.id,
    type: typeName(scope, 'alert'),
    resourceUri: resourceUri(scope, `alerts/${a.id}`),
    generation: a.generation,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    serverId: a.serverId,
    device: { id: a.serverId },
    severity: a.severity,
    category: a.category,
    alertType: a.alertType,
    arguments: a.arguments,
    description: a.description,
    resolution: a.resolution,
    message: a.message,
    messageId: a.messageId,
    messageKey: a.messageKey,
    originOfCondition: a.originOfCondition,
    timestamp: a.timestamp,
    serviceEvent: a.serviceEvent,
    isRecurrent: a.isRecurrent,
    cleared: a.cleared,
    clearedAt: a.clearedAt,
    ...ticketFields(a),
  };
}

/** clearAlertRequest-v1 (also the body of the v1beta2 operation) → what to clear. */
export function fromClearAlertRequestV1(body: ClearAlertRequestV1): ClearRequestEntry[] {
  return body.alerts.map((e) => ({ messageId: e.messageId, originOfCondition: e.originOfCondition, serverId: e.serverId }));
}

/** The filterable and sortable properties get_v1_alerts documents; severity, category and alertType ignore case. */
const ALERT_PROPERTIES = {
  id: { column: 'id', type: 'string' },
  'device/id': { column: 'server_id', type: 'string' },
  severity: { column: 'severity', type: 'enum', values: ALERT_SEVERITIES },
  category: { column: 'category', type: 'enum', values: ALERT_CATEGORIES },
  alertType: { column: 'alert_type', type: 'enum', values: ALERT_TYPES },
  messageKey: { column: 'message_key', type: 'string' },
  messageId: { column: 'message_id', type: 'string' },
  clearedAt: { column: 'cleared_at', type: 'timestamp' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  serviceEvent: { column: 'service_event', type: 'boolean' },
  originOfCondition: { column: 'origin_of_condition', type: 'string' },
} as const;

// Clients that never page should still get every alert a server or a fleet normally has (client-compat).
const LIMIT = { max: 1000, default: 1000 };

export const listSpecV1 = defineListSpec({ idColumn: 'id', defaultSort: 'createdAt desc', limit: LIMIT, properties: ALERT_PROPERTIES });

/**
 * One server's alerts: the reference reuses the servers filter text here, which names no alert property;
 * we take the alert properties instead, plus `cleared` (servers.md §5.1).
 */
export const serverAlertsListSpecV1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: LIMIT,
  properties: { ...ALERT_PROPERTIES, cleared: { column: 'cleared', type: 'boolean' } },
});
