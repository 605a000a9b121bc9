// Wire schemas of the four v1beta1 analytics operations: they validate the query strings, type the handlers,
// whitelist responses and generate /openapi.json. Names and types follow HPE's energy-over-time-v1beta1,
// energy-by-entity-v1beta1, utilization-over-time-v1beta1 and utilization-by-entity-v1beta1.
import { Type, type Static } from '@sinclair/typebox';
import { AGGREGATE_BY, METRIC_TYPES, SAMPLE_SIZES, type AggregateBy, type MetricType, type SampleSize } from '../model.ts';

const stringEnum = <T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

const dateNote = 'A date (YYYY-MM-DD, the whole UTC day) or a UTC timestamp (YYYY-MM-DDThh:mm:ssZ) within 180 days of today.';
const StartDate = Type.String({ description: `Start of the range. ${dateNote}` });
const EndDate = Type.String({ description: `End of the range: a date includes its whole day, a timestamp is exclusive. ${dateNote}` });
const FilterTags = Type.Optional(
  Type.String({ description: "Only servers whose tags match, e.g. `(('Rack' eq 'Rack1') AND ('Row' eq 'Row1'))`; eq, ne, in, and, or, not." }),
);
const ResourceUri = Type.String({ description: 'URI of a server, a saved filter or a group, e.g. /compute-ops-mgmt/v1/servers/875765-S01+1M512501AB' });
const SampleSizeParam = Type.Optional(stringEnum<SampleSize>(SAMPLE_SIZES, { default: '1_DAY', description: 'Bucket width of the series and of min/max.' }));
const ProjectionDays = Type.Optional(Type.String({ description: 'Deprecated: use end-date in the future. Used only without end-date: end = today + n days (0..180).' }));
const ExcludedServers = Type.Optional(Type.Boolean({ default: false, description: 'List the in-scope servers that have no data instead of the entities.' }));
const Paging = {
  sort: Type.Optional(Type.String({ description: 'Property path followed by asc or desc, comma-separated' })),
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items (default 10); larger values are clamped to 1000' })),
};
const Metric = stringEnum<MetricType>(METRIC_TYPES, { description: 'The utilization metric' });

export const EnergyOverTimeQuery = Type.Object({
  'start-date': StartDate,
  'end-date': Type.Optional(EndDate),
  'sample-size': SampleSizeParam,
  'filter-tags': FilterTags,
  'resource-uri': Type.Optional(ResourceUri),
  'projection-days': ProjectionDays,
});
export type EnergyOverTimeQuery = Static<typeof EnergyOverTimeQuery>;

export const EnergyByEntityQuery = Type.Object({
  'start-date': StartDate,
  'end-date': Type.Optional(EndDate),
  'sample-size': SampleSizeParam,
  'aggregate-by': Type.Optional(stringEnum<AggregateBy>(AGGREGATE_BY, { default: 'SERVER', description: 'What an entity is' })),
  'aggregation-tag-names': Type.Optional(Type.String({ description: 'With SERVER_TAG_VALUES: 1 to 3 comma-separated tag names, e.g. Rack,Row' })),
  'excluded-servers': ExcludedServers,
  'resource-uri': Type.Optional(ResourceUri),
  filter: Type.Optional(Type.String({ description: "OData filter on entityDetails/generation, location, model and processor, e.g. entityDetails/generation eq 'GEN_10'" })),
  'filter-tags': FilterTags,
  'projection-days': ProjectionDays,
  ...Paging,
});
export type EnergyByEntityQuery = Static<typeof EnergyByEntityQuery>;

export const UtilizationOverTimeQuery = Type.Object({
  'start-date': StartDate,
  'end-date': EndDate,
  'resource-uri': ResourceUri,
  'metric-type': Metric,
  'filter-tags': FilterTags,
});
export type UtilizationOverTimeQuery = Static<typeof UtilizationOverTimeQuery>;

export const UtilizationByEntityQuery = Type.Object({
  'start-date': StartDate,
  'end-date': EndDate,
  'excluded-servers': ExcludedServers,
  'resource-uri': ResourceUri,
  'metric-type': Metric,
  'filter-tags': FilterTags,
  ...Paging,
});
export type UtilizationByEntityQuery = Static<typeof UtilizationByEntityQuery>;

const Time = Type.String({ format: 'date-time', description: 'Bucket start (UTC)' });
const Triple = (unit: string) =>
  Type.Object({
    collected: Type.Number({ description: `Collected, ${unit}` }),
    projected: Type.Number({ description: `Projected (forecast), ${unit}` }),
    total: Type.Number({ description: `Collected + projected, ${unit}` }),
  });
const Extreme = Type.Object({ value: Type.Number(), time: Time });
const SeriesMeasure = (unit: string) =>
  Type.Object({
    sums: Triple(unit),
    averages: Type.Object({ collected: Type.Number(), projected: Type.Number() }, { description: `Per day, ${unit}` }),
    min: Type.Optional(Extreme),
    max: Type.Optional(Extreme),
  });
