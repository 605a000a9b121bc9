// The persistence seam: one interface, two implementations (embedded SQLite and PostgreSQL).
// SQL is written once with `?` placeholders; each implementation adapts placeholders and types.

/** Which SQL dialect a connection speaks; the query compiler and migrations branch on it. */
export type Dialect = 'sqlite' | 'postgres';

/** Result of a statement that changes rows. */
export interface RunResult {
  changes: number;
}

/** Something queries can run on: the store itself, or a transaction inside it. */
export interface Db {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<RunResult>;
}

/** One numbered, append-only schema change. `sql` may depend on the dialect's column types. */
export interface Migration {
  /** Globally unique, e.g. `identity-001`; recorded in `schema_migrations` once applied. */
  id: string;
  up: (t: DialectTypes) => string[];
}

/** Column types that differ between dialects, so migrations are written once. */
export interface DialectTypes {
  /** Text compared byte-wise in both databases (SQLite BINARY, PostgreSQL COLLATE "C"). */
  text: string;
  bool: string;
  int: string;
  bigint: string;
  real: string;
  /** JSON document: TEXT holding JSON in SQLite, jsonb in PostgreSQL. */
  json: string;
  /** Timestamps are stored as fixed-width RFC 3339 UTC text so they compare correctly as text. */
  timestamp: string;
}

/** The store: a Db whose every write group runs in `transaction`, all-or-nothing. */
export interface Store extends Db {
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  migrate(migrations: readonly Migration[]): Promise<void>;
  close(): Promise<void>;
  readonly types: DialectTypes;
}
