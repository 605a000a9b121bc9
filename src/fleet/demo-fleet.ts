// Loads generated servers into a workspace: idempotent (servers that already exist are left as they are),
// generated and written in batches of a thousand so a 100,000-server fleet loads in bounded memory, each
// batch one transaction (a crash leaves whole batches).
import { placeOnboardedServers } from '../resources/groups/auto-add.ts';
import { insertServers, saveDetails } from '../resources/servers/repository.ts';
import type { Server } from '../resources/servers/model.ts';
import type { Store } from '../store/store.ts';
import { generateServer, type GeneratedServer, type ServerOverrides } from './generate-server.ts';

const BATCH = 1000;

/** Inserts the servers that do not exist yet; returns the ones it added. */
export async function provisionServers(store: Store, workspaceId: string, generated: readonly GeneratedServer[]): Promise<Server[]> {
  const added: Server[] = [];
  for (let i = 0; i < generated.length; i += BATCH) {
    const batch = generated.slice(i, i + BATCH);
    const fresh = await store.transaction(async (tx) => {
      const existing = new Set<string>();
      for (let j = 0; j < batch.length; j += 500) {
        const ids = batch.slice(j, j + 500).map((g) => g.server.id);
        const rows = await tx.all<{ id: string }>(`SELECT id FROM servers WHERE workspace_id = ? AND id IN (${ids.map(() => '?').join(', ')})`, [workspaceId, ...ids]);
        for (const r of rows) existing.add(r.id);
      }
      const toAdd = batch.filter((g) => {
        if (existing.has(g.server.id)) return false;
        existing.add(g.server.id);
        return true;
      });
      await insertServers(tx, toAdd.map((g) => g.server));
      for (const g of toAdd) await saveDetails(tx, workspaceId, g.server.id, g.details);
      // Onboarding: groups place the new servers by their tags (groups.md §6.5).
      await placeOnboardedServers(tx, workspaceId, toAdd.map((g) => g.server));
      return toAdd;
    });
    added.push(...fresh.map((g) => g.server));
  }
  return added;
}

/** The demo fleet of `count` servers for `seed`, created the same way on every machine. */
export function generateFleet(seed: number, count: number, workspaceId: string, nowMs: number, overrides?: (index: number) => ServerOverrides): GeneratedServer[] {
  return Array.from({ length: count }, (_, i) => generateServer(seed, i, workspaceId, nowMs, overrides?.(i)));
}

/** Generates and provisions servers 0..count-1 batch by batch; `onAdded` sees each batch's new servers. */
export async function provisionGeneratedFleet(
  store: Store,
  workspaceId: string,
  seed: number,
  count: number,
  nowMs: number,
  onAdded: (servers: Server[]) => Promise<void> = async () => {},
): Promise<number> {
  let added = 0;
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => generateServer(seed, start + i, workspaceId, nowMs));
    const fresh = await provisionServers(store, workspaceId, batch);
    if (fresh.length) await onAdded(fresh);
    added += fresh.length;
  }
  return added;
}
