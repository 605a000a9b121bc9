// approval-requests v1beta2, refused actions: who may not decide or cancel (403), what can no longer be decided
// or cancelled (409), malformed bodies (400/415), stale If-Match (412), unknown ids (404) — nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { findJob } from '../../job-engine/repository.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import {
  addCaller,
  approvable,
  createPolicy,
  decide,
  expectRequest,
  groupRef,
  groupWithServers,
  json,
  mergePatch,
  REQUESTS,
  requestOfJob,
  submit,
  type RequestWire,
} from '../approval-policies/approvals.fixtures.ts';

let t: TestApp;
let second: Caller;
let servers: string[];
let pending: RequestWire;
let decided: RequestWire;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  second = await addCaller(t, t.workspaces.A, 'second@a.example', 'operator');
  const prod = await groupWithServers(t, t.callers.adminA, 'Prod', 2);
  servers = prod.serverIds;
  // The administrator is an approver and also starts jobs: the requester may not approve their own.
  await createPolicy(t, {
    name: 'prod',
    policyData: { approvables: [approvable('Power on', [t.callers.adminA.email, second.email], 2)], resources: [groupRef(prod.id)] },
  });
  const held = await submit(t, t.callers.adminA, TEMPLATE_IDS.powerOn, { type: 'server', id: servers[0]! });
  pending = await requestOfJob(t, t.callers.adminA, held.id);
  const other = await submit(t, t.callers.operatorA, TEMPLATE_IDS.powerOn, { type: 'server', id: servers[1]! });
  decided = await requestOfJob(t, t.callers.adminA, other.id);
  expect((await decide(t, second, decided.id, 'DECLINED', 'no')).statusCode).toBe(200);
  before = await snapshot(t.store);
}, 120_000);
afterAll(() => t.close());

const cancel = (caller: Caller, id: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.call(caller, { method: 'PATCH', url: `${REQUESTS}/${id}`, headers: { ...mergePatch, ...headers }, payload: payload as string });

describe('deciding: refused', () => {
  it('is forbidden to anyone the policy does not name, and to the requester', async () => {
    expectComError(await decide(t, t.callers.operatorA, pending.id, 'APPROVED'), 403, { key: 'FORBIDDEN' });
    const self = expectComError(await decide(t, t.callers.adminA, pending.id, 'APPROVED'), 403, { key: 'FORBIDDEN' });
    expect(self.message).toMatch(/requester/);
    expectComError(await decide(t, t.callers.observerA, pending.id, 'DECLINED'), 403);
  });

  it('conflicts once the request is decided, and for an approver who already decided', async () => {
    expectComError(await decide(t, second, decided.id, 'APPROVED'), 409, { key: 'CONFLICT' });
    const adminOnDecided = expectComError(await decide(t, t.callers.adminA, decided.id, 'APPROVED'), 409);
    expect(adminOnDecided.message).toMatch(/DECLINED/);
  });

  it('refuses bodies that are not a decision', async () => {
    for (const payload of [{}, { approvalState: 'CANCELLED' }, { approvalState: 'approved' }, { approvalState: 'APPROVED', remarks: 5 }]) {
      expectComError(await t.call(second, { method: 'POST', url: `${REQUESTS}/${pending.id}/approve`, headers: json, payload }), 400, { key: 'BAD_REQUEST' });
    }
    expectComError(await t.call(second, { method: 'POST', url: `${REQUESTS}/${pending.id}/approve` }), 415);
    expectComError(await t.call(second, { method: 'POST', url: `${REQUESTS}/${pending.id}/approve`, headers: mergePatch, payload: { approvalState: 'APPROVED' } }), 415);
  });
});

describe('cancelling: refused', () => {
  it('is forbidden to anyone but the requester, approvers and administrators included', async () => {
    expectComError(await cancel(second, pending.id, { approvalState: 'CANCELLED' }), 403, { key: 'FORBIDDEN' });
    expectComError(await cancel(t.callers.operatorA, pending.id, { approvalState: 'CANCELLED' }), 403);
    expectComError(await cancel(t.callers.observerA, pending.id, { approvalState: 'CANCELLED' }), 403);
  });

  it('conflicts once the request is decided', async () => {
    expectComError(await cancel(t.callers.operatorA, decided.id, { approvalState: 'CANCELLED' }), 409, { key: 'CONFLICT' });
  });

  it('accepts no other state and no other media type', async () => {
    for (const payload of [{}, { approvalState: 'APPROVED' }, { approvalState: 'cancelled' }, { requestRemarks: 'only remarks' }]) {
      expectComError(await cancel(t.callers.adminA, pending.id, payload), 400, { key: 'BAD_REQUEST' });
    }
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${REQUESTS}/${pending.id}`, headers: json, payload: { approvalState: 'CANCELLED' } }), 415);
  });

  it('honours If-Match', async () => {
    expectComError(await cancel(t.callers.adminA, pending.id, { approvalState: 'CANCELLED' }, { 'if-match': '"7"' }), 412, { key: 'PRECONDITION_FAILED' });
  });
});

describe('unknown requests and bad lists', () => {
  it('answers 404 for unknown and odd ids', async () => {
    for (const id of ['30fa7c27-64a0-4331-9462-73b0e004d4b9', 'x']) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${id}` }), 404, { key: 'NOT_FOUND' });
      expectComError(await decide(t, second, id, 'APPROVED'), 404);
      expectComError(await cancel(t.callers.adminA, id, { approvalState: 'CANCELLED' }), 404);
    }
  });

  it('answers bad filters and sorts with 400', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}?filter=${encodeURIComponent('requester/email eq 1')}` }), 400, { key: 'INVALID_QUERY' });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}?filter=${encodeURIComponent("approvalState eq 'PENDING' and")}` }), 400);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}?sort=requestData` }), 400);
  });

  it('changed nothing while refusing, and the held job is still held', async () => {
    expect(await snapshot(t.store)).toEqual(before);
    expect((await findJob(t.store, t.workspaces.A, pending.operation.id))!.state).toBe('APPROVAL_PENDING');
    expect(expectRequest(await t.call(t.callers.adminA, { method: 'GET', url: `${REQUESTS}/${pending.id}` }))).toEqual(pending);
  });
});
