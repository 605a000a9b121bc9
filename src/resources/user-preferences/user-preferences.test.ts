// user-preferences v1 and v1beta1: behaviour per version (happy) and bad input (error); access is in the .security suite.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { NOTIFICATION_COMBINATIONS, V1, V1BETA1, create, json, stored, type Pref } from './user-preferences.fixtures.ts';

const LEGACY = '/compute-ops/v1beta1/user-preferences';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM user_preferences');
});

describe('user-preferences happy paths', () => {
  it('lists nothing before the caller creates preferences', async () => {
    const body = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: V1 }), 'userPreferencesCollection-v1');
    expect(body).toEqual({ offset: 0, count: 0, total: 0, items: [] });
  });

  it('creates with 200, generation 1 and every omitted choice off', async () => {
    const before = Date.now();
    const p = await create(t, t.callers.adminA, { criticalNotification: true });
    expect(p).toMatchObject({
      type: 'compute-ops-mgmt/user-preference',
      resourceUri: `${V1}/${p.id}`,
      generation: 1,
      criticalNotification: true,
      criticalNonServiceNotification: false,
      warningNotification: false,
      healthNotification: false,
      powerResetNotification: false,
      disconnectNotification: null,
    });
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.createdAt).toBe(p.updatedAt);
    expect(p.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(Date.parse(p.createdAt as string)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('returns the object in the list and by id', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true, healthNotification: true, disconnectNotification: 2 });
    const list = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: V1 }), 'userPreferencesCollection-v1');
    expect(list).toEqual({ offset: 0, count: 1, total: 1, items: [p] });
    expect(expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${p.id}` }), 'userPreferencesResponse-v1')).toEqual(p);
  });

  it('PUT replaces every choice, bumps generation and updatedAt, keeps createdAt', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true, criticalNonServiceNotification: true, healthNotification: true, powerResetNotification: true, disconnectNotification: 3 });
    const res = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${p.id}`, headers: json, payload: { criticalNotification: false } });
    const u = expectHpeSchema<Pref>(res, 'userPreferencesResponse-v1');
    expect(u).toMatchObject({ id: p.id, generation: 2, criticalNotification: false, criticalNonServiceNotification: false, healthNotification: false, powerResetNotification: false, disconnectNotification: null, createdAt: p.createdAt });
    expect((u.updatedAt as string) > (p.updatedAt as string)).toBe(true);
    const again = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${p.id}`, headers: json, payload: { criticalNotification: false } });
    expect(again.json().generation).toBe(3);
  });

  it('accepts every valid (critical, criticalNonService, warning) combination and refuses the others, on POST', async () => {
    for (const [c, n, w, ok] of NOTIFICATION_COMBINATIONS) {
      await t.store.run('DELETE FROM user_preferences');
      const res = await t.call(t.callers.adminA, {
        method: 'POST',
        url: V1,
        headers: json,
        payload: { criticalNotification: c, criticalNonServiceNotification: n, warningNotification: w },
      });
      if (ok) {
        expect(expectHpeSchema(res, 'userPreferencesResponse-v1')).toMatchObject({ criticalNotification: c, criticalNonServiceNotification: n, warningNotification: w });
      } else {
        expectComError(res, 400, { key: 'INVALID_NOTIFICATION_COMBINATION' });
        expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().count).toBe(0);
      }
    }
  });

  it('accepts every valid combination and refuses the others, on PUT, leaving the stored object unchanged', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true, healthNotification: true });
    let generation = 1;
    for (const [c, n, w, ok] of NOTIFICATION_COMBINATIONS) {
      const before = await stored(t, t.callers.adminA, p.id);
      const res = await t.call(t.callers.adminA, {
        method: 'PUT',
        url: `${V1}/${p.id}`,
        headers: json,
        payload: { criticalNotification: c, criticalNonServiceNotification: n, warningNotification: w, healthNotification: true },
      });
      if (ok) {
        generation++;
        expect(expectHpeSchema(res, 'userPreferencesResponse-v1')).toMatchObject({ generation, criticalNotification: c, criticalNonServiceNotification: n, warningNotification: w });
      } else {
        const body = expectComError(res, 400, { key: 'INVALID_NOTIFICATION_COMBINATION' });
        expect(JSON.stringify(body.errorDetails)).toMatch(/Notification/);
        expect(await stored(t, t.callers.adminA, p.id)).toEqual(before);
      }
    }
  });

  it('names the offending flag in the issue subject', async () => {
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { criticalNotification: true, warningNotification: true } });
    expectComError(res, 400, { subjects: ['warningNotification'] });
  });

  it('accepts disconnectNotification 1, 2, 3 and null', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: false, disconnectNotification: 1 });
    for (const value of [2, 3, null]) {
      const res = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${p.id}`, headers: json, payload: { criticalNotification: false, disconnectNotification: value } });
      expect(expectHpeSchema(res, 'userPreferencesResponse-v1').disconnectNotification).toBe(value);
    }
  });

  it('refuses a second POST with 400 and leaves the first object untouched', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true });
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: { criticalNotification: false } });
    expectComError(res, 400, { key: 'ALREADY_EXISTS' });
    expect(await stored(t, t.callers.adminA, p.id)).toEqual(p);
  });

  it('v1beta1 addresses the same object without powerReset and disconnect, and PUT keeps them', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true, powerResetNotification: true, disconnectNotification: 2 });
    const beta = expectHpeSchema<Pref>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${p.id}` }), 'userPreferencesResponse-v1beta1');
    expect(beta).not.toHaveProperty('powerResetNotification');
    expect(beta).not.toHaveProperty('disconnectNotification');
    expect(beta).toMatchObject({ id: p.id, resourceUri: `${V1BETA1}/${p.id}`, type: 'compute-ops-mgmt/user-preference', generation: 1 });
    const list = expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: V1BETA1 }), 'userPreferencesCollection-v1beta1');
    expect(list).toMatchObject({ count: 1, total: 1, offset: 0, items: [beta] });
    const put = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1BETA1}/${p.id}`, headers: json, payload: { criticalNotification: true, healthNotification: true } });
    expect(expectHpeSchema(put, 'userPreferencesResponse-v1beta1')).toMatchObject({ generation: 2, healthNotification: true });
    expect(await stored(t, t.callers.adminA, p.id)).toMatchObject({ generation: 2, powerResetNotification: true, disconnectNotification: 2, healthNotification: true });
  });

  it('v1beta1 POST creates powerReset and disconnect off, and ignores them if sent', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true, powerResetNotification: true, disconnectNotification: 3 }, V1BETA1);
    expect(await stored(t, t.callers.adminA, p.id)).toMatchObject({ powerResetNotification: false, disconnectNotification: null });
  });

  it('serves the legacy /compute-ops prefix from the same handlers, with type and resourceUri following it', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true });
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${p.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, type: 'compute-ops/user-preference', resourceUri: `${LEGACY}/${p.id}` });
    const v1Legacy = await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops/v1/user-preferences' });
    expect(v1Legacy.json().items[0].resourceUri).toBe(`/compute-ops/v1/user-preferences/${p.id}`);
  });

  it('honours If-Match against generation on PUT', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true });
    const stale = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${p.id}`, headers: { ...json, 'if-match': '"7"' }, payload: { criticalNotification: false } });
    expectComError(stale, 412, { key: 'PRECONDITION_FAILED', subjects: ['If-Match'] });
    expect(await stored(t, t.callers.adminA, p.id)).toEqual(p);
    const fresh = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${p.id}`, headers: { ...json, 'if-match': '"1"' }, payload: { criticalNotification: false } });
    expect(fresh.json().generation).toBe(2);
  });

  it('ignores read-only fields echoed back from a GET', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: true });
    const echo = { ...p, generation: 99, id: 'not-this', createdAt: '2001-01-01T00:00:00Z', criticalNotification: false };
    const res = await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${p.id}`, headers: json, payload: echo });
    expect(expectHpeSchema(res, 'userPreferencesResponse-v1')).toMatchObject({ id: p.id, generation: 2, createdAt: p.createdAt, criticalNotification: false });
  });

  it('accepts the "True"/"False" strings Ansible writes for booleans', async () => {
    const p = await create(t, t.callers.adminA, { criticalNotification: 'True', criticalNonServiceNotification: 'False', healthNotification: 'true' });
    expect(p).toMatchObject({ criticalNotification: true, criticalNonServiceNotification: false, healthNotification: true });
  });

  it('filters, selects and pages the collection with the shared grammar', async () => {
    await create(t, t.callers.adminA, { criticalNotification: true });
    const hit = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?filter=${encodeURIComponent("criticalNotification eq true and generation ge 1")}` });
    expect(hit.json()).toMatchObject({ count: 1, total: 1 });
    const miss = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?filter=${encodeURIComponent('criticalNotification eq false')}` });
    expect(miss.json()).toMatchObject({ count: 0, total: 0, items: [] });
    const selected = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?select=id,criticalNotification` });
    expect(Object.keys(selected.json().items[0]).sort()).toEqual(['criticalNotification', 'id']);
    const paged = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?offset=1&limit=5000` });
    expect(paged.json()).toMatchObject({ offset: 1, count: 0, total: 1 });
    const hidden = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}?filter=${encodeURIComponent('disconnectNotification eq null')}` });
    expectComError(hidden, 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
  });
});

