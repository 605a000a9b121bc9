// Compiles a filter tree to a WHERE fragment with `?` placeholders. `not` is pushed down to the atoms (De Morgan)
// so the result contains no NOT over anything that can be NULL: each atom is written to be TRUE exactly when it
// holds under two-valued logic (null equals only null and is neither greater nor less than anything).
import type { Dialect } from '../../store/store.ts';
import { jsonLeaf, type JsonKind, type JsonLeafSql } from '../json-sql.ts';
import type { ListSpec, ResolvedProperty, ScalarType } from '../list-spec.ts';
import { QueryError } from '../query-error.ts';
import type { AtomNode, ComparisonOp, FilterNode, Literal, PropertyRef } from './ast.ts';
import { toStoredDate, toStoredTimestamp } from './literals.ts';

export interface CompiledFilter {
  sql: string;
  params: unknown[];
}

/** A condition, folded to a constant where the answer does not depend on the row. */
type Cond = boolean | CompiledFilter;

/** A typed SQL expression; NULL means the property is null. */
interface Column {
  expr: string;
  type: ScalarType;
  property?: ResolvedProperty & { kind: 'scalar' };
}

/**
 * A literal placed on a property's stored scale; `exact` false means the literal lies strictly above `value`
 * (a decimal against an integer, sub-microsecond digits, a time of day against a date).
 */
type Coerced = { kind: 'null' } | { kind: 'none' } | { kind: 'value'; value: unknown; exact: boolean };

interface Context {
  spec: ListSpec;
  dialect: Dialect;
}

/** Compiles a parsed filter; null (no filter) compiles to an always-true condition. */
export function compileFilter(node: FilterNode | null, spec: ListSpec, dialect: Dialect): CompiledFilter {
  return node ? render(compile(node, false, { spec, dialect })) : render(true);
}

function render(cond: Cond): CompiledFilter {
  if (cond === true) return { sql: '1 = 1', params: [] };
  if (cond === false) return { sql: '1 = 0', params: [] };
  return cond;
}

const sql = (text: string, params: unknown[] = []): Cond => ({ sql: text, params });

function combine(parts: Cond[], and: boolean): Cond {
  const kept: CompiledFilter[] = [];
  for (const part of parts) {
    if (part === !and) return !and;
    if (part !== and) kept.push(part as CompiledFilter);
  }
  if (kept.length === 0) return and;
  if (kept.length === 1) return kept[0]!;
  return sql(`(${kept.map((p) => p.sql).join(and ? ' AND ' : ' OR ')})`, kept.flatMap((p) => p.params));
}

/** Negation for conditions whose NULL means false; only used where no index could help anyway. */
function negate(cond: Cond): Cond {
  return typeof cond === 'boolean' ? !cond : sql(`NOT COALESCE(${cond.sql}, FALSE)`, cond.params);
}

function compile(node: FilterNode, negated: boolean, ctx: Context): Cond {
  switch (node.kind) {
    case 'not':
      return compile(node.child, !negated, ctx);
    case 'and':
    case 'or':
      return combine(
        node.children.map((c) => compile(c, negated, ctx)),
        (node.kind === 'and') !== negated,
      );
    default: {
      const target = resolve(node.property, ctx);
      if ('leaf' in target) return jsonAtom(node, target.leaf, negated, ctx.dialect);
      return columnAtom(node, target, negated, ctx);
    }
  }
}

function resolve(ref: PropertyRef, ctx: Context): Column | { leaf: JsonLeafSql } {
  const name = ref.path.join('/');
  const property = ctx.spec.resolve(ref.path);
  if (!property) throw new QueryError('filter', `unknown property '${name}' at position ${ref.position}`, ref.position);
  const pgText = (e: string) => (ctx.dialect === 'postgres' ? `(${e} COLLATE "C")` : e);
  if (property.kind === 'json') {
    const leaf = jsonLeaf(property.column, property.jsonPath, ctx.dialect);
    if (!ref.transform) return { leaf };
    const fn = ref.transform === 'toupper' ? 'upper' : 'lower';
    return { expr: `CASE WHEN ${leaf.is('string')} THEN ${fn}(${leaf.value('string')}) END`, type: 'string' };
  }
  if (!ref.transform) return { expr: property.column, type: property.type, property };
  if (property.type === 'integer' || property.type === 'number' || property.type === 'boolean') {
    const message = `${ref.transform}() needs a text property but '${name}' is ${property.type}`;
    throw new QueryError('filter', `${message} at position ${ref.position}`, ref.position);
  }
  // PostgreSQL case-maps beyond ASCII under other collations; "C" keeps upper()/lower() ASCII-only like SQLite.
  return { expr: `${ref.transform === 'toupper' ? 'upper' : 'lower'}(${pgText(property.column)})`, type: 'string' };
}

