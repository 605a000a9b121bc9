// jobs v1, v1beta3 and v1beta2, behaviour (happy paths): one hub read through every version, creation through
// each body shape and legacy alias, the filters real clients send, and ending or stopping a job by PATCH.
// Refusals are in jobs.error.test.ts, access in jobs.security.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { findJob } from '../../job-engine/repository.ts';
import { jobSignals } from '../../job-engine/submit.ts';
import type { Server } from '../servers/model.ts';
import {
  expectDeprecated,
  expectJob,
  expectJobs,
  filterUrl,
  INVENTORY,
  json,
  mergePatch,
  putInState,
  SERVER,
  submitDirect,
  T,
  UID_ON,
  V1,
  V1BETA2,
  V1BETA3,
  type JobWire,
} from './jobs.fixtures.ts';

let t: TestApp;
let servers: Server[];
const GROUP = '3c0f35a4-6a4e-4b55-9d0f-0c7a1b2c3d4e';

beforeAll(async () => {
  t = await openTestApp();
  servers = await seedServers(t.store, t.workspaces.A, 4, { seed: 11 });
});
afterAll(() => t.close());

const create = async (payload: Record<string, unknown>) => expectJob(await t.call(t.callers.operatorA, { method: 'POST', url: V1, headers: json, payload }), 'v1', 201);
const powerOn = (serverId: string, extra: Record<string, unknown> = {}) => create({ jobTemplate: T.powerOn, resourceType: SERVER, resourceId: serverId, ...extra });

