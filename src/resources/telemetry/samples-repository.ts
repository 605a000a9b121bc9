// Writes to the metrics store: live 5-minute samples, generated history, and the compaction that keeps storage
// bounded. Every statement is scoped by workspace. Rows travel as one JSON parameter (see jsonRows).
import type { Db } from '../../store/store.ts';
import { formatMicros } from '../../store/time.ts';
import { bucketOf, jsonRows, type JsonColumnType } from './dialect-sql.ts';
import { DAILY_RETENTION, DAY, FIVE_MINUTES, FIVE_MINUTE_RETENTION, HOUR, HOURLY_RETENTION } from './model.ts';
import { floorTo } from './rules.ts';

/** One row of `telemetry_samples`: a server's figures over [at, at + step). */
export interface SampleRow {
  serverId: string;
  step: number;
  /** Stored timestamp text, aligned to `step`. */
  at: string;
  /** Seconds of the step with energy data. */
  seconds: number;
  kwh: number;
  co2eKg: number;
  costUsd: number;
  /** Seconds of the step with utilization data; the four percentages are their time-weighted means. */
  utilSeconds: number;
  cpu: number | null;
  memoryBus: number | null;
  ioBus: number | null;
  cpuInterconnect: number | null;
}

const ROW_COLUMNS: readonly (readonly [string, JsonColumnType])[] = [
  ['server_id', 'text'],
  ['step', 'int'],
  ['at', 'text'],
  ['seconds', 'int'],
  ['kwh', 'float'],
  ['co2e_kg', 'float'],
  ['cost_usd', 'float'],
  ['util_seconds', 'int'],
  ['cpu', 'float'],
  ['memory_bus', 'float'],
  ['io_bus', 'float'],
  ['cpu_interconnect', 'float'],
];
const TABLE_COLUMNS = `workspace_id, ${ROW_COLUMNS.map(([c]) => c).join(', ')}`;
const FIGURES = ['seconds', 'kwh', 'co2e_kg', 'cost_usd', 'util_seconds'] as const;
const METRICS = ['cpu', 'memory_bus', 'io_bus', 'cpu_interconnect'] as const;
const KEY = 'ON CONFLICT (workspace_id, server_id, at, step)';
const REPLACE = `${KEY} DO UPDATE SET ${[...FIGURES, ...METRICS].map((c) => `${c} = excluded.${c}`).join(', ')}`;
// Large enough that a 200-server history is a few dozen statements, small enough to keep one parameter a few MB.
const BATCH = 5000;

function packed(rows: readonly SampleRow[]): string {
  return JSON.stringify(
    rows.map((r) => [r.serverId, r.step, r.at, r.seconds, r.kwh, r.co2eKg, r.costUsd, r.utilSeconds, r.cpu, r.memoryBus, r.ioBus, r.cpuInterconnect]),
  );
}

/**
 * Stores 5-minute rows of servers that exist in the workspace (others are skipped), replacing a row for the
 * same slot. A slot whose hour or day was already compacted is skipped, so rows never overlap. COM collects
 * no utilization from OneView-managed servers (telemetry.md §6), so theirs is dropped here.
 */
export async function insertLiveRows(db: Db, workspaceId: string, rows: readonly SampleRow[]): Promise<void> {
  const oneview = "s.connection_type = 'ONEVIEW'";
  const select = ROW_COLUMNS.map(([c]) => {
    if (c === 'util_seconds') return `CASE WHEN ${oneview} THEN 0 ELSE r.util_seconds END`;
    if ((METRICS as readonly string[]).includes(c)) return `CASE WHEN ${oneview} THEN NULL ELSE r.${c} END`;
    return `r.${c}`;
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.run(
      `INSERT INTO telemetry_samples (${TABLE_COLUMNS})
       SELECT s.workspace_id, ${select.join(', ')}
       FROM ${jsonRows(db.dialect, ROW_COLUMNS, 'r')} JOIN servers s ON s.workspace_id = ? AND s.id = r.server_id
       WHERE NOT EXISTS (SELECT 1 FROM telemetry_samples c WHERE c.workspace_id = s.workspace_id AND c.server_id = s.id
         AND ((c.step = ${HOUR} AND c.at = ${bucketOf('r.at', HOUR)}) OR (c.step = ${DAY} AND c.at = ${bucketOf('r.at', DAY)})))
       ${REPLACE}`,
      [packed(rows.slice(i, i + BATCH)), workspaceId],
    );
  }
}

/** Stores rows as given (any step), replacing rows with the same key. Callers keep steps from overlapping. */
export async function upsertRows(db: Db, workspaceId: string, rows: readonly SampleRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.run(
      `INSERT INTO telemetry_samples (${TABLE_COLUMNS}) SELECT ?, r.* FROM ${jsonRows(db.dialect, ROW_COLUMNS, 'r')} WHERE 1 = 1 ${REPLACE}`,
      [workspaceId, packed(rows.slice(i, i + BATCH))],
    );
  }
}

