// A plain-JavaScript evaluator of filter semantics, used only by tests as the oracle the SQL must agree with.
// It is written as comparators over values rather than as rewritten operators (the SQL compiler's approach),
// so the two implementations fail independently.
import type { FilterNode, Literal, PropertyRef } from '../../src/query/filter/ast.ts';
import { parseDate, parseTimestamp } from '../../src/query/filter/literals.ts';
import type { ListSpec, ResolvedProperty, ScalarType } from '../../src/query/list-spec.ts';
import { QueryError } from '../../src/query/query-error.ts';

type Doc = Record<string, unknown>;
/** -1/0/1, or undefined when the two cannot be compared (null, a type mismatch, an unknown enum value). */
type Order = -1 | 0 | 1 | undefined;

/** Compares strings the way both databases do: by UTF-8 bytes, not UTF-16 code units. */
export function byteCompare(a: string, b: string): -1 | 0 | 1 {
  return Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))) as -1 | 0 | 1;
}

export const asciiUpper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
export const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** Walks a wire-shaped document along a path; anything missing is undefined. */
export function lookup(doc: unknown, path: readonly string[]): unknown {
  let at = doc;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Doc)[key];
  }
  return at;
}

interface Operand {
  /** 'json' for an untyped JSON leaf. */
  type: ScalarType | 'json';
  /** null for null or missing; objects and arrays stay as they are. */
  value: unknown;
  property: ResolvedProperty;
}

function operand(ref: PropertyRef, doc: Doc, spec: ListSpec): Operand {
  const property = spec.resolve(ref.path);
  if (!property) throw new QueryError('filter', `unknown property '${ref.path.join('/')}'`, ref.position);
  const value = lookup(doc, ref.path) ?? null;
  const type = property.kind === 'json' ? 'json' : property.type;
  if (!ref.transform) return { type, value, property };
  if (type === 'integer' || type === 'number' || type === 'boolean') {
    throw new QueryError('filter', `${ref.transform}() on a ${type} property`, ref.position);
  }
  const mapped = typeof value !== 'string' ? null : ref.transform === 'toupper' ? asciiUpper(value) : asciiLower(value);
  return { type: 'string', value: mapped, property };
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** An instant as (UTC seconds text, all fraction digits), so literals finer than microseconds stay exact. */
function instant(text: string): [string, string] | undefined {
  const date = parseDate(text);
  if (date !== null) return [`${date}T00:00:00`, ''];
  const ts = parseTimestamp(text);
  if (!ts) return undefined;
  const fraction = /T[^.]*\.(\d+)/i.exec(text)?.[1] ?? '';
  return [ts.value.slice(0, 19), fraction];
}

function compareInstants(a: [string, string], b: [string, string]): -1 | 0 | 1 {
  const bySeconds = byteCompare(a[0], b[0]);
  if (bySeconds !== 0) return bySeconds;
  const width = Math.max(a[1].length, b[1].length);
  return byteCompare(a[1].padEnd(width, '0'), b[1].padEnd(width, '0'));
}

function literalText(l: Literal): string | undefined {
  return l.type === 'string' || l.type === 'timestamp' || l.type === 'date' ? l.value : undefined;
}

function compare(o: Operand, l: Literal): Order {
  const v = o.value;
  if (v === null || l.type === 'null') return undefined;
  switch (o.type) {
    case 'string':
      return l.type === 'string' ? byteCompare(v as string, l.value) : undefined;
    case 'enum': {
      if (l.type !== 'string' || o.property.kind !== 'scalar') return undefined;
      const canonical = o.property.values.find((c) => c.toLowerCase() === l.value.toLowerCase());
      return canonical === undefined ? undefined : byteCompare(v as string, canonical);
    }
    case 'integer':
    case 'number':
      return l.type === 'number' ? sign((v as number) - l.value) : undefined;
    case 'boolean': {
      const b = l.type === 'boolean' ? l.value : quotedBoolean(l);
      return b === undefined ? undefined : sign(Number(v) - Number(b));
    }
    case 'timestamp':
    case 'date': {
      const text = literalText(l);
      const lit = text === undefined ? undefined : instant(text);
      return lit && compareInstants(instant(v as string)!, lit);
    }
    case 'json':
      return compareJson(v, l);
  }
}

function compareJson(v: unknown, l: Literal): Order {
  if (l.type === 'number') return typeof v === 'number' ? sign(v - l.value) : undefined;
  if (l.type === 'boolean') return typeof v === 'boolean' ? sign(Number(v) - Number(l.value)) : undefined;
  const quoted = quotedBoolean(l);
  if (quoted !== undefined && typeof v === 'boolean') return sign(Number(v) - Number(quoted));
  if (typeof v !== 'string') return undefined;
  if (l.type === 'string' || l.type === 'date') return byteCompare(v, l.value);
  if (l.type !== 'timestamp') return undefined;
  // A literal finer than microseconds sits just above its truncation.
  const ts = parseTimestamp(l.value)!;
  const c = byteCompare(v, ts.value);
  return c === 0 && !ts.exact ? -1 : c;
}

/** A quoted 'true'/'false' (any case) also stands for the boolean. */
function quotedBoolean(l: Literal): boolean | undefined {
  if (l.type !== 'string') return undefined;
  return /^true$/i.test(l.value) ? true : /^false$/i.test(l.value) ? false : undefined;
}

const isNull = (o: Operand): boolean => o.value === null;

function holds(op: string, o: Operand, l: Literal): boolean {
  if (l.type === 'null') return op === 'eq' ? isNull(o) : op === 'ne' ? !isNull(o) : false;
  const c = compare(o, l);
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'gt':
      return c === 1;
    case 'ge':
      return c === 1 || c === 0;
    case 'lt':
      return c === -1;
    default:
      return c === -1 || c === 0;
  }
}

function contains(o: Operand, l: Literal): boolean {
  if (l.type !== 'string' || typeof o.value !== 'string') return false;
  if (o.type === 'enum') return o.value.toLowerCase().includes(l.value.toLowerCase());
  return ['string', 'timestamp', 'date', 'json'].includes(o.type) && o.value.includes(l.value);
}

/** Whether a wire-shaped document matches a filter; null (no filter) matches everything. */
export function evaluate(node: FilterNode | null, doc: Doc, spec: ListSpec): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => evaluate(c, doc, spec));
    case 'or':
      return node.children.some((c) => evaluate(c, doc, spec));
    case 'not':
      return !evaluate(node.child, doc, spec);
    case 'compare':
      return holds(node.op, operand(node.property, doc, spec), node.value);
    case 'in': {
      const o = operand(node.property, doc, spec);
      return node.values.some((l) => holds('eq', o, l));
    }
    case 'contains':
      return contains(operand(node.property, doc, spec), node.value);
  }
}