describe('user-preferences subscribe and unsubscribe', () => {
  const SUB = `${V1}/subscribe`;
  const UNSUB = `${V1}/unsubscribe`;

  it('turns choices on for listed members, creating objects where needed, and reports strangers as errors', async () => {
    const existing = await create(t, t.callers.operatorA, { criticalNotification: true, healthNotification: false });
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: SUB,
      headers: json,
      payload: {
        recipients: { critical: [t.callers.operatorA.email.toUpperCase()], health: [t.callers.observerA.email], disconnect: ['nobody@a.example', t.callers.adminB.email] },
        requestData: { criticalNotification: true, criticalNonServiceNotification: true, healthNotification: true, disconnectNotification: 2 },
      },
    });
    const body = expectHpeSchema<{ successCount: number; errorCount: number; successes: Pref[]; errors: Record<string, unknown>[] }>(res, 'subscribeResponse-v1');
    expect(body.successCount).toBe(2);
    expect(body.errorCount).toBe(2);
    expect(body.errors.map((e) => e.httpStatusCode)).toEqual([404, 404]);
    const op = body.successes.find((s) => s.id === existing.id)!;
    expect(op).toMatchObject({ generation: 2, criticalNotification: true, criticalNonServiceNotification: true, healthNotification: false, disconnectNotification: null });
    const obs = body.successes.find((s) => s.id !== existing.id)!;
    expect(obs).toMatchObject({ generation: 1, criticalNotification: false, healthNotification: true, disconnectNotification: null });
    // Workspace B's admin was named but is not a member of A: nothing was created for them anywhere.
    expect((await t.call(t.callers.adminB, { method: 'GET', url: V1 })).json().count).toBe(0);
  });

  it('`all` applies every requested choice, and nothing is ever switched off', async () => {
    await create(t, t.callers.operatorA, { criticalNotification: true, criticalNonServiceNotification: true, warningNotification: true, powerResetNotification: true });
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: SUB,
      headers: json,
      payload: { recipients: { all: [t.callers.operatorA.email] }, requestData: { criticalNotification: true, healthNotification: true, disconnectNotification: 3 } },
    });
    expect(res.json().successes[0]).toMatchObject({ criticalNotification: true, criticalNonServiceNotification: true, warningNotification: true, healthNotification: true, powerResetNotification: true, disconnectNotification: 3 });
  });

  it('refuses a requestData that breaks the hierarchy, changing nobody', async () => {
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: SUB,
      headers: json,
      payload: { recipients: { all: [t.callers.operatorA.email] }, requestData: { warningNotification: true } },
    });
    expectComError(res, 400, { key: 'INVALID_NOTIFICATION_COMBINATION', subjects: ['requestData.warningNotification'] });
    expect((await t.call(t.callers.operatorA, { method: 'GET', url: V1 })).json().count).toBe(0);
  });

  it('unsubscribe turns listed choices off and skips users who have nothing to turn off', async () => {
    const p = await create(t, t.callers.operatorA, { criticalNotification: true, criticalNonServiceNotification: true, healthNotification: true, powerResetNotification: true, disconnectNotification: 1 });
    const res = await t.call(t.callers.adminA, {
      method: 'POST',
      url: UNSUB,
      headers: json,
      payload: { critical: [t.callers.operatorA.email], disconnect: [t.callers.operatorA.email, t.callers.observerA.email, 'nobody@a.example'], health: null },
    });
    const body = expectHpeSchema<{ successCount: number; errorCount: number; successes: Pref[] }>(res, 'subscribeResponse-v1');
    expect(body.successCount).toBe(1);
    expect(body.errorCount).toBe(1);
    expect(body.successes[0]).toMatchObject({ id: p.id, generation: 2, criticalNotification: false, criticalNonServiceNotification: false, healthNotification: true, powerResetNotification: true, disconnectNotification: null });
    expect((await t.call(t.callers.observerA, { method: 'GET', url: V1 })).json().count).toBe(0);
    const all = await t.call(t.callers.adminA, { method: 'POST', url: UNSUB, headers: json, payload: { all: [t.callers.operatorA.email] } });
    expect(all.json().successes[0]).toMatchObject({ generation: 3, healthNotification: false, powerResetNotification: false });
  });

  it('only administrators may subscribe or unsubscribe others', async () => {
    for (const caller of [t.callers.operatorA, t.callers.observerA]) {
      for (const url of [SUB, UNSUB]) {
        const payload = url === SUB ? { recipients: { all: [caller.email] }, requestData: { healthNotification: true } } : { all: [caller.email] };
        expectComError(await t.call(caller, { method: 'POST', url, headers: json, payload }), 403, { key: 'FORBIDDEN' });
      }
    }
  });
});

