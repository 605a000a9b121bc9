// The metrics store: recordSamples (slots, derived figures, what is skipped), retention by compaction (figures
// survive it unchanged), and seedHistory (deterministic, bounded, realistic).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { historySpan, HISTORY_ROW_BUDGET } from './history.ts';
import { compactSamples, recordSamples, seedHistory } from './service.ts';
import { dateOf, DAY_MS, HOUR_MS, MINUTE_MS, samples, serverUri, utcDay, util, V1BETA1 } from './telemetry.fixtures.ts';

let t: TestApp;
let servers: Server[];

beforeAll(async () => {
  t = await openTestApp();
  servers = await seedServers(t.store, t.workspaces.A, 40, { seed: 21 });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM telemetry_samples');
  await t.store.run("UPDATE servers SET connection_type = 'DIRECT'");
});

interface Row {
  server_id: string;
  step: number;
  at: string;
  seconds: number;
  kwh: number;
  co2e_kg: number;
  cost_usd: number;
  util_seconds: number;
  cpu: number | null;
}
const rows = () => t.store.all<Row>('SELECT server_id, step, at, seconds, kwh, co2e_kg, cost_usd, util_seconds, cpu FROM telemetry_samples ORDER BY server_id, at, step');
const energy = async (query: string) => (await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/energy-over-time?${query}` })).json();
const cpuOf = async (id: string, query: string) =>
  (await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/utilization-by-entity?${query}&resource-uri=${serverUri(id)}&metric-type=CPU_UTILIZATION` })).json();

describe('recordSamples', () => {
  const recent = Math.floor(Date.now() / (5 * MINUTE_MS)) * 5 * MINUTE_MS - HOUR_MS;

  it('stores one row per server and 5-minute slot with energy, CO2e and cost derived from power', async () => {
    const s = servers[0]!;
    await recordSamples(t.store, t.workspaces.A, [{ ...samples(s.id, recent + 2 * MINUTE_MS, 1, 1200, util(30))[0]! }]);
    expect(await rows()).toEqual([
      { server_id: s.id, step: 300, at: new Date(recent).toISOString().replace('Z', '000Z'), seconds: 300, kwh: 0.1, co2e_kg: expect.closeTo(0.04, 9), cost_usd: expect.closeTo(0.015, 9), util_seconds: 300, cpu: 30 },
    ]);
  });

  it('keeps the last sample for a slot, within a batch and across batches', async () => {
    const s = servers[0]!;
    await recordSamples(t.store, t.workspaces.A, [...samples(s.id, recent, 1, 100), ...samples(s.id, recent + MINUTE_MS, 1, 200)]);
    await recordSamples(t.store, t.workspaces.A, samples(s.id, recent, 1, 3600));
    expect((await rows()).map((r) => r.kwh)).toEqual([0.3]);
  });

  it('skips servers outside the workspace, and stores no utilization for OneView-managed servers or partial readings', async () => {
    const [s0, s1] = servers as [Server, Server];
    await t.store.run("UPDATE servers SET connection_type = 'ONEVIEW' WHERE workspace_id = ? AND id = ?", [t.workspaces.A, s1.id]);
    await recordSamples(t.store, t.workspaces.A, [
      ...samples('P00000-B21+NOSUCH', recent, 1, 500, util(10)),
      ...samples(s1.id, recent, 1, 500, util(10)),
      { ...samples(s0.id, recent, 1, 500, util(10))[0]!, ioBusUtilization: null },
    ]);
    await recordSamples(t.store, t.workspaces.B, samples(s0.id, recent + 5 * MINUTE_MS, 1, 500));
    expect((await rows()).map((r) => [r.server_id, r.util_seconds, r.cpu]).sort()).toEqual([[s0.id, 0, null], [s1.id, 0, null]].sort());
  });

  it('refuses impossible readings and stores nothing of the batch', async () => {
    const s = servers[0]!;
    for (const bad of [{ powerWatts: -1 }, { powerWatts: Number.NaN }, { cpuUtilization: 101 }, { memoryBusUtilization: -0.5 }, { at: 'yesterday' }]) {
      await expect(recordSamples(t.store, t.workspaces.A, [...samples(s.id, recent, 1, 100), { ...samples(s.id, recent, 1, 100, util(5))[0]!, ...bad }])).rejects.toThrow();
    }
    expect(await rows()).toEqual([]);
  });
});

