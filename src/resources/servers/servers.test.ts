// servers list and get, v1 and v1beta2: shape (HPE's schemas), subscription gating, filter/select/paging,
// ids with '+' (happy), bad queries and ids (error), workspace isolation (security).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { GATED_PATHS, type Server } from './model.ts';
import { updateServerState } from './service.ts';
import { enc, KNOWN, makeCredentialServer, seedFleets, V1, V1BETA2 } from './servers.fixtures.ts';

type Item = Record<string, unknown> & { id: string; hardware: Record<string, unknown>; state: Record<string, unknown> };
type Page = { offset: number; count: number; total: number; items: Item[] };

let t: TestApp;
let fleets: Record<'A' | 'B' | 'T1', Server[]>;

beforeAll(async () => {
  t = await openTestApp();
  fleets = await seedFleets(t);
  await makeCredentialServer(t, fleets.A[5]!.id);
  await updateServerState(t.store, t.workspaces.A, fleets.A[6]!.id, (s) => ({ ...s, platformFamily: 'DMTF' }));
});
afterAll(() => t.close());

const list = async (url: string, schema = url.startsWith(V1BETA2) ? 'serverCollection-v1beta2' : 'serverCollection-v1') =>
  expectHpeSchema<Page>(await t.call(t.callers.adminA, { method: 'GET', url }), schema);
const ids = (page: Page) => page.items.map((i) => i.id).sort();
const filtered = (base: string, filter: string) => list(`${base}?filter=${encodeURIComponent(filter)}`);
const has = (o: unknown, path: readonly string[]) =>
  path.reduce<unknown>((at, k) => (at && typeof at === 'object' && k in at ? (at as Record<string, unknown>)[k] : undefined), o) !== undefined;