/** Removes the servers' rows that start at or after `fromAt`. */
export async function deleteRowsFrom(db: Db, workspaceId: string, serverIds: readonly string[], fromAt: string): Promise<void> {
  for (let i = 0; i < serverIds.length; i += 500) {
    const chunk = serverIds.slice(i, i + 500);
    await db.run(`DELETE FROM telemetry_samples WHERE workspace_id = ? AND server_id IN (${chunk.map(() => '?').join(', ')}) AND at >= ?`, [
      workspaceId,
      ...chunk,
      fromAt,
    ]);
  }
}

const weighted = (c: string, a: string, b: string) =>
  `(COALESCE(${a}.${c} * ${a}.util_seconds, 0) + COALESCE(${b}.${c} * ${b}.util_seconds, 0)) / NULLIF(${a}.util_seconds + ${b}.util_seconds, 0)`;

/** Folds the rows of step `from` that start before `before` (aligned to `to`) into rows of step `to`. */
async function rollUp(db: Db, workspaceId: string, from: number, to: number, before: string): Promise<void> {
  const bucket = bucketOf('at', to);
  const sums = FIGURES.map((c) => `SUM(${c})`);
  const means = METRICS.map((c) => `SUM(${c} * util_seconds) / NULLIF(SUM(util_seconds), 0)`);
  const merge = [...FIGURES.map((c) => `${c} = telemetry_samples.${c} + excluded.${c}`), ...METRICS.map((c) => `${c} = ${weighted(c, 'telemetry_samples', 'excluded')}`)];
  await db.run(
    `INSERT INTO telemetry_samples (${TABLE_COLUMNS})
     SELECT workspace_id, server_id, ${to}, ${bucket}, ${[...sums, ...means].join(', ')}
     FROM telemetry_samples WHERE workspace_id = ? AND step = ${from} AND at < ?
     GROUP BY workspace_id, server_id, ${bucket}
     ${KEY} DO UPDATE SET ${merge.join(', ')}`,
    [workspaceId, before],
  );
  await db.run(`DELETE FROM telemetry_samples WHERE workspace_id = ? AND step = ${from} AND at < ?`, [workspaceId, before]);
}

const stored = (ms: number) => formatMicros(BigInt(ms) * 1000n);

/**
 * Applies retention as of nowMs: 5-minute rows older than a day become hourly rows, hourly rows older than
 * 35 days become daily rows, daily rows older than 190 days are deleted. Idempotent; run it in a transaction.
 */
export async function compactRows(db: Db, workspaceId: string, nowMs: number): Promise<void> {
  await rollUp(db, workspaceId, FIVE_MINUTES, HOUR, stored(floorTo(nowMs - FIVE_MINUTE_RETENTION * 1000, HOUR)));
  await rollUp(db, workspaceId, HOUR, DAY, stored(floorTo(nowMs - HOURLY_RETENTION * 1000, DAY)));
  await db.run(`DELETE FROM telemetry_samples WHERE workspace_id = ? AND step = ${DAY} AND at < ?`, [
    workspaceId,
    stored(floorTo(nowMs - DAILY_RETENTION * 1000, DAY)),
  ]);
}
