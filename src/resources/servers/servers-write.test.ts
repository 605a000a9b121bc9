// servers writes: single and multi-server merge-patch, credential-server registration (POST) and its
// completion, DELETE (happy); every refusal leaves the data unchanged (error); roles and isolation (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server } from './model.ts';
import { completePendingRegistrations } from './registration-service.ts';
import { getServer, updateServerState } from './service.ts';
import { enc, JSON_BODY, KNOWN, makeCredentialServer, MERGE_PATCH, seedFleets, V1, V1BETA2 } from './servers.fixtures.ts';

type Item = Record<string, unknown> & { generation: number; updatedAt: string; createdAt: string };

let t: TestApp;
let fleets: Record<'A' | 'B' | 'T1', Server[]>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  fleets = await seedFleets(t);
});

const patch = (url: string, payload: unknown, headers: Record<string, string> = {}, caller = t.callers.adminA) =>
  t.call(caller, { method: 'PATCH', url, headers: { ...MERGE_PATCH, ...headers }, payload: JSON.stringify(payload) });
const stored = async (id: string, ws = t.workspaces.A) => (await getServer(t.store, ws, id))!;
const CREDS = { host: '10.1.2.3', username: 'root', password: 'S3cret!pass', certificateFingerprint: '9A:1C' };
const GATEWAY = '47f4ca46-462d-47fc-9458-a2d97db49a0c';

