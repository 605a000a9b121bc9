// async-operations: access. Every caller sees and cancels its own workspace's operations only (another
// workspace's are 404, cursors included); observers read but cannot cancel; an MSP acts on a tenant only
// through Tenant-Acid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { base, expectOperation, expectPage, json, record, type Version } from './async-operations.fixtures.ts';
import type { AsyncOperationInput } from './service.ts';

let t: TestApp;
let inA: string[];
let inB: string;
let inT1: string;
const metrics: Partial<AsyncOperationInput> = { operationType: 'SUSTAINABILITY_METRICS_COLLECTION', sourceResourcePath: 'v1/metrics-configurations' };

beforeAll(async () => {
  t = await openTestApp();
  inA = [await record(t, t.workspaces.A, metrics), await record(t, t.workspaces.A, metrics)].reverse();
  inB = await record(t, t.workspaces.B, metrics);
  inT1 = await record(t, t.workspaces.T1, metrics);
});
afterAll(() => t.close());

const VERSIONS: Version[] = ['v1', 'v1beta1'];
const listIds = async (caller: Caller, version: Version, query = '', headers: Record<string, string> = {}) =>
  expectPage(await t.call(caller, { method: 'GET', url: `${base(version)}${query}`, headers }), version).items.map((o) => o.id);

describe('async-operations access', () => {
  it('requires a token on every route', async () => {
    for (const version of VERSIONS) {
      expectComError(await t.call(null, { method: 'GET', url: base(version) }), 401, { key: 'UNAUTHORIZED' });
      expectComError(await t.call(null, { method: 'GET', url: `${base(version)}/${inA[0]}` }), 401, { key: 'UNAUTHORIZED' });
    }
    expectComError(await t.call(null, { method: 'POST', url: `${base('v1')}/${inA[0]}/cancel`, headers: json }), 401, { key: 'UNAUTHORIZED' });
    const forged = { ...t.callers.adminA, token: `${t.callers.adminA.token}x` };
    expectComError(await t.call(forged, { method: 'GET', url: base('v1') }), 401, { key: 'UNAUTHORIZED' });
  });

  it('lets every role of the workspace list and read, and only operators and administrators cancel', async () => {
    for (const caller of [t.callers.adminA, t.callers.operatorA, t.callers.observerA]) {
      for (const version of VERSIONS) {
        expect(await listIds(caller, version)).toEqual(inA);
        expectOperation(await t.call(caller, { method: 'GET', url: `${base(version)}/${inA[0]}` }), version);
      }
    }
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.observerA, { method: 'POST', url: `${base('v1')}/${inA[0]}/cancel`, headers: json }), 403, { key: 'FORBIDDEN' });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('never shows, pages to or cancels another workspace\'s operations', async () => {
    const before = await snapshot(t.store);
    for (const version of VERSIONS) {
      expect(await listIds(t.callers.adminB, version)).toEqual([inB]);
      expect(await listIds(t.callers.adminB, version, `?filter=${encodeURIComponent(`id eq '${inA[0]}'`)}`)).toEqual([]);
      expect(await listIds(t.callers.mspAdmin, version)).toEqual([]);
      expectComError(await t.call(t.callers.adminB, { method: 'GET', url: `${base(version)}/${inA[0]}` }), 404, { key: 'NOT_FOUND' });
      // A cursor handed out in workspace A means nothing in B.
      expectComError(await t.call(t.callers.adminB, { method: 'GET', url: `${base(version)}?next=${inA[1]}` }), 404, { key: 'NOT_FOUND' });
    }
    expectComError(await t.call(t.callers.adminB, { method: 'POST', url: `${base('v1')}/${inA[0]}/cancel`, headers: json }), 404, { key: 'NOT_FOUND' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${base('v1')}/${inB}/cancel`, headers: json }), 404, { key: 'NOT_FOUND' });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('lets an MSP read and cancel its tenant\'s operations through Tenant-Acid, and nowhere else', async () => {
    const asT1 = { 'tenant-acid': t.workspaces.T1 };
    for (const version of VERSIONS) {
      expect(await listIds(t.callers.mspAdmin, version, '', asT1)).toEqual([inT1]);
      expect(await listIds(t.callers.tenant1Admin, version)).toEqual([inT1]);
      expect(await listIds(t.callers.mspAdmin, version, '', { 'tenant-acid': t.workspaces.T2 })).toEqual([]);
      expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: base(version), headers: { 'tenant-acid': t.workspaces.A } }), 403, { key: 'TENANT_FORBIDDEN' });
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: base(version), headers: asT1 }), 403, { key: 'TENANT_FORBIDDEN' });
    }
    expectComError(await t.call(t.callers.mspAdmin, { method: 'POST', url: `${base('v1')}/${inT1}/cancel`, headers: { ...json, 'tenant-acid': t.workspaces.T2 } }), 404, {
      key: 'NOT_FOUND',
    });
    const res = await t.call(t.callers.mspAdmin, { method: 'POST', url: `${base('v1')}/${inT1}/cancel`, headers: { ...json, ...asT1 } });
    expect(res.statusCode, res.body).toBe(202);
    const op = expectOperation(await t.call(t.callers.tenant1Admin, { method: 'GET', url: `${base('v1')}/${inT1}` }), 'v1');
    expect(op.state).toBe('CANCELLED');
  });

  it('offers no way to create, change or delete operations over HTTP', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const version of VERSIONS) {
        const res = await t.call(t.callers.adminA, { method, url: `${base(version)}/${inA[0]}`, headers: json, payload: '{}' });
        expect([404, 405]).toContain(res.statusCode);
      }
      const res = await t.call(t.callers.adminA, { method, url: base('v1'), headers: json, payload: '{}' });
      expect([404, 405]).toContain(res.statusCode);
    }
  });
});