describe('jobs creation', () => {
  it('creates a v1 job with 201, Location and a PENDING job whose parameters may be omitted, null or {}', async () => {
    const res = await t.call(t.callers.operatorA, { method: 'POST', url: V1, headers: json, payload: { jobTemplate: T.powerOn, resourceType: SERVER, resourceId: servers[0]!.id } });
    const job = expectJob(res, 'v1', 201);
    expect(res.headers.location).toBe(`/compute-ops-mgmt/v1/jobs/${job.id}`);
    expect(job).toMatchObject({
      type: 'compute-ops-mgmt/job',
      resourceUri: `/compute-ops-mgmt/v1/jobs/${job.id}`,
      name: 'PowerOn.New',
      jobTemplate: T.powerOn,
      resource: { type: SERVER, id: servers[0]!.id },
      jobParams: {},
      data: {},
      results: {},
      state: 'PENDING',
      resultCode: null,
      generation: 1,
      parentJobId: null,
      deleteOnComplete: false,
      cancelable: false,
    });
    expect((await powerOn(servers[1]!.id, { jobParams: null })).jobParams).toEqual({});
    expect((await powerOn(servers[2]!.id, { jobParams: {} })).jobParams).toEqual({});
    const stored = await findJob(t.store, t.workspaces.A, job.id);
    expect(stored).toMatchObject({ createdBy: t.callers.operatorA.userId, params: {}, resource: { type: 'server', id: servers[0]!.id } });
  });

  it('accepts the old compute-ops/ spelling of resourceType and stores jobParams as given', async () => {
    const params = { filters: ['memory', 'firmware'], is_reports_call: 'True', legacy_extra: 7 };
    const job = await create({ jobTemplate: INVENTORY.toUpperCase(), resourceType: 'compute-ops/server', resourceId: servers[3]!.id, jobParams: params });
    // Unknown keys are kept and echoed; Ansible's "True" is read as the boolean it means.
    expect(job).toMatchObject({ name: 'GetFullServerInventory', jobTemplate: INVENTORY, jobParams: { filters: ['memory', 'firmware'], is_reports_call: true, legacy_extra: 7 } });
  });

  it.each([
    ['a bare template id and a v1beta2 server URI', V1BETA3, (id: string) => id, (s: string) => `/compute-ops-mgmt/v1beta2/servers/${s}`, 'v1beta3' as const],
    ['a v1beta3 template URI and a v1 server URI', V1BETA3, (id: string) => `/compute-ops-mgmt/v1beta3/job-templates/${id}`, (s: string) => `/compute-ops-mgmt/v1/servers/${encodeURIComponent(s)}`, 'v1beta3' as const],
    ['a legacy /api/compute template URI and server URI', V1BETA2, (id: string) => `/api/compute/v1/job-templates/${id}`, (s: string) => `/api/compute/v1/servers/${s}`, 'v1beta2' as const],
    ['the /compute-ops prefix', '/compute-ops/v1beta2/jobs', (id: string) => `/compute-ops/v1beta2/job-templates/${id}`, (s: string) => `/compute-ops/v1beta2/servers/${s}`, 'v1beta2' as const],
  ])('creates a legacy job from %s, answering 200 with deprecation headers', async (_name, url, template, target, version) => {
    const server = servers[0]!;
    const res = await t.call(t.callers.adminA, { method: 'POST', url, headers: json, payload: { jobTemplateUri: template(T.powerOff), resourceUri: target(server.id), data: { operationType: 'GracefulShutdown' } } });
    expectDeprecated(res);
    if (!url.startsWith('/compute-ops/')) {
      const job = expectJob(res, version, 200);
      expect(res.headers.location).toBe(`/compute-ops-mgmt/${version}/jobs/${job.id}`);
    }
    const job = res.json() as JobWire;
    expect(job).toMatchObject({
      name: 'PowerOff.New',
      state: 'PENDING',
      resource: { type: 'servers' },
      associatedResourceUri: expect.stringMatching(new RegExp(`/v1beta2/servers/${server.id.replace('+', '\\+')}$`)),
      data: { operationType: 'GracefulShutdown' },
    });
    expect((await findJob(t.store, t.workspaces.A, job.id))?.params).toEqual({ operationType: 'GracefulShutdown' });
  });

  it('accepts the legacy body at the internal alias /api/compute/v1/jobs (schedules post there) and answers as v1beta3', async () => {
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: '/api/compute/v1/jobs',
      headers: json,
      payload: { jobTemplateUri: `/api/compute/v1/job-templates/${UID_ON}`, resourceUri: `/api/compute/v1/servers/${servers[1]!.id}` },
    });
    const job = expectJob(res, 'v1beta3', 200);
    expect(job).toMatchObject({ name: 'UidIndicatorOn', resourceUri: `/compute-ops-mgmt/v1beta3/jobs/${job.id}`, jobParams: {}, data: {} });
    const read = expectJob(await t.call(t.callers.adminA, { method: 'GET', url: `/api/compute/v1/jobs/${job.id}` }), 'v1beta3');
    expect(read.id).toBe(job.id);
  });

  it('resolves the template a client found by name in the job-templates list (legacy sample flow)', async () => {
    const list = await t.call(t.callers.adminA, { method: 'GET', url: filterUrl('/compute-ops-mgmt/v1beta2/job-templates', "name eq 'UidIndicatorOff'") });
    const [template] = (list.json() as { items: { resourceUri: string }[] }).items;
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1BETA3, headers: json, payload: { jobTemplateUri: template!.resourceUri, resourceUri: `/compute-ops-mgmt/v1beta2/servers/${servers[2]!.id}` } });
    expect(expectJob(res, 'v1beta3').name).toBe('UidIndicatorOff');
  });
});

