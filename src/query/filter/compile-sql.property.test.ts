// The compiled SQL must select exactly the documents the reference evaluator accepts, on the database the suite
// runs on: random documents (every column type, nulls, a JSON column of mixed nested scalars and missing keys)
// and random filters, printed in either grammar and parsed back.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../test/helpers/filter-reference.ts';
import { printFilter, type PrintMode } from '../../../test/helpers/filter-printer.ts';
import { openTestStore, type TestStore } from '../../../test/helpers/test-store.ts';
import type { ComparisonOp, FilterNode, Literal, PropertyRef } from './ast.ts';
import { compileFilter } from './compile-sql.ts';
import { spec } from './compile-sql.fixtures.ts';
import { parseFilter } from './parser.ts';


// Small pools so that random filters hit random documents often; the strings probe case, quoting, LIKE
// wildcards and UTF-8 versus UTF-16 ordering (U+1F600 sorts above U+FF71 in UTF-8 only).
const STRINGS = ['', 'a', 'A', 'ab', 'Ab', 'abc', 'ABC', 'b', 'é', 'É', "it's", '50%', 'a_c', '😀', 'ｱ', 'ok', 'OK', 'warning', 'true', 'False'];
const TIMESTAMPS = [
  '2019-10-12T07:20:50.529348Z',
  '2024-06-30T22:00:00.000000Z',
  '2024-07-01T00:00:00.000000Z',
  '2024-07-01T12:30:00.500000Z',
  '2025-03-15T00:00:00.000000Z',
];
const DATES = ['2024-06-30', '2024-07-01', '2024-07-02', '2025-03-15'];
const INTEGERS = [-3, -1, 0, 1, 2, 3, 5];
const DECIMALS = [-1.5, 0.1, 0.25, 0.30000000000000004, 2.5];

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const leaf = fc.oneof(
  fc.constantFrom(...STRINGS, ...TIMESTAMPS, ...DATES),
  fc.constantFrom(...INTEGERS, ...DECIMALS),
  fc.boolean(),
  fc.constant(null),
);
const KEYS = ['a', 'b', 'c'];
const jsonObject = (inner: fc.Arbitrary<unknown>) =>
  fc.record(Object.fromEntries(KEYS.map((k) => [k, inner])), { requiredKeys: [] });
const jsonValue = fc.oneof(
  { weight: 4, arbitrary: jsonObject(fc.oneof({ weight: 4, arbitrary: leaf }, jsonObject(leaf), fc.array(leaf, { maxLength: 2 }))) },
  { weight: 1, arbitrary: leaf },
);

const docArb = fc.record({
  name: option(fc.constantFrom(...STRINGS)),
  generation: option(fc.constantFrom(...INTEGERS)),
  score: option(fc.constantFrom(...INTEGERS, ...DECIMALS)),
  state: fc.record({ managed: option(fc.boolean()) }),
  createdAt: option(fc.constantFrom(...TIMESTAMPS)),
  supportEndDate: option(fc.constantFrom(...DATES)),
  severity: option(fc.constantFrom('OK', 'Warning', 'CRITICAL')),
  hardware: option(jsonValue),
});
type Doc = typeof docArb extends fc.Arbitrary<infer D> ? D : never;

/** Writes a stored instant the many ways a client may: other offsets, fewer or more fraction digits, lower case. */
const timestampText = fc
  .record({
    base: fc.constantFrom(...TIMESTAMPS),
    offset: fc.constantFrom(0, 120, -330),
    digits: fc.constantFrom(-1, 0, 1, 6, 8),
    extra: fc.constantFrom('', '00', '52'),
    lower: fc.boolean(),
  })
  .map(({ base, offset, digits, extra, lower }) => {
    const local = new Date(Date.parse(base.slice(0, 19) + 'Z') + offset * 60_000).toISOString().slice(0, 19);
    const micros = base.slice(20, 26);
    // Dropping digits is only faithful when they are zeros; otherwise keep them all.
    const keep = digits >= 0 && digits < 6 && !/^0*$/.test(micros.slice(digits)) ? 6 : digits;
    const fraction = keep < 0 ? '' : keep === 0 ? '' : `.${micros.slice(0, keep)}${keep >= 6 ? extra : ''}`;
    const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    const text = `${local}${fraction}${zone}`;
    return lower ? text.toLowerCase() : text;
  });

const str = (values: readonly string[]) => fc.constantFrom(...values).map((value) => ({ type: 'string', value }) as Literal);
const num = (values: readonly number[]) => fc.constantFrom(...values).map((value) => ({ type: 'number', value }) as Literal);
const booleanLit = fc.boolean().map((value) => ({ type: 'boolean', value }) as Literal);
const nullLit = fc.constant<Literal>({ type: 'null' });
const timestampLit = timestampText.map((value) => ({ type: 'timestamp', value }) as Literal);
const dateLit = fc.constantFrom(...DATES).map((value) => ({ type: 'date', value }) as Literal);
const instantLit = fc.oneof(timestampLit, dateLit, timestampText.map((value) => ({ type: 'string', value }) as Literal), str(DATES));

