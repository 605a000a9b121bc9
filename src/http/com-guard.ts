// The one hook every COM route runs, attached to COM routes only: Accept check, bearer authentication and
// permission, workspace (Tenant-Acid), then the per-client rate limit. One hook instead of five keeps the
// per-request cost low; the order matters (the limit is keyed on the authenticated client).
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import type { IdentityService } from '../identity/identity-service.ts';
import type { TokenService } from '../identity/tokens.ts';
import { createAuthenticator } from './auth.ts';
import { ComError } from './com-error.ts';
import { acceptsJson } from './content-negotiation.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import './request-context.ts';
import { createTenancyResolver } from './tenancy.ts';

export type ComGuard = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;

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
  const limit = createRateLimiter(opts.rateLimit);

  async function finishTenancyAndLimit(request: FastifyRequest, reply: FastifyReply, pending: Promise<void>): Promise<void> {
    await pending;
    limit?.(request, reply);
  }

  async function finishAll(request: FastifyRequest, reply: FastifyReply, pending: Promise<void>): Promise<void> {
    await pending;
    const resolving = resolveWorkspace(request);
    if (resolving) await resolving;
    limit?.(request, reply);
  }

  // A callback hook: with a cached token and principal and no Tenant-Acid every step settles synchronously, and
  // the request goes on without a promise; any step that has to wait continues the rest in one async function.
  app.decorate('comGuard', function guard(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
    let pending: Promise<void> | undefined;
    try {
      if (!acceptsJson(request.headers.accept)) throw new ComError('NOT_ACCEPTABLE');
      const authenticating = authenticate(request);
      if (authenticating) pending = finishAll(request, reply, authenticating);
      else {
        const resolving = resolveWorkspace(request);
        if (resolving) pending = finishTenancyAndLimit(request, reply, resolving);
        else limit?.(request, reply);
      }
    } catch (err) {
      done(err as Error);
      return;
    }
    if (pending) pending.then(() => done(), (err: Error) => done(err));
    else done();
  });
});
