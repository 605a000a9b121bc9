// The one hook every COM route runs, attached to COM routes only: Accept check, bearer authentication and
// permission, workspace (Tenant-Acid), then the per-client rate limit. One hook instead of five keeps the
// per-request cost low; the order matters (the limit is keyed on the authenticated client).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IdentityService } from '../identity/identity-service.ts';
import type { TokenService } from '../identity/tokens.ts';
import { createAuthenticator } from './auth.ts';
import { ComError } from './com-error.ts';
import { acceptsJson } from './content-negotiation.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import './request-context.ts';
import { createTenancyResolver } from './tenancy.ts';

export type ComGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The onRequest handler mountVersion attaches to every COM route. */
    comGuard: ComGuard;
  }
}

export interface ComGuardOptions {
  identity: IdentityService;
  tokens: TokenService;
  rateLimit: RateLimitOptions;
}

export const comGuardPlugin = fp(async function comGuard(app: FastifyInstance, opts: ComGuardOptions) {
  const authenticate = createAuthenticator(opts.identity, opts.tokens);
  const resolveWorkspace = createTenancyResolver(opts.identity);
  const limit = await createRateLimiter(app, opts.rateLimit);

  app.decorate('comGuard', async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (!acceptsJson(request.headers.accept)) throw new ComError('NOT_ACCEPTABLE');
    await authenticate(request);
    await resolveWorkspace(request);
    if (limit) await limit(request, reply);
  });
});
