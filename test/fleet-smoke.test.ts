// The generated fleet is deterministic and loads idempotently on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFleet, provisionServers } from '../src/fleet/demo-fleet.ts';
import { countServers, findDetails, findServer } from '../src/resources/servers/repository.ts';
import { openTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('generated fleet', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateFleet(7, 20, t.workspaces.A, 1_700_000_000_000).map((g) => g.server);
    const b = generateFleet(7, 20, t.workspaces.A, 1_700_000_000_000).map((g) => g.server);
    const c = generateFleet(8, 20, t.workspaces.A, 1_700_000_000_000).map((g) => g.server);
    expect(a).toEqual(b);
    expect(a.map((s) => s.id)).not.toEqual(c.map((s) => s.id));
    expect(new Set(a.map((s) => s.id)).size).toBe(20);
    for (const s of a) {
      expect(s.id).toBe(`${s.hardware.productId}+${s.name}`);
      expect(s.name).toBe(s.hardware.serialNumber);
    }
  });

  it('loads idempotently and round-trips through the store', async () => {
    const fleet = generateFleet(9, 50, t.workspaces.B, Date.now());
    expect(await provisionServers(t.store, t.workspaces.B, fleet)).toHaveLength(50);
    expect(await provisionServers(t.store, t.workspaces.B, fleet)).toHaveLength(0);
    expect(await countServers(t.store, t.workspaces.B)).toBe(50);
    const first = fleet[0]!;
    expect(await findServer(t.store, t.workspaces.B, first.server.id)).toEqual(first.server);
    expect(await findDetails(t.store, t.workspaces.B, first.server.id)).toEqual(first.details);
    expect(await findServer(t.store, t.workspaces.A, first.server.id)).toBeUndefined();
  });
});
