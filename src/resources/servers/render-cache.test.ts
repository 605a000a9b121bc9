// The list render cache never serves a stale or foreign representation: every write bumps generation, and
// entries are keyed by workspace, id, generation, prefix and version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { updateServerState } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedServers(t.store, t.workspaces.A, 30, { seed: 3, overrides: () => ({ subscriptionState: 'SUBSCRIBED' }) });
  await seedServers(t.store, t.workspaces.B, 30, { seed: 3, overrides: () => ({ subscriptionState: 'SUBSCRIBED' }) });
});
afterAll(() => t.close());

const list = async (caller = t.callers.adminA, url = '/compute-ops-mgmt/v1/servers?limit=100') => (await t.call(caller, { method: 'GET', url })).json();

describe('server list render cache', () => {
  it('shows a change made through the API on the very next list', async () => {
    const first = await list();
    const target = first.items[3];
    const patched = await t.call(t.callers.adminA, {
      method: 'PATCH',
      url: `/compute-ops-mgmt/v1/servers/${encodeURIComponent(target.id)}`,
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: { autoIloFwUpdate: !target.autoIloFwUpdate },
    });
    expect(patched.statusCode).toBe(200);
    const again = (await list()).items.find((s: { id: string }) => s.id === target.id);
    expect(again.autoIloFwUpdate).toBe(!target.autoIloFwUpdate);
    expect(again.generation).toBe(target.generation + 1);
  });

  it('shows a change made by a device (another writer) on the very next list', async () => {
    const target = (await list()).items[5];
    await updateServerState(t.store, t.workspaces.A, target.id, (s) => ({ ...s, hardware: { ...s.hardware, powerState: s.hardware.powerState === 'ON' ? 'OFF' : 'ON' } }));
    const again = (await list()).items.find((s: { id: string }) => s.id === target.id);
    expect(again.hardware.powerState).not.toBe(target.hardware.powerState);
  });

  it('keeps workspaces, prefixes and versions apart even for identical servers', async () => {
    const a = await list();
    const b = await list(t.callers.adminB);
    // The same seed gives the same ids in both workspaces; the change above happened in A only.
    expect(b.items.map((s: { id: string }) => s.id).sort()).toEqual(a.items.map((s: { id: string }) => s.id).sort());
    const generationInA = new Map(a.items.map((s: { id: string; generation: number }) => [s.id, s.generation]));
    const differing = b.items.filter((s: { id: string; generation: number }) => generationInA.get(s.id) !== s.generation);
    expect(differing).toHaveLength(2); // the two servers changed in A above, shown unchanged in B
    const legacy = await list(t.callers.adminA, '/compute-ops/v1/servers?limit=100');
    expect(legacy.items[0].resourceUri.startsWith('/compute-ops/v1/servers/')).toBe(true);
    expect(legacy.items[0].type).toBe('compute-ops/server');
    const beta = await list(t.callers.adminA, '/compute-ops-mgmt/v1beta2/servers?limit=100');
    expect(beta.items[0].resourceUri.startsWith('/compute-ops-mgmt/v1beta2/servers/')).toBe(true);
  });

  it('drops a deleted server from the page', async () => {
    const before = await list();
    const victim = before.items[0];
    await t.store.run('DELETE FROM servers WHERE workspace_id = ? AND id = ?', [t.workspaces.A, victim.id]);
    const after = await list();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.some((s: { id: string }) => s.id === victim.id)).toBe(false);
  });
});
