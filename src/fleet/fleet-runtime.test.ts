// The living fleet end to end: loading is idempotent, and simulated time produces health changes with their
// alerts and activities, connection changes, out-of-band power changes and telemetry — all through the
// same store and services as the API reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { countServers } from '../resources/servers/repository.ts';
import { openTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { FleetRuntime } from './fleet-runtime.ts';

const silent = { info: () => {}, error: (obj: object) => console.error(obj) };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

function fleetConfig(env: Record<string, string>) {
  return loadConfig({ OPENCOM_FLEET_LIVE: 'false', ...env }).fleet;
}

describe('virtual fleet runtime', () => {
  it('loads the demo fleet once, with warranties, locations and alerts for degraded servers', async () => {
    const config = fleetConfig({ OPENCOM_DEMO_SERVERS: '40', OPENCOM_DEMO_SEED: '5', OPENCOM_TELEMETRY_SERVERS: '5' });
    const first = await FleetRuntime.start(t.store, config, t.workspaces.A, silent, { autoTick: false });
    await first.stop();
    expect(first.loaded.generated).toBe(40);
    const again = await FleetRuntime.start(t.store, config, t.workspaces.A, silent, { autoTick: false });
    await again.stop();
    expect(again.loaded.generated).toBe(0);
    expect(await countServers(t.store, t.workspaces.A)).toBe(40);
    const degraded = await t.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM servers WHERE workspace_id = ? AND health_summary IN ('WARNING', 'CRITICAL')", [t.workspaces.A]);
    const alerts = await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops-mgmt/v1/alerts' });
    expect(alerts.json().total).toBe(Number(degraded!.n));
    const warranty = await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops-mgmt/v1beta2/server-warranty' });
    expect(warranty.json().total).toBe(40);
    // Nothing leaked into another workspace.
    expect(await countServers(t.store, t.workspaces.B)).toBe(0);
  });

  it('ages the fleet: a month of simulated time changes health, connections and power, and reports telemetry', async () => {
    // One tick at this factor covers 30 simulated days, so every kind of change happens on 40 servers.
    const config = fleetConfig({ OPENCOM_DEMO_SERVERS: '40', OPENCOM_DEMO_SEED: '5', OPENCOM_TIME_FACTOR: String(60 * 24 * 30), OPENCOM_TELEMETRY_SERVERS: '5', OPENCOM_FLEET_LIVE: 'true' });
    const runtime = await FleetRuntime.start(t.store, config, t.workspaces.A, silent, { autoTick: false });
    const before = await t.store.all<{ id: string; generation: number }>('SELECT id, generation FROM servers WHERE workspace_id = ?', [t.workspaces.A]);
    const activitiesBefore = (await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops-mgmt/v1beta2/activities?limit=1' })).json().total;
    await runtime.tick();
    await runtime.stop();
    const after = await t.store.all<{ id: string; generation: number }>('SELECT id, generation FROM servers WHERE workspace_id = ?', [t.workspaces.A]);
    const changed = after.filter((a) => a.generation > before.find((b) => b.id === a.id)!.generation);
    expect(changed.length).toBeGreaterThan(0);
    const activities = (await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops-mgmt/v1beta2/activities?limit=1' })).json().total;
    expect(activities).toBeGreaterThan(activitiesBefore);
    const samples = await t.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM telemetry_samples WHERE workspace_id = ?', [t.workspaces.A]);
    expect(Number(samples!.n)).toBeGreaterThan(0);
  });

  it('serves power actions through the simulator and records the new state', async () => {
    const config = fleetConfig({ OPENCOM_DEMO_SERVERS: '40', OPENCOM_DEMO_SEED: '5', OPENCOM_TIME_FACTOR: '100000' });
    const runtime = await FleetRuntime.start(t.store, config, t.workspaces.A, silent, { autoTick: false });
    const server = await t.store.get<{ id: string; power_state: string }>(
      "SELECT id, power_state FROM servers WHERE workspace_id = ? AND power_state IN ('ON', 'OFF') AND connected = ? AND subscription_state = 'SUBSCRIBED' ORDER BY id LIMIT 1",
      [t.workspaces.A, t.store.dialect === 'sqlite' ? 1 : true],
    );
    const device = { workspaceId: t.workspaces.A, serverId: server!.id };
    const target = server!.power_state === 'ON' ? 'OFF' : 'ON';
    expect((await runtime.driver.power(device, target === 'ON' ? 'On' : 'ForceOff')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    await runtime.stop();
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/servers/${encodeURIComponent(server!.id)}?select=hardware/powerState` });
    expect(res.json()).toMatchObject({ hardware: { powerState: target } });
  });

  it('completes servers registered through POST /servers on its next tick, live or not', async () => {
    const config = fleetConfig({ OPENCOM_DEMO_SERVERS: '0' });
    const runtime = await FleetRuntime.start(t.store, config, t.workspaces.B, silent, { autoTick: false });
    const posted = await t.call(t.callers.adminB, {
      method: 'POST',
      url: '/compute-ops-mgmt/v1/servers',
      headers: { 'content-type': 'application/json' },
      payload: { hardware: { bmc: { userDefined: { host: '10.20.40.17', username: 'admin', password: 'S3cret!pass', certificateFingerprint: '9A:1C:44' } } } },
    });
    expect(posted.statusCode).toBe(202);
    const countCredential = async () =>
      Number((await t.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM servers WHERE workspace_id = ? AND connection_type = 'CREDENTIAL'", [t.workspaces.B]))!.n);
    const before = (await t.call(t.callers.adminB, { method: 'GET', url: '/compute-ops-mgmt/v1/servers?limit=1' })).json().total;
    const credentialBefore = await countCredential();
    await runtime.tick();
    await runtime.stop();
    // The new server has no subscription yet, so its connectionType is gated on the wire: count it in the store.
    expect((await t.call(t.callers.adminB, { method: 'GET', url: '/compute-ops-mgmt/v1/servers?limit=1' })).json().total).toBe(before + 1);
    expect(await countCredential()).toBe(credentialBefore + 1);
    const activities = (await t.call(t.callers.adminB, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent("key eq 'SERVER_ASSIGNED'")}` })).json();
    expect(activities.total).toBeGreaterThanOrEqual(1);
  });
});
