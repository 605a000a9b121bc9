// Shared by the telemetry suites: URLs, UTC day arithmetic, sample builders and HPE schema validation that
// reads HPE's overlapping oneOf declarations as anyOf.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import type { TelemetrySample } from './model.ts';

export const V1BETA1 = '/compute-ops-mgmt/v1beta1';
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Midnight UTC `offset` days from today. */
export const utcDay = (offset: number): number => Math.floor(Date.now() / DAY_MS) * DAY_MS + offset * DAY_MS;
export const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** COM's wire form of a bucket start. */
export const wireTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;
export const serverUri = (id: string): string => encodeURIComponent(`/compute-ops-mgmt/v1/servers/${id}`);

export interface Utilization {
  cpu: number;
  memoryBus: number;
  ioBus: number;
  interconnect: number;
}

/** `count` consecutive 5-minute samples of one server from `fromMs`, all with the same readings. */
export function samples(serverId: string, fromMs: number, count: number, powerWatts: number, u: Utilization | null = null): TelemetrySample[] {
  return Array.from({ length: count }, (_, i) => ({
    serverId,
    at: new Date(fromMs + i * 5 * MINUTE_MS).toISOString(),
    powerWatts,
    cpuUtilization: u?.cpu ?? null,
    memoryBusUtilization: u?.memoryBus ?? null,
    ioBusUtilization: u?.ioBus ?? null,
    cpuInterconnectUtilization: u?.interconnect ?? null,
  }));
}

export const util = (cpu: number, memoryBus = cpu / 2, ioBus = cpu / 4, interconnect = cpu / 5): Utilization => ({ cpu, memoryBus, ioBus, interconnect });

// HPE declares `entityDetails` and utilization `metadata` as oneOf object schemas whose members are all
// optional, so any object matches several branches and "exactly one" can never hold (for CPU_UTILIZATION
// metadata, no value can). Such a failure is forgiven only when the value matched two or more branches.
const OVERLAPPING_ONE_OF = /must match exactly one schema in oneOf \{"passingSchemas":\[\d+(?:,\d+)+\]\}$/;

/** A 200 whose body conforms to HPE's named schema, reading its overlapping oneOf as anyOf; returns the body. */
export function expectHpeBody<T = Record<string, unknown>>(res: LightMyRequestResponse, schemaName: string): T {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as T;
  const errors = hpeSchemaErrors(schemaName, body).filter((e) => !OVERLAPPING_ONE_OF.test(e));
  expect(errors, `${schemaName}: ${res.body.slice(0, 500)}`).toEqual([]);
  return body;
}

export interface Measure {
  collected: number;
  projected: number;
  total: number;
  min?: number;
  max?: number;
  average?: number;
  percents: { collected: number; projected: number; total: number };
}

export interface EnergyItem {
  id: string;
  name: string;
  type: string;
  serverCount: number;
  entityDetails?: Record<string, unknown>;
  kwh?: Measure;
  co2eKg?: Measure;
  cost?: Measure;
  status: string;
  statusReason: string;
}

export interface EnergyPage {
  count: number;
  offset: number;
  total: number;
  excluded: number;
  kwhSums: { collected: number; projected: number; total: number };
  co2eKgSums: { collected: number; projected: number; total: number };
  costSums: { collected: number; projected: number; total: number };
  items: EnergyItem[];
}

interface Triple {
  collected: number;
  projected: number;
  total: number;
}

export interface EnergySeries {
  kwh: { sums: Triple; averages: { collected: number; projected: number }; min?: { value: number; time: string }; max?: { value: number; time: string } };
  co2eKg: EnergySeries['kwh'];
  cost: EnergySeries['kwh'];
  intervalsCollected: { time: string; kwh: number; co2eKg: number; cost: number; serverCount: number }[];
  intervalsProjected: (EnergySeries['intervalsCollected'][number] & {
    kwhConfidenceInterval: number[];
    co2eKgConfidenceInterval: number[];
    costConfidenceInterval: number[];
  })[];
}

export interface UtilizationSeries {
  metricType: string;
  metricUnit: string;
  items: { resource: { id: string; type: string }; averages: { collected: number }; intervalsCollected: { time: string; value: number }[] }[];
}

export interface UtilizationPage {
  count: number;
  offset: number;
  total: number;
  excluded: number;
  metricDetails: { metricType: string; metricUnit: string };
  items: {
    id: string;
    name: string;
    type: string;
    collected?: { high: number; low: number; average: number };
    metadata: { processorCount?: number; processorDetails?: { cpu: string; coreCount: number; speedGHz: number }[] } & Record<string, unknown>;
    status: string;
    statusReason: string;
  }[];
}
