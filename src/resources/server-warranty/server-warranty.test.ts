// server-warranty v1beta2: behaviour (happy), bad input (error) and access (security).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import { generateFleet } from '../../fleet/demo-fleet.ts';
import type { Server } from '../servers/model.ts';
import { entitlementOf } from './entitlements.ts';
import { seedWarranties } from './service.ts';

const BASE = '/compute-ops-mgmt/v1beta2/server-warranty';
const LEGACY = '/compute-ops/v1beta2/server-warranty';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY = 86_400_000;
const SEED = 11;

interface Warranty {
  id: string;
  type: string;
  generation: number;
  deviceId: string;
  supportState: string;
  supportStartDate?: string;
  supportEndDate?: string;
  supportLevel?: string;
  contractLevel?: string;
}
interface Page {
  offset: number;
  count: number;
  total: number;
  items: Warranty[];
}

let t: TestApp;
let serversA: Server[];
let all: Warranty[];

/** The reference rule (server-warranty.md): ACTIVE within [start, end], EXPIRED after end, UNKNOWN otherwise. */
function expectedState(w: Warranty, now = Date.now()): string {
  if (!w.supportStartDate || !w.supportEndDate) return 'UNKNOWN';
  if (Date.parse(w.supportEndDate) < now) return 'EXPIRED';
  return Date.parse(w.supportStartDate) <= now ? 'ACTIVE' : 'UNKNOWN';
}

async function list(caller: Caller, query = '', headers: Record<string, string> = {}): Promise<Page> {
  return expectHpeSchema<Page>(await t.call(caller, { method: 'GET', url: `${BASE}${query}`, headers }), 'serverWarrantyCollection-v1beta2');
}

const filtered = (filter: string) => `?limit=100&filter=${encodeURIComponent(filter)}`;

beforeAll(async () => {
  t = await openTestApp();
  serversA = await seedServers(t.store, t.workspaces.A, 110, { seed: SEED });
  await seedWarranties(t.store, t.workspaces.A, serversA, SEED);
  // One server whose entitlement HPE cannot resolve, whatever the generator drew for it.
  await t.store.run(
    'UPDATE server_warranties SET support_start_date = NULL, support_end_date = NULL, support_level = NULL, contract_level = NULL WHERE workspace_id = ? AND server_id = ?',
    [t.workspaces.A, serversA[0]!.id],
  );
  const first = await list(t.callers.adminA, '?limit=100');
  const second = await list(t.callers.adminA, '?limit=100&offset=100');
  all = [...first.items, ...second.items];
});
afterAll(() => t.close());

