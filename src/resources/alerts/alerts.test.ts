// alerts: behaviour of the service the devices use and of the v1/v1beta2 lists and clear-alert (happy).
// Bad input and access live in alerts.security.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { toStoredTimestamp } from '../../store/time.ts';
import type { Server } from '../servers/model.ts';
import { ALERT_CATALOGUE, alertFromCatalogue, clearAlerts, raiseAlert, type AlertMessageKey } from './service.ts';

const V1 = '/compute-ops-mgmt/v1';
const V1BETA2 = '/compute-ops-mgmt/v1beta2';
const json = { 'content-type': 'application/json' };
const DAY = 86_400_000;

type Item = Record<string, unknown> & { id: string; generation: number };

let t: TestApp;
let servers: Server[];
beforeAll(async () => {
  t = await openTestApp();
  servers = await seedServers(t.store, t.workspaces.A, 3, { seed: 11 });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM alerts');
  await t.store.run('DELETE FROM activities');
});

const ago = (days: number) => toStoredTimestamp(new Date(Date.now() - days * DAY));
const serverUrl = (s: Server, version = V1) => `${version}/servers/${s.id}`;

function raise(key: AlertMessageKey, server: Server, args?: string[]) {
  return raiseAlert(t.store, t.workspaces.A, alertFromCatalogue(key, server.id, ago(0), args));
}

async function list(url: string, schema: string): Promise<{ count: number; total: number; offset: number; items: Item[] }> {
  return expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url }), schema);
}

const ids = (body: { items: Item[] }) => body.items.map((i) => i.id);

