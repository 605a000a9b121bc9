// What the groups suites share: URLs, servers to put in groups, settings to attach, polling an assignment's
// async operation, and the checks that an answer conforms to HPE's schemas. HPE's groupResponse-v1/-v1beta3
// declare `type` as the constant "compute-mgmt-ops/group" (sic, conventions §4 notes it); we send the
// conventional compute-ops-mgmt/group, so the check asserts that value and validates the rest of the body.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import type { Caller, TestApp } from '../../../test/helpers/test-app.ts';
import { generateFleet, provisionServers } from '../../fleet/demo-fleet.ts';
import type { ServerOverrides } from '../../fleet/generate-server.ts';
import type { Server } from '../servers/model.ts';
import { replaceComplianceRecords, type ComplianceRecordInput } from './compliance-store.ts';

export const V1 = '/compute-ops-mgmt/v1/groups';
export const V1BETA3 = '/compute-ops-mgmt/v1beta3/groups';
export const V1BETA2 = '/compute-ops/v1beta2/groups';
export const NOBODY = '00000000-0000-4000-8000-000000000000';
export const json = { 'content-type': 'application/json' };
export const mergePatch = { 'content-type': 'application/merge-patch+json' };

export type Version = 'v1' | 'v1beta3' | 'v1beta2';
export type Wire = Record<string, unknown> & { id: string; name: string; generation: number; devices: Device[] };
export type Device = Record<string, unknown> & { id: string; serial: string; eTag: string; groupId: string };

const BASES: Record<Version, string> = { v1: V1, v1beta3: V1BETA3, v1beta2: V1BETA2 };
export const baseOf = (v: Version) => BASES[v];

function checkGroup(body: Wire, v: Version): void {
  if (v === 'v1beta2') {
    expect(hpeSchemaErrors('groupResponse-v1beta2', body), JSON.stringify(body)).toEqual([]);
    return;
  }
  expect(body.type).toBe('compute-ops-mgmt/group');
  expect(body.selfUri).toBe(body.resourceUri);
  const policies = body.policies as { onDeviceAdd: unknown };
  // An appliance group's policies carry whatever the client set, which HPE's server branch of the oneOf also
  // accepts: such a body is checked against the appliance branch it is.
  const schema = body.deviceType !== 'DIRECT_CONNECT_SERVER' && policies.onDeviceAdd !== null ? `groupOveResponse-${v}` : `groupResponse-${v}`;
  expect(hpeSchemaErrors(schema, { ...body, type: 'compute-mgmt-ops/group' }), JSON.stringify(body)).toEqual([]);
}

export function expectGroup(res: LightMyRequestResponse, v: Version, status = 200): Wire {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as Wire;
  checkGroup(body, v);
  return body;
}

export function expectGroups(res: LightMyRequestResponse, v: Version): { count: number; total: number; offset: number; items: Wire[] } {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { count: number; total: number; offset: number; items: Wire[] };
  expect(hpeSchemaErrors(`groupCollection-${v}`, { ...body, items: [] })).toEqual([]);
  for (const item of body.items) checkGroup(item, v);
  expect(body.count).toBe(body.items.length);
  return body;
}

/** A collection (members, compliance) checked against HPE's collection schema of that operation. */
export function expectCollection<T = Record<string, unknown>>(res: LightMyRequestResponse, schema: string): { count: number; total: number; offset: number; items: T[] } {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { count: number; total: number; offset: number; items: T[] };
  expect(hpeSchemaErrors(schema, body), res.body).toEqual([]);
  expect(body.count).toBe(body.items.length);
  return body;
}

export const filterUrl = (base: string, filter: string) => `${base}?filter=${encodeURIComponent(filter)}`;

/** Servers in a workspace; `neverActivated` ones have not connected yet (eligible for tag placement). */
export async function addServers(t: TestApp, workspaceId: string, count: number, options: { seed?: number; overrides?: (i: number) => ServerOverrides; neverActivated?: (i: number) => boolean } = {}): Promise<Server[]> {
  const fleet = generateFleet(options.seed ?? 7, count, workspaceId, Date.now(), options.overrides);
  for (const [i, g] of fleet.entries()) {
    if (options.neverActivated?.(i)) g.server.state = { ...g.server.state, connected: false, connectedModifiedAt: null };
  }
  await provisionServers(t.store, workspaceId, fleet);
  return fleet.map((g) => g.server);
}

