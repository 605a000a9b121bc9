// defineListSpec: property resolution (scalars, JSON prefixes) and mistakes caught at definition time.
import { describe, expect, it } from 'vitest';
import { defineListSpec, type ListSpecInit } from './list-spec.ts';

const base: ListSpecInit = { idColumn: 'id', limit: { max: 100, default: 10 }, properties: {} };

describe('defineListSpec', () => {
  const spec = defineListSpec({
    ...base,
    properties: {
      name: { column: 'name', type: 'string' },
      'state/managed': { column: 'managed', type: 'boolean', sortable: false },
      severity: { column: 's.severity', type: 'enum', values: ['OK', 'Warning'] },
      hardware: { json: 'hw' },
      'hardware/bmc': { json: 'bmc' },
      'hardware/serial': { column: 'serial', type: 'string' },
    },
  });

  it('resolves scalars by their exact path', () => {
    expect(spec.resolve(['name'])).toMatchObject({ kind: 'scalar', column: 'name', type: 'string', sortable: true });
    expect(spec.resolve(['state', 'managed'])).toMatchObject({ kind: 'scalar', column: 'managed', sortable: false });
    expect(spec.resolve(['state'])).toBeUndefined();
    expect(spec.resolve(['name', 'x'])).toBeUndefined();
  });
  it('resolves any path below a JSON prefix, the longest prefix winning, exact scalars first', () => {
    expect(spec.resolve(['hardware'])).toMatchObject({ kind: 'json', column: 'hw', jsonPath: [] });
    expect(spec.resolve(['hardware', 'health', 'summary'])).toMatchObject({ kind: 'json', column: 'hw', jsonPath: ['health', 'summary'] });
    expect(spec.resolve(['hardware', 'bmc', 'ip'])).toMatchObject({ kind: 'json', column: 'bmc', jsonPath: ['ip'] });
    expect(spec.resolve(['hardware', 'serial'])).toMatchObject({ kind: 'scalar', column: 'serial' });
  });
  it('maps enum literals to canonical values ignoring case', () => {
    const severity = spec.resolve(['severity']);
    if (severity?.kind !== 'scalar') throw new Error('expected a scalar');
    expect(spec.canonicalEnum(severity, 'warning')).toBe('Warning');
    expect(spec.canonicalEnum(severity, 'nope')).toBeUndefined();
  });
  it.each<[string, Partial<ListSpecInit>]>([
    ['a path that is not one', { properties: { 'a//b': { column: 'a', type: 'string' } } }],
    ['a column that is SQL', { properties: { a: { column: 'a; DROP TABLE x', type: 'string' } } }],
    ['a JSON column that is SQL', { properties: { a: { json: "a->'x'" } } }],
    ['an enum without values', { properties: { a: { column: 'a', type: 'enum' } } }],
    ['enum values equal ignoring case', { properties: { a: { column: 'a', type: 'enum', values: ['OK', 'ok'] } } }],
    ['a default limit above the maximum', { limit: { max: 10, default: 11 } }],
    ['a negative limit', { limit: { max: 10, default: -1 } }],
    ['an id column that is SQL', { idColumn: 'id DESC' }],
    ['an invalid default sort', { defaultSort: 'missing desc' }],
  ])('rejects %s', (_what, override) => {
    expect(() => defineListSpec({ ...base, ...override })).toThrow(/list spec/);
  });
});
