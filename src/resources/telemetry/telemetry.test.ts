// telemetry v1beta1, happy paths: fixed samples give exactly the expected sums, means and extremes on every
// endpoint, aggregation, tag filter, sort and paging behave as telemetry.md documents. Every success response
// is checked against HPE's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { recordSamples } from './service.ts';
import { dateOf, expectHpeBody, HOUR_MS, samples, serverUri, utcDay, util, V1BETA1, wireTime, type EnergyPage, type EnergySeries, type UtilizationPage, type UtilizationSeries } from './telemetry.fixtures.ts';

let t: TestApp;
let servers: Server[];
const D0 = utcDay(-3);
const D1 = utcDay(-2);
const range = `start-date=${dateOf(D0)}&end-date=${dateOf(D1)}`;

beforeAll(async () => {
  t = await openTestApp();
  const tags: Record<string, string>[] = [{ Rack: 'R1', Row: 'A' }, { Rack: 'R1', Row: 'B' }, { Rack: 'R2', Row: 'A' }, { Rack: 'R2' }];
  servers = await seedServers(t.store, t.workspaces.A, 4, { seed: 7, overrides: (i) => ({ subscriptionState: 'SUBSCRIBED', tags: tags[i]! }) });
  // The generator makes some servers OneView-managed, which report no utilization; these four are direct.
  await t.store.run("UPDATE servers SET connection_type = 'DIRECT' WHERE workspace_id = ?", [t.workspaces.A]);
  const [s0, s1] = servers as [Server, Server];
  // s0: 12 × 0.1 kWh on D0 (CPU 10 % then 40 %), 6 × 0.2 kWh on D1 (CPU 70 %); s1: 12 × 0.05 kWh on D0; s2, s3: nothing.
  await recordSamples(t.store, t.workspaces.A, [
    ...samples(s0.id, D0 + 10 * HOUR_MS, 6, 1200, util(10)),
    ...samples(s0.id, D0 + 10.5 * HOUR_MS, 6, 1200, util(40)),
    ...samples(s0.id, D1 + 10 * HOUR_MS, 6, 2400, util(70)),
    ...samples(s1.id, D0 + 11 * HOUR_MS, 12, 600, util(30)),
  ]);
});
afterAll(() => t.close());

const get = (url: string) => t.call(t.callers.adminA, { method: 'GET', url });

describe('energy-over-time', () => {
  it('sums fixed samples per day exactly, with per-day averages and the extreme buckets', async () => {
    const body = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${range}&sample-size=1_DAY`), 'energy-over-time-v1beta1');
    expect(body.intervalsCollected).toEqual([
      { time: wireTime(D0), kwh: 1.8, co2eKg: 0.72, cost: 0.27, serverCount: 2 },
      { time: wireTime(D1), kwh: 1.2, co2eKg: 0.48, cost: 0.18, serverCount: 1 },
    ]);
    expect(body.intervalsProjected).toEqual([]);
    expect(body.kwh).toEqual({
      sums: { collected: 3, projected: 0, total: 3 },
      averages: { collected: 1.5, projected: 0 },
      min: { value: 1.2, time: wireTime(D1) },
      max: { value: 1.8, time: wireTime(D0) },
    });
    expect(body.co2eKg.sums).toEqual({ collected: 1.2, projected: 0, total: 1.2 });
    expect(body.cost.sums).toEqual({ collected: 0.45, projected: 0, total: 0.45 });
  });

  it('buckets by hour with 1_HOUR and scales the average to a day', async () => {
    const start = `${dateOf(D0)}T00:00:00Z`;
    const end = `${dateOf(D1)}T12:00:00Z`;
    const body = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?start-date=${start}&end-date=${end}&sample-size=1_HOUR`), 'energy-over-time-v1beta1');
    expect(body.intervalsCollected.map((i: Record<string, unknown>) => [i.time, i.kwh, i.serverCount])).toEqual([
      [wireTime(D0 + 10 * HOUR_MS), 1.2, 1],
      [wireTime(D0 + 11 * HOUR_MS), 0.6, 1],
      [wireTime(D1 + 10 * HOUR_MS), 1.2, 1],
    ]);
    expect(body.kwh.averages.collected).toBe(24);
  });

  it('keeps 5-minute detail for a day only: older samples answer per hour, not per 5 minutes', async () => {
    const start = `${dateOf(D0)}T10:00:00Z`;
    const body = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?start-date=${start}&end-date=${dateOf(D0)}T12:00:00Z&sample-size=5_MINS`), 'energy-over-time-v1beta1');
    expect(body.intervalsCollected).toEqual([]);
  });

  it('narrows to one server with resource-uri and to tagged servers with filter-tags', async () => {
    const one = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${range}&resource-uri=${serverUri(servers[1]!.id)}`), 'energy-over-time-v1beta1');
    expect(one.kwh.sums.collected).toBe(0.6);
    const tagged = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${range}&filter-tags=${encodeURIComponent("(('Rack' eq 'R1') AND ('Row' eq 'A'))")}`), 'energy-over-time-v1beta1');
    expect(tagged.kwh.sums.collected).toBe(2.4);
    const none = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${range}&filter-tags=${encodeURIComponent("'Rack' in ('R9')")}`), 'energy-over-time-v1beta1');
    expect(none).toMatchObject({ intervalsCollected: [], kwh: { sums: { collected: 0, total: 0 } } });
  });

  it('accepts the legacy prefix, a missing sample-size, a missing end-date (today) and the placeholder resource-uri', async () => {
    const body = expectHpeSchema<EnergySeries>(await get(`/compute-ops/v1beta1/energy-over-time?start-date=${dateOf(D0)}`), 'energy-over-time-v1beta1');
    expect(body.kwh.sums.collected).toBe(3);
    expect(body.intervalsProjected).toEqual([]);
    // The reference's placeholder default resource-uri means every server, as an absent one does.
    const placeholder = encodeURIComponent('/compute-ops-mgmt/v1beta1/filters/e7cef8e6-a3f6-4490-b669-136e3ca40617');
    const all = expectHpeSchema<EnergySeries>(await get(`${V1BETA1}/energy-over-time?${range}&resource-uri=${placeholder}`), 'energy-over-time-v1beta1');
    expect(all.kwh.sums.collected).toBe(3);
  });
});

