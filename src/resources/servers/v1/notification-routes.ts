// servers v1 notification routes: the caller's choices (GET, PUT) and an administrator's choices for other
// users (POST). schema → fromV1 → service → toV1.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import type { ServerNotificationService } from '../notification-service.ts';
import { IdParams } from '../requests.ts';
import { fromNotificationsV1, toNotificationsV1 } from './mapper.ts';
import { NotificationsOnBehalfRequestV1, NotificationsRequestV1, NotificationsResponseV1 } from './notification-schemas.ts';

const tags = ['servers'];

export function serverNotificationsV1(service: ServerNotificationService): VersionRoutes {
  return (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/servers/:id/notifications',
      {
        schema: {
          operationId: 'get_v1_server_notifications',
          summary: "The caller's e-mail notification choices for a server",
          tags,
          params: IdParams,
          response: { 200: NotificationsResponseV1, ...errorResponses(401, 403, 404, 406, 500) },
        },
      },
      async (request) => toNotificationsV1(await service.get(callContext(request), request.params.id)),
    );

    r.put(
      '/servers/:id/notifications',
      {
        schema: {
          operationId: 'update_v1_server_notifications',
          summary: "Set the caller's e-mail notification choices for a server",
          tags,
          params: IdParams,
          body: NotificationsRequestV1,
          response: { 200: NotificationsResponseV1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => toNotificationsV1(await service.replace(callContext(request), request.params.id, () => fromNotificationsV1(request.body))),
    );

    r.post(
      '/servers/:id/notifications',
      {
        // It changes other users' settings, like user-preferences subscribe (docs/decisions.md).
        config: { permission: 'admin' },
        schema: {
          operationId: 'update_v1_server_notifications_on_behalf',
          summary: "Set other workspace users' e-mail notification choices for a server",
          tags,
          params: IdParams,
          body: NotificationsOnBehalfRequestV1,
          response: { 200: NotificationsResponseV1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => {
        const { data, recipients } = request.body;
        return toNotificationsV1(await service.setOnBehalf(callContext(request), request.params.id, fromNotificationsV1(data), recipients));
      },
    );
  };
}
