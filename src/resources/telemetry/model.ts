// The hub model of telemetry: per-server samples and the energy and utilization figures the four analytics
// endpoints compute from them (telemetry.md). The folder serves four COM path roots (energy-over-time,
// energy-by-entity, utilization-over-time, utilization-by-entity) because they read one metrics store.

/** One 5-minute reading of one server, as the device simulator or a driver reports it. */
export interface TelemetrySample {
  serverId: string;
  /** Stored timestamp text; the sample covers the 5-minute slot this instant falls in. */
  at: string;
  /** Mean power draw over the slot. */
  powerWatts: number;
  /** Percentages 0..100; null when the device did not report utilization. */
  cpuUtilization: number | null;
  memoryBusUtilization: number | null;
  ioBusUtilization: number | null;
  cpuInterconnectUtilization: number | null;
}

/**
 * Conversion factors applied when a sample is stored (telemetry.md's example figures imply exactly these:
 * 222.1 kgCO2e and 83.3 USD for 555.2 kWh). Stored per sample, so a later change never rewrites history.
 */
export const CO2E_KG_PER_KWH = 0.4;
export const USD_PER_KWH = 0.15;

export const FIVE_MINUTES = 300;
export const HOUR = 3600;
export const DAY = 86_400;

/**
 * Retention, in seconds. Rows never overlap in time: a 5-minute row is rolled into its hour once the hour is
 * older than FIVE_MINUTE_RETENTION, an hourly row into its day once the day is older than HOURLY_RETENTION,
 * and daily rows are deleted after DAILY_RETENTION (the energy window reaches 180 days back).
 */
export const FIVE_MINUTE_RETENTION = DAY;
export const HOURLY_RETENTION = 35 * DAY;
export const DAILY_RETENTION = 190 * DAY;

/** Projections extrapolate the mean power of the last full week, so weekday patterns average out. */
export const PROJECTION_LOOKBACK = 7 * DAY;

export const SAMPLE_SIZES = ['1_DAY', '1_HOUR', '5_MINS'] as const;
export type SampleSize = (typeof SAMPLE_SIZES)[number];
export const BUCKET_SECONDS: Readonly<Record<SampleSize, number>> = { '1_DAY': DAY, '1_HOUR': HOUR, '5_MINS': FIVE_MINUTES };

export const METRIC_TYPES = ['CPU_UTILIZATION', 'MEMORY_BUS_UTILIZATION', 'IO_BUS_UTILIZATION', 'CPU_INTERCONNECT_UTILIZATION'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export const AGGREGATE_BY = ['SERVER', 'SERVER_MODEL', 'SERVER_GENERATION', 'SERVER_PROCESSOR', 'SERVER_LOCATION', 'SERVER_TAG_VALUES'] as const;
export type AggregateBy = (typeof AGGREGATE_BY)[number];

/** A query's time span: half-open [startMs, endMs), both aligned to the bucket, seen at nowMs. */
export interface TimeWindow {
  bucketSeconds: number;
  startMs: number;
  endMs: number;
  nowMs: number;
}

/** The resource a request names with `resource-uri`. */
export type ResourceRef = { kind: 'server'; id: string } | { kind: 'filter'; id: string } | { kind: 'group'; id: string };

/** A tag condition tree from `filter-tags` (conventions §6.5). */
export type TagNode =
  | { kind: 'and' | 'or'; children: TagNode[] }
  | { kind: 'not'; child: TagNode }
  | { kind: 'tag'; key: string; op: 'eq' | 'ne' | 'in'; values: string[] };

/** Which servers a computation covers: the workspace's, narrowed by resource, tags and entity details. */
export interface ServerScope {
  resource: ResourceRef | null;
  tags: TagNode | null;
  /** OData filter over entityDetails (energy-by-entity only). */
  filter?: string | undefined;
}

export interface Triple {
  collected: number;
  projected: number;
  total: number;
}

export interface Extreme {
  value: number;
  /** Bucket start, stored timestamp text. */
  time: string;
}

/** One quantity (kWh, kgCO2e or USD) over a whole range. */
export interface SeriesMeasure {
  sums: Triple;
  /** Per day. */
  averages: { collected: number; projected: number };
  min: Extreme | null;
  max: Extreme | null;
}

export interface CollectedInterval {
  time: string;
  kwh: number;
  co2eKg: number;
  cost: number;
  serverCount: number;
}

export interface ProjectedInterval extends CollectedInterval {
  kwhRange: [number, number];
  co2eKgRange: [number, number];
  costRange: [number, number];
}

export interface EnergyOverTime {
  kwh: SeriesMeasure;
  co2eKg: SeriesMeasure;
  cost: SeriesMeasure;
  intervalsCollected: CollectedInterval[];
  intervalsProjected: ProjectedInterval[];
}

/** One quantity of one entity; min/max/average are over its buckets and null when it has none. */
export interface EntityMeasure {
  collected: number;
  projected: number;
  total: number;
  min: number | null;
  max: number | null;
  average: number | null;
  percents: Triple;
}

export type EntityStatus = 'COMPLETE' | 'PARTIAL';

/** What an energy entity is: a server's details, the tag values of a bucket, or nothing. */
export type EntityDetails =
  | { kind: 'server'; generation: string; location: string; model: string; processor: string }
  | { kind: 'tags'; tags: { name: string; value: string }[] }
  | null;

export interface EnergyEntity {
  id: string;
  name: string;
  type: AggregateBy;
  serverCount: number;
  details: EntityDetails;
  /** Null for a server listed because it has no data (`excluded-servers=true`). */
  kwh: EntityMeasure | null;
  co2eKg: EntityMeasure | null;
  cost: EntityMeasure | null;
  status: EntityStatus;
  statusReason: string;
}

export interface EnergyByEntity {
  items: EnergyEntity[];
  offset: number;
  total: number;
  excluded: number;
  kwhSums: Triple;
  co2eKgSums: Triple;
  costSums: Triple;
}

export interface UtilizationOverTime {
  metricType: MetricType;
  resource: ResourceRef;
  /** Null when no server of the scope has data in the range. */
  average: number | null;
  intervals: { time: string; value: number }[];
}

export interface ServerHardwareSummary {
  processors: { cpu: string; coreCount: number; speedGHz: number }[];
  memory: { memoryType: string; memorySizeGB: number; opFrequencyMHz: number }[];
  totalMemorySizeGB: number;
  pcieDevicesCount: number;
}

export interface UtilizationEntity {
  id: string;
  name: string;
  /** Null for a server listed because it has no data. */
  collected: { high: number; low: number; average: number } | null;
  hardware: ServerHardwareSummary;
  status: EntityStatus;
  statusReason: string;
}

export interface UtilizationByEntity {
  metricType: MetricType;
  items: UtilizationEntity[];
  offset: number;
  total: number;
  excluded: number;
}

/** statusReason of entities whose range is not fully covered by data (telemetry.md §1.5). */
export const DATA_INSUFFICIENT = 'DATA_INSUFFICIENT';
