// Embedded SQLite store (better-sqlite3). One connection; an async mutex serialises transactions so
// that no other request reads a transaction's uncommitted rows between its awaits.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMigrations } from '../migrate.ts';
import type { Db, DialectTypes, Migration, RunResult, Store } from '../store.ts';
import { Mutex } from '../mutex.ts';

const TYPES: DialectTypes = {
  text: 'TEXT',
  bool: 'INTEGER',
  int: 'INTEGER',
  bigint: 'INTEGER',
  real: 'REAL',
  json: 'TEXT',
  timestamp: 'TEXT',
};

type Param = string | number | bigint | Buffer | null;

function toParam(value: unknown): Param {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

class SqliteConnection implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Database.Statement>();
  constructor(protected readonly db: Database.Database) {}

  protected statement(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      // Bounded so ad-hoc filter SQL cannot grow the cache without limit.
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, st);
    }
    return st;
  }

  allSync<T>(sql: string, params: readonly unknown[] = []): T[] {
    return this.statement(sql).all(...params.map(toParam)) as T[];
  }
  getSync<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.statement(sql).get(...params.map(toParam)) as T | undefined;
  }
  runSync(sql: string, params: readonly unknown[] = []): RunResult {
    const st = this.statement(sql);
    if (!st.reader) return { changes: st.run(...params.map(toParam)).changes };
    st.all(...params.map(toParam));
    return { changes: 0 };
  }

  async all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.allSync<T>(sql, params);
  }
  async get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.getSync<T>(sql, params);
  }
  async run(sql: string, params?: readonly unknown[]): Promise<RunResult> {
    return this.runSync(sql, params);
  }
}

export class SqliteStore extends SqliteConnection implements Store {
  readonly types = TYPES;
  private readonly mutex = new Mutex();
  // Only one transaction runs at a time (the mutex), so one connection object with its statement cache serves all.
  private readonly txConnection: SqliteConnection;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    // WAL + synchronous=NORMAL survives a process crash with the last committed state intact.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    super(db);
    this.txConnection = new SqliteConnection(db);
  }

  // Reads outside a transaction wait for a running transaction, so they never see its uncommitted rows.
  override async all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    if (this.mutex.locked) return this.mutex.run(async () => this.allSync<T>(sql, params));
    return this.allSync<T>(sql, params);
  }
  override async get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    if (this.mutex.locked) return this.mutex.run(async () => this.getSync<T>(sql, params));
    return this.getSync<T>(sql, params);
  }
  override async run(sql: string, params?: readonly unknown[]): Promise<RunResult> {
    if (this.mutex.locked) return this.mutex.run(async () => this.runSync(sql, params));
    return this.runSync(sql, params);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.txConnection);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async migrate(migrations: readonly Migration[]): Promise<void> {
    await applyMigrations(this, migrations);
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => this.db.close());
  }
}
