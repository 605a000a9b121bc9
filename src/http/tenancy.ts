// The only place a request's workspace is decided: the token's workspace, or, when an MSP token sends
// Tenant-Acid, one of that MSP's tenants. Anything else with Tenant-Acid is refused (conventions §3).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { IdentityService } from '../identity/identity-service.ts';
import { ComError } from './com-error.ts';
import './request-context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tenancyPlugin = fp(async function tenancy(app: FastifyInstance, opts: { identity: IdentityService }) {
  app.addHook('onRequest', async (request) => {
    const principal = request.principal;
    if (!request.routeOptions.config.com || !principal) return;
    const header = request.headers['tenant-acid'];
    const tenant = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!tenant) {
      request.workspaceId = principal.homeWorkspaceId;
      return;
    }
    if (!UUID.test(tenant)) {
      throw new ComError('BAD_REQUEST', 'Tenant-Acid must be a UUID', [
        { type: 'hpe.greenlake.bad_request', issues: [{ source: 'header', subject: 'Tenant-Acid', description: 'must be a UUID' }] },
      ]);
    }
    if (principal.homeWorkspaceKind !== 'MSP' || !(await opts.identity.isActiveTenantOf(principal.homeWorkspaceId, tenant))) {
      throw new ComError('TENANT_FORBIDDEN');
    }
    request.workspaceId = tenant.toLowerCase();
  });
});
