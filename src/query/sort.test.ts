// sort: parsing, errors, and the compiled ORDER BY giving one order on both dialects (nulls last, JSON leaves
// grouped by kind, id tiebreak), checked against a JavaScript comparator on random documents.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteCompare, lookup } from '../../test/helpers/filter-reference.ts';
import { openTestStore, type TestStore } from '../../test/helpers/test-store.ts';
import { defineListSpec, type ResolvedProperty } from './list-spec.ts';
import { QueryError } from './query-error.ts';
import { compileSort, parseSort, type SortKey } from './sort.ts';

const spec = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: { max: 100, default: 10 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    generation: { column: 'generation', type: 'integer' },
    'state/managed': { column: 'managed', type: 'boolean' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    severity: { column: 'severity', type: 'enum', values: ['OK', 'Warning', 'CRITICAL'] },
    secret: { column: 'secret', type: 'string', sortable: false },
    hardware: { json: 'hardware' },
  },
});

const describeKeys = (keys: SortKey[]) => keys.map((k) => `${k.property.path}${k.descending ? ' desc' : ''}`);

function errorOf(text: string): QueryError {
  try {
    parseSort(text, spec);
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    return err as QueryError;
  }
  throw new Error(`expected '${text}' to be rejected`);
}

describe('parseSort', () => {
  it.each<[string, string[]]>([
    ['name', ['name']],
    ['name asc', ['name']],
    ['name desc', ['name desc']],
    ['name DESC', ['name desc']],
    ['name,createdAt desc', ['name', 'createdAt desc']],
    ['  name  desc ,  generation ', ['name desc', 'generation']],
    ['hardware/health/summary desc', ['hardware/health/summary desc']],
    ['state/managed', ['state/managed']],
    ['', []],
    ['   ', []],
  ])('%j', (text, expected) => expect(describeKeys(parseSort(text, spec))).toEqual(expected));

  it.each<[string, number, RegExp]>([
    ['nme', 0, /unknown property 'nme'/],
    ['name, bogus desc', 6, /unknown property 'bogus'/],
    ['secret', 0, /cannot be sorted/],
    ['name:asc', 0, /name:asc/],
    ['name asc desc', 0, /expected/],
    ['name,', 5, /missing/],
    ['name,,id', 5, /missing/],
    ['name sideways', 0, /expected/],
    ['name/', 0, /expected/],
  ])('rejects %j at %d', (text, position, message) => {
    const err = errorOf(text);
    expect(err.parameter).toBe('sort');
    expect(err.position).toBe(position);
    expect(err.message).toMatch(message);
  });
});

describe('compileSort', () => {
  it('puts nulls last and always ends with the id', () => {
    expect(compileSort(parseSort('name,generation desc', spec), spec, 'sqlite')).toBe('name ASC NULLS LAST, generation DESC NULLS LAST, id ASC');
  });
  it("falls back to the spec's default sort, then to the id alone", () => {
    expect(compileSort([], spec, 'postgres')).toBe('created_at DESC NULLS LAST, id ASC');
    const bare = defineListSpec({ idColumn: 'pk', limit: { max: 1, default: 1 }, properties: {} });
    expect(compileSort([], bare, 'sqlite')).toBe('pk ASC');
  });
  it('rejects a spec whose default sort is invalid at definition time', () => {
    expect(() => defineListSpec({ idColumn: 'id', defaultSort: 'nope', limit: { max: 1, default: 1 }, properties: {} })).toThrow(/defaultSort/);
  });
});

const JSON_RANK = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3);

/** The documented order, written independently of the SQL. */
function compareBy(key: { property: ResolvedProperty; descending: boolean }, a: Record<string, unknown>, b: Record<string, unknown>): number {
  const path = key.property.path.split('/');
  const va = lookup(a, path) ?? null;
  const vb = lookup(b, path) ?? null;
  const dir = key.descending ? -1 : 1;
  const values = (x: unknown, y: unknown) =>
    typeof x === 'string' ? byteCompare(x, y as string) : Math.sign(Number(x) - Number(y));
  if (key.property.kind === 'json') {
    const [ra, rb] = [JSON_RANK(va), JSON_RANK(vb)];
    if (ra !== rb) return ra - rb;
    return ra === 3 ? 0 : dir * values(va, vb);
  }
  if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
  return dir * values(va, vb);
}

describe('compiled ORDER BY on the database', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate([
      {
        id: 'sort-001',
        up: (ty) => [
          `CREATE TABLE docs (id ${ty.text} PRIMARY KEY, name ${ty.text}, generation ${ty.int}, managed ${ty.bool},
            created_at ${ty.timestamp}, severity ${ty.text}, secret ${ty.text}, hardware ${ty.json})`,
        ],
      },
    ]);
  });
  afterAll(() => t.dispose());

  const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
  const leaf = fc.oneof(fc.constantFrom('a', 'B', 'b', 'é', '😀', 'ｱ', ''), fc.constantFrom(-1, 0, 2, 2.5, 10), fc.boolean(), fc.constant(null), fc.constant({ x: 1 }), fc.constant([1]));
  const docArb = fc.record({
    name: option(fc.constantFrom('a', 'A', 'b', 'é', '😀', 'ｱ')),
    generation: option(fc.integer({ min: -2, max: 2 })),
    state: fc.record({ managed: option(fc.boolean()) }),
    createdAt: option(fc.constantFrom('2024-07-01T00:00:00.000000Z', '2024-07-01T00:00:00.500000Z', '2019-01-01T00:00:00.000000Z')),
    severity: option(fc.constantFrom('OK', 'Warning', 'CRITICAL')),
    hardware: option(fc.record({ k: leaf, o: fc.record({ k: leaf }, { requiredKeys: [] }) }, { requiredKeys: [] })),
  });
  const keyArb = fc.record({
    path: fc.constantFrom('name', 'generation', 'state/managed', 'createdAt', 'severity', 'hardware/k', 'hardware/o/k', 'hardware', 'hardware/o'),
    desc: fc.boolean(),
  });

  it('orders like the reference comparator', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(docArb, { minLength: 2, maxLength: 20 }), fc.array(keyArb, { minLength: 1, maxLength: 3 }), async (docs, keys) => {
        const withIds = docs.map((d, i) => ({ id: `d${String(i).padStart(2, '0')}`, ...d }));
        await t.store.transaction(async (tx) => {
          await tx.run('DELETE FROM docs');
          for (const d of withIds) {
            await tx.run('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
              d.id, d.name, d.generation, d.state.managed, d.createdAt, d.severity, null, d.hardware === null ? null : JSON.stringify(d.hardware),
            ]);
          }
        });
        const text = keys.map((k) => `${k.path}${k.desc ? ' desc' : ''}`).join(',');
        const parsed = parseSort(text, spec);
        const rows = await t.store.all<{ id: string }>(`SELECT id FROM docs ORDER BY ${compileSort(parsed, spec, t.store.dialect)}`);
        const expected = [...withIds]
          .sort((a, b) => {
            for (const key of parsed) {
              const c = compareBy(key, a, b);
              if (c !== 0) return c;
            }
            return byteCompare(a.id, b.id);
          })
          .map((d) => d.id);
        expect({ text, ids: rows.map((r) => r.id) }).toEqual({ text, ids: expected });
      }),
      { numRuns: 120 },
    );
  });
});
