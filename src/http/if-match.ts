// Optimistic concurrency: If-Match carries the `generation` the client last saw (conventions §8), quoted
// or not, possibly weak; `*` matches any. A mismatch answers 412 and changes nothing.
import { ComError } from './com-error.ts';

export function checkIfMatch(header: string | string[] | undefined, generation: number): void {
  const value = (Array.isArray(header) ? header.join(',') : header)?.trim();
  if (!value || value === '*') return;
  const tags = value.split(',').map((t) => t.trim().replace(/^W\//i, '').replace(/^"(.*)"$/, '$1'));
  if (tags.includes(String(generation))) return;
  throw new ComError('PRECONDITION_FAILED', `If-Match ${value} does not match the current generation ${generation}`, [
    {
      type: 'hpe.greenlake.precondition_failed',
      issues: [{ source: 'header', subject: 'If-Match', description: `current generation is ${generation}` }],
    },
  ]);
}
