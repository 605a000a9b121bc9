// Deterministic telemetry history for the demo fleet: each server gets a power envelope from its form factor
// and generation, a utilization level from its environment tag, a daily curve peaking mid-afternoon in its
// site's time zone and quieter weekends. Only subscribed servers have history (telemetry.md §6), none before
// the server was added, powered-off servers draw standby power for their last days, and OneView-managed
// servers report no utilization.
import { Random } from '../../fleet/random.ts';
import type { Server } from '../servers/model.ts';
import { CO2E_KG_PER_KWH, DAY, FIVE_MINUTES, HOUR, USD_PER_KWH } from './model.ts';
import { ceilTo, floorTo } from './rules.ts';
import type { SampleRow } from './samples-repository.ts';

export const HISTORY_DAYS = 30;
/** Rows one call may write; larger fleets get a shorter history (about 1,000 rows per server for 200 servers). */
export const HISTORY_ROW_BUDGET = 250_000;
const FIVE_MINUTE_HOURS = 24;

const SITE_UTC_OFFSET: Readonly<Record<string, number>> = { houston: -6, 'san jose': -8, grenoble: 1, frankfurt: 1, tokyo: 9 };

interface Profile {
  idleWatts: number;
  peakWatts: number;
  baseCpu: number;
  swing: number;
  weekendFactor: number;
  utcOffsetHours: number;
  reportsUtilization: boolean;
  /** From this instant on the server is off and draws standby power only. */
  offFromMs: number;
  fromMs: number;
}

/** FNV-1a, so a server's history depends on its id, not on its position in the list. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function tag(server: Server, key: string): string | undefined {
  const tags = server.tags ?? {};
  const found = Object.keys(tags).find((k) => k.toLowerCase() === key);
  return found === undefined ? undefined : tags[found];
}

function profileOf(server: Server, rng: Random, nowMs: number): Profile {
  const form = server.hardware.formFactor ?? '';
  const base = form.startsWith('1U') ? 115 : form === 'Tower' ? 140 : form === 'Compute Module' ? 165 : 175;
  const newer = server.serverGeneration === 'GEN_11' || server.serverGeneration === 'GEN_12' ? 1.25 : 1;
  const idleWatts = base * newer * (0.9 + 0.2 * rng.next());
  const env = (tag(server, 'environment') ?? 'production').toLowerCase();
  const baseCpu = env === 'production' ? 30 + 20 * rng.next() : env === 'test' ? 15 + 15 * rng.next() : 8 + 12 * rng.next();
  const created = Date.parse(server.createdAt);
  return {
    idleWatts,
    peakWatts: idleWatts * (2.2 + 0.8 * rng.next()),
    baseCpu,
    swing: baseCpu * (0.3 + 0.3 * rng.next()),
    weekendFactor: env === 'production' ? 0.7 + 0.2 * rng.next() : 0.4 + 0.2 * rng.next(),
    utcOffsetHours: SITE_UTC_OFFSET[(tag(server, 'location') ?? '').toLowerCase()] ?? 0,
    reportsUtilization: server.connectionType !== 'ONEVIEW',
    offFromMs: server.hardware.powerState === 'OFF' ? nowMs - rng.int(1, 10) * DAY * 1000 : Infinity,
    fromMs: Number.isNaN(created) ? -Infinity : created,
  };
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));
const round = (v: number) => Math.round(v * 100) / 100;

/** A server's figures for [startMs, startMs + step); `jitter` is the spread of the noise in percentage points. */
function rowAt(server: Server, p: Profile, rng: Random, startMs: number, step: number, jitter: number): SampleRow {
  const mid = startMs + (step * 1000) / 2;
  const local = mid + p.utcOffsetHours * HOUR * 1000;
  const hour = (local / (HOUR * 1000)) % 24;
  // 1 January 1970 was a Thursday: day 0 → weekday 4.
  const weekday = (Math.floor(local / (DAY * 1000)) + 4) % 7;
  const weekend = weekday === 0 || weekday === 6 ? p.weekendFactor : 1;
  const noise = () => (rng.next() + rng.next() + rng.next() - 1.5) * jitter;
  const off = mid >= p.offFromMs;
  const cpu = off ? 0 : clamp((p.baseCpu + p.swing * Math.cos(((hour - 14) / 24) * 2 * Math.PI)) * weekend + noise());
  const watts = off ? 12 : p.idleWatts + (p.peakWatts - p.idleWatts) * (cpu / 100);
  const kwh = (watts * step) / 3_600_000;
  const util = p.reportsUtilization && !off;
  return {
    serverId: server.id,
    step,
    // Aligned to whole seconds, so the stored form is the ISO text with microseconds spelled out.
    at: `${new Date(startMs).toISOString().slice(0, 19)}.000000Z`,
    seconds: step,
    kwh,
    co2eKg: kwh * CO2E_KG_PER_KWH,
    costUsd: kwh * USD_PER_KWH,
    utilSeconds: util ? step : 0,
    cpu: util ? round(cpu) : null,
    memoryBus: util ? round(clamp(cpu * 0.7 + 6 + noise())) : null,
    ioBus: util ? round(clamp(cpu * 0.35 + 3 + noise())) : null,
    cpuInterconnect: util ? round(clamp(cpu * 0.5 + 2 + noise())) : null,
  };
}

/**
 * Where one call's history starts and where its 5-minute detail starts, for a fleet of `servers`. The detail
 * covers the last day plus the current hour so far; fleets too large for it get hourly rows only.
 */
export function historySpan(servers: number, nowMs: number): { fromMs: number; fiveMinuteFromMs: number; endMs: number } {
  const endMs = floorTo(nowMs, FIVE_MINUTES);
  const perServer = Math.floor(HISTORY_ROW_BUDGET / Math.max(1, servers));
  const detailSlots = (FIVE_MINUTE_HOURS * HOUR) / FIVE_MINUTES + HOUR / FIVE_MINUTES;
  if (perServer < detailSlots + 24) {
    const hourEnd = floorTo(nowMs, HOUR);
    return { fromMs: hourEnd - Math.min(HISTORY_DAYS * 24, perServer) * HOUR * 1000, fiveMinuteFromMs: hourEnd, endMs: hourEnd };
  }
  const fiveMinuteFromMs = floorTo(nowMs, HOUR) - FIVE_MINUTE_HOURS * HOUR * 1000;
  const hourly = Math.min(HISTORY_DAYS * 24 - FIVE_MINUTE_HOURS, perServer - detailSlots);
  return { fromMs: fiveMinuteFromMs - hourly * HOUR * 1000, fiveMinuteFromMs, endMs };
}

/** The rows of one server's history over the span: hourly first, then 5-minute detail up to now. */
export function historyRows(server: Server, seed: number, nowMs: number, span: ReturnType<typeof historySpan>): SampleRow[] {
  const rng = Random.for(seed, hashOf(server.id));
  const p = profileOf(server, rng, nowMs);
  const rows: SampleRow[] = [];
  for (let t = Math.max(span.fromMs, ceilTo(p.fromMs, HOUR)); t < span.fiveMinuteFromMs; t += HOUR * 1000) rows.push(rowAt(server, p, rng, t, HOUR, 2));
  for (let t = Math.max(span.fiveMinuteFromMs, ceilTo(p.fromMs, FIVE_MINUTES)); t < span.endMs; t += FIVE_MINUTES * 1000) {
    rows.push(rowAt(server, p, rng, t, FIVE_MINUTES, 5));
  }
  return rows;
}
