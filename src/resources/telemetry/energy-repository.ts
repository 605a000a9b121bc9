// Energy, carbon and cost figures, computed in SQL from the stored samples on both databases. The common
// CTE chain: sv = servers in scope, sb = their collected figures per server and bucket, sc = per server over
// the range, bl = each server's mean rates over the projection lookback, inc = servers with any figure.
// `sv CROSS JOIN telemetry_samples` fixes SQLite's join order: walk the servers in scope, then each one's rows
// by key; PostgreSQL plans it as any inner join.
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db } from '../../store/store.ts';
import { formatMicros } from '../../store/time.ts';
import { bucketOf, float, nullFloat, SqlText } from './dialect-sql.ts';
import { PROJECTION_LOOKBACK, type AggregateBy, type ServerScope, type TimeWindow } from './model.ts';
import { entityPage, type EntityPageRequest } from './entity-page.ts';
import { completeBoundary, expectedBuckets, projectedStart } from './rules.ts';
import { scopedServers } from './scope.ts';

export const stored = (ms: number): string => formatMicros(BigInt(ms) * 1000n);

export interface EnergyRequest {
  window: TimeWindow;
  scope: ServerScope;
  aggregateBy: AggregateBy;
  tagNames: readonly string[];
  /** entityDetails filter properties → scope columns (energy-by-entity). */
  filterSpec?: ListSpec;
}

/** Seconds of the window that are projected: from the first boundary after now to the end. */
export function projectedSeconds(w: TimeWindow): number {
  return (w.endMs - projectedStart(w)) / 1000;
}

async function energyCtes(db: Db, workspaceId: string, r: EnergyRequest): Promise<SqlText> {
  const w = r.window;
  const b = w.bucketSeconds;
  const f = float(db.dialect);
  const sv = await scopedServers(db, workspaceId, r.scope, {
    aggregateBy: r.aggregateBy,
    tagNames: r.tagNames,
    locations: r.filterSpec !== undefined,
    ...(r.filterSpec ? { filterSpec: r.filterSpec } : {}),
  });
  const projected = projectedSeconds(w);
  const bucket = bucketOf('t.at', b);
  return new SqlText()
    .add('WITH sv AS MATERIALIZED (')
    .append(sv)
    .add(`), sb AS MATERIALIZED (SELECT t.server_id AS sid, ${bucket} AS b, SUM(t.kwh) AS kwh, SUM(t.co2e_kg) AS co2, SUM(t.cost_usd) AS cost
      FROM sv CROSS JOIN telemetry_samples t
      WHERE t.workspace_id = ? AND t.server_id = sv.id AND t.step <= ${b} AND t.at >= ? AND t.at < ? AND t.seconds > 0
      GROUP BY t.server_id, ${bucket})`, workspaceId, stored(w.startMs), stored(Math.min(w.endMs, w.nowMs)))
    .add(`, sc AS (SELECT sid, SUM(CASE WHEN b < ? THEN 1 ELSE 0 END) AS nb, SUM(kwh) AS kwh, SUM(co2) AS co2, SUM(cost) AS cost
      FROM sb GROUP BY sid)`, stored(completeBoundary(w)))
    .add(`, bl AS (SELECT t.server_id AS sid, SUM(t.kwh) / SUM(t.seconds) AS kr, SUM(t.co2e_kg) / SUM(t.seconds) AS cr,
        SUM(t.cost_usd) / SUM(t.seconds) AS ur
      FROM sv CROSS JOIN telemetry_samples t
      WHERE t.workspace_id = ? AND t.server_id = sv.id AND t.at >= ? AND t.at < ? AND t.seconds > 0 AND ${f} > 0
      GROUP BY t.server_id)`, workspaceId, stored(w.nowMs - PROJECTION_LOOKBACK * 1000), stored(w.nowMs), projected)
    .add(`, inc AS MATERIALIZED (SELECT sv.*, COALESCE(sc.nb, 0) AS nb, COALESCE(sc.kwh, 0) AS kwh_c, COALESCE(sc.co2, 0) AS co2_c,
        COALESCE(sc.cost, 0) AS cost_c, COALESCE(bl.kr, 0) * ${f} AS kwh_p, COALESCE(bl.cr, 0) * ${f} AS co2_p, COALESCE(bl.ur, 0) * ${f} AS cost_p
      FROM sv LEFT JOIN sc ON sc.sid = sv.id LEFT JOIN bl ON bl.sid = sv.id
      WHERE sc.sid IS NOT NULL OR bl.sid IS NOT NULL)`, projected, projected, projected);
}

