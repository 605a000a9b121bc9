// alerts v1 wire schemas: HPE's alert-v1, alertCollection-v1 and clearAlertRequest-v1 (servers.md §5.1–5.2).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { ALERT_SEVERITIES, ALERT_TYPES } from '../model.ts';

const NullableString = (options: { description: string; format?: string }) => Type.Union([Type.String(options.format ? { format: options.format } : {}), Type.Null()], { description: options.description });

/** The ticket members shared with v1beta2, present only when a ticket exists. */
export const TicketMembers = {
  serviceNowIncident: Type.Optional(
    Type.Object(
      {
        id: Type.String({ description: 'ID of the ServiceNow incident, e.g. INC0010008' }),
        url: Type.String({ description: 'URL of the ServiceNow incident' }),
        state: Type.Union([Type.Literal('CREATION_SUCCESS'), Type.Literal('CREATION_IN_PROGRESS'), Type.Literal('CREATION_FAILED')]),
      },
      { description: 'ServiceNow incident details; only when an incident was created for a service event' },
    ),
  ),
  caseId: Type.Optional(Type.Integer({ description: 'ID of the automatically created HPE Support Case' })),
  caseUrl: Type.Optional(Type.String({ description: 'URL of the automatically created HPE Support Case' })),
};

export const Severity = Type.Union(ALERT_SEVERITIES.map((s) => Type.Literal(s)));

export const AlertV1 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Primary identifier for the alert given by the system' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/alert' }),
    resourceUri: Type.String({ description: 'Self URI of this alert' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of alert creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last alert update' }),
    serverId: Type.String({ description: 'ID of the server to which this alert is associated' }),
    device: Type.Object({ id: Type.String({ description: 'Server identifier' }) }, { description: 'The server associated with this alert' }),
    severity: Severity,
    category: Type.String({ description: 'e.g. fans, power, temperature, memory, storage, network, security, utilization' }),
    alertType: Type.Union(ALERT_TYPES.map((s) => Type.Literal(s)), { description: 'hardware (from the iLO) or software (power-utilization thresholds)' }),
    arguments: Type.Array(Type.String(), { description: 'Message template arguments' }),
    description: Type.String(),
    resolution: Type.String({ description: 'Recommended action' }),
    message: Type.String(),
    messageId: Type.String({ description: 'Full versioned message identifier (bundle.major.minor.key)' }),
    messageKey: Type.String({ description: 'Short message key, e.g. FanFailed' }),
    originOfCondition: NullableString({ description: 'URI identifying the originating component' }),
    timestamp: Type.String({ format: 'date-time', description: 'When the device saw the condition' }),
    serviceEvent: Type.Boolean({ description: 'True for an HPE service event (a support case can be opened)' }),
    isRecurrent: Type.Boolean({ description: 'Whether the alert is recurrent' }),
    cleared: Type.Boolean({ description: 'True if the alert has been cleared, false if active' }),
    clearedAt: NullableString({ format: 'date-time', description: 'Timestamp when the alert was cleared, null if active' }),
    ...TicketMembers,
  },
  { description: 'Server hardware alert' },
);
export type AlertV1 = Static<typeof AlertV1>;

export const AlertCollectionV1 = Collection(AlertV1, 'Alert collection: active alerts and alerts cleared within the last 180 days');

export const ClearAlertRequestV1 = Type.Object(
  {
    alerts: Type.Array(
      Type.Object({
        messageId: Type.Optional(Type.String({ description: 'Message id of the alerts to clear, e.g. Utilization.1.0.ProjectedCriticalPowerUtilExceeded' })),
        originOfCondition: Type.Optional(Type.String({ description: 'Origin of the alerts to clear, e.g. /api/powerutilization/P39886-B21+MXQ1480B03' })),
        serverId: Type.Optional(Type.String({ description: 'The server of the path (productId+serialNumber)' })),
      }),
      { description: 'Power-utilization alerts to clear; each entry needs messageId or originOfCondition' },
    ),
  },
  { description: 'Clear alert request' },
);
export type ClearAlertRequestV1 = Static<typeof ClearAlertRequestV1>;

export const ServerIdParams = Type.Object({ id: Type.String({ description: 'Unique server identifier (productId+serialNumber)' }) });

export const ServerAlertsQueryV1 = Type.Object({
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items (0 to 1000); larger values are clamped' })),
  filter: Type.Optional(Type.String({ description: 'OData-style filter over the alert properties' })),
  sort: Type.Optional(Type.String({ description: 'Comma-separated properties, each optionally followed by asc or desc; default createdAt desc' })),
  select: Type.Optional(Type.String({ description: 'Comma-separated properties to return' })),
});

/** 202 carries no body. */
export const Accepted = Type.Null({ description: 'Accepted: the matching alerts are cleared' });