describe('server writes: happy paths', () => {
  it('PATCH changes autoIloFwUpdate, bumps generation and updatedAt, keeps createdAt, in both versions', async () => {
    for (const [base, schema] of [[V1, 'server-v1'], [V1BETA2, 'server-v1beta2']] as const) {
      const before = await stored(KNOWN.on.id);
      const res = await patch(`${base}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: !before.autoIloFwUpdate });
      const after = expectHpeSchema<Item>(res, schema);
      expect(after).toMatchObject({ id: KNOWN.on.id, autoIloFwUpdate: !before.autoIloFwUpdate, generation: before.generation + 1, createdAt: before.createdAt });
      expect(after.updatedAt > before.updatedAt).toBe(true);
      expect((await stored(KNOWN.on.id)).autoIloFwUpdate).toBe(!before.autoIloFwUpdate);
    }
  });

  it('PATCH with an empty patch, "True" strings and a matching If-Match', async () => {
    const before = await stored(KNOWN.on.id);
    expectHpeSchema(await patch(`${V1}/${KNOWN.on.id}`, {}), 'server-v1');
    const res = await patch(`${V1}/${KNOWN.on.id}`, { autoIloFwUpdate: 'False' }, { 'if-match': `"${before.generation + 1}"` });
    expect(expectHpeSchema<Item>(res, 'server-v1')).toMatchObject({ autoIloFwUpdate: false, generation: before.generation + 2 });
  });

  it('PATCH merges BMC credentials, stores the password without returning it, and moves between CREDENTIAL and GATEWAY', async () => {
    const id = fleets.A[5]!.id;
    await makeCredentialServer(t, id);
    const res = await patch(`${V1}/${enc(id)}`, { hardware: { bmc: { userDefined: { password: 'n3w' } } }, appliance: { applianceId: GATEWAY } });
    const body = expectHpeSchema<Item>(res, 'server-v1');
    expect(body).toMatchObject({ connectionType: 'GATEWAY', appliance: { applianceId: GATEWAY, applianceUri: `/compute-ops-mgmt/v1beta1/appliances/gateway+${GATEWAY}` } });
    expect(body.hardware).toMatchObject({ bmc: { userDefined: { host: '10.0.0.9', username: 'admin', certificateFingerprint: 'AB:CD' } } });
    expect(res.body).not.toContain('n3w');
    expect((await stored(id)).hardware.bmc?.userDefined).toEqual({ host: '10.0.0.9', username: 'admin', password: 'n3w', certificateFingerprint: 'AB:CD' });
    const detached = expectHpeSchema<Item>(await patch(`${V1}/${enc(id)}`, { appliance: { applianceId: null } }), 'server-v1');
    expect(detached).toMatchObject({ connectionType: 'CREDENTIAL', appliance: { applianceId: null, applianceUri: null } });
    // A gateway server may drop its credentials; the gateway still reaches the BMC.
    await patch(`${V1}/${enc(id)}`, { appliance: { applianceId: GATEWAY } });
    const dropped = expectHpeSchema<Item>(await patch(`${V1}/${enc(id)}`, { hardware: { bmc: { userDefined: null } } }), 'server-v1');
    expect((dropped.hardware as { bmc: { userDefined: unknown } }).bmc.userDefined).toBeNull();
  });

  it('multi-server PATCH applies to every listed server and answers 200 with no body', async () => {
    const [a, b] = [KNOWN.on.id, KNOWN.off.id];
    const before = [await stored(a), await stored(b)];
    const others = await stored(fleets.A[4]!.id);
    for (const base of [V1, V1BETA2]) {
      const res = await patch(`${base}?id=${enc(a)}&id=${enc(b)}`, { autoIloFwUpdate: false });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe('');
    }
    for (const [i, id] of [a, b].entries()) expect(await stored(id)).toMatchObject({ autoIloFwUpdate: false, generation: before[i]!.generation + 2 });
    expect(await stored(fleets.A[4]!.id)).toEqual(others);
    expect((await patch(`${V1}?id=${enc(a)}`, { autoIloFwUpdate: true })).statusCode).toBe(200);
    expect((await stored(a)).autoIloFwUpdate).toBe(true);
  });

  it('POST stores a registration and answers 202 + Location of a job; completing it adds a CREDENTIAL or GATEWAY server', async () => {
    const total = (await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().total;
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: CREDS } } } });
    const { jobId } = expectHpeSchema<{ jobId: string }>(res, 'serverJobResponse', 202);
    expect(res.headers.location).toBe(`/compute-ops-mgmt/v1/jobs/${jobId}`);
    const viaGateway = await t.call(t.callers.adminA, {
      method: 'POST',
      url: V1BETA2,
      headers: JSON_BODY,
      payload: { appliance: { applianceId: GATEWAY }, hardware: { bmc: { userDefined: { ...CREDS, host: '10.1.2.4' } } } },
    });
    expectHpeSchema(viaGateway, 'serverJobResponse', 202);
    const legacy = await t.call(t.callers.adminA, { method: 'POST', url: '/compute-ops/v1/servers', headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: { ...CREDS, host: 'bmc-3' } } } } });
    expect(legacy.headers.location).toMatch(/^\/compute-ops\/v1\/jobs\/[0-9a-f-]{36}$/);
    // The server appears once the job has run, not before.
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().total).toBe(total);

    const outcomes = await completePendingRegistrations(t.store, t.workspaces.A);
    expect(outcomes.map((o) => o.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE']);
    expect(outcomes[0]!.jobId).toBe(jobId);
    const created = await stored(outcomes[0]!.serverId!);
    expect(created).toMatchObject({ connectionType: 'CREDENTIAL', generation: 1, hardware: { bmc: { userDefined: CREDS } }, state: { subscriptionState: 'REQUIRED' } });
    expect(await stored(outcomes[1]!.serverId!)).toMatchObject({ connectionType: 'GATEWAY', appliance: { applianceId: GATEWAY } });
    expect((await t.call(t.callers.adminA, { method: 'GET', url: V1 })).json().total).toBe(total + 3);
    expect(await completePendingRegistrations(t.store, t.workspaces.A)).toEqual([]);

    // Once subscribed, the connection type shows.
    await updateServerState(t.store, t.workspaces.A, created.id, (s) => ({ ...s, state: { ...s.state, subscriptionState: 'SUBSCRIBED' } }));
    const shown = expectHpeSchema<Item>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(created.id)}` }), 'server-v1');
    expect(shown).toMatchObject({ connectionType: 'CREDENTIAL', platformFamily: 'DMTF', generation: 2 });
  });

  it('a registration whose server already exists fails; the same host cannot be added twice while pending', async () => {
    const first = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: CREDS } } } });
    expect(first.statusCode).toBe(202);
    const again = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: CREDS } } } });
    expectComError(again, 400, { key: 'ALREADY_EXISTS', subjects: ['hardware.bmc.userDefined.host'] });
    await completePendingRegistrations(t.store, t.workspaces.A);
    await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: CREDS } } } });
    const [outcome] = await completePendingRegistrations(t.store, t.workspaces.A);
    expect(outcome).toMatchObject({ state: 'FAILED', serverId: null });
  });

  it('DELETE removes a credential-added server and its documents with 204', async () => {
    const id = fleets.A[5]!.id;
    await makeCredentialServer(t, id, GATEWAY);
    const res = await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA2}/${enc(id)}` });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(id)}` }), 404);
    expect(await t.store.all('SELECT * FROM server_details WHERE server_id = ?', [id])).toEqual([]);
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc(id)}` }), 404);
  });
});

describe('server writes: errors change nothing', () => {
  async function refused(res: Awaited<ReturnType<typeof patch>>, status: number, subjects?: string[], key?: 'BAD_REQUEST' | 'NOT_FOUND') {
    expectComError(res, status, { ...(subjects ? { subjects } : {}), ...(key ? { key } : {}) });
  }

  it('refuses unknown members, wrong types and the wrong media type', async () => {
    const before = await snapshot(t.store);
    const url = `${V1}/${enc(KNOWN.on.id)}`;
    await refused(await patch(url, { foo: 1 }), 400, ['foo']);
    await refused(await patch(url, { autoIloFwUpdate: true, name: 'x' }), 400, ['name']);
    await refused(await patch(url, { appliance: { applianceId: null, x: 1 } }), 400, ['appliance.x']);
    await refused(await patch(url, { hardware: { bmc: { userDefined: { hostname: 'h' } } } }), 400, ['hardware.bmc.userDefined.hostname']);
    await refused(await patch(url, { autoIloFwUpdate: 'yes' }), 400, ['autoIloFwUpdate']);
    await refused(await patch(url, { autoIloFwUpdate: null }), 400, ['autoIloFwUpdate']);
    await refused(await patch(url, [1]), 400);
    await refused(await patch(url, { autoIloFwUpdate: true }, JSON_BODY), 415);
    await refused(await patch(`${V1}?id=${enc(KNOWN.on.id)}`, { foo: 1 }), 400, ['foo']);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('refuses patches the server cannot take', async () => {
    const id = fleets.A[5]!.id;
    await makeCredentialServer(t, id);
    const before = await snapshot(t.store);
    await refused(await patch(`${V1}/${enc(KNOWN.expired.id)}`, { autoIloFwUpdate: true }), 400, ['autoIloFwUpdate']);
    await refused(await patch(`${V1BETA2}/${enc(KNOWN.required.id)}`, {}), 400, ['(root)']);
    await refused(await patch(`${V1}/${enc(KNOWN.on.id)}`, { hardware: { bmc: { userDefined: CREDS } } }), 400, ['hardware.bmc.userDefined']);
    await refused(await patch(`${V1}/${enc(KNOWN.on.id)}`, { appliance: { applianceId: GATEWAY } }), 400, ['appliance.applianceId']);
    await refused(await patch(`${V1}/${enc(id)}`, { hardware: null }), 400, ['hardware.bmc.userDefined']);
    await refused(await patch(`${V1}/${enc(id)}`, { appliance: { applianceId: 'not-a-uuid' } }), 400, ['appliance.applianceId']);
    await refused(await patch(`${V1}/${enc(id)}`, { hardware: { bmc: { userDefined: { username: ' ' } } } }), 400, ['hardware.bmc.userDefined.username']);
    await refused(await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: true }, { 'if-match': '"1"' }), 412);
    await refused(await patch(`${V1}/${enc('P00000-B21+NOSUCH')}`, { autoIloFwUpdate: true }), 404, undefined, 'NOT_FOUND');
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('multi-server PATCH is all or nothing', async () => {
    const before = await snapshot(t.store);
    const [a, b] = [enc(KNOWN.on.id), enc(KNOWN.off.id)];
    await refused(await patch(`${V1}?id=${a}&id=${enc('P00000-B21+NOSUCH')}&id=${b}`, { autoIloFwUpdate: false }), 404, undefined, 'NOT_FOUND');
    await refused(await patch(`${V1BETA2}?id=${a}&id=${enc(KNOWN.expired.id)}`, { autoIloFwUpdate: false }), 400, ['autoIloFwUpdate']);
    await refused(await patch(`${V1}?id=${a}&id=${b}`, { autoIloFwUpdate: false }, { 'if-match': '"1"' }), 412);
    // A raw + in a query string is a space: that id names no server.
    await refused(await patch(`${V1}?id=${KNOWN.on.id}`, { autoIloFwUpdate: false }), 404);
    await refused(await patch(V1, { autoIloFwUpdate: false }), 400, ['id']);
    await refused(await patch(`${V1}?id=${a}`, { autoIloFwUpdate: false }, JSON_BODY), 415);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('refuses incomplete or malformed registrations and deletes of servers not added with credentials', async () => {
    const before = await snapshot(t.store);
    const post = (payload: unknown, headers = JSON_BODY) => t.call(t.callers.adminA, { method: 'POST', url: V1, headers, payload: JSON.stringify(payload) });
    const { password: _p, ...noPassword } = CREDS;
    await refused(await post({ hardware: { bmc: { userDefined: noPassword } } }), 400, ['hardware.bmc.userDefined.password']);
    await refused(await post({ hardware: { bmc: { userDefined: { ...CREDS, host: '  ' } } } }), 400, ['hardware.bmc.userDefined.host']);
    await refused(await post({ appliance: { applianceId: 'gw-1' }, hardware: { bmc: { userDefined: CREDS } } }), 400, ['appliance.applianceId']);
    await refused(await post({}), 400, ['hardware']);
    await refused(await post({ hardware: { bmc: { userDefined: CREDS } } }, MERGE_PATCH), 415);
    await refused(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc(KNOWN.on.id)}` }), 400, ['connectionType']);
    await refused(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc('P00000-B21+NOSUCH')}` }), 404);
    await makeCredentialServer(t, fleets.A[5]!.id);
    const after = await snapshot(t.store);
    await refused(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1}/${enc(fleets.A[5]!.id)}`, headers: { 'if-match': '1' } }), 412);
    expect(await snapshot(t.store)).toEqual(after);
    expect(before.server_registrations).toEqual(after.server_registrations);
  });
});