describe('alerts happy paths', () => {
  it('lists nothing while no device raised anything', async () => {
    expect(await list(`${V1}/alerts`, 'alertCollection-v1')).toEqual({ offset: 0, count: 0, total: 0, items: [] });
  });

  it('raises an alert with derived messageKey and alertType, and lists it in HPE\'s v1 shape', async () => {
    const s = servers[0]!;
    const raised = await raise('FanFailed', s);
    const body = await list(`${V1}/alerts`, 'alertCollection-v1');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toEqual({
      id: raised.id,
      type: 'compute-ops-mgmt/alert',
      resourceUri: `${V1}/alerts/${raised.id}`,
      generation: 1,
      createdAt: raised.createdAt,
      updatedAt: raised.createdAt,
      serverId: s.id,
      device: { id: s.id },
      severity: 'CRITICAL',
      category: 'fans',
      alertType: 'hardware',
      arguments: ['4', '1'],
      description: ALERT_CATALOGUE.FanFailed.description,
      resolution: 'Replace the failed fan.',
      message: 'Fan 4 in chassis 1 is now in a failed state.',
      messageId: 'iLOEvents.3.1.FanFailed',
      messageKey: 'FanFailed',
      originOfCondition: '/redfish/v1/Chassis/1/Thermal#/Fans/4',
      timestamp: raised.timestamp,
      serviceEvent: true,
      isRecurrent: false,
      cleared: false,
      clearedAt: null,
    });
    const software = await raise('CriticalPowerUtilExceeded', s);
    expect(software).toMatchObject({ alertType: 'software', category: 'utilization', originOfCondition: `/api/powerutilization/${s.id}` });
  });

  it('raises every catalogue message as a valid HPE alert', async () => {
    for (const key of Object.keys(ALERT_CATALOGUE) as AlertMessageKey[]) await raise(key, servers[1]!);
    const body = await list(`${V1}/alerts`, 'alertCollection-v1');
    expect(body.total).toBe(Object.keys(ALERT_CATALOGUE).length);
    expect(new Set(body.items.map((i) => i.messageKey))).toEqual(new Set(Object.keys(ALERT_CATALOGUE)));
    for (const item of body.items) expect(item.message).not.toMatch(/%\d|\{serverId\}/);
  });

  it('lists one server\'s alerts in v1 and v1beta2, with a raw or encoded + in the id', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    const mine = await raise('DriveFailed', a);
    await raise('FanFailed', b);
    const v1 = await list(`${serverUrl(a)}/alerts`, 'alertCollection-v1');
    expect(ids(v1)).toEqual([mine.id]);
    expect(ids(await list(`${V1}/servers/${encodeURIComponent(a.id)}/alerts`, 'alertCollection-v1'))).toEqual([mine.id]);
    const v1beta2 = await list(`${serverUrl(a, V1BETA2)}/alerts`, 'alertCollection-v1beta2');
    expect(v1beta2.items[0]).toEqual({
      id: mine.id,
      type: 'compute-ops-mgmt/alert',
      generation: 1,
      createdAt: mine.createdAt,
      updatedAt: mine.updatedAt,
      serverId: a.id,
      severity: 'CRITICAL',
      category: 'storage',
      description: mine.description,
      resolution: mine.resolution,
      message: mine.message,
      timestamp: mine.timestamp,
      serviceEvent: true,
    });
  });

  it('also answers the legacy v1beta1 server alerts, unpublished, in the v1beta2 shape', async () => {
    const a = await raise('FanFailed', servers[0]!);
    expect(ids(await list(`/compute-ops-mgmt/v1beta1/servers/${servers[0]!.id}/alerts`, 'alertCollection-v1beta2'))).toEqual([a.id]);
    const legacyPrefix = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta1/servers/${servers[0]!.id}/alerts` });
    expect(legacyPrefix.json().items).toMatchObject([{ id: a.id, type: 'compute-ops/alert' }]);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('v1beta1/servers'))).toEqual([]);
  });

  it('follows the legacy prefix in type and resourceUri', async () => {
    const a = await raise('FanFailed', servers[0]!);
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1/servers/${servers[0]!.id}/alerts` });
    expect(res.json().items[0]).toMatchObject({ type: 'compute-ops/alert', resourceUri: `/compute-ops/v1/alerts/${a.id}` });
  });

  it('lists newest first by default, sorts, selects and pages', async () => {
    const first = await raise('FanFailed', servers[0]!);
    const second = await raise('PowerSupplyInputLost', servers[0]!);
    const third = await raise('MinPasswordLengthAtRisk', servers[1]!);
    expect(ids(await list(`${V1}/alerts`, 'alertCollection-v1'))).toEqual([third.id, second.id, first.id]);
    expect(ids(await list(`${V1}/alerts?sort=createdAt%20asc`, 'alertCollection-v1'))).toEqual([first.id, second.id, third.id]);
    expect(ids(await list(`${V1}/alerts?sort=severity,messageKey%20desc`, 'alertCollection-v1'))).toEqual([first.id, second.id, third.id]);
    expect(ids(await list(`${V1}/alerts?sort=messageKey`, 'alertCollection-v1'))).toEqual([first.id, third.id, second.id]);
    expect(await list(`${V1}/alerts?offset=1&limit=1`, 'alertCollection-v1')).toMatchObject({ offset: 1, count: 1, total: 3 });
    expect(await list(`${V1}/alerts?limit=5000`, 'alertCollection-v1')).toMatchObject({ count: 3, total: 3 });
    expect(await list(`${V1}/alerts?limit=0`, 'alertCollection-v1')).toMatchObject({ count: 0, total: 3, items: [] });
    const selected = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/alerts?select=id,device/id,severity` });
    expect(selected.json().items[0]).toEqual({ id: third.id, device: { id: servers[1]!.id }, severity: 'WARNING' });
    const serverSelected = await t.call(t.callers.adminA, { method: 'GET', url: `${serverUrl(servers[0]!)}/alerts?select=messageKey` });
    expect(serverSelected.json().items).toEqual([{ messageKey: 'PowerSupplyInputLost' }, { messageKey: 'FanFailed' }]);
  });

  it('filters on every documented property, severity, category and alertType ignoring case', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    const fan = await raise('FanFailed', a);
    const psu = await raise('PowerSupplyInputLost', b);
    const util = await raise('ProjectedCriticalPowerUtilExceeded', b);
    await clearAlerts(t.store, t.workspaces.A, b.id, { messageId: psu.messageId });
    const cases: [string, string[]][] = [
      ["severity eq 'critical'", [fan.id]],
      ["severity in ('Warning','OK')", [util.id, psu.id]],
      ["category eq 'FANS'", [fan.id]],
      ["alertType eq 'Software'", [util.id]],
      ["contains(category,'POW')", [psu.id]],
      [`device/id eq '${b.id}'`, [util.id, psu.id]],
      [`id eq '${fan.id}'`, [fan.id]],
      ["messageKey eq 'FanFailed'", [fan.id]],
      ["contains(messageId,'Utilization.')", [util.id]],
      ['clearedAt eq null', [util.id, fan.id]],
      ['not clearedAt eq null', [psu.id]],
      ['serviceEvent eq true', [fan.id]],
      [`createdAt ge ${fan.createdAt} and updatedAt le ${util.updatedAt}`, [util.id, fan.id]],
      ["originOfCondition eq '/redfish/v1/Chassis/1/Thermal#/Fans/4'", [fan.id]],
      ["severity eq 'critical' or category eq 'utilization'", [util.id, fan.id]],
    ];
    for (const [filter, expected] of cases) {
      const body = await list(`${V1}/alerts?filter=${encodeURIComponent(filter)}`, 'alertCollection-v1');
      expect(ids(body), filter).toEqual(expected);
      expect(body.total, filter).toBe(expected.length);
    }
    expect(ids(await list(`${serverUrl(b)}/alerts?filter=${encodeURIComponent('cleared eq false')}`, 'alertCollection-v1'))).toEqual([util.id]);
    expect(ids(await list(`${serverUrl(b, V1BETA2)}/alerts?filter=${encodeURIComponent("severity eq 'WARNING' and category eq 'Power'")}`, 'alertCollection-v1beta2'))).toEqual([psu.id]);
  });

  it('returns active alerts and those cleared within 180 days only, whatever the filter', async () => {
    const s = servers[2]!;
    const active = await raiseAlert(t.store, t.workspaces.A, alertFromCatalogue('FanFailed', s.id, ago(400)));
    const recent = await raise('DriveFailed', s);
    const old = await raise('PowerSupplyFailed', s);
    await t.store.run('UPDATE alerts SET created_at = ? WHERE id = ?', [ago(400), active.id]);
    await t.store.run('UPDATE alerts SET cleared = ?, cleared_at = ? WHERE id = ?', [true, ago(179), recent.id]);
    await t.store.run('UPDATE alerts SET cleared = ?, cleared_at = ? WHERE id = ?', [true, ago(181), old.id]);
    const visible = [recent.id, active.id].sort();
    expect(ids(await list(`${V1}/alerts`, 'alertCollection-v1')).sort()).toEqual(visible);
    expect(ids(await list(`${serverUrl(s)}/alerts`, 'alertCollection-v1')).sort()).toEqual(visible);
    expect(ids(await list(`${serverUrl(s, V1BETA2)}/alerts`, 'alertCollection-v1beta2')).sort()).toEqual(visible);
    for (const filter of [`id eq '${old.id}'`, `clearedAt lt ${ago(180)}`, 'not clearedAt eq null']) {
      const body = await list(`${V1}/alerts?filter=${encodeURIComponent(filter)}`, 'alertCollection-v1');
      expect(ids(body), filter).not.toContain(old.id);
    }
  });
});

describe('alerts raised and cleared by devices', () => {
  it('a recurring condition updates the active alert instead of duplicating it', async () => {
    const s = servers[0]!;
    const first = await raise('FanFailed', s);
    const again = await raise('FanFailed', s);
    expect(again).toMatchObject({ id: first.id, generation: 2, isRecurrent: true, createdAt: first.createdAt });
    expect(again.updatedAt > first.updatedAt).toBe(true);
    const otherFan = await raise('FanFailed', s, ['5', '1']);
    expect(otherFan.id).not.toBe(first.id);
    expect(await clearAlerts(t.store, t.workspaces.A, s.id, { messageId: first.messageId, originOfCondition: first.originOfCondition! })).toBe(1);
    const afterClear = await raise('FanFailed', s);
    expect(afterClear.id).not.toBe(first.id);
    expect((await list(`${serverUrl(s)}/alerts`, 'alertCollection-v1')).total).toBe(3);
  });

  it('clearAlerts clears matching active alerts only, once, and says how many', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    const fan = await raise('FanFailed', a);
    const psu = await raise('PowerSupplyInputLost', a);
    const elsewhere = await raise('FanFailed', b);
    expect(await clearAlerts(t.store, t.workspaces.A, a.id, { messageId: 'iLOEvents.3.1.FanFailed' })).toBe(1);
    expect(await clearAlerts(t.store, t.workspaces.A, a.id, { messageId: 'iLOEvents.3.1.FanFailed' })).toBe(0);
    expect(await clearAlerts(t.store, t.workspaces.A, 'P00000-B21+NOSUCH', {})).toBe(0);
    expect(await clearAlerts(t.store, t.workspaces.B, a.id, {})).toBe(0);
    const items = (await list(`${V1}/alerts`, 'alertCollection-v1')).items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(fan.id)).toMatchObject({ cleared: true, generation: 2 });
    expect(byId.get(fan.id)!.clearedAt).toBe(byId.get(fan.id)!.updatedAt);
    expect(byId.get(psu.id)).toMatchObject({ cleared: false, generation: 1, clearedAt: null });
    expect(byId.get(elsewhere.id)).toMatchObject({ cleared: false });
    expect(await clearAlerts(t.store, t.workspaces.A, a.id, {})).toBe(1);
  });

  it('shows raising and clearing in the activity feed', async () => {
    const s = servers[0]!;
    const fan = await raise('FanFailed', s);
    await clearAlerts(t.store, t.workspaces.A, s.id, {});
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/activities?filter=${encodeURIComponent(`associatedServerId eq '${s.id}'`)}` });
    const body = expectHpeSchema<{ items: Item[] }>(res, 'activityCollection-v1beta2');
    expect(body.items.map((i) => i.key)).toEqual(['SERVER_ALERT_CLEARED', 'SERVER_ALERT_RAISED']);
    expect(body.items[1]).toMatchObject({
      title: `Critical alert on server ${s.name}`,
      message: `${fan.message}\n\nDetails: ${fan.description}`,
      recommendedAction: fan.resolution,
      healthState: 'CRITICAL',
      source: { type: 'Server', id: s.id, name: s.name, resourceUri: `${V1}/servers/${s.id}` },
      associatedServerUri: `${V1}/servers/${s.id}`,
    });
    expect(body.items[0]).toMatchObject({ healthState: 'OK', title: `Alert cleared on server ${s.name}` });
  });
});

