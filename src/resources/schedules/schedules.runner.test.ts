// The runner on both databases, with time driven explicitly: a one-time schedule fires once, a recurring one
// once per interval (missed intervals coalesce), each firing submits one job, writes one history entry and
// re-plans in one transaction; refusals and internal failures are recorded and move the schedule on; runners
// racing over the same schedules fire each planned start once; deleting cascades to history.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { executorFor, registerExecutor } from '../../job-engine/executors/index.ts';
import { findJob } from '../../job-engine/repository.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import { deleteServer } from '../servers/repository.ts';
import { fireDueSchedules, ScheduleRunner } from './runner.ts';
import {
  createSchedule,
  DAY,
  expectHistory,
  expectHistoryCollection,
  expectSchedule,
  fromNow,
  HOUR,
  oneServer,
  scheduleBody,
  V1BETA2,
  type Wire,
} from './schedules.fixtures.ts';
import { deleteAssociatedSchedules } from './service.ts';

// One app for the file (opening one is the slow part); each test gets its own server and leaves no schedule
// behind, because firing at a moment fires every schedule due then.
let t: TestApp;
let server: string;
let seed = 100;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  server = await oneServer(t, t.workspaces.A, seed++);
});
afterEach(async () => {
  await t.store.run('DELETE FROM schedules');
});

const read = async (id: string): Promise<Wire> => expectSchedule(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${id}` }));
const history = async (id: string) => expectHistoryCollection(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${id}/history` }));
const count = async (sql: string, params: unknown[] = []) => Number((await t.store.get<{ n: number | string }>(sql, params))!.n);
/** Jobs created on this test's server. */
const jobs = () => count('SELECT COUNT(*) AS n FROM jobs WHERE workspace_id = ? AND resource_id = ?', [t.workspaces.A, server]);

describe('a one-time schedule', () => {
  it('does nothing before its start', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    expect(await fireDueSchedules(t.store, Date.parse(s.nextStartAt!) - 1000)).toEqual([]);
    expect((await read(s.id)).generation).toBe(1);
  });

  it('fires once at its start: one job, one history entry pointing at it, lastRun set, nothing planned after', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    const at = Date.parse(s.nextStartAt!) + 5000;
    const fired = await fireDueSchedules(t.store, at);
    expect(fired.map((f) => f.kind)).toEqual(['ran']);

    const after = await read(s.id);
    expect(after).toMatchObject({ generation: 2, nextStartAt: null });
    const run = after.lastRun!;
    expect(run).toMatchObject({ type: 'compute-ops-mgmt/schedule/history', generation: 1, operationType: 'REST', succeeded: true, status: 200, summary: 'OK', scheduleId: s.id });
    expect(Date.parse(run.startedAt as string)).toBe(at);
    expect(run.resourceUri).toBe(`${V1BETA2}/${s.id}/history/${run.id}`);
    // The answer of the legacy route the body was posted to: the job, as /api/compute/v1 shows it (v1beta3).
    const job = run.body as { id: string; name: string; state: string; resourceUri: string; data: Record<string, unknown>; jobTemplateUri: string };
    expect(job).toMatchObject({ name: 'PowerOn.New', state: 'PENDING', resourceUri: `/compute-ops-mgmt/v1beta3/jobs/${job.id}` });
    expect(job.jobTemplateUri).toContain(TEMPLATE_IDS.powerOn);
    expect(job.data['schedule_id']).toBe(s.id);
    expect(run.headers['Location']).toBe(job.resourceUri);

    // The job is real: the jobs API serves it, in the schedule's workspace, created by the schedule's creator.
    const stored = await findJob(t.store, t.workspaces.A, job.id);
    expect(stored).toMatchObject({ templateId: TEMPLATE_IDS.powerOn, resource: { type: 'server', id: server }, createdBy: t.callers.adminA.userId });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1/jobs/${job.id}` })).statusCode).toBe(200);

    const list = await history(s.id);
    expect(list.items.map((i) => i.id)).toEqual([run.id]);
    expect(expectHistory(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${s.id}/history/${run.id}` }))).toEqual(run);

    expect(await fireDueSchedules(t.store, at + DAY)).toEqual([]);
    expect(await jobs()).toBe(1);
  });

  it('answers with the v1 route when its operation names /compute-ops-mgmt/v1/jobs: 201 and the v1 job', async () => {
    const s = await createSchedule(
      t,
      scheduleBody(server, {
        operation: { method: 'POST', uri: '/compute-ops-mgmt/v1/jobs', body: { jobTemplate: TEMPLATE_IDS.powerOn, resourceType: 'compute-ops-mgmt/server', resourceId: server } },
      }),
    );
    await fireDueSchedules(t.store, Date.parse(s.nextStartAt!));
    const run = (await read(s.id)).lastRun!;
    expect(run).toMatchObject({ status: 201, summary: 'Created', succeeded: true });
    expect(run.body).toMatchObject({ jobTemplate: TEMPLATE_IDS.powerOn, resource: { type: 'compute-ops-mgmt/server', id: server } });
    expect(run.headers['Location']).toBe(`/compute-ops-mgmt/v1/jobs/${run.body['id']}`);
  });
});

