// runCursorQuery against the real store: keyset pages without overlap or gaps, the following page's cursor,
// totals, limit 0, cursors that name nothing, and bad parameters rejected before any SQL runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../test/helpers/test-store.ts';
import type { Db } from '../store/store.ts';
import { cursorEnvelope, runCursorQuery, type CursorQuery, type KeysetKey } from './cursor-query.ts';
import { defineListSpec } from './list-spec.ts';
import { QueryError } from './query-error.ts';

const spec = defineListSpec({
  idColumn: 'id',
  limit: { max: 10, default: 4 },
  properties: {
    id: { column: 'id', type: 'string' },
    kind: { column: 'kind', type: 'string' },
    createdAt: { column: 'created_at', type: 'timestamp' },
  },
});

const NEWEST_FIRST: readonly KeysetKey[] = [
  { column: 'created_at', descending: true },
  { column: 'id', descending: true },
];

interface Row extends Record<string, unknown> {
  id: string;
  kind: string;
  created_at: string;
}

function counting(db: Db): Db & { statements: string[] } {
  const statements: string[] = [];
  return {
    dialect: db.dialect,
    statements,
    all: (sql, params) => (statements.push(sql), db.all(sql, params)),
    get: (sql, params) => (statements.push(sql), db.get(sql, params)),
    run: (sql, params) => (statements.push(sql), db.run(sql, params)),
  } as Db & { statements: string[] };
}

describe('runCursorQuery', () => {
  let t: TestStore;
  const scope = { sql: 'workspace_id = ?', params: ['w1'] };
  const page = (q: Partial<CursorQuery>, db: Db = t.store) => runCursorQuery<Row>(db, { from: 'ops', scope, spec, order: NEWEST_FIRST, ...q });
  /** w1's ids newest first: equal timestamps come in pairs, so the id must break ties. */
  let expected: string[];

  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate([
      {
        id: 'cursor-001',
        up: (ty) => [`CREATE TABLE ops (id ${ty.text} PRIMARY KEY, workspace_id ${ty.text} NOT NULL, kind ${ty.text} NOT NULL, created_at ${ty.timestamp} NOT NULL)`],
      },
    ]);
    const rows: Row[] = [];
    for (let i = 0; i < 13; i++) {
      const row = { id: `op${String(i).padStart(2, '0')}`, kind: i % 3 === 0 ? 'even' : 'odd', created_at: `2024-07-${String(1 + Math.floor(i / 2)).padStart(2, '0')}T00:00:00.000000Z` };
      await t.store.run('INSERT INTO ops VALUES (?, ?, ?, ?)', [row.id, i < 11 ? 'w1' : 'w2', row.kind, row.created_at]);
      if (i < 11) rows.push(row);
    }
    expected = rows.sort((a, b) => (a.created_at === b.created_at ? b.id.localeCompare(a.id) : b.created_at.localeCompare(a.created_at))).map((r) => r.id);
  });
  afterAll(() => t.dispose());

  it('walks every row once, in order, and ends with a null cursor', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    for (let i = 0; i < 10; i++) {
      const p = (await page({ limit: '3', next }))!;
      expect(p.total).toBe(11);
      seen.push(...p.rows.map((r) => r.id));
      if (p.next === null) break;
      expect(p.rows).toHaveLength(3);
      next = p.next;
    }
    expect(seen).toEqual(expected);
  });

  it('names the first row of the following page as the cursor', async () => {
    const first = (await page({ limit: '4' }))!;
    expect(first.next).toBe(expected[4]);
    const second = (await page({ limit: '4', next: first.next! }))!;
    expect(second.rows[0]!.id).toBe(expected[4]);
  });

  it('answers a page holding everything with a null cursor and no COUNT', async () => {
    const db = counting(t.store);
    const p = (await page({ limit: '10', filter: "kind eq 'even'" }, db))!;
    expect(p.rows.map((r) => r.id)).toEqual(expected.filter((id) => Number(id.slice(2)) % 3 === 0));
    expect(p).toMatchObject({ next: null, total: 4, limit: 10 });
    expect(db.statements).toHaveLength(1);
  });

  it('keeps a cursor valid when the row it names no longer matches the filter', async () => {
    const first = (await page({ limit: '2' }))!;
    const cursorRow = first.next!;
    const p = (await page({ limit: '10', next: cursorRow, filter: `id ne '${cursorRow}'` }))!;
    expect(p.rows.map((r) => r.id)).toEqual(expected.slice(3));
    expect(p.total).toBe(10);
  });

  it('answers limit=0 with the total and the cursor of the first row', async () => {
    const p = (await page({ limit: '0' }))!;
    expect(p).toEqual({ rows: [], total: 11, limit: 0, next: expected[0] });
    expect(cursorEnvelope([], p)).toEqual({ count: 0, next: expected[0], total: 11, items: [] });
  });

  it('clamps the limit and applies the default', async () => {
    expect((await page({ limit: '5000' }))!.rows).toHaveLength(10);
    expect((await page({}))!.rows).toHaveLength(4);
  });

  it('answers an empty collection with total 0 and no cursor', async () => {
    expect(await page({ filter: "kind eq 'none'" })).toEqual({ rows: [], total: 0, limit: 4, next: null });
  });

  it('walks ascending orders too', async () => {
    const order: KeysetKey[] = [
      { column: 'kind', descending: false },
      { column: 'id', descending: true },
    ];
    const first = (await page({ order, limit: '5' }))!;
    const rest = (await page({ order, limit: '10', next: first.next! }))!;
    const kindOf = (id: string) => (Number(id.slice(2)) % 3 === 0 ? 'even' : 'odd');
    const byKindThenIdDesc = [...expected].sort((x, y) => kindOf(x).localeCompare(kindOf(y)) || y.localeCompare(x));
    expect([...first.rows, ...rest.rows].map((r) => r.id)).toEqual(byKindThenIdDesc);
  });

  it('returns undefined for a cursor outside the scope', async () => {
    expect(await page({ next: 'op12' })).toBeUndefined();
    expect(await page({ next: 'nothing' })).toBeUndefined();
  });

  it.each<[Partial<CursorQuery>, string]>([
    [{ filter: "kind eq 'x" }, 'filter'],
    [{ filter: 'nonsense eq 1' }, 'filter'],
    [{ limit: '-1' }, 'limit'],
    [{ limit: 'all', next: 'op01' }, 'limit'],
  ])('rejects %j before running any SQL', async (q, parameter) => {
    const db = counting(t.store);
    const error = await page(q, db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).parameter).toBe(parameter);
    expect(db.statements).toEqual([]);
  });

  it('refuses an order that does not end with the id column', async () => {
    await expect(page({ order: [{ column: 'created_at', descending: true }] })).rejects.toThrow(/id column/);
  });
});
