// Per resource version: which wire property paths a list can filter and sort on, and the SQL behind each.
// Resource groups declare one spec per version; the query machinery never names a resource itself.
import { parseSort } from './sort.ts';

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'date' | 'enum';

/** A wire property stored in one column of a known type. */
export interface ScalarPropertyDef {
  column: string;
  /**
   * `timestamp` columns hold `YYYY-MM-DDTHH:MM:SS.ffffffZ` text, `date` columns `YYYY-MM-DD`, `enum` columns
   * one of `values` exactly; text columns must compare byte-wise (COLLATE "C" on PostgreSQL).
   */
  type: ScalarType;
  /** Canonical values of an `enum`; filters match them case-insensitively. */
  values?: readonly string[];
  /** Default true. */
  sortable?: boolean;
}

/** A wire property whose value (and everything nested below it) lives in one JSON document column. */
export interface JsonPropertyDef {
  json: string;
  /** Default true. */
  sortable?: boolean;
}

export type PropertyDef = ScalarPropertyDef | JsonPropertyDef;

export interface LimitBounds {
  max: number;
  default: number;
}

export interface ListSpecInit {
  /** Keyed by wire path with '/' for nesting, e.g. `state/managed`; a JSON entry covers every path below it. */
  properties: Readonly<Record<string, PropertyDef>>;
  /** Unique column used as the last sort key so pages never overlap or skip rows. */
  idColumn: string;
  /** A `sort` expression used when the client sends none; the id tiebreak alone when absent. */
  defaultSort?: string;
  limit: LimitBounds;
}

export type ResolvedProperty =
  | {
      kind: 'scalar';
      path: string;
      column: string;
      type: ScalarType;
      values: readonly string[];
      sortable: boolean;
    }
  | {
      kind: 'json';
      path: string;
      column: string;
      /** Keys below the JSON column; empty for the column itself. */
      jsonPath: readonly string[];
      sortable: boolean;
    };

export interface ListSpec {
  readonly idColumn: string;
  readonly defaultSort: string;
  readonly limit: Readonly<LimitBounds>;
  /** The property a wire path names, or undefined when the list does not expose it. */
  resolve(path: readonly string[]): ResolvedProperty | undefined;
  /** Maps an enum literal to its canonical value, ignoring case. */
  canonicalEnum(property: ResolvedProperty & { kind: 'scalar' }, literal: string): string | undefined;
}

const PATH_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*$/;
// Column names are spliced into SQL, so only plain (optionally table-qualified) identifiers are allowed.
const COLUMN_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function checkColumn(column: string, where: string): void {
  if (!COLUMN_RE.test(column)) throw new Error(`list spec: ${where}: '${column}' is not a plain column name`);
}

/** Validates a spec once, at module load, so a mistake fails at startup rather than on some request. */
export function defineListSpec(init: ListSpecInit): ListSpec {
  const scalars = new Map<string, ResolvedProperty & { kind: 'scalar' }>();
  const enumMaps = new Map<string, Map<string, string>>();
  const jsons = new Map<string, { column: string; sortable: boolean }>();
  for (const [path, def] of Object.entries(init.properties)) {
    if (!PATH_RE.test(path)) throw new Error(`list spec: '${path}' is not a property path`);
    if ('json' in def) {
      checkColumn(def.json, path);
      jsons.set(path, { column: def.json, sortable: def.sortable ?? true });
      continue;
    }
    checkColumn(def.column, path);
    const values = def.values ?? [];
    if (def.type === 'enum') {
      const map = new Map(values.map((v) => [v.toLowerCase(), v]));
      if (values.length === 0 || map.size !== values.length) {
        throw new Error(`list spec: enum '${path}' needs values that differ ignoring case`);
      }
      enumMaps.set(path, map);
    }
    scalars.set(path, { kind: 'scalar', path, column: def.column, type: def.type, values, sortable: def.sortable ?? true });
  }
  checkColumn(init.idColumn, 'idColumn');
  const { max, default: def } = init.limit;
  if (!Number.isSafeInteger(max) || !Number.isSafeInteger(def) || def < 0 || def > max) {
    throw new Error(`list spec: limit bounds ${JSON.stringify(init.limit)} are invalid`);
  }

  const spec: ListSpec = {
    idColumn: init.idColumn,
    defaultSort: init.defaultSort ?? '',
    limit: Object.freeze({ max, default: def }),
    resolve(path) {
      const key = path.join('/');
      const scalar = scalars.get(key);
      if (scalar) return scalar;
      // The longest registered JSON prefix wins, so a nested JSON column can shadow its parent's.
      for (let n = path.length; n > 0; n--) {
        const json = jsons.get(path.slice(0, n).join('/'));
        if (json) return { kind: 'json', path: key, column: json.column, jsonPath: path.slice(n), sortable: json.sortable };
      }
      return undefined;
    },
    canonicalEnum(property, literal) {
      return enumMaps.get(property.path)?.get(literal.toLowerCase());
    },
  };
  try {
    parseSort(spec.defaultSort, spec);
  } catch (err) {
    throw new Error(`list spec: defaultSort: ${(err as Error).message}`);
  }
  return Object.freeze(spec);
}
