// alerts v1beta2 ⇄ hub: the v1beta2 alert shows fewer members (no resourceUri, device, message ids,
// origin, recurrence or clearing state), and filters only on what it shows.
import { typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { ALERT_CATEGORIES, ALERT_SEVERITIES, ticketFields, type Alert } from '../model.ts';
import type { AlertV1beta2 } from './schemas.ts';

export function toV1beta2(a: Alert, scope: ApiScope): AlertV1beta2 {
  return {
    id: a.id,
    type: typeName(scope, 'alert'),
    generation: a.generation,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    serverId: a.serverId,
    severity: a.severity,
    category: a.category,
    description: a.description,
    resolution: a.resolution,
    message: a.message,
    timestamp: a.timestamp,
    serviceEvent: a.serviceEvent,
    ...ticketFields(a),
  };
}

export const serverAlertsListSpecV1beta2 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: { max: 1000, default: 1000 },
  properties: {
    id: { column: 'id', type: 'string' },
    severity: { column: 'severity', type: 'enum', values: ALERT_SEVERITIES },
    category: { column: 'category', type: 'enum', values: ALERT_CATEGORIES },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
    serviceEvent: { column: 'service_event', type: 'boolean' },
  },
});