describe('user-preferences bad input', () => {
  const cases: [string, Record<string, string>, string, number, string | undefined][] = [
    ['malformed JSON', json, '{"criticalNotification": tru', 400, undefined],
    ['a JSON array', json, '[true]', 400, undefined],
    ['a string for a boolean', json, '{"criticalNotification": "yes"}', 400, 'criticalNotification'],
    ['a number for a boolean', json, '{"criticalNotification": 1}', 400, 'criticalNotification'],
    ['a missing required field', json, '{"healthNotification": true}', 400, 'criticalNotification'],
    ['disconnect 0', json, '{"criticalNotification": false, "disconnectNotification": 0}', 400, 'disconnectNotification'],
    ['disconnect 4', json, '{"criticalNotification": false, "disconnectNotification": 4}', 400, 'disconnectNotification'],
    ['disconnect -1', json, '{"criticalNotification": false, "disconnectNotification": -1}', 400, 'disconnectNotification'],
    ['disconnect 1.5', json, '{"criticalNotification": false, "disconnectNotification": 1.5}', 400, 'disconnectNotification'],
    ['disconnect "2"', json, '{"criticalNotification": false, "disconnectNotification": "2"}', 400, 'disconnectNotification'],
    ['an empty body', json, '', 400, undefined],
    ['text/plain', { 'content-type': 'text/plain' }, '{"criticalNotification": true}', 415, undefined],
    ['merge-patch on POST', { 'content-type': 'application/merge-patch+json' }, '{"criticalNotification": true}', 415, undefined],
    ['no content type', {}, '{"criticalNotification": true}', 415, undefined],
  ];

  it.each(cases)('POST and PUT refuse %s with a COM error and change nothing', async (_name, headers, payload, status, subject) => {
    const p = await create(t, t.callers.operatorA, { criticalNotification: true, healthNotification: true });
    await t.store.run('DELETE FROM user_preferences WHERE user_id = ?', [t.callers.adminA.userId]);
    const post = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers, payload });
    expectComError(post, status, subject ? { subjects: [subject] } : {});
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().count).toBe(0);
    const put = await t.call(t.callers.operatorA, { method: 'PUT', url: `${V1}/${p.id}`, headers, payload });
    expectComError(put, status, subject ? { subjects: [subject] } : {});
    expect(await stored(t, t.callers.operatorA, p.id)).toEqual(p);
  });

  it('refuses an oversized body with 413', async () => {
    const huge = JSON.stringify({ criticalNotification: true, padding: 'x'.repeat(t.config.bodyLimit + 10) });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: json, payload: huge }), 413, { key: 'PAYLOAD_TOO_LARGE' });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().count).toBe(0);
  });

  it.each([
    ['not a uuid', 'abc'],
    ['a uuid nobody has', '00000000-0000-4000-8000-000000000000'],
    ['an encoded path traversal', '%2e%2e%2fetc'],
    ['unicode', '%E2%9C%93'],
    ['a very long id', 'a'.repeat(400)],
    ['a server-style id', 'P38471-B21+J208PP003O'],
  ])('answers 404 for %s', async (_name, id) => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${id}` }), 404, { key: 'NOT_FOUND' });
    expectComError(await t.call(t.callers.adminA, { method: 'PUT', url: `${V1}/${id}`, headers: json, payload: { criticalNotification: true } }), 404);
  });

  it('answers 406 to an Accept it cannot satisfy, and accepts */*, none and JSON', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: V1, headers: { accept: 'text/html' } }), 406, { key: 'NOT_ACCEPTABLE' });
    for (const accept of ['*/*', 'application/json', 'application/json, text/plain;q=0.5', '']) {
      expect((await t.call(t.callers.adminA, { method: 'GET', url: V1, headers: accept ? { accept } : {} })).statusCode).toBe(200);
    }
  });

  it('accepts a GET that carries Content-Type: application/json and no body', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: V1, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['filter', 'criticalNotification eq'],
    ['filter', 'nosuchfield eq 1'],
    ['sort', 'nosuchfield desc'],
    ['offset', '-1'],
    ['limit', 'ten'],
  ])('answers 400 naming a bad %s', async (parameter, value) => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?${parameter}=${encodeURIComponent(value)}` });
    expectComError(res, 400, { key: 'INVALID_QUERY', subjects: [parameter] });
  });
});
