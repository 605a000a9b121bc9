// Chooses the store from configuration: PostgreSQL when DATABASE_URL is a postgres URL, else SQLite.
import { PostgresStore } from './postgres/postgres-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export interface StoreConfig {
  databaseUrl?: string | undefined;
  sqliteFile: string;
  postgresSchema?: string | undefined;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (isPostgresUrl(config.databaseUrl)) {
    return PostgresStore.open({ connectionString: config.databaseUrl, schema: config.postgresSchema });
  }
  return new SqliteStore(config.sqliteFile);
}
