// RequestScope: the prefix and version a request came in on. COM derives `resourceUri` and `type` from
// them (conventions §1), so they are never stored. mountVersion serves one version's routes under both
// the current prefix and the legacy /compute-ops prefix from the same handlers.
import type { FastifyInstance } from 'fastify';
import './com-guard.ts';
import './request-context.ts';

export type ComPrefix = 'compute-ops-mgmt' | 'compute-ops';
export const COM_PREFIXES: readonly ComPrefix[] = ['compute-ops-mgmt', 'compute-ops'];

/** Where a request entered the API. */
export interface ApiScope {
  prefix: ComPrefix;
  version: string;
}

/** Root-relative self link: clients concatenate it with their base URL (client-compat.md). */
export function resourceUri(scope: ApiScope, path: string): string {
  return `/${scope.prefix}/${scope.version}/${path}`;
}

/** `compute-ops-mgmt/<kind>` or `compute-ops/<kind>`, following the request prefix. */
export function typeName(scope: ApiScope, kind: string): string {
  // One string per prefix and kind, built once: every item of every response carries it.
  const byKind = TYPE_NAMES[scope.prefix];
  let name = byKind.get(kind);
  if (name === undefined) byKind.set(kind, (name = `${scope.prefix}/${kind}`));
  return name;
}

const TYPE_NAMES: Record<ComPrefix, Map<string, string>> = { 'compute-ops-mgmt': new Map(), 'compute-ops': new Map() };

export type VersionRoutes = (app: FastifyInstance, scope: ApiScope) => void | Promise<void>;

export interface MountOptions {
  version: string;
  routes: VersionRoutes;
  /** The prefix /openapi.json documents (endpoints.md lists a few groups only under the legacy prefix). */
  published?: ComPrefix;
  /** Served under both prefixes but documented under neither: a version COM no longer lists, kept for clients. */
  hidden?: boolean;
}

/** Registers a version's routes under every COM prefix, marking them COM routes; only one prefix is documented. */
export async function mountVersion(app: FastifyInstance, options: MountOptions): Promise<void> {
  const published = options.published ?? 'compute-ops-mgmt';
  for (const prefix of COM_PREFIXES) {
    await app.register(
      async (child) => {
        child.addHook('onRoute', (route) => {
          route.config = { ...route.config, com: true };
          const own = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
          route.onRequest = [child.comGuard, ...own];
          if (prefix !== published || options.hidden) route.schema = { ...route.schema, hide: true };
        });
        await options.routes(child, { prefix, version: options.version });
      },
      { prefix: `/${prefix}/${options.version}` },
    );
  }
}

export interface AliasOptions {
  /** The path prefix clients send, e.g. `/api/compute/v1` (client-compat.md: legacy URIs in old bodies). */
  path: string;
  /** The version whose routes, shapes and self links the alias serves. */
  scope: ApiScope;
  routes: VersionRoutes;
}

/** Serves a version's routes under a legacy path outside the COM prefixes, undocumented, as a COM route. */
export async function mountAlias(app: FastifyInstance, options: AliasOptions): Promise<void> {
  await app.register(
    async (child) => {
      child.addHook('onRoute', (route) => {
        route.config = { ...route.config, com: true };
        const own = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
        route.onRequest = [child.comGuard, ...own];
        route.schema = { ...route.schema, hide: true };
      });
      await options.routes(child, options.scope);
    },
    { prefix: options.path },
  );
}
