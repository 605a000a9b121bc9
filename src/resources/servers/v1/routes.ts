// servers v1: the server routes, its sub-resources and the per-user notification routes.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { detailRoutes } from '../detail-routes.ts';
import type { ServerDetailsService } from '../details-service.ts';
import type { ServerNotificationService } from '../notification-service.ts';
import { serverRoutes } from '../server-routes.ts';
import type { ServerService } from '../service.ts';
import { listSpecV1, toV1 } from './mapper.ts';
import { serverNotificationsV1 } from './notification-routes.ts';
import { ServerCollectionV1, ServerV1 } from './schemas.ts';

export function serversV1(servers: ServerService, details: ServerDetailsService, notifications: ServerNotificationService): VersionRoutes {
  const parts = [
    serverRoutes(servers, { version: 'v1', item: ServerV1, collection: ServerCollectionV1, toWire: toV1, listSpec: listSpecV1, select: true }),
    detailRoutes(details, 'v1'),
    serverNotificationsV1(notifications),
  ];
  return async (app, scope) => {
    for (const part of parts) await part(app, scope);
  };
}
