// The only place a request's workspace is decided: the token's workspace, or, when an MSP token sends
// Tenant-Acid, one of that MSP's tenants. Anything else with Tenant-Acid is refused (conventions §3).
import type { FastifyRequest } from 'fastify';
import type { IdentityService } from '../identity/identity-service.ts';
import type { Principal } from '../identity/model.ts';
import { ComError } from './com-error.ts';
import './request-context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sets request.workspaceId for an authenticated COM request; throws 400/403 for an unacceptable Tenant-Acid.
 * Settles without a promise when there is no Tenant-Acid (every non-MSP call).
 */
export function createTenancyResolver(identity: IdentityService): (request: FastifyRequest) => void | Promise<void> {
  async function enterTenant(request: FastifyRequest, principal: Principal, tenant: string): Promise<void> {
    if (principal.homeWorkspaceKind !== 'MSP' || !(await identity.isActiveTenantOf(principal.homeWorkspaceId, tenant))) {
      throw new ComError('TENANT_FORBIDDEN');
    }
    request.workspaceId = tenant.toLowerCase();
  }

  return function resolveWorkspace(request) {
    const principal = request.principal;
    if (!principal) throw new Error('tenancy resolved before authentication');
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
    return enterTenant(request, principal, tenant);
  };
}
