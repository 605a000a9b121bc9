// Request state declared up front: who is calling and which workspace the call runs in.
import type {} from '@fastify/swagger'; // brings `schema.hide` and OpenAPI keys into FastifySchema
import type { Permission, Principal } from '../identity/model.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on COM routes. */
    principal: Principal | null;
    /** The workspace the call runs in: the token's, or the tenant named by Tenant-Acid. Set by the tenancy hook. */
    workspaceId: string | null;
  }
  interface FastifyContextConfig {
    /** A COM API route: bearer token, tenancy, Accept and rate limit apply. */
    com?: boolean;
    /** Permission the route needs; defaults to read for GET and write otherwise. */
    permission?: Permission;
    /** Media types the body may have (POST/PUT default application/json, PATCH merge-patch). */
    bodyTypes?: readonly string[];
    /** The body may be left out (no Content-Type needed); the handler then sees `null`, so the body schema must admit null. */
    bodyOptional?: boolean;
  }
}

/** The caller and workspace of a COM request; handlers pass this to services. */
export interface CallContext {
  principal: Principal;
  workspaceId: string;
}

export function callContext(request: { principal: Principal | null; workspaceId: string | null }): CallContext {
  if (!request.principal || !request.workspaceId) throw new Error('COM route reached without authentication');
  return { principal: request.principal, workspaceId: request.workspaceId };
}
