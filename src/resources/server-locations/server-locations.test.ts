// server-locations v1beta1: behaviour (happy), bad input (error) and access (security).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type Caller, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ServerOverrides } from '../../fleet/generate-server.ts';
import type { Server } from '../servers/model.ts';
import { findServerLocations, seedLocations } from './service.ts';

const BASE = '/compute-ops-mgmt/v1beta1/server-locations';
const json = { 'content-type': 'application/json' };
const NOBODY = '00000000-0000-4000-8000-000000000000';
const SEED = 3;

interface Location {
  id: string;
  type: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
  resourceUri: string;
  servers: string[];
}

let t: TestApp;
let A: Server[];
/** Location ids in A, by name. */
let loc: Record<'h1' | 'h2' | 'gre', string>;

/** Houston DC1-H1 (0-4), Houston DC1-H2 (5-7), Grenoble DC2-R1 (8-9), untagged (10); 0-1, 5-6, 8 and 10 are OneView-managed. */
function placement(i: number): ServerOverrides {
  if (i < 5) return { tags: { location: 'Houston', room: 'DC1-H1' } };
  if (i < 8) return { tags: { location: 'Houston', room: 'DC1-H2' } };
  if (i < 10) return { tags: { location: 'Grenoble', room: 'DC2-R1' } };
  return { tags: {} };
}

async function makeOneView(workspaceId: string, servers: readonly Server[]): Promise<void> {
  await t.store.run(`UPDATE servers SET connection_type = 'DIRECT' WHERE workspace_id = ?`, [workspaceId]);
  for (const s of servers) await t.store.run(`UPDATE servers SET connection_type = 'ONEVIEW' WHERE workspace_id = ? AND id = ?`, [workspaceId, s.id]);
}

async function get(caller: Caller, id: string, headers: Record<string, string> = {}): Promise<Location> {
  return expectHpeSchema<Location>(await t.call(caller, { method: 'GET', url: `${BASE}/${id}`, headers }), 'serverLocationResponse-v1beta1');
}

function assign(caller: Caller, id: string, servers: unknown, headers: Record<string, string> = {}) {
  return t.call(caller, { method: 'POST', url: `${BASE}/${id}/servers`, headers: { ...json, ...headers }, payload: { servers } });
}

function unassign(caller: Caller | null, id: string, serverIds: readonly string[], headers: Record<string, string> = {}) {
  const query = serverIds.map((s) => `id=${encodeURIComponent(s)}`).join('&');
  return t.call(caller, { method: 'DELETE', url: `${BASE}/${id}/servers${query ? `?${query}` : ''}`, headers });
}

function expectAccepted(res: Awaited<ReturnType<typeof assign>>): void {
  expect(res.statusCode, res.body).toBe(202);
  expect(res.body).toBe('');
}

const idsOf = (...indexes: number[]) => indexes.map((i) => A[i]!.id).sort();

beforeAll(async () => {
  t = await openTestApp();
  A = await seedServers(t.store, t.workspaces.A, 11, { seed: SEED, overrides: placement });
  await makeOneView(t.workspaces.A, [0, 1, 5, 6, 8, 10].map((i) => A[i]!));
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM server_location_servers');
  await t.store.run('DELETE FROM server_locations');
  await seedLocations(t.store, t.workspaces.A, A, SEED);
  const found = await findServerLocations(t.store, t.workspaces.A, [A[0]!.id, A[5]!.id, A[8]!.id]);
  loc = { h1: found.get(A[0]!.id)!.id, h2: found.get(A[5]!.id)!.id, gre: found.get(A[8]!.id)!.id };
});

