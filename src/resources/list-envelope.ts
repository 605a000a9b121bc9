// The offset envelope every list answers with, and `select` applied to each item (conventions §5, §7).
import type { FastifyReply } from 'fastify';
import { applySelect, parseSelect } from '../query/select.ts';

/** One page of hub models and where it sits in the whole result. */
export interface Page<T> {
  items: T[];
  offset: number;
  total: number;
}

export interface Envelope<W> {
  offset: number;
  count: number;
  total: number;
  items: W[];
}

/**
 * Maps a page to its wire envelope. With `select`, items are trimmed to the named properties, so the
 * reply is serialised as plain JSON: the response schema's required members are legitimately absent.
 */
export function listEnvelope<T, W>(reply: FastifyReply, page: Page<T>, map: (item: T) => W, select?: string): Envelope<W> {
  const mapped = page.items.map(map);
  const paths = select ? parseSelect(select) : [];
  const items = paths.length ? mapped.map((item) => applySelect(item as Record<string, unknown>, paths) as W) : mapped;
  if (paths.length) reply.serializer(JSON.stringify);
  return { offset: page.offset, count: items.length, total: page.total, items };
}