const Band = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lower, upper] 95 % confidence bounds' });

export const EnergyOverTimeV1beta1 = Type.Object(
  {
    kwh: SeriesMeasure('kWh'),
    co2eKg: SeriesMeasure('kgCO2e'),
    cost: SeriesMeasure('USD'),
    intervalsCollected: Type.Array(
      Type.Object({ time: Time, kwh: Type.Number(), co2eKg: Type.Number(), cost: Type.Number(), serverCount: Type.Integer() }),
      { description: 'One entry per bucket that has collected data' },
    ),
    intervalsProjected: Type.Array(
      Type.Object({
        time: Time,
        kwh: Type.Number(),
        kwhConfidenceInterval: Band,
        co2eKg: Type.Number(),
        co2eKgConfidenceInterval: Band,
        cost: Type.Number(),
        costConfidenceInterval: Band,
        serverCount: Type.Integer(),
      }),
      { description: 'One entry per future bucket' },
    ),
  },
  { description: 'Energy consumption, carbon emissions and cost over time' },
);
export type EnergyOverTimeV1beta1 = Static<typeof EnergyOverTimeV1beta1>;

const EntityMeasure = Type.Object({
  collected: Type.Number(),
  projected: Type.Number(),
  total: Type.Number(),
  min: Type.Optional(Type.Number({ description: 'Smallest bucket value' })),
  max: Type.Optional(Type.Number({ description: 'Largest bucket value' })),
  average: Type.Optional(Type.Number({ description: 'Mean bucket value' })),
  percents: Type.Object({ collected: Type.Number(), projected: Type.Number(), total: Type.Number() }, { description: 'Share of the *Sums, in %' }),
});

const EntityDetails = Type.Object(
  {
    generation: Type.Optional(Type.String()),
    location: Type.Optional(Type.String()),
    model: Type.Optional(Type.String()),
    processor: Type.Optional(Type.String()),
    tags: Type.Optional(Type.Array(Type.Object({ name: Type.String(), value: Type.String() }))),
  },
  { description: 'Server details (aggregate-by SERVER) or the tag values of the entity (SERVER_TAG_VALUES)' },
);

export const EnergyByEntityV1beta1 = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  offset: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
  excluded: Type.Integer({ minimum: 0, description: 'In-scope servers without energy data' }),
  kwhSums: Triple('kWh'),
  co2eKgSums: Triple('kgCO2e'),
  costSums: Triple('USD'),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String({ description: 'SERVER, or the aggregate-by value' }),
      serverCount: Type.Integer(),
      entityDetails: Type.Optional(EntityDetails),
      kwh: Type.Optional(EntityMeasure),
      co2eKg: Type.Optional(EntityMeasure),
      cost: Type.Optional(EntityMeasure),
      status: Type.String({ description: 'COMPLETE or PARTIAL' }),
      statusReason: Type.String(),
    }),
  ),
});
export type EnergyByEntityV1beta1 = Static<typeof EnergyByEntityV1beta1>;

const MetricUnit = Type.String({ description: 'Percentage' });

export const UtilizationOverTimeV1beta1 = Type.Object({
  metricType: Metric,
  metricUnit: MetricUnit,
  items: Type.Array(
    Type.Object({
      resource: Type.Object({ id: Type.String(), type: Type.String() }),
      averages: Type.Object({ collected: Type.Number() }),
      intervalsCollected: Type.Array(Type.Object({ time: Time, value: Type.Number() })),
    }),
    { description: 'The resource, when any of its servers has data in the range' },
  ),
});
export type UtilizationOverTimeV1beta1 = Static<typeof UtilizationOverTimeV1beta1>;

const Metadata = Type.Object(
  {
    processorCount: Type.Optional(Type.Integer()),
    processorDetails: Type.Optional(Type.Array(Type.Object({ cpu: Type.String(), coreCount: Type.Integer(), speedGHz: Type.Number() }))),
    memoryCount: Type.Optional(Type.Integer()),
    totalMemorySizeGB: Type.Optional(Type.Integer()),
    memoryDetails: Type.Optional(Type.Array(Type.Object({ memoryType: Type.String(), memorySizeGB: Type.Integer(), opFrequencyMHz: Type.Integer() }))),
    pcieDevicesCount: Type.Optional(Type.Integer()),
  },
  { description: 'Hardware relevant to the metric type' },
);

export const UtilizationByEntityV1beta1 = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  offset: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
  excluded: Type.Integer({ minimum: 0, description: 'In-scope servers without utilization data' }),
  metricDetails: Type.Object({ metricType: Metric, metricUnit: MetricUnit }),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.Literal('SERVER'),
      collected: Type.Optional(Type.Object({ high: Type.Number(), low: Type.Number(), average: Type.Number() })),
      metadata: Metadata,
      status: Type.String({ description: 'COMPLETE or PARTIAL' }),
      statusReason: Type.String(),
    }),
  ),
});
export type UtilizationByEntityV1beta1 = Static<typeof UtilizationByEntityV1beta1>;
