// jobs.md §7 end to end, over HTTP only, as HPECOMCmdlets and the legacy sample scripts drive COM: token,
// firmware bundles, a FIRMWARE setting, a group with that baseline, members added through the asynchronous
// assign route, a GroupFirmwareUpdate job polled RUNNING → COMPLETE, activities, the servers' new firmware,
// a compliance job and a compliant group — then the same update fired by a schedule. Every response is
// checked against HPE's schema. The job engine runs in the background as it does in `opencom serve`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { findBundle, firmwareCompliance, planFirmwareUpdate } from '../../src/resources/firmware-bundles/baseline.ts';
import { ScheduleRunner } from '../../src/resources/schedules/runner.ts';
import type { Server } from '../../src/resources/servers/model.ts';
import { expectGroup, expectGroups } from '../../src/resources/groups/groups.fixtures.ts';
import { expectHpeSchema } from '../helpers/com-assert.ts';
import { seedServers } from '../helpers/fleet.ts';
import { openEngine, type EngineHarness } from '../helpers/job-engine.ts';
import { openTestApp, tokenFor, type TestApp } from '../helpers/test-app.ts';

const GROUP_FIRMWARE_UPDATE = '91159b5e-9eeb-11ec-a9da-00155dc0a0c0';
const GROUP_FIRMWARE_COMPLIANCE = '23b8ba2a-6c46-4223-b028-919382c7dcac';

let t: TestApp;
let harness: EngineHarness;
let schedules: ScheduleRunner;
let token: string;
let servers: Server[];

beforeEach(async () => {
  t = await openTestApp();
  // 3,000x: a server's update (~20 simulated minutes) takes about 0.4 s, slow enough to watch RUNNING.
  harness = openEngine(t.store, { timeFactor: 3000, pollMs: 10 });
  harness.engine.start();
  schedules = new ScheduleRunner({ store: t.store, pollMs: 50 });
  schedules.start();
  servers = await seedServers(t.store, t.workspaces.A, 4, { overrides: () => ({ connected: true, powerState: 'ON' }) });
  // Step 1: a token, as any client gets one.
  token = await tokenFor(t.app, t.callers.adminA.clientId, t.callers.adminA.secret);
});
afterEach(async () => {
  await schedules.stop();
  await harness.engine.stop();
  await t.close();
});

