// The deferred per-request logger: lines at enabled levels carry the request's bindings, lines below the level
// write nothing, and a child of it still carries both sets of bindings.
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { deferredChildLoggerFactory } from './request-logger.ts';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const parent = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const child = deferredChildLoggerFactory.call(undefined as never, parent, { reqId: 'req-1' }, {}, undefined as never);
  return { lines, child, parent };
}

describe('deferred request logger', () => {
  it('writes enabled levels with the request id and drops the others', () => {
    const { lines, child, parent } = capture('info');
    const children = vi.spyOn(parent, 'child');
    child.debug('not written');
    child.trace({ a: 1 }, 'not written');
    // A request that logs nothing at an enabled level never pays for a pino child.
    expect(children).not.toHaveBeenCalled();
    child.info({ route: '/x' }, 'served');
    child.warn('slow');
    child.error(new Error('boom'), 'failed');
    expect(lines.map((l) => [l['level'], l['msg'], l['reqId']])).toEqual([
      [30, 'served', 'req-1'],
      [40, 'slow', 'req-1'],
      [50, 'failed', 'req-1'],
    ]);
    expect(lines[0]).toMatchObject({ route: '/x' });
    expect(lines[2]).toMatchObject({ err: { message: 'boom' } });
    expect(children).toHaveBeenCalledTimes(1);
  });

  it('reports the parent level until it has a child of its own, and its children keep every binding', () => {
    const { lines, child } = capture('warn');
    expect(child.level).toBe('warn');
    child.level = 'debug';
    expect(child.level).toBe('debug');
    child.debug('now written');
    child.child({ job: 'j-1' }).info('from a child');
    expect(lines.map((l) => [l['msg'], l['reqId'], l['job']])).toEqual([
      ['now written', 'req-1', undefined],
      ['from a child', 'req-1', 'j-1'],
    ]);
  });
});
