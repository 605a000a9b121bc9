// schedules v1beta2, behaviour: create (one-time and recurring, lenient start times, v1 and legacy job bodies),
// read, list with filters and select, merge-patch, delete, Idempotency-Key replays, and the activities writes leave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import {
  createSchedule,
  DAY,
  expectSchedule,
  expectScheduleCollection,
  filterUrl,
  fromNow,
  HOUR,
  json,
  LEGACY,
  mergePatch,
  oneServer,
  powerOnBody,
  scheduleBody,
  V1BETA2,
} from './schedules.fixtures.ts';

let t: TestApp;
let server: string;
beforeAll(async () => {
  t = await openTestApp();
  server = await oneServer(t);
});
afterAll(() => t.close());

describe('creating schedules', () => {
  it('creates a one-time schedule: 201, Location, normalised start, next start = start, no run yet', async () => {
    const body = scheduleBody(server);
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1BETA2, headers: json, payload: body });
    const s = expectSchedule(res, 201);
    expect(res.headers.location).toBe(`${V1BETA2}/${s.id}`);
    expect(s).toMatchObject({
      type: 'compute-ops-mgmt/schedule',
      name: body.name,
      description: body.description,
      purpose: 'SERVER_POWER_ON',
      associatedResourceUri: body.associatedResourceUri,
      generation: 1,
      lastRun: null,
      resourceUri: `${V1BETA2}/${s.id}`,
      historyUri: `${V1BETA2}/${s.id}/history`,
      schedule: { interval: null, intervalInSec: null },
      operation: { type: 'REST', method: 'POST', uri: '/api/compute/v1/jobs', body: powerOnBody(server), query: {}, headers: {}, timeoutInSec: 20 },
    });
    expect(Date.parse(s.schedule.startAt)).toBe(Date.parse(body.schedule.startAt));
    expect(s.schedule.startAt).toMatch(/Z$/);
    expect(s.nextStartAt).toBe(s.schedule.startAt);
    expect(expectSchedule(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${s.id}` }))).toEqual(s);
  });

  it('creates a recurring schedule and reports its interval in seconds', async () => {
    for (const [interval, seconds] of [['PT15M', 900], ['PT1H', 3600], ['P1D', 86_400], ['P1W', 604_800], ['P1M', 2_592_000], ['P1Y', 31_536_000]] as const) {
      const s = await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(DAY), interval } }));
      expect(s.schedule).toMatchObject({ interval, intervalInSec: seconds });
    }
    // Lower case is read as the duration it spells, and returned in the canonical spelling.
    expect((await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(DAY), interval: 'p7d' } }))).schedule.interval).toBe('P7D');
  });

  it('accepts start times the way clients write them: local offsets, 7 fraction digits, and a bare UTC date-time', async () => {
    const at = new Date(Date.now() + 2 * DAY);
    at.setUTCMilliseconds(0);
    const utc = at.toISOString().replace('.000Z', '.000000Z');
    const local = new Date(at.getTime() + 2 * HOUR).toISOString().slice(0, 19) + '.0000000+02:00';
    const bare = at.toISOString().slice(0, 19).replace('T', ' ');
    for (const startAt of [local, bare, at.toISOString()]) {
      const s = await createSchedule(t, scheduleBody(server, { schedule: { startAt, interval: null } }));
      expect(s.schedule.startAt).toBe(utc);
      expect(s.nextStartAt).toBe(utc);
    }
  });

  it('accepts the public jobs routes with their own bodies as the operation', async () => {
    const v1 = await createSchedule(
      t,
      scheduleBody(server, {
        operation: {
          type: 'REST',
          method: 'POST',
          uri: '/compute-ops-mgmt/v1/jobs',
          body: { jobTemplate: TEMPLATE_IDS.powerOff, resourceType: 'compute-ops-mgmt/server', resourceId: server, jobParams: { operationType: 'GracefulShutdown' } },
          timeoutInSec: 45,
          headers: { 'Accept-Language': 'en' },
          query: { force: 'true' },
        },
      }),
    );
    expect(v1.operation).toMatchObject({ uri: '/compute-ops-mgmt/v1/jobs', timeoutInSec: 45, headers: { 'Accept-Language': 'en' }, query: { force: 'true' } });
    const v1beta3 = await createSchedule(t, scheduleBody(server, { operation: { method: 'POST', uri: '/compute-ops-mgmt/v1beta3/jobs', body: powerOnBody(server) } }));
    // `type` defaults to REST, the only operation type.
    expect(v1beta3.operation.type).toBe('REST');
  });

  it('serves the legacy /compute-ops prefix with its own self links and type', async () => {
    // HPE's schema pins the current prefix's type, so this answer is checked by hand.
    const res = await t.call(t.callers.adminA, { method: 'POST', url: LEGACY, headers: json, payload: scheduleBody(server) });
    expect(res.statusCode).toBe(201);
    const s = res.json() as { id: string; type: string; resourceUri: string };
    expect(s.type).toBe('compute-ops/schedule');
    expect(s.resourceUri).toBe(`${LEGACY}/${s.id}`);
    const same = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${s.id}` })).json();
    expect(same.resourceUri).toBe(`${V1BETA2}/${s.id}`);
  });
});

