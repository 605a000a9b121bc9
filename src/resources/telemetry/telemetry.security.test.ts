// telemetry v1beta1, access: figures never cross workspaces (another workspace's server is as unknown as a
// missing one), an MSP acts in its tenant only through Tenant-Acid, every role may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from '../servers/model.ts';
import { recordSamples } from './service.ts';
import { dateOf, expectHpeBody, HOUR_MS, samples, serverUri, utcDay, util, V1BETA1, type EnergyPage, type EnergySeries, type UtilizationPage, type UtilizationSeries } from './telemetry.fixtures.ts';

let t: TestApp;
let a: Server;
let b: Server;
let tenant: Server;
const range = `start-date=${dateOf(utcDay(-2))}&end-date=${dateOf(utcDay(-1))}`;

beforeAll(async () => {
  t = await openTestApp();
  const subscribed = { overrides: () => ({ subscriptionState: 'SUBSCRIBED' as const }) };
  // The same seed in A and B gives both a server with the same id: only the workspace tells them apart.
  [a] = (await seedServers(t.store, t.workspaces.A, 1, { seed: 9, ...subscribed })) as [Server];
  [b] = (await seedServers(t.store, t.workspaces.B, 1, { seed: 9, ...subscribed })) as [Server];
  [tenant] = (await seedServers(t.store, t.workspaces.T1, 1, { seed: 13, ...subscribed })) as [Server];
  await t.store.run("UPDATE servers SET connection_type = 'DIRECT'");
  await recordSamples(t.store, t.workspaces.A, samples(a.id, utcDay(-2) + 8 * HOUR_MS, 12, 1200, util(60)));
  await recordSamples(t.store, t.workspaces.B, samples(b.id, utcDay(-2) + 8 * HOUR_MS, 12, 600, util(20)));
  await recordSamples(t.store, t.workspaces.T1, samples(tenant.id, utcDay(-2) + 8 * HOUR_MS, 12, 2400, util(90)));
  // Samples naming a server of another workspace are skipped, not stored under the caller's workspace.
  await recordSamples(t.store, t.workspaces.M, samples(a.id, utcDay(-2) + 8 * HOUR_MS, 12, 9999));
});
afterAll(() => t.close());

const call = (caller: Caller, url: string, headers: Record<string, string> = {}) => t.call(caller, { method: 'GET', url, headers });
const collected = async (caller: Caller, headers: Record<string, string> = {}) => {
  const body = expectHpeSchema<EnergySeries>(await call(caller, `${V1BETA1}/energy-over-time?${range}`, headers), 'energy-over-time-v1beta1');
  return body.kwh.sums.collected as number;
};

describe('workspace isolation', () => {
  it("sums only the caller's own workspace", async () => {
    expect(await collected(t.callers.adminA)).toBe(1.2);
    expect(await collected(t.callers.adminB)).toBe(0.6);
    expect(await collected(t.callers.mspAdmin)).toBe(0);
    const page = expectHpeBody<EnergyPage>(await call(t.callers.adminB, `${V1BETA1}/energy-by-entity?${range}`), 'energy-by-entity-v1beta1');
    expect(page).toMatchObject({ total: 1, excluded: 0, kwhSums: { collected: 0.6 }, items: [{ id: b.id, kwh: { collected: 0.6 } }] });
  });

  it("resolves a server URI inside the caller's workspace only", async () => {
    const util = (caller: Caller, id: string) => call(caller, `${V1BETA1}/utilization-by-entity?${range}&resource-uri=${serverUri(id)}&metric-type=CPU_UTILIZATION`);
    expect(expectHpeBody<UtilizationPage>(await util(t.callers.adminA, a.id), 'utilization-by-entity-v1beta1').items[0]!.collected!.average).toBe(60);
    // Same id, other workspace: B sees its own server's figures, never A's.
    expect(expectHpeBody<UtilizationPage>(await util(t.callers.adminB, a.id), 'utilization-by-entity-v1beta1').items[0]!.collected!.average).toBe(20);
    expect(expectHpeBody<UtilizationPage>(await util(t.callers.tenant1Admin, tenant.id), 'utilization-by-entity-v1beta1').items[0]!.collected!.average).toBe(90);
  });

  it('refuses another workspace\'s server on every operation with the same 400 as a missing one', async () => {
    for (const url of [
      `${V1BETA1}/energy-over-time?${range}&resource-uri=${serverUri(tenant.id)}`,
      `${V1BETA1}/energy-by-entity?${range}&resource-uri=${serverUri(tenant.id)}`,
      `${V1BETA1}/utilization-over-time?${range}&resource-uri=${serverUri(tenant.id)}&metric-type=CPU_UTILIZATION`,
      `${V1BETA1}/utilization-by-entity?${range}&resource-uri=${serverUri(tenant.id)}&metric-type=CPU_UTILIZATION`,
    ]) {
      for (const caller of [t.callers.adminA, t.callers.adminB, t.callers.mspAdmin]) {
        expectComError(await call(caller, url), 400, { key: 'INVALID_QUERY', subjects: ['resource-uri'] });
      }
    }
  });
});

describe('tenancy and roles', () => {
  it('lets an MSP read its tenant through Tenant-Acid, and nothing else', async () => {
    expect(await collected(t.callers.mspAdmin, { 'tenant-acid': t.workspaces.T1 })).toBe(2.4);
    expect(await collected(t.callers.tenant1Admin)).toBe(2.4);
    expect(await collected(t.callers.mspAdmin, { 'tenant-acid': t.workspaces.T2 })).toBe(0);
    const inTenant = await call(t.callers.mspAdmin, `${V1BETA1}/utilization-over-time?${range}&resource-uri=${serverUri(tenant.id)}&metric-type=CPU_UTILIZATION`, {
      'tenant-acid': t.workspaces.T1,
    });
    expect(expectHpeSchema<UtilizationSeries>(inTenant, 'utilization-over-time-v1beta1').items[0]!.averages.collected).toBe(90);
    expectComError(await call(t.callers.adminB, `${V1BETA1}/energy-over-time?${range}`, { 'tenant-acid': t.workspaces.T1 }), 403, { key: 'TENANT_FORBIDDEN' });
  });

  it('lets every role read and refuses callers without a token', async () => {
    for (const caller of [t.callers.adminA, t.callers.operatorA, t.callers.observerA]) expect(await collected(caller)).toBe(1.2);
    for (const path of ['energy-over-time', 'energy-by-entity', 'utilization-over-time', 'utilization-by-entity']) {
      expectComError(await t.call(null, { method: 'GET', url: `${V1BETA1}/${path}?${range}` }), 401, { key: 'UNAUTHORIZED' });
    }
  });
});