describe('jobs reading', () => {
  it('reads the same job through v1, v1beta3 and v1beta2, each shaped by its version', async () => {
    const made = await powerOn(servers[0]!.id);
    const v1 = expectJob(await t.call(t.callers.observerA, { method: 'GET', url: `${V1}/${made.id}` }), 'v1');
    expect(v1).toEqual(made);
    const beta3Res = await t.call(t.callers.observerA, { method: 'GET', url: `${V1BETA3}/${made.id.toUpperCase()}` });
    expectDeprecated(beta3Res);
    const beta3 = expectJob(beta3Res, 'v1beta3');
    const target = `/compute-ops-mgmt/v1beta2/servers/${servers[0]!.id}`;
    expect(beta3).toMatchObject({
      id: made.id,
      type: 'compute-ops-mgmt/job',
      resourceUri: `/compute-ops-mgmt/v1beta3/jobs/${made.id}`,
      name: 'PowerOn.New',
      displayName: 'PowerOn.New',
      jobTemplateUri: `/compute-ops-mgmt/v1beta2/job-templates/${T.powerOn}`,
      associatedResourceUri: target,
      resource: { resourceUri: target, type: 'servers' },
      jobParams: {},
      data: {},
      resultCode: null,
      state: 'PENDING',
      generation: 1,
      createdAt: made.createdAt,
    });
    const beta2 = expectJob(await t.call(t.callers.observerA, { method: 'GET', url: `${V1BETA2}/${made.id}` }), 'v1beta2');
    expect(beta2.resourceUri).toBe(`/compute-ops-mgmt/v1beta2/jobs/${made.id}`);
    expect(beta2).not.toHaveProperty('resultCode');
    expect(beta2).not.toHaveProperty('jobParams');
    expect(beta2.data).toEqual({});
  });

  it('shows a group job with its group URI per version, and system data beside the parameters in data', async () => {
    const job = await submitDirect(t, { workspaceId: t.workspaces.A, templateId: T.groupFirmwareUpdate, resource: { type: 'group', id: GROUP }, params: { parallel: false }, scheduleId: 'sched-1' });
    const v1 = expectJob(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${job.id}?select=resource,cancelable,data` }), 'v1');
    expect(v1).toEqual({ resource: { type: 'compute-ops-mgmt/group', id: GROUP }, cancelable: true, data: { parallel: false, schedule_id: 'sched-1' } });
    const beta3 = expectJob(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${job.id}` }), 'v1beta3');
    expect(beta3).toMatchObject({ associatedResourceUri: `/compute-ops-mgmt/v1beta3/groups/${GROUP}`, resource: { type: 'groups' }, jobParams: { parallel: false } });
    const beta2 = expectJob(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${job.id}` }), 'v1beta2');
    expect(beta2.associatedResourceUri).toBe(`/compute-ops-mgmt/v1beta2/groups/${GROUP}`);
    const legacy = (await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1/jobs/${job.id}` })).json() as JobWire;
    expect(legacy).toMatchObject({ type: 'compute-ops/job', resourceUri: `/compute-ops/v1/jobs/${job.id}`, resource: { type: 'compute-ops/group' } });
  });
});

