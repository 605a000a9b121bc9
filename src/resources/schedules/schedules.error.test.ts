// schedules v1beta2, refusals: every bad create, patch and read answers a COM error naming the member at
// fault, and nothing is stored or changed. The job a schedule would create is refused as POST /jobs refuses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';
import { createSchedule, DAY, expectSchedule, fromNow, HOUR, json, mergePatch, oneServer, powerOnBody, scheduleBody, V1BETA2, type Wire } from './schedules.fixtures.ts';

let t: TestApp;
let server: string;
let existing: Wire;
beforeAll(async () => {
  t = await openTestApp();
  server = await oneServer(t);
  existing = await createSchedule(t, scheduleBody(server, { schedule: { startAt: fromNow(HOUR), interval: 'P1D' } }));
});
afterAll(() => t.close());

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.call(t.callers.adminA, { method: 'POST', url: V1BETA2, headers: { ...json, ...headers }, payload: payload as object });
const patch = (payload: unknown, headers: Record<string, string> = {}) =>
  t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${existing.id}`, headers: { ...mergePatch, ...headers }, payload: payload as object });
const operation = (body: unknown, more: Record<string, unknown> = {}) => ({ type: 'REST', method: 'POST', uri: '/api/compute/v1/jobs', body, ...more });

describe('creating', () => {
  it('refuses bad members with 400 naming them, storing nothing', async () => {
    const before = await snapshot(t.store);
    const cases: [string, Record<string, unknown>][] = [
      ['name', { name: undefined }],
      ['name', { name: '' }],
      ['name', { name: '   ' }],
      ['name', { name: 'x'.repeat(101) }],
      ['purpose', { purpose: 'P'.repeat(65) }],
      ['description', { description: 7 }],
      ['associatedResourceUri', { associatedResourceUri: 'not a uri' }],
      ['associatedResourceUri', { associatedResourceUri: '/compute-ops-mgmt/v1beta2/servers/P00000-B21+NOSUCHSERVER' }],
      ['schedule', { schedule: undefined }],
      ['schedule.startAt', { schedule: { interval: 'P1D' } }],
      ['schedule.startAt', { schedule: { startAt: 'tomorrow', interval: null } }],
      ['schedule.startAt', { schedule: { startAt: '2025-02-30T02:00:00Z', interval: null } }],
      ['schedule.startAt', { schedule: { startAt: fromNow(400 * DAY), interval: null } }],
      ['schedule.startAt', { schedule: { startAt: fromNow(-400 * DAY), interval: null } }],
      ['schedule.interval', { schedule: { startAt: fromNow(HOUR), interval: 'PT10M' } }],
      ['schedule.interval', { schedule: { startAt: fromNow(HOUR), interval: 'P2Y' } }],
      ['schedule.interval', { schedule: { startAt: fromNow(HOUR), interval: 'every day' } }],
      ['schedule.interval', { schedule: { startAt: fromNow(HOUR), interval: 'P1H' } }],
      ['operation', { operation: undefined }],
      ['operation.type', { operation: operation(powerOnBody(server), { type: 'SOAP' }) }],
      ['operation.method', { operation: operation(powerOnBody(server), { method: 'FETCH' }) }],
      ['operation.method', { operation: operation(powerOnBody(server), { method: 'GET' }) }],
      ['operation.uri', { operation: operation(powerOnBody(server), { uri: '/compute-ops-mgmt/v1/servers' }) }],
      ['operation.uri', { operation: operation(powerOnBody(server), { uri: 'https://evil.example/api/compute/v1/jobs' }) }],
      ['operation.timeoutInSec', { operation: operation(powerOnBody(server), { timeoutInSec: 0 }) }],
      ['operation.timeoutInSec', { operation: operation(powerOnBody(server), { timeoutInSec: 61 }) }],
      ['operation.headers', { operation: operation(powerOnBody(server), { headers: { 'bad header': 'x' } }) }],
      ['operation.body', { operation: operation(null) }],
      ['operation.body.jobTemplateUri', { operation: operation({ resourceUri: `/api/compute/v1/servers/${server}` }) }],
      ['operation.body.resourceUri', { operation: operation({ jobTemplateUri: TEMPLATE_IDS.powerOn }) }],
      // What POST /jobs refuses, a schedule refuses too, under operation.body.
      ['operation.body.jobTemplateUri', { operation: operation({ ...powerOnBody(server), jobTemplateUri: '/api/compute/v1/job-templates/00000000-0000-4000-8000-000000000000' }) }],
      ['operation.body.jobTemplateUri', { operation: operation({ ...powerOnBody(server), jobTemplateUri: 'cf4f929b-d44a-4a90-93a9-820955458fd4' /* SetIloSettings: a group job's child only */ }) }],
      ['operation.body.resourceUri', { operation: operation({ ...powerOnBody(server), resourceUri: '/api/compute/v1/servers/P00000-B21+NOSUCHSERVER' }) }],
      ['operation.body.resourceUri', { operation: operation({ ...powerOnBody(server), resourceUri: '/api/compute/v1/nothing/x' }) }],
      ['operation.body.resourceUri', { operation: operation({ ...powerOnBody(server), jobTemplateUri: TEMPLATE_IDS.groupFirmwareUpdate }) }],
      ['operation.body.data.operationType', { operation: operation({ ...powerOnBody(server), jobTemplateUri: TEMPLATE_IDS.powerOff, data: { operationType: 'Sideways' } }) }],
      ['operation.body.resourceId', { operation: operation({ jobTemplate: TEMPLATE_IDS.powerOn, resourceType: 'compute-ops-mgmt/server', resourceId: 'P00000-B21+NOSUCHSERVER' }, { uri: '/compute-ops-mgmt/v1/jobs' }) }],
    ];
    for (const [subject, overrides] of cases) {
      const res = await post(scheduleBody(server, overrides));
      expectComError(res, 400, { subjects: [subject] });
    }
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('refuses an Idempotency-Key reused for a different request with 409, and a malformed key with 400', async () => {
    const key = crypto.randomUUID();
    const first = expectSchedule(await post(scheduleBody(server, { name: 'first' }), { 'idempotency-key': key }), 201);
    const before = await snapshot(t.store);
    expectComError(await post(scheduleBody(server, { name: 'second' }), { 'idempotency-key': key }), 409, { key: 'IDEMPOTENCY_KEY_REUSED' });
    expectComError(await post(scheduleBody(server), { 'idempotency-key': 'x'.repeat(300) }), 400, { subjects: ['Idempotency-Key'] });
    expect(await snapshot(t.store)).toEqual(before);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${first.id}` })).json().name).toBe('first');
  });

  it('needs a JSON body', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1BETA2, headers: { 'content-type': 'text/plain' }, payload: 'x' }), 415);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1BETA2, headers: json, payload: '{"name":' }), 400);
  });
});

