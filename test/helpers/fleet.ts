// Puts generated servers into a test workspace, deterministic per seed; overrides pin exact names/states.
import { generateFleet, provisionServers } from '../../src/fleet/demo-fleet.ts';
import type { ServerOverrides } from '../../src/fleet/generate-server.ts';
import type { Server } from '../../src/resources/servers/model.ts';
import type { Store } from '../../src/store/store.ts';

export async function seedServers(
  store: Store,
  workspaceId: string,
  count: number,
  options: { seed?: number; overrides?: (index: number) => ServerOverrides } = {},
): Promise<Server[]> {
  const fleet = generateFleet(options.seed ?? 42, count, workspaceId, Date.now(), options.overrides);
  await provisionServers(store, workspaceId, fleet);
  return fleet.map((g) => g.server);
}