export async function createGroup(t: TestApp, caller: Caller, body: Record<string, unknown>, v: Version = 'v1', headers: Record<string, string> = {}): Promise<Wire> {
  return expectGroup(await t.call(caller, { method: 'POST', url: baseOf(v), headers: { ...json, ...headers }, payload: body }), v, 201);
}

export async function createSetting(t: TestApp, caller: Caller, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ id: string; resourceUri: string }> {
  const res = await t.call(caller, { method: 'POST', url: '/compute-ops-mgmt/v1/settings', headers: { ...json, ...headers }, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const FIRMWARE = { category: 'FIRMWARE', settings: { GEN10: { id: 'a9383ef62e362a0072b2947c923ba257' }, GEN11: { id: 'c41d9e0b7a2f4e3c8b5d6a7f8e9d0c1b' } } };
export const BIOS = { category: 'BIOS', settings: { DEFAULT: { redfishData: { Attributes: { WorkloadProfile: 'vRAN' } } } } };
export const ILO = { category: 'ILO_SETTINGS', settings: { DEFAULT: { AccountService: { MinPasswordLength: 12 } } } };

export interface Operation {
  id: string;
  state: string;
  operationType: string;
  sourceResourceUri: string;
  results: { resourceUri: string }[];
  error: { httpStatusCode: number; errorCode: string; errorDetails?: { issues?: { subject: string }[] }[] } | null;
  recommendations: string[];
  logMessages: { message: string }[];
}

/** Follows a 202's Location to its async operation, checked against HPE's schema. */
export async function operationOf(t: TestApp, caller: Caller, res: LightMyRequestResponse, headers: Record<string, string> = {}): Promise<Operation> {
  expect(res.statusCode, res.body).toBe(202);
  expect(res.body).toBe('');
  const location = String(res.headers.location);
  const version = /\/(v1|v1beta1)\/async-operations\//.exec(location)?.[1];
  expect(version).toBeDefined();
  const op = await t.call(caller, { method: 'GET', url: location, headers });
  expect(op.statusCode, op.body).toBe(200);
  const body = op.json() as Operation;
  expect(hpeSchemaErrors(`asyncOperation-${version}`, body), op.body).toEqual([]);
  return body;
}

export function assign(t: TestApp, caller: Caller, groupId: string, devices: unknown[], v: 'v1' | 'v1beta3' = 'v1', headers: Record<string, string> = {}) {
  return t.call(caller, { method: 'POST', url: `${baseOf(v)}/${groupId}/devices`, headers: { ...json, ...headers }, payload: { devices } });
}

export function unassign(t: TestApp, caller: Caller, groupId: string, devices: unknown[] | null, query = '', v: 'v1' | 'v1beta3' = 'v1') {
  return t.call(caller, {
    method: 'POST',
    url: `${baseOf(v)}/${groupId}/devices/unassign${query ? `?${query}` : ''}`,
    ...(devices ? { headers: json, payload: { devices } } : {}),
  });
}

export async function members(t: TestApp, caller: Caller, groupId: string, v: Version = 'v1', filter?: string): Promise<Device[]> {
  const url = `${baseOf(v)}/${groupId}/devices`;
  return expectCollection<Device>(await t.call(caller, { method: 'GET', url: filter ? filterUrl(url, filter) : url }), `deviceResponseCollection-${v}`).items;
}

/** Writes compliance results the way the compliance jobs do. */
export function writeCompliance(t: TestApp, workspaceId: string, groupId: string, category: 'FIRMWARE' | 'ILO_SETTINGS', records: ComplianceRecordInput[]): Promise<void> {
  return t.store.transaction((tx) => replaceComplianceRecords(tx, workspaceId, groupId, category, records));
}

export async function jobsOf(t: TestApp, workspaceId: string): Promise<{ template_id: string; resource_id: string; params: Record<string, unknown> }[]> {
  const rows = await t.store.all<{ template_id: string; resource_id: string; params: unknown }>(
    'SELECT template_id, resource_id, params FROM jobs WHERE workspace_id = ? ORDER BY created_at, id',
    [workspaceId],
  );
  return rows.map((r) => ({ ...r, params: typeof r.params === 'string' ? JSON.parse(r.params) : (r.params as Record<string, unknown>) }));
}
