// Store contract: the same behaviour on SQLite and PostgreSQL (run the suite with TEST_DATABASE_URL for the latter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from './helpers/test-store.ts';

describe('store contract', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate([
      {
        id: 'contract-001',
        up: (ty) => [`CREATE TABLE things (id ${ty.text} PRIMARY KEY, n ${ty.int} NOT NULL, flag ${ty.bool} NOT NULL, doc ${ty.json})`],
      },
    ]);
  });
  afterAll(() => t.dispose());

  it('migrations are recorded and not applied twice', async () => {
    await t.store.migrate([{ id: 'contract-001', up: () => ['CREATE TABLE things (id TEXT)'] }]);
    const rows = await t.store.all<{ id: string }>('SELECT id FROM schema_migrations');
    expect(rows.map((r) => r.id)).toEqual(['contract-001']);
  });

  it('commits a transaction as a whole', async () => {
    await t.store.transaction(async (tx) => {
      await tx.run('INSERT INTO things (id, n, flag) VALUES (?, ?, ?)', ['a', 1, true]);
      await tx.run('INSERT INTO things (id, n, flag) VALUES (?, ?, ?)', ['b', 2, false]);
    });
    const rows = await t.store.all<{ id: string; n: number }>('SELECT id, n FROM things ORDER BY id');
    expect(rows).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
  });

  it('rolls a failed transaction back entirely', async () => {
    await expect(
      t.store.transaction(async (tx) => {
        await tx.run('INSERT INTO things (id, n, flag) VALUES (?, ?, ?)', ['c', 3, true]);
        await tx.run('INSERT INTO things (id, n, flag) VALUES (?, ?, ?)', ['a', 9, true]); // duplicate key
      }),
    ).rejects.toThrow();
    const row = await t.store.get('SELECT id FROM things WHERE id = ?', ['c']);
    expect(row).toBeUndefined();
  });

  it('does not let readers see uncommitted rows of a running transaction', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = t.store.transaction(async (db) => {
      await db.run('INSERT INTO things (id, n, flag) VALUES (?, ?, ?)', ['d', 4, true]);
      await gate;
    });
    const seen = t.store.get('SELECT id FROM things WHERE id = ?', ['d']);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await tx;
    // SQLite readers wait for the transaction; PostgreSQL readers see the committed snapshot before it.
    const row = await seen;
    expect(row === undefined || (row as { id: string }).id === 'd').toBe(true);
    expect(await t.store.get('SELECT id FROM things WHERE id = ?', ['d'])).toEqual({ id: 'd' });
  });

  it('round-trips booleans and JSON the same way on both dialects', async () => {
    await t.store.run('INSERT INTO things (id, n, flag, doc) VALUES (?, ?, ?, ?)', ['e', 5, false, { a: [1, 2] }]);
    const row = await t.store.get<{ flag: unknown; doc: unknown }>('SELECT flag, doc FROM things WHERE id = ?', ['e']);
    expect(Boolean(row!.flag)).toBe(false);
    const doc = typeof row!.doc === 'string' ? JSON.parse(row!.doc) : row!.doc;
    expect(doc).toEqual({ a: [1, 2] });
  });
});