describe('servers list and get: happy paths', () => {
  it('lists the workspace servers in both versions, every item valid for HPE, in a stable order', async () => {
    for (const base of [V1, V1BETA2]) {
      const page = await list(base);
      expect(page).toMatchObject({ offset: 0, count: 10, total: 10 });
      expect(ids(page)).toEqual(fleets.A.map((s) => s.id).sort());
      const order = page.items.map((i) => `${i.createdAt as string}|${i.id}`);
      expect(order).toEqual([...order].sort());
    }
  });

  it('shows a subscribed server in full: id = productId+serial, name = serial, raw + in resourceUri', async () => {
    const s = expectHpeSchema<Item>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(KNOWN.on.id)}` }), 'server-v1');
    expect(s).toMatchObject({
      id: KNOWN.on.id,
      type: 'compute-ops-mgmt/server',
      name: KNOWN.on.serialNumber,
      resourceUri: `${V1}/${KNOWN.on.id}`,
      hardware: { serialNumber: KNOWN.on.serialNumber, productId: KNOWN.on.productId, powerState: 'ON', manufacturer: 'HPE', health: { summary: 'OK' } },
      host: { hostname: KNOWN.on.hostname },
      state: { subscriptionState: 'SUBSCRIBED', managed: true },
      tags: { location: 'Grenoble-DC2' },
      connectionType: 'DIRECT',
    });
    for (const path of GATED_PATHS) expect(has(s, path), path.join('.')).toBe(true);
    expect(s.generation).toBeGreaterThanOrEqual(1);
  });

  it('resolves an id with + sent raw or as %2B to the same server', async () => {
    const raw = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${KNOWN.on.id}` });
    const encoded = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(KNOWN.on.id)}` });
    expect(expectHpeSchema(raw, 'server-v1')).toEqual(expectHpeSchema(encoded, 'server-v1'));
    expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${KNOWN.on.id}` }), 'server-v1beta2');
  });

  it('omits every gated member of servers without a valid subscription, in list and get, in both versions', async () => {
    for (const known of [KNOWN.expired, KNOWN.required]) {
      for (const [base, schema] of [[V1, 'server-v1'], [V1BETA2, 'server-v1beta2']] as const) {
        const one = expectHpeSchema<Item>(await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${enc(known.id)}` }), schema);
        const inList = (await list(base)).items.find((i) => i.id === known.id)!;
        for (const s of [one, inList]) {
          for (const path of GATED_PATHS) expect(has(s, path), `${base} ${path.join('.')}`).toBe(false);
          expect(s).toMatchObject({ id: known.id, name: known.serialNumber, hardware: { serialNumber: known.serialNumber, productId: known.productId } });
          expect(s.state.subscriptionState).toBe(known === KNOWN.expired ? 'EXPIRED' : 'REQUIRED');
        }
      }
    }
  });

  it('never returns a stored BMC password', async () => {
    for (const base of [V1, V1BETA2]) {
      const s = (await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${enc(fleets.A[5]!.id)}` })).json() as Item;
      expect((s.hardware.bmc as { userDefined: unknown }).userDefined).toEqual({ host: '10.0.0.9', username: 'admin', certificateFingerprint: 'AB:CD' });
    }
    expect((await list(V1)).items.map((i) => JSON.stringify(i)).join()).not.toContain('old-secret');
  });

  it('v1beta2 shows its own subset and spellings', async () => {
    const s = expectHpeSchema<Item>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${enc(KNOWN.on.id)}` }), 'server-v1beta2');
    expect(s.resourceUri).toBe(`${V1BETA2}/${KNOWN.on.id}`);
    expect(s.hardware).not.toHaveProperty('manufacturer');
    expect(s.hardware.health).not.toHaveProperty('airFilter');
    expect(s.hardware.bmc).not.toHaveProperty('model');
    expect(s.state).not.toHaveProperty('subscriptionKey');
    for (const k of ['deviceClaimType', 'connectionType', 'managedBy', 'lastServerLogCollectionAt', 'appliance']) expect(s).not.toHaveProperty(k);
    const v1 = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(KNOWN.on.id)}` })).json() as Item;
    const tier = v1.state.subscriptionTier as string;
    expect(s.state.subscriptionTier).toBe(tier.charAt(0) + tier.slice(1).toLowerCase());
    const dmtf = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${enc(fleets.A[6]!.id)}` })).json() as Item;
    expect(dmtf.platformFamily).toBeNull();
  });

  it('pages with offset and limit, clamps a too-large limit and answers limit=0 with the total only', async () => {
    for (const base of [V1, V1BETA2]) {
      const all = await list(base);
      expect(await list(`${base}?offset=2&limit=3`)).toMatchObject({ offset: 2, count: 3, total: 10, items: all.items.slice(2, 5) });
      expect(await list(`${base}?limit=1000`)).toMatchObject({ count: 10, total: 10 });
      expect(await list(`${base}?limit=0`)).toMatchObject({ count: 0, total: 10, items: [] });
      expect(await list(`${base}?offset=50`)).toMatchObject({ offset: 50, count: 0, total: 10 });
    }
  });

  it('filters on indexed columns, nested JSON members and computed resourceUri, in both versions', async () => {
    const cases: [string, string[]][] = [
      [`host/hostname eq '${KNOWN.on.hostname}'`, [KNOWN.on.id]],
      [`name eq '${KNOWN.expired.serialNumber}'`, [KNOWN.expired.id]],
      [`id eq '${KNOWN.off.id}'`, [KNOWN.off.id]],
      [
        `hardware/serialNumber eq '${KNOWN.off.serialNumber}' or hardware/productId eq '${KNOWN.required.productId}'`,
        fleets.A.filter((s) => s.name === KNOWN.off.serialNumber || s.hardware.productId === KNOWN.required.productId).map((s) => s.id).sort(),
      ],
      ["hardware/health/summary eq 'CRITICAL'", fleets.A.filter((s) => s.hardware.health?.summary === 'CRITICAL').map((s) => s.id).sort()],
      ["hardware/health/summary eq 'warning'", fleets.A.filter((s) => s.hardware.health?.summary === 'WARNING').map((s) => s.id).sort()],
      ["state/subscriptionState in ('EXPIRED','REQUIRED')", [KNOWN.expired.id, KNOWN.required.id].sort()],
      ["state/managed eq 'true'", fleets.A.map((s) => s.id).sort()],
      ['not name eq null and contains(createdAt,\'20\')', fleets.A.map((s) => s.id).sort()],
      [`hardware/bmc/userDefined/host eq '10.0.0.9'`, [fleets.A[5]!.id]],
      ["hardware/bmc/userDefined/password eq 'old-secret'", []],
    ];
    for (const base of [V1, V1BETA2]) {
      for (const [filter, expected] of cases) expect(ids(await filtered(base, filter)), `${base} ${filter}`).toEqual(expected);
      expect(ids(await filtered(base, `resourceUri eq '${base}/${KNOWN.on.id}'`))).toEqual([KNOWN.on.id]);
    }
    const off = fleets.A.filter((s) => s.hardware.powerState === 'OFF').map((s) => s.id).sort();
    expect(ids(await filtered(V1, "hardware/powerState eq 'OFF'"))).toEqual(off);
    const gen = fleets.A.filter((s) => s.serverGeneration === 'GEN_11').map((s) => s.id).sort();
    expect(ids(await filtered(V1, "serverGeneration eq 'GEN_11'"))).toEqual(gen);
    const enhanced = fleets.A.filter((s) => s.state.subscriptionTier === 'ENHANCED').map((s) => s.id).sort();
    expect(ids(await filtered(V1, "state/subscriptionTier eq 'ENHANCED'"))).toEqual(enhanced);
    expect(ids(await filtered(V1BETA2, "state/subscriptionTier eq 'Enhanced'"))).toEqual(enhanced);
  });

  it('reads %2B in a filter as + and form-decodes the rest (+ and %20 are spaces)', async () => {
    const [product, serial] = KNOWN.on.id.split('+');
    for (const q of [
      `filter=id%20eq%20%27${product}%2B${serial}%27`,
      `filter=id+eq+%27${product}%2B${serial}%27`,
      `filter=id eq '${product}%2B${serial}'`,
      `filter=host%2Fhostname+eq+%27${KNOWN.on.hostname}%27`,
    ]) {
      expect(ids(await list(`${V1}?${q}`)), q).toEqual([KNOWN.on.id]);
    }
    // A raw + in a query string is a space, so it names no server.
    expect((await list(`${V1}?filter=id%20eq%20%27${product}+${serial}%27`)).count).toBe(0);
  });

  it('selects nested members on v1 list and get; pagination members stay', async () => {
    const page = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?select=id,hardware/serialNumber,state/subscriptionState&filter=name%20eq%20%27${KNOWN.on.serialNumber}%27` })).json();
    expect(page).toEqual({ offset: 0, count: 1, total: 1, items: [{ id: KNOWN.on.id, hardware: { serialNumber: KNOWN.on.serialNumber }, state: { subscriptionState: 'SUBSCRIBED' } }] });
    const one = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(KNOWN.on.id)}?select=name,host/hostname` });
    expect(expectHpeSchema(one, 'server-v1')).toEqual({ name: KNOWN.on.serialNumber, host: { hostname: KNOWN.on.hostname } });
    const gatedOne = (await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(KNOWN.expired.id)}?select=name,host` })).json();
    expect(gatedOne).toEqual({ name: KNOWN.expired.serialNumber });
  });
});

