// The servers group: one hub model over the servers tables, published as v1 and v1beta2, with the legacy
// v1beta1 shape served (unpublished) from the same handlers, and the log download links.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { logArchiveRoutes } from './detail-routes.ts';
import { ServerDetailsService } from './details-service.ts';
import { serverMigrations } from './migrations.ts';
import { ServerNotificationService } from './notification-service.ts';
import { ServerService } from './service.ts';
import { serversV1 } from './v1/routes.ts';
import { serversV1beta1 } from './v1beta1/routes.ts';
import { serversV1beta2 } from './v1beta2/routes.ts';

export const serversGroup: ResourceGroup = {
  name: 'servers',
  migrations: serverMigrations,
  async register(app, deps) {
    const servers = new ServerService(deps.store);
    const details = new ServerDetailsService(deps.store);
    const notifications = new ServerNotificationService(deps.store, deps.identity);
    await mountVersion(app, { version: 'v1', routes: serversV1(servers, details, notifications) });
    await mountVersion(app, { version: 'v1beta2', routes: serversV1beta2(servers, details, notifications) });
    await mountVersion(app, { version: 'v1beta1', routes: serversV1beta1(servers) });
    logArchiveRoutes(app, details);
  },
};
