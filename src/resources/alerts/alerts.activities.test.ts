// alerts: clear-alert through the API leaves exactly one SERVER_ALERT_CLEARED per alert it clears (happy),
// a refused request leaves none (error), and the feed is per workspace (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Server } from '../servers/model.ts';
import { alertFromCatalogue, raiseAlert, type Alert, type AlertMessageKey } from './service.ts';

const V1 = '/compute-ops-mgmt/v1';
const V1BETA2 = '/compute-ops-mgmt/v1beta2';
const json = { 'content-type': 'application/json' };

type Activity = Record<string, unknown> & { key: string; source: Record<string, unknown> };

let t: TestApp;
let a: Server;
let aB: Server;
beforeAll(async () => {
  t = await openTestApp();
  // The same seed in B gives a server with the very same id: only the workspace tells them apart.
  a = (await seedServers(t.store, t.workspaces.A, 1, { seed: 21 }))[0]!;
  aB = (await seedServers(t.store, t.workspaces.B, 1, { seed: 21 }))[0]!;
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM alerts');
  await t.store.run('DELETE FROM activities');
});

const raise = (key: AlertMessageKey, server: Server = a, workspaceId = t.workspaces.A): Promise<Alert> =>
  raiseAlert(t.store, workspaceId, alertFromCatalogue(key, server.id, nowTimestamp()));

const clear = (payload: unknown, caller: Caller = t.callers.operatorA, server: Server = a, version = V1) =>
  t.call(caller, { method: 'POST', url: `${version}/servers/${encodeURIComponent(server.id)}/clear-alert`, headers: json, payload: payload as Record<string, unknown> });

async function cleared(caller: Caller = t.callers.adminA, server: Server = a): Promise<Activity[]> {
  const filter = `key eq 'SERVER_ALERT_CLEARED' and source/id eq '${server.id}'`;
  const res = await t.call(caller, { method: 'GET', url: `${V1BETA2}/activities?filter=${encodeURIComponent(filter)}` });
  return expectHpeSchema<{ items: Activity[] }>(res, 'activityCollection-v1beta2').items;
}

describe('clear-alert activities: happy paths', () => {
  for (const version of [V1, V1BETA2]) {
    it(`${version.split('/').pop()} records one SERVER_ALERT_CLEARED per cleared alert, even when entries overlap`, async () => {
      const projected = await raise('ProjectedCriticalPowerUtilExceeded');
      const critical = await raise('CriticalPowerUtilExceeded');
      const payload = {
        alerts: [
          { messageId: projected.messageId, originOfCondition: projected.originOfCondition },
          { messageId: projected.messageId },
          { originOfCondition: projected.originOfCondition },
          { messageId: critical.messageId, serverId: a.id },
        ],
      };
      expect((await clear(payload, t.callers.operatorA, a, version)).statusCode).toBe(202);
      const items = await cleared();
      expect(items).toHaveLength(2);
      for (const item of items) {
        expect(item).toMatchObject({ source: { type: 'Server', id: a.id, name: a.name, resourceUri: `${V1}/servers/${a.id}` }, associatedServerId: a.id, healthState: 'OK' });
      }
      expect(items.map((i) => i.message).sort()).toEqual([critical, projected].map((x) => `Alert cleared: ${x.message}\n\nMessage ID: ${x.messageId}`).sort());
      // Clearing again clears nothing and records nothing.
      expect((await clear(payload, t.callers.operatorA, a, version)).statusCode).toBe(202);
      expect(await cleared()).toHaveLength(2);
    });
  }

  it('records nothing when no software alert matches, and never clears a hardware alert', async () => {
    const fan = await raise('FanFailed');
    expect((await clear({ alerts: [{ messageId: fan.messageId }, { originOfCondition: fan.originOfCondition }] })).statusCode).toBe(202);
    expect((await clear({ alerts: [] })).statusCode).toBe(202);
    expect(await cleared()).toEqual([]);
  });
});

describe('clear-alert activities: refused requests record nothing', () => {
  it('400 for a bad entry and 404 for an unknown server leave alerts and activities unchanged', async () => {
    const projected = await raise('ProjectedCriticalPowerUtilExceeded');
    const before = await snapshot(t.store);
    // One valid entry beside a bad one: the whole request is refused, the valid one clears nothing.
    const mixed = { alerts: [{ messageId: projected.messageId }, { messageId: projected.messageId, serverId: 'P00000-B21+OTHER' }] };
    expectComError(await clear(mixed), 400, { subjects: ['alerts.1.serverId'] });
    expectComError(await clear({ alerts: [{ serverId: a.id }] }), 400, { subjects: ['alerts.0.messageId'] });
    expectComError(await clear({ alerts: [{ messageId: projected.messageId }] }, t.callers.operatorA, { ...a, id: 'P00000-B21+NOSUCH' }), 404, { key: 'NOT_FOUND' });
    expectComError(await clear({ alerts: [{ messageId: projected.messageId }] }, t.callers.observerA), 403);
    expect(await snapshot(t.store)).toEqual(before);
    expect(await cleared()).toEqual([]);
  });
});

describe('clear-alert activities: workspace isolation', () => {
  it("B clears only its own server's alerts, and each workspace sees only its own activities", async () => {
    const inA = await raise('ProjectedCriticalPowerUtilExceeded');
    await raise('ProjectedCriticalPowerUtilExceeded', aB, t.workspaces.B);
    expect((await clear({ alerts: [{ messageId: inA.messageId }] }, t.callers.adminB, aB)).statusCode).toBe(202);
    expect(await cleared(t.callers.adminB, aB)).toHaveLength(1);
    expect(await cleared()).toEqual([]);
    expect(await cleared(t.callers.mspAdmin)).toEqual([]);
    expect((await clear({ alerts: [{ messageId: inA.messageId }] })).statusCode).toBe(202);
    expect(await cleared()).toHaveLength(1);
    expect(await cleared(t.callers.adminB, aB)).toHaveLength(1);
  });

  it("answers 404 to the MSP for A's server and records nothing", async () => {
    const inA = await raise('ProjectedCriticalPowerUtilExceeded');
    const before = await snapshot(t.store);
    expectComError(await clear({ alerts: [{ messageId: inA.messageId }] }, t.callers.mspAdmin), 404);
    expect(await snapshot(t.store)).toEqual(before);
    expect(await cleared()).toEqual([]);
  });
});
