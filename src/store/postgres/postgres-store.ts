// PostgreSQL store (pg). Placeholders `?` become `$n`; each transaction holds one pooled client.
import pg from 'pg';
import { applyMigrations } from '../migrate.ts';
import type { Db, DialectTypes, Migration, RunResult, Store } from '../store.ts';

const TYPES: DialectTypes = {
  text: 'TEXT COLLATE "C"',
  bool: 'BOOLEAN',
  int: 'INTEGER',
  bigint: 'BIGINT',
  real: 'DOUBLE PRECISION',
  json: 'JSONB',
  timestamp: 'TEXT COLLATE "C"',
};

// int8 and numeric come back as strings by default; our counters fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const placeholderCache = new Map<string, string>();

/** Rewrites `?` placeholders to `$1..$n`, leaving quoted text and `?|`-style operators alone. */
export function toPositional(sql: string): string {
  const cached = placeholderCache.get(sql);
  if (cached) return cached;
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  if (placeholderCache.size > 1000) placeholderCache.clear();
  placeholderCache.set(sql, out);
  return out;
}

function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}

class PgConnection implements Db {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.client.query(toPositional(sql), params.map(toParam));
    return res.rows as T[];
  }
  async get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<RunResult> {
    const res = await this.client.query(toPositional(sql), params.map(toParam));
    return { changes: res.rowCount ?? 0 };
  }
}

export interface PostgresOptions {
  connectionString: string;
  /** Schema to create and use; tests give each suite its own. */
  schema?: string;
  max?: number;
}

export class PostgresStore extends PgConnection implements Store {
  readonly types = TYPES;

  private constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  static async open(options: PostgresOptions): Promise<PostgresStore> {
    if (options.schema) {
      const admin = new pg.Client({ connectionString: options.connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...(options.schema ? { options: `-c search_path="${options.schema.replace(/"/g, '')}"` } : {}),
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    return new PostgresStore(pool);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgConnection(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async migrate(migrations: readonly Migration[]): Promise<void> {
    // A transaction-scoped advisory lock lets several processes migrate one database safely.
    await applyMigrations(this, migrations, async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock(?)', [727001]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
