// runListQuery against the real store: scope, filter, sort and paging together; COUNT only when needed; bad
// parameters rejected before any SQL runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../test/helpers/test-store.ts';
import type { Db } from '../store/store.ts';
import { prepareListQuery, runListQuery, type ListQuery } from './list-query.ts';
import { defineListSpec } from './list-spec.ts';
import { QueryError } from './query-error.ts';

const spec = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: { max: 10, default: 4 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    generation: { column: 'generation', type: 'integer' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    hardware: { json: 'hardware' },
  },
});

interface Row {
  id: string;
  name: string;
  generation: number;
}

/** Counts statements so tests can tell whether COUNT(*) ran, and that nothing ran before a 400. */
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

describe('runListQuery', () => {
  let t: TestStore;
  const scope = { sql: 'workspace_id = ?', params: ['w1'] };
  const list = (q: Partial<ListQuery>, db: Db = t.store) => runListQuery<Row>(db, { from: 'servers', scope, spec, ...q });

  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate([
      {
        id: 'list-001',
        up: (ty) => [
          `CREATE TABLE servers (id ${ty.text} PRIMARY KEY, workspace_id ${ty.text} NOT NULL, name ${ty.text},
            generation ${ty.int}, created_at ${ty.timestamp} NOT NULL, hardware ${ty.json})`,
        ],
      },
    ]);
    for (let i = 0; i < 23; i++) {
      const id = `s${String(i).padStart(2, '0')}`;
      const workspace = i < 17 ? 'w1' : 'w2';
      // Generations repeat so that sorting by them alone leaves ties the id must break.
      await t.store.run('INSERT INTO servers VALUES (?, ?, ?, ?, ?, ?)', [
        id, workspace, `srv-${i % 5}`, i % 3, `2024-07-${String(1 + (i % 9)).padStart(2, '0')}T00:00:00.000000Z`,
        JSON.stringify({ health: { summary: i % 4 === 0 ? 'WARNING' : 'OK' } }),
      ]);
    }
  });
  afterAll(() => t.dispose());

  it('applies the scope, the default limit and the default sort', async () => {
    const page = await list({});
    expect(page.total).toBe(17);
    expect(page.offset).toBe(0);
    expect(page.limit).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual(['s08', 's07', 's16', 's06']);
  });

  it('filters within the scope and counts what matches', async () => {
    const page = await list({ filter: "hardware/health/summary eq 'WARNING'", sort: 'id', limit: '10' });
    expect(page.rows.map((r) => r.id)).toEqual(['s00', 's04', 's08', 's12', 's16']);
    expect(page.total).toBe(5);
  });

  it('pages through ties without overlap or gaps', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 17; offset += 3) {
      const page = await list({ sort: 'generation desc', offset: String(offset), limit: '3' });
      expect(page.total).toBe(17);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
    const all = await list({ sort: 'generation desc', limit: '10' });
    expect(seen.slice(0, 10)).toEqual(all.rows.map((r) => r.id));
  });

  it('clamps a limit above the maximum', async () => {
    const page = await list({ limit: '5000' });
    expect(page.limit).toBe(10);
    expect(page.rows).toHaveLength(10);
  });

  it('answers limit=0 with the total only', async () => {
    const db = counting(t.store);
    const page = await list({ limit: '0' }, db);
    expect(page.rows).toEqual([]);
    expect(page.total).toBe(17);
    expect(db.statements).toHaveLength(1);
    expect(db.statements[0]).toMatch(/COUNT\(\*\)/);
  });

  it('skips COUNT when a short page already tells the total', async () => {
    const short = counting(t.store);
    expect((await list({ offset: '15', limit: '10' }, short)).total).toBe(17);
    expect(short.statements).toHaveLength(1);
    const full = counting(t.store);
    expect((await list({ offset: '0', limit: '10' }, full)).total).toBe(17);
    expect(full.statements).toHaveLength(2);
    const past = counting(t.store);
    const page = await list({ offset: '40' }, past);
    expect(page).toEqual({ rows: [], total: 17, offset: 40, limit: 4 });
    expect(past.statements).toHaveLength(2);
  });

  it('answers an empty result with total 0', async () => {
    const page = await list({ filter: "name eq 'nobody'" });
    expect(page).toEqual({ rows: [], total: 0, offset: 0, limit: 4 });
  });

  it('accepts a subquery as the source and a column list', async () => {
    const page = await runListQuery<{ id: string; name: string }>(t.store, {
      from: { sql: '(SELECT id, name, generation, created_at, hardware FROM servers WHERE workspace_id = ?) AS s', params: ['w1'] },
      scope: { sql: 'generation = ?', params: [0] },
      spec,
      columns: 'id, name',
      filter: "name ne 'srv-0'",
      sort: 'name desc',
    });
    // Generation 0 in w1: s00 s03 s06 s09 s12 s15, named srv-0 srv-3 srv-1 srv-4 srv-2 srv-0.
    expect(page.rows).toEqual([
      { id: 's09', name: 'srv-4' },
      { id: 's03', name: 'srv-3' },
      { id: 's12', name: 'srv-2' },
      { id: 's06', name: 'srv-1' },
    ]);
    expect(page.total).toBe(4);
  });

  it.each<[Partial<ListQuery>, string]>([
    [{ filter: "name eq 'x" }, 'filter'],
    [{ filter: 'nonsense eq 1' }, 'filter'],
    [{ sort: 'name:asc' }, 'sort'],
    [{ sort: 'nonsense' }, 'sort'],
    [{ offset: '-1' }, 'offset'],
    [{ limit: 'all' }, 'limit'],
  ])('rejects %j before running any SQL', async (q, parameter) => {
    const db = counting(t.store);
    const error = await list(q, db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).parameter).toBe(parameter);
    expect(db.statements).toEqual([]);
  });

  it('builds one SELECT (filter values bound, validated paging written inline) and one COUNT', () => {
    const prepared = prepareListQuery({ from: 'servers', scope, spec, filter: "name eq 'a'", sort: 'name', offset: '2', limit: '3' }, 'sqlite');
    expect(prepared.select).toEqual({
      sql: 'SELECT * FROM servers WHERE (workspace_id = ?) AND (name = ?) ORDER BY name ASC NULLS LAST, id ASC LIMIT 3 OFFSET 2',
      params: ['w1', 'a'],
    });
    expect(prepared.count).toEqual({ sql: 'SELECT COUNT(*) AS n FROM servers WHERE (workspace_id = ?) AND (name = ?)', params: ['w1', 'a'] });
  });
});
