// What the executor suites share: creating jobs the way clients do (POST /v1/jobs, checked against HPE's
// schema), a server group with settings and members built through the groups API, and running the engine
// with the simulator until every job has ended.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openEngine, type EngineHarness } from '../../../test/helpers/job-engine.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import type { ServerOverrides } from '../../fleet/generate-server.ts';
import { assign, createGroup, createSetting, operationOf } from '../../resources/groups/groups.fixtures.ts';
import type { Server } from '../../resources/servers/model.ts';
import { findChildren, findJob } from '../repository.ts';
import type { StoredJob } from '../model.ts';

export const JOBS = '/compute-ops-mgmt/v1/jobs';

export type JobWire = { id: string; name: string; state: string; resultCode: string | null; status: string; results: Record<string, unknown>; data: Record<string, unknown> };

export function postJob(t: TestApp, jobTemplate: string, resourceType: 'server' | 'group', resourceId: string, jobParams: Record<string, unknown> | null = null): Promise<LightMyRequestResponse> {
  return t.call(t.callers.adminA, {
    method: 'POST',
    url: JOBS,
    headers: { 'content-type': 'application/json' },
    payload: { jobTemplate, resourceType: `compute-ops-mgmt/${resourceType}`, resourceId, jobParams },
  });
}

/** A job created through POST /v1/jobs: 201, PENDING, HPE's job-v1 shape. */
export async function createJob(t: TestApp, jobTemplate: string, resourceType: 'server' | 'group', resourceId: string, jobParams: Record<string, unknown> | null = null): Promise<JobWire> {
  const job = expectHpeSchema<JobWire>(await postJob(t, jobTemplate, resourceType, resourceId, jobParams), 'job-v1', 201);
  expect(job.state).toBe('PENDING');
  return job;
}

/** The job as clients poll it. */
export async function readJob(t: TestApp, id: string): Promise<JobWire> {
  return expectHpeSchema<JobWire>(await t.call(t.callers.adminA, { method: 'GET', url: `${JOBS}/${id}` }), 'job-v1');
}

export async function childrenOf(t: TestApp, id: string): Promise<StoredJob[]> {
  return findChildren(t.store, t.workspaces.A, id);
}

export async function storedJob(t: TestApp, id: string): Promise<StoredJob> {
  return (await findJob(t.store, t.workspaces.A, id))!;
}

/** An engine over the simulator; keep it to look at the devices after its jobs ran. */
export function engineFor(t: TestApp): EngineHarness {
  return openEngine(t.store);
}

export async function runAll(h: EngineHarness): Promise<void> {
  await h.engine.runUntilIdle({ timeoutMs: 240_000 });
}

/** Seeds differ per call, so the tests of a suite sharing one app never get each other's servers. */
let nextSeed = 1000;

export function connectedServers(t: TestApp, count: number, overrides: ServerOverrides = {}): Promise<Server[]> {
  return seedServers(t.store, t.workspaces.A, count, { seed: nextSeed++, overrides: () => ({ connected: true, powerState: 'ON', ...overrides }) });
}

/** Jobs on these targets (the suites share one app, so counts are per target). */
export async function jobsOn(t: TestApp, ids: readonly string[]): Promise<number> {
  const row = await t.store.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM jobs WHERE workspace_id = ? AND resource_id IN (${ids.map(() => '?').join(', ')})`, [t.workspaces.A, ...ids]);
  return Number(row!.n);
}

/**
 * A server group in workspace A with these settings attached (created from a body, or an existing one by
 * `resourceUri`) and these servers as members.
 */
export async function groupWith(t: TestApp, name: string, settings: Record<string, unknown>[], servers: readonly Server[]): Promise<{ id: string; settingIds: string[] }> {
  const created: { id: string; resourceUri: string }[] = [];
  for (const [i, s] of settings.entries()) {
    created.push(typeof s['resourceUri'] === 'string' ? { id: String(s['id']), resourceUri: s['resourceUri'] } : await createSetting(t, t.callers.adminA, { name: `${name} setting ${i + 1}`, ...s }));
  }
  const group = await createGroup(t, t.callers.adminA, { name, deviceType: 'DIRECT_CONNECT_SERVER', settingsUris: created.map((s) => s.resourceUri) });
  if (servers.length) {
    const op = await operationOf(t, t.callers.adminA, await assign(t, t.callers.adminA, group.id, servers.map((s) => ({ deviceId: s.id }))));
    expect(op.state).toBe('SUCCEEDED');
  }
  return { id: group.id, settingIds: created.map((s) => s.id) };
}

export const deviceOf = (t: TestApp, server: Pick<Server, 'id'>) => ({ workspaceId: t.workspaces.A, serverId: server.id });