const SYMBOL: Record<ComparisonOp, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const COMPLEMENT: Record<ComparisonOp, ComparisonOp> = { eq: 'ne', ne: 'eq', gt: 'le', ge: 'lt', lt: 'ge', le: 'gt' };

function coerce(literal: Literal, column: Column, spec: ListSpec): Coerced {
  const none: Coerced = { kind: 'none' };
  if (literal.type === 'null') return { kind: 'null' };
  const text = literal.type === 'string' || literal.type === 'timestamp' || literal.type === 'date' ? literal.value : undefined;
  switch (column.type) {
    case 'string':
      return literal.type === 'string' ? { kind: 'value', value: literal.value, exact: true } : none;
    case 'enum': {
      const canonical = literal.type === 'string' ? spec.canonicalEnum(column.property!, literal.value) : undefined;
      return canonical === undefined ? none : { kind: 'value', value: canonical, exact: true };
    }
    case 'integer': {
      if (literal.type !== 'number') return none;
      // Clamped to the safe range so the parameter always fits a BIGINT; the clamp is inexact by construction.
      const floor = Math.min(Math.max(Math.floor(literal.value), -(2 ** 53)), Number.MAX_SAFE_INTEGER);
      return { kind: 'value', value: floor, exact: floor === literal.value };
    }
    case 'number':
      return literal.type === 'number' ? { kind: 'value', value: literal.value, exact: true } : none;
    case 'boolean': {
      const b = literal.type === 'boolean' ? literal.value : quotedBoolean(literal);
      return b === undefined ? none : { kind: 'value', value: b, exact: true };
    }
    case 'timestamp':
    case 'date': {
      const scaled = text === undefined ? null : column.type === 'date' ? toStoredDate(text) : toStoredTimestamp(text);
      return scaled ? { kind: 'value', value: scaled.value, exact: scaled.exact } : none;
    }
  }
}

function placeholder(type: ScalarType, dialect: Dialect): string {
  if (dialect === 'postgres' && type === 'integer') return 'CAST(? AS BIGINT)';
  if (dialect === 'postgres' && type === 'number') return 'CAST(? AS DOUBLE PRECISION)';
  return '?';
}

function columnAtom(node: AtomNode, column: Column, negated: boolean, ctx: Context): Cond {
  const e = column.expr;
  const ph = placeholder(column.type, ctx.dialect);
  if (node.kind === 'compare') {
    const c = coerce(node.value, column, ctx.spec);
    const op = node.op;
    if (c.kind === 'none') return (op === 'ne') !== negated;
    if (c.kind === 'null') {
      if (op !== 'eq' && op !== 'ne') return negated;
      return sql((op === 'eq') !== negated ? `${e} IS NULL` : `${e} IS NOT NULL`);
    }
    let effective = op;
    if (!c.exact) {
      if (op === 'eq' || op === 'ne') return (op === 'ne') !== negated;
      if (op === 'ge') effective = 'gt';
      if (op === 'lt') effective = 'le';
    }
    // eq/gt/ge/lt/le are false on null; their complements (ne and the negations) are true on null.
    const nullTrue = (op === 'ne') !== negated;
    const test = `${e} ${SYMBOL[negated ? COMPLEMENT[effective] : effective]} ${ph}`;
    return sql(nullTrue ? `(${test} OR ${e} IS NULL)` : test, [c.value]);
  }
  if (node.kind === 'in') return columnIn(e, ph, node.values.map((v) => coerce(v, column, ctx.spec)), negated);
  if (node.value.type !== 'string' || !['string', 'enum', 'timestamp', 'date'].includes(column.type)) return negated;
  if (column.type === 'enum') {
    // Enums compare ignoring case, so contains does too; the matching canonical values become an IN list.
    const needle = node.value.value.toLowerCase();
    const matches = column.property!.values.filter((v) => v.toLowerCase().includes(needle));
    return columnIn(e, ph, matches.map((value) => ({ kind: 'value', value, exact: true })), negated);
  }
  const found = ctx.dialect === 'sqlite' ? `instr(${e}, ?)` : `strpos(${e}, ?)`;
  return sql(negated ? `(${e} IS NULL OR ${found} = 0)` : `${found} > 0`, [node.value.value]);
}