describe('servers list and get: errors', () => {
  it('refuses a filter on a property the version does not list with 400', async () => {
    const refused: [string, string][] = [
      [V1, "tags/location eq 'Grenoble-DC2'"],
      [V1, "connectionType eq 'DIRECT'"],
      [V1, 'maintenanceMode eq false'],
      [V1, 'generation gt 1'],
      [V1BETA2, "serverGeneration eq 'GEN_11'"],
      [V1BETA2, 'lastServerLogCollectionAt eq null'],
      [V1BETA2, "lastFirmwareUpdate/status eq 'OK'"],
      [V1BETA2, 'autoIloFwUpdate eq true'],
    ];
    for (const [base, filter] of refused) {
      const res = await t.call(t.callers.adminA, { method: 'GET', url: `${base}?filter=${encodeURIComponent(filter)}` });
      expectComError(res, 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
    }
  });

  it('refuses malformed filters, offsets and limits with 400 naming the parameter', async () => {
    for (const [q, subject] of [['filter=name%20eq', 'filter'], ['filter=%28', 'filter'], ['offset=-1', 'offset'], ['limit=abc', 'limit'], ['select=%2F%2F', 'select']]) {
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?${q}` }), 400, { subjects: [subject!] });
    }
  });

  it('answers 404 for an unknown id and for ids that cannot be servers', async () => {
    for (const id of ['P00000-B21+NOSUCH', 'P28948-B21 CZ2D1G0ABC', KNOWN.on.serialNumber, 'x'.repeat(300)]) {
      for (const base of [V1, V1BETA2]) expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${enc(id)}` }), 404, { key: 'NOT_FOUND' });
    }
  });
});

describe('servers list and get: security', () => {
  it('refuses calls without a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: V1 }), 401);
    expectComError(await t.call(null, { method: 'GET', url: `${V1}/${enc(KNOWN.on.id)}` }), 401);
  });

  it('lets observers read', async () => {
    expect((await t.call(t.callers.observerA, { method: 'GET', url: V1 })).json().total).toBe(10);
  });

  it("never shows another workspace's servers, in lists, filters or by id", async () => {
    const b = expectHpeSchema<Page>(await t.call(t.callers.adminB, { method: 'GET', url: V1 }), 'serverCollection-v1');
    expect(ids(b)).toEqual(fleets.B.map((s) => s.id).sort());
    const probe = await t.call(t.callers.adminB, { method: 'GET', url: `${V1}?filter=${encodeURIComponent(`id eq '${KNOWN.on.id}'`)}` });
    expect(probe.json().total).toBe(0);
    for (const base of [V1, V1BETA2]) expectComError(await t.call(t.callers.adminB, { method: 'GET', url: `${base}/${enc(KNOWN.on.id)}` }), 404, { key: 'NOT_FOUND' });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${enc(fleets.B[0]!.id)}` }), 404);
  });

  it('lets an MSP act in a tenant with Tenant-Acid and nowhere else', async () => {
    expect((await t.call(t.callers.mspAdmin, { method: 'GET', url: V1 })).json().total).toBe(0);
    const tenant = { 'tenant-acid': t.workspaces.T1 };
    const inT1 = expectHpeSchema<Page>(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: tenant }), 'serverCollection-v1');
    expect(ids(inT1)).toEqual(fleets.T1.map((s) => s.id).sort());
    expectHpeSchema(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1BETA2}/${enc(fleets.T1[0]!.id)}`, headers: tenant }), 'server-v1beta2');
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${enc(KNOWN.on.id)}`, headers: tenant }), 404);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: { 'tenant-acid': t.workspaces.A } }), 403);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1, headers: tenant }), 403);
  });
});
