// metrics-configurations v1 ⇄ hub. v1 shows every field; POST defaults belong to v1 (metrics-configurations.md).
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import type { AlertResource, MetricsConfiguration, MetricsSettings } from '../model.ts';
import { LIST_PROPERTIES } from '../repository.ts';
import type { MetricsConfigurationPatchV1, MetricsConfigurationPostV1, MetricsConfigurationV1 } from './schemas.ts';

type AlertResourceV1 = NonNullable<MetricsConfigurationPostV1['alertResources']>[number];

/** Only the members each variant defines; anything else a client adds is dropped. */
function resourceOf(r: AlertResourceV1): AlertResource | null {
  if (r === null) return null;
  if (r.type === 'tags') return { type: 'tags', name: r.name, value: r.value };
  return { type: r.type, id: r.id.toLowerCase(), name: r.name };
}

export function toV1(c: MetricsConfiguration, scope: ApiScope): MetricsConfigurationV1 {
  return {
    id: c.id,
    type: typeName(scope, 'metrics-configuration'),
    resourceUri: resourceUri(scope, `metrics-configurations/${c.id}`),
    generation: c.generation,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    metricsCollection: c.metricsCollection,
    powerThresholdAlerts: c.powerThresholdAlerts,
    powerUtilizationThresholdPercentage: c.powerUtilizationThresholdPercentage,
    alertResources: c.alertResources,
  };
}

/** Defaults on create: alerts on, 10 %, no resources. */
export function fromV1(body: MetricsConfigurationPostV1): MetricsSettings {
  return {
    metricsCollection: body.metricsCollection,
    powerThresholdAlerts: body.powerThresholdAlerts ?? true,
    powerUtilizationThresholdPercentage: body.powerUtilizationThresholdPercentage ?? 10,
    alertResources: (body.alertResources ?? []).map(resourceOf),
  };
}

/** No defaults on PATCH: only what the client sent. */
export function fromV1Patch(body: MetricsConfigurationPatchV1): Partial<MetricsSettings> {
  return {
    metricsCollection: body.metricsCollection,
    powerThresholdAlerts: body.powerThresholdAlerts,
    powerUtilizationThresholdPercentage: body.powerUtilizationThresholdPercentage,
    alertResources: body.alertResources?.map(resourceOf),
  };
}

export const listSpecV1 = defineListSpec({ idColumn: 'id', limit: { max: 1000, default: 100 }, properties: LIST_PROPERTIES });