function columnIn(e: string, ph: string, coerced: Coerced[], negated: boolean): Cond {
  const hasNull = coerced.some((c) => c.kind === 'null');
  // An inexact literal equals nothing, so it drops out of the list.
  const values = [...new Set(coerced.flatMap((c) => (c.kind === 'value' && c.exact ? [c.value] : [])))];
  const list =
    values.length === 1
      ? `${negated ? '<>' : '='} ${ph}`
      : `${negated ? 'NOT IN' : 'IN'} (${values.map(() => ph).join(', ')})`;
  const member: Cond = values.length === 0 ? negated : sql(`${e} ${list}`, values);
  if (!negated) return combine([member, hasNull && sql(`${e} IS NULL`)], false);
  // NOT IN is NULL on a null row: fine when null is in the list (the row must not match), wrong otherwise.
  if (hasNull) return combine([member, sql(`${e} IS NOT NULL`)], true);
  return member === true ? true : combine([member, sql(`${e} IS NULL`)], false);
}

/** A literal against an untyped JSON leaf: it matches only leaves of its own JSON kind. */
function jsonValue(literal: Literal): { kind: JsonKind; value: unknown; exact: boolean } | null {
  switch (literal.type) {
    case 'null':
      return null;
    case 'string':
      return { kind: 'string', value: literal.value, exact: true };
    case 'number':
      return { kind: 'number', value: literal.value, exact: true };
    case 'boolean':
      return { kind: 'boolean', value: literal.value, exact: true };
    case 'date':
      return { kind: 'string', value: literal.value, exact: true };
    case 'timestamp': {
      const ts = toStoredTimestamp(literal.value)!;
      return { kind: 'string', value: ts.value, exact: ts.exact };
    }
  }
}

/** COM clients write booleans quoted too (`state/managed eq 'true'`, servers.md §0.4). */
export function quotedBoolean(literal: Literal): boolean | undefined {
  if (literal.type !== 'string') return undefined;
  const lower = literal.value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

function jsonCompare(leaf: JsonLeafSql, op: Exclude<ComparisonOp, 'ne'>, literal: Literal): Cond {
  const asBoolean = quotedBoolean(literal);
  if (asBoolean !== undefined) {
    // A quoted 'true' matches the JSON string "true" and the JSON boolean true alike.
    return combine([jsonCompareExact(leaf, op, literal), jsonCompareExact(leaf, op, { type: 'boolean', value: asBoolean })], false);
  }
  return jsonCompareExact(leaf, op, literal);
}

function jsonCompareExact(leaf: JsonLeafSql, op: Exclude<ComparisonOp, 'ne'>, literal: Literal): Cond {
  const v = jsonValue(literal);
  if (!v) return op === 'eq' && sql(leaf.isNullish);
  let effective: ComparisonOp = op;
  if (!v.exact) {
    if (op === 'eq') return false;
    if (op === 'ge') effective = 'gt';
    if (op === 'lt') effective = 'le';
  }
  const test = `${leaf.value(v.kind)} ${SYMBOL[effective]} ${leaf.placeholder(v.kind)}`;
  return sql(`(${leaf.is(v.kind)} AND ${test})`, [v.value]);
}

function jsonAtom(node: AtomNode, leaf: JsonLeafSql, negated: boolean, dialect: Dialect): Cond {
  let cond: Cond;
  if (node.kind === 'compare') {
    cond = jsonCompare(leaf, node.op === 'ne' ? 'eq' : node.op, node.value);
    if (node.op === 'ne') negated = !negated;
  } else if (node.kind === 'in') {
    cond = combine(node.values.map((v) => jsonCompare(leaf, 'eq', v)), false);
  } else if (node.value.type !== 'string') {
    cond = false;
  } else {
    const found = `${dialect === 'sqlite' ? 'instr' : 'strpos'}(${leaf.value('string')}, ?)`;
    cond = sql(`(${leaf.is('string')} AND ${found} > 0)`, [node.value.value]);
  }
  return negated ? negate(cond) : cond;
}