describe('retention', () => {
  const D = utcDay(-3);
  const range = `start-date=${dateOf(D)}&end-date=${dateOf(D)}`;

  it('rolls 5-minute rows into hours, hours into days and drops old days, leaving every figure unchanged', async () => {
    const s = servers[0]!;
    const readings = [...samples(s.id, D + 10 * HOUR_MS, 6, 1200, util(10)), ...samples(s.id, D + 10.5 * HOUR_MS, 18, 600, util(70))];
    await t.store.transaction(async (tx) => recordSamples(tx, t.workspaces.A, readings));
    await compactSamples(t.store, t.workspaces.A, Date.now());
    expect((await rows()).map((r) => [r.step, r.at.slice(11, 13)])).toEqual([
      [3600, '10'],
      [3600, '11'],
    ]);
    const hourly = { energy: await energy(range), cpu: await cpuOf(s.id, range) };
    expect(hourly.energy.kwh.sums.collected).toBe(1.5);
    expect(hourly.cpu.items[0].collected.average).toBe(55);

    // Forty days on, the hours are a day; the figures of that day do not change.
    await compactSamples(t.store, t.workspaces.A, Date.now() + 40 * DAY_MS);
    expect((await rows()).map((r) => [r.step, r.seconds, r.util_seconds])).toEqual([[86400, 7200, 7200]]);
    expect((await energy(range)).kwh).toEqual(hourly.energy.kwh);
    expect((await cpuOf(s.id, range)).items[0].collected).toEqual(hourly.cpu.items[0].collected);
    await compactSamples(t.store, t.workspaces.A, Date.now() + 40 * DAY_MS);
    expect(await rows()).toHaveLength(1);

    await compactSamples(t.store, t.workspaces.A, Date.now() + 200 * DAY_MS);
    expect(await rows()).toEqual([]);
  });

  it('skips a sample whose hour was already rolled up, so rows never overlap', async () => {
    const s = servers[0]!;
    await recordSamples(t.store, t.workspaces.A, samples(s.id, D + 10 * HOUR_MS, 1, 1200));
    await compactSamples(t.store, t.workspaces.A, Date.now());
    await recordSamples(t.store, t.workspaces.A, samples(s.id, D + 10 * HOUR_MS + 30 * MINUTE_MS, 1, 1200));
    expect((await rows()).map((r) => [r.step, r.kwh])).toEqual([[3600, 0.1]]);
  });
});

describe('seedHistory', () => {
  const overlap = () =>
    t.store.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM telemetry_samples f JOIN telemetry_samples h ON h.workspace_id = f.workspace_id AND h.server_id = f.server_id
        AND h.step = 3600 AND f.step = 300 AND h.at = substr(f.at, 1, 13) || ':00:00.000000Z'`,
    );

  it('writes 30 days of deterministic history for subscribed servers only, with 5-minute detail for the last day', async () => {
    const now = Date.now();
    await seedHistory(t.store, t.workspaces.A, servers, now, 5);
    const first = await rows();
    await seedHistory(t.store, t.workspaces.A, servers, now, 5);
    expect(await rows()).toEqual(first);
    const subscribed = new Set(servers.filter((s) => s.state.subscriptionState === 'SUBSCRIBED').map((s) => s.id));
    expect(first.every((r) => subscribed.has(r.server_id))).toBe(true);
    expect(new Set(first.map((r) => r.server_id)).size).toBe(subscribed.size);
    const oldest = Math.min(...first.map((r) => Date.parse(r.at)));
    expect(oldest).toBeGreaterThanOrEqual(now - 30 * DAY_MS - HOUR_MS);
    expect(oldest).toBeLessThan(now - 29 * DAY_MS);
    expect(first.filter((r) => r.step === 300).every((r) => Date.parse(r.at) >= now - 25 * HOUR_MS)).toBe(true);
    expect((await overlap())!.n).toBe(0);
    for (const s of servers) {
      const own = first.filter((r) => r.server_id === s.id);
      if (own.length) expect(Date.parse(own[0]!.at)).toBeGreaterThanOrEqual(Date.parse(s.createdAt) - HOUR_MS);
    }
    await seedHistory(t.store, t.workspaces.A, servers, now, 6);
    expect(await rows()).not.toEqual(first);
  });

  it('gives realistic figures: every subscribed server draws power, utilization is a percentage', async () => {
    await seedHistory(t.store, t.workspaces.A, servers, Date.now(), 5);
    const week = await energy(`start-date=${dateOf(utcDay(-7))}&end-date=${dateOf(utcDay(-1))}`);
    expect(week.intervalsCollected).toHaveLength(7);
    const perServerDay = week.kwh.averages.collected / week.intervalsCollected[0].serverCount;
    expect(perServerDay).toBeGreaterThan(1);
    expect(perServerDay).toBeLessThan(20);
    const bounds = await t.store.get<{ lo: number; hi: number }>('SELECT MIN(cpu) AS lo, MAX(cpu) AS hi FROM telemetry_samples WHERE cpu IS NOT NULL');
    expect(bounds!.lo).toBeGreaterThanOrEqual(0);
    expect(bounds!.hi).toBeLessThanOrEqual(100);
  });

  it('shortens the history of large fleets to stay within its row budget', () => {
    const now = Date.now();
    const span = (n: number) => historySpan(n, now);
    const rowsPer = (n: number) => {
      const s = span(n);
      return (s.fiveMinuteFromMs - s.fromMs) / HOUR_MS + (s.endMs - s.fiveMinuteFromMs) / (5 * MINUTE_MS);
    };
    expect((span(200).endMs - span(200).fromMs) / DAY_MS).toBeGreaterThan(29.9);
    for (const n of [1, 200, 1000, 100_000]) expect(rowsPer(n) * n).toBeLessThanOrEqual(HISTORY_ROW_BUDGET);
    expect(span(1000).fromMs).toBeGreaterThan(span(200).fromMs);
  });
});
