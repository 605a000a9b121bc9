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

type RowBuilder = (values: unknown[]) => unknown;

interface Prepared {
  statement: Database.Statement;
  /** For statements that return rows: builds a row object from the raw column values. */
  toRow: RowBuilder | undefined;
  /** Columns toRow was built for; a schema change under a cached `SELECT *` changes the count. */
  width: number;
}

/**
 * A function that turns a raw row into `{ column: value, … }` as one object literal. better-sqlite3 builds row
 * objects through V8's embedder API, one keyed store per column, which cost more than running the query; a
 * literal with the same keys in the same order gives the same object at a fraction of that.
 */
function rowBuilder(columns: readonly string[]): RowBuilder {
  // An object literal would read `__proto__` as the prototype: such a row gets its properties defined one by one.
  if (columns.includes('__proto__')) {
    return (values) => Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  }
  const fields = columns.map((c, i) => `${JSON.stringify(c)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as RowBuilder;
}

class SqliteConnection implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Prepared>();
  constructor(protected readonly db: Database.Database) {}

  protected statement(sql: string): Prepared {
    let prepared = this.cache.get(sql);
    if (!prepared) {
      const statement = this.db.prepare(sql);
      if (statement.reader) statement.raw(true);
      prepared = { statement, toRow: undefined, width: 0 };
      if (statement.reader) this.describeRows(prepared);
      // Bounded so ad-hoc filter SQL cannot grow the cache without limit.
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, prepared);
    }
    return prepared;
  }

  private describeRows(prepared: Prepared): RowBuilder {
    const columns = prepared.statement.columns().map((c) => c.name);
    prepared.width = columns.length;
    return (prepared.toRow = rowBuilder(columns));
  }

  private builderFor(prepared: Prepared, first: unknown[] | undefined): RowBuilder {
    return first && first.length !== prepared.width ? this.describeRows(prepared) : prepared.toRow!;
  }

  allSync<T>(sql: string, params: readonly unknown[] = []): T[] {
    const prepared = this.statement(sql);
    const rows = prepared.statement.all(...params.map(toParam)) as unknown[][];
    return rows.map(this.builderFor(prepared, rows[0])) as T[];
  }
  getSync<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    const prepared = this.statement(sql);
    const row = prepared.statement.get(...params.map(toParam)) as unknown[] | undefined;
    return (row && this.builderFor(prepared, row)(row)) as T | undefined;
  }
  runSync(sql: string, params: readonly unknown[] = []): RunResult {
    const { statement } = this.statement(sql);
    if (!statement.reader) return { changes: statement.run(...params.map(toParam)).changes };
    statement.all(...params.map(toParam));
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