describe('listing and reading', () => {
  it('lists schedules oldest first and filters on the documented properties and name/purpose', async () => {
    const marker = `list-${Date.now()}`;
    const a = await createSchedule(t, scheduleBody(server, { name: marker, purpose: 'SERVER_POWER_ON', schedule: { startAt: fromNow(3 * HOUR), interval: 'PT2H' } }));
    const b = await createSchedule(t, scheduleBody(server, { name: marker, purpose: 'SERVER_POWER_OFF', schedule: { startAt: fromNow(5 * HOUR), interval: null } }));
    const page = expectScheduleCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1BETA2, `name eq '${marker}'`) }));
    expect(page.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(page).toMatchObject({ count: 2, total: 2, offset: 0 });
    const ids = async (filter: string) =>
      expectScheduleCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1BETA2, `name eq '${marker}' and (${filter})`) })).items.map((i) => i.id);
    expect(await ids("purpose eq 'SERVER_POWER_OFF'")).toEqual([b.id]);
    expect(await ids('schedule/intervalInSec eq 7200')).toEqual([a.id]);
    expect(await ids('schedule/intervalInSec eq null')).toEqual([b.id]);
    expect(await ids(`nextStartAt gt ${new Date(Date.now() + 4 * HOUR).toISOString()}`)).toEqual([b.id]);
    expect(await ids("operation/uri eq '/api/compute/v1/jobs' and operation/method eq 'POST'")).toEqual([a.id, b.id]);
    expect(await ids(`operation/body/resourceUri eq '/api/compute/v1/servers/${server}'`)).toEqual([a.id, b.id]);
    expect(await ids(`resourceUri eq '${V1BETA2}/${b.id}'`)).toEqual([b.id]);
    expect(await ids("type eq 'compute-ops-mgmt/schedule' and lastRun eq null")).toEqual([a.id, b.id]);
    const sorted = expectScheduleCollection(await t.call(t.callers.adminA, { method: 'GET', url: `${filterUrl(V1BETA2, `name eq '${marker}'`)}&sort=nextStartAt%20desc` }));
    expect(sorted.items.map((i) => i.id)).toEqual([b.id, a.id]);
  });

  it('pages, and trims items and single reads with select', async () => {
    const marker = `page-${Date.now()}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createSchedule(t, scheduleBody(server, { name: marker })));
    const second = expectScheduleCollection(await t.call(t.callers.adminA, { method: 'GET', url: `${filterUrl(V1BETA2, `name eq '${marker}'`)}&offset=1&limit=1` }));
    expect(second).toMatchObject({ offset: 1, count: 1, total: 3 });
    expect(second.items[0]!.id).toBe(made[1]!.id);
    const trimmed = (await t.call(t.callers.adminA, { method: 'GET', url: `${filterUrl(V1BETA2, `name eq '${marker}'`)}&select=id,schedule/startAt` })).json();
    expect(trimmed.items[0]).toEqual({ id: made[0]!.id, schedule: { startAt: made[0]!.schedule.startAt } });
    const one = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${made[2]!.id}?select=nextStartAt,operation/uri` })).json();
    expect(one).toEqual({ operation: { uri: '/api/compute/v1/jobs' }, nextStartAt: made[2]!.nextStartAt });
  });
});

