// offset/limit: non-negative integers only; limit defaults and clamps; the envelope shape.
import { describe, expect, it } from 'vitest';
import { envelope, parseLimit, parseOffset, parsePaging } from './paging.ts';
import { QueryError } from './query-error.ts';

const bounds = { max: 100, default: 25 };

describe('parseOffset', () => {
  it.each<[string | undefined, number]>([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['7', 7],
    ['007', 7],
    ['123456789012345678901234567890', Number.MAX_SAFE_INTEGER],
  ])('%j → %d', (text, expected) => expect(parseOffset(text)).toBe(expected));

  it.each(['-1', '1.5', '1e3', ' 1', '1 ', '+1', 'abc', '0x10', 'NaN'])('rejects %j', (text) => {
    expect(() => parseOffset(text)).toThrow(QueryError);
    try {
      parseOffset(text);
    } catch (err) {
      expect((err as QueryError).parameter).toBe('offset');
    }
  });
});

describe('parseLimit', () => {
  it.each<[string | undefined, number]>([
    [undefined, 25],
    ['', 25],
    ['0', 0],
    ['1', 1],
    ['100', 100],
    ['101', 100],
    ['100000000000000000000000', 100],
  ])('%j → %d', (text, expected) => expect(parseLimit(text, bounds)).toBe(expected));

  it.each(['-1', '2.0', 'ten', '10abc'])('rejects %j', (text) => {
    try {
      parseLimit(text, bounds);
      throw new Error('expected a QueryError');
    } catch (err) {
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).parameter).toBe('limit');
    }
  });
});

describe('parsePaging and envelope', () => {
  it('parses both at once', () => {
    expect(parsePaging({ offset: '10', limit: '500' }, bounds)).toEqual({ offset: 10, limit: 100 });
    expect(parsePaging({}, bounds)).toEqual({ offset: 0, limit: 25 });
  });
  it('builds the offset envelope', () => {
    expect(envelope(['a', 'b'], 4, 12)).toEqual({ offset: 4, count: 2, total: 12, items: ['a', 'b'] });
    expect(envelope([], 0, 0)).toEqual({ offset: 0, count: 0, total: 0, items: [] });
  });
});