/** One collected bucket of the whole scope, with the range's aggregates repeated on every row. */
export interface BucketRow {
  b: string;
  kwh: number;
  co2: number;
  cost: number;
  n: number;
  kwh_sum: number;
  kwh_avg: number;
  kwh_min: number;
  kwh_max: number;
  kwh_min_at: string;
  kwh_max_at: string;
  co2_sum: number;
  co2_avg: number;
  co2_min: number;
  co2_max: number;
  co2_min_at: string;
  co2_max_at: string;
  cost_sum: number;
  cost_avg: number;
  cost_min: number;
  cost_max: number;
  cost_min_at: string;
  cost_max_at: string;
}

/** The scope's mean rates (per second) for projections and the day-to-day spread of its mean power. */
export interface ProjectionRow {
  servers: number;
  kr: number | null;
  cr: number | null;
  ur: number | null;
  day_mean: number | null;
  day_mean_sq: number | null;
}

export async function energyBuckets(db: Db, workspaceId: string, r: EnergyRequest): Promise<{ buckets: BucketRow[]; projection: ProjectionRow }> {
  const ctes = await energyCtes(db, workspaceId, r);
  const stats = (m: string) =>
    `SUM(${m}) OVER () AS ${m}_sum, AVG(${m}) OVER () AS ${m}_avg, MIN(${m}) OVER () AS ${m}_min, MAX(${m}) OVER () AS ${m}_max,
     FIRST_VALUE(b) OVER (ORDER BY ${m} ASC, b ASC) AS ${m}_min_at, FIRST_VALUE(b) OVER (ORDER BY ${m} DESC, b ASC) AS ${m}_max_at`;
  const buckets = await db.all<BucketRow>(
    `${ctes.sql}, fb AS (SELECT b, SUM(kwh) AS kwh, SUM(co2) AS co2, SUM(cost) AS cost, COUNT(*) AS n FROM sb GROUP BY b)
     SELECT b, kwh, co2, cost, n, ${stats('kwh')}, ${stats('co2')}, ${stats('cost')} FROM fb ORDER BY b`,
    ctes.params,
  );
  const w = r.window;
  const lookback = new SqlText()
    .append(ctes)
    .add(`, daily AS (SELECT SUM(t.kwh) / SUM(t.seconds) AS rate FROM sv CROSS JOIN telemetry_samples t
        WHERE t.workspace_id = ? AND t.server_id = sv.id AND t.at >= ? AND t.at < ? AND t.seconds > 0 GROUP BY substr(t.at, 1, 10))`,
      workspaceId, stored(w.nowMs - PROJECTION_LOOKBACK * 1000), stored(w.nowMs))
    .add(`SELECT (SELECT COUNT(*) FROM bl) AS servers, (SELECT SUM(kr) FROM bl) AS kr, (SELECT SUM(cr) FROM bl) AS cr,
        (SELECT SUM(ur) FROM bl) AS ur, (SELECT AVG(rate) FROM daily) AS day_mean, (SELECT AVG(rate * rate) FROM daily) AS day_mean_sq`);
  const projection = (await db.get<ProjectionRow>(lookback.sql, lookback.params))!;
  return { buckets, projection };
}

/** One entity of energy-by-entity, as the page query returns it. */
export interface EntityRow {
  id: string;
  name: string;
  server_count: number;
  status: 'COMPLETE' | 'PARTIAL';
  generation: string | null;
  location: string | null;
  model: string | null;
  processor: string | null;
  t1: string | null;
  t2: string | null;
  t3: string | null;
  [figure: string]: unknown;
}

const MEASURES = [
  ['kwh', 'kwh'],
  ['co2e', 'co2'],
  ['cost', 'cost'],
] as const;

/** The energy-by-entity totals, repeated on every row of a page. */
const TOTALS = `(SELECT COUNT(*) FROM sv) AS scoped, (SELECT COUNT(*) FROM inc) AS included, ${MEASURES.flatMap(([col, m]) => [
  `(SELECT SUM(${m}_c) FROM inc) AS ${col}_sum_c`,
  `(SELECT SUM(${m}_p) FROM inc) AS ${col}_sum_p`,
]).join(', ')}`;

/** Entity columns every list of entities carries, so one sort spec serves both the normal and the excluded list. */
function entitySelect(): string {
  const figures = MEASURES.map(
    ([col, m]) => `ea.${m}_c AS ${col}_collected, ea.${m}_p AS ${col}_projected, ea.${m}_c + ea.${m}_p AS ${col}_total,
      ebs.${m}_min AS ${col}_min, ebs.${m}_max AS ${col}_max, ebs.${m}_avg AS ${col}_average,
      100 * ea.${m}_c / NULLIF(SUM(ea.${m}_c) OVER (), 0) AS ${col}_pct_collected,
      100 * ea.${m}_p / NULLIF(SUM(ea.${m}_p) OVER (), 0) AS ${col}_pct_projected,
      100 * (ea.${m}_c + ea.${m}_p) / NULLIF(SUM(ea.${m}_c + ea.${m}_p) OVER (), 0) AS ${col}_pct_total`,
  );
  return `SELECT ea.ek AS id, ea.name, ea.server_count, ${figures.join(', ')},
      CASE WHEN ea.nb >= ? THEN 'COMPLETE' ELSE 'PARTIAL' END AS status,
      ea.generation, ea.location, ea.model, ea.processor, ea.t1, ea.t2, ea.t3, COUNT(*) OVER () AS total_rows, ${TOTALS}
    FROM ea LEFT JOIN ebs ON ebs.ek = ea.ek`;
}

