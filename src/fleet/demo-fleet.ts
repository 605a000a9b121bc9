// Loads generated servers into a workspace: idempotent (servers that already exist are left as they are),
// in transactions of a thousand so a 100,000-server fleet loads in seconds and a crash leaves whole batches.
import { insertServers, saveDetails } from '../resources/servers/repository.ts';
import type { Store } from '../store/store.ts';
import { generateServer, type GeneratedServer, type ServerOverrides } from './generate-server.ts';

export async function provisionServers(store: Store, workspaceId: string, generated: readonly GeneratedServer[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < generated.length; i += 1000) {
    const batch = generated.slice(i, i + 1000);
    added += await store.transaction(async (tx) => {
      const existing = new Set<string>();
      for (let j = 0; j < batch.length; j += 500) {
        const ids = batch.slice(j, j + 500).map((g) => g.server.id);
        const rows = await tx.all<{ id: string }>(`SELECT id FROM servers WHERE workspace_id = ? AND id IN (${ids.map(() => '?').join(', ')})`, [workspaceId, ...ids]);
        for (const r of rows) existing.add(r.id);
      }
      const fresh = batch.filter((g) => {
        if (existing.has(g.server.id)) return false;
        existing.add(g.server.id);
        return true;
      });
      await insertServers(tx, fresh.map((g) => g.server));
      for (const g of fresh) await saveDetails(tx, workspaceId, g.server.id, g.details);
      return fresh.length;
    });
  }
  return added;
}

/** The demo fleet of `count` servers for `seed`, created the same way on every machine. */
export function generateFleet(seed: number, count: number, workspaceId: string, nowMs: number, overrides?: (index: number) => ServerOverrides): GeneratedServer[] {
  return Array.from({ length: count }, (_, i) => generateServer(seed, i, workspaceId, nowMs, overrides?.(i)));
}
