// Parser: both COM grammars, mixed, every literal kind, precedence, and where malformed filters fail.
import { describe, expect, it } from 'vitest';
import { QueryError } from '../query-error.ts';
import type { ComparisonOp, FilterNode, Literal, Transform } from './ast.ts';
import { parseFilter } from './parser.ts';

/** The tree without source positions, which these tests do not pin down (error tests do). */
function parse(text: string): unknown {
  return JSON.parse(JSON.stringify(parseFilter(text), (k, v) => (k === 'position' ? undefined : v)));
}

const prop = (path: string, transform?: Transform) => ({ path: path.split('/'), ...(transform ? { transform } : {}) });
const str = (value: string): Literal => ({ type: 'string', value });
const num = (value: number): Literal => ({ type: 'number', value });
const bool = (value: boolean): Literal => ({ type: 'boolean', value });
const nul: Literal = { type: 'null' };
const ts = (value: string): Literal => ({ type: 'timestamp', value });
const date = (value: string): Literal => ({ type: 'date', value });
const cmp = (path: string, op: ComparisonOp, value: Literal, transform?: Transform) => ({ kind: 'compare', op, property: prop(path, transform), value });
const inn = (path: string, ...values: Literal[]) => ({ kind: 'in', property: prop(path), values });
const contains = (path: string, value: Literal, transform?: Transform) => ({ kind: 'contains', property: prop(path, transform), value });
const and = (...children: unknown[]) => ({ kind: 'and', children });
const or = (...children: unknown[]) => ({ kind: 'or', children });
const not = (child: unknown) => ({ kind: 'not', child });

function errorAt(text: string): number | undefined {
  try {
    parseFilter(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).parameter).toBe('filter');
    expect((err as QueryError).message).toContain(`position ${(err as QueryError).position}`);
    return (err as QueryError).position;
  }
  throw new Error(`expected '${text}' to be rejected`);
}

describe('parseFilter: empty', () => {
  it.each(['', '   ', '\t\n'])('%j means no filter', (text) => expect(parseFilter(text)).toBeNull());
});

describe('parseFilter: OData infix grammar', () => {
  it.each<[string, unknown]>([
    ["name eq 'x'", cmp('name', 'eq', str('x'))],
    ["name ne 'x'", cmp('name', 'ne', str('x'))],
    ['generation gt 3', cmp('generation', 'gt', num(3))],
    ['generation ge -3', cmp('generation', 'ge', num(-3))],
    ['score lt 3.14', cmp('score', 'lt', num(3.14))],
    ['score le -0.5', cmp('score', 'le', num(-0.5))],
    ['state/managed eq true', cmp('state/managed', 'eq', bool(true))],
    ['autoAddTags/Department eq false', cmp('autoAddTags/Department', 'eq', bool(false))],
    ['name eq null', cmp('name', 'eq', nul)],
    ['createdAt gt 2025-03-15T00:00:00.0Z', cmp('createdAt', 'gt', ts('2025-03-15T00:00:00.0Z'))],
    ['createdAt lt 2019-10-12T07:20:50.52934852Z', cmp('createdAt', 'lt', ts('2019-10-12T07:20:50.52934852Z'))],
    ['createdAt ge 2019-10-12T07:20:50+02:00', cmp('createdAt', 'ge', ts('2019-10-12T07:20:50+02:00'))],
    ['createdAt ge 2019-10-12t07:20:50.1-05:30', cmp('createdAt', 'ge', ts('2019-10-12t07:20:50.1-05:30'))],
    ['supportEndDate le 2024-07-01', cmp('supportEndDate', 'le', date('2024-07-01'))],
    ["id eq 'P06760-B21+2M212504P8'", cmp('id', 'eq', str('P06760-B21+2M212504P8'))],
    ["name eq 'it''s'", cmp('name', 'eq', str("it's"))],
    ["name eq ''''", cmp('name', 'eq', str("'"))],
    ["name eq ''", cmp('name', 'eq', str(''))],
    ["name eq 'a and b or not c eq 1'", cmp('name', 'eq', str('a and b or not c eq 1'))],
    ["name eq '(x)'", cmp('name', 'eq', str('(x)'))],
    ["severity in ('Critical','Warning')", inn('severity', str('Critical'), str('Warning'))],
    ['generation in [3, 4, 5]', inn('generation', num(3), num(4), num(5))],
    ['generation in (3)', inn('generation', num(3))],
    ["name in ('a', null)", inn('name', str('a'), nul)],
    ["contains(name,'Test policy')", contains('name', str('Test policy'))],
    ["contains(createdAt,'2019')", contains('createdAt', str('2019'))],
    ["tolower(name) eq 'robin'", cmp('name', 'eq', str('robin'), 'tolower')],
    ["toupper(host/hostname) ne 'X'", cmp('host/hostname', 'ne', str('X'), 'toupper')],
    ["contains(toupper(name),'AB')", contains('name', str('AB'), 'toupper')],
    ["toupper(tolower(name)) eq 'A'", cmp('name', 'eq', str('A'), 'toupper')],
    ['not name eq null', not(cmp('name', 'eq', nul))],
    ["not contains(name,'x')", not(contains('name', str('x')))],
    ['not not a eq 1', not(not(cmp('a', 'eq', num(1))))],
    ['not (a eq 1 or b eq 2)', not(or(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2))))],
    ['a eq 1 and b eq 2', and(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2)))],
    ['a eq 1 or b eq 2', or(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2)))],
    ['a eq 1 and b eq 2 and c eq 3', and(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2)), cmp('c', 'eq', num(3)))],
  ])('%s', (text, expected) => expect(parse(text)).toEqual(expected));

  it('parses tolower(x) in (...) keeping the transform', () => {
    expect(parse("tolower(name) in ('a')")).toEqual({ kind: 'in', property: prop('name', 'tolower'), values: [str('a')] });
  });
});

