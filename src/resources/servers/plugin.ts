// The servers group: one hub model over the servers tables, published as v1 and v1beta2, with the legacy
// v1beta1 shape served (unpublished) from the same handlers, and the log download links.
import { mountVersion } from '../../http/api-scope.ts';
import { registerExecutor } from '../../job-engine/executors/index.ts';
import { registerJobTarget } from '../../job-engine/targets.ts';
import type { ResourceGroup } from '../group.ts';
import { logArchiveRoutes } from './detail-routes.ts';
import { ServerDetailsService } from './details-service.ts';
import { serverMigrations } from './migrations.ts';
import { ServerNotificationService } from './notification-service.ts';
import { registrationExecutor, REGISTRATION_TEMPLATE_NAME } from './registration-job.ts';
import { findServer } from './repository.ts';
import { ServerService } from './service.ts';
import { serversV1 } from './v1/routes.ts';
import { serversV1beta1 } from './v1beta1/routes.ts';
import { serversV1beta2 } from './v1beta2/routes.ts';

export const serversGroup: ResourceGroup = {
  name: 'servers',
  migrations: serverMigrations,
  async register(app, deps) {
    // Jobs act on servers: the jobs API asks here whether a target exists, and registrations are jobs.
    registerJobTarget('server', async (db, workspaceId, id) => {
      const server = await findServer(db, workspaceId, id);
      return server && { name: server.name };
    });
    registerExecutor(REGISTRATION_TEMPLATE_NAME, registrationExecutor);
    const servers = new ServerService(deps.store);
    const details = new ServerDetailsService(deps.store);
    const notifications = new ServerNotificationService(deps.store, deps.identity);
    await mountVersion(app, { version: 'v1', routes: serversV1(servers, details, notifications) });
    await mountVersion(app, { version: 'v1beta2', routes: serversV1beta2(servers, details, notifications) });
    await mountVersion(app, { version: 'v1beta1', routes: serversV1beta1(servers) });
    logArchiveRoutes(app, details);
  },
};
