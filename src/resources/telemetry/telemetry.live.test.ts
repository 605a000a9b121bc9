// telemetry v1beta1, happy paths over recent data: projections into the future with confidence bands,
// 5-minute detail, and servers' GreenLake locations as entity details and aggregation key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { findServerLocations, seedLocations } from '../server-locations/service.ts';
import type { Server } from '../servers/model.ts';
import { recordSamples } from './service.ts';
import { dateOf, expectHpeBody, HOUR_MS, MINUTE_MS, samples, serverUri, utcDay, util, V1BETA1, wireTime, type EnergyPage, type EnergySeries, type UtilizationSeries } from './telemetry.fixtures.ts';

let t: TestApp;
let servers: Server[];
// Two hours of 5-minute samples ending at the last full slot: 24 × 0.1 kWh for p0.
const recent = Math.floor(Date.now() / (5 * MINUTE_MS)) * 5 * MINUTE_MS - 2 * HOUR_MS;

beforeAll(async () => {
  t = await openTestApp();
  const tags: Record<string, string>[] = [{ location: 'Houston', room: 'DC1-H1' }, { location: 'Tokyo', room: 'TYO-1' }, { env: 'lab' }];
  servers = await seedServers(t.store, t.workspaces.A, 3, { seed: 11, overrides: (i) => ({ subscriptionState: 'SUBSCRIBED', tags: tags[i]! }) });
  await seedLocations(t.store, t.workspaces.A, servers, 11);
  const [p0, p1, p2] = servers as [Server, Server, Server];
  await recordSamples(t.store, t.workspaces.A, [
    ...samples(p0.id, recent, 24, 1200, util(50)),
    // p1 draws 600 W one day and 1800 W the next, so the fleet's daily mean power varies.
    ...samples(p1.id, utcDay(-3) + 8 * HOUR_MS, 12, 600),
    ...samples(p1.id, utcDay(-2) + 8 * HOUR_MS, 12, 1800),
    ...samples(p2.id, utcDay(-2) + 9 * HOUR_MS, 12, 300),
  ]);
});
afterAll(() => t.close());

const get = (url: string) => t.call(t.callers.adminA, { method: 'GET', url });

