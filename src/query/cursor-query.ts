// Cursor (keyset) paging for the cursor envelope `{count, next, total, items}` (conventions §5; COM's
// resourceCollection2Cursor). A list walks one fixed order; `next` is the id of the first row of the following
// page, so a page is "rows at or after that row's position, filtered". The position is read from the row
// itself, so a cursor stays valid when the row it names no longer matches the filter.
import type { Db } from '../store/store.ts';
import { compileFilter } from './filter/compile-sql.ts';
import { parseFilter } from './filter/parser.ts';
import type { ListSpec } from './list-spec.ts';
import { parseLimit } from './paging.ts';

/** One column of a keyset order. */
export interface KeysetKey {
  column: string;
  descending: boolean;
}

export interface CursorQuery {
  /** A table, or a parenthesised subquery with an alias, e.g. `(SELECT …) AS s`, with its parameters. */
  from: string | { sql: string; params: readonly unknown[] };
  /** Rows the caller may see at all; the filter narrows within it, and a cursor must name one of them. */
  scope?: { sql: string; params: readonly unknown[] };
  /** Filterable properties, limit bounds and the id column (the cursor's value). */
  spec: ListSpec;
  /** The fixed order pages slice: NOT NULL columns, ending with `spec.idColumn` so it is total. */
  order: readonly KeysetKey[];
  /** SELECT list; default `*`. Must include the id column. */
  columns?: string;
  filter?: string | undefined;
  limit?: string | undefined;
  /** The previous page's `next`; absent for the first page. */
  next?: string | undefined;
}

/** The cursor envelope without its items; what every cursor-paged list answers with. */
export interface CursorEnvelope<T> {
  count: number;
  /** The id of the first item of the following page; null on the last page. */
  next: string | null;
  total: number;
  items: T[];
}

export interface CursorResult<T> {
  rows: T[];
  /** Rows matching scope and filter, ignoring the cursor. */
  total: number;
  limit: number;
  next: string | null;
}

const COLUMN_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function checkOrder(q: CursorQuery): void {
  const last = q.order[q.order.length - 1];
  if (!last || last.column !== q.spec.idColumn) throw new Error('cursor query: the order must end with the id column');
  for (const k of q.order) if (!COLUMN_RE.test(k.column)) throw new Error(`cursor query: '${k.column}' is not a plain column name`);
}

/** `(k1, …, kn) at or after (v1, …, vn)` in the order's directions, written without row comparisons (mixed directions). */
function atOrAfter(order: readonly KeysetKey[], values: readonly unknown[]): { sql: string; params: unknown[] } {
  const terms: string[] = [];
  const params: unknown[] = [];
  order.forEach((key, i) => {
    const equal = order.slice(0, i).map((k) => `${k.column} = ?`);
    const last = i === order.length - 1;
    const op = key.descending ? (last ? '<=' : '<') : last ? '>=' : '>';
    terms.push(`(${[...equal, `${key.column} ${op} ?`].join(' AND ')})`);
    params.push(...values.slice(0, i), values[i]);
  });
  return { sql: `(${terms.join(' OR ')})`, params };
}

const bareColumn = (column: string): string => column.slice(column.lastIndexOf('.') + 1);

/**
 * Runs one page of a cursor-paged list; undefined when `next` names no row in scope (the caller decides what
 * that means, e.g. an expired cursor). Throws QueryError for a bad filter or limit before any SQL runs.
 * Fetches one row beyond the page to learn the following page's cursor; COUNT(*) runs only when the page
 * cannot tell the total.
 */
export async function runCursorQuery<T extends Record<string, unknown>>(db: Db, q: CursorQuery): Promise<CursorResult<T> | undefined> {
  checkOrder(q);
  const filter = compileFilter(parseFilter(q.filter ?? ''), q.spec, db.dialect);
  const limit = parseLimit(q.limit, q.spec.limit);
  const from = typeof q.from === 'string' ? { sql: q.from, params: [] } : q.from;
  const scopeSql = q.scope ? `(${q.scope.sql}) AND ` : '';
  const base = [...from.params, ...(q.scope?.params ?? [])];

  let position: { sql: string; params: unknown[] } = { sql: '1 = 1', params: [] };
  if (q.next !== undefined) {
    const columns = q.order.map((k) => k.column).join(', ');
    const row = await db.get<Record<string, unknown>>(`SELECT ${columns} FROM ${from.sql} WHERE ${scopeSql}${q.spec.idColumn} = ?`, [...base, q.next]);
    if (!row) return undefined;
    position = atOrAfter(q.order, q.order.map((k) => row[bareColumn(k.column)]));
  }

  const where = `${scopeSql}(${filter.sql})`;
  const orderBy = q.order.map((k) => `${k.column} ${k.descending ? 'DESC' : 'ASC'}`).join(', ');
  // limit and limit + 1 are validated integers, written inline as list-query does.
  const fetched = await db.all<T>(
    `SELECT ${q.columns ?? '*'} FROM ${from.sql} WHERE ${where} AND ${position.sql} ORDER BY ${orderBy} LIMIT ${Math.trunc(limit) + 1}`,
    [...base, ...filter.params, ...position.params],
  );
  const rows = fetched.slice(0, limit);
  const following = fetched[limit];
  const next = following === undefined ? null : String(following[bareColumn(q.spec.idColumn)]);
  // A first page that holds the whole result already tells the total.
  const total =
    q.next === undefined && following === undefined
      ? rows.length
      : Number((await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${from.sql} WHERE ${where}`, [...base, ...filter.params]))?.n ?? 0);
  return { rows, total, limit, next };
}

/** Builds the cursor envelope from a page of mapped items. */
export function cursorEnvelope<T>(items: T[], page: Pick<CursorResult<unknown>, 'next' | 'total'>): CursorEnvelope<T> {
  return { count: items.length, next: page.next, total: page.total, items };
}
