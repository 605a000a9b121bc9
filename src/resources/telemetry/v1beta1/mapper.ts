// telemetry v1beta1 ⇄ hub: query strings → hub requests, hub figures → wire bodies, and the wire property
// paths the entity lists filter and sort on.
import { typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { SERVER_GENERATIONS } from '../../servers/model.ts';
import type { EnergyRequest } from '../energy-repository.ts';
import { parseFilterTags } from '../filter-tags.ts';
import {
  BUCKET_SECONDS,
  type EnergyByEntity,
  type EnergyOverTime,
  type EntityMeasure,
  type SeriesMeasure,
  type UtilizationByEntity,
  type UtilizationEntity,
  type UtilizationOverTime,
} from '../model.ts';
import { aggregationTagNames, invalidQuery, resolveWindow } from '../rules.ts';
import { parseResourceUri } from '../scope.ts';
import type { UtilizationRequest } from '../utilization-repository.ts';
import type {
  EnergyByEntityQuery,
  EnergyByEntityV1beta1,
  EnergyOverTimeQuery,
  EnergyOverTimeV1beta1,
  UtilizationByEntityQuery,
  UtilizationByEntityV1beta1,
  UtilizationOverTimeQuery,
  UtilizationOverTimeV1beta1,
} from './schemas.ts';

/** Stored timestamp text → COM's `2026-05-01T00:00:00Z`. */
const wireTime = (stored: string): string => `${stored.slice(0, 19)}Z`;

/** energy-by-entity filters servers by these entityDetails paths (conventions §6.4), over the scope's columns. */
export const energyFilterSpecV1beta1 = defineListSpec({
  idColumn: 'x.id',
  limit: { max: 1000, default: 10 },
  properties: {
    'entityDetails/generation': { column: 'x.generation', type: 'enum', values: SERVER_GENERATIONS },
    'entityDetails/location': { column: 'x.location', type: 'string' },
    'entityDetails/model': { column: 'x.model', type: 'string' },
    'entityDetails/processor': { column: 'x.processor', type: 'string' },
  },
});

const measureColumns = (wire: string, column: string) =>
  Object.fromEntries(
    ['collected', 'projected', 'total', 'min', 'max', 'average'].map((k) => [`${wire}/${k}`, { column: `${column}_${k}`, type: 'number' as const }]).concat(
      ['collected', 'projected', 'total'].map((k) => [`${wire}/percents/${k}`, { column: `${column}_pct_${k}`, type: 'number' as const }]),
    ),
  );

/** Limits: HPE's 0..1000 (clamped, never refused); telemetry.md's default page of 10. */
export const energySortSpecV1beta1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'co2eKg/collected asc',
  limit: { max: 1000, default: 10 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    serverCount: { column: 'server_count', type: 'integer' },
    status: { column: 'status', type: 'string' },
    'entityDetails/generation': { column: 'generation', type: 'string' },
    'entityDetails/location': { column: 'location', type: 'string' },
    'entityDetails/model': { column: 'model', type: 'string' },
    'entityDetails/processor': { column: 'processor', type: 'string' },
    ...measureColumns('kwh', 'kwh'),
    ...measureColumns('co2eKg', 'co2e'),
    ...measureColumns('cost', 'cost'),
  },
});

export const utilizationSortSpecV1beta1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'collected/average asc',
  limit: { max: 1000, default: 10 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    status: { column: 'status', type: 'string' },
    'collected/high': { column: 'collected_high', type: 'number' },
    'collected/low': { column: 'collected_low', type: 'number' },
    'collected/average': { column: 'collected_average', type: 'number' },
    'metadata/processorCount': { column: 'processor_count', type: 'integer' },
    'metadata/processorDetails/speedGHz': { column: 'speed_ghz', type: 'number' },
    'metadata/memoryCount': { column: 'memory_count', type: 'integer' },
    'metadata/totalMemorySizeGB': { column: 'total_memory_gb', type: 'number' },
    'metadata/pcieDevicesCount': { column: 'pcie_count', type: 'integer' },
  },
});

/** `entities`: the request lists entities (energy-by-entity), so it may filter on, and shows, entity details. */
export function energyRequestFromV1beta1(q: EnergyOverTimeQuery | EnergyByEntityQuery, nowMs: number, entities: boolean): EnergyRequest {
  const byEntity = q as Partial<EnergyByEntityQuery>;
  const aggregateBy = byEntity['aggregate-by'] ?? 'SERVER';
  return {
    window: resolveWindow({ start: q['start-date'], end: q['end-date'], projectionDays: q['projection-days'] }, BUCKET_SECONDS[q['sample-size'] ?? '1_DAY'], nowMs),
    scope: { resource: parseResourceUri(q['resource-uri'], true), tags: parseFilterTags(q['filter-tags']), filter: byEntity.filter },
    aggregateBy,
    tagNames: aggregationTagNames(byEntity['aggregation-tag-names'], aggregateBy),
    ...(entities ? { filterSpec: energyFilterSpecV1beta1 } : {}),
  };
}

