// Activities recorded by location bindings: POST → SERVER_LOCATION_ASSIGNED and DELETE →
// SERVER_LOCATION_REMOVED, one per server that changed (happy); refused requests and no-ops record nothing
// (error); other workspaces never see them (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ServerOverrides } from '../../fleet/generate-server.ts';
import type { Server } from '../servers/model.ts';
import { findServerLocations, seedLocations } from './service.ts';

const BASE = '/compute-ops-mgmt/v1beta1/server-locations';
const ACTIVITIES = '/compute-ops-mgmt/v1beta2/activities';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const SEED = 5;

type Activity = Record<string, unknown> & { key: string; title: string; message: string; source: Record<string, unknown>; associatedServerId: string | null };
type Feed = { total: number; items: Activity[] };

let t: TestApp;
let A: Server[];
let B: Server[];
let loc: Record<'h1' | 'h2', string>;

/** Houston DC1-H1 (0-2), Houston DC1-H2 (3-4), untagged (5); all but 2 are OneView-managed. */
function placement(i: number): ServerOverrides {
  if (i < 3) return { tags: { location: 'Houston', room: 'DC1-H1' } };
  if (i < 5) return { tags: { location: 'Houston', room: 'DC1-H2' } };
  return { tags: {} };
}

async function oneView(workspaceId: string, except: readonly Server[]): Promise<void> {
  await t.store.run(`UPDATE servers SET connection_type = 'ONEVIEW' WHERE workspace_id = ?`, [workspaceId]);
  for (const s of except) await t.store.run(`UPDATE servers SET connection_type = 'DIRECT' WHERE workspace_id = ? AND id = ?`, [workspaceId, s.id]);
}

beforeAll(async () => {
  t = await openTestApp();
  A = await seedServers(t.store, t.workspaces.A, 6, { seed: SEED, overrides: placement });
  B = await seedServers(t.store, t.workspaces.B, 3, { seed: SEED + 1, overrides: placement });
  await oneView(t.workspaces.A, [A[2]!]);
  await oneView(t.workspaces.B, []);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM server_location_servers');
  await t.store.run('DELETE FROM server_locations');
  await seedLocations(t.store, t.workspaces.A, A, SEED);
  await seedLocations(t.store, t.workspaces.B, B, SEED);
  await t.store.run('DELETE FROM activities');
  const found = await findServerLocations(t.store, t.workspaces.A, [A[0]!.id, A[3]!.id]);
  loc = { h1: found.get(A[0]!.id)!.id, h2: found.get(A[3]!.id)!.id };
});

const assign = (id: string, servers: unknown, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}) =>
  t.call(caller, { method: 'POST', url: `${BASE}/${id}/servers`, headers: { 'content-type': 'application/json', ...headers }, payload: { servers } });
const unassign = (id: string, ids: readonly string[], caller: Caller = t.callers.adminA, headers: Record<string, string> = {}) =>
  t.call(caller, { method: 'DELETE', url: `${BASE}/${id}/servers?${ids.map((s) => `id=${encodeURIComponent(s)}`).join('&')}`, headers });

async function feed(key: string, sourceId?: string, caller: Caller = t.callers.adminA, headers: Record<string, string> = {}): Promise<Feed> {
  const filter = `key eq '${key}'${sourceId ? ` and source/id eq '${sourceId}'` : ''}`;
  return expectHpeSchema<Feed>(await t.call(caller, { method: 'GET', url: `${ACTIVITIES}?filter=${encodeURIComponent(filter)}`, headers }), 'activityCollection-v1beta2');
}

const total = async (caller: Caller = t.callers.adminA, headers: Record<string, string> = {}) =>
  expectHpeSchema<Feed>(await t.call(caller, { method: 'GET', url: ACTIVITIES, headers }), 'activityCollection-v1beta2').total;

function accepted(res: Awaited<ReturnType<typeof assign>>): void {
  expect(res.statusCode, res.body).toBe(202);
}

const source = (s: Server) => ({ type: 'Server', id: s.id, name: s.name, resourceUri: `/compute-ops-mgmt/v1/servers/${s.id}` });

