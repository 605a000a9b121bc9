// alerts: bad input (error) and access (security). Refused requests answer a COM 4xx and change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { ComError } from '../../http/com-error.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Server } from '../servers/model.ts';
import { alertFromCatalogue, raiseAlert, type Alert } from './service.ts';

const V1 = '/compute-ops-mgmt/v1';
const V1BETA2 = '/compute-ops-mgmt/v1beta2';
const json = { 'content-type': 'application/json' };

let t: TestApp;
let a: Server;
let aB: Server;
let t1: Server;
let util: Alert;
let fan: Alert;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  // The same seed in B gives a server with the very same id: only the workspace tells them apart.
  a = (await seedServers(t.store, t.workspaces.A, 1, { seed: 5 }))[0]!;
  aB = (await seedServers(t.store, t.workspaces.B, 1, { seed: 5 }))[0]!;
  t1 = (await seedServers(t.store, t.workspaces.T1, 1, { seed: 6 }))[0]!;
  util = await raiseAlert(t.store, t.workspaces.A, alertFromCatalogue('ProjectedCriticalPowerUtilExceeded', a.id, nowTimestamp()));
  fan = await raiseAlert(t.store, t.workspaces.A, alertFromCatalogue('FanFailed', a.id, nowTimestamp()));
  await raiseAlert(t.store, t.workspaces.T1, alertFromCatalogue('DriveFailed', t1.id, nowTimestamp()));
});
afterAll(() => t.close());
beforeEach(async () => {
  before = await snapshot(t.store);
});

const clearUrl = (id: string, version = V1) => `${version}/servers/${id}/clear-alert`;
const clearBody = () => ({ alerts: [{ messageId: util.messageId, originOfCondition: util.originOfCondition, serverId: a.id }] });
async function unchanged() {
  expect(await snapshot(t.store)).toEqual(before);
}

