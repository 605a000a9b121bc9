// Opens the store the suite runs on: SQLite in memory by default, PostgreSQL when TEST_DATABASE_URL is set
// (CI runs the suite once each way). Every PostgreSQL store gets its own schema, so suites run in parallel.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testDialect = testDatabaseUrl ? 'postgres' : 'sqlite';

export interface TestStore {
  store: Store;
  /** Closes the store and drops its PostgreSQL schema. */
  dispose(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  if (!testDatabaseUrl) {
    const store = new SqliteStore(':memory:');
    return { store, dispose: () => store.close() };
  }
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const store = await PostgresStore.open({ connectionString: testDatabaseUrl, schema, max: 4 });
  return {
    store,
    dispose: async () => {
      await store.close();
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}