describe('energy-by-entity', () => {
  it('lists servers with sums, extremes, percents and status, and grand totals over every entity', async () => {
    const body = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}`), 'energy-by-entity-v1beta1');
    const [s0, s1] = servers as [Server, Server];
    expect(body).toMatchObject({ count: 2, offset: 0, total: 2, excluded: 2, kwhSums: { collected: 3, projected: 0, total: 3 }, costSums: { collected: 0.45 } });
    // Default sort co2eKg/collected asc.
    expect(body.items.map((i) => i.id)).toEqual([s1.id, s0.id]);
    expect(body.items[1]).toEqual({
      id: s0.id,
      name: s0.name,
      type: 'SERVER',
      serverCount: 1,
      entityDetails: { generation: s0.serverGeneration, location: '', model: s0.hardware.model, processor: s0.processorVendor },
      kwh: { collected: 2.4, projected: 0, total: 2.4, min: 1.2, max: 1.2, average: 1.2, percents: { collected: 80, projected: 0, total: 80 } },
      co2eKg: { collected: 0.96, projected: 0, total: 0.96, min: 0.48, max: 0.48, average: 0.48, percents: { collected: 80, projected: 0, total: 80 } },
      cost: { collected: 0.36, projected: 0, total: 0.36, min: 0.18, max: 0.18, average: 0.18, percents: { collected: 80, projected: 0, total: 80 } },
      status: 'COMPLETE',
      statusReason: '',
    });
    expect(body.items[0]).toMatchObject({ id: s1.id, kwh: { collected: 0.6, percents: { collected: 20 } }, status: 'PARTIAL', statusReason: 'DATA_INSUFFICIENT' });
  });

  it('sorts, pages (clamping a large limit) and filters on entity details', async () => {
    const [s0, s1] = servers as [Server, Server];
    const desc = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&sort=${encodeURIComponent('kwh/collected desc')}&limit=1&offset=1`), 'energy-by-entity-v1beta1');
    expect(desc).toMatchObject({ count: 1, offset: 1, total: 2, items: [{ id: s1.id }] });
    const all = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&limit=5000&sort=name%20desc`), 'energy-by-entity-v1beta1');
    expect(all.items.map((i) => i.name)).toEqual([s0.name, s1.name].sort().reverse());
    const filter = encodeURIComponent(`entityDetails/model eq '${s0.hardware.model}' and entityDetails/generation eq '${s0.serverGeneration.toLowerCase()}'`);
    const filtered = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&filter=${filter}`), 'energy-by-entity-v1beta1');
    expect(filtered.items.map((i) => i.id)).toContain(s0.id);
    expect(filtered.items.every((i) => i.entityDetails?.model === s0.hardware.model)).toBe(true);
  });

  it('aggregates by model, generation, processor and tag values', async () => {
    const [s0, s1] = servers as [Server, Server];
    const expected = (key: (s: Server) => string | null) => {
      const groups = new Map<string, number>();
      for (const [s, kwh] of [[s0, 2.4], [s1, 0.6]] as const) groups.set(key(s) ?? 'Unknown', (groups.get(key(s) ?? 'Unknown') ?? 0) + kwh);
      return [...groups].map(([id, kwh]) => ({ id, kwh: Math.round(kwh * 10) / 10 })).sort((a, b) => a.kwh - b.kwh || a.id.localeCompare(b.id));
    };
    const cases: [string, (s: Server) => string | null][] = [
      ['SERVER_MODEL', (s) => s.hardware.model],
      ['SERVER_GENERATION', (s) => s.serverGeneration],
      ['SERVER_PROCESSOR', (s) => s.processorVendor],
    ];
    for (const [by, key] of cases) {
      const body = expectHpeSchema<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&aggregate-by=${by}`), 'energy-by-entity-v1beta1');
      expect(body.items.map((i) => ({ id: i.id, kwh: i.kwh!.collected })), by).toEqual(expected(key));
      expect(body.items.every((i) => i.type === by && i.entityDetails === undefined)).toBe(true);
      expect(body.kwhSums.collected).toBe(3);
    }
    const racks = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&aggregate-by=SERVER_TAG_VALUES&aggregation-tag-names=Rack,Row&sort=name%20asc`), 'energy-by-entity-v1beta1');
    expect(racks.items.map((i) => [i.id, i.name, i.serverCount, i.kwh!.collected, i.entityDetails])).toEqual([
      ['Rack=R1&Row=A', 'R1, A', 1, 2.4, { tags: [{ name: 'Rack', value: 'R1' }, { name: 'Row', value: 'A' }] }],
      ['Rack=R1&Row=B', 'R1, B', 1, 0.6, { tags: [{ name: 'Rack', value: 'R1' }, { name: 'Row', value: 'B' }] }],
    ]);
    const rack = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&aggregate-by=SERVER_TAG_VALUES&aggregation-tag-names=Rack`), 'energy-by-entity-v1beta1');
    expect(rack).toMatchObject({ total: 1, excluded: 2, items: [{ id: 'Rack=R1', serverCount: 2, kwh: { collected: 3, percents: { collected: 100 } }, status: 'PARTIAL' }] });
  });

  it('lists the servers without data when excluded-servers=true', async () => {
    const body = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&excluded-servers=true&sort=name%20asc`), 'energy-by-entity-v1beta1');
    expect(body).toMatchObject({ count: 2, total: 2, excluded: 2, kwhSums: { collected: 3 } });
    expect(body.items.map((i) => i.id).sort()).toEqual([servers[2]!.id, servers[3]!.id].sort());
    for (const item of body.items) {
      expect(item).toMatchObject({ type: 'SERVER', serverCount: 1, status: 'PARTIAL', statusReason: 'DATA_INSUFFICIENT' });
      expect(item.kwh).toBeUndefined();
    }
  });

  it('answers limit=0 with totals and no items, and an offset past the end with an empty page', async () => {
    const zero = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&limit=0`), 'energy-by-entity-v1beta1');
    expect(zero).toMatchObject({ count: 0, total: 2, excluded: 2, items: [], kwhSums: { collected: 3 } });
    const past = expectHpeBody<EnergyPage>(await get(`${V1BETA1}/energy-by-entity?${range}&offset=10`), 'energy-by-entity-v1beta1');
    expect(past).toMatchObject({ count: 0, offset: 10, total: 2, items: [], co2eKgSums: { collected: 1.2 } });
  });
});

describe('utilization', () => {
  const cpu = (id: string) => `${range}&resource-uri=${serverUri(id)}&metric-type=CPU_UTILIZATION`;

  it('over time: the mean per day and over the range, time-weighted', async () => {
    const s0 = servers[0]!;
    const body = expectHpeSchema<UtilizationSeries>(await get(`${V1BETA1}/utilization-over-time?${cpu(s0.id)}`), 'utilization-over-time-v1beta1');
    expect(body).toEqual({
      metricType: 'CPU_UTILIZATION',
      metricUnit: 'Percentage',
      items: [
        {
          resource: { id: s0.id, type: 'compute-ops-mgmt/server' },
          averages: { collected: 40 },
          intervalsCollected: [
            { time: wireTime(D0), value: 25 },
            { time: wireTime(D1), value: 70 },
          ],
        },
      ],
    });
    const hourly = expectHpeSchema<UtilizationSeries>(
      await get(`${V1BETA1}/utilization-over-time?start-date=${dateOf(D0)}T00:00:00Z&end-date=${dateOf(D0)}T23:00:00Z&resource-uri=${serverUri(s0.id)}&metric-type=MEMORY_BUS_UTILIZATION`),
      'utilization-over-time-v1beta1',
    );
    expect(hourly.items[0]!.intervalsCollected).toEqual([{ time: wireTime(D0 + 10 * HOUR_MS), value: 12.5 }]);
  });

  it('over time: no item for a resource without data', async () => {
    const body = expectHpeSchema(await get(`${V1BETA1}/utilization-over-time?${cpu(servers[3]!.id)}`), 'utilization-over-time-v1beta1');
    expect(body).toEqual({ metricType: 'CPU_UTILIZATION', metricUnit: 'Percentage', items: [] });
  });

  it('by entity: high and low daily means, the overall mean, status and the metric-specific metadata', async () => {
    const s0 = servers[0]!;
    const body = expectHpeBody<UtilizationPage>(await get(`${V1BETA1}/utilization-by-entity?${cpu(s0.id)}`), 'utilization-by-entity-v1beta1');
    expect(body).toMatchObject({ count: 1, offset: 0, total: 1, excluded: 0, metricDetails: { metricType: 'CPU_UTILIZATION', metricUnit: 'Percentage' } });
    const item = body.items[0]!;
    expect(item).toMatchObject({ id: s0.id, name: s0.name, type: 'SERVER', collected: { high: 70, low: 25, average: 40 }, status: 'COMPLETE', statusReason: '' });
    expect(item.metadata.processorCount).toBe(item.metadata.processorDetails!.length);
    expect(item.metadata.processorDetails![0]).toEqual({ cpu: expect.any(String), coreCount: expect.any(Number), speedGHz: expect.any(Number) });
    for (const [metric, keys] of [
      ['MEMORY_BUS_UTILIZATION', ['memoryCount', 'memoryDetails', 'totalMemorySizeGB']],
      ['IO_BUS_UTILIZATION', ['pcieDevicesCount']],
      ['CPU_INTERCONNECT_UTILIZATION', ['processorCount']],
    ] as const) {
      const res = expectHpeBody<UtilizationPage>(await get(`${V1BETA1}/utilization-by-entity?${range}&resource-uri=${serverUri(s0.id)}&metric-type=${metric}`), 'utilization-by-entity-v1beta1');
      expect(Object.keys(res.items[0]!.metadata).sort(), metric).toEqual([...keys].sort());
    }
    const partial = expectHpeBody<UtilizationPage>(await get(`${V1BETA1}/utilization-by-entity?${cpu(servers[1]!.id)}`), 'utilization-by-entity-v1beta1');
    expect(partial.items[0]).toMatchObject({ collected: { high: 30, low: 30, average: 30 }, status: 'PARTIAL', statusReason: 'DATA_INSUFFICIENT' });
  });

  it('by entity: a server without data is excluded, and listed with excluded-servers=true', async () => {
    const s3 = servers[3]!;
    const body = expectHpeBody(await get(`${V1BETA1}/utilization-by-entity?${cpu(s3.id)}`), 'utilization-by-entity-v1beta1');
    expect(body).toMatchObject({ count: 0, total: 0, excluded: 1, items: [] });
    const listed = expectHpeBody<UtilizationPage>(await get(`${V1BETA1}/utilization-by-entity?${cpu(s3.id)}&excluded-servers=true`), 'utilization-by-entity-v1beta1');
    expect(listed).toMatchObject({ count: 1, total: 1, excluded: 1, items: [{ id: s3.id, status: 'PARTIAL' }] });
    expect(listed.items[0]!.collected).toBeUndefined();
  });
});
