// What the schedules suites share: paths, headers, request bodies as real clients write them (schedules.md §5)
// and readers that check every answer against HPE's schema.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import type { Caller, TestApp } from '../../../test/helpers/test-app.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';

export const V1BETA2 = '/compute-ops-mgmt/v1beta2/schedules';
export const LEGACY = '/compute-ops/v1beta2/schedules';
export const json = { 'content-type': 'application/json' };
export const mergePatch = { 'content-type': 'application/merge-patch+json' };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An RFC 3339 time `ms` from now, written the way clients write it (offset form). */
export const fromNow = (ms: number): string => new Date(Date.now() + ms).toISOString().replace('Z', '+00:00');

export type Wire = Record<string, unknown> & {
  id: string;
  generation: number;
  nextStartAt: string | null;
  lastRun: (Record<string, unknown> & { id: string; body: Record<string, unknown>; headers: Record<string, string> }) | null;
  schedule: { startAt: string; interval: string | null; intervalInSec: number | null };
  operation: Record<string, unknown> & { body: Record<string, unknown> };
  resourceUri: string;
  historyUri: string;
};

/** A legacy job body posted to /api/compute/v1/jobs: power a server on. */
export function powerOnBody(serverId: string, data: Record<string, unknown> = {}) {
  return {
    jobTemplateUri: `/api/compute/v1/job-templates/${TEMPLATE_IDS.powerOn}`,
    resourceUri: `/api/compute/v1/servers/${serverId}`,
    data,
  };
}

/** A schedule request as the PowerShell module writes it; `overrides` replace top-level members. */
export function scheduleBody(serverId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Power on ESX host',
    description: 'Scheduled power on',
    purpose: 'SERVER_POWER_ON',
    associatedResourceUri: `/compute-ops-mgmt/v1beta2/servers/${serverId}`,
    schedule: { startAt: fromNow(HOUR), interval: null },
    operation: { type: 'REST', method: 'POST', uri: '/api/compute/v1/jobs', body: powerOnBody(serverId) },
    ...overrides,
  };
}

export function expectSchedule(res: LightMyRequestResponse, status = 200): Wire {
  return expectHpeSchema<Wire>(res, 'schedule-v1beta2', status);
}

export function expectScheduleCollection(res: LightMyRequestResponse): { count: number; total: number; offset: number; items: Wire[] } {
  return expectHpeSchema(res, 'scheduleCollection-v1beta2');
}

export function expectHistory(res: LightMyRequestResponse) {
  return expectHpeSchema<Record<string, unknown> & { id: string; body: Record<string, unknown>; headers: Record<string, string> }>(res, 'scheduleHistory-v1beta2');
}

export function expectHistoryCollection(res: LightMyRequestResponse) {
  return expectHpeSchema<{ count: number; total: number; items: (Record<string, unknown> & { id: string })[] }>(res, 'scheduleHistoryCollection-v1beta2');
}

export async function createSchedule(t: TestApp, body: unknown, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Wire> {
  return expectSchedule(await t.call(caller, { method: 'POST', url: V1BETA2, headers: { ...json, ...headers }, payload: body as object }), 201);
}

/** One connected, powered-off server in the caller's workspace. */
export async function oneServer(t: TestApp, workspaceId = t.workspaces.A, seed = workspaceId.charCodeAt(0)): Promise<string> {
  const [server] = await seedServers(t.store, workspaceId, 1, { seed, overrides: () => ({ powerState: 'OFF', connected: true }) });
  expect(server).toBeDefined();
  return server!.id;
}

export const filterUrl = (base: string, filter: string) => `${base}?filter=${encodeURIComponent(filter)}`;