describe('server-location activities: happy paths', () => {
  it('POST records one SERVER_LOCATION_ASSIGNED per newly bound server', async () => {
    accepted(await assign(loc.h1, [A[5]!.id]));
    const { items } = await feed('SERVER_LOCATION_ASSIGNED', A[5]!.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: 'Server assigned to location', associatedServerId: A[5]!.id, source: source(A[5]!), recommendedAction: null });
    expect(items[0]!.message).toBe(`Server ${A[5]!.name} was assigned to location Houston DC1-H1\n\nLocation: Houston DC1-H1 (${loc.h1})`);
    expect(await total()).toBe(1);
  });

  it('a move names the previous location; servers already bound there record nothing', async () => {
    accepted(await assign(loc.h1, [A[3]!.id, A[0]!.id, A[3]!.id]));
    const { items } = await feed('SERVER_LOCATION_ASSIGNED');
    expect(items.map((i) => i.associatedServerId)).toEqual([A[3]!.id]);
    expect(items[0]!.message.split('\n')[0]).toBe(`Server ${A[3]!.name} was moved from location Houston DC1-H2 to location Houston DC1-H1`);
    const ja = await feed('SERVER_LOCATION_ASSIGNED', A[3]!.id, t.callers.adminA, { 'accept-language': 'ja' });
    expect(ja.items[0]!.title).toBe('サーバーがロケーションに割り当てられました');
    expect(await total()).toBe(1);
  });

  it('DELETE records one SERVER_LOCATION_REMOVED per unbound server; servers not bound there record nothing', async () => {
    accepted(await unassign(loc.h1, [A[0]!.id, A[1]!.id, A[3]!.id]));
    const { items } = await feed('SERVER_LOCATION_REMOVED');
    expect(items.map((i) => i.associatedServerId).sort()).toEqual([A[0]!.id, A[1]!.id].sort());
    const [first] = (await feed('SERVER_LOCATION_REMOVED', A[0]!.id)).items;
    expect(first).toMatchObject({ title: 'Server removed from location', source: source(A[0]!) });
    expect(first!.message).toBe(`Server ${A[0]!.name} was removed from location Houston DC1-H1\n\nLocation: Houston DC1-H1 (${loc.h1})`);
    accepted(await unassign(loc.h1, [A[0]!.id]));
    expect(await total()).toBe(2);
  });
});

describe('server-location activities: refused requests record nothing', () => {
  it('unknown location, stale If-Match, malformed, unknown and non-OneView servers', async () => {
    expectComError(await assign(NOBODY, [A[5]!.id]), 404, { key: 'NOT_FOUND' });
    expectComError(await assign(loc.h1, [A[5]!.id], t.callers.adminA, { 'if-match': '"99"' }), 412);
    expectComError(await assign(loc.h1, [A[5]!.id, 'no-plus']), 400, { subjects: ['servers.1'] });
    expectComError(await assign(loc.h1, [A[5]!.id, 'P00000-B21+NOSUCH']), 404, { subjects: ['servers.1'] });
    expectComError(await assign(loc.h1, [A[5]!.id, A[2]!.id]), 400, { subjects: ['servers.1'] });
    expectComError(await unassign(loc.h1, [A[0]!.id, 'P00000-B21+NOSUCH']), 404, { subjects: ['id'] });
    expectComError(await unassign(loc.h1, [A[0]!.id], t.callers.adminA, { 'if-match': '"99"' }), 412);
    expectComError(await unassign(NOBODY, [A[0]!.id]), 404);
    expect(await total()).toBe(0);
  });
});

describe('server-location activities: security', () => {
  it("other workspaces never see A's binding activities, nor bind A's servers", async () => {
    accepted(await assign(loc.h1, [A[5]!.id]));
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      expect(await total(caller)).toBe(0);
      expect((await feed('SERVER_LOCATION_ASSIGNED', A[5]!.id, caller)).total).toBe(0);
      expectComError(await unassign(loc.h1, [A[5]!.id], caller), 404);
    }
    expect(await total(t.callers.mspAdmin, { 'tenant-acid': t.workspaces.T1 })).toBe(0);
    expectComError(await unassign(loc.h1, [A[5]!.id], t.callers.observerA), 403);
    expect(await total()).toBe(1);
  });

  it("B's own binding activities stay in B", async () => {
    const h1 = (await findServerLocations(t.store, t.workspaces.B, [B[0]!.id])).get(B[0]!.id)!.id;
    accepted(await unassign(h1, [B[0]!.id], t.callers.adminB));
    expect((await feed('SERVER_LOCATION_REMOVED', B[0]!.id, t.callers.adminB)).total).toBe(1);
    expect(await total()).toBe(0);
  });
});
