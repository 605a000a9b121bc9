// compileFilter by example against the real database: each documented semantic rule, the SQL shapes that keep
// indexes usable, and the errors. Every example is also checked against the reference evaluator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../test/helpers/filter-reference.ts';
import { openTestStore, type TestStore } from '../../../test/helpers/test-store.ts';
import { QueryError } from '../query-error.ts';
import { compileFilter } from './compile-sql.ts';
import { spec } from './compile-sql.fixtures.ts';
import { parseFilter } from './parser.ts';


interface Doc {
  id: string;
  name: string | null;
  generation: number | null;
  score: number | null;
  state: { managed: boolean | null };
  createdAt: string | null;
  supportEndDate: string | null;
  severity: string | null;
  hardware: unknown;
}

const DOCS: Doc[] = [
  { id: 'a', name: 'Alpha', generation: 3, score: 1.5, state: { managed: true }, createdAt: '2024-07-01T00:00:00.000000Z', supportEndDate: '2024-07-01', severity: 'OK', hardware: { health: { summary: 'OK' }, memoryMb: 4096, tpm: true, tags: ['x'] } },
  { id: 'b', name: 'beta', generation: 4, score: null, state: { managed: false }, createdAt: '2024-07-01T12:30:00.529348Z', supportEndDate: '2024-07-02', severity: 'Warning', hardware: { health: { summary: 'WARNING' }, memoryMb: '4096', tpm: false } },
  { id: 'c', name: null, generation: null, score: 2, state: { managed: null }, createdAt: null, supportEndDate: null, severity: null, hardware: null },
  { id: 'd', name: 'ÉCOLE_50%', generation: 5, score: -0.5, state: { managed: true }, createdAt: '2019-10-12T07:20:50.529348Z', supportEndDate: '2019-10-12', severity: 'CRITICAL', hardware: { health: null, memoryMb: 512.5, tpm: 1, label: 'ｱ' } },
  { id: 'e', name: "it's", generation: 0, score: 0, state: { managed: false }, createdAt: '2025-03-15T00:00:00.000000Z', supportEndDate: '2025-03-15', severity: 'OK', hardware: { health: { summary: 'ok' }, label: '😀' } },
  { id: 'f', name: 'école', generation: -2, score: 3.25, state: { managed: true }, createdAt: '2024-06-30T22:00:00.000000Z', supportEndDate: '2024-06-30', severity: 'Warning', hardware: { health: 'OK', label: 'école' } },
];

