// What old clients call: the unpublished v1beta1 servers shape and the /compute-ops prefix, served from the same
// handlers; and what /openapi.json publishes for this group.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { HPE_OPENAPI_PATH } from '../../../test/helpers/hpe-openapi.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { getServer } from './service.ts';
import { enc, JSON_BODY, KNOWN, MERGE_PATCH, seedFleets, V1BETA1 } from './servers.fixtures.ts';

type Item = Record<string, unknown> & { id: string };
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedFleets(t);
});
afterAll(() => t.close());

describe('legacy servers: happy paths', () => {
  it('v1beta1 lists and gets the v1beta2 content plus resourceType, selfUri and displayName', async () => {
    const page = expectHpeSchema<{ items: Item[]; total: number }>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}?limit=1000` }), 'serverCollection-v1beta2');
    expect(page.total).toBe(10);
    const on = expectHpeSchema<Item>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${enc(KNOWN.on.id)}` }), 'server-v1beta2');
    expect(page.items.find((i) => i.id === KNOWN.on.id)).toEqual(on);
    expect(on).toMatchObject({
      type: 'compute-ops-mgmt/server',
      resourceType: 'compute-ops-mgmt/server',
      resourceUri: `${V1BETA1}/${KNOWN.on.id}`,
      selfUri: `${V1BETA1}/${KNOWN.on.id}`,
      displayName: KNOWN.on.hostname,
      state: { subscriptionTier: expect.stringMatching(/^(Standard|Enhanced|Advanced)$/) },
    });
    // The host name is gated: an unsubscribed server shows its serial number.
    const gated = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${enc(KNOWN.expired.id)}` })).json();
    expect(gated).toMatchObject({ displayName: KNOWN.expired.serialNumber });
    expect(gated).not.toHaveProperty('host');
  });

  it('follows the /compute-ops prefix in type and resourceUri, also in filters (conventions §1)', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta1/servers/${KNOWN.required.id}` });
    expect(res.json()).toMatchObject({ resourceUri: `/compute-ops/v1beta1/servers/${KNOWN.required.id}`, type: 'compute-ops/server', selfUri: `/compute-ops/v1beta1/servers/${KNOWN.required.id}` });
    const v1 = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1/servers?filter=${encodeURIComponent(`resourceUri eq '/compute-ops/v1/servers/${KNOWN.on.id}'`)}` });
    expect(v1.json().items.map((i: Item) => [i.id, i.type])).toEqual([[KNOWN.on.id, 'compute-ops/server']]);
    const inventory = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta2/servers/${enc(KNOWN.on.id)}/inventory` });
    expect(inventory.json().type).toBe('compute-ops/server/inventory');
  });

  it('v1beta1 PATCH accepts merge-patch and the application/json old scripts send', async () => {
    const before = (await getServer(t.store, t.workspaces.A, KNOWN.on.id))!;
    for (const [headers, value] of [[MERGE_PATCH, !before.autoIloFwUpdate], [JSON_BODY, before.autoIloFwUpdate]] as const) {
      const res = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA1}/${enc(KNOWN.on.id)}`, headers, payload: { autoIloFwUpdate: value } });
      expect(expectHpeSchema<Item>(res, 'server-v1beta2')).toMatchObject({ autoIloFwUpdate: value, selfUri: `${V1BETA1}/${KNOWN.on.id}` });
    }
    expect((await getServer(t.store, t.workspaces.A, KNOWN.on.id))!.generation).toBe(before.generation + 2);
  });
});

describe('legacy servers: errors', () => {
  it('v1beta1 has list, get and patch only, and refuses bad input like the published versions', async () => {
    const before = await snapshot(t.store);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: V1BETA1, headers: JSON_BODY, payload: {} }), 404, { key: 'ROUTE_NOT_FOUND' });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${V1BETA1}/${enc(KNOWN.on.id)}` }), 404, { key: 'ROUTE_NOT_FOUND' });
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA1}?id=${enc(KNOWN.on.id)}`, headers: MERGE_PATCH, payload: {} }), 404, { key: 'ROUTE_NOT_FOUND' });
    const url = `${V1BETA1}/${enc(KNOWN.on.id)}`;
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url, headers: JSON_BODY, payload: { displayName: 'x' } }), 400, { subjects: ['displayName'] });
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url, headers: JSON_BODY, payload: '{"a":' }), 400, { key: 'MALFORMED_BODY' });
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url, headers: { 'content-type': 'application/xml' }, payload: '<a/>' }), 415);
    expectComError(await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA1}/${enc(KNOWN.expired.id)}`, headers: JSON_BODY, payload: { autoIloFwUpdate: true } }), 400);
    for (const id of ['%00', '..%2F..%2Fetc', 'x'.repeat(300), '-1']) {
      for (const res of [
        await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${id}` }),
        await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1BETA1}/${id}`, headers: JSON_BODY, payload: {} }),
      ]) {
        expect([400, 404]).toContain(res.statusCode);
        expectComError(res, res.statusCode);
      }
    }
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}?filter=serverGeneration%20eq%20'GEN_11'` }), 400, { subjects: ['filter'] });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}/${enc(KNOWN.on.id)}`, headers: { accept: 'text/csv' } }), 406);
    expect(await snapshot(t.store)).toEqual(before);
  });
});

describe('legacy servers: security', () => {
  it("v1beta1 needs a token and never shows another workspace's servers", async () => {
    expectComError(await t.call(null, { method: 'GET', url: V1BETA1 }), 401);
    expect((await t.call(t.callers.adminB, { method: 'GET', url: V1BETA1 })).json().total).toBe(3);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: `${V1BETA1}/${enc(KNOWN.on.id)}` }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'PATCH', url: `${V1BETA1}/${enc(KNOWN.on.id)}`, headers: JSON_BODY, payload: { autoIloFwUpdate: true } }), 404);
    expectComError(await t.call(t.callers.observerA, { method: 'PATCH', url: `${V1BETA1}/${enc(KNOWN.on.id)}`, headers: JSON_BODY, payload: { autoIloFwUpdate: true } }), 403);
  });
});

describe('servers in /openapi.json', () => {
  it('publishes every servers operation of HPE (alerts aside) under its operationId, and no v1beta1 or /compute-ops path', async () => {
    const hpe = JSON.parse(readFileSync(HPE_OPENAPI_PATH, 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ours = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as typeof hpe;
    const operations = (doc: typeof hpe) =>
      Object.entries(doc.paths)
        .filter(([p]) => /^\/compute-ops-mgmt\/v1(beta2)?\/servers(\/\{id\}(\/(?!alerts|clear-alert)[a-z-]+)?)?$/.test(p))
        .flatMap(([p, ops]) =>
          Object.entries(ops)
            .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
            .map(([m, o]) => `${m.toUpperCase()} ${p} ${o.operationId}`),
        )
        .sort();
    expect(operations(ours)).toEqual(operations(hpe));
    expect(Object.keys(ours.paths).filter((p) => /^\/compute-ops(-mgmt)?\/v1beta1\/servers|^\/compute-ops\/v1(beta2)?\/servers/.test(p))).toEqual([]);
  });
});