describe('parseFilter: precedence () > not > and > or', () => {
  const a = cmp('a', 'eq', num(1));
  const b = cmp('b', 'eq', num(2));
  const c = cmp('c', 'eq', num(3));
  it.each<[string, unknown]>([
    ['a eq 1 or b eq 2 and c eq 3', or(a, and(b, c))],
    ['a eq 1 and b eq 2 or c eq 3', or(and(a, b), c)],
    ['(a eq 1 or b eq 2) and c eq 3', and(or(a, b), c)],
    ['not a eq 1 and b eq 2', and(not(a), b)],
    ['not a eq 1 or b eq 2', or(not(a), b)],
    ['a eq 1 and not b eq 2', and(a, not(b))],
    ['not (a eq 1 and b eq 2) or c eq 3', or(not(and(a, b)), c)],
    ['((a eq 1))', a],
    ['a eq 1 or (b eq 2 or c eq 3)', or(a, or(b, c))],
  ])('%s', (text, expected) => expect(parse(text)).toEqual(expected));
});

describe('parseFilter: function grammar', () => {
  it.each<[string, unknown]>([
    ["eq(applianceId,'d42c')", cmp('applianceId', 'eq', str('d42c'))],
    ["eq(applianceId, 'd42c')", cmp('applianceId', 'eq', str('d42c'))],
    ['ne(a,1)', cmp('a', 'ne', num(1))],
    ['gt(a,1.5)', cmp('a', 'gt', num(1.5))],
    ['ge(a, -1)', cmp('a', 'ge', num(-1))],
    ['lt(createdAt,2024-07-01T00:00:00Z)', cmp('createdAt', 'lt', ts('2024-07-01T00:00:00Z'))],
    ['le(d,2024-07-01)', cmp('d', 'le', date('2024-07-01'))],
    ['eq(a,null)', cmp('a', 'eq', nul)],
    ["in(state,'a','b')", inn('state', str('a'), str('b'))],
    ["in(state,  'a',\n'b')", inn('state', str('a'), str('b'))],
    ["contains(name,'v')", contains('name', str('v'))],
    ["eq(toupper(name),'V')", cmp('name', 'eq', str('V'), 'toupper')],
    [
      "and(eq(applianceType,'VM'),eq(state,'connected'))",
      and(cmp('applianceType', 'eq', str('VM')), cmp('state', 'eq', str('connected'))),
    ],
    ["or(eq(a,1), eq(b,2), eq(c,3))", or(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2)), cmp('c', 'eq', num(3)))],
    ['not(eq(a,1))', not(cmp('a', 'eq', num(1)))],
    ['and(eq(a,1))', and(cmp('a', 'eq', num(1)))],
    ['and(or(eq(a,1),eq(b,2)),not(eq(c,3)))', and(or(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2))), not(cmp('c', 'eq', num(3))))],
  ])('%s', (text, expected) => expect(parse(text)).toEqual(expected));
});

