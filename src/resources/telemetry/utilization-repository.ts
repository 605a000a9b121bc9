// Utilization figures, computed in SQL from the stored samples: um = each in-scope server's time-weighted
// mean of one metric per bucket, su = its high/low bucket means and overall mean. Hardware metadata comes
// from the servers group's tables (servers.hardware, server_details.inventory), read by workspace and id.
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import { bucketOf, jsonArrayLength, jsonDocument, jsonNumber, nullFloat, SqlText } from './dialect-sql.ts';
import { stored } from './energy-repository.ts';
import { entityPage, type EntityPageRequest } from './entity-page.ts';
import type { MetricType, ServerScope, TimeWindow } from './model.ts';
import { completeBoundary, expectedBuckets } from './rules.ts';
import { scopedServers } from './scope.ts';

export interface UtilizationRequest {
  window: TimeWindow;
  scope: ServerScope;
  metricType: MetricType;
}

const METRIC_COLUMN: Readonly<Record<MetricType, string>> = {
  CPU_UTILIZATION: 'cpu',
  MEMORY_BUS_UTILIZATION: 'memory_bus',
  IO_BUS_UTILIZATION: 'io_bus',
  CPU_INTERCONNECT_UTILIZATION: 'cpu_interconnect',
};

async function utilizationCtes(db: Db, workspaceId: string, r: UtilizationRequest): Promise<SqlText> {
  const w = r.window;
  const m = METRIC_COLUMN[r.metricType];
  const bucket = bucketOf('t.at', w.bucketSeconds);
  const sv = await scopedServers(db, workspaceId, r.scope, { aggregateBy: 'SERVER', tagNames: [] });
  return new SqlText()
    .add('WITH sv AS MATERIALIZED (')
    .append(sv)
    .add(`), um AS MATERIALIZED (SELECT t.server_id AS sid, ${bucket} AS b, SUM(t.${m} * t.util_seconds) AS ws, SUM(t.util_seconds) AS us
      FROM sv CROSS JOIN telemetry_samples t
      WHERE t.workspace_id = ? AND t.server_id = sv.id AND t.step <= ${w.bucketSeconds} AND t.at >= ? AND t.at < ? AND t.util_seconds > 0 AND t.${m} IS NOT NULL
      GROUP BY t.server_id, ${bucket})`, workspaceId, stored(w.startMs), stored(Math.min(w.endMs, w.nowMs)))
    .add(`, su AS MATERIALIZED (SELECT sid, MAX(ws / us) AS high, MIN(ws / us) AS low, SUM(ws) / SUM(us) AS average,
        SUM(CASE WHEN b < ? THEN 1 ELSE 0 END) AS nb FROM um GROUP BY sid)`, stored(completeBoundary(w)));
}

export interface SeriesRow {
  b: string;
  value: number;
  average: number;
}

/** The scope's mean per bucket (over every server-second with data) and over the whole range. */
export async function utilizationSeries(db: Db, workspaceId: string, r: UtilizationRequest): Promise<SeriesRow[]> {
  const ctes = await utilizationCtes(db, workspaceId, r);
  return db.all<SeriesRow>(
    `${ctes.sql} SELECT b, SUM(ws) / SUM(us) AS value, SUM(SUM(ws)) OVER () / SUM(SUM(us)) OVER () AS average FROM um GROUP BY b ORDER BY b`,
    ctes.params,
  );
}

export interface UtilizationEntityRow {
  id: string;
  name: string;
  collected_high: number | null;
  collected_low: number | null;
  collected_average: number | null;
  status: 'COMPLETE' | 'PARTIAL';
  processor_count: number;
  speed_ghz: number | null;
  memory_count: number;
  total_memory_gb: number | null;
  pcie_count: number;
}

function hardwareColumns(db: Db): string {
  const d = db.dialect;
  return `${jsonArrayLength(d, 'd.inventory', ['processor', 'data'])} AS processor_count,
    ${jsonNumber(d, 'd.inventory', ['processor', 'data', 0, 'MaxSpeedMHz'])} / 1000.0 AS speed_ghz,
    ${jsonArrayLength(d, 'd.inventory', ['memory', 'data'])} AS memory_count,
    ${jsonNumber(d, 'sv.hardware', ['memoryMb'])} / 1024.0 AS total_memory_gb,
    ${jsonArrayLength(d, 'd.inventory', ['device', 'data'])} AS pcie_count`;
}

