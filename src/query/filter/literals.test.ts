// Timestamp and date literals onto the stored scales.
import { describe, expect, it } from 'vitest';
import { parseDate, parseTimestamp, toStoredDate, toStoredTimestamp } from './literals.ts';

describe('parseTimestamp', () => {
  it.each<[string, string, boolean]>([
    ['2025-03-15T00:00:00.0Z', '2025-03-15T00:00:00.000000Z', true],
    ['2025-03-15T00:00:00Z', '2025-03-15T00:00:00.000000Z', true],
    ['2025-03-15T00:00Z', '2025-03-15T00:00:00.000000Z', true],
    ['2025-03-15T00:00:00', '2025-03-15T00:00:00.000000Z', true],
    ['2025-03-15t10:11:12.5z', '2025-03-15T10:11:12.500000Z', true],
    ['2019-10-12T07:20:50.52934852Z', '2019-10-12T07:20:50.529348Z', false],
    ['2019-10-12T07:20:50.52934800Z', '2019-10-12T07:20:50.529348Z', true],
    ['2024-07-01T01:30:00+02:00', '2024-06-30T23:30:00.000000Z', true],
    ['2024-12-31T20:00:00-05:30', '2025-01-01T01:30:00.000000Z', true],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000000Z', true],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000000Z', true],
  ])('%s → %s', (text, value, exact) => expect(parseTimestamp(text)).toEqual({ value, exact }));

  it.each([
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:60:00Z',
    '2024-01-01T00:00:60Z',
    '2024-01-01T00:00:00+24:00',
    '0000-01-01T00:00:00+01:00',
    '2024-01-01',
    '2024-01-01T00:00:00.Z',
    'soon',
  ])('rejects %s', (text) => expect(parseTimestamp(text)).toBeNull());
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2100-02-29')).toBeNull();
    expect(parseDate('2024-7-1')).toBeNull();
  });
  it('puts dates and timestamps on the timestamp scale', () => {
    expect(toStoredTimestamp('2024-07-01')).toEqual({ value: '2024-07-01T00:00:00.000000Z', exact: true });
    expect(toStoredTimestamp('x')).toBeNull();
  });
  it('puts timestamps on the date scale, exact only at midnight UTC', () => {
    expect(toStoredDate('2024-07-01')).toEqual({ value: '2024-07-01', exact: true });
    expect(toStoredDate('2024-07-01T00:00:00Z')).toEqual({ value: '2024-07-01', exact: true });
    expect(toStoredDate('2024-07-01T00:00:00.000001Z')).toEqual({ value: '2024-07-01', exact: false });
    expect(toStoredDate('2024-07-01T01:00:00+02:00')).toEqual({ value: '2024-06-30', exact: false });
    expect(toStoredDate('nope')).toBeNull();
  });
});