describe('compileFilter', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate([
      {
        id: 'filter-ex-001',
        up: (ty) => [
          `CREATE TABLE docs (id ${ty.text} PRIMARY KEY, name ${ty.text}, generation ${ty.int}, score ${ty.real},
            managed ${ty.bool}, created_at ${ty.timestamp}, support_end ${ty.text}, severity ${ty.text}, hardware ${ty.json})`,
          'CREATE INDEX docs_name ON docs (name)',
          'CREATE INDEX docs_created ON docs (created_at)',
        ],
      },
    ]);
    for (const d of DOCS) {
      await t.store.run('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        d.id, d.name, d.generation, d.score, d.state.managed, d.createdAt, d.supportEndDate, d.severity,
        d.hardware === null ? null : JSON.stringify(d.hardware),
      ]);
    }
  });
  afterAll(() => t.dispose());

  async function ids(filter: string): Promise<string> {
    const node = parseFilter(filter);
    const { sql, params } = compileFilter(node, spec, t.store.dialect);
    const rows = await t.store.all<{ id: string }>(`SELECT id FROM docs WHERE ${sql} ORDER BY id`, params);
    const found = rows.map((r) => r.id).join('');
    const reference = DOCS.filter((d) => evaluate(node, d as unknown as Record<string, unknown>, spec)).map((d) => d.id).join('');
    expect(found, `reference evaluator on ${filter}`).toBe(reference);
    return found;
  }

  it.each<[string, string, string]>([
    ['null equals only itself', 'name eq null', 'c'],
    ['ne is true on null', "name ne 'Alpha'", 'bcdef'],
    ['null is not ordered', 'generation gt null', ''],
    ['not over an ordering is true on null', 'not generation gt 3', 'acef'],
    ['"is populated" idiom', 'not name eq null', 'abdef'],
    ['De Morgan keeps nulls out', "not (name eq 'Alpha' or generation lt 4)", 'bcd'],
    ['types must match: string vs integer', "generation eq '3'", ''],
    ['types must match: ne is then true', "generation ne '3'", 'abcdef'],
    ['decimal against an integer column', 'generation lt 3.5', 'aef'],
    ['decimal ge against an integer column', 'generation ge 3.5', 'bd'],
    ['decimal eq against an integer column', 'generation eq 3.0', 'a'],
    ['integer beyond every column value', 'generation lt 12345678901234567000', 'abdef'],
    ['integers and decimals are both numbers', 'score ge 1.5', 'acf'],
    ['booleans', 'state/managed eq true', 'adf'],
    ['boolean ne includes null', 'state/managed ne true', 'bce'],
    ['booleans are ordered false < true', 'state/managed lt true', 'be'],
    ['a quoted boolean is a boolean (servers.md §0.4)', "state/managed eq 'true'", 'adf'],
    ['a quoted boolean in any case', "state/managed in ('TRUE','False')", 'abdef'],
    ['enum ignores case', "severity eq 'warning'", 'bf'],
    ['enum unknown value matches nothing', "severity eq 'warn'", ''],
    ['enum unknown value: ne matches all', "severity ne 'warn'", 'abcdef'],
    ['enum in ignores case', "severity in ('ok', 'CRITICAL', 'nope')", 'ade'],
    ['enum contains ignores case', "contains(severity, 'ARN')", 'bf'],
    ['contains is case-sensitive', "contains(name, 'lph')", 'a'],
    ['contains is not LIKE', "contains(name, '_5')", 'd'],
    ['contains percent literally', "contains(name, '%')", 'd'],
    ['not contains is true on null', "not contains(name, 'a')", 'cdef'],
    ['contains on a timestamp tests the stored text', "contains(createdAt, '2019')", 'd'],
    ['contains needs a string literal', 'contains(generation, 3)', ''],
    ['toupper is ASCII-only', "toupper(name) eq 'éCOLE'", 'f'],
    ['tolower is ASCII-only', "tolower(name) eq 'École_50%'", 'd'],
    ['toupper on an enum', "toupper(severity) eq 'WARNING'", 'bf'],
    ['quotes in strings', "name eq 'it''s'", 'e'],
    ['timestamp with offset is normalised', 'createdAt eq 2024-07-01T02:00:00+02:00', 'a'],
    ['timestamp with few digits', 'createdAt eq 2024-07-01T00:00:00.0Z', 'a'],
    ['bare date against a timestamp = midnight UTC', 'createdAt ge 2024-07-01', 'abe'],
    ['quoted timestamp against a timestamp', "createdAt lt '2024-07-01T00:00:00Z'", 'df'],
    ['sub-microsecond literal: eq', 'createdAt eq 2019-10-12T07:20:50.52934852Z', ''],
    ['sub-microsecond literal: lt', 'createdAt lt 2019-10-12T07:20:50.52934852Z', 'd'],
    ['sub-microsecond literal: ge', 'createdAt ge 2019-10-12T07:20:50.52934852Z', 'abef'],
    ['trailing zeros are exact', 'createdAt eq 2019-10-12T07:20:50.52934800Z', 'd'],
    ['date property against a date', 'supportEndDate le 2024-07-01', 'adf'],
    ['date property against a mid-day timestamp', 'supportEndDate ge 2024-07-01T12:00:00Z', 'be'],
    ['date property against midnight', 'supportEndDate eq 2024-07-01T02:00:00+02:00', 'a'],
    ['date property against a string that is no date', "supportEndDate eq 'soon'", ''],
    ['JSON path', "hardware/health/summary eq 'OK'", 'a'],
    ['JSON strings compare case-sensitively', "hardware/health/summary gt 'OK'", 'be'],
    ['JSON number matches only numbers', 'hardware/memoryMb eq 4096', 'a'],
    ['JSON string matches only strings', "hardware/memoryMb eq '4096'", 'b'],
    ['JSON numbers ordered', 'hardware/memoryMb lt 1000', 'd'],
    ['JSON booleans match only booleans', 'hardware/tpm eq true', 'a'],
    ['JSON boolean ne', 'hardware/tpm ne false', 'acdef'],
    ['JSON quoted boolean matches the boolean', "hardware/tpm eq 'true'", 'a'],
    ['JSON missing path is null', 'hardware/health/summary eq null', 'cdf'],
    ['JSON null is null', 'hardware/health eq null', 'cd'],
    ['JSON object is not null', 'not hardware/health eq null', 'abef'],
    ['JSON object equals no literal', "hardware/health ne 'OK'", 'abcde'],
    ['JSON leaf through a scalar is missing', 'hardware/health/summary/x eq null', 'abcdef'],
    ['JSON contains', "contains(hardware/health/summary, 'ARN')", 'b'],
    ['JSON toupper', "toupper(hardware/health/summary) eq 'OK'", 'ae'],
    ['JSON toupper of a non-string is null', 'toupper(hardware/memoryMb) eq null', 'acdef'],
    ['JSON toupper is ASCII-only', "toupper(hardware/label) eq 'éCOLE'", 'f'],
    ['JSON strings compare by UTF-8 bytes', "hardware/label gt 'ｱ'", 'e'],
    ['JSON in mixes kinds', "hardware/memoryMb in (4096, '4096')", 'ab'],
    ['whole JSON column is populated', 'not hardware eq null', 'abdef'],
    ['in with null', "name in ('Alpha', null)", 'ac'],
    ['not in with null', "not name in ('Alpha', null)", 'bdef'],
    ['not in is true on null', "not name in ('Alpha', 'beta')", 'cdef'],
    ['function grammar', "and(eq(state/managed,true),not(eq(severity,'ok')))", 'df'],
  ])('%s: %s', async (_rule, filter, expected) => {
    expect(await ids(filter)).toBe(expected);
  });

  it('compiles no filter to an always-true condition', async () => {
    expect(compileFilter(null, spec, t.store.dialect)).toEqual({ sql: '1 = 1', params: [] });
    expect(await ids('   ')).toBe('abcdef');
  });

  it('never writes literal values into the SQL', () => {
    const nasty = "x'); DROP TABLE docs; --";
    const { sql, params } = compileFilter(parseFilter(`name eq '${nasty.replace(/'/g, "''")}' or contains(hardware/a, 'zz9')`), spec, t.store.dialect);
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('zz9');
    expect(params).toEqual([nasty, 'zz9']);
  });

  it('keeps plain-column comparisons index-friendly', () => {
    const c = (f: string) => compileFilter(parseFilter(f), spec, 'sqlite').sql;
    expect(c("name eq 'x'")).toBe('name = ?');
    expect(c("name in ('x', 'y')")).toBe('name IN (?, ?)');
    expect(c('createdAt gt 2024-07-01')).toBe('created_at > ?');
    expect(c("severity eq 'ok'")).toBe('severity = ?');
    expect(c("name ne 'x'")).toBe('(name <> ? OR name IS NULL)');
    expect(c('not generation ge 3')).toBe('(generation < ? OR generation IS NULL)');
    expect(compileFilter(parseFilter('generation eq 3'), spec, 'postgres').sql).toBe('generation = CAST(? AS BIGINT)');
  });

  it('folds conditions that cannot depend on the row', () => {
    const c = (f: string) => compileFilter(parseFilter(f), spec, 'sqlite');
    expect(c("generation eq '3' and name eq 'x'").sql).toBe('1 = 0');
    expect(c("generation eq '3' or name eq 'x'")).toEqual({ sql: 'name = ?', params: ['x'] });
  });

  it('uses an index for eq, in and ranges', async () => {
    const plan = async (filter: string): Promise<string> => {
      const { sql, params } = compileFilter(parseFilter(filter), spec, t.store.dialect);
      const query = `SELECT id FROM docs WHERE ${sql}`;
      if (t.store.dialect === 'sqlite') {
        const rows = await t.store.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`, params);
        return rows.map((r) => r.detail).join('\n');
      }
      return t.store.transaction(async (tx) => {
        await tx.run('SET LOCAL enable_seqscan = off');
        const rows = await tx.all<Record<string, string>>(`EXPLAIN ${query}`, params);
        return rows.map((r) => Object.values(r)[0]).join('\n');
      });
    };
    expect(await plan("name eq 'Alpha'")).toMatch(/docs_name/);
    expect(await plan("name in ('Alpha', 'beta')")).toMatch(/docs_name/);
    expect(await plan('createdAt gt 2024-07-01T00:00:00Z')).toMatch(/docs_created/);
  });

  it('rejects unknown properties, naming them and where they are', () => {
    const err = (() => {
      try {
        compileFilter(parseFilter("name eq 'x' and hardwar/x eq 1"), spec, 'sqlite');
      } catch (e) {
        return e as QueryError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(QueryError);
    expect(err!.parameter).toBe('filter');
    expect(err!.position).toBe(16);
    expect(err!.message).toContain("'hardwar/x'");
    expect(() => compileFilter(parseFilter('state eq null'), spec, 'sqlite')).toThrow(QueryError);
    expect(() => compileFilter(parseFilter('name/x eq null'), spec, 'sqlite')).toThrow(/unknown property 'name\/x'/);
  });

  it('rejects toupper/tolower on non-text properties', () => {
    expect(() => compileFilter(parseFilter('toupper(generation) eq 1'), spec, 'sqlite')).toThrow(QueryError);
    expect(() => compileFilter(parseFilter('contains(tolower(state/managed), 1)'), spec, 'postgres')).toThrow(/needs a text property/);
  });
});