describe('a recurring schedule', () => {
  it('fires once per interval, counted from its start, and coalesces intervals missed while nothing ran', async () => {
    const s = await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(HOUR), interval: 'PT1H' } }));
    const start = Date.parse(s.nextStartAt!);
    const next = async () => Date.parse((await read(s.id)).nextStartAt!);

    expect(await fireDueSchedules(t.store, start)).toHaveLength(1);
    expect(await next()).toBe(start + HOUR);
    expect(await fireDueSchedules(t.store, start + 30 * 60_000)).toHaveLength(0);
    expect(await fireDueSchedules(t.store, start + HOUR + 10)).toHaveLength(1);
    expect(await next()).toBe(start + 2 * HOUR);
    // Down for three and a half hours: one run on catching up, then back on the hour.
    expect(await fireDueSchedules(t.store, start + 5.5 * HOUR)).toHaveLength(1);
    expect(await next()).toBe(start + 6 * HOUR);

    const runs = await history(s.id);
    expect(runs.total).toBe(3);
    // Newest first.
    expect(runs.items.map((i) => Date.parse(i['startedAt'] as string))).toEqual([start + 5.5 * HOUR, start + HOUR + 10, start]);
    expect((await read(s.id)).generation).toBe(4);
    expect(await jobs()).toBe(3);
  });
});

describe('refusals at run time', () => {
  it('records the 400 the call got when its target is gone, and moves on', async () => {
    const s = await createSchedule(t, scheduleBody(server, { associatedResourceUri: null, schedule: { startAt: fromNow(HOUR), interval: 'P1D' } }));
    await t.store.transaction((tx) => deleteServer(tx, t.workspaces.A, server));
    await fireDueSchedules(t.store, Date.parse(s.nextStartAt!));
    const after = await read(s.id);
    expect(after.lastRun).toMatchObject({ succeeded: false, status: 400, summary: 'Bad Request' });
    expect(after.lastRun!.body).toMatchObject({ httpStatusCode: 400, errorCode: 'HPE-GL-COMPUTE_OPS-0400001' });
    expect(after.lastRun!.debugId).toBe(after.lastRun!.body['debugId']);
    expect(Date.parse(after.nextStartAt!)).toBe(Date.parse(s.nextStartAt!) + DAY);
    expect(await jobs()).toBe(0);
  });

  it('deletes instead of running a schedule whose associated resource is gone', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    await t.store.transaction((tx) => deleteServer(tx, t.workspaces.A, server));
    const fired = await fireDueSchedules(t.store, Date.parse(s.nextStartAt!));
    expect(fired.map((f) => f.kind)).toEqual(['deleted']);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${s.id}` }), 404);
  });

  it('records a failure inside OpenCOM as a 500 run rather than retrying it forever', async () => {
    const original = executorFor('PowerOn.New')!;
    const s = await createSchedule(t, scheduleBody(server));
    registerExecutor('PowerOn.New', { ...original, validate: () => Promise.reject(new Error('boom')) });
    try {
      const fired = await fireDueSchedules(t.store, Date.parse(s.nextStartAt!));
      expect(fired).toHaveLength(1);
    } finally {
      registerExecutor('PowerOn.New', original);
    }
    const after = await read(s.id);
    expect(after.lastRun).toMatchObject({ status: 500, succeeded: false, summary: 'Internal Server Error' });
    expect(after.nextStartAt).toBeNull();
  });
});

describe('exactly once', () => {
  it('fires each due schedule once when runners race over them', async () => {
    const made: Wire[] = [];
    for (let i = 0; i < 8; i++) made.push(await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(HOUR), interval: 'PT1H' } })));
    const at = Math.max(...made.map((s) => Date.parse(s.nextStartAt!)));
    const results = await Promise.all([fireDueSchedules(t.store, at), fireDueSchedules(t.store, at), fireDueSchedules(t.store, at)]);
    expect(results.flat()).toHaveLength(8);
    expect(new Set(results.flat().map((r) => r.schedule.id)).size).toBe(8);
    expect(await count('SELECT COUNT(*) AS n FROM schedule_history')).toBe(8);
    expect(await jobs()).toBe(8);
  });

  it('runs in the background until stopped', async () => {
    const s = await createSchedule(t, scheduleBody(server));
    const runner = new ScheduleRunner({ store: t.store, pollMs: 20, now: () => Date.parse(s.nextStartAt!) + 1 });
    runner.start();
    const deadline = Date.now() + 10_000;
    while ((await read(s.id)).lastRun === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect((await read(s.id)).lastRun).toMatchObject({ succeeded: true });
  });
});

describe('deletion', () => {
  it('takes the history with the schedule', async () => {
    const s = await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(HOUR), interval: 'PT1H' } }));
    await fireDueSchedules(t.store, Date.parse(s.nextStartAt!));
    expect(await count('SELECT COUNT(*) AS n FROM schedule_history WHERE schedule_id = ?', [s.id])).toBe(1);
    expect((await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${s.id}` })).statusCode).toBe(204);
    expect(await count('SELECT COUNT(*) AS n FROM schedule_history WHERE schedule_id = ?', [s.id])).toBe(0);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${s.id}/history` }), 404);
    // The jobs it created are not the schedule's to delete.
    expect(await jobs()).toBe(1);
  });

  it('deletes the schedules of a deleted resource, however their URI names it', async () => {
    const byLegacy = await createSchedule(t, scheduleBody(server, { associatedResourceUri: `/api/compute/v1/servers/${server}` }));
    const byCurrent = await createSchedule(t, scheduleBody(server));
    const unrelated = await createSchedule(t, scheduleBody(server, { associatedResourceUri: null }));
    await fireDueSchedules(t.store, Date.parse(byCurrent.nextStartAt!) + DAY);
    const deleted = await t.store.transaction((tx) => deleteAssociatedSchedules(tx, t.workspaces.A, 'servers', server));
    expect(deleted).toBe(2);
    for (const gone of [byLegacy, byCurrent]) expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${gone.id}` }), 404);
    expect((await read(unrelated.id)).id).toBe(unrelated.id);
    expect(await count('SELECT COUNT(*) AS n FROM schedule_history WHERE schedule_id IN (?, ?)', [byLegacy.id, byCurrent.id])).toBe(0);
  });
});
