// approval-requests v1beta2 and the submit gate, the happy paths: a policy holds the jobs it guards (created
// through the jobs API or submitJob), approvers release or decline them, the requester withdraws, requests
// expire, a deleted policy cancels its requests; jobs the policy does not guard run as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openEngine } from '../../../test/helpers/job-engine.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { findJob } from '../../job-engine/repository.ts';
import { changeJob } from '../../job-engine/settle.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import { findServer } from '../servers/repository.ts';
import {
  addCaller,
  approvable,
  createPolicy,
  decide,
  expectRequest,
  expectRequests,
  filterUrl,
  groupRef,
  groupWithServers,
  json,
  JOBS,
  mergePatch,
  POLICIES,
  REQUESTS,
  requestOfJob,
  submit,
  type PolicyWire,
} from '../approval-policies/approvals.fixtures.ts';
import { expireApprovals, withdrawRequestOfJob } from './service.ts';

let t: TestApp;
let second: Caller;
let prod: { id: string; serverIds: string[] };
let lab: { id: string; serverIds: string[] };
let policy: PolicyWire;

beforeAll(async () => {
  t = await openTestApp();
  second = await addCaller(t, t.workspaces.A, 'second@a.example', 'administrator');
  prod = await groupWithServers(t, t.callers.adminA, 'Prod', 3);
  lab = await groupWithServers(t, t.callers.adminA, 'Lab', 1);
  policy = await createPolicy(t, {
    name: 'prod',
    policyData: {
      approvables: [
        approvable('Power on', [t.callers.adminA.email, second.email]),
        approvable('Power off', [t.callers.adminA.email, second.email], 2),
        approvable('Update firmware', [t.callers.adminA.email]),
      ],
      resources: [groupRef(prod.id)],
    },
  });
}, 120_000);
afterAll(() => t.close());

const operator = () => t.callers.operatorA;
const RESTART = '30110551-cad6-4069-95b8-dbce9bbd8525';

