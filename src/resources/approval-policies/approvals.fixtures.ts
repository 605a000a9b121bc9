// Shared by the approval-policies and approval-requests suites: URLs, a second approver, groups with servers
// through the groups API, policies through ours, jobs through the engine's submitJob, and the schema checks.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import { tokenFor, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import type { JobResourceType, StoredJob } from '../../job-engine/model.ts';
import { submitJob } from '../../job-engine/submit.ts';
import type { Role } from '../../identity/model.ts';

export const POLICIES = '/compute-ops-mgmt/v1beta2/approval-policies';
export const REQUESTS = '/compute-ops-mgmt/v1beta2/approval-requests';
export const JOBS = '/compute-ops-mgmt/v1/jobs';
export const GROUPS = '/compute-ops-mgmt/v1/groups';
export const json = { 'content-type': 'application/json' };
export const mergePatch = { 'content-type': 'application/merge-patch+json' };

export type Wire = Record<string, unknown> & { id: string; generation: number; createdAt: string; updatedAt: string };
export type PolicyWire = Wire & { name: string; state: string; policyData: { approvables: Record<string, unknown>[]; resources: Record<string, unknown>[] } };
export type RequestWire = Wire & {
  approvalState: string;
  cancelledBy: string;
  requestRemarks: string;
  minApprovers: number;
  operation: { id: string; type: string; resourceUri: string };
  approvableResource: { id: string; type: string; resourceUri: string };
  policy: { id: string; type: string; resourceUri: string };
  requester?: { email: string };
  requestData: { approvals: { approverId: { email: string }; approvalState: string; remarks: string }[] };
};

export const filterUrl = (base: string, filter: string) => `${base}?filter=${encodeURIComponent(filter)}`;

/** Another member of a workspace with a token of their own. */
export async function addCaller(t: TestApp, workspaceId: string, email: string, role: Role): Promise<Caller> {
  const member = await t.identity.addUser(workspaceId, email, role);
  const { client, secret } = await t.identity.createApiClient(workspaceId, email);
  return { clientId: client.clientId, secret, token: await tokenFor(t.app, client.clientId, secret), email: member.email, userId: member.userId, workspaceId };
}

/** A server group with these servers (connected, powered off), created through the groups API. */
export async function groupWithServers(t: TestApp, caller: Caller, name: string, servers: number): Promise<{ id: string; serverIds: string[] }> {
  const res = await t.call(caller, { method: 'POST', url: GROUPS, headers: json, payload: { name, deviceType: 'DIRECT_CONNECT_SERVER' } });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  const seeded = servers ? await seedServers(t.store, caller.workspaceId, servers, { seed: name.length * 7919 + servers, overrides: () => ({ powerState: 'OFF', connected: true }) }) : [];
  if (seeded.length) {
    const added = await t.call(caller, { method: 'POST', url: `${GROUPS}/${id}/devices`, headers: json, payload: { devices: seeded.map((s) => ({ deviceId: s.id })) } });
    expect(added.statusCode, added.body).toBe(202);
  }
  return { id, serverIds: seeded.map((s) => s.id) };
}

export function approvable(name: string, approvers: string[], minApprovers?: number) {
  return { approvableName: name, approvers: approvers.map((email) => ({ email })), ...(minApprovers === undefined ? {} : { minApprovers }) };
}

export const groupRef = (id: string) => ({ resourceId: id, resourceType: 'compute-ops-mgmt/group' });

/** The body is HPE's approvalPolicyResponse-v1beta2. */
export function expectPolicy(res: LightMyRequestResponse, status = 200): PolicyWire {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as PolicyWire;
  expect(hpeSchemaErrors('approvalPolicyResponse-v1beta2', body), res.body).toEqual([]);
  return body;
}

export function expectPolicies(res: LightMyRequestResponse): { count: number; total: number; offset: number; items: PolicyWire[] } {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { count: number; total: number; offset: number; items: PolicyWire[] };
  expect(hpeSchemaErrors('approvalPoliciesResponseCollection-v1beta2', body), res.body).toEqual([]);
  return body;
}

export async function createPolicy(t: TestApp, payload: Record<string, unknown>, caller: Caller = t.callers.adminA): Promise<PolicyWire> {
  const res = await t.call(caller, { method: 'POST', url: POLICIES, headers: json, payload });
  const created = expectPolicy(res, 201);
  expect(res.headers.location).toBe(`${POLICIES}/${created.id}`);
  return created;
}

/**
 * HPE's approvalRequestResponse-v1beta2, except that `requestData.approvals` is a list of decisions (the
 * reference declares one decision object; see docs/decisions.md): every other member is checked against the
 * schema as is, and every decision against the declared decision object.
 */
function requestSchemaErrors(body: RequestWire): string[] {
  const approvals = body.requestData?.approvals;
  if (!Array.isArray(approvals)) return ['requestData.approvals must be a list'];
  const errors = hpeSchemaErrors('approvalRequestResponse-v1beta2', { ...body, requestData: {} });
  for (const decision of approvals) errors.push(...hpeSchemaErrors('approvalRequestResponse-v1beta2', { ...body, requestData: { approvals: decision } }));
  return errors;
}

export function expectRequest(res: LightMyRequestResponse, status = 200): RequestWire {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as RequestWire;
  expect(requestSchemaErrors(body), res.body).toEqual([]);
  return body;
}

export function expectRequests(res: LightMyRequestResponse): { count: number; total: number; offset: number; items: RequestWire[] } {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { count: number; total: number; offset: number; items: RequestWire[] };
  expect(hpeSchemaErrors('approvalRequestResponseCollection-v1beta2', { ...body, items: body.items.map((i) => ({ ...i, requestData: {} })) }), res.body).toEqual([]);
  for (const item of body.items) expect(requestSchemaErrors(item), JSON.stringify(item)).toEqual([]);
  return body;
}

/** A top-level job submitted the way every producer does (the gate runs), in its own transaction. */
export function submit(t: TestApp, caller: Caller, templateId: string, resource: { type: JobResourceType; id: string }, extra: { params?: Record<string, unknown>; parentJobId?: string } = {}): Promise<StoredJob> {
  return t.store.transaction((tx) =>
    submitJob(tx, { workspaceId: caller.workspaceId, templateId, resource, params: extra.params ?? {}, createdBy: caller.userId, parentJobId: extra.parentJobId ?? null }),
  );
}

/** The pending request holding a job, found through the list filter clients use. */
export async function requestOfJob(t: TestApp, caller: Caller, jobId: string): Promise<RequestWire> {
  const list = expectRequests(await t.call(caller, { method: 'GET', url: filterUrl(REQUESTS, `operation/id eq '${jobId}'`) }));
  expect(list.count, `request of job ${jobId}`).toBe(1);
  return list.items[0]!;
}

/** POST …/approve; without a state the body is `{}`. */
export const decide = (t: TestApp, caller: Caller, id: string, approvalState?: string, remarks?: string) =>
  t.call(caller, {
    method: 'POST',
    url: `${REQUESTS}/${id}/approve`,
    headers: json,
    payload: { ...(approvalState === undefined ? {} : { approvalState }), ...(remarks === undefined ? {} : { remarks }) },
  });
