// Offset paging (conventions §5): `offset` and `limit` are non-negative integers; a limit above the list's
// maximum is clamped rather than rejected, so clients that ask for "everything" still get a page.
import type { LimitBounds } from './list-spec.ts';
import { QueryError } from './query-error.ts';

export interface Paging {
  offset: number;
  limit: number;
}

/** The offset envelope (`resourceCollection2`) every paged list answers with. */
export interface CollectionEnvelope<T> {
  offset: number;
  count: number;
  total: number;
  items: T[];
}

function nonNegativeInteger(parameter: 'offset' | 'limit', text: string): number {
  if (!/^[0-9]+$/.test(text)) throw new QueryError(parameter, `${parameter} must be a non-negative integer, not '${text}'`);
  const n = Number(text);
  // Digits alone can still overflow a double; such an offset is past any real collection, such a limit is clamped.
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Absent or empty → 0. */
export function parseOffset(text: string | undefined): number {
  return text === undefined || text === '' ? 0 : nonNegativeInteger('offset', text);
}

/** Absent or empty → the default; above the maximum → the maximum. */
export function parseLimit(text: string | undefined, bounds: LimitBounds): number {
  if (text === undefined || text === '') return bounds.default;
  return Math.min(nonNegativeInteger('limit', text), bounds.max);
}

export function parsePaging(query: { offset?: string | undefined; limit?: string | undefined }, bounds: LimitBounds): Paging {
  return { offset: parseOffset(query.offset), limit: parseLimit(query.limit, bounds) };
}

export function envelope<T>(items: T[], offset: number, total: number): CollectionEnvelope<T> {
  return { offset, count: items.length, total, items };
}
