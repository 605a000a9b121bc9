// A dump of every table, to prove that refused requests stored nothing and lost nothing.
import type { Store } from '../../src/store/store.ts';

export async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const tables =
    store.dialect === 'sqlite'
      ? await store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      : await store.all<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name');
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = await store.all(`SELECT * FROM "${name}" ORDER BY 1`);
  return out;
}
