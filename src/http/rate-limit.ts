// Rate limiting per API client (GreenLake's rule, conventions §10) with ratelimit-* headers and a 429 that
// carries retry_info and Retry-After. Generous by default: a single automation script must never hit it.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ComError } from './com-error.ts';
import './request-context.ts';

export interface RateLimitOptions {
  /** Requests per window per client; 0 disables limiting. */
  max: number;
  windowMs: number;
}

export const rateLimitPlugin = fp(async function comRateLimit(app: FastifyInstance, opts: RateLimitOptions) {
  if (opts.max <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: opts.max,
    timeWindow: opts.windowMs,
    // After authentication, so the key is the API client, not the address.
    hook: 'preValidation',
    enableDraftSpec: true,
    keyGenerator: (request) => request.principal?.clientId ?? request.principal?.userId ?? request.ip,
    allowList: (request) => !request.routeOptions.config.com && !request.url.startsWith('/as/') && !request.url.startsWith('/authorization/'),
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
});
