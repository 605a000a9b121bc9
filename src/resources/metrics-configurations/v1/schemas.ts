// metrics-configurations v1 wire schemas: HPE's metricsConfigurationResponse-v1 / -Collection-v1 /
// -PostRequest-v1 / -PatchRequest-v1 and metricsConfigurationAlertResources-v1.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { METRICS_COLLECTIONS } from '../model.ts';

const MetricsCollection = Type.Unsafe<(typeof METRICS_COLLECTIONS)[number]>({
  type: 'string',
  enum: [...METRICS_COLLECTIONS],
  description: 'SYSTEM_SCHEDULED: COM collects utilization and energy metrics on its own schedule; ON_DEMAND: only when asked',
});
const PowerThresholdAlerts = Type.Boolean({ description: 'Power-utilization threshold alerts on or off' });
const Threshold = Type.Integer({ description: 'Alert when a server\'s power utilization exceeds this percentage (1 to 100)' });

const Uuid = (description: string) => Type.String({ format: 'uuid', description });
export const AlertResourceV1 = Type.Union(
  [
    Type.Null({ description: 'No resource configured' }),
    Type.Object({ type: Type.Literal('group'), id: Uuid('Group id'), name: Type.String({ description: 'Group name' }) }),
    Type.Object({ type: Type.Literal('filter'), id: Uuid('Saved filter id'), name: Type.String({ description: 'Filter name' }) }),
    Type.Object({ type: Type.Literal('tags'), name: Type.String({ description: 'Tag key' }), value: Type.String({ description: 'Tag value' }) }),
  ],
  { description: 'A group, a saved filter or a tag the threshold alerts cover' },
);
const AlertResources = Type.Array(AlertResourceV1, { description: 'Scope of the threshold alerts; at most one filter' });

export const MetricsConfigurationPostV1 = Type.Object(
  {
    metricsCollection: MetricsCollection,
    powerThresholdAlerts: Type.Optional(PowerThresholdAlerts),
    powerUtilizationThresholdPercentage: Type.Optional(Threshold),
    alertResources: Type.Optional(AlertResources),
  },
  { description: 'A metrics configuration; omitted members take their defaults (alerts on, 10 %, no resources)' },
);
export type MetricsConfigurationPostV1 = Static<typeof MetricsConfigurationPostV1>;

export const MetricsConfigurationPatchV1 = Type.Object(
  {
    metricsCollection: Type.Optional(MetricsCollection),
    powerThresholdAlerts: Type.Optional(PowerThresholdAlerts),
    powerUtilizationThresholdPercentage: Type.Optional(Threshold),
    alertResources: Type.Optional(AlertResources),
  },
  { minProperties: 1, description: 'Changes to a metrics configuration (JSON merge patch; alertResources is replaced as a whole)' },
);
export type MetricsConfigurationPatchV1 = Static<typeof MetricsConfigurationPatchV1>;

// Serialised as one object shape: fast-json-stringify writes the members each variant has.
const AlertResourceOut = Type.Union([
  Type.Null(),
  Type.Object({ type: Type.String(), id: Type.Optional(Type.String()), name: Type.String(), value: Type.Optional(Type.String()) }),
]);

export const MetricsConfigurationV1 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Metrics configuration id' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/metrics-configuration' }),
    resourceUri: Type.String({ description: 'URI to the configuration itself' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    metricsCollection: MetricsCollection,
    powerThresholdAlerts: PowerThresholdAlerts,
    powerUtilizationThresholdPercentage: Threshold,
    alertResources: Type.Array(AlertResourceOut),
  },
  { description: 'Metrics configuration' },
);
export type MetricsConfigurationV1 = Static<typeof MetricsConfigurationV1>;

export const MetricsConfigurationCollectionV1 = Collection(MetricsConfigurationV1, 'Metrics configurations (0 or 1 item)');

export const IdParams = Type.Object({ id: Type.String({ description: 'Metrics configuration id (uuid)' }) });