export interface UtilizationTotals {
  scoped: number;
  included: number;
}

/** The list totals, repeated on every row of a page. */
const TOTALS = '(SELECT COUNT(*) FROM sv) AS scoped, (SELECT COUNT(*) FROM su) AS included';

/** Per-server figures (or, with excludedServers, the in-scope servers without data) as a sorted page. */
export async function utilizationEntities(
  db: Db,
  workspaceId: string,
  r: UtilizationRequest,
  page: EntityPageRequest,
  sortSpec: ListSpec,
): Promise<{ rows: UtilizationEntityRow[]; offset: number; total: number; totals: UtilizationTotals }> {
  const ctes = await utilizationCtes(db, workspaceId, r);
  const from = new SqlText().add('(').append(ctes);
  const details = 'LEFT JOIN server_details d ON d.workspace_id = ? AND d.server_id = sv.id';
  if (page.excludedServers) {
    const nil = nullFloat(db.dialect);
    from.add(
      `SELECT sv.id, sv.name, ${nil} AS collected_high, ${nil} AS collected_low, ${nil} AS collected_average, 'PARTIAL' AS status,
        ${hardwareColumns(db)}, COUNT(*) OVER () AS total_rows, ${TOTALS} FROM sv ${details} WHERE NOT EXISTS (SELECT 1 FROM su WHERE su.sid = sv.id)`,
      workspaceId,
    );
  } else {
    from.add(
      `SELECT sv.id, sv.name, su.high AS collected_high, su.low AS collected_low, su.average AS collected_average,
        CASE WHEN su.nb >= ? THEN 'COMPLETE' ELSE 'PARTIAL' END AS status, ${hardwareColumns(db)}, COUNT(*) OVER () AS total_rows, ${TOTALS}
       FROM sv JOIN su ON su.sid = sv.id ${details}`,
      expectedBuckets(r.window),
      workspaceId,
    );
  }
  from.add(') AS ent');
  const count = page.excludedServers ? '(SELECT COUNT(*) FROM sv) - (SELECT COUNT(*) FROM su)' : '(SELECT COUNT(*) FROM su)';
  const totals = new SqlText().append(ctes).add(`SELECT ${count} AS total_rows, ${TOTALS}`);
  const result = await entityPage<UtilizationEntityRow & UtilizationTotals & { total_rows: number }>(db, from, totals, sortSpec, page);
  const summary = { scoped: Number(result.summary?.scoped ?? 0), included: Number(result.summary?.included ?? 0) };
  return { rows: result.rows, offset: result.offset, total: result.total, totals: summary };
}

export interface InventoryDocs {
  processors: Record<string, unknown>[];
  memory: Record<string, unknown>[];
}

/** Processor and memory inventory of the listed servers (one page), keyed by server id. */
export async function inventoryOf(db: Db, workspaceId: string, serverIds: readonly string[]): Promise<Map<string, InventoryDocs>> {
  const found = new Map<string, InventoryDocs>();
  if (serverIds.length === 0) return found;
  const d = db.dialect;
  const rows = await db.all<{ server_id: string; processors: unknown; memory: unknown }>(
    `SELECT server_id, ${jsonDocument(d, 'inventory', ['processor', 'data'])} AS processors, ${jsonDocument(d, 'inventory', ['memory', 'data'])} AS memory
     FROM server_details WHERE workspace_id = ? AND server_id IN (${serverIds.map(() => '?').join(', ')})`,
    [workspaceId, ...serverIds],
  );
  const list = (v: unknown) => {
    let parsed: unknown;
    try {
      parsed = parseJsonOrNull<unknown>(v);
    } catch {
      // SQLite hands back a JSON string leaf as bare text; it is not a list either way.
      return [];
    }
    return Array.isArray(parsed) ? (parsed.filter((x) => x !== null && typeof x === 'object') as Record<string, unknown>[]) : [];
  };
  for (const r of rows) found.set(r.server_id, { processors: list(r.processors), memory: list(r.memory) });
  return found;
}