describe('alerts bad input', () => {
  it.each([
    ['filter', 'severity eq'],
    ['filter', 'nosuch eq 1'],
    ['filter', "serverId eq 'x'"],
    ['filter', "tolower(serviceEvent) eq 'true'"],
    ['sort', 'message desc'],
    ['sort', 'severity sideways'],
    ['offset', '-1'],
    ['limit', 'ten'],
    ['select', '//'],
  ])('GET /v1/alerts answers 400 naming a bad %s (%s)', async (parameter, value) => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/alerts?${parameter}=${encodeURIComponent(value)}` }), 400, {
      key: 'INVALID_QUERY',
      subjects: [parameter],
    });
  });

  it('v1beta2 server alerts filter only on what v1beta2 shows', async () => {
    for (const filter of ["messageId eq 'x'", 'cleared eq true', "device/id eq 'x'"]) {
      const res = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/servers/${a.id}/alerts?filter=${encodeURIComponent(filter)}` });
      expectComError(res, 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
    }
    const ok = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/servers/${a.id}/alerts?filter=${encodeURIComponent("severity eq 'critical'")}` });
    expect(expectHpeSchema<{ items: { id: string }[] }>(ok, 'alertCollection-v1beta2').items.map((i) => i.id)).toEqual([fan.id]);
  });

  it('answers a NUL in the server id with a COM 4xx', async () => {
    for (const url of [`${V1}/servers/%00/alerts`, `${V1BETA2}/servers/a%00b/alerts`]) {
      const res = await t.call(t.callers.adminA, { method: 'GET', url });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectComError(res, res.statusCode);
    }
  });

  it.each(['P00000-B21+NOSUCH', '..%2F..%2Fetc', '%E2%9C%93', 'x'.repeat(300)])('answers 404 for the server %s', async (id) => {
    for (const url of [`${V1}/servers/${id}/alerts`, `${V1BETA2}/servers/${id}/alerts`]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url }), 404, { key: 'NOT_FOUND' });
    }
    for (const version of [V1, V1BETA2]) {
      expectComError(await t.call(t.callers.adminA, { method: 'POST', url: clearUrl(id, version), headers: json, payload: { alerts: [] } }), 404);
    }
    await unchanged();
  });

  const bodies: [string, Record<string, string>, string, number, string | undefined][] = [
    ['no alerts member', json, '{}', 400, 'alerts'],
    ['alerts not an array', json, '{"alerts": {"messageId": "x"}}', 400, 'alerts'],
    ['a number for messageId', json, '{"alerts": [{"messageId": 7}]}', 400, 'alerts.0.messageId'],
    ['an entry naming nothing to clear', json, '{"alerts": [{"serverId": "SERVER"}]}', 400, 'alerts.0.messageId'],
    ['an entry for another server', json, '{"alerts": [{"messageId": "Utilization.1.0.ProjectedCriticalPowerUtilExceeded", "serverId": "P00000-B21+OTHER"}]}', 400, 'alerts.0.serverId'],
    ['malformed JSON', json, '{"alerts": [', 400, undefined],
    ['an empty body', json, '', 400, undefined],
    ['text/plain', { 'content-type': 'text/plain' }, '{"alerts": []}', 415, undefined],
    ['merge-patch', { 'content-type': 'application/merge-patch+json' }, '{"alerts": []}', 415, undefined],
    ['no content type', {}, '{"alerts": []}', 415, undefined],
  ];
  it.each(bodies)('clear-alert refuses %s and clears nothing', async (_name, headers, payload, status, subject) => {
    for (const version of [V1, V1BETA2]) {
      const res = await t.call(t.callers.adminA, { method: 'POST', url: clearUrl(a.id, version), headers, payload: payload.replace('SERVER', a.id) });
      expectComError(res, status, subject ? { subjects: [subject] } : {});
    }
    await unchanged();
  });

  it('raiseAlert refuses invalid input and unknown servers, storing nothing', async () => {
    const good = alertFromCatalogue('FanFailed', a.id, nowTimestamp());
    const bad = { ...good, severity: 'SEVERE', category: 'bananas', messageId: 'FanFailed', timestamp: 'yesterday', message: ' ' };
    const err = await raiseAlert(t.store, t.workspaces.A, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ComError);
    const subjects = ((err as ComError).details ?? []).flatMap((d) => ('issues' in d ? d.issues.map((i) => i.subject) : []));
    expect(subjects.sort()).toEqual(['category', 'message', 'messageId', 'severity', 'timestamp']);
    await expect(raiseAlert(t.store, t.workspaces.A, { ...good, serverId: 'P00000-B21+NOSUCH' })).rejects.toMatchObject({ key: 'NOT_FOUND' });
    await expect(raiseAlert(t.store, t.workspaces.B, { ...good, serverId: t1.id })).rejects.toMatchObject({ key: 'NOT_FOUND' });
    await unchanged();
  });
});

describe('alerts access', () => {
  const reads = () => [`${V1}/alerts`, `${V1}/servers/${a.id}/alerts`, `${V1BETA2}/servers/${a.id}/alerts`];

  it('requires a token', async () => {
    for (const url of reads()) expectComError(await t.call(null, { method: 'GET', url }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'POST', url: clearUrl(a.id), headers: json, payload: clearBody() }), 401);
    await unchanged();
  });

  it('lets observers read but not clear', async () => {
    for (const url of reads()) expect((await t.call(t.callers.observerA, { method: 'GET', url })).statusCode).toBe(200);
    for (const version of [V1, V1BETA2]) {
      expectComError(await t.call(t.callers.observerA, { method: 'POST', url: clearUrl(a.id, version), headers: json, payload: clearBody() }), 403, { key: 'FORBIDDEN' });
    }
    await unchanged();
  });

  it.each(['adminB', 'mspAdmin'] as const)("%s never sees or clears workspace A's alerts", async (name) => {
    const other: Caller = t.callers[name];
    const all = await t.call(other, { method: 'GET', url: `${V1}/alerts?filter=${encodeURIComponent(`device/id eq '${a.id}'`)}` });
    expect(expectHpeSchema(all, 'alertCollection-v1')).toMatchObject({ total: 0, items: [] });
    expect((await t.call(other, { method: 'GET', url: `${V1}/alerts` })).json().total).toBe(0);
    if (name === 'adminB') {
      // B owns a server with the same id, without alerts: it sees its own empty list, never A's.
      expect(expectHpeSchema(await t.call(other, { method: 'GET', url: `${V1}/servers/${aB.id}/alerts` }), 'alertCollection-v1')).toMatchObject({ total: 0 });
      const res = await t.call(other, { method: 'POST', url: clearUrl(aB.id), headers: json, payload: clearBody() });
      expect(res.statusCode).toBe(202);
    } else {
      expectComError(await t.call(other, { method: 'GET', url: `${V1}/servers/${a.id}/alerts` }), 404);
      expectComError(await t.call(other, { method: 'GET', url: `${V1BETA2}/servers/${a.id}/alerts` }), 404);
      expectComError(await t.call(other, { method: 'POST', url: clearUrl(a.id), headers: json, payload: clearBody() }), 404);
    }
    await unchanged();
  });

  it('lets an MSP act on its tenant with Tenant-Acid, and nowhere else', async () => {
    const inT1 = { 'tenant-acid': t.workspaces.T1 };
    const res = await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/alerts`, headers: inT1 });
    const body = expectHpeSchema<{ items: { serverId: string }[] }>(res, 'alertCollection-v1');
    expect(body.items.map((i) => i.serverId)).toEqual([t1.id]);
    expect((await t.call(t.callers.tenant1Admin, { method: 'GET', url: `${V1}/servers/${t1.id}/alerts` })).json().total).toBe(1);
    expect((await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/servers/${t1.id}/alerts`, headers: inT1 })).json().total).toBe(1);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/servers/${t1.id}/alerts` }), 404);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/servers/${a.id}/alerts`, headers: inT1 }), 404);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/alerts`, headers: { 'tenant-acid': t.workspaces.B } }), 403, { key: 'TENANT_FORBIDDEN' });
    await unchanged();
  });

  it("lets an MSP clear its tenant's power alerts with Tenant-Acid, and only there", async () => {
    const inT1 = { ...json, 'tenant-acid': t.workspaces.T1 };
    const power = await raiseAlert(t.store, t.workspaces.T1, alertFromCatalogue('CriticalPowerUtilExceeded', t1.id, nowTimestamp()));
    const payload = { alerts: [{ messageId: power.messageId }] };
    expectComError(await t.call(t.callers.mspAdmin, { method: 'POST', url: clearUrl(t1.id), headers: json, payload }), 404);
    expect((await t.call(t.callers.mspAdmin, { method: 'POST', url: clearUrl(t1.id, V1BETA2), headers: inT1, payload })).statusCode).toBe(202);
    const filter = encodeURIComponent(`id eq '${power.id}'`);
    const body = expectHpeSchema<{ items: { cleared: boolean }[] }>(await t.call(t.callers.tenant1Admin, { method: 'GET', url: `${V1}/alerts?filter=${filter}` }), 'alertCollection-v1');
    expect(body.items.map((i) => i.cleared)).toEqual([true]);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/alerts` })).json().items.every((i: { cleared: boolean }) => !i.cleared)).toBe(true);
  });
});
