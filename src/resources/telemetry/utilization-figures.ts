// Turns the aggregated utilization results into hub shapes: rounding, status reasons, and the hardware summary
// of each listed server read from its Redfish-shaped inventory (PascalCase keys, servers.md §5.6).
import { DATA_INSUFFICIENT, type ServerHardwareSummary, type UtilizationByEntity, type UtilizationOverTime } from './model.ts';
import type { InventoryDocs, SeriesRow, UtilizationEntityRow, UtilizationRequest } from './utilization-repository.ts';

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function utilizationOverTimeOf(r: UtilizationRequest, rows: SeriesRow[]): UtilizationOverTime {
  return {
    metricType: r.metricType,
    // utilization requires resource-uri, so a scope always names one.
    resource: r.scope.resource!,
    average: rows[0] ? round2(Number(rows[0].average)) : null,
    intervals: rows.map((row) => ({ time: row.b, value: round2(Number(row.value)) })),
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : 0);

function hardwareOf(row: UtilizationEntityRow, docs: InventoryDocs | undefined): ServerHardwareSummary {
  return {
    processors: (docs?.processors ?? []).map((p) => ({
      cpu: text(p.Model) || text(p.Name),
      coreCount: count(p.TotalCores),
      speedGHz: round2(count(p.MaxSpeedMHz) / 1000),
    })),
    memory: (docs?.memory ?? []).map((m) => ({
      memoryType: text(m.MemoryDeviceType),
      memorySizeGB: Math.round(count(m.CapacityMiB) / 1024),
      opFrequencyMHz: count(m.OperatingSpeedMhz),
    })),
    totalMemorySizeGB: Math.round(Number(row.total_memory_gb ?? 0)),
    pcieDevicesCount: Number(row.pcie_count),
  };
}

export function utilizationByEntityOf(
  r: UtilizationRequest,
  result: { rows: UtilizationEntityRow[]; offset: number; total: number; totals: { scoped: number; included: number } },
  inventory: Map<string, InventoryDocs>,
): UtilizationByEntity {
  return {
    metricType: r.metricType,
    offset: result.offset,
    total: result.total,
    excluded: Number(result.totals.scoped) - Number(result.totals.included),
    items: result.rows.map((row) => ({
      id: row.id,
      name: row.name,
      collected:
        row.collected_average === null
          ? null
          : { high: round2(Number(row.collected_high)), low: round2(Number(row.collected_low)), average: round2(Number(row.collected_average)) },
      hardware: hardwareOf(row, inventory.get(row.id)),
      status: row.status,
      statusReason: row.status === 'COMPLETE' ? '' : DATA_INSUFFICIENT,
    })),
  };
}