describe('server-warranty happy paths', () => {
  it('lists one record per server, with its own UUID, in server id order', () => {
    expect(all).toHaveLength(110);
    expect(all.map((w) => w.deviceId)).toEqual(serversA.map((s) => s.id).sort());
    for (const w of all) {
      expect(w.id).toMatch(UUID);
      expect(w).toMatchObject({ type: 'compute-ops-mgmt/server/warranty', generation: 1 });
      expect(w).not.toHaveProperty('resourceUri');
    }
    expect(new Set(all.map((w) => w.id)).size).toBe(110);
  });

  it('derives supportState from the dates at read time, and leaves unknown entitlement data out', () => {
    for (const w of all) expect(w.supportState, JSON.stringify(w)).toBe(expectedState(w));
    const states = new Set(all.map((w) => w.supportState));
    expect([...states].sort()).toEqual(['ACTIVE', 'EXPIRED', 'UNKNOWN']);
    const unknown = all.find((w) => w.deviceId === serversA[0]!.id)!;
    expect(Object.keys(unknown).sort()).toEqual(['createdAt', 'deviceId', 'generation', 'id', 'supportState', 'type', 'updatedAt']);
  });

  it('returns a record by its UUID, identical to its list entry', async () => {
    for (const w of [all[0]!, all[57]!, all[109]!]) {
      expect(expectHpeSchema(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${w.id}` }), 'serverWarranty-v1beta2')).toEqual(w);
      expect((await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${w.id.toUpperCase()}` })).json()).toEqual(w);
    }
  });

  it.each([
    "supportState eq 'ACTIVE'",
    "supportState eq 'expired'",
    'supportStartDate le 2024-07-01',
    'supportEndDate ge 2024-01-01',
    "supportState eq 'ACTIVE' and supportStartDate le 2024-07-01",
    'supportEndDate gt 2026-06-30T12:00:00Z and supportEndDate lt 2028-01-01',
    "supportState eq 'UNKNOWN'",
    'supportEndDate eq null',
  ])('filters with %s exactly as the rule says', async (filter) => {
    const at = (d: string | undefined) => (d === undefined ? NaN : Date.parse(d));
    const oracle: Record<string, (w: Warranty) => boolean> = {
      "supportState eq 'ACTIVE'": (w) => w.supportState === 'ACTIVE',
      "supportState eq 'expired'": (w) => w.supportState === 'EXPIRED',
      'supportStartDate le 2024-07-01': (w) => at(w.supportStartDate) <= Date.parse('2024-07-01T00:00:00Z'),
      'supportEndDate ge 2024-01-01': (w) => at(w.supportEndDate) >= Date.parse('2024-01-01T00:00:00Z'),
      "supportState eq 'ACTIVE' and supportStartDate le 2024-07-01": (w) => w.supportState === 'ACTIVE' && at(w.supportStartDate) <= Date.parse('2024-07-01T00:00:00Z'),
      'supportEndDate gt 2026-06-30T12:00:00Z and supportEndDate lt 2028-01-01': (w) =>
        at(w.supportEndDate) > Date.parse('2026-06-30T12:00:00Z') && at(w.supportEndDate) < Date.parse('2028-01-01T00:00:00Z'),
      "supportState eq 'UNKNOWN'": (w) => w.supportState === 'UNKNOWN',
      'supportEndDate eq null': (w) => w.supportEndDate === undefined,
    };
    const expected = all.filter(oracle[filter]!);
    const page = await list(t.callers.adminA, filtered(filter));
    expect(page.total).toBe(expected.length);
    // Pages come in server id order, like `all`.
    expect(page.items.map((w) => w.id)).toEqual(expected.slice(0, 100).map((w) => w.id));
  });

  it('accepts the filter fully percent-encoded with + for spaces, as clients send it', async () => {
    const page = await list(t.callers.adminA, "?filter=supportState+eq+%27ACTIVE%27&limit=100");
    expect(page.total).toBe(all.filter((w) => w.supportState === 'ACTIVE').length);
  });

  it('pages with offset and limit, clamps a too-large limit to 100 and answers limit=0 with the total', async () => {
    const page = await list(t.callers.adminA, '?offset=5&limit=5');
    expect(page).toMatchObject({ offset: 5, count: 5, total: 110 });
    expect(page.items).toEqual(all.slice(5, 10));
    expect(await list(t.callers.adminA, '?limit=1000')).toMatchObject({ offset: 0, count: 100, total: 110 });
    expect(await list(t.callers.adminA)).toMatchObject({ count: 100, total: 110 });
    expect(await list(t.callers.adminA, '?limit=0')).toMatchObject({ count: 0, total: 110, items: [] });
    expect(await list(t.callers.adminA, '?offset=500')).toMatchObject({ offset: 500, count: 0, total: 110 });
  });

  it('sorts and selects leniently over the published properties', async () => {
    const page = await list(t.callers.adminA, `?limit=100&sort=${encodeURIComponent('supportEndDate desc')}&filter=${encodeURIComponent('supportEndDate ge 2000-01-01')}`);
    const ends = page.items.map((w) => w.supportEndDate!);
    expect(ends).toEqual([...ends].sort().reverse());
    const selected = await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?limit=2&select=id,supportState` });
    expect(selected.json().items.map((w: object) => Object.keys(w).sort())).toEqual([['id', 'supportState'], ['id', 'supportState']]);
  });

  it('serves the legacy /compute-ops prefix with the type following it', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${LEGACY}/${all[3]!.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...all[3], type: 'compute-ops/server/warranty' });
  });

  it('seeds deterministically and idempotently, and a record follows its server', async () => {
    const before = await snapshot(t.store);
    await seedWarranties(t.store, t.workspaces.A, serversA, SEED);
    expect(await snapshot(t.store)).toEqual(before);
    const extra = await seedServers(t.store, t.workspaces.A, 1, { seed: 99 });
    await seedWarranties(t.store, t.workspaces.A, extra, SEED);
    const row = await t.store.get<{ id: string; support_end_date: string | null }>('SELECT id, support_end_date FROM server_warranties WHERE workspace_id = ? AND server_id = ?', [t.workspaces.A, extra[0]!.id]);
    expect(row!.id).toMatch(UUID);
    expect(row!.support_end_date).toBe(entitlementOf(extra[0]!, `server-warranty/${SEED}/${extra[0]!.id}`).supportEndDate);
    await t.store.run('DELETE FROM servers WHERE workspace_id = ? AND id = ?', [t.workspaces.A, extra[0]!.id]);
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${row!.id}` }), 404);
    expect((await list(t.callers.adminA, '?limit=0')).total).toBe(110);
  });
});

