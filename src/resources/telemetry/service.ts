// Telemetry operations. Writers (the device simulator, the demo fleet) call recordSamples and seedHistory;
// the four analytics endpoints call TelemetryService, whose reads run in one transaction so the page, the
// totals and the excluded count describe the same data. Versions pass hub values; HTTP shapes are not known here.
import type { CallContext } from '../../http/request-context.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Store } from '../../store/store.ts';
import { toStoredTimestamp } from '../../store/time.ts';
import type { Server } from '../servers/model.ts';
import { energyBuckets, energyEntities, stored, type EnergyRequest } from './energy-repository.ts';
import type { EntityPageRequest } from './entity-page.ts';
import { energyOverTimeOf, energyByEntityOf } from './energy-figures.ts';
import { historyRows, historySpan } from './history.ts';
import {
  CO2E_KG_PER_KWH,
  FIVE_MINUTES,
  USD_PER_KWH,
  type EnergyByEntity,
  type EnergyOverTime,
  type TelemetrySample,
  type UtilizationByEntity,
  type UtilizationOverTime,
} from './model.ts';
import { floorTo } from './rules.ts';
import { compactRows, deleteRowsFrom, insertLiveRows, upsertRows, type SampleRow } from './samples-repository.ts';
import { utilizationByEntityOf, utilizationOverTimeOf } from './utilization-figures.ts';
import { inventoryOf, utilizationEntities, utilizationSeries, type UtilizationRequest } from './utilization-repository.ts';

const percent = (v: number | null | undefined, what: string): number | null => {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v) || v < 0 || v > 100) throw new RangeError(`${what} must be a percentage from 0 to 100, got ${v}`);
  return v;
};

function rowOf(sample: TelemetrySample): SampleRow {
  if (!Number.isFinite(sample.powerWatts) || sample.powerWatts < 0) throw new RangeError(`powerWatts must be a non-negative number, got ${sample.powerWatts}`);
  const metrics = [
    percent(sample.cpuUtilization, 'cpuUtilization'),
    percent(sample.memoryBusUtilization, 'memoryBusUtilization'),
    percent(sample.ioBusUtilization, 'ioBusUtilization'),
    percent(sample.cpuInterconnectUtilization, 'cpuInterconnectUtilization'),
  ];
  // A sample either carries utilization or it does not: a partial set would skew the time-weighted means.
  const complete = metrics.every((m) => m !== null);
  const kwh = (sample.powerWatts * FIVE_MINUTES) / 3_600_000;
  return {
    serverId: sample.serverId,
    step: FIVE_MINUTES,
    at: stored(floorTo(Date.parse(toStoredTimestamp(sample.at)), FIVE_MINUTES)),
    seconds: FIVE_MINUTES,
    kwh,
    co2eKg: kwh * CO2E_KG_PER_KWH,
    costUsd: kwh * USD_PER_KWH,
    utilSeconds: complete ? FIVE_MINUTES : 0,
    cpu: complete ? metrics[0]! : null,
    memoryBus: complete ? metrics[1]! : null,
    ioBus: complete ? metrics[2]! : null,
    cpuInterconnect: complete ? metrics[3]! : null,
  };
}

// Compaction runs at most once per workspace per hour of this process; it is idempotent, so restarts are harmless.
const lastCompactedHour = new Map<string, number>();

/**
 * Stores 5-minute samples: each covers the 5-minute slot its `at` falls in, and a later sample for the same
 * server and slot replaces it. Energy is derived as powerWatts × 5 min, CO2e and cost with the documented
 * factors. Samples of servers not in the workspace are skipped. Also applies retention once an hour.
 */
export async function recordSamples(db: Db, workspaceId: string, samples: readonly TelemetrySample[]): Promise<void> {
  const bySlot = new Map<string, SampleRow>();
  for (const sample of samples) {
    const row = rowOf(sample);
    bySlot.set(`${row.serverId}\u0000${row.at}`, row);
  }
  if (bySlot.size > 0) await insertLiveRows(db, workspaceId, [...bySlot.values()]);
  await compactSamples(db, workspaceId, Date.now(), false);
}

/** Applies retention (see model.ts) as of nowMs; unless `force`, at most once per workspace and hour. */
export async function compactSamples(db: Db, workspaceId: string, nowMs: number, force = true): Promise<void> {
  const hour = floorTo(nowMs, 3600);
  if (!force && lastCompactedHour.get(workspaceId) === hour) return;
  await compactRows(db, workspaceId, nowMs);
  lastCompactedHour.set(workspaceId, hour);
}

/**
 * Writes a realistic, deterministic history for the servers (the same seed and nowMs give the same rows):
 * 30 days for fleets up to 200 servers — hourly rows, then 5-minute rows for the last 24 hours — and
 * proportionally less for larger fleets (HISTORY_ROW_BUDGET rows per call). Replaces the servers' existing
 * rows from the start of that history on, in one transaction.
 */
export async function seedHistory(store: Store, workspaceId: string, servers: readonly Server[], nowMs: number, seed: number): Promise<void> {
  const withData = servers.filter((s) => s.workspaceId === workspaceId && s.state.subscriptionState === 'SUBSCRIBED');
  if (withData.length === 0) return;
  const span = historySpan(withData.length, nowMs);
  await store.transaction(async (tx) => {
    await deleteRowsFrom(tx, workspaceId, withData.map((s) => s.id), stored(span.fromMs));
    let batch: SampleRow[] = [];
    for (const server of withData) {
      batch.push(...historyRows(server, seed, nowMs, span));
      if (batch.length >= 20_000) {
        await upsertRows(tx, workspaceId, batch);
        batch = [];
      }
    }
    await upsertRows(tx, workspaceId, batch);
  });
}

export interface EntityListRequest extends EntityPageRequest {
  sortSpec: ListSpec;
}

export class TelemetryService {
  constructor(private readonly store: Store) {}

  async energyOverTime(ctx: CallContext, request: EnergyRequest): Promise<EnergyOverTime> {
    return this.store.transaction(async (tx) => energyOverTimeOf(request.window, await energyBuckets(tx, ctx.workspaceId, request)));
  }

  async energyByEntity(ctx: CallContext, request: EnergyRequest, page: EntityListRequest): Promise<EnergyByEntity> {
    return this.store.transaction(async (tx) => energyByEntityOf(request, await energyEntities(tx, ctx.workspaceId, request, page, page.sortSpec), page.excludedServers));
  }

  async utilizationOverTime(ctx: CallContext, request: UtilizationRequest): Promise<UtilizationOverTime> {
    return this.store.transaction(async (tx) => utilizationOverTimeOf(request, await utilizationSeries(tx, ctx.workspaceId, request)));
  }

  async utilizationByEntity(ctx: CallContext, request: UtilizationRequest, page: EntityListRequest): Promise<UtilizationByEntity> {
    return this.store.transaction(async (tx) => {
      const result = await utilizationEntities(tx, ctx.workspaceId, request, page, page.sortSpec);
      const inventory = await inventoryOf(tx, ctx.workspaceId, result.rows.map((r) => r.id));
      return utilizationByEntityOf(request, result, inventory);
    });
  }
}
