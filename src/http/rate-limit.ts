// Rate limiting per API client (GreenLake's rule, conventions §10) with ratelimit-* headers and a 429 that
// carries retry_info and Retry-After. Generous by default: a single automation script must never hit it.
// @fastify/rate-limit does the counting; the COM guard calls its handler after authentication.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ComError } from './com-error.ts';
import './request-context.ts';

export interface RateLimitOptions {
  /** Requests per window per client; 0 disables limiting. */
  max: number;
  windowMs: number;
}

export type RateLimiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Registers the limiter on `app` and returns its request handler, or undefined when limiting is off. */
export async function createRateLimiter(app: FastifyInstance, opts: RateLimitOptions): Promise<RateLimiter | undefined> {
  if (opts.max <= 0) return undefined;
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ComError(
        'TOO_MANY_REQUESTS',
        `Rate limit of ${context.max} requests per ${context.after} exceeded; retry in ${retryAfterSeconds} s`,
        [{ type: 'hpe.greenlake.retry_info', retryAfterSeconds }],
        { 'retry-after': String(retryAfterSeconds) },
      );
    },
  });
  const handler = app.rateLimit({
    max: opts.max,
    timeWindow: opts.windowMs,
    keyGenerator: (request: FastifyRequest) => request.principal?.clientId ?? request.principal?.userId ?? request.ip,
  });
  return handler as unknown as RateLimiter;
}