describe('server writes: security', () => {
  it('observers cannot write', async () => {
    const before = await snapshot(t.store);
    const o = t.callers.observerA;
    expectComError(await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: false }, {}, o), 403);
    expectComError(await patch(`${V1}?id=${enc(KNOWN.on.id)}`, { autoIloFwUpdate: false }, {}, o), 403);
    expectComError(await t.call(o, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: CREDS } } } }), 403);
    expectComError(await t.call(o, { method: 'DELETE', url: `${V1}/${enc(KNOWN.on.id)}` }), 403);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("another workspace cannot patch or delete A's servers, one by one or in bulk", async () => {
    const id = fleets.A[5]!.id;
    await makeCredentialServer(t, id);
    const before = await snapshot(t.store);
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: false }, {}, caller), 404);
      expectComError(await patch(`${V1}?id=${enc(KNOWN.on.id)}&id=${enc(fleets.B[0]!.id)}`, { autoIloFwUpdate: false }, {}, caller), 404);
      expectComError(await t.call(caller, { method: 'DELETE', url: `${V1}/${enc(id)}` }), 404);
    }
    expectComError(await patch(`${V1}/${enc(KNOWN.on.id)}`, { autoIloFwUpdate: false }, { 'tenant-acid': t.workspaces.T1 }, t.callers.mspAdmin), 404);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('an MSP patches and registers inside a tenant with Tenant-Acid; completion stays per workspace', async () => {
    const tenant = { 'tenant-acid': t.workspaces.T1 };
    const target = fleets.T1[0]!;
    const res = await patch(`${V1}/${enc(target.id)}`, { autoIloFwUpdate: !target.autoIloFwUpdate }, tenant, t.callers.mspAdmin);
    expect(expectHpeSchema<Item>(res, 'server-v1').autoIloFwUpdate).toBe(!target.autoIloFwUpdate);
    const post = await t.call(t.callers.mspAdmin, { method: 'POST', url: V1, headers: { ...JSON_BODY, ...tenant }, payload: { hardware: { bmc: { userDefined: CREDS } } } });
    expect(post.statusCode).toBe(202);
    expect(await completePendingRegistrations(t.store, t.workspaces.A)).toEqual([]);
    const [done] = await completePendingRegistrations(t.store, t.workspaces.T1);
    expect(await getServer(t.store, t.workspaces.T1, done!.serverId!)).toBeDefined();
    expect(await getServer(t.store, t.workspaces.A, done!.serverId!)).toBeUndefined();
  });
});