describe('jobs lists', () => {
  // Workspace B holds only this test's jobs in this suite, so counts and orders below are exact.
  it('filters, sorts and pages in SQL with the filters clients send', async () => {
    const ws = t.workspaces.B;
    const mine = await seedServers(t.store, ws, 2, { seed: 21 });
    const direct = (templateId: string, type: 'server' | 'group', id: string, params: Record<string, unknown> = {}) =>
      submitDirect(t, { workspaceId: ws, templateId, resource: { type, id }, params });
    const running = await direct(T.powerOn, 'server', mine[0]!.id);
    await putInState(t, running, 'RUNNING');
    await new Promise((r) => setTimeout(r, 5));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const ids = {
      running: running.id,
      pending: (await direct(T.powerOff, 'server', mine[1]!.id, { operationType: 'ForceOff' })).id,
      group: (await direct(T.groupFirmwareUpdate, 'group', GROUP, { parallel: false, devices: [mine[0]!.id] })).id,
      parallel: (await direct(T.groupFirmwareUpdate, 'group', GROUP, { parallel: true })).id,
    };
    const lister = t.callers.adminB;
    const idsOf = async (url: string, version: 'v1' | 'v1beta3' | 'v1beta2' = 'v1') => expectJobs(await t.call(lister, { method: 'GET', url }), version).items.map((j) => j.id);

    // Default order: newest first.
    expect(await idsOf(V1)).toEqual([ids.parallel, ids.group, ids.pending, ids.running]);
    expect(await idsOf(filterUrl(V1, "state eq 'running'"))).toEqual([ids.running]);
    expect(await idsOf(filterUrl(V1, "state eq 'pending'"))).toEqual([ids.parallel, ids.group, ids.pending]);
    expect(await idsOf(filterUrl(V1, "name eq 'GroupFirmwareUpdate'"))).toEqual([ids.parallel, ids.group]);
    expect(await idsOf(filterUrl(V1, `resource/id eq '${mine[1]!.id}'`))).toEqual([ids.pending]);
    expect(await idsOf(filterUrl(V1, `contains(resource/id,'${mine[0]!.id.split('+')[1]}')`))).toEqual([ids.running]);
    expect(await idsOf(filterUrl(V1, `createdAt gt ${between}`))).toEqual([ids.parallel, ids.group, ids.pending]);
    expect(await idsOf(filterUrl(V1, "resource/type eq 'compute-ops-mgmt/group'"))).toEqual([ids.parallel, ids.group]);
    expect(await idsOf(filterUrl(V1, 'cancellable eq true and cancelable eq true'))).toEqual([ids.group]);
    expect(await idsOf(filterUrl(V1, 'jobParams/parallel eq true'))).toEqual([ids.parallel]);
    expect(await idsOf(filterUrl(V1, `jobTemplate eq '${T.powerOff}' and resultCode eq null`))).toEqual([ids.pending]);
    expect(await idsOf(filterUrl(V1, "type eq 'compute-ops-mgmt/job' and state in ('RUNNING', 'stalled')"))).toEqual([ids.running]);
    expect(await idsOf(`${V1}?sort=${encodeURIComponent('name asc,createdAt asc')}`)).toEqual([ids.group, ids.parallel, ids.pending, ids.running]);
    // The legacy prefix reads resource/type as it writes it.
    // (Its `type` members follow the prefix, so HPE's schema, which fixes compute-ops-mgmt/job, does not apply.)
    const legacy = await t.call(lister, { method: 'GET', url: filterUrl('/compute-ops/v1/jobs', "resource/type eq 'compute-ops/server'") });
    expect((legacy.json() as { items: JobWire[] }).items.map((j) => j.id)).toEqual([ids.pending, ids.running]);
    // Legacy versions accept filters too, in their own spelling of resource/type.
    expect(await idsOf(filterUrl(V1BETA3, "resource/type eq 'groups' and data/parallel eq false"), 'v1beta3')).toEqual([ids.group]);
    expect(await idsOf(filterUrl(V1BETA2, "state eq 'RUNNING'"), 'v1beta2')).toEqual([ids.running]);

    const page = expectJobs(await t.call(lister, { method: 'GET', url: `${V1}?offset=1&limit=2` }), 'v1');
    expect(page).toMatchObject({ offset: 1, count: 2, total: 4 });
    expect(page.items.map((j) => j.id)).toEqual([ids.group, ids.pending]);
    const selected = (await t.call(lister, { method: 'GET', url: filterUrl(V1, "state eq 'running'", '&select=id,state,resource/id') })).json();
    expect(selected).toEqual({ offset: 0, count: 1, total: 1, items: [{ id: ids.running, state: 'RUNNING', resource: { id: mine[0]!.id } }] });
    const beta = await t.call(lister, { method: 'GET', url: V1BETA2 });
    expectDeprecated(beta);
    expect(expectJobs(beta, 'v1beta2').total).toBe(4);
  });
});