function excludedSelect(db: Db): string {
  const nil = nullFloat(db.dialect);
  const figures = MEASURES.flatMap(([col]) =>
    ['collected', 'projected', 'total', 'min', 'max', 'average', 'pct_collected', 'pct_projected', 'pct_total'].map((k) => `${nil} AS ${col}_${k}`),
  );
  return `SELECT sv.id, sv.name, 1 AS server_count, ${figures.join(', ')}, 'PARTIAL' AS status, sv.generation,
      COALESCE(sv.location, '') AS location, COALESCE(sv.model, '') AS model, COALESCE(sv.processor, '') AS processor, sv.t1, sv.t2, sv.t3,
      COUNT(*) OVER () AS total_rows, ${TOTALS}
    FROM sv WHERE NOT EXISTS (SELECT 1 FROM inc WHERE inc.id = sv.id)`;
}

export interface EnergyTotals {
  scoped: number;
  included: number;
  kc: number | null;
  kp: number | null;
  cc: number | null;
  cp: number | null;
  uc: number | null;
  up: number | null;
}

export async function energyEntities(
  db: Db,
  workspaceId: string,
  r: EnergyRequest,
  page: EntityPageRequest,
  sortSpec: ListSpec,
): Promise<{ rows: EntityRow[]; offset: number; total: number; totals: EnergyTotals }> {
  const ctes = await energyCtes(db, workspaceId, r);
  const from = new SqlText().add('(').append(ctes);
  if (page.excludedServers) {
    from.add(excludedSelect(db));
  } else {
    const per = (m: string) => `MIN(${m}) AS ${m}_min, MAX(${m}) AS ${m}_max, AVG(${m}) AS ${m}_avg`;
    const sums = MEASURES.map(([, m]) => `SUM(${m}_c) AS ${m}_c, SUM(${m}_p) AS ${m}_p`).join(', ');
    from
      .add(`, eb AS (SELECT sv.ek, sb.b, SUM(sb.kwh) AS kwh, SUM(sb.co2) AS co2, SUM(sb.cost) AS cost FROM sb JOIN sv ON sv.id = sb.sid GROUP BY sv.ek, sb.b)
        , ebs AS (SELECT ek, ${per('kwh')}, ${per('co2')}, ${per('cost')} FROM eb GROUP BY ek)
        , ea AS (SELECT ek, MIN(en) AS name, COUNT(*) AS server_count, ${sums}, MIN(nb) AS nb, MIN(generation) AS generation,
            MIN(COALESCE(location, '')) AS location, MIN(COALESCE(model, '')) AS model, MIN(COALESCE(processor, '')) AS processor,
            MIN(t1) AS t1, MIN(t2) AS t2, MIN(t3) AS t3 FROM inc GROUP BY ek)`)
      .add(entitySelect(), expectedBuckets(r.window));
  }
  from.add(') AS ent');
  const count = page.excludedServers ? '(SELECT COUNT(*) FROM sv) - (SELECT COUNT(*) FROM inc)' : '(SELECT COUNT(DISTINCT ek) FROM inc)';
  const totals = new SqlText().append(ctes).add(`SELECT ${count} AS total_rows, ${TOTALS}`);
  const result = await entityPage<EntityRow & TotalsRow>(db, from, totals, sortSpec, page);
  const t = result.summary;
  const figure = (k: keyof TotalsRow) => (t?.[k] === null || t?.[k] === undefined ? null : Number(t[k]));
  return {
    rows: result.rows,
    offset: result.offset,
    total: result.total,
    totals: {
      scoped: figure('scoped') ?? 0,
      included: figure('included') ?? 0,
      kc: figure('kwh_sum_c'),
      kp: figure('kwh_sum_p'),
      cc: figure('co2e_sum_c'),
      cp: figure('co2e_sum_p'),
      uc: figure('cost_sum_c'),
      up: figure('cost_sum_p'),
    },
  };
}

interface TotalsRow {
  total_rows: number | string;
  scoped: number;
  included: number;
  kwh_sum_c: number | null;
  kwh_sum_p: number | null;
  co2e_sum_c: number | null;
  co2e_sum_p: number | null;
  cost_sum_c: number | null;
  cost_sum_p: number | null;
}
