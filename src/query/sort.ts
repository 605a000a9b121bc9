// The COM `sort` parameter: `<path>[ asc|desc]`, comma-separated, first key primary. Compiled ORDER BY puts
// nulls last in both directions on both dialects and always ends with the id column so paging is stable.
import type { Dialect } from '../store/store.ts';
import { jsonLeaf, type JsonKind } from './json-sql.ts';
import type { ListSpec, ResolvedProperty } from './list-spec.ts';
import { QueryError } from './query-error.ts';

export interface SortKey {
  property: ResolvedProperty;
  descending: boolean;
}

const KEY_RE = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?$/i;

/** Parses a sort expression; empty or whitespace-only gives no keys (the spec's default applies). */
export function parseSort(text: string, spec: ListSpec): SortKey[] {
  if (text.trim() === '') return [];
  const keys: SortKey[] = [];
  let start = 0;
  for (const part of text.split(',')) {
    // A blank segment is reported where it starts; anything else where its text starts.
    const position = part.trim() === '' ? start : start + part.length - part.trimStart().length;
    const m = KEY_RE.exec(part.trim());
    if (!m) {
      const what = part.trim() === '' ? 'a missing sort key' : `'${part.trim()}' (expected '<property> [asc|desc]')`;
      throw new QueryError('sort', `${what} at position ${position}`, position);
    }
    const path = m[1]!;
    const property = spec.resolve(path.split('/'));
    if (!property) throw new QueryError('sort', `unknown property '${path}' at position ${position}`, position);
    if (!property.sortable) throw new QueryError('sort', `property '${path}' cannot be sorted on (position ${position})`, position);
    keys.push({ property, descending: m[2]?.toLowerCase() === 'desc' });
    start += part.length + 1;
  }
  return keys;
}

// Mixed-type JSON leaves sort numbers first, then strings, then booleans, then objects, arrays and nulls: each
// kind is its own key that is NULL for the other kinds, which both dialects order the same way.
const JSON_SORT_KINDS: readonly JsonKind[] = ['number', 'string', 'boolean'];

/** The ORDER BY list (without the keyword) for keys, or for the spec's default sort when keys is empty. */
export function compileSort(keys: readonly SortKey[], spec: ListSpec, dialect: Dialect): string {
  const effective = keys.length > 0 ? keys : parseSort(spec.defaultSort, spec);
  const terms: string[] = [];
  for (const { property, descending } of effective) {
    const dir = descending ? 'DESC' : 'ASC';
    if (property.kind === 'scalar') {
      terms.push(`${property.column} ${dir} NULLS LAST`);
      continue;
    }
    const leaf = jsonLeaf(property.column, property.jsonPath, dialect);
    for (const kind of JSON_SORT_KINDS) {
      terms.push(`CASE WHEN ${leaf.is(kind)} THEN ${leaf.value(kind)} END ${dir} NULLS LAST`);
    }
  }
  terms.push(`${spec.idColumn} ASC`);
  return terms.join(', ');
}