describe('server-locations happy paths', () => {
  it('seeds one GreenLake location per tagged room, with every tagged server bound', async () => {
    expect(new Set(Object.values(loc)).size).toBe(3);
    const h1 = await get(t.callers.adminA, loc.h1);
    expect(h1).toEqual({
      id: loc.h1,
      type: 'compute-ops-mgmt/server-location',
      generation: 1,
      createdAt: A.slice(0, 5).map((s) => s.createdAt).sort()[0],
      updatedAt: A.slice(0, 5).map((s) => s.createdAt).sort()[4],
      resourceUri: `${BASE}/${loc.h1}`,
      servers: idsOf(0, 1, 2, 3, 4),
    });
    expect((await get(t.callers.adminA, loc.h2)).servers).toEqual(idsOf(5, 6, 7));
    expect((await get(t.callers.adminA, loc.gre)).servers).toEqual(idsOf(8, 9));
    const names = await findServerLocations(t.store, t.workspaces.A, idsOf(0, 5, 8, 10));
    expect([...names.values()].map((l) => l.name).sort()).toEqual(['Grenoble DC2-R1', 'Houston DC1-H1', 'Houston DC1-H2']);
    expect(names.has(A[10]!.id)).toBe(false);
  });

  it('seeds idempotently, and a location that gains servers gets a new generation', async () => {
    const before = await snapshot(t.store);
    await seedLocations(t.store, t.workspaces.A, A, SEED);
    expect(await snapshot(t.store)).toEqual(before);
    const more = await seedServers(t.store, t.workspaces.A, 2, { seed: 77, overrides: () => ({ tags: { location: 'Houston', room: 'DC1-H2' } }) });
    await seedLocations(t.store, t.workspaces.A, [...A, ...more], SEED);
    const h2 = await get(t.callers.adminA, loc.h2);
    expect(h2.generation).toBe(2);
    expect(h2.servers).toEqual([...idsOf(5, 6, 7), ...more.map((s) => s.id)].sort());
    expect((await get(t.callers.adminA, loc.h1)).generation).toBe(1);
    for (const s of more) await t.store.run('DELETE FROM servers WHERE workspace_id = ? AND id = ?', [t.workspaces.A, s.id]);
    expect((await get(t.callers.adminA, loc.h2)).servers).toEqual(idsOf(5, 6, 7));
  });

  it('POST binds OneView servers with 202 and no body, applied at once; a moved server leaves its old location', async () => {
    const h2 = await get(t.callers.adminA, loc.h2);
    expectAccepted(await assign(t.callers.operatorA, loc.h2, [A[10]!.id, A[0]!.id, A[10]!.id]));
    const after = await get(t.callers.adminA, loc.h2);
    expect(after).toMatchObject({ generation: 2, createdAt: h2.createdAt, servers: idsOf(0, 5, 6, 7, 10) });
    expect(after.updatedAt > h2.updatedAt).toBe(true);
    expect(await get(t.callers.adminA, loc.h1)).toMatchObject({ generation: 2, servers: idsOf(1, 2, 3, 4) });
    expect((await get(t.callers.adminA, loc.gre)).generation).toBe(1);
  });

  it('applies concurrent moves in opposite directions one after the other', async () => {
    const [there, back] = await Promise.all([assign(t.callers.adminA, loc.h1, [A[5]!.id]), assign(t.callers.operatorA, loc.h2, [A[0]!.id])]);
    expectAccepted(there);
    expectAccepted(back);
    expect(await get(t.callers.adminA, loc.h1)).toMatchObject({ generation: 3, servers: idsOf(1, 2, 3, 4, 5) });
    expect(await get(t.callers.adminA, loc.h2)).toMatchObject({ generation: 3, servers: idsOf(0, 6, 7) });
  });

  it('POST of servers already bound there changes nothing, not even the generation', async () => {
    const before = await snapshot(t.store);
    expectAccepted(await assign(t.callers.adminA, loc.h1, [A[0]!.id, A[1]!.id]));
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('DELETE unbinds the servers named by repeated id parameters, percent-encoded or not', async () => {
    expectAccepted(await unassign(t.callers.operatorA, loc.h1, [A[0]!.id]));
    expect(await get(t.callers.adminA, loc.h1)).toMatchObject({ generation: 2, servers: idsOf(1, 2, 3, 4) });
    // A raw + decodes to a space in a query string; a server id never holds one.
    const raw = await t.call(t.callers.adminA, { method: 'DELETE', url: `${BASE}/${loc.h1}/servers?id=${A[1]!.id}`, headers: json });
    expectAccepted(raw);
    expect(await get(t.callers.adminA, loc.h1)).toMatchObject({ generation: 3, servers: idsOf(2, 3, 4) });
    expect((await findServerLocations(t.store, t.workspaces.A, idsOf(0, 1))).size).toBe(0);
  });

  it('DELETE of servers not bound there changes nothing', async () => {
    const before = await snapshot(t.store);
    expectAccepted(await unassign(t.callers.adminA, loc.h1, [A[5]!.id, A[10]!.id]));
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('answers 200 with no servers for a location whose servers all left', async () => {
    expectAccepted(await unassign(t.callers.adminA, loc.gre, [A[8]!.id]));
    await t.store.run('DELETE FROM server_location_servers WHERE workspace_id = ? AND server_id = ?', [t.workspaces.A, A[9]!.id]);
    expect(await get(t.callers.adminA, loc.gre)).toMatchObject({ generation: 2, servers: [] });
  });

  it('honours If-Match against the generation on POST and DELETE', async () => {
    const before = await snapshot(t.store);
    expectComError(await assign(t.callers.adminA, loc.h1, [A[5]!.id], { 'if-match': '"2"' }), 412, { key: 'PRECONDITION_FAILED', subjects: ['If-Match'] });
    expectComError(await unassign(t.callers.adminA, loc.h1, [A[0]!.id], { 'if-match': '7' }), 412);
    expect(await snapshot(t.store)).toEqual(before);
    expectAccepted(await assign(t.callers.adminA, loc.h1, [A[5]!.id], { 'if-match': '"1"' }));
    expectAccepted(await unassign(t.callers.adminA, loc.h1, [A[5]!.id], { 'if-match': 'W/"2"' }));
    expect((await get(t.callers.adminA, loc.h1)).generation).toBe(3);
  });

  it('serves the legacy /compute-ops prefix with type and resourceUri following it', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta1/server-locations/${loc.h1.toUpperCase()}` });
    expect(res.json()).toMatchObject({ id: loc.h1, type: 'compute-ops/server-location', resourceUri: `/compute-ops/v1beta1/server-locations/${loc.h1}` });
  });
});

describe('server-locations bad input', () => {
  let before: Record<string, unknown[]>;
  beforeEach(async () => {
    before = await snapshot(t.store);
  });
  const unchanged = async () => expect(await snapshot(t.store)).toEqual(before);

  it.each([
    ['no servers member', {}, 'servers'],
    ['an empty list', { servers: [] }, 'servers'],
    ['a string instead of a list', { servers: 'P52534-B21+CZ2D1G0ABC' }, 'servers'],
    ['a number in the list', { servers: [42] }, 'servers.0'],
    ['an empty id', { servers: [''] }, 'servers.0'],
    ['an id without +', { servers: ['ONEVIEW', 'abc'] }, 'servers.0'],
    ['an id with an encoded +', { servers: ['ok', 'P52534-B21%2BCZ2D1G0ABC'] }, 'servers.1'],
    // NUL is refused at the edge for every route (content-negotiation.ts), naming the body.
    ['an id holding NUL', { servers: ['P52534-B21+CZ\u00002D1G0ABC'] }, 'body'],
    ['an id holding non-ASCII', { servers: ['P52534-B21+CZ2D1G0ÄBC'] }, 'servers.0'],
  ])('POST refuses %s with 400 and changes nothing', async (_name, payload, subject) => {
    const body = payload as { servers?: unknown };
    const fixed = Array.isArray(body.servers) && body.servers[0] === 'ok' ? { servers: [A[0]!.id, body.servers[1]] } : payload;
    const res = await t.call(t.callers.adminA, { method: 'POST', url: `${BASE}/${loc.h2}/servers`, headers: json, payload: fixed });
    expectComError(res, 400, { subjects: [subject] });
    await unchanged();
  });

  it('POST refuses a body that is not JSON, or not labelled JSON', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${BASE}/${loc.h2}/servers`, headers: json, payload: '{"servers": [' }), 400, { key: 'MALFORMED_BODY' });
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${BASE}/${loc.h2}/servers`, headers: { 'content-type': 'text/plain' }, payload: 'x' }), 415);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${BASE}/${loc.h2}/servers`, payload: JSON.stringify({ servers: [A[0]!.id] }) }), 415);
    await unchanged();
  });

  it('POST answers 404 naming servers that are not in the workspace, binding none of the others', async () => {
    expectComError(await assign(t.callers.adminA, loc.h2, [A[0]!.id, 'P52534-B21+NOSUCH0001']), 404, { key: 'NOT_FOUND', subjects: ['servers.1'] });
    await unchanged();
  });

  it('POST answers 400 naming servers that are not managed through OneView', async () => {
    expectComError(await assign(t.callers.adminA, loc.h2, [A[0]!.id, A[2]!.id]), 400, { key: 'BAD_REQUEST', subjects: ['servers.1'] });
    await unchanged();
  });

  it('DELETE refuses a missing, empty, malformed, unknown or directly managed id', async () => {
    expectComError(await unassign(t.callers.adminA, loc.h1, []), 400, { subjects: ['id'] });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${BASE}/${loc.h1}/servers?id=` }), 400, { subjects: ['id.0'] });
    expectComError(await unassign(t.callers.adminA, loc.h1, ['nonsense']), 400, { subjects: ['id'] });
    expectComError(await unassign(t.callers.adminA, loc.h1, ['P52534-B21+CZ\u00002D1G0ABC']), 400, { subjects: ['url'] });
    expectComError(await unassign(t.callers.adminA, loc.h1, [A[0]!.id, 'P52534-B21+NOSUCH0001']), 404, { key: 'NOT_FOUND', subjects: ['id'] });
    expectComError(await unassign(t.callers.adminA, loc.h1, [A[0]!.id, A[2]!.id]), 400, { key: 'BAD_REQUEST', subjects: ['id'] });
    await unchanged();
  });

  it.each([
    ['an unknown location', NOBODY],
    ['not a uuid', 'abc'],
    ['a server id', 'P52534-B21+CZ2D1G0ABC'],
    ['an encoded path traversal', '%2e%2e%2fetc'],
  ])('answers 404 on every operation for %s', async (_name, id) => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${id}` }), 404, { key: 'NOT_FOUND' });
    expectComError(await assign(t.callers.adminA, id, [A[0]!.id]), 404, { key: 'NOT_FOUND' });
    expectComError(await unassign(t.callers.adminA, id, [A[0]!.id]), 404, { key: 'NOT_FOUND' });
    await unchanged();
  });

  it('answers 406 to an Accept it cannot satisfy', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${loc.h1}`, headers: { accept: 'text/html' } }), 406, { key: 'NOT_ACCEPTABLE' });
  });
});

describe('server-locations access', () => {
  it('requires a token', async () => {
    expectComError(await t.call(null, { method: 'GET', url: `${BASE}/${loc.h1}` }), 401, { key: 'UNAUTHORIZED' });
    expectComError(await t.call(null, { method: 'POST', url: `${BASE}/${loc.h1}/servers`, headers: json, payload: { servers: [A[5]!.id] } }), 401);
    expectComError(await unassign(null, loc.h1, [A[0]!.id]), 401);
  });

  it('lets observers read but not bind or unbind', async () => {
    const before = await snapshot(t.store);
    expect((await get(t.callers.observerA, loc.h1)).servers).toEqual(idsOf(0, 1, 2, 3, 4));
    expectComError(await assign(t.callers.observerA, loc.h1, [A[5]!.id]), 403, { key: 'FORBIDDEN' });
    expectComError(await unassign(t.callers.observerA, loc.h1, [A[0]!.id]), 403, { key: 'FORBIDDEN' });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("never shows or changes another workspace's locations, nor binds its servers", async () => {
    const B = await seedServers(t.store, t.workspaces.B, 2, { seed: 5, overrides: () => ({ tags: { location: 'Tokyo', room: 'TYO-1' } }) });
    await makeOneView(t.workspaces.B, B);
    await seedLocations(t.store, t.workspaces.B, B, SEED);
    const tokyo = (await findServerLocations(t.store, t.workspaces.B, [B[0]!.id])).get(B[0]!.id)!.id;
    const before = await snapshot(t.store);
    for (const other of [t.callers.adminB, t.callers.mspAdmin]) {
      expectComError(await t.call(other, { method: 'GET', url: `${BASE}/${loc.h1}` }), 404);
      expectComError(await assign(other, loc.h1, [A[5]!.id]), 404);
      expectComError(await unassign(other, loc.h1, [A[0]!.id]), 404);
    }
    expectComError(await assign(t.callers.adminB, tokyo, [A[0]!.id]), 404, { subjects: ['servers.0'] });
    expectComError(await assign(t.callers.adminA, tokyo, [A[0]!.id]), 404);
    expect(await snapshot(t.store)).toEqual(before);
    expect((await get(t.callers.adminB, tokyo)).servers).toEqual(B.map((s) => s.id).sort());
  });

  it('lets an MSP act inside its own tenant through Tenant-Acid, and nowhere else', async () => {
    const T1 = await seedServers(t.store, t.workspaces.T1, 3, { seed: 8, overrides: (i): ServerOverrides => ({ tags: i === 2 ? {} : { location: 'Frankfurt', room: 'FRA-3' } }) });
    await makeOneView(t.workspaces.T1, T1);
    await seedLocations(t.store, t.workspaces.T1, T1, SEED);
    const fra = (await findServerLocations(t.store, t.workspaces.T1, [T1[0]!.id])).get(T1[0]!.id)!.id;
    const inTenant = { 'tenant-acid': t.workspaces.T1 };
    expectAccepted(await assign(t.callers.mspAdmin, fra, [T1[2]!.id], inTenant));
    expect(await get(t.callers.mspAdmin, fra, inTenant)).toMatchObject({ generation: 2, servers: T1.map((s) => s.id).sort() });
    expect((await get(t.callers.tenant1Admin, fra)).generation).toBe(2);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${BASE}/${fra}` }), 404);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${BASE}/${fra}`, headers: { 'tenant-acid': t.workspaces.T2 } }), 404);
    expectComError(await assign(t.callers.adminB, fra, [T1[0]!.id], inTenant), 403, { key: 'TENANT_FORBIDDEN' });
  });
});
