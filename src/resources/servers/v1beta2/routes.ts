// servers v1beta2: the server routes, its sub-resources (no download-logs) and the caller's notification
// choices (no on-behalf POST, servers.md §1).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import { detailRoutes } from '../detail-routes.ts';
import type { ServerDetailsService } from '../details-service.ts';
import type { ServerNotificationService } from '../notification-service.ts';
import { IdParams } from '../requests.ts';
import { serverRoutes } from '../server-routes.ts';
import type { ServerService } from '../service.ts';
import { fromNotificationsV1beta2, listSpecV1beta2, toNotificationsV1beta2, toV1beta2 } from './mapper.ts';
import { NotificationsRequestV1beta2, NotificationsResponseV1beta2, ServerCollectionV1beta2, ServerV1beta2 } from './schemas.ts';

const tags = ['servers'];

function notificationRoutes(service: ServerNotificationService): VersionRoutes {
  return (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.get(
      '/servers/:id/notifications',
      {
        schema: {
          operationId: 'get_v1beta2_server_notifications',
          summary: "The caller's e-mail notification choices for a server",
          tags,
          params: IdParams,
          response: { 200: NotificationsResponseV1beta2, ...errorResponses(401, 403, 404, 406, 500) },
        },
      },
      async (request) => toNotificationsV1beta2(await service.get(callContext(request), request.params.id)),
    );
    r.put(
      '/servers/:id/notifications',
      {
        schema: {
          operationId: 'update_v1beta2_server_notifications',
          summary: "Set the caller's e-mail notification choices for a server",
          tags,
          params: IdParams,
          body: NotificationsRequestV1beta2,
          response: { 200: NotificationsResponseV1beta2, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => {
        const updated = await service.replace(callContext(request), request.params.id, (current) => fromNotificationsV1beta2(request.body, current));
        return toNotificationsV1beta2(updated);
      },
    );
  };
}

export function serversV1beta2(servers: ServerService, details: ServerDetailsService, notifications: ServerNotificationService): VersionRoutes {
  const parts = [
    serverRoutes(servers, { version: 'v1beta2', item: ServerV1beta2, collection: ServerCollectionV1beta2, toWire: toV1beta2, listSpec: listSpecV1beta2, select: false }),
    detailRoutes(details, 'v1beta2'),
    notificationRoutes(notifications),
  ];
  return async (app, scope) => {
    for (const part of parts) await part(app, scope);
  };
}
