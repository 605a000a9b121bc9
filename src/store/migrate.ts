// Applies migrations in order, each in its own transaction, recording what ran so restarts skip it.
import type { Db, Migration, Store } from './store.ts';

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`;

export async function applyMigrations(
  store: Store,
  migrations: readonly Migration[],
  lockFn: (tx: Db) => Promise<void> = async () => {},
): Promise<void> {
  const ids = new Set<string>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    ids.add(m.id);
  }
  await store.run(LEDGER);
  for (const m of migrations) {
    await store.transaction(async (tx) => {
      // Several processes may start together on PostgreSQL: the lock makes one of them apply each step.
      await lockFn(tx);
      const done = await tx.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id]);
      if (done) return;
      for (const statement of m.up(store.types)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [m.id, new Date().toISOString()]);
    });
  }
}