describe('parseFilter: grammars mixed', () => {
  it.each<[string, unknown]>([
    ['eq(a,1) and b eq 2', and(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2)))],
    ['and(a eq 1, b eq 2 or c eq 3)', and(cmp('a', 'eq', num(1)), or(cmp('b', 'eq', num(2)), cmp('c', 'eq', num(3))))],
    ['not eq(a,1)', not(cmp('a', 'eq', num(1)))],
    ['or(not a eq 1, b in (1,2))', or(not(cmp('a', 'eq', num(1))), inn('b', num(1), num(2)))],
  ])('%s', (text, expected) => expect(parse(text)).toEqual(expected));
});

describe('parseFilter: keywords ignore case, properties do not', () => {
  it.each<[string, unknown]>([
    ['a EQ 1 AND b Eq 2', and(cmp('a', 'eq', num(1)), cmp('b', 'eq', num(2)))],
    ['NOT a eq NULL OR b eq TRUE', or(not(cmp('a', 'eq', nul)), cmp('b', 'eq', bool(true)))],
    ["EQ(a,'x')", cmp('a', 'eq', str('x'))],
    ["Contains(ToUpper(a),'X')", contains('a', str('X'), 'toupper')],
    ["a IN ('x')", inn('a', str('x'))],
    ['Name eq False', cmp('Name', 'eq', bool(false))],
  ])('%s', (text, expected) => expect(parse(text)).toEqual(expected));

  it('treats operator-named properties as properties where a property is expected', () => {
    expect(parse("name eq 'x' and in eq 1")).toEqual(and(cmp('name', 'eq', str('x')), cmp('in', 'eq', num(1))));
    expect(parse("eq eq 'x'")).toEqual(cmp('eq', 'eq', str('x')));
  });

  it('reserves and/or/not, which cannot name a property', () => {
    expect(errorAt("or eq 'x'")).toBe(0);
    expect(errorAt("a eq 1 and and eq 'x'")).toBe(11);
  });

  it('records where each property starts', () => {
    const node = parseFilter("a eq 1 and  toupper(bc/d) eq 'X'") as FilterNode & { kind: 'and' };
    expect((node.children[1] as { property: { position: number } }).property.position).toBe(12);
  });
});

describe('parseFilter: errors carry the position of the problem', () => {
  it.each<[string, number]>([
    ["name eq 'x')", 11],
    ["(name eq 'x'", 12],
    ["name eq 'x", 8],
    ["name eq 'it''s", 8],
    ['name eq', 7],
    ['name eq ', 8],
    ['name eq )', 8],
    ['name eq other', 8],
    ["name 'x'", 5],
    ["name equals 'x'", 5],
    ["name eq 'x' and", 15],
    ["name eq 'x' and or b eq 1", 16],
    ["and name eq 'x'", 0],
    ["eq 'x'", 3],
    ["'x' eq name", 0],
    ['name eq 12abc', 8],
    ['createdAt gt 2024-07', 13],
    ['createdAt gt 2024-13-01', 13],
    ['createdAt gt 2024-02-30T00:00:00Z', 13],
    ['createdAt gt 2024-02-01T25:00:00Z', 13],
    ['createdAt gt 2024-02-01T00:00:00+0200', 13],
    ['a eq 1.', 5],
    ['a eq -', 5],
    ['a eq #', 5],
    ['a/ eq 1', 2],
    ['a//b eq 1', 2],
    ['a/1 eq 1', 2],
    ['a in ()', 6],
    ["a in ('x'", 9],
    ["a in ('x']", 9],
    ["a in 'x'", 5],
    ['eq(a 1)', 5],
    ['eq(a,1', 6],
    ['eq(a,1,2)', 6],
    ["in(a)", 4],
    ['and()', 4],
    ['and(a eq 1,)', 11],
    ["foo(a,'x')", 0],
    ["contains(name)", 13],
    ["eq(contains(a,'x'),true)", 3],
    ["name eq 'x' name eq 'y'", 12],
    ['not', 3],
    ['()', 1],
    ['a eq 1 or', 9],
    ["toupper(name) 'x'", 14],
    ['contains(name,x)', 14],
  ])('%j fails at %d', (text, position) => expect(errorAt(text)).toBe(position));

  it('reports an unterminated string by where it starts', () => {
    expect(() => parseFilter("a eq 'x' and b eq 'y")).toThrow(/unterminated string starting at position 18/);
  });

  it('rejects absurd nesting instead of overflowing the stack', () => {
    const deep = '('.repeat(5000) + 'a eq 1' + ')'.repeat(5000);
    expect(errorAt(deep)).toBeGreaterThan(0);
    expect(errorAt('not '.repeat(5000) + 'a eq 1')).toBeGreaterThan(0);
  });
});