describe('changing schedules', () => {
  it('merge-patches names and descriptions, bumping generation, honouring a matching If-Match', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    const patched = expectSchedule(
      await t.call(t.callers.operatorA, {
        method: 'PATCH',
        url: `${V1BETA2}/${s.id}`,
        headers: { ...mergePatch, 'if-match': '"1"' },
        payload: { name: 'Firmware update for group Production', description: null, purpose: 'GROUP_FW_UPDATE' },
      }),
    );
    expect(patched).toMatchObject({ name: 'Firmware update for group Production', description: null, purpose: 'GROUP_FW_UPDATE', generation: 2, nextStartAt: s.nextStartAt });
    expect(patched.operation).toEqual(s.operation);
    expect(Date.parse(patched.updatedAt as string)).toBeGreaterThan(Date.parse(s.updatedAt as string));
  });

  it('re-plans the next start when the timing changes, and can make a recurring schedule one-time', async () => {
    const s = await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(HOUR), interval: 'P1D' } }));
    const later = fromNow(3 * DAY);
    const moved = expectSchedule(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${s.id}`, headers: mergePatch, payload: { schedule: { startAt: later } } }));
    expect(Date.parse(moved.nextStartAt!)).toBe(Date.parse(later));
    expect(moved.schedule.interval).toBe('P1D');
    const once = expectSchedule(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${s.id}`, headers: mergePatch, payload: { schedule: { interval: null } } }));
    expect(once.schedule).toMatchObject({ interval: null, intervalInSec: null });
    expect(once.nextStartAt).toBe(moved.nextStartAt);
  });

  it('merges into the operation body and keeps its method and uri, which are read-only', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    const res = await t.call(t.callers.adminA, {
      method: 'PATCH',
      url: `${V1BETA2}/${s.id}`,
      headers: mergePatch,
      payload: { operation: { method: 'DELETE', uri: '/elsewhere', body: { data: { note: 'nightly' } }, timeoutInSec: 30, headers: { 'X-Trace': 'a' } } },
    });
    const patched = expectSchedule(res);
    expect(patched.operation).toMatchObject({ method: 'POST', uri: '/api/compute/v1/jobs', timeoutInSec: 30, headers: { 'X-Trace': 'a' } });
    expect(patched.operation.body).toEqual({ ...powerOnBody(server), data: { note: 'nightly' } });
    const cleared = expectSchedule(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${s.id}`, headers: mergePatch, payload: { operation: { headers: null } } }));
    expect(cleared.operation.headers).toEqual({});
  });

  it('deletes a schedule: 204, then 404', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    const res = await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${s.id}` });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${s.id}` }), 404, { key: 'NOT_FOUND' });
  });
});

describe('Idempotency-Key', () => {
  it('returns the schedule the first request created when the same request is retried', async () => {
    const key = crypto.randomUUID();
    const body = scheduleBody(server, { name: `idem-${key}` });
    const first = await createSchedule(t, body, t.callers.adminA, { 'idempotency-key': key });
    // Members in another order are the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await t.call(t.callers.operatorA, { method: 'POST', url: V1BETA2, headers: { ...json, 'idempotency-key': key }, payload: reordered });
    expect(expectSchedule(retry, 201)).toEqual(first);
    expect(retry.headers.location).toBe(`${V1BETA2}/${first.id}`);
    const all = expectScheduleCollection(await t.call(t.callers.adminA, { method: 'GET', url: filterUrl(V1BETA2, `name eq 'idem-${key}'`) }));
    expect(all.total).toBe(1);
    // Without the key, the same body is a new schedule.
    expect((await createSchedule(t, body)).id).not.toBe(first.id);
  });

  it('answers two concurrent attempts with one schedule', async () => {
    const key = crypto.randomUUID();
    const body = scheduleBody(server, { name: `race-${key}` });
    const answers = await Promise.all(
      [0, 1, 2].map(() => t.call(t.callers.adminA, { method: 'POST', url: V1BETA2, headers: { ...json, 'idempotency-key': key }, payload: body })),
    );
    const ids = new Set(answers.map((a) => expectSchedule(a, 201).id));
    expect(ids.size).toBe(1);
  });
});

describe('activities', () => {
  it('records one activity per write, sourced at the schedule', async () => {
    const s = await createSchedule(t, scheduleBody(server, { name: 'audited' }));
    await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${s.id}`, headers: mergePatch, payload: { description: 'x' } });
    await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${s.id}` });
    const res = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl('/compute-ops-mgmt/v1beta2/activities', `source/id eq '${s.id}'`) });
    const items = (res.json() as { items: { key: string; source: { type: string; resourceUri: string } }[] }).items;
    expect(items.map((i) => i.key).sort()).toEqual(['SCHEDULE_CREATED', 'SCHEDULE_DELETED', 'SCHEDULE_UPDATED']);
    expect(items[0]!.source).toMatchObject({ type: 'Schedule', resourceUri: `/compute-ops-mgmt/v1beta2/schedules/${s.id}` });
  });
});
