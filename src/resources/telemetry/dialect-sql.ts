// The few SQL expressions telemetry needs that SQLite and PostgreSQL spell differently: numeric
// placeholders, time buckets over stored timestamp text, JSON reads, and rows unpacked from one JSON parameter
// (bulk inserts bind one value instead of thousands). Paths and columns here are constants, never client text.
import type { Dialect } from '../../store/store.ts';
import { DAY, HOUR } from './model.ts';

/** A placeholder for a floating-point parameter (PostgreSQL cannot infer it inside expressions). */
export function float(dialect: Dialect): string {
  return dialect === 'postgres' ? 'CAST(? AS DOUBLE PRECISION)' : '?';
}

/** Start of the bucket a stored timestamp falls in, as stored timestamp text (UTC days and hours). */
export function bucketOf(column: string, bucketSeconds: number): string {
  if (bucketSeconds === DAY) return `substr(${column}, 1, 10) || 'T00:00:00.000000Z'`;
  if (bucketSeconds === HOUR) return `substr(${column}, 1, 13) || ':00:00.000000Z'`;
  return column;
}

/** The text value of the tag whose key is the one parameter; NULL when the server lacks it. */
export function tagValue(dialect: Dialect, column: string): string {
  return dialect === 'sqlite'
    ? `(SELECT je.value FROM json_each(${column}) je WHERE je.key = ? AND je.type = 'text')`
    : `(${column} ->> CAST(? AS TEXT))`;
}

type JsonPath = readonly (string | number)[];

function sqlitePath(path: JsonPath): string {
  return `'$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}'`;
}
function pgPath(path: JsonPath): string {
  return `'{${path.join(',')}}'`;
}

/** A JSON number as a double; NULL when missing or not a number. */
export function jsonNumber(dialect: Dialect, column: string, path: JsonPath): string {
  if (dialect === 'sqlite') {
    const p = sqlitePath(path);
    return `CASE WHEN json_type(${column}, ${p}) IN ('integer', 'real') THEN json_extract(${column}, ${p}) END`;
  }
  const p = pgPath(path);
  return `CASE WHEN jsonb_typeof(${column} #> ${p}) = 'number' THEN CAST(${column} #>> ${p} AS DOUBLE PRECISION) END`;
}

/** The length of a JSON array; 0 when missing or not an array. */
export function jsonArrayLength(dialect: Dialect, column: string, path: JsonPath): string {
  if (dialect === 'sqlite') {
    const p = sqlitePath(path);
    return `CASE WHEN json_type(${column}, ${p}) = 'array' THEN json_array_length(${column}, ${p}) ELSE 0 END`;
  }
  const p = pgPath(path);
  return `CASE WHEN jsonb_typeof(${column} #> ${p}) = 'array' THEN jsonb_array_length(${column} #> ${p}) ELSE 0 END`;
}

/** A JSON sub-document (text in SQLite, jsonb in PostgreSQL; parseJson reads both). */
export function jsonDocument(dialect: Dialect, column: string, path: JsonPath): string {
  return dialect === 'sqlite' ? `json_extract(${column}, ${sqlitePath(path)})` : `(${column} #> ${pgPath(path)})`;
}

export type JsonColumnType = 'text' | 'int' | 'float';

/**
 * A row source over one JSON parameter holding an array of arrays, one inner array per row, its members in
 * `columns` order: `(SELECT … ) AS alias`. JSON numbers round-trip doubles exactly on both databases.
 */
export function jsonRows(dialect: Dialect, columns: readonly (readonly [string, JsonColumnType])[], alias: string): string {
  if (dialect === 'sqlite') {
    const list = columns.map(([name, type], i) => {
      const v = `json_extract(j.value, '$[${i}]')`;
      return `${type === 'text' ? v : `CAST(${v} AS ${type === 'int' ? 'INTEGER' : 'REAL'})`} AS ${name}`;
    });
    return `(SELECT ${list.join(', ')} FROM json_each(?) j) AS ${alias}`;
  }
  const list = columns.map(([name, type], i) => {
    const v = `(j.v ->> ${i})`;
    return `${type === 'text' ? v : `CAST(${v} AS ${type === 'int' ? 'BIGINT' : 'DOUBLE PRECISION'})`} AS ${name}`;
  });
  return `(SELECT ${list.join(', ')} FROM jsonb_array_elements(CAST(? AS jsonb)) AS j(v)) AS ${alias}`;
}

/** SQL text and its parameters, appended in step so placeholders and values cannot drift apart. */
export class SqlText {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(text: string, ...params: unknown[]): this {
    this.parts.push(text);
    this.params.push(...params);
    return this;
  }

  append(other: { sql: string; params: readonly unknown[] }): this {
    return this.add(other.sql, ...other.params);
  }

  get sql(): string {
    return this.parts.join('\n');
  }
}

/** A typed SQL NULL for a floating-point column (PostgreSQL would otherwise type it as text). */
export function nullFloat(dialect: Dialect): string {
  return dialect === 'postgres' ? 'CAST(NULL AS DOUBLE PRECISION)' : 'CAST(NULL AS REAL)';
}