function http(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Bundle {
  id: string;
  releaseVersion: string;
  bundleGeneration: string;
  isActive: boolean;
}

/** Steps 2–5: the baseline setting, the group, and its members added asynchronously. */
async function groupWithBaseline(name: string): Promise<{ groupId: string; groupUri: string; baseline: Record<string, string> }> {
  const bundles = expectHpeSchema<{ items: Bundle[] }>(await http('GET', `/compute-ops-mgmt/v1/firmware-bundles?limit=1000&filter=${encodeURIComponent('isActive eq true')}&sort=${encodeURIComponent('releaseDate desc')}`), 'firmwareBundleCollection-v1');
  const baseline: Record<string, string> = {};
  for (const b of bundles.items) baseline[b.bundleGeneration.replace('BUNDLE_GEN_', 'GEN')] ??= b.id;
  const settings = Object.fromEntries(Object.entries(baseline).map(([gen, id]) => [gen, { id }]));
  const setting = expectHpeSchema<{ resourceUri: string }>(await http('POST', '/compute-ops-mgmt/v1/settings', { name: `${name} baseline`, category: 'FIRMWARE', description: 'newest SPP per generation', settings }), 'settingsResponse-v1', 201);

  // Group bodies are checked by the groups suite's helper: HPE's schema spells the type constant
  // `compute-mgmt-ops/group`, which no client reads (docs/decisions.md, groups).
  const group = expectGroup(
    await http('POST', '/compute-ops-mgmt/v1beta3/groups', {
      name,
      description: 'end-to-end firmware update',
      deviceType: 'DIRECT_CONNECT_SERVER',
      settingsUris: [setting.resourceUri],
      policies: { onDeviceAdd: { firmwareUpdate: false } },
      autoAddTags: {},
    }),
    'v1beta3',
    201,
  ) as unknown as { id: string; resourceUri: string };
  const assigned = await http('POST', `/compute-ops-mgmt/v1beta3/groups/${group.id}/devices`, { devices: servers.map((s) => ({ deviceId: s.id })) });
  expect(assigned.statusCode, assigned.body).toBe(202);
  const location = assigned.headers.location as string;
  expect(location).toMatch(/\/async-operations\//);
  const operation = await poll('the assignment', async () => http('GET', location), (r) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes((r.json() as { state: string }).state));
  expect(expectHpeSchema<{ state: string }>(operation, location.includes('/v1beta1/') ? 'asyncOperation-v1beta1' : 'asyncOperation-v1').state).toBe('SUCCEEDED');
  return { groupId: group.id, groupUri: group.resourceUri, baseline };
}

/**
 * Every server now carries the baseline's versions: nothing of its bundle is left to install, no component is
 * behind it, and at least one component changed from what the server had before the update.
 */
async function expectFirmwareAtBaseline(baseline: Record<string, string>): Promise<void> {
  for (const s of servers) {
    const server = expectHpeSchema<{ firmwareInventory: { name: string; version: string; deviceContext: string }[]; lastFirmwareUpdate: { status: string } | null }>(
      await http('GET', `/compute-ops-mgmt/v1/servers/${encodeURIComponent(s.id)}`),
      'server-v1',
    );
    const bundle = (await findBundle(t.store, baseline[s.serverGeneration.replace('GEN_', 'GEN')]!))!;
    expect(planFirmwareUpdate(bundle, server.firmwareInventory, { downgrade: false }), s.id).toEqual([]);
    expect(firmwareCompliance(bundle, server.firmwareInventory)).toMatchObject({ compliant: true, deviations: [] });
    expect(planFirmwareUpdate(bundle, s.firmwareInventory ?? [], { downgrade: false }).length, `${s.id} had something to update`).toBeGreaterThan(0);
    const before = new Map((s.firmwareInventory ?? []).map((f) => [f.name, f.version]));
    expect(server.firmwareInventory.some((f) => before.get(f.name) !== f.version)).toBe(true);
    expect(server.lastFirmwareUpdate?.status).toBe('OK');
  }
}

async function expectCompliant(groupId: string): Promise<void> {
  const created = expectHpeSchema<{ resourceUri: string }>(
    await http('POST', '/compute-ops-mgmt/v1/jobs', { jobTemplate: GROUP_FIRMWARE_COMPLIANCE, resourceType: 'compute-ops-mgmt/group', resourceId: groupId, jobParams: null }),
    'job-v1',
    201,
  );
  await poll('the compliance job', async () => (await http('GET', created.resourceUri)).json() as { state: string }, (j) => j.state === 'COMPLETE' || j.state === 'ERROR');
  const compliance = expectHpeSchema<{ total: number; items: { complianceState: string; score: number }[] }>(await http('GET', `/compute-ops-mgmt/v1/groups/${groupId}/compliance`), 'deviceComplianceCollection-v1');
  expect(compliance.total).toBe(servers.length);
  for (const item of compliance.items) expect(item).toMatchObject({ complianceState: 'COMPLIANT', score: 100 });
}

describe('group firmware update, end to end over HTTP', () => {
  it('jobs.md §7.1: baseline → group → job RUNNING → COMPLETE → firmware at baseline → compliant', async () => {
    const { groupId, baseline } = await groupWithBaseline('Production-Group');

    // Step 5: the group and its members as clients read them.
    const groups = expectGroups(await http('GET', `/compute-ops-mgmt/v1beta3/groups?filter=${encodeURIComponent("name eq 'Production-Group'")}`), 'v1beta3') as unknown as { items: { id: string; devices: { id: string }[] }[] };
    expect(groups.items.map((g) => g.id)).toEqual([groupId]);
    const devices = groups.items[0]!.devices.map((d) => d.id).sort();
    expect(devices).toEqual(servers.map((s) => s.id).sort());

    // Step 6: no update already running on this group.
    const running = expectHpeSchema<{ items: { name: string; resource: { id: string } }[] }>(await http('GET', `/compute-ops-mgmt/v1/jobs?filter=${encodeURIComponent("state eq 'running'")}`), 'jobCollection-v1');
    expect(running.items.filter((j) => j.name === 'GroupFirmwareUpdate' && j.resource.id === groupId)).toEqual([]);

    // Step 7: the job, with the exact body HPECOMCmdlets sends.
    const created = expectHpeSchema<{ id: string; resourceUri: string; state: string; resultCode: string | null }>(
      await http('POST', '/compute-ops-mgmt/v1/jobs', {
        jobTemplate: GROUP_FIRMWARE_UPDATE,
        resourceId: groupId,
        resourceType: 'compute-ops-mgmt/group',
        jobParams: {
          parallel: false,
          stopOnFailure: false,
          downgrade: false,
          installSWDrivers: false,
          powerOff: false,
          prerequisite_check: true,
          devices,
          wait_for_power_off_or_reboot: false,
          wait_for_power_off_or_reboot_timeout: 4,
          skip_blocklisted_components: false,
        },
      }),
      'job-v1',
      201,
    );
    expect(created).toMatchObject({ state: 'PENDING', resultCode: null });

    // Step 8: poll the job's resourceUri; it is seen RUNNING before it completes.
    const seen = new Set<string>();
    const final = await poll(
      'the group firmware update',
      async () => {
        const job = expectHpeSchema<{ state: string; resultCode: string | null; status: string }>(await http('GET', created.resourceUri), 'job-v1');
        seen.add(job.state);
        return job;
      },
      (j) => ['COMPLETE', 'ERROR', 'STALLED'].includes(j.state),
    );
    expect(seen.has('RUNNING')).toBe(true);
    expect(final).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete' });

    // Step 9: the activities of the job.
    const activities = expectHpeSchema<{ items: { key: string }[] }>(await http('GET', `/compute-ops-mgmt/v1beta2/activities?limit=200`), 'activityCollection-v1beta2');
    const keys = activities.items.map((a) => a.key);
    expect(keys).toContain('GROUP_JOB_FW_UPDATE_COMPLETED');
    expect(keys.filter((k) => k === 'SERVER_JOB_FW_UPDATE_COMPLETED')).toHaveLength(servers.length);
    expect(keys.filter((k) => k === 'SERVER_JOB_FW_UPDATE_IN_PROGRESS')).toHaveLength(servers.length);

    // Step 10 (and the legacy §7.2 step 8): every server shows the baseline's versions.
    await expectFirmwareAtBaseline(baseline);
    await expectCompliant(groupId);
  }, 400_000);

  it('schedules.md §5: the same update fired by a one-time schedule', async () => {
    const { groupId, groupUri, baseline } = await groupWithBaseline('Scheduled-Group');
    const templates = expectHpeSchema<{ items: { id: string; name: string; resourceUri: string }[] }>(await http('GET', '/compute-ops-mgmt/v1beta2/job-templates?limit=1000'), 'jobTemplateCollection-v1beta2');
    const template = templates.items.find((x) => x.name === 'GroupFirmwareUpdate')!;
    expect(template.id).toBe(GROUP_FIRMWARE_UPDATE);

    const startAt = new Date(Date.now() + 1500).toISOString();
    const schedule = expectHpeSchema<{ id: string; resourceUri: string }>(
      await http('POST', '/compute-ops-mgmt/v1beta2/schedules', {
        name: 'Schedule for Scheduled-Group',
        description: 'Scheduled-Group with the newest baseline',
        associatedResourceUri: groupUri,
        purpose: 'GROUP_FW_UPDATE',
        schedule: { interval: null, startAt },
        operation: {
          type: 'REST',
          method: 'POST',
          uri: '/api/compute/v1/jobs',
          body: { resourceUri: `/api/compute/v1/groups/${groupId}`, jobTemplateUri: `/api/compute/v1/job-templates/${template.id}`, data: { devices: servers.map((s) => s.id), parallel: true, stopOnFailure: false } },
        },
      }),
      'schedule-v1beta2',
      201,
    );
    const fired = await poll('the schedule to run', async () => (await http('GET', schedule.resourceUri)).json() as { lastRun?: { body?: { resourceUri?: string } } | null }, (s) => !!s.lastRun?.body?.resourceUri);
    const jobUri = fired.lastRun!.body!.resourceUri!;
    const final = await poll('the scheduled update', async () => (await http('GET', jobUri)).json() as { state: string }, (j) => ['COMPLETE', 'ERROR', 'STALLED'].includes(j.state));
    expect(final).toMatchObject({ state: 'COMPLETE' });
    const history = await http('GET', `${schedule.resourceUri}/history`);
    expect(history.statusCode, history.body).toBe(200);
    await expectFirmwareAtBaseline(baseline);
    await expectCompliant(groupId);
  }, 400_000);
});