describe('server-warranty demo entitlements', () => {
  const now = Date.now();
  const fleet = generateFleet(5, 400, 'ws', now).map((g) => g.server);
  const drawn = fleet.map((s) => ({ server: s, e: entitlementOf(s, `server-warranty/5/${s.id}`) }));

  it('are the same for the same seed and server', () => {
    expect(fleet.map((s) => entitlementOf(s, `server-warranty/5/${s.id}`))).toEqual(drawn.map((d) => d.e));
  });

  it('start on a ship date before onboarding and end the day before an anniversary of it', () => {
    for (const { server, e } of drawn.filter((d) => d.e.supportStartDate)) {
      const start = new Date(e.supportStartDate!);
      const end = new Date(e.supportEndDate!);
      expect(e.supportStartDate).toMatch(/T00:00:00\.000000Z$/);
      expect(start.getTime()).toBeLessThan(Date.parse(server.createdAt));
      const next = new Date(end.getTime() + DAY);
      expect([next.getUTCMonth(), next.getUTCDate()]).toEqual([start.getUTCMonth(), start.getUTCDate()]);
      expect([1, 3, 4, 5]).toContain(next.getUTCFullYear() - start.getUTCFullYear());
    }
  });

  it('mix active, expired, expiring-soon and unknown coverage with HPE offering names', () => {
    const ends = drawn.flatMap((d) => (d.e.supportEndDate ? [Date.parse(d.e.supportEndDate)] : []));
    expect(ends.filter((e) => e < now).length).toBeGreaterThan(40);
    expect(ends.filter((e) => e >= now && e < now + 90 * DAY).length).toBeGreaterThan(3);
    expect(ends.filter((e) => e >= now + 90 * DAY).length).toBeGreaterThan(150);
    expect(drawn.filter((d) => d.e.supportEndDate === null).length).toBeGreaterThan(3);
    for (const { e } of drawn.filter((d) => d.e.supportLevel)) {
      expect(['Warranty', 'Care Pack', 'Contract']).toContain(e.supportLevel);
      expect(e.contractLevel).toMatch(/^HPE /);
    }
  });
});

describe('server-warranty bad input', () => {
  it.each([
    "supportState ne 'ACTIVE'",
    "supportState in ('ACTIVE','EXPIRED')",
    "supportState eq 'ACTIVE' or supportState eq 'EXPIRED'",
    "not supportState eq 'ACTIVE'",
    "contains(supportState,'ACT')",
    "tolower(supportState) eq 'active'",
    "deviceId eq 'P52534-B21%2BCZ2D1G0ABC'",
    "supportLevel eq 'Warranty'",
    'createdAt gt 2024-01-01',
    "supportState eq 'ACTIVE",
    'supportEndDate ge',
  ])('refuses the filter %s with 400 naming the filter', async (filter) => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?filter=${encodeURIComponent(filter)}` }), 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
  });

  it.each([
    ['offset', '-1'],
    ['limit', 'ten'],
    ['sort', 'deviceId asc'],
    ['select', '//'],
  ])('refuses a bad %s with 400 naming it', async (parameter, value) => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?${parameter}=${encodeURIComponent(value)}` }), 400, { key: 'INVALID_QUERY', subjects: [parameter] });
  });

  it.each([
    ['a uuid nobody has', '00000000-0000-4000-8000-000000000000'],
    ['the server id instead of the record id', 'SERVER'],
    ['not a uuid', 'abc'],
    ['an encoded path traversal', '%2e%2e%2fetc'],
    ['a very long id', 'a'.repeat(400)],
  ])('answers 404 for %s', async (_name, id) => {
    const url = `${BASE}/${id === 'SERVER' ? serversA[1]!.id : id}`;
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url }), 404, { key: 'NOT_FOUND' });
  });

  it('answers 406 to an Accept it cannot satisfy', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: BASE, headers: { accept: 'text/html' } }), 406, { key: 'NOT_ACCEPTABLE' });
  });

  it('publishes no write operation', async () => {
    const res = await t.call(t.callers.adminA, { method: 'POST', url: BASE, headers: { 'content-type': 'application/json' }, payload: {} });
    expectComError(res, 404, { key: 'ROUTE_NOT_FOUND' });
  });
});

describe('server-warranty access', () => {
  it('requires a token, and lets observers read', async () => {
    expectComError(await t.call(null, { method: 'GET', url: BASE }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'GET', url: `${BASE}/${all[0]!.id}` }), 401);
    expect((await list(t.callers.observerA, '?limit=1')).total).toBe(110);
  });

  it("never shows another workspace's records", async () => {
    for (const other of [t.callers.adminB, t.callers.mspAdmin, t.callers.tenant1Admin]) {
      expect(await list(other)).toEqual({ offset: 0, count: 0, total: 0, items: [] });
      expectComError(await t.call(other, { method: 'GET', url: `${BASE}/${all[0]!.id}` }), 404, { key: 'NOT_FOUND' });
    }
  });

  it('lets an MSP read inside its own tenant through Tenant-Acid, and nowhere else', async () => {
    const tenantServers = await seedServers(t.store, t.workspaces.T1, 3, { seed: SEED });
    await seedWarranties(t.store, t.workspaces.T1, tenantServers, SEED);
    const inTenant = { 'tenant-acid': t.workspaces.T1 };
    const page = await list(t.callers.mspAdmin, '', inTenant);
    expect(page.items.map((w) => w.deviceId)).toEqual(tenantServers.map((s) => s.id).sort());
    // Same servers and seed as in A, yet records of their own.
    expect(page.items.map((w) => w.id).filter((id) => all.some((w) => w.id === id))).toEqual([]);
    expect(await list(t.callers.tenant1Admin)).toEqual(page);
    expect((await list(t.callers.mspAdmin)).total).toBe(0);
    const one = page.items[0]!;
    expect(expectHpeSchema(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${BASE}/${one.id}`, headers: inTenant }), 'serverWarranty-v1beta2')).toEqual(one);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${BASE}/${one.id}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: BASE, headers: inTenant }), 403, { key: 'TENANT_FORBIDDEN' });
  });
});