describe('projections', () => {
  const future = `start-date=${dateOf(utcDay(-1))}&end-date=${dateOf(utcDay(2))}`;

  it('extrapolates the last week\'s mean power over every future bucket: total = collected + projected', async () => {
    const p0 = servers[0]!;
    const body = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${future}&resource-uri=${serverUri(p0.id)}`), 'energy-over-time-v1beta1');
    // 1200 W for a day is 28.8 kWh, 11.52 kgCO2e and 4.32 USD; tomorrow and the day after are projected.
    const day = { kwh: 28.8, co2eKg: 11.52, cost: 4.32, serverCount: 1, kwhConfidenceInterval: [28.8, 28.8], co2eKgConfidenceInterval: [11.52, 11.52], costConfidenceInterval: [4.32, 4.32] };
    expect(body.intervalsProjected).toEqual([
      { time: wireTime(utcDay(1)), ...day },
      { time: wireTime(utcDay(2)), ...day },
    ]);
    expect(body.kwh.sums).toEqual({ collected: 2.4, projected: 57.6, total: 60 });
    expect(body.kwh.averages.projected).toBe(28.8);
    expect(body.cost.sums).toEqual({ collected: 0.36, projected: 8.64, total: 9 });
  });

  it('widens the confidence band when daily mean power varies', async () => {
    const body = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${future}`), 'energy-over-time-v1beta1');
    const first = body.intervalsProjected[0]!;
    expect(first.serverCount).toBe(3);
    expect(first.kwhConfidenceInterval[0]).toBeLessThan(first.kwh);
    expect(first.kwhConfidenceInterval[1]).toBeGreaterThan(first.kwh);
    expect(body.kwh.sums.total).toBeCloseTo(body.kwh.sums.collected + body.kwh.sums.projected, 3);
  });

  it('projects per entity too, with percents of the projected totals', async () => {
    const body = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${future}&resource-uri=${serverUri(servers[0]!.id)}`), 'energy-by-entity-v1beta1');
    expect(body.kwhSums).toEqual({ collected: 2.4, projected: 57.6, total: 60 });
    expect(body.items[0]!.kwh).toMatchObject({ collected: 2.4, projected: 57.6, total: 60, percents: { collected: 100, projected: 100, total: 100 } });
  });

  it('still accepts the deprecated projection-days instead of end-date', async () => {
    const body = expectHpeSchema<EnergySeries>(
      await get(`${V1BETA1}/energy-over-time?start-date=${dateOf(utcDay(-1))}&projection-days=2&resource-uri=${serverUri(servers[0]!.id)}`),
      'energy-over-time-v1beta1',
    );
    expect(body.kwh.sums.projected).toBe(57.6);
  });
});

describe('recent detail', () => {
  it('answers 5_MINS from the 5-minute samples of the last day', async () => {
    const p0 = servers[0]!;
    const start = new Date(recent).toISOString().slice(0, 19) + 'Z';
    const end = new Date(recent + 2 * HOUR_MS).toISOString().slice(0, 19) + 'Z';
    const body = expectHpeSchema<EnergySeries>(
      await get(`${V1BETA1}/energy-over-time?start-date=${start}&end-date=${end}&sample-size=5_MINS&resource-uri=${serverUri(p0.id)}`),
      'energy-over-time-v1beta1',
    );
    expect(body.intervalsCollected).toHaveLength(24);
    expect(body.intervalsCollected[0]).toEqual({ time: wireTime(recent), kwh: 0.1, co2eKg: 0.04, cost: 0.015, serverCount: 1 });
    expect(body.kwh.sums.collected).toBe(2.4);
    const usage = expectHpeSchema<UtilizationSeries>(
      await get(`${V1BETA1}/utilization-over-time?start-date=${start}&end-date=${end}&resource-uri=${serverUri(p0.id)}&metric-type=IO_BUS_UTILIZATION`),
      'utilization-over-time-v1beta1',
    );
    expect(usage.items[0]!.averages.collected).toBe(12.5);
  });

  it('accepts date-times with offsets, without a zone, and with a form-decoded +', async () => {
    const day = dateOf(utcDay(-2));
    for (const [start, end] of [
      [`${day}T08:00:00%2B00:00`, `${day}T12:00:00Z`],
      [`${day}T08:00:00`, `${day}T12:00:00.000Z`],
      [`${day}T09:00:00+01:00`, `${day}T11:00:00-01:00`],
    ]) {
      const body = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?start-date=${start}&end-date=${end}&sample-size=1_HOUR`), 'energy-over-time-v1beta1');
      expect(body.intervalsCollected.map((i: Record<string, unknown>) => i.time), start).toEqual([wireTime(utcDay(-2) + 8 * HOUR_MS), wireTime(utcDay(-2) + 9 * HOUR_MS)]);
    }
  });
});

describe('locations', () => {
  const range = `start-date=${dateOf(utcDay(-3))}&end-date=${dateOf(utcDay(0))}`;

  it("shows each server's GreenLake location, filters on it and aggregates by it", async () => {
    const [p0, p1] = servers as [Server, Server];
    const names = await findServerLocations(t.store, t.workspaces.A, [p0.id, p1.id]);
    const houston = names.get(p0.id)!.name;
    const all = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&sort=name%20asc&limit=10`), 'energy-by-entity-v1beta1');
    const p0Item = all.items.find((i) => i.id === p0.id)!;
    expect(p0Item.entityDetails).toMatchObject({ location: houston });
    const filtered = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&filter=${encodeURIComponent(`entityDetails/location eq '${houston}'`)}`), 'energy-by-entity-v1beta1');
    expect(filtered.items.map((i) => i.id)).toEqual([p0.id]);
    const byLocation = expectHpeSchema<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&aggregate-by=SERVER_LOCATION&sort=name%20asc`), 'energy-by-entity-v1beta1');
    expect(byLocation.items.map((i) => [i.id, i.serverCount]).sort()).toEqual(
      [
        [houston, 1],
        [names.get(p1.id)!.name, 1],
        ['Unknown', 1],
      ].sort(),
    );
  });
});
