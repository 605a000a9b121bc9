// Rate limiting per API client (GreenLake's rule, conventions §10) with ratelimit-* headers and a 429 that
// carries retry_info and Retry-After. Generous by default: a single automation script must never hit it.
// A fixed window per client, counted in memory and synchronously: the check runs on every COM request, and a
// plugin that awaits a store per request cost more than the rest of a small read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ComError } from './com-error.ts';
import './request-context.ts';

export interface RateLimitOptions {
  /** Requests per window per client; 0 disables limiting. */
  max: number;
  windowMs: number;
}

/** Counts the request against its client's window and sets the ratelimit-* headers; throws 429 when over. */
export type RateLimiter = (request: FastifyRequest, reply: FastifyReply) => void;

interface Window {
  count: number;
  resetAt: number;
}

// Clients are few, but the key falls back to the address; a bound keeps a scan of addresses from growing it.
const MAX_TRACKED_CLIENTS = 10_000;

function keyOf(request: FastifyRequest): string {
  return request.principal?.clientId ?? request.principal?.userId ?? request.ip;
}

/** The limiter of a whole app, or undefined when limiting is off. */
export function createRateLimiter(opts: RateLimitOptions): RateLimiter | undefined {
  if (opts.max <= 0) return undefined;
  const { max, windowMs } = opts;
  const limitHeader = String(max);
  const windows = new Map<string, Window>();

  function openWindow(key: string, now: number): Window {
    if (windows.size >= MAX_TRACKED_CLIENTS) {
      for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      // Still full of live windows: forget the oldest, which at worst restarts that client's count.
      if (windows.size >= MAX_TRACKED_CLIENTS) windows.delete(windows.keys().next().value!);
    }
    const window = { count: 0, resetAt: now + windowMs };
    windows.set(key, window);
    return window;
  }

  return function limit(request, reply) {
    const key = keyOf(request);
    const now = Date.now();
    let window = windows.get(key);
    if (!window) window = openWindow(key, now);
    else if (window.resetAt <= now) {
      window.count = 0;
      window.resetAt = now + windowMs;
    }
    const count = ++window.count;
    const resetSeconds = Math.ceil((window.resetAt - now) / 1000);
    reply.header('ratelimit-limit', limitHeader);
    if (count <= max) {
      reply.header('ratelimit-remaining', String(max - count));
      reply.header('ratelimit-reset', String(resetSeconds));
      return;
    }
    const retryAfterSeconds = Math.max(1, resetSeconds);
    reply.header('ratelimit-remaining', '0');
    reply.header('ratelimit-reset', String(resetSeconds));
    throw new ComError(
      'TOO_MANY_REQUESTS',
      `Rate limit of ${max} requests per ${Math.round(windowMs / 1000)} s exceeded; retry in ${retryAfterSeconds} s`,
      [{ type: 'hpe.greenlake.retry_info', retryAfterSeconds }],
      { 'retry-after': String(retryAfterSeconds) },
    );
  };
}
