// select: parsing and trimming of plain JSON resources, nested and through arrays.
import { describe, expect, it } from 'vitest';
import { QueryError } from './query-error.ts';
import { applySelect, parseSelect } from './select.ts';

const server = {
  id: 'P1+S1',
  type: 'compute-ops-mgmt/server',
  name: 'S1',
  hardware: { model: 'DL380', health: { summary: 'OK', fans: 'OK' }, memoryMb: 4096 },
  interfaces: [
    { name: 'eth0', mac: 'aa' },
    { name: 'eth1', mac: 'bb', ipv4: [{ address: '10.0.0.1', mask: 24 }] },
    { mac: 'cc' },
    'junk',
    null,
  ],
  tags: ['a', 'b'],
  host: null,
};

describe('parseSelect', () => {
  it.each<[string, string[][]]>([
    ['name', [['name']]],
    ['id,name', [['id'], ['name']]],
    [' id , hardware/health/summary ', [['id'], ['hardware', 'health', 'summary']]],
    ['', []],
    ['  ', []],
  ])('%j', (text, expected) => expect(parseSelect(text)).toEqual(expected));

  it.each<[string, number]>([
    ['name,', 5],
    [',name', 0],
    ['id, ,name', 3],
    ['hardware/', 0],
    ['a b', 0],
    ['id,na-me', 3],
    ['/id', 0],
  ])('rejects %j at %d', (text, position) => {
    try {
      parseSelect(text);
      throw new Error('expected a QueryError');
    } catch (err) {
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).parameter).toBe('select');
      expect((err as QueryError).position).toBe(position);
    }
  });
});

describe('applySelect', () => {
  const select = (text: string) => applySelect(server, parseSelect(text));

  it('keeps top-level properties in the resource order', () => {
    expect(Object.keys(select('name,id'))).toEqual(['id', 'name']);
    expect(select('name,id')).toEqual({ id: 'P1+S1', name: 'S1' });
  });
  it('keeps whole subtrees and nested paths', () => {
    expect(select('hardware/health')).toEqual({ hardware: { health: { summary: 'OK', fans: 'OK' } } });
    expect(select('hardware/health/summary,hardware/memoryMb')).toEqual({ hardware: { health: { summary: 'OK' }, memoryMb: 4096 } });
  });
  it('a shorter path wins over a longer one in either order', () => {
    expect(select('hardware,hardware/model')).toEqual({ hardware: server.hardware });
    expect(select('hardware/model,hardware')).toEqual({ hardware: server.hardware });
  });
  it('trims arrays of objects element-wise, keeping positions of objects and dropping non-objects', () => {
    expect(select('interfaces/name')).toEqual({ interfaces: [{ name: 'eth0' }, { name: 'eth1' }, {}] });
    expect(select('interfaces/ipv4/address')).toEqual({ interfaces: [{}, { ipv4: [{ address: '10.0.0.1' }] }, {}] });
  });
  it('keeps arrays and nulls selected as a whole', () => {
    expect(select('tags,host')).toEqual({ tags: ['a', 'b'], host: null });
  });
  it('omits what the resource lacks, and objects with nothing selected in them', () => {
    expect(select('nothing,hardware/nothing,host/x,name/x')).toEqual({});
  });
  it('does not mutate its input, and an empty selection selects nothing', () => {
    const copy = structuredClone(server);
    select('hardware/model');
    expect(server).toEqual(copy);
    expect(applySelect(server, [])).toEqual({});
  });
  it('cannot be used to replace the prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const out = applySelect(hostile, parseSelect('__proto__,a'));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ a: 1 });
  });
});