describe('jobs PATCH', () => {
  it('ends a running job with ERROR: FAILURE, a reason clients print, a new generation, an activity and a signal', async () => {
    const made = await powerOn(servers[0]!.id);
    await putInState(t, { workspaceId: t.workspaces.A, id: made.id }, 'RUNNING');
    const signals: unknown[][] = [];
    const listen = (...args: unknown[]) => signals.push(args);
    jobSignals.on('changed', listen);
    const res = await t.call(t.callers.operatorA, { method: 'PATCH', url: `${V1}/${made.id}`, headers: mergePatch, payload: { state: 'ERROR' } });
    jobSignals.off('changed', listen);
    const ended = expectJob(res, 'v1');
    expect(ended).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE', generation: 3, data: { state_reason_message: { message_id: 'JOB-ENDED-BY-USER' } } });
    expect(ended.updatedAt > made.updatedAt).toBe(true);
    expect(signals).toEqual([[t.workspaces.A, made.id]]);
    const stored = await findJob(t.store, t.workspaces.A, made.id);
    expect(stored?.endedAt).not.toBeNull();
    const activities = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`contains(source/resourceUri,'${made.id}')`)}` });
    expect((activities.json() as { items: { key: string }[] }).items.map((a) => a.key)).toEqual(['JOB_ENDED_BY_USER']);
    const beta3 = expectJob(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA3}/${made.id}` }), 'v1beta3');
    expect((beta3.data as { state_reason_message: { message_args: string[] } }).state_reason_message.message_args[0]).toMatch(/ended by a user/);
  });

  it('dismisses a stalled job with COMPLETE (SUCCESS) through v1beta3, honouring If-Match', async () => {
    const made = await powerOn(servers[1]!.id);
    await putInState(t, { workspaceId: t.workspaces.A, id: made.id }, 'STALLED');
    const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA3}/${made.id}`, headers: { ...mergePatch, 'if-match': '"2"' }, payload: { state: 'COMPLETE' } });
    expectDeprecated(res);
    expect(expectJob(res, 'v1beta3')).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', generation: 3 });
  });

  it('ends a job through v1beta2 with ERROR', async () => {
    const made = await powerOn(servers[2]!.id);
    const ended = expectJob(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${made.id}`, headers: mergePatch, payload: { state: 'ERROR' } }), 'v1beta2');
    expect(ended).toMatchObject({ state: 'ERROR', generation: 2 });
  });

  it('purges a deleteOnComplete job that is completed by hand', async () => {
    const job = await submitDirect(t, { workspaceId: t.workspaces.A, templateId: T.powerOn, resource: { type: 'server', id: servers[0]!.id }, deleteOnComplete: true });
    const ended = expectJob(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${job.id}`, headers: mergePatch, payload: { state: 'COMPLETE' } }), 'v1');
    expect(ended).toMatchObject({ state: 'COMPLETE', deleteOnComplete: true });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${job.id}` })).statusCode).toBe(404);
  });

  it('asks a serial group firmware update to stop: input.stopOnRequest is stored, the job keeps running for the engine to stop', async () => {
    const job = await submitDirect(t, { workspaceId: t.workspaces.A, templateId: T.groupFirmwareUpdate, resource: { type: 'group', id: GROUP }, params: { parallel: false } });
    await putInState(t, job, 'RUNNING');
    const res = await t.call(t.callers.operatorA, { method: 'PATCH', url: `${V1}/${job.id}`, headers: mergePatch, payload: { input: { stopOnRequest: true, other: 1 } } });
    expect(expectJob(res, 'v1')).toMatchObject({ state: 'RUNNING', generation: 3, cancelable: true });
    expect((await findJob(t.store, t.workspaces.A, job.id))?.input).toEqual({ stopOnRequest: true });
    // Asking again changes nothing.
    const again = expectJob(await t.call(t.callers.operatorA, { method: 'PATCH', url: `${V1BETA3}/${job.id}`, headers: mergePatch, payload: { input: { stopOnRequest: true } } }), 'v1beta3');
    expect(again.generation).toBe(3);
  });
});
