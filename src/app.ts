// buildApp(deps): the Fastify instance with the platform plugins and every resource group. It never
// listens, so tests drive it with inject().
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.ts';
import { authPlugin } from './http/auth.ts';
import { comGuardPlugin } from './http/com-guard.ts';
import { contentNegotiationPlugin } from './http/content-negotiation.ts';
import { errorHandlerPlugin } from './http/error-handler.ts';
import { observabilityPlugin } from './http/observability.ts';
import { deferredChildLoggerFactory } from './http/request-logger.ts';
import { installSerializers } from './http/serialization.ts';
import { installValidators } from './http/validation.ts';
import type { IdentityService } from './identity/identity-service.ts';
import type { TokenService } from './identity/tokens.ts';
import { openapiPlugin } from './openapi/openapi-plugin.ts';
import { RESOURCE_GROUPS } from './resources/index.ts';
import type { Store } from './store/store.ts';
import { OPENCOM_VERSION } from './version.ts';

export interface AppDeps {
  config: Config;
  store: Store;
  identity: IdentityService;
  tokens: TokenService;
  /** pino options, or false for silence (tests). */
  logger?: boolean | { level: string };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    genReqId: () => randomUUID(),
    childLoggerFactory: deferredChildLoggerFactory,
    bodyLimit: deps.config.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  installValidators(app);
  installSerializers(app);

  await app.register(errorHandlerPlugin);
  await app.register(openapiPlugin, { version: OPENCOM_VERSION });
  await app.register(observabilityPlugin, { store: deps.store });
  await app.register(contentNegotiationPlugin);
  await app.register(authPlugin, {
    identity: deps.identity,
    tokens: deps.tokens,
    legacyTtlSeconds: deps.config.legacyTokenTtlSeconds,
    workspaceTtlSeconds: deps.config.workspaceTokenTtlSeconds,
  });
  await app.register(comGuardPlugin, { identity: deps.identity, tokens: deps.tokens, rateLimit: deps.config.rateLimit });

  const groupDeps = { config: deps.config, store: deps.store, identity: deps.identity };
  for (const group of RESOURCE_GROUPS) {
    await app.register(async (child) => group.register(child, groupDeps));
  }
  return app;
}
