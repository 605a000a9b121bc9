// Opens everything a running OpenCOM needs: the store (migrated), the identity bootstrap, the token
// signer and the HTTP app. Used by `opencom serve`, the tests and the benchmarks alike.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { bootstrapIdentity, type BootstrapResult } from './identity/bootstrap.ts';
import { IdentityService } from './identity/identity-service.ts';
import { identityMigrations } from './identity/migrations.ts';
import { TokenService } from './identity/tokens.ts';
import { RESOURCE_GROUPS } from './resources/index.ts';
import type { Migration, Store } from './store/store.ts';

/** Every migration in order: identity first, then each group in registry order. */
export const ALL_MIGRATIONS: readonly Migration[] = [...identityMigrations, ...RESOURCE_GROUPS.flatMap((g) => g.migrations)];

export interface Application {
  app: FastifyInstance;
  store: Store;
  identity: IdentityService;
  tokens: TokenService;
  bootstrap: BootstrapResult | undefined;
}

export async function openApplication(config: Config, store: Store, logger?: boolean | { level: string }): Promise<Application> {
  await store.migrate(ALL_MIGRATIONS);
  const identity = new IdentityService(store);
  const bootstrap = await bootstrapIdentity(store, config.bootstrap);
  const tokens = await TokenService.open(
    store,
    config.tokenIssuer,
    config.jwksUrl
      ? {
          jwksUrl: config.jwksUrl,
          issuer: config.jwtIssuer,
          audience: config.jwtAudience,
          workspaceClaim: config.jwtWorkspaceClaim,
          emailClaim: config.jwtEmailClaim,
        }
      : undefined,
  );
  const app = await buildApp({ config, store, identity, tokens, ...(logger !== undefined ? { logger } : {}) });
  return { app, store, identity, tokens, bootstrap };
}