async function postJob(caller: Caller, templateId: string, serverId: string) {
  const res = await t.call(caller, { method: 'POST', url: JOBS, headers: json, payload: { jobTemplate: templateId, resourceType: 'compute-ops-mgmt/server', resourceId: serverId, jobParams: {} } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string; resultCode: string | null };
}

const job = async (id: string) => (await findJob(t.store, t.workspaces.A, id))!;

describe('holding jobs', () => {
  it('holds a job created through POST /v1/jobs on a server of a covered group, with its request', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[0]!);
    expect(created).toMatchObject({ state: 'APPROVAL_PENDING', resultCode: null });
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    expect(request).toMatchObject({
      type: 'compute-ops-mgmt/approval-request',
      resourceUri: `${REQUESTS}/${request.id}`,
      generation: 1,
      approvalState: 'PENDING',
      approvableName: 'Power on',
      minApprovers: 1,
      requestRemarks: '',
      cancelledBy: '',
      policy: { id: policy.id, type: 'compute-ops-mgmt/approval-policy', resourceUri: `${POLICIES}/${policy.id}` },
      approvableResource: { id: prod.serverIds[0], type: 'compute-ops-mgmt/server', resourceUri: `/compute-ops-mgmt/v1/servers/${prod.serverIds[0]}` },
      operation: { id: created.id, type: 'compute-ops-mgmt/job', resourceUri: `${JOBS}/${created.id}` },
      requester: { firstName: '', lastName: '', email: operator().email },
      requestData: { approvals: [] },
    });
    expect(await job(created.id)).toMatchObject({ state: 'APPROVAL_PENDING', approvalRequestId: request.id, status: 'Waiting for approval' });
    expect(expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }))).toEqual(request);
  });

  it('holds a group job submitted by another producer (submitJob), naming the group', async () => {
    const held = await submit(t, t.callers.adminA, TEMPLATE_IDS.groupFirmwareUpdate, { type: 'group', id: prod.id }, { params: { parallel: true } });
    expect(held.state).toBe('APPROVAL_PENDING');
    const request = await requestOfJob(t, t.callers.adminA, held.id);
    expect(request).toMatchObject({ approvableName: 'Update firmware', approvableResource: { id: prod.id, type: 'compute-ops-mgmt/group', resourceUri: `/compute-ops-mgmt/v1/groups/${prod.id}` } });
  });

  it('leaves alone jobs no policy guards: other actions, other groups, children of held work', async () => {
    expect((await postJob(operator(), RESTART, prod.serverIds[0]!)).state).toBe('PENDING');
    expect((await postJob(operator(), TEMPLATE_IDS.powerOn, lab.serverIds[0]!)).state).toBe('PENDING');
    expect((await submit(t, operator(), TEMPLATE_IDS.groupFirmwareCompliance, { type: 'group', id: prod.id })).state).toBe('PENDING');
    const parent = await submit(t, operator(), TEMPLATE_IDS.groupFirmwareCompliance, { type: 'group', id: lab.id });
    const child = await submit(t, operator(), TEMPLATE_IDS.powerOn, { type: 'server', id: prod.serverIds[1]! }, { parentJobId: parent.id });
    expect(child.state).toBe('PENDING');
    expect(expectRequests(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(REQUESTS, `operation/id eq '${child.id}'`) })).count).toBe(0);
  });

  it('tells the held job story in the activity feed, found by the job URI', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!);
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`contains(source/resourceUri,'${created.id}')`)}` });
    const items = (res.json() as { items: { key: string; message: string; source: { type: string } }[] }).items;
    expect(items[0]).toMatchObject({ key: 'APPROVAL_REQUEST_CREATED', source: { type: 'Job' } });
    expect(items[0]!.message).toContain('must approve');
  });
});

describe('deciding', () => {
  it('approves: the request is APPROVED, the job queued and then run by the engine', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[1]!);
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    const res = await decide(t, t.callers.adminA, request.id, 'APPROVED', 'go ahead');
    expect(expectHpeSchema(res, 'approvalRequestsApprove-v1beta2')).toEqual({ approvalState: 'APPROVED', remarks: 'go ahead' });
    const after = expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }));
    expect(after).toMatchObject({
      approvalState: 'APPROVED',
      generation: 2,
      requestData: { approvals: [{ approverId: { firstName: '', lastName: '', email: t.callers.adminA.email }, approvalState: 'APPROVED', remarks: 'go ahead' }] },
    });
    expect(await job(created.id)).toMatchObject({ state: 'PENDING', approvalRequestId: null, status: 'Pending' });
    // A slower clock than the default keeps a loaded machine from making the power transition look stuck.
    await openEngine(t.store, { timeFactor: 1000 }).engine.runUntilIdle();
    expect(await job(created.id)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
    expect((await findServer(t.store, t.workspaces.A, prod.serverIds[1]!))!.hardware.powerState).toBe('ON');
  });

  it('declines: one decline ends the job ERROR with the reason clients read', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOff, prod.serverIds[1]!);
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    expect(request.minApprovers).toBe(2);
    expect((await decide(t, second, request.id, 'DECLINED', 'not during business hours')).json()).toEqual({ approvalState: 'DECLINED', remarks: 'not during business hours' });
    expect(expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` })).approvalState).toBe('DECLINED');
    const ended = await job(created.id);
    expect(ended).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', status: 'Approval declined', approvalRequestId: null });
    expect(ended.endedAt).not.toBeNull();
    const wire = (await t.call(operator(), { method: 'GET', url: `${JOBS}/${created.id}` })).json() as { data: { state_reason_message: { message_args: string[] } } };
    expect(wire.data.state_reason_message.message_args[0]).toBe(`Declined by ${second.email}: not during business hours`);
    await openEngine(t.store, { timeFactor: 1000 }).engine.runUntilIdle();
    expect((await job(created.id)).state).toBe('ERROR');
  });

  it('waits for minApprovers approvals, listing every decision', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOff, prod.serverIds[0]!);
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    expect((await decide(t, t.callers.adminA, request.id)).statusCode).toBe(400);
    expect((await decide(t, t.callers.adminA, request.id, 'APPROVED')).json()).toEqual({ approvalState: 'APPROVED', remarks: '' });
    const half = expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }));
    expect(half).toMatchObject({ approvalState: 'PENDING', generation: 2 });
    expect(half.requestData.approvals).toHaveLength(1);
    expect((await job(created.id)).state).toBe('APPROVAL_PENDING');
    expect((await decide(t, second, request.id, 'APPROVED', 'ok')).statusCode).toBe(200);
    const done = expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }));
    expect(done.approvalState).toBe('APPROVED');
    expect(done.requestData.approvals.map((a) => [a.approverId.email, a.approvalState])).toEqual([
      [t.callers.adminA.email, 'APPROVED'],
      [second.email, 'APPROVED'],
    ]);
    expect((await job(created.id)).state).toBe('PENDING');
  });

  it('records an activity per decision, the last one telling the job is queued', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent("contains(key,'APPROVAL_REQUEST_')")}&limit=100` });
    const items = (res.json() as { items: { key: string; message: string }[] }).items;
    expect(items.filter((i) => i.key === 'APPROVAL_REQUEST_APPROVED').map((i) => i.message.includes('the job is queued'))).toEqual([true, false, true]);
    expect(items.filter((i) => i.key === 'APPROVAL_REQUEST_DECLINED')).toHaveLength(1);
  });
});

describe('withdrawing, expiring, deleting the policy', () => {
  it('lets the requester cancel a pending request; the job never runs', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!);
    const request = await requestOfJob(t, operator(), created.id);
    const res = await t.call(operator(), { method: 'PATCH', url: `${REQUESTS}/${request.id}`, headers: mergePatch, payload: { approvalState: 'CANCELLED', requestRemarks: 'wrong server' } });
    expect(expectRequest(res)).toMatchObject({ approvalState: 'CANCELLED', cancelledBy: operator().email, requestRemarks: 'wrong server', generation: 2 });
    expect(await job(created.id)).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', status: 'Approval request cancelled' });
    expect((await job(created.id)).data['state_reason_message']).toEqual({ message_id: 'JOB-APPROVAL-CANCELLED', message_args: [`Cancelled by the requester ${operator().email}: wrong server`] });
  });

  it('withdraws the request of a held job ended by hand (the hook the jobs group calls)', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!);
    const request = await requestOfJob(t, operator(), created.id);
    await t.store.transaction(async (tx) => {
      await changeJob(tx, t.workspaces.A, created.id, (j) => ({ ...j, state: 'ERROR', resultCode: 'FAILURE', status: 'Ended by user' }));
      await withdrawRequestOfJob(tx, t.workspaces.A, created.id, operator().email);
    });
    const after = expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }));
    expect(after).toMatchObject({ approvalState: 'CANCELLED', cancelledBy: `The job was ended by ${operator().email} while it waited for approval`, generation: 2 });
    expect((await decide(t, t.callers.adminA, request.id, 'APPROVED')).statusCode).toBe(409);
    expect((await job(created.id)).status).toBe('Ended by user');
  });

  it('shows a request past its deadline as EXPIRED, refuses to decide it and ends its job', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!);
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    await t.store.run('UPDATE approval_requests SET expires_at = ? WHERE id = ?', ['2000-01-01T00:00:00.000000Z', request.id]);
    expect(expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` })).approvalState).toBe('EXPIRED');
    const listed = expectRequests(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(REQUESTS, "approvalState eq 'EXPIRED'") }));
    expect(listed.items.map((i) => i.id)).toEqual([request.id]);
    expect((await job(created.id)).state).toBe('APPROVAL_PENDING');
    expect((await decide(t, t.callers.adminA, request.id, 'APPROVED')).statusCode).toBe(409);
    expect(await job(created.id)).toMatchObject({ state: 'ERROR', status: 'Approval request expired' });
    expect(expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` })).generation).toBe(2);
  });

  it('expires pending requests in the sweep and ends their jobs', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!);
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    expect(await expireApprovals(t.store)).toBe(0);
    const weekLater = new Date(Date.now() + (t.config.approvals.expiryHours + 1) * 3_600_000).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    expect(await expireApprovals(t.store, weekLater)).toBeGreaterThanOrEqual(1);
    expect(expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }))).toMatchObject({ approvalState: 'EXPIRED', generation: 2 });
    expect(await job(created.id)).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE' });
    expect(await expireApprovals(t.store, weekLater)).toBe(0);
  });

  it('cancels the pending requests of a deleted policy; their jobs never run', async () => {
    const created = await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!);
    const request = await requestOfJob(t, t.callers.adminA, created.id);
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${POLICIES}/${policy.id}` })).statusCode).toBe(204);
    const after = expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${request.id}` }));
    expect(after).toMatchObject({ approvalState: 'CANCELLED', cancelledBy: `Approval policy prod was deleted by ${t.callers.adminA.email}` });
    expect(await job(created.id)).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE' });
    // Without the policy the same action is no longer held.
    expect((await postJob(operator(), TEMPLATE_IDS.powerOn, prod.serverIds[2]!)).state).toBe('PENDING');
  });
});

describe('lists', () => {
  it('filters on the documented properties and sorts newest first by default', async () => {
    const all = expectRequests(await t.call(t.callers.adminA, { method: 'GET', url: REQUESTS }));
    expect(all.total).toBeGreaterThanOrEqual(8);
    const created = all.items.map((i) => i.createdAt as string);
    expect([...created].sort().reverse()).toEqual(created);
    const count = async (filter: string) => expectRequests(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(REQUESTS, filter) })).total;
    const expected = (pick: (i: (typeof all.items)[number]) => boolean) => all.items.filter(pick).length;
    // Deleting the policy cancelled every request still pending.
    expect(await count("approvalState eq 'PENDING'")).toBe(0);
    expect(await count("approvalState eq 'CANCELLED'")).toBe(expected((i) => i.approvalState === 'CANCELLED'));
    expect(await count("approvalState in ('APPROVED', 'DECLINED')")).toBe(3);
    expect(await count("approvalState eq 'approved'")).toBe(2);
    // The sweep ran a week ahead, so it expired every request then pending, not only its own.
    expect(await count("approvalState eq 'EXPIRED'")).toBe(expected((i) => i.approvalState === 'EXPIRED'));
    expect(expected((i) => i.approvalState === 'EXPIRED')).toBeGreaterThanOrEqual(2);
    expect(await count("contains(approvableName,'Power on')")).toBe(expected((i) => i.approvableName === 'Power on'));
    expect(await count("approvableResource/type eq 'compute-ops-mgmt/group'")).toBe(1);
    // The reference's own example, misspelling included.
    expect(await count("operation/type eq 'compute-ops-mgmt/job' and approvalableResource/type eq 'compute-ops-mgmt/server'")).toBe(all.total - 1);
    expect(await count(`approvableResource/id eq '${prod.id}'`)).toBe(1);
    expect(await count(`approvableResource/id eq '${prod.serverIds[2]}'`)).toBe(expected((i) => i.approvableResource.id === prod.serverIds[2]));
    expect(await count("operation/type eq 'compute-ops-mgmt/job'")).toBe(all.total);
    expect(await count("not operation/type eq 'compute-ops-mgmt/job'")).toBe(0);
    expect(await count(`policy/id eq '${policy.id}'`)).toBe(all.total);
    expect(await count('createdAt le 2000-01-01T00:00:00Z')).toBe(0);
    const page = expectRequests(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}?offset=1&limit=2&sort=createdAt asc` }));
    expect(page).toMatchObject({ offset: 1, count: 2, total: all.total });
  });

  it('follows the legacy prefix in types, links and filters', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta2/approval-requests?filter=${encodeURIComponent("approvableResource/type eq 'compute-ops/group'")}` });
    const body = res.json() as { count: number; items: { type: string; resourceUri: string; operation: { type: string; resourceUri: string } }[] };
    expect(body.count).toBe(1);
    expect(body.items[0]).toMatchObject({ type: 'compute-ops/approval-request', operation: { type: 'compute-ops/job' } });
    expect(body.items[0]!.resourceUri.startsWith('/compute-ops/v1beta2/approval-requests/')).toBe(true);
    expect(body.items[0]!.operation.resourceUri.startsWith('/compute-ops/v1/jobs/')).toBe(true);
  });
});