describe('changing', () => {
  it('refuses a stale If-Match with 412 on PATCH and DELETE, changing nothing', async () => {
    const before = await snapshot(t.store);
    expectComError(await patch({ name: 'late' }, { 'if-match': '"7"' }), 412, { key: 'PRECONDITION_FAILED', subjects: ['If-Match'] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${existing.id}`, headers: { 'if-match': '7' } }), 412);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('refuses bad changes with 400, changing nothing', async () => {
    const before = await snapshot(t.store);
    const cases: [string, unknown][] = [
      ['name', { name: '' }],
      ['name', { name: null }],
      ['schedule.interval', { schedule: { interval: 'PT1M' } }],
      ['schedule.startAt', { schedule: { startAt: 'soon' } }],
      ['schedule.startAt', { schedule: { startAt: null } }],
      ['associatedResourceUri', { associatedResourceUri: 'nowhere' }],
      ['operation.timeoutInSec', { operation: { timeoutInSec: 100 } }],
      ['operation.body.resourceUri', { operation: { body: { resourceUri: '/api/compute/v1/servers/P00000-B21+NOSUCHSERVER' } } }],
      ['operation.body.jobTemplateUri', { operation: { body: { jobTemplateUri: null } } }],
    ];
    for (const [subject, body] of cases) expectComError(await patch(body), 400, { subjects: [subject] });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('needs merge-patch', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${existing.id}`, headers: json, payload: { name: 'x' } }), 415);
  });
});

describe('reading', () => {
  it('answers 404 for schedules and history entries that do not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const url of [`${V1BETA2}/${missing}`, `${V1BETA2}/not-a-uuid`, `${V1BETA2}/${missing}/history`, `${V1BETA2}/${existing.id}/history/${missing}`, `${V1BETA2}/${existing.id}/history/nope`]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url }), 404, { key: 'NOT_FOUND' });
    }
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA2}/${missing}`, headers: mergePatch, payload: { name: 'x' } }), 404);
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${missing}` }), 404);
  });

  it('refuses filters and sorts on properties the list does not have', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}?filter=${encodeURIComponent("secret eq 'x'")}` }), 400, { key: 'INVALID_QUERY' });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}?sort=operation%20desc` }), 400);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${existing.id}/history?filter=${encodeURIComponent('name eq 1')}` }), 400);
  });
});
