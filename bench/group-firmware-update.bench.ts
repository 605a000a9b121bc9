// A group firmware update across 1,000 virtual servers at the fastest simulated time (issue 4).
// Baseline, measured in the same run: the same 1,000 updates driven straight through the device driver —
// inventory read, plan, start, poll to the end — with no jobs, no store writes and no HTTP. The engine run
// creates the job over HTTP and follows it to COMPLETE through the real engine (polling loop, leases,
// child jobs, store writes, activities) on an on-disk SQLite database.
//   ratio = engine wall time / direct-driver wall time
// It also prints the engine's overhead beyond the simulated duration (issue target < 2 s) and jobs/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApplication } from '../src/application.ts';
import { loadConfig, MAX_TIME_FACTOR } from '../src/config.ts';
import { acceleratedClock } from '../src/devices/clock.ts';
import { generateFleet, provisionServers } from '../src/fleet/demo-fleet.ts';
import { simulatorFor } from '../src/fleet/fleet-runtime.ts';
import { JobEngine } from '../src/job-engine/engine.ts';
import { findChildren, findJob } from '../src/job-engine/repository.ts';
import { findBundle, planFirmwareUpdate } from '../src/resources/firmware-bundles/baseline.ts';
import { openStore } from '../src/store/open-store.ts';

const SERVERS = 1000;
const CLIENT_ID = 'bench-client';
const CLIENT_SECRET = 'bench-secret-0123456789';
const QUIET = { debug() {}, info() {}, warn() {}, error: (o: object, m: string) => console.error(m, o) };

export async function benchGroupFirmwareUpdate(): Promise<{ name: string; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencom-bench-jobs-'));
  const config = loadConfig({
    OPENCOM_DB: join(dir, 'opencom.db'),
    OPENCOM_BOOTSTRAP_CLIENT_ID: CLIENT_ID,
    OPENCOM_BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
    OPENCOM_RATE_LIMIT_MAX: '0',
    OPENCOM_TIME_FACTOR: String(MAX_TIME_FACTOR),
  });
  const store = await openStore({ databaseUrl: undefined, sqliteFile: config.sqliteFile });
  const { app, bootstrap } = await openApplication(config, store, false);
  try {
    const workspaceId = bootstrap!.workspaceId;
    const fleet = generateFleet(7, SERVERS, workspaceId, Date.now(), () => ({ connected: true }));
    await provisionServers(store, workspaceId, fleet);
    const token = await tokenOf(app);
    const call = async <T>(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<T> => {
      const res = await app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': contentType } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
      return (res.body ? res.json() : undefined) as T;
    };

    // The newest active bundle of each generation becomes the group's baseline.
    const bundles = await call<{ items: { id: string; bundleGeneration: string; releaseVersion: string }[] }>('GET', `/compute-ops-mgmt/v1/firmware-bundles?limit=1000&filter=${encodeURIComponent('isActive eq true')}&sort=${encodeURIComponent('releaseDate desc')}`);
    const baseline: Record<string, { id: string }> = {};
    for (const b of bundles.items) {
      const key = b.bundleGeneration.replace('BUNDLE_GEN_', 'GEN');
      baseline[key] ??= { id: b.id };
    }
    const setting = await call<{ resourceUri: string }>('POST', '/compute-ops-mgmt/v1/settings', { name: 'Bench baseline', category: 'FIRMWARE', description: 'newest SPPs', settings: baseline });
    const group = await call<{ id: string }>('POST', '/compute-ops-mgmt/v1/groups', { name: 'Bench group', deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: [setting.resourceUri] });
    await call('POST', `/compute-ops-mgmt/v1/groups/${group.id}/devices`, { devices: fleet.map((g) => ({ deviceId: g.server.id })) });

    // Baseline: the same updates straight through a fresh simulator.
    const clock = acceleratedClock(MAX_TIME_FACTOR);
    const direct = simulatorFor(store, clock);
    const plans = new Map<string, { name: string; version: string }[]>();
    for (const g of fleet) {
      const key = g.server.serverGeneration.replace('GEN_', 'GEN');
      const bundle = baseline[key] ? await findBundle(store, baseline[key].id) : undefined;
      if (bundle) plans.set(g.server.id, planFirmwareUpdate(bundle, g.server.firmwareInventory ?? [], { downgrade: false }));
    }
    const longestSimMs = Math.max(...[...plans.values()].map((c) => c.length * 3 * 60_000 + 5 * 60_000));
    const directStart = performance.now();
    const tasks: { ref: { workspaceId: string; serverId: string }; taskId: string }[] = [];
    for (const [serverId, components] of plans) {
      const ref = { workspaceId, serverId };
      const inventory = await direct.readFirmwareInventory(ref);
      if (!inventory.ok || components.length === 0) continue;
      const started = await direct.startFirmwareUpdate(ref, { components, downgrade: false, installSwDrivers: false, powerOff: false });
      if (started.ok) tasks.push({ ref, taskId: started.value.taskId });
    }
    for (const t of tasks) {
      for (;;) {
        const s = await direct.readTask(t.ref, t.taskId);
        if (!s.ok || s.value.state === 'Completed' || s.value.state === 'Exception') break;
        await new Promise((r) => setTimeout(r, 1));
      }
    }
    const directMs = performance.now() - directStart;

    // The engine: a background engine like `opencom serve` runs, fed by POST /jobs.
    const engine = new JobEngine({ store, driver: simulatorFor(store, clock), clock, log: QUIET, ...config.jobs });
    engine.start();
    const engineStart = performance.now();
    const job = await call<{ id: string }>('POST', '/compute-ops-mgmt/v1/jobs', {
      jobTemplate: '91159b5e-9eeb-11ec-a9da-00155dc0a0c0',
      resourceType: 'compute-ops-mgmt/group',
      resourceId: group.id,
      jobParams: { parallel: true, prerequisite_check: true },
    });
    for (;;) {
      const j = await findJob(store, workspaceId, job.id);
      if (j && (j.state === 'COMPLETE' || j.state === 'ERROR' || j.state === 'STALLED')) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const engineMs = performance.now() - engineStart;
    await engine.stop();
    const parent = await findJob(store, workspaceId, job.id);
    const children = await findChildren(store, workspaceId, job.id);
    const ok = children.filter((c) => c.resultCode === 'SUCCESS').length;
    if (parent?.state !== 'COMPLETE') throw new Error(`group job ended ${parent?.state}: ${parent?.status}`);
    const simulatedMs = clock.realDuration(longestSimMs);
    const jobs = children.length + 1;
    console.log(
      `group firmware update, ${SERVERS} servers, time factor ${MAX_TIME_FACTOR}: engine ${(engineMs / 1000).toFixed(2)} s for ${jobs} jobs ` +
        `(${ok} servers updated; ${engine.stepsRun} steps), ${(jobs / (engineMs / 1000)).toFixed(0)} jobs/s; ` +
        `simulated duration ${simulatedMs.toFixed(1)} ms; engine overhead ${((engineMs - simulatedMs) / 1000).toFixed(2)} s (target < 2 s); ` +
        `direct driver ${(directMs / 1000).toFixed(2)} s for ${tasks.length} updates`,
    );
    return { name: 'group-firmware-update-1000', ratio: engineMs / directMs };
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function tokenOf(app: Awaited<ReturnType<typeof openApplication>>['app']): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/as/token.oauth2',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }).toString(),
  });
  return (res.json() as { access_token: string }).access_token;
}
