// Turns the aggregated SQL results into the energy hub shapes: rounding, the projected intervals (a constant
// rate per bucket, since projections extrapolate the lookback's mean power) and their confidence ranges.
// Nothing here aggregates samples; every sum, mean and extreme arrives computed by the database.
import { projectedSeconds, stored, type BucketRow, type EnergyRequest, type EnergyTotals, type EntityRow, type ProjectionRow } from './energy-repository.ts';
import {
  DATA_INSUFFICIENT,
  DAY,
  type EnergyByEntity,
  type EnergyEntity,
  type EnergyOverTime,
  type EntityMeasure,
  type ProjectedInterval,
  type SeriesMeasure,
  type TimeWindow,
} from './model.ts';
import { projectedStart } from './rules.ts';

/** Energy, carbon and cost keep 4 decimals (0.1 Wh); percentages 2, as telemetry.md specifies. */
export const round4 = (v: number): number => Math.round(v * 10_000) / 10_000;
export const round2 = (v: number): number => Math.round(v * 100) / 100;
/** Two-sided 95 % band of a normal spread. */
const Z95 = 1.96;

type Quantity = 'kwh' | 'co2' | 'cost';

function spread(projection: ProjectionRow): number {
  const mean = projection.day_mean ?? 0;
  if (mean <= 0) return 0;
  const variance = Math.max(0, (projection.day_mean_sq ?? 0) - mean * mean);
  return Math.sqrt(variance) / mean;
}

function rateOf(projection: ProjectionRow, q: Quantity): number {
  return (q === 'kwh' ? projection.kr : q === 'co2' ? projection.cr : projection.ur) ?? 0;
}

export function energyOverTimeOf(w: TimeWindow, data: { buckets: BucketRow[]; projection: ProjectionRow }): EnergyOverTime {
  const { buckets, projection } = data;
  const first = buckets[0];
  const projectedFrom = projectedStart(w);
  const projecting = projection.servers > 0 && projectedFrom < w.endMs;
  const seconds = projecting ? projectedSeconds(w) : 0;
  const measure = (q: Quantity): SeriesMeasure => {
    const stat = (suffix: string) => (first ? Number(first[`${q}_${suffix}` as keyof BucketRow]) : 0);
    const at = (suffix: string) => String(first?.[`${q}_${suffix}` as keyof BucketRow]);
    const collected = stat('sum');
    const projected = rateOf(projection, q) * seconds;
    return {
      sums: { collected: round4(collected), projected: round4(projected), total: round4(collected + projected) },
      averages: { collected: round4((stat('avg') * DAY) / w.bucketSeconds), projected: projecting ? round4(rateOf(projection, q) * DAY) : 0 },
      min: first ? { value: round4(stat('min')), time: at('min_at') } : null,
      max: first ? { value: round4(stat('max')), time: at('max_at') } : null,
    };
  };
  const cv = spread(projection);
  const band = (value: number): [number, number] => [round4(Math.max(0, value * (1 - Z95 * cv))), round4(value * (1 + Z95 * cv))];
  const intervalsProjected: ProjectedInterval[] = [];
  if (projecting) {
    const [kwh, co2, cost] = (['kwh', 'co2', 'cost'] as const).map((q) => rateOf(projection, q) * w.bucketSeconds) as [number, number, number];
    for (let t = projectedFrom; t < w.endMs; t += w.bucketSeconds * 1000) {
      intervalsProjected.push({
        time: stored(t),
        kwh: round4(kwh),
        co2eKg: round4(co2),
        cost: round4(cost),
        serverCount: projection.servers,
        kwhRange: band(kwh),
        co2eKgRange: band(co2),
        costRange: band(cost),
      });
    }
  }
  return {
    kwh: measure('kwh'),
    co2eKg: measure('co2'),
    cost: measure('cost'),
    intervalsCollected: buckets.map((b) => ({
      time: b.b,
      kwh: round4(Number(b.kwh)),
      co2eKg: round4(Number(b.co2)),
      cost: round4(Number(b.cost)),
      serverCount: Number(b.n),
    })),
    intervalsProjected,
  };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function entityMeasure(row: EntityRow, column: string): EntityMeasure | null {
  const collected = num(row[`${column}_collected`]);
  if (collected === null) return null;
  const at = (k: string) => num(row[`${column}_${k}`]);
  const optional = (k: string) => {
    const v = at(k);
    return v === null ? null : round4(v);
  };
  return {
    collected: round4(collected),
    projected: round4(at('projected') ?? 0),
    total: round4(at('total') ?? 0),
    min: optional('min'),
    max: optional('max'),
    average: optional('average'),
    percents: { collected: round2(at('pct_collected') ?? 0), projected: round2(at('pct_projected') ?? 0), total: round2(at('pct_total') ?? 0) },
  };
}

function entityOf(row: EntityRow, r: EnergyRequest, excludedList: boolean): EnergyEntity {
  const tagged = !excludedList && r.aggregateBy === 'SERVER_TAG_VALUES';
  const values = [row.t1, row.t2, row.t3].slice(0, r.tagNames.length).map((v) => v ?? '');
  const perServer = excludedList || r.aggregateBy === 'SERVER';
  return {
    // The SQL key joins tag values with a control character; the wire id spells the pairs out instead.
    id: tagged ? r.tagNames.map((n, i) => `${encodeURIComponent(n)}=${encodeURIComponent(values[i]!)}`).join('&') : row.id,
    name: row.name,
    type: excludedList ? 'SERVER' : r.aggregateBy,
    serverCount: Number(row.server_count),
    details: perServer
      ? { kind: 'server', generation: row.generation ?? 'UNKNOWN', location: row.location ?? '', model: row.model ?? '', processor: row.processor ?? '' }
      : tagged
        ? { kind: 'tags', tags: r.tagNames.map((name, i) => ({ name, value: values[i]! })) }
        : null,
    kwh: entityMeasure(row, 'kwh'),
    co2eKg: entityMeasure(row, 'co2e'),
    cost: entityMeasure(row, 'cost'),
    status: row.status,
    statusReason: row.status === 'COMPLETE' ? '' : DATA_INSUFFICIENT,
  };
}

/** `excludedList`: the rows are the in-scope servers without data (`excluded-servers=true`). */
export function energyByEntityOf(
  r: EnergyRequest,
  result: { rows: EntityRow[]; offset: number; total: number; totals: EnergyTotals },
  excludedList: boolean,
): EnergyByEntity {
  const t = result.totals;
  const triple = (c: number | null, p: number | null) => ({ collected: round4(c ?? 0), projected: round4(p ?? 0), total: round4((c ?? 0) + (p ?? 0)) });
  return {
    items: result.rows.map((row) => entityOf(row, r, excludedList)),
    offset: result.offset,
    total: result.total,
    excluded: Number(t.scoped) - Number(t.included),
    kwhSums: triple(t.kc, t.kp),
    co2eKgSums: triple(t.cc, t.cp),
    costSums: triple(t.uc, t.up),
  };
}
