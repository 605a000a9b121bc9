// SQL for one leaf inside a JSON document column, per dialect. SQLite's json_extract returns SQL-native values
// (JSON booleans as 0/1, objects as text), so every use is guarded by a type test; PostgreSQL compares numbers
// and booleans as jsonb (no casts that could fail on a non-number) and strings as "C"-collated text.
import type { Dialect } from '../store/store.ts';

export type JsonKind = 'string' | 'number' | 'boolean';

export interface JsonLeafSql {
  /** TRUE when the leaf is a JSON value of this kind; FALSE or NULL otherwise. */
  is(kind: JsonKind): string;
  /** TRUE when the path is missing or holds JSON null; never NULL. */
  readonly isNullish: string;
  /** The leaf as a comparable SQL value; meaningful only where is(kind) holds. */
  value(kind: JsonKind): string;
  /** The placeholder a literal of this kind is compared through. */
  placeholder(kind: JsonKind): string;
}

const SQLITE_TYPES: Record<JsonKind, string> = { string: "'text'", number: "'integer', 'real'", boolean: "'true', 'false'" };

/** Keys are identifiers (the lexer and list spec guarantee it), so they can be spelled inside the path literal. */
export function jsonLeaf(column: string, path: readonly string[], dialect: Dialect): JsonLeafSql {
  if (dialect === 'sqlite') {
    const p = `'$${path.map((k) => `.${k}`).join('')}'`;
    const type = `json_type(${column}, ${p})`;
    return {
      is: (kind) => `${type} IN (${SQLITE_TYPES[kind]})`,
      isNullish: `COALESCE(${type}, 'null') = 'null'`,
      value: () => `json_extract(${column}, ${p})`,
      placeholder: () => '?',
    };
  }
  const p = `'{${path.join(',')}}'`;
  const node = path.length === 0 ? column : `(${column} #> ${p})`;
  const type = `jsonb_typeof(${node})`;
  return {
    is: (kind) => `${type} = '${kind}'`,
    isNullish: `COALESCE(${type}, 'null') = 'null'`,
    value: (kind) => (kind === 'string' ? `((${column} #>> ${p}) COLLATE "C")` : node),
    placeholder: (kind) => (kind === 'string' ? '?' : 'CAST(? AS jsonb)'),
  };
}