describe('clear-alert', () => {
  for (const version of [V1, V1BETA2]) {
    it(`${version.split('/').pop()} clears the server's matching power-utilization alerts and answers 202 without a body`, async () => {
      const [a, b] = [servers[0]!, servers[1]!];
      const projected = await raise('ProjectedCriticalPowerUtilExceeded', a);
      const critical = await raise('CriticalPowerUtilExceeded', a);
      const hardware = await raise('FanFailed', a);
      const otherServer = await raise('ProjectedCriticalPowerUtilExceeded', b);
      const payload = {
        alerts: [
          { messageId: projected.messageId, originOfCondition: projected.originOfCondition, serverId: a.id },
          { messageId: hardware.messageId },
          { originOfCondition: `/api/powerutilization/${b.id}` },
        ],
      };
      const res = await t.call(t.callers.operatorA, { method: 'POST', url: `${serverUrl(a, version)}/clear-alert`, headers: json, payload });
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe('');
      const byId = new Map((await list(`${V1}/alerts`, 'alertCollection-v1')).items.map((i) => [i.id, i]));
      expect(byId.get(projected.id)).toMatchObject({ cleared: true, generation: 2 });
      expect(byId.get(projected.id)!.clearedAt).toEqual(expect.any(String));
      for (const untouched of [critical, hardware, otherServer]) expect(byId.get(untouched.id)).toMatchObject({ cleared: false, generation: 1 });
      // Clearing again changes nothing and is still accepted.
      const again = await t.call(t.callers.operatorA, { method: 'POST', url: `${serverUrl(a, version)}/clear-alert`, headers: json, payload });
      expect(again.statusCode).toBe(202);
      expect((await list(`${V1}/alerts?filter=${encodeURIComponent(`id eq '${projected.id}'`)}`, 'alertCollection-v1')).items[0]!.generation).toBe(2);
      const acts = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/activities?filter=${encodeURIComponent("key eq 'SERVER_ALERT_CLEARED'")}` });
      expect(acts.json().total).toBe(1);
    });
  }

  it('accepts an empty list, and an encoded + in the path', async () => {
    const a = servers[0]!;
    const res = await t.call(t.callers.adminA, { method: 'POST', url: `${V1}/servers/${encodeURIComponent(a.id)}/clear-alert`, headers: json, payload: { alerts: [] } });
    expect(res.statusCode).toBe(202);
  });
});
