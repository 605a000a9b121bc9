// alerts v1beta2 wire schemas: HPE's alert-v1beta2 and alertCollection-v1beta2. The clear-alert operation
// of v1beta2 takes HPE's clearAlertRequest-v1, so that schema is the v1 one.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { Severity, TicketMembers } from '../v1/schemas.ts';

export { Accepted, ClearAlertRequestV1, ServerIdParams } from '../v1/schemas.ts';

export const AlertV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Primary identifier for the alert given by the system' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/alert' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of alert creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last alert update' }),
    serverId: Type.String({ description: 'ID of the server to which this alert is associated' }),
    severity: Severity,
    category: Type.String(),
    description: Type.String(),
    resolution: Type.String({ description: 'Recommended action' }),
    message: Type.String(),
    timestamp: Type.String({ format: 'date-time', description: 'When the device saw the condition' }),
    serviceEvent: Type.Boolean({ description: 'True for an HPE service event (a support case can be opened)' }),
    ...TicketMembers,
  },
  { description: 'Server hardware alert' },
);
export type AlertV1beta2 = Static<typeof AlertV1beta2>;

export const AlertCollectionV1beta2 = Collection(AlertV1beta2, 'Alert collection: active alerts and alerts cleared within the last 180 days');

export const ServerAlertsQueryV1beta2 = Type.Object({
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items (0 to 1000); larger values are clamped' })),
  filter: Type.Optional(Type.String({ description: 'OData-style filter over the alert properties v1beta2 shows' })),
  sort: Type.Optional(Type.String({ description: 'Comma-separated properties, each optionally followed by asc or desc; default createdAt desc' })),
});