const anyLiteral: fc.Arbitrary<Literal> = fc.oneof(
  { weight: 3, arbitrary: str([...STRINGS, 'critical', 'Warn', 'x']) },
  { weight: 2, arbitrary: num([...INTEGERS, ...DECIMALS, 12345678901234567000]) },
  { weight: 1, arbitrary: booleanLit },
  { weight: 1, arbitrary: nullLit },
  { weight: 2, arbitrary: instantLit },
);

/** Per property: literals of its own type mostly, so filters often split the documents, and any literal sometimes. */
const FITTING: Record<string, fc.Arbitrary<Literal>> = {
  name: str(STRINGS),
  severity: str(['ok', 'OK', 'Warning', 'WARNING', 'critical', 'CRITICAL', 'Crit', 'unknown']),
  createdAt: instantLit,
  supportEndDate: instantLit,
  generation: num([...INTEGERS, 2.5, -0.5, 12345678901234567000]),
  score: num([...INTEGERS, ...DECIMALS]),
  'state/managed': booleanLit,
};
const TRANSFORMABLE = ['name', 'severity', 'createdAt', 'supportEndDate', 'hardware/a', 'hardware/b/a', 'hardware'];
const PATHS = [...Object.keys(FITTING), 'hardware', 'hardware/a', 'hardware/b', 'hardware/c', 'hardware/a/b', 'hardware/b/a'];

const literalFor = (path: string) => fc.oneof({ weight: 3, arbitrary: FITTING[path] ?? anyLiteral }, { weight: 1, arbitrary: fc.oneof(anyLiteral, nullLit) });

const atomArb: fc.Arbitrary<FilterNode> = fc.constantFrom(...PATHS).chain((path) => {
  const transform = TRANSFORMABLE.includes(path) ? fc.constantFrom(undefined, undefined, undefined, 'toupper', 'tolower') : fc.constant(undefined);
  const property = transform.map((t) => ({ path: path.split('/'), position: 0, ...(t ? { transform: t } : {}) }) as PropertyRef);
  const literal = literalFor(path);
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('compare' as const), op: fc.constantFrom<ComparisonOp>('eq', 'ne', 'gt', 'ge', 'lt', 'le'), property, value: literal }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('in' as const), property, values: fc.array(literal, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('contains' as const), property, value: fc.oneof(str([...STRINGS, '2024', 'T00', '-0', 'rit']), literal) }) },
  );
});

const filterArb = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    atomArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children) => ({ kind: 'and', children }) as FilterNode),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((children) => ({ kind: 'or', children }) as FilterNode),
    tie('node').map((child) => ({ kind: 'not', child }) as FilterNode),
  ),
})).node;

const printed = fc.record({ node: filterArb, mode: fc.constantFrom<PrintMode>('infix', 'function', 'mixed'), seed: fc.option(fc.nat(), { nil: undefined }) });

describe('compileFilter agrees with the reference evaluator', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate([
      {
        id: 'filter-prop-001',
        up: (ty) => [
          `CREATE TABLE docs (id ${ty.text} PRIMARY KEY, name ${ty.text}, generation ${ty.int}, score ${ty.real},
            managed ${ty.bool}, created_at ${ty.timestamp}, support_end ${ty.text}, severity ${ty.text}, hardware ${ty.json})`,
        ],
      },
    ]);
  });
  afterAll(() => t.dispose());

  async function load(docs: Doc[]): Promise<void> {
    await t.store.transaction(async (tx) => {
      await tx.run('DELETE FROM docs');
      if (docs.length === 0) return;
      const rows = docs.map((d, i) => [
        `d${String(i).padStart(3, '0')}`, d.name, d.generation, d.score, d.state.managed, d.createdAt, d.supportEndDate, d.severity,
        d.hardware === null ? null : JSON.stringify(d.hardware),
      ]);
      await tx.run(`INSERT INTO docs VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, rows.flat());
    });
  }

  it('for random documents and filters in both grammars', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(docArb, { minLength: 4, maxLength: 24 }), fc.array(printed, { minLength: 1, maxLength: 6 }), async (docs, filters) => {
        await load(docs);
        for (const { node, mode, seed } of filters) {
          const text = printFilter(node, { mode, ...(seed !== undefined ? { seed } : {}) });
          const reparsed = parseFilter(text);
          const { sql, params } = compileFilter(reparsed, spec, t.store.dialect);
          const rows = await t.store.all<{ id: string }>(`SELECT id FROM docs WHERE ${sql}`, params);
          const expected = docs.flatMap((d, i) => (evaluate(node, d, spec) ? [`d${String(i).padStart(3, '0')}`] : []));
          expect({ text, ids: rows.map((r) => r.id).sort() }).toEqual({ text, ids: expected });
        }
      }),
      { numRuns: 200 },
    );
  });
});