export function utilizationRequestFromV1beta1(q: UtilizationOverTimeQuery | UtilizationByEntityQuery, nowMs: number): UtilizationRequest {
  const window = resolveWindow({ start: q['start-date'], end: q['end-date'] }, 'auto', nowMs);
  const resource = parseResourceUri(q['resource-uri']);
  if (!resource) throw invalidQuery([{ source: 'query.parameter', subject: 'resource-uri', description: 'is required' }]);
  return { window, scope: { resource, tags: parseFilterTags(q['filter-tags']) }, metricType: q['metric-type'] };
}

function seriesMeasure(m: SeriesMeasure): EnergyOverTimeV1beta1['kwh'] {
  return {
    sums: m.sums,
    averages: m.averages,
    ...(m.min ? { min: { value: m.min.value, time: wireTime(m.min.time) } } : {}),
    ...(m.max ? { max: { value: m.max.value, time: wireTime(m.max.time) } } : {}),
  };
}

export function energyOverTimeToV1beta1(e: EnergyOverTime): EnergyOverTimeV1beta1 {
  return {
    kwh: seriesMeasure(e.kwh),
    co2eKg: seriesMeasure(e.co2eKg),
    cost: seriesMeasure(e.cost),
    intervalsCollected: e.intervalsCollected.map((i) => ({ ...i, time: wireTime(i.time) })),
    intervalsProjected: e.intervalsProjected.map((i) => ({
      time: wireTime(i.time),
      kwh: i.kwh,
      kwhConfidenceInterval: i.kwhRange,
      co2eKg: i.co2eKg,
      co2eKgConfidenceInterval: i.co2eKgRange,
      cost: i.cost,
      costConfidenceInterval: i.costRange,
      serverCount: i.serverCount,
    })),
  };
}

function entityMeasure(m: EntityMeasure | null) {
  if (!m) return undefined;
  const { min, max, average, ...rest } = m;
  return { ...rest, ...(min !== null ? { min } : {}), ...(max !== null ? { max } : {}), ...(average !== null ? { average } : {}) };
}

export function energyByEntityToV1beta1(e: EnergyByEntity): EnergyByEntityV1beta1 {
  return {
    count: e.items.length,
    offset: e.offset,
    total: e.total,
    excluded: e.excluded,
    kwhSums: e.kwhSums,
    co2eKgSums: e.co2eKgSums,
    costSums: e.costSums,
    items: e.items.map((i) => {
      const { kind: _kind, ...details } = i.details ?? { kind: 'none' };
      const [kwh, co2eKg, cost] = [entityMeasure(i.kwh), entityMeasure(i.co2eKg), entityMeasure(i.cost)];
      return {
        id: i.id,
        name: i.name,
        type: i.type,
        serverCount: i.serverCount,
        ...(i.details ? { entityDetails: details } : {}),
        ...(kwh ? { kwh } : {}),
        ...(co2eKg ? { co2eKg } : {}),
        ...(cost ? { cost } : {}),
        status: i.status,
        statusReason: i.statusReason,
      };
    }),
  };
}

export function utilizationOverTimeToV1beta1(u: UtilizationOverTime, scope: ApiScope): UtilizationOverTimeV1beta1 {
  return {
    metricType: u.metricType,
    metricUnit: 'Percentage',
    items:
      u.average === null
        ? []
        : [
            {
              resource: { id: u.resource.id, type: typeName(scope, u.resource.kind) },
              averages: { collected: u.average },
              intervalsCollected: u.intervals.map((i) => ({ time: wireTime(i.time), value: i.value })),
            },
          ],
  };
}

/** The hardware facts HPE publishes for each metric type (cpuUtilization, membusUtilization, …). */
function metadataOf(e: UtilizationEntity, metric: UtilizationByEntity['metricType']): UtilizationByEntityV1beta1['items'][number]['metadata'] {
  const h = e.hardware;
  switch (metric) {
    case 'CPU_UTILIZATION':
      return { processorCount: h.processors.length, processorDetails: h.processors };
    case 'MEMORY_BUS_UTILIZATION':
      return { memoryCount: h.memory.length, totalMemorySizeGB: h.totalMemorySizeGB, memoryDetails: h.memory };
    case 'IO_BUS_UTILIZATION':
      return { pcieDevicesCount: h.pcieDevicesCount };
    case 'CPU_INTERCONNECT_UTILIZATION':
      return { processorCount: h.processors.length };
  }
}

export function utilizationByEntityToV1beta1(u: UtilizationByEntity): UtilizationByEntityV1beta1 {
  return {
    count: u.items.length,
    offset: u.offset,
    total: u.total,
    excluded: u.excluded,
    metricDetails: { metricType: u.metricType, metricUnit: 'Percentage' },
    items: u.items.map((e) => ({
      id: e.id,
      name: e.name,
      type: 'SERVER' as const,
      ...(e.collected ? { collected: e.collected } : {}),
      metadata: metadataOf(e, u.metricType),
      status: e.status,
      statusReason: e.statusReason,
    })),
  };
}
