// approval-policies v1beta2, bad input: malformed bodies are 400, semantically invalid policies 422 naming
// the member at fault, taken names and groups 409, stale If-Match 412 — and nothing is stored or changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { approvable, createPolicy, groupRef, groupWithServers, json, mergePatch, POLICIES, type PolicyWire } from './approvals.fixtures.ts';

let t: TestApp;
let prod: string;
let lab: string;
let other: string;
let taken: PolicyWire;
let second: PolicyWire;
let before: Record<string, unknown[]>;
const admin = () => t.callers.adminA.email;

beforeAll(async () => {
  t = await openTestApp();
  prod = (await groupWithServers(t, t.callers.adminA, 'Prod', 0)).id;
  lab = (await groupWithServers(t, t.callers.adminA, 'Lab', 0)).id;
  other = (await groupWithServers(t, t.callers.adminB, 'B group', 0)).id;
  taken = await createPolicy(t, { name: 'Taken', policyData: { approvables: [approvable('Reset', [admin()])], resources: [groupRef(prod)] } });
  second = await createPolicy(t, { name: 'second' });
  before = await snapshot(t.store);
}, 120_000);
afterAll(() => t.close());

const post = (payload: unknown, headers: Record<string, string> = json) => t.call(t.callers.adminA, { method: 'POST', url: POLICIES, headers, payload: payload as string });
const patch = (payload: unknown, headers: Record<string, string> = {}) =>
  t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${taken.id}`, headers: { ...mergePatch, ...headers }, payload: payload as string });
const valid = (approvables: unknown[], resources: unknown[] = [groupRef(lab)]) => ({ name: 'new', policyData: { approvables, resources } });

describe('approval policies: malformed requests (400, 415)', () => {
  it('refuses a missing name, wrong types and broken JSON with 400', async () => {
    expectComError(await post({ description: 'no name' }), 400, { key: 'BAD_REQUEST', subjects: ['name'] });
    expectComError(await post({ name: 7 }), 400, { subjects: ['name'] });
    expectComError(await post({ name: 'x', policyData: { approvables: {} } }), 400, { subjects: ['policyData.approvables'] });
    expectComError(await post({ name: 'x', policyData: { approvables: [{ approvableName: 'Reset', approvers: [{ email: admin() }], minApprovers: '2' }] } }), 400, {
      subjects: ['policyData.approvables.0.minApprovers'],
    });
    expectComError(await post({ name: 'x', policyData: { approvables: [{ approvableName: 'Reset' }] } }), 400, { subjects: ['policyData.approvables.0.approvers'] });
    expectComError(await post('{"name":'), 400, { key: 'MALFORMED_BODY' });
    expectComError(await patch({ name: null }), 400, { subjects: ['name'] });
  });

  it('refuses other media types with 415', async () => {
    expectComError(await post({ name: 'x' }, mergePatch), 415);
    expectComError(await patch({ name: 'x' }, json), 415);
  });
});

describe('approval policies: semantically invalid policies (422)', () => {
  it('refuses approvable names outside the list, case included, and the same action twice', async () => {
    expectComError(await post(valid([approvable('Reboot', [admin()])])), 422, { key: 'UNPROCESSABLE_ENTITY', subjects: ['policyData.approvables.0.approvableName'] });
    expectComError(await post(valid([approvable('power on', [admin()])])), 422, { subjects: ['policyData.approvables.0.approvableName'] });
    expectComError(await post(valid([approvable('Reset', [admin()]), approvable('Reset', [admin()])])), 422, { subjects: ['policyData.approvables.1.approvableName'] });
  });

  it('refuses approvers who are not users who may act in the workspace, and impossible counts', async () => {
    expectComError(await post(valid([approvable('Reset', ['nobody@a.example'])])), 422, { subjects: ['policyData.approvables.0.approvers.0.email'] });
    expectComError(await post(valid([approvable('Reset', [t.callers.adminB.email])])), 422, { subjects: ['policyData.approvables.0.approvers.0.email'] });
    expectComError(await post(valid([approvable('Reset', [admin(), t.callers.observerA.email])])), 422, { subjects: ['policyData.approvables.0.approvers.1.email'] });
    expectComError(await post(valid([approvable('Reset', ['not an e-mail'])])), 422, { subjects: ['policyData.approvables.0.approvers.0.email'] });
    expectComError(await post(valid([approvable('Reset', [admin(), admin().toUpperCase()])])), 422, { subjects: ['policyData.approvables.0.approvers.1.email'] });
    expectComError(await post(valid([approvable('Reset', [])])), 422, { subjects: ['policyData.approvables.0.approvers'] });
    expectComError(await post(valid([approvable('Reset', [admin()], 0)])), 422, { subjects: ['policyData.approvables.0.minApprovers'] });
    expectComError(await post(valid([approvable('Reset', [admin()], 2)])), 422, { subjects: ['policyData.approvables.0.minApprovers'] });
  });

  it('refuses resources that are not groups of the workspace', async () => {
    const reset = [approvable('Reset', [admin()])];
    expectComError(await post(valid(reset, [{ resourceId: '29d8ba78-16bd-4b2f-b3c1-0395f38ee741', resourceType: 'compute-ops-mgmt/group' }])), 422, {
      subjects: ['policyData.resources.0.resourceId'],
    });
    expectComError(await post(valid(reset, [groupRef(other)])), 422, { subjects: ['policyData.resources.0.resourceId'] });
    expectComError(await post(valid(reset, [{ resourceId: lab, resourceType: 'compute-ops-mgmt/server' }])), 422, { subjects: ['policyData.resources.0.resourceType'] });
    expectComError(await post(valid(reset, [{ resourceId: 'P52560-B21+CZJ3210ABC' }])), 422, { subjects: ['policyData.resources.0.resourceId'] });
    expectComError(await post(valid(reset, [groupRef(lab), groupRef(lab.toUpperCase())])), 422, { subjects: ['policyData.resources.1.resourceId'] });
    expectComError(await post({ name: '   ' }), 422, { subjects: ['name'] });
    expectComError(await patch({ policyData: { approvables: [approvable('Nope', [admin()])] } }), 422, { subjects: ['policyData.approvables.0.approvableName'] });
  });
});

describe('approval policies: conflicts (409) and preconditions (412)', () => {
  it('refuses a taken name (ignoring case) and a group another policy covers', async () => {
    expectComError(await post({ name: ' taken ' }), 409, { key: 'CONFLICT', subjects: ['name'] });
    expectComError(await post(valid([approvable('Reset', [admin()])], [groupRef(lab), groupRef(prod)])), 409, { subjects: ['policyData.resources.1.resourceId'] });
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${second.id}`, headers: mergePatch, payload: { name: 'TAKEN' } }), 409, { subjects: ['name'] });
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${second.id}`, headers: mergePatch, payload: { policyData: { resources: [groupRef(prod)] } } }), 409);
  });

  it('refuses a stale If-Match with 412', async () => {
    expectComError(await patch({ description: 'x' }, { 'if-match': '"99"' }), 412, { key: 'PRECONDITION_FAILED' });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${POLICIES}/${taken.id}`, headers: { 'if-match': '0' } }), 412);
  });

  it('answers 404 for unknown and odd ids', async () => {
    for (const id of ['4c102e14-87cd-4c00-8f5a-73073f85c9a2', 'nope']) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}/${id}` }), 404, { key: 'NOT_FOUND' });
      expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${POLICIES}/${id}`, headers: mergePatch, payload: { name: 'x' } }), 404);
      expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${POLICIES}/${id}` }), 404);
    }
  });

  it('answers bad list parameters with 400', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}?filter=${encodeURIComponent('policyData/approvables eq 1')}` }), 400, { key: 'INVALID_QUERY' });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}?sort=${encodeURIComponent('policyData/resources/id')}` }), 400);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${POLICIES}?limit=-1` }), 400);
  });

  it('stored nothing and changed nothing while refusing all of the above', async () => {
    expect(await snapshot(t.store)).toEqual(before);
  });
});
